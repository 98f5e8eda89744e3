"""Authlib's AuthorizationServer bound to one unit of work (one per request: construction is a few dict
writes). `handle_response` returns Authlib's `(status, body, headers)` as is; the endpoints turn it into
a Starlette response after the thread hop."""

from __future__ import annotations

import logging

from authlib.oauth2.rfc6749 import AuthorizationServer as BaseAuthorizationServer
from authlib.oauth2.rfc6749 import OAuth2Request
from authlib.oauth2.rfc6749.errors import InvalidClientError, UnsupportedGrantTypeError
from sqlalchemy.orm import Session
from starlette.datastructures import Headers

from anil.auth.grants import AuthorizationCodeGrant, RefreshTokenGrant, S256CodeChallenge
from anil.auth.requests import AnilOAuth2Request, basic_client_id, first_values, parse_params
from anil.auth.scopes import SUPPORTED_SCOPES
from anil.auth.tokens import AuthlibClient, TokenIssuer
from anil.config import Settings
from anil.domain.clock import Clock
from anil.storage.models import OAuthClient

log = logging.getLogger(__name__)

Result = tuple[int, object, list[tuple[str, str]]]

# Conta Azul's wording (catalog §1.5) for every client-authentication failure.
INVALID_CLIENT = "Invalid client authentication"


def authenticate_client_secret_query(query_client, request):  # type: ignore[no-untyped-def]
    """Legacy clients put `client_id` and `client_secret` in the query string of the token request."""
    client_id = request.args.get("client_id")
    client_secret = request.args.get("client_secret")
    if client_id and client_secret:
        client = query_client(client_id)
        if client is not None and client.check_client_secret(client_secret):
            return client
    return None


class AuthorizationServer(BaseAuthorizationServer):
    def __init__(self, session: Session, *, settings: Settings, clock: Clock, issuer: TokenIssuer) -> None:
        super().__init__(scopes_supported=sorted(SUPPORTED_SCOPES))
        self.session = session
        self.settings = settings
        self.clock = clock
        self.issuer = issuer
        self.register_token_generator("default", self._generate_token)
        self.register_client_auth_method("client_secret_query", authenticate_client_secret_query)
        self.register_grant(AuthorizationCodeGrant, [S256CodeChallenge(required=False)])
        self.register_grant(RefreshTokenGrant)

    def build_request(
        self, method: str, path: str, headers: Headers, raw_query: str, raw_body: str
    ) -> AnilOAuth2Request:
        """Raises `InsecureTransportError` for plain http outside loopback and sandbox mode."""
        query, body = parse_params(raw_query), parse_params(raw_body)
        client_id = (
            first_values(body).get("client_id")
            or first_values(query).get("client_id")
            or basic_client_id(headers)
        )
        client = self.query_client(client_id) if client_id else None
        if client is not None:  # re-split, knowing which redirect URIs a raw one may be
            uris = client.row.redirect_uris
            query, body = parse_params(raw_query, uris), parse_params(raw_body, uris)
        uri = self.settings.public_url.rstrip("/") + path + (f"?{raw_query}" if raw_query else "")
        return AnilOAuth2Request(method, uri, headers, query, body, allow_http=self.settings.sandbox_on)

    def query_client(self, client_id: str) -> AuthlibClient | None:
        row = self.session.get(OAuthClient, client_id)
        return AuthlibClient(row) if row is not None else None

    def _generate_token(self, **kwargs) -> dict:  # type: ignore[no-untyped-def]
        token = self.issuer.generator.generate(**kwargs)
        order = ("access_token", "expires_in", "refresh_token", "token_type", "scope")
        return {key: token[key] for key in order if key in token}

    def save_token(self, token: dict, request: OAuth2Request) -> None:
        self.issuer.save(self.session, token, request.client.get_client_id(), request.user)

    def create_oauth2_request(self, request: OAuth2Request) -> OAuth2Request:
        return request  # the endpoints build it (anil.auth.requests)

    def handle_response(self, status, body, headers) -> Result:  # type: ignore[no-untyped-def]
        return status, body, headers

    def handle_error_response(self, request, error) -> Result:  # type: ignore[no-untyped-def]
        if isinstance(error, InvalidClientError):
            # 401 with `WWW-Authenticate: Basic` (RFC 6749 §5.2), whichever way the client authenticated.
            error.status_code = 401
            error.description = INVALID_CLIENT
        elif isinstance(error, UnsupportedGrantTypeError):
            # Authlib 1.9 builds this description but leaves it out of the body.
            error.description = (
                f"grant_type={error.grant_type} is not supported"
                if error.grant_type
                else "Missing 'grant_type' in request."
            )
        return super().handle_error_response(request, error)

    def send_signal(self, name, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        log.debug("oauth signal %s", name)
