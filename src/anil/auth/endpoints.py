"""OAuth2 endpoints as Conta Azul's (catalog §1): both generations of authorize and token paths, the
discovery documents, company-connection revocation, and the sandbox's callback page.

Authlib is synchronous, so each OAuth request runs whole (client lookup, grant, token issuance) inside one
unit of work in one worker thread; the write units commit before the response is sent.
"""

from __future__ import annotations

from collections.abc import Callable

import orjson
from authlib.oauth2.rfc6749.errors import OAuth2Error
from fastapi import APIRouter, Request
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.responses import Response

from anil.api.deps import RuntimeDep, Tenant
from anil.api.errors import ErrorStyle, json_response
from anil.api.routing import read, route_class, write
from anil.api.runtime import Runtime
from anil.auth import consent, pages
from anil.auth.server import AuthorizationServer, Result
from anil.auth.tokens import naive_utc, public_jwks
from anil.errors import NotFound
from anil.storage.models import OAuthConnection

router = APIRouter(tags=["OAuth2"], route_class=route_class(ErrorStyle.SIMPLE))

FORM_TYPES = ("", "application/x-www-form-urlencoded")


def _server(session: Session, rt: Runtime) -> AuthorizationServer:
    return AuthorizationServer(session, settings=rt.settings, clock=rt.clock, issuer=rt.issuer)


async def _raw_body(request: Request) -> str:
    """The form body, if the request has one (legacy clients send nothing, or no content type)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in FORM_TYPES:
        return ""
    return (await request.body()).decode("utf-8", errors="replace")


@router.api_route("/oauth2/authorize", methods=["GET", "POST"], summary="Authorize (Cognito generation)")
@router.api_route("/login", methods=["GET", "POST"], summary="Authorize (Cognito generation, newer guides)")
@router.api_route("/oauth/authorize", methods=["GET", "POST"], summary="Authorize (api-v2 generation)")
async def authorize(request: Request, rt: RuntimeDep) -> Response:
    raw_query = request.url.query
    raw_body = await _raw_body(request) if request.method == "POST" else ""
    action = request.url.path + (f"?{raw_query}" if raw_query else "")
    tickets = consent.Tickets(rt.verifier.key, rt.clock)

    def work(session: Session) -> Response:
        server = _server(session, rt)
        try:
            oauth_request = server.build_request(
                request.method, request.url.path, request.headers, raw_query, raw_body
            )
        except OAuth2Error as error:
            return consent.error_response(error)
        return consent.authorize(session, server, oauth_request, tickets, action)

    run = write if request.method == "POST" else read
    return await run(rt.db, work)


@router.post("/oauth2/token", summary="Token (Cognito generation)")
@router.post("/oauth/token", summary="Token (api-v2 generation)")
async def token(request: Request, rt: RuntimeDep) -> Response:
    raw_query = request.url.query
    raw_body = await _raw_body(request)

    def work(session: Session) -> Result:
        server = _server(session, rt)
        try:
            oauth_request = server.build_request(
                "POST", request.url.path, request.headers, raw_query, raw_body
            )
        except OAuth2Error as error:
            return server.handle_error_response(None, error)
        return server.create_token_response(oauth_request)

    status, body, headers = await write(rt.db, work)
    return Response(orjson.dumps(body), status_code=status, headers=dict(headers))


def _discovery(rt: Runtime, build: Callable[[str], dict]) -> Response:
    return json_response(build(rt.settings.public_url.rstrip("/")))


# Same keys, in the same order, as production's documents (reference/api-evangelist-conta-azul).
def _openid_configuration(base: str) -> dict:
    return {
        "issuer": base,
        "authorization_endpoint": f"{base}/oauth/authorize",
        "token_endpoint": f"{base}/oauth/token",
        "jwks_uri": f"{base}/.well-known/jwks.json",
        "userinfo_endpoint": f"{base}/v1/pessoas/conta-conectada",
        "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": SCOPES_ADVERTISED,
        "token_endpoint_auth_methods_supported": AUTH_METHODS_ADVERTISED,
    }


def _authorization_server_metadata(base: str) -> dict:
    return {
        "issuer": base,
        "authorization_endpoint": f"{base}/oauth/authorize",
        "token_endpoint": f"{base}/oauth/token",
        "registration_endpoint": f"{base}/oauth2/register",
        "scopes_supported": SCOPES_ADVERTISED,
        "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "token_endpoint_auth_methods_supported": AUTH_METHODS_ADVERTISED,
        "code_challenge_methods_supported": ["S256"],
    }


SCOPES_ADVERTISED = ["openid", "profile", "email", "aws.cognito.signin.user.admin"]
AUTH_METHODS_ADVERTISED = ["client_secret_basic", "client_secret_post"]


@router.get("/.well-known/openid-configuration", summary="OpenID Connect discovery")
async def openid_configuration(rt: RuntimeDep) -> Response:
    return _discovery(rt, _openid_configuration)


@router.get("/.well-known/oauth-authorization-server", summary="OAuth 2.0 server metadata (RFC 8414)")
async def authorization_server_metadata(rt: RuntimeDep) -> Response:
    return _discovery(rt, _authorization_server_metadata)


@router.get("/.well-known/jwks.json", summary="Keys that sign the access tokens")
async def jwks(rt: RuntimeDep) -> Response:
    return json_response(public_jwks(rt.verifier.key))


@router.delete("/oauth/connections/{id_empresa}", status_code=204, summary="Revoke a company connection")
async def revoke_connection(id_empresa: str, tenant: Tenant, rt: RuntimeDep) -> Response:
    """The access token keeps working until it expires; the next refresh answers `access_revoked`."""

    def work(session: Session) -> None:
        connection = session.scalar(
            select(OAuthConnection).where(
                OAuthConnection.client_id == tenant.client_id, OAuthConnection.empresa_id == id_empresa
            )
        )
        if connection is None or id_empresa != tenant.empresa_id:
            raise NotFound("Conexão não encontrada")
        if connection.revogado_em is None:
            connection.revogado_em = naive_utc(rt.clock)

    await write(rt.db, work)
    return Response(status_code=204)


@router.get("/_anil/callback", include_in_schema=False)
async def sandbox_callback(request: Request, rt: RuntimeDep) -> Response:
    """Where the demo app's redirect URI points: shows the received code and state (sandbox only)."""
    if not rt.settings.sandbox_on:
        return json_response({"detail": "Not Found"}, 404)
    base = rt.settings.public_url.rstrip("/")
    return pages.callback(
        dict(request.query_params), token_url=f"{base}/oauth2/token", redirect_uri=f"{base}/_anil/callback"
    )
