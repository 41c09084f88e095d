"""Benchmark: export and import of a whole district's first package, against bare sqlite3.

python tests/bench/bench_exchange.py [region|national]
Baseline: the same person rows read with sqlite3 + json.dumps, and inserted with executemany.
Export and import also print their CPU seconds: on a loaded machine they vary far less than the
wall clock (compare with another tree's code run in the same minutes, not with old figures).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.core.bootstrap import open_store
from app.core.context import Actor
from app.demo.generator import generate
from app.exchange.apply import apply_body, import_package
from app.exchange.export import export_package
from app.exchange.signing import pair, public_key
from app.exchange.state import set_node_name
from app.exchange.unpack import unpack

PASS = "benchmark passphrase"


def main() -> None:
    scale = sys.argv[1] if len(sys.argv) > 1 else "region"
    actor = Actor("bench")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template = folder / "template.db"
        open_store(template, backup=False, create=True).dispose()
        shutil.copyfile(template, folder / "centre.db")
        district = open_store(folder / "district.db", backup=False, create=True)
        with district.write() as s:
            set_node_name(s, actor, "district")
            summary = generate(s, actor, scale=scale, seed=1)
            district_key = public_key(s, actor)

        started, cpu = time.perf_counter(), time.process_time()
        with district.write() as s:
            data, exported = export_package(s, actor, "centre", PASS)
        export_s, export_cpu = time.perf_counter() - started, time.process_time() - cpu
        district.dispose()

        centre = open_store(folder / "centre.db", backup=False)
        with centre.write() as s:
            set_node_name(s, actor, "centre")
            pair(s, actor, "district", district_key)  # packages only from a paired PC
        started, cpu = time.perf_counter(), time.process_time()
        with centre.write() as s:
            result = import_package(s, actor, data, PASS)
        import_s, import_cpu = time.perf_counter() - started, time.process_time() - cpu
        started = time.perf_counter()
        with centre.write() as s:
            import_package(s, actor, data, PASS)
        again_s = time.perf_counter() - started
        body = unpack(data, PASS)
        body["package_id"] = str(uuid.uuid4())  # same content, new package: compared row by row
        started = time.perf_counter()
        with centre.write() as s:
            same = apply_body(s, actor, body)
        compare_s = time.perf_counter() - started
        centre.dispose()

        conn = sqlite3.connect(folder / "district.db")
        started = time.perf_counter()
        rows = conn.execute("SELECT * FROM person").fetchall()
        blob = json.dumps([list(map(str, r)) for r in rows])
        base_export = time.perf_counter() - started
        cols = len(rows[0])
        target = sqlite3.connect(folder / "bare.db")
        target.execute(f"CREATE TABLE person ({', '.join(f'c{i}' for i in range(cols))})")
        started = time.perf_counter()
        with target:
            target.executemany(
                f"INSERT INTO person VALUES ({', '.join('?' * cols)})", json.loads(blob)
            )
        base_import = time.perf_counter() - started
        conn.close()
        target.close()

    print(
        f"scale={scale}: {summary.people} people, {exported.records} records, "
        f"{exported.audit_entries} audit entries, package {len(data) / 1e6:.2f} MB"
    )
    print(
        f"export   {export_s:7.2f} s   bare sqlite3 read+json {base_export:6.3f} s   "
        f"ratio {export_s / base_export:6.1f}   (CPU {export_cpu:.2f} s)"
    )
    print(
        f"import   {import_s:7.2f} s   bare executemany      {base_import:6.3f} s   "
        f"ratio {import_s / base_import:6.1f}   (CPU {import_cpu:.2f} s, "
        f"{result.inserted} inserted)"
    )
    print(f"same package again {again_s:.2f} s (recognised by its id)")
    print(
        f"same content, new package id {compare_s:.2f} s "
        f"({same.unchanged} unchanged, {same.inserted + same.updated} written)"
    )


if __name__ == "__main__":
    main()
