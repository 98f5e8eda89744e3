"""OAuth2 authorization-server state: apps (clients), codes, tokens, company connections, signing keys."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from anil.storage.base import Base
from anil.storage.types import utcnow


class OAuthClient(Base):
    """A registered integrator app."""

    __tablename__ = "oauth_clients"

    client_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    client_secret: Mapped[str] = mapped_column(String(128))
    nome: Mapped[str] = mapped_column(String(255))
    redirect_uris: Mapped[list[str]] = mapped_column(JSON)
    demo: Mapped[bool] = mapped_column(default=False)
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuthorizationCode(Base):
    __tablename__ = "oauth_authorization_codes"

    code: Mapped[str] = mapped_column(String(128), primary_key=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("oauth_clients.client_id", ondelete="CASCADE"))
    usuario_id: Mapped[str] = mapped_column(ForeignKey("usuarios.id", ondelete="CASCADE"))
    empresa_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    redirect_uri: Mapped[str] = mapped_column(Text)
    scope: Mapped[str] = mapped_column(Text, default="")
    code_challenge: Mapped[str | None] = mapped_column(String(128))
    code_challenge_method: Mapped[str | None] = mapped_column(String(16))
    nonce: Mapped[str | None] = mapped_column(String(255))
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expira_em: Mapped[datetime] = mapped_column(DateTime)
    usado_em: Mapped[datetime | None] = mapped_column(DateTime)


class OAuthToken(Base):
    """One issued token pair. The access token is a self-contained JWT; only its `jti` is kept."""

    __tablename__ = "oauth_tokens"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    client_id: Mapped[str] = mapped_column(
        ForeignKey("oauth_clients.client_id", ondelete="CASCADE"), index=True
    )
    empresa_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"), index=True)
    usuario_id: Mapped[str | None] = mapped_column(ForeignKey("usuarios.id", ondelete="CASCADE"))
    access_jti: Mapped[str] = mapped_column(String(64), unique=True)
    refresh_token: Mapped[str] = mapped_column(String(128), unique=True)
    scope: Mapped[str] = mapped_column(Text, default="")
    emitido_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    access_expira_em: Mapped[datetime] = mapped_column(DateTime)
    refresh_expira_em: Mapped[datetime] = mapped_column(DateTime)
    # Set when the refresh token is redeemed (single use) or revoked.
    refresh_usado_em: Mapped[datetime | None] = mapped_column(DateTime)


class OAuthConnection(Base):
    """An app connected to a company (one authorization flow per company). Revocation ends refreshes."""

    __tablename__ = "oauth_connections"
    __table_args__ = (UniqueConstraint("client_id", "empresa_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("oauth_clients.client_id", ondelete="CASCADE"))
    empresa_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    conectado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    revogado_em: Mapped[datetime | None] = mapped_column(DateTime)


class SigningKey(Base):
    """RSA key that signs access tokens; kept in the database so every process and the CLI share it."""

    __tablename__ = "signing_keys"

    kid: Mapped[str] = mapped_column(String(64), primary_key=True)
    private_jwk: Mapped[dict] = mapped_column(JSON)
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
