"""Run one action from several processes at once against one store, round after round."""

from __future__ import annotations

import importlib
import multiprocessing as mp
import queue as queues
import time
from typing import Any

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.core.errors import DomainError


def _worker(
    url: str, action: str, rounds: int, index: int, payload: Any, barrier: Any, out: Any
) -> None:
    module, name = action.split(":")
    act = getattr(importlib.import_module(module), name)
    store = open_store(url, backup=False)
    try:
        for round_no in range(rounds):
            barrier.wait(timeout=60)  # every process starts the round together
            try:
                with store.write() as s:
                    act(s, local_actor(), round_no, index, payload)
                outcome = "ok"
            except DomainError as exc:
                outcome = type(exc).__name__
            except Exception as exc:  # a crash is an outcome the test reports
                outcome = f"error: {exc!r}"[:400]
            out.put((round_no, index, outcome))
    finally:
        store.dispose()


def race(
    url: str, action: str, *, rounds: int = 20, workers: int = 2, payload: Any = None
) -> list[list[str]]:
    """Outcomes per round ("ok", a DomainError's class name, or "error: …"), by worker."""
    ctx = mp.get_context("spawn")  # a forked child would share the parent's connections
    barrier, out = ctx.Barrier(workers), ctx.Queue()
    procs = [
        ctx.Process(target=_worker, args=(url, action, rounds, i, payload, barrier, out))
        for i in range(workers)
    ]
    for p in procs:
        p.start()
    results = [[""] * workers for _ in range(rounds)]
    try:
        received, deadline = 0, time.monotonic() + 120
        while received < rounds * workers:
            try:
                round_no, index, outcome = out.get(timeout=1)
            except queues.Empty:
                if time.monotonic() > deadline or any(p.exitcode for p in procs):
                    raise AssertionError(f"a racing process died or hung: {results}") from None
                continue
            results[round_no][index] = outcome
            received += 1
    finally:
        for p in procs:
            p.join(timeout=30)
            if p.is_alive():
                p.kill()
    return results


def crashes(results: list[list[str]]) -> list[str]:
    """Outcomes that are neither a success nor a clear refusal."""
    return [o for row in results for o in row if o.startswith("error")]
