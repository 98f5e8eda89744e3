"""Token issuance and verification, shared by the OAuth grants, `/_anil/tokens` and `anil token`.

Access tokens are RS256 JWTs (RFC 9068, Authlib's generator) bound to one company through the
`id_empresa` claim. Refresh tokens are opaque, single use, and rotated on every refresh; their state
lives in `oauth_tokens`. Verification caches verified tokens so the hot path does not pay RS256 per call.
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from authlib.oauth2.rfc6749 import ClientMixin
from authlib.oauth2.rfc9068 import JWTBearerTokenGenerator
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet, RSAKey
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from anil.auth.scopes import DEFAULT_SCOPE, SUPPORTED_SCOPES
from anil.domain.clock import Clock, SystemClock
from anil.errors import Unauthorized
from anil.storage.models import OAuthClient, OAuthConnection, OAuthToken


class AuthlibClient(ClientMixin):
    """Authlib's view of a registered app."""

    def __init__(self, row: OAuthClient) -> None:
        self.row = row
        self.client_id = row.client_id

    def get_client_id(self) -> str:
        return self.row.client_id

    def get_default_redirect_uri(self) -> str:
        return self.row.redirect_uris[0]

    def get_allowed_scope(self, scope: str | None) -> str:
        if not scope:
            return DEFAULT_SCOPE
        return " ".join(item for item in scope.split() if item in SUPPORTED_SCOPES)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return redirect_uri in self.row.redirect_uris

    def check_client_secret(self, client_secret: str) -> bool:
        return secrets.compare_digest(client_secret or "", self.row.client_secret)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method in {"client_secret_basic", "client_secret_post", "client_secret_query"}

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type in {"authorization_code", "refresh_token"}


@dataclass(frozen=True)
class Grantee:
    """Who a token acts for: an ERP user inside one company (user is None for sandbox tokens)."""

    empresa_id: str
    usuario_id: str | None = None

    def get_user_id(self) -> str:
        return self.usuario_id or self.empresa_id


def public_jwks(key: RSAKey) -> dict:
    public = key.as_dict(private=False)
    public.setdefault("use", "sig")
    public.setdefault("alg", "RS256")
    return {"keys": [public]}


def naive_utc(clock: Clock) -> datetime:
    """The clock's now as the naive UTC the database columns hold."""
    return clock.now().astimezone(UTC).replace(tzinfo=None)


class AccessTokenGenerator(JWTBearerTokenGenerator):
    def __init__(self, issuer: str, key: RSAKey, access_seconds: int, clock: Clock | None = None) -> None:
        super().__init__(
            issuer=issuer,
            refresh_token_generator=lambda **_: secrets.token_urlsafe(48),
            expires_generator=lambda client, grant_type: access_seconds,
        )
        self._jwks = KeySet([key])
        self.access_seconds = access_seconds
        self.clock = clock or SystemClock()

    def get_jwks(self) -> KeySet:
        return self._jwks

    def get_extra_claims(self, client, grant_type, user, scope):  # type: ignore[no-untyped-def]
        # Authlib stamps iat/exp from time.time(); restamp them from the injectable clock the verifier reads.
        now = int(self.clock.now().timestamp())
        claims = {"iat": now, "exp": now + self.access_seconds}
        if user is not None:
            claims["id_empresa"] = user.empresa_id
        return claims


def _unverified_claims(token: str) -> dict:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


class TokenIssuer:
    def __init__(
        self,
        issuer: str,
        key: RSAKey,
        *,
        access_seconds: int,
        refresh_days: int,
        clock: Clock | None = None,
    ) -> None:
        self.clock = clock or SystemClock()
        self.generator = AccessTokenGenerator(issuer, key, access_seconds, self.clock)
        self.refresh_days = refresh_days

    def issue(
        self,
        session: Session,
        client: OAuthClient,
        grantee: Grantee,
        *,
        grant_type: str = "authorization_code",
        scope: str | None = None,
    ) -> dict:
        """Generate a token pair, persist it, and make sure the app is connected to the company."""
        token = self.generator.generate(
            grant_type=grant_type,
            client=AuthlibClient(client),
            user=grantee,
            scope=scope or DEFAULT_SCOPE,
            include_refresh_token=True,
        )
        self.save(session, token, client.client_id, grantee)
        return token

    def save(self, session: Session, token: dict, client_id: str, grantee: Grantee) -> OAuthToken:
        claims = _unverified_claims(token["access_token"])
        now = naive_utc(self.clock)
        connect(session, client_id, grantee.empresa_id, now)
        row = OAuthToken(
            client_id=client_id,
            empresa_id=grantee.empresa_id,
            usuario_id=grantee.usuario_id,
            access_jti=claims["jti"],
            refresh_token=token["refresh_token"],
            scope=token.get("scope") or "",
            emitido_em=now,
            access_expira_em=datetime.fromtimestamp(claims["exp"], UTC).replace(tzinfo=None),
            refresh_expira_em=now + timedelta(days=self.refresh_days),
        )
        session.add(row)
        session.flush()
        return row


def connect(session: Session, client_id: str, empresa_id: str, now: datetime) -> OAuthConnection:
    """Record (or renew after a revocation) the connection between an app and a company.

    Renewing kills the refresh tokens issued before the revocation: they answer `invalid_refresh_token`
    from then on, instead of `access_revoked`, and never come back to life."""
    connection = session.scalar(
        select(OAuthConnection).where(
            OAuthConnection.client_id == client_id, OAuthConnection.empresa_id == empresa_id
        )
    )
    if connection is None:
        connection = OAuthConnection(client_id=client_id, empresa_id=empresa_id, conectado_em=now)
        session.add(connection)
    elif connection.revogado_em is not None:
        kill_refresh_tokens(session, client_id, empresa_id, now)
        connection.revogado_em = None
        connection.conectado_em = now
    return connection


def kill_refresh_tokens(session: Session, client_id: str, empresa_id: str, now: datetime) -> None:
    """Mark every live refresh token of an app-company connection as spent."""
    session.execute(
        update(OAuthToken)
        .where(
            OAuthToken.client_id == client_id,
            OAuthToken.empresa_id == empresa_id,
            OAuthToken.refresh_usado_em.is_(None),
        )
        .values(refresh_usado_em=now)
    )


@dataclass(frozen=True, slots=True)
class AccessClaims:
    empresa_id: str
    client_id: str
    subject: str
    scope: str
    expires_at: int


class TokenVerifier:
    """Checks bearer tokens against the signing key and an injectable clock, with a bounded cache."""

    def __init__(self, issuer: str, key: RSAKey, clock: Clock, *, cache_size: int = 10_000) -> None:
        self.issuer = issuer
        self.key = key
        self.clock = clock
        self._cache: OrderedDict[str, AccessClaims] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def verify(self, token: str) -> AccessClaims:
        now = self.clock.now().timestamp()
        claims = self._cache.get(token)
        if claims is None:
            claims = self._decode(token)
            with self._lock:
                self._cache[token] = claims
                if len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        if claims.expires_at <= now:
            raise Unauthorized("Token expirado")
        return claims

    def _decode(self, token: str) -> AccessClaims:
        try:
            decoded = jwt.decode(token, self.key, algorithms=["RS256"])
        except (JoseError, ValueError, TypeError) as exc:
            raise Unauthorized("Token inválido") from exc
        claims = decoded.claims
        # The signature is by this installation's own key, which is what proves the issuer; the `iss` URL
        # itself may name another port (`anil token` run beside `anil serve --port N`), so it is not compared.
        if "id_empresa" not in claims or "exp" not in claims:
            raise Unauthorized("Token inválido")
        return AccessClaims(
            empresa_id=claims["id_empresa"],
            client_id=claims.get("client_id", ""),
            subject=claims.get("sub", ""),
            scope=claims.get("scope", ""),
            expires_at=int(claims["exp"]),
        )


def issue_sandbox_token(
    session: Session, issuer: TokenIssuer, empresa_id: str, client_id: str | None = None
) -> dict:
    """A token pair without a browser (`POST /_anil/tokens`, `anil token`): as if the company's first
    user had consented. Defaults to the demo app."""
    from anil.services import admin

    empresa = admin.obter_empresa(session, empresa_id)
    client = admin.obter_app(session, client_id) if client_id else admin.demo_app(session)
    if client is None:
        from anil.errors import NotFound

        raise NotFound("Nenhum app registrado: crie um com 'anil apps create'")
    token = issuer.issue(session, client, Grantee(empresa_id=empresa.id))
    return {
        "access_token": token["access_token"],
        "refresh_token": token["refresh_token"],
        "expires_in": token["expires_in"],
        "token_type": token["token_type"],
        "client_id": client.client_id,
        "client_secret": client.client_secret,
        "id_empresa": empresa.id,
    }
