"""Python SDK for the Conta Azul API (issue 6). Imports no server dependency.

from anil.sdk import ContaAzul
ca = ContaAzul(base_url="anil", access_token=TOKEN)   # "production", "anil" or any URL
for p in ca.pessoas.list():
    print(p.nome)
"""

from anil.sdk._auth import StaticToken
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

__all__ = [
    "BASE_URLS",
    "RAW",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncContaAzul",
    "AsyncPager",
    "BadRequest",
    "Conflict",
    "ContaAzul",
    "ContaAzulError",
    "Forbidden",
    "MethodNotAllowed",
    "Model",
    "NotFound",
    "OAuthError",
    "Page",
    "ProtocolFailed",
    "ProtocolTimeout",
    "RateLimited",
    "Resource",
    "RetryPolicy",
    "ServerError",
    "StaticToken",
    "SyncPager",
    "Unauthorized",
    "UnprocessableEntity",
    "resolve_base_url",
]
