"""Text keys for matching and ordering that behave the same on SQLite and PostgreSQL.

SQLite's `lower()` folds ASCII only and its `LIKE` ignores accents nowhere, so names are compared through a
key computed once, on write: case-folded, accents removed, punctuation turned into single spaces.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def chave(texto: str | None) -> str:
    """`"  São-Paulo D'Oeste "` → `"sao paulo d oeste"`."""
    if not texto:
        return ""
    decomposed = unicodedata.normalize("NFKD", texto.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", plain).strip()
