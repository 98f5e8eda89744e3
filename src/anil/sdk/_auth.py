"""How a client authenticates its requests.

An auth object answers four calls (the client picks the sync or async pair):
`token()` / `atoken()` → the access token to send now (refreshing before expiry if it can), and
`refresh_after(stale)` / `arefresh_after(stale)` → a new access token after a 401 with `stale`, or None
when it cannot refresh (the 401 is then raised). `StaticToken` and `anil.sdk._tokens.TokenManager` do.

`OAuth` builds the authorize URL (PKCE S256), exchanges a code and refreshes (catalog §1).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import httpx

from anil.sdk._errors import APIConnectionError, OAuthError, error_for
from anil.sdk._models import loads
from anil.sdk._tokens import Token

__all__ = ["StaticToken"]


class StaticToken:
    """A fixed access token (the shortest start: `ContaAzul(access_token=...)`); never refreshed."""

    def __init__(self, access_token: str) -> None:
        self.access_token = access_token

    def token(self) -> str:
        return self.access_token

    async def atoken(self) -> str:
        return self.access_token

    def refresh_after(self, stale: str) -> str | None:
        return None

    async def arefresh_after(self, stale: str) -> str | None:
        return None


# ------------------------------------------------------------------------------------- OAuth ----

__all__ += ["DEFAULT_SCOPE", "OAUTH_URLS", "AuthorizationRequest", "OAuth", "pkce_pair"]

DEFAULT_SCOPE = "openid profile aws.cognito.signin.user.admin"
OAUTH_URLS = {
    # Cognito generation, the one every guide uses (catalog §1.1): a code from here is redeemed here.
    "production": ("https://auth.contaazul.com/oauth2/authorize", "https://auth.contaazul.com/oauth2/token"),
}


def pkce_pair() -> tuple[str, str]:
    """(code_verifier, code_challenge) for PKCE S256 (RFC 7636)."""
    verifier = secrets.token_urlsafe(64)[:96]
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class AuthorizationRequest:
    """Where to send the user (`url`), the `state` to check on return and the PKCE `code_verifier` to
    hand to `exchange_code`."""

    url: str
    state: str
    code_verifier: str | None


class OAuth:
    """Conta Azul's OAuth for one app: the authorize URL, the code exchange and the refresh.

    `base_url` as the client's (None reads `ANIL_API_BASE_URL`): `production` or its URL (authorize and token
    at `auth.contaazul.com`), `anil` or any anil URL (`{url}/oauth2/authorize`, `{url}/oauth2/token`);
    `authorize_url`/`token_url` override either.
    The client authenticates with HTTP Basic (`client_id:client_secret`), as the docs ask.
    """

    def __init__(
        self,
        client_id: str,
        client_secret: str | None = None,
        redirect_uri: str | None = None,
        *,
        base_url: str | None = None,
        authorize_url: str | None = None,
        token_url: str | None = None,
        scope: str | None = DEFAULT_SCOPE,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
        http_client: httpx.Client | None = None,
        async_http_client: httpx.AsyncClient | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        from anil.sdk._client import BASE_URLS, resolve_base_url

        self.client_id = client_id
        self.client_secret = client_secret
        self.redirect_uri = redirect_uri
        self.scope = scope
        root = resolve_base_url(base_url)
        if root == BASE_URLS["production"]:
            preset = OAUTH_URLS["production"]
        else:
            preset = (f"{root}/oauth2/authorize", f"{root}/oauth2/token")
        self.authorize_url = authorize_url or preset[0]
        self.token_url = token_url or preset[1]
        self.timeout = timeout
        self._transport = transport
        self._async_transport = async_transport
        self._http = http_client
        self._ahttp = async_http_client
        self.clock = clock

    def authorization_url(
        self,
        *,
        state: str | None = None,
        pkce: bool = True,
        scope: str | None = None,
        redirect_uri: str | None = None,
    ) -> AuthorizationRequest:
        """The URL that starts the flow (catalog §1.2), with PKCE S256 unless `pkce=False`."""
        state = state or secrets.token_urlsafe(24)
        query: dict[str, str] = {"response_type": "code", "client_id": self.client_id}
        redirect = redirect_uri or self.redirect_uri
        if redirect:
            query["redirect_uri"] = redirect
        query["state"] = state
        scope = scope if scope is not None else self.scope
        if scope:
            query["scope"] = scope
        verifier = None
        if pkce:
            verifier, challenge = pkce_pair()
            query["code_challenge"] = challenge
            query["code_challenge_method"] = "S256"
        return AuthorizationRequest(f"{self.authorize_url}?{urlencode(query)}", state, verifier)

    # ----------------------------------------------------------------------------- requests ----

    def _form_and_headers(self, form: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
        headers = {"Accept": "application/json"}
        if self.client_secret:
            basic = base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
            headers["Authorization"] = f"Basic {basic}"
        else:
            form = {**form, "client_id": self.client_id}
        return form, headers

    def _token_of(self, response: httpx.Response) -> Token:
        try:
            body = loads(response.content) if response.content else None
        except ValueError:
            body = response.text
        if response.status_code >= 400:
            cls = (
                OAuthError if isinstance(body, dict) and "error" in body else error_for(response.status_code)
            )
            raise cls(status_code=response.status_code, body=body, response=response)
        if not isinstance(body, dict) or "access_token" not in body:
            raise OAuthError(
                status_code=response.status_code, body=body, response=response, message="no access_token"
            )
        return Token.from_response(body, self.clock())

    def _post(self, form: dict[str, str]) -> Token:
        form, headers = self._form_and_headers(form)
        try:
            if self._http is not None:
                response = self._http.post(self.token_url, data=form, headers=headers)
            else:
                with httpx.Client(transport=self._transport, timeout=self.timeout) as http:
                    response = http.post(self.token_url, data=form, headers=headers)
        except httpx.TransportError as error:
            raise APIConnectionError(f"{type(error).__name__}: {error} (POST {self.token_url})") from error
        return self._token_of(response)

    async def _apost(self, form: dict[str, str]) -> Token:
        form, headers = self._form_and_headers(form)
        try:
            if self._ahttp is not None:
                response = await self._ahttp.post(self.token_url, data=form, headers=headers)
            else:
                async with httpx.AsyncClient(transport=self._async_transport, timeout=self.timeout) as http:
                    response = await http.post(self.token_url, data=form, headers=headers)
        except httpx.TransportError as error:
            raise APIConnectionError(f"{type(error).__name__}: {error} (POST {self.token_url})") from error
        return self._token_of(response)

    def _code_form(self, code: str, code_verifier: str | None, redirect_uri: str | None) -> dict[str, str]:
        form = {"grant_type": "authorization_code", "code": code}
        redirect = redirect_uri or self.redirect_uri
        if redirect:
            form["redirect_uri"] = redirect
        if code_verifier:
            form["code_verifier"] = code_verifier
        return form

    def exchange_code(
        self, code: str, code_verifier: str | None = None, *, redirect_uri: str | None = None
    ) -> Token:
        """Step 2: the code from the redirect → a `Token` (catalog §1.3)."""
        return self._post(self._code_form(code, code_verifier, redirect_uri))

    async def aexchange_code(
        self, code: str, code_verifier: str | None = None, *, redirect_uri: str | None = None
    ) -> Token:
        return await self._apost(self._code_form(code, code_verifier, redirect_uri))

    def refresh(self, refresh_token: str) -> Token:
        """A new token pair; the refresh token rotates (store the new one, the old one is dead)."""
        return self._post({"grant_type": "refresh_token", "refresh_token": refresh_token})

    async def arefresh(self, refresh_token: str) -> Token:
        return await self._apost({"grant_type": "refresh_token", "refresh_token": refresh_token})
