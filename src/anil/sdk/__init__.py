"""Python SDK for the Conta Azul API (issue 6). Imports no server dependency.

from anil.sdk import ContaAzul
ca = ContaAzul(base_url="anil", access_token=TOKEN)   # "production", "anil" or any URL
for p in ca.pessoas.list():
    print(p.nome)
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
