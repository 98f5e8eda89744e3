"""The RSA key that signs access tokens. Kept in the database so every process and the CLI share it;
`anil serve` creates it before starting workers, so two workers never each mint their own."""

from __future__ import annotations

from joserfc.jwk import RSAKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from anil.storage.models import SigningKey


def load_signing_key(session: Session) -> RSAKey:
    """The newest signing key; created (and flushed) on first use."""
    row = session.scalar(select(SigningKey).order_by(SigningKey.criado_em.desc(), SigningKey.kid).limit(1))
    if row is None:
        key = RSAKey.generate_key(2048, parameters={"use": "sig", "alg": "RS256"}, auto_kid=True)
        row = SigningKey(kid=key.kid, private_jwk=key.as_dict(private=True))
        session.add(row)
        session.flush()
    return RSAKey.import_key(row.private_jwk)
