"""Password hashing for ERP users (stdlib scrypt; no reason to pull a dependency for it)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from functools import cache

_N, _R, _P = 2**14, 8, 1


def hash_senha(senha: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(senha.encode(), salt=salt, n=_N, r=_R, p=_P)
    return f"scrypt${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


@cache
def _no_user() -> str:
    """Checked against when the e-mail is unknown, so a failed login costs the same either way."""
    return hash_senha("")


def confere_senha(senha: str, armazenado: str | None) -> bool:
    """True when `senha` matches; `armazenado=None` (unknown user) still pays the full scrypt cost."""
    if armazenado is None:
        confere_senha(senha, _no_user())
        return False
    try:
        _, salt_b64, digest_b64 = armazenado.split("$")
    except ValueError:
        return False
    salt = base64.b64decode(salt_b64)
    digest = hashlib.scrypt(senha.encode(), salt=salt, n=_N, r=_R, p=_P)
    return hmac.compare_digest(digest, base64.b64decode(digest_b64))
