"""The two grants Conta Azul offers, on Authlib: authorization code (+ optional PKCE S256) and the
single-use, rotating refresh token. Codes and refresh tokens are claimed with a conditional UPDATE, so of
two concurrent redemptions exactly one wins, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from authlib.oauth2.rfc6749 import AuthorizationCodeMixin, TokenMixin, grants
from authlib.oauth2.rfc6749.errors import InvalidGrantError, InvalidRequestError
from authlib.oauth2.rfc7636 import CodeChallenge
from sqlalchemy import select, update

from anil.auth.tokens import Grantee, kill_refresh_tokens, naive_utc
from anil.storage.models import AuthorizationCode, OAuthConnection, OAuthToken

if TYPE_CHECKING:
    from anil.auth.server import AuthorizationServer

AUTH_METHODS = ["client_secret_basic", "client_secret_post", "client_secret_query"]
NONCE_MAX = AuthorizationCode.__table__.c.nonce.type.length


class RefreshTokenRefused(InvalidGrantError):
    """`invalid_grant` with Conta Azul's `error_subtype` (`invalid_refresh_token`, `access_revoked`,
    `invalid_client`)."""

    def __init__(self, subtype: str, description: str) -> None:
        super().__init__(description=description)
        self.subtype = subtype

    def get_body(self):  # type: ignore[no-untyped-def]
        body = super().get_body()
        body.insert(1, ("error_subtype", self.subtype))
        return body


class CodeRow(AuthorizationCodeMixin):
    def __init__(self, row: AuthorizationCode) -> None:
        self.row = row
        self.code_challenge = row.code_challenge
        self.code_challenge_method = row.code_challenge_method

    def get_redirect_uri(self) -> str:
        return self.row.redirect_uri

    def get_scope(self) -> str:
        return self.row.scope


class TokenRow(TokenMixin):
    def __init__(self, row: OAuthToken) -> None:
        self.row = row

    def check_client(self, client) -> bool:  # type: ignore[no-untyped-def]
        return self.row.client_id == client.get_client_id()

    def get_scope(self) -> str:
        return self.row.scope

    def get_user(self) -> Grantee:
        return Grantee(self.row.empresa_id, self.row.usuario_id)


class S256CodeChallenge(CodeChallenge):
    """PKCE as the discovery documents advertise it: S256 only, and the method must be named."""

    SUPPORTED_CODE_CHALLENGE_METHOD = ["S256"]

    def validate_code_challenge(self, grant, redirect_uri):  # type: ignore[no-untyped-def]
        super().validate_code_challenge(grant, redirect_uri)
        data = grant.request.payload.data
        if data.get("code_challenge") and not data.get("code_challenge_method"):
            raise InvalidRequestError("Missing 'code_challenge_method'")


class AuthorizationCodeGrant(grants.AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = AUTH_METHODS
    server: AuthorizationServer

    def save_authorization_code(self, code, request):  # type: ignore[no-untyped-def]
        grantee: Grantee = request.user
        data = request.payload.data
        nonce = data.get("nonce")
        now = naive_utc(self.server.clock)
        self.server.session.add(
            AuthorizationCode(
                code=code,
                client_id=request.client.get_client_id(),
                usuario_id=grantee.usuario_id,
                empresa_id=grantee.empresa_id,
                redirect_uri=request.payload.redirect_uri or "",
                scope=request.scope or "",
                code_challenge=data.get("code_challenge"),
                code_challenge_method=data.get("code_challenge_method"),
                nonce=nonce if nonce and len(nonce) <= NONCE_MAX else None,  # kept for a future id_token
                criado_em=now,
                expira_em=now + timedelta(seconds=self.server.settings.authorization_code_seconds),
            )
        )
        self.server.session.flush()

    def query_authorization_code(self, code, client):  # type: ignore[no-untyped-def]
        row = self.server.session.get(AuthorizationCode, code)
        if (
            row is None
            or row.client_id != client.get_client_id()
            or row.usado_em is not None
            or row.expira_em <= naive_utc(self.server.clock)
        ):
            return None
        return CodeRow(row)

    def validate_token_request(self) -> None:
        super().validate_token_request()  # client, code, redirect_uri, then the PKCE verifier
        claimed = self.server.session.execute(
            update(AuthorizationCode)
            .where(
                AuthorizationCode.code == self.request.authorization_code.row.code,
                AuthorizationCode.usado_em.is_(None),
            )
            .values(usado_em=naive_utc(self.server.clock))
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            raise InvalidGrantError("Invalid 'code' in request.")

    def delete_authorization_code(self, authorization_code):  # type: ignore[no-untyped-def]
        """Nothing left to do: the code was claimed in `validate_token_request`."""

    def authenticate_user(self, authorization_code):  # type: ignore[no-untyped-def]
        row = authorization_code.row
        return Grantee(row.empresa_id, row.usuario_id)


class RefreshTokenGrant(grants.RefreshTokenGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = AUTH_METHODS
    INCLUDE_NEW_REFRESH_TOKEN = True
    server: AuthorizationServer

    def authenticate_refresh_token(self, refresh_token):  # type: ignore[no-untyped-def]
        session = self.server.session
        row = session.scalar(select(OAuthToken).where(OAuthToken.refresh_token == refresh_token))
        if row is None:
            raise RefreshTokenRefused("invalid_refresh_token", "Invalid refresh token")
        if row.client_id != self.request.client.get_client_id():
            raise RefreshTokenRefused("invalid_client", "Refresh token was issued to another client")
        connection = session.scalar(
            select(OAuthConnection).where(
                OAuthConnection.client_id == row.client_id, OAuthConnection.empresa_id == row.empresa_id
            )
        )
        if connection is not None and connection.revogado_em is not None:
            raise RefreshTokenRefused("access_revoked", "Access to this company has been revoked")
        if row.refresh_usado_em is not None:
            self._replayed(row)
        if row.refresh_expira_em <= naive_utc(self.server.clock):
            raise RefreshTokenRefused("invalid_refresh_token", "Refresh token has expired")
        return TokenRow(row)

    def validate_token_request(self) -> None:
        super().validate_token_request()
        row = self.request.refresh_token.row
        claimed = self.server.session.execute(
            update(OAuthToken)
            .where(OAuthToken.id == row.id, OAuthToken.refresh_usado_em.is_(None))
            .values(refresh_usado_em=naive_utc(self.server.clock))
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            self._replayed(row)  # lost a race with a concurrent refresh

    def _replayed(self, row: OAuthToken) -> None:
        """A spent refresh token came back: the connection's token chain dies (catalog §1.4)."""
        kill_refresh_tokens(self.server.session, row.client_id, row.empresa_id, naive_utc(self.server.clock))
        raise RefreshTokenRefused("invalid_refresh_token", "Refresh token has already been used")

    def authenticate_user(self, refresh_token):  # type: ignore[no-untyped-def]
        return refresh_token.get_user()

    def revoke_old_credential(self, refresh_token):  # type: ignore[no-untyped-def]
        """Nothing left to do: the old token was claimed in `validate_token_request`."""
