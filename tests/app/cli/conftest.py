"""Fixtures of the command-line tests: logins on, one user of every role."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="module", autouse=True)
def quick_hashes() -> Iterator[None]:
    """Cheaper argon2 parameters: these modules log in hundreds of times (the cost is a
    parameter stored in each hash; the check is the same)."""
    from argon2 import PasswordHasher

    from app.security import authentication

    with pytest.MonkeyPatch.context() as patch:
        authentication._dummy_hash.cache_clear()
        patch.setattr(
            authentication, "_hasher", lambda: PasswordHasher(time_cost=1, memory_cost=1024)
        )
        yield
    authentication._dummy_hash.cache_clear()
