"""Numbered packages and acknowledgements between two PCs (issue 15: nothing dropped).

Each complete package to a peer has the next number of that pair; each carries `ack`, the
highest number its sender has received from the recipient. An export starts at the last
package the peer acknowledged (export._since), so a lost package's changes come again, and
ordering never depends on either PC's clock.
"""

from __future__ import annotations

from typing import Any

from app.exchange.crypto import PackageError
from db.models import ExchangePeer
from i18n import N_


def _number(body: dict[str, Any], key: str) -> int | None:
    value = body.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise PackageError(N_("The package is damaged."))
    return value


def note_sequence(peer: ExchangePeer, body: dict[str, Any]) -> int:
    """Record a package's number and acknowledgement; how many earlier packages were lost."""
    seq, ack = _number(body, "seq"), _number(body, "ack")
    if ack is not None:
        # The peer cannot have received more than this PC sent: such an ack is made up.
        peer.acked_seq = max(peer.acked_seq, min(ack, peer.sent_seq))
    if seq is None:  # an extra delivery without confidential records: not numbered
        return 0
    lost = max(0, seq - peer.received_seq - 1)
    peer.received_seq = max(peer.received_seq, seq)
    return lost
