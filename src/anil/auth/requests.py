"""Starlette request data → Authlib `OAuth2Request`.

Authlib's server core is framework-free; this adapter gives it the three views it reads: `payload`
(query and body merged, the body winning per key), `form` (the body, or the query string when the body is
empty: legacy clients send every token parameter there) and `args` (the query string).

Parameters are split by hand rather than by Starlette because of one client habit: the Conta Azul .NET
SDK sends `redirect_uri` un-encoded, so a redirect URI with its own query (`…/cb?a=1&b=2`) arrives cut at
its first `&`. Given the client's registered URIs, `parse_params` glues the pieces back.
"""

from __future__ import annotations

import base64
import binascii
from collections import defaultdict
from collections.abc import Collection, Mapping
from urllib.parse import unquote, unquote_plus

from authlib.common.security import is_secure_transport
from authlib.oauth2.rfc6749 import OAuth2Payload, OAuth2Request
from starlette.datastructures import Headers, MutableHeaders

Pairs = list[tuple[str, str]]


def parse_params(raw: str, redirect_uris: Collection[str] = ()) -> Pairs:
    """`application/x-www-form-urlencoded` pairs, with a raw `redirect_uri` made whole again."""
    segments = [segment for segment in raw.split("&") if segment]
    pairs: Pairs = []
    i = 0
    while i < len(segments):
        key, _, value = segments[i].partition("=")
        key, decoded = unquote_plus(key), unquote_plus(value)
        if key == "redirect_uri" and redirect_uris and decoded not in redirect_uris:
            for end in range(len(segments), i, -1):  # the longest registered URI wins
                match = _registered("&".join([value, *segments[i + 1 : end]]), redirect_uris)
                if match is not None:
                    decoded, i = match, end - 1
                    break
        pairs.append((key, decoded))
        i += 1
    return pairs


def _registered(raw: str, redirect_uris: Collection[str]) -> str | None:
    for candidate in (raw, unquote(raw), unquote_plus(raw)):
        if candidate in redirect_uris:
            return candidate
    return None


def first_values(pairs: Pairs) -> dict[str, str]:
    values: dict[str, str] = {}
    for key, value in pairs:
        values.setdefault(key, value)
    return values


def _basic_credentials(headers: Mapping[str, str]) -> str | None:
    scheme, _, credentials = headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        return base64.b64decode(credentials.strip()).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None


def basic_client_id(headers: Mapping[str, str]) -> str | None:
    decoded = _basic_credentials(headers)
    if not decoded:
        return None
    return unquote(decoded.partition(":")[0]) or None


def without_garbled_basic(headers: Headers) -> Headers:
    """Authlib raises on Basic credentials that are not UTF-8; without them the client is unauthenticated."""
    scheme = headers.get("authorization", "").partition(" ")[0].lower()
    if scheme != "basic" or _basic_credentials(headers) is not None:
        return headers
    cleaned = MutableHeaders(raw=list(headers.raw))
    del cleaned["authorization"]
    return cleaned


class Payload(OAuth2Payload):
    def __init__(self, query: Pairs, body: Pairs) -> None:
        datalist: dict[str, list[str]] = defaultdict(list)
        for source in (query, body):
            grouped: dict[str, list[str]] = defaultdict(list)
            for key, value in source:
                grouped[key].append(value)
            datalist.update(grouped)  # a key sent in the body replaces the query's values
        self._datalist = datalist
        self._data = {key: values[0] for key, values in datalist.items()}

    @property
    def data(self) -> dict[str, str]:
        return self._data

    @property
    def datalist(self) -> defaultdict[str, list]:
        return self._datalist  # type: ignore[return-value]


class AnilOAuth2Request(OAuth2Request):
    """`uri` is the URL clients use (built from the public URL). Authlib refuses plain http except on
    loopback hosts (RFC 8252 §7.3); `allow_http` (sandbox mode) lifts that for any host without setting
    AUTHLIB_INSECURE_TRANSPORT for the whole process."""

    def __init__(
        self,
        method: str,
        uri: str,
        headers: Headers,
        query: Pairs,
        body: Pairs,
        *,
        allow_http: bool = False,
    ) -> None:
        checked = uri
        if allow_http and not is_secure_transport(uri) and uri.startswith("http://"):
            checked = "https://" + uri.removeprefix("http://")
        super().__init__(method, checked, headers=without_garbled_basic(headers))
        self.uri = uri
        self._args = first_values(query)
        self.body_values = first_values(body)
        self._form = self.body_values if body else dict(self._args)
        self.payload = Payload(query, body)

    @property
    def args(self) -> dict[str, str]:
        return self._args

    @property
    def form(self) -> dict[str, str]:
        return self._form
