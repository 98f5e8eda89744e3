"""Column types shared by every model: portable UUID strings, money, UTC timestamps."""

from __future__ import annotations

from datetime import UTC, datetime

import uuid_utils
from sqlalchemy import JSON, Numeric, String
from sqlalchemy.dialects.postgresql import JSONB

# UUIDs travel as text in the API; storing the canonical 36-char form keeps both engines identical.
UUIDStr = String(36)
Money = Numeric(15, 2, asdecimal=True)
JSONColumn = JSON().with_variant(JSONB(), "postgresql")


def new_uuid() -> str:
    """A new record's id: a UUID version 7 (RFC 9562), time-ordered, the rest random. Ids that ascend with
    time land at the right-hand end of every index they lead (the record's own, and its children's by
    parent id) instead of on a random page each: on SQLite a receivable's creation writes half the WAL
    and holds the write lock a fifth less (bench/: 0.21 → 0.17 ms in process). To clients they are
    opaque UUIDs, as Conta Azul's."""
    return str(uuid_utils.uuid7())


def utcnow() -> datetime:
    """Naive UTC: both engines store it unchanged; the API layer renders São Paulo local time."""
    return datetime.now(UTC).replace(tzinfo=None)
