"""Helpers shared by command handlers: opening the store, printing results and errors."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from app.core.bootstrap import open_store
from app.core.errors import DomainError
from app.core.store import Store

Handler = Callable[[argparse.Namespace], int]


def store_of(args: argparse.Namespace, *, backup: bool = True) -> Store:
    """Open the store named by --db (or the default one); closed when the command ends."""
    store = open_store(args.db, backup=backup)
    opened = getattr(args, "_opened_stores", None)
    if isinstance(opened, list):
        opened.append(store)
    return store


def guarded(handler: Handler) -> Handler:
    """Turn DomainErrors into a message on stderr and exit code 2."""

    def run(args: argparse.Namespace) -> int:
        # Pooled connections are closed when the command ends (main() may run in-process).
        args._opened_stores = []
        try:
            return handler(args)
        except DomainError as exc:
            print(exc.message(), file=sys.stderr)
            return 2
        finally:
            for store in args._opened_stores:
                store.dispose()

    return run
