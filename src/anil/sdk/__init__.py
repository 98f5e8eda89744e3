"""Python SDK for the Conta Azul API, against production or anil (issue 6). Imports no server dependency.

Shortest start::

    from anil.sdk import ContaAzul
    ca = ContaAzul(base_url="anil", access_token=TOKEN)   # "production", "anil" or any URL
    for p in ca.pessoas.list():
        print(p.nome)

A connection per company, with OAuth (catalog §1)::

    from anil.sdk import ContaAzul, FileTokenStore, OAuth
    oauth = OAuth(CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, base_url="production")
    start = oauth.authorization_url()              # send the user to start.url (PKCE S256)
    token = oauth.exchange_code(CODE, start.code_verifier)
    store = FileTokenStore()                       # tokens.json in the user's config dir
    store.save("minha-empresa", token)
    ca = ContaAzul(base_url="production", oauth=oauth, token_store=store, company="minha-empresa")

The client refreshes the token before it expires and once after a 401, one refresh at a time across
threads, asyncio tasks and processes sharing the file. `AsyncContaAzul` has the same surface (`await`,
`async for`). Errors: `ContaAzulError` → `APIStatusError` (`BadRequest`, `Unauthorized`, `NotFound`,
`Conflict`, `RateLimited`, `ServerError`, …, with `.body` and `.request_id`), `APIConnectionError`,
`ProtocolFailed`/`ProtocolTimeout`. Retries: connection errors, 429 (`Retry-After`), 502/503/504; writes
only with `retry_writes=True`. Money is `Decimal` both ways.

Typed models of every group, generated from the server's wire models (`tools/gen_sdk_types.py`), are in
`anil.sdk.types`: requests (`PessoaCreate`, `VendaCreate`…) and responses (`Pessoa`, `PessoaItem`…); every
method takes a model, a dict or keyword fields::

    from anil.sdk.types import CentroDeCustoCreate
    centro = ca.centros_de_custo.create(CentroDeCustoCreate(nome="Filial Sul"))
"""

from anil.sdk._auth import DEFAULT_SCOPE, AuthorizationRequest, OAuth, StaticToken, pkce_pair
from anil.sdk._client import BASE_URLS, RAW, AsyncContaAzul, ContaAzul, Resource, resolve_base_url
from anil.sdk._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    BadRequest,
    Conflict,
    ContaAzulError,
    Forbidden,
    MethodNotAllowed,
    NotFound,
    OAuthError,
    ProtocolFailed,
    ProtocolTimeout,
    RateLimited,
    ServerError,
    Unauthorized,
    UnprocessableEntity,
)
from anil.sdk._http import RetryPolicy
from anil.sdk._models import Model
from anil.sdk._pagination import AsyncPager, Page, SyncPager
from anil.sdk._tokens import (
    AsyncTokenStore,
    FileTokenStore,
    MemoryTokenStore,
    NoToken,
    Token,
    TokenManager,
    TokenStore,
    default_config_dir,
)
from anil.sdk._transports import SyncASGITransport

__all__ = [
    "BASE_URLS",
    "DEFAULT_SCOPE",
    "RAW",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncContaAzul",
    "AsyncPager",
    "AsyncTokenStore",
    "AuthorizationRequest",
    "BadRequest",
    "Conflict",
    "ContaAzul",
    "ContaAzulError",
    "FileTokenStore",
    "Forbidden",
    "MemoryTokenStore",
    "MethodNotAllowed",
    "Model",
    "NoToken",
    "NotFound",
    "OAuth",
    "OAuthError",
    "Page",
    "ProtocolFailed",
    "ProtocolTimeout",
    "RateLimited",
    "Resource",
    "RetryPolicy",
    "ServerError",
    "StaticToken",
    "SyncASGITransport",
    "SyncPager",
    "Token",
    "TokenManager",
    "TokenStore",
    "Unauthorized",
    "UnprocessableEntity",
    "default_config_dir",
    "pkce_pair",
    "resolve_base_url",
]
