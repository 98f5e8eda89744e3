"""The admin key of `/_anil/`: generated on first start, kept in the data dir, printed by `anil serve`."""

from __future__ import annotations

import secrets
from pathlib import Path


def read_admin_key(path: Path) -> str | None:
    try:
        return path.read_text().strip() or None
    except FileNotFoundError:
        return None


def ensure_admin_key(path: Path) -> str:
    existing = read_admin_key(path)
    if existing:
        return existing
    path.parent.mkdir(parents=True, exist_ok=True)
    key = "anil_admin_" + secrets.token_urlsafe(24)
    path.write_text(key + "\n")
    path.chmod(0o600)
    return key
