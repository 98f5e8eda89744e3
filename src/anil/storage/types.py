"""Column types shared by every model: portable UUID strings, money, UTC timestamps."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import JSON, Numeric, String
from sqlalchemy.dialects.postgresql import JSONB

# UUIDs travel as text in the API; storing the canonical 36-char form keeps both engines identical.
UUIDStr = String(36)
Money = Numeric(15, 2, asdecimal=True)
JSONColumn = JSON().with_variant(JSONB(), "postgresql")


def new_uuid() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Naive UTC: both engines store it unchanged; the API layer renders São Paulo local time."""
    return datetime.now(UTC).replace(tzinfo=None)
