"""The authorization endpoint's conversation with the ERP user, run inside one unit of work.

GET shows the login page. POST carries the user's answer, which may come in one go (a script posting
`email`, `password`, `id_empresa`, `decisao=autorizar`) or in two steps (a browser: login, then the
consent page with the company `<select>`). Between the two steps the user is remembered by a short-lived
ticket signed with the token key, so the password is never written back into a page.

Form fields: `email`, `password`, `ticket`, `id_empresa`, `decisao` (`autorizar` | `negar`). The OAuth
parameters stay in the form's action URL, exactly as the client sent them.
"""

from __future__ import annotations

from dataclasses import dataclass

from authlib.oauth2.rfc6749.errors import OAuth2Error, UnsupportedResponseTypeError
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import RSAKey
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.responses import Response

from anil.auth import pages
from anil.auth.requests import AnilOAuth2Request
from anil.auth.server import AuthorizationServer, Result
from anil.auth.tokens import Grantee
from anil.domain.clock import Clock
from anil.domain.senhas import confere_senha
from anil.storage.models import Empresa, Usuario, UsuarioEmpresa

TICKET_TYPE = "anil-login+jwt"
TICKET_SECONDS = 600
BAD_LOGIN = "E-mail ou senha incorretos."


@dataclass(frozen=True)
class Tickets:
    key: RSAKey
    clock: Clock

    def issue(self, usuario_id: str, client_id: str) -> str:
        now = int(self.clock.now().timestamp())
        claims = {"sub": usuario_id, "aud": client_id, "exp": now + TICKET_SECONDS}
        return jwt.encode({"alg": "RS256", "typ": TICKET_TYPE}, claims, self.key)

    def read(self, ticket: str, client_id: str) -> str | None:
        """The user id of a valid ticket for this client, else None."""
        try:
            token = jwt.decode(ticket, self.key, algorithms=["RS256"])
        except (JoseError, ValueError, TypeError):
            return None
        claims = token.claims
        if (
            token.header.get("typ") != TICKET_TYPE
            or claims.get("aud") != client_id
            or int(claims.get("exp", 0)) <= self.clock.now().timestamp()
        ):
            return None
        return claims.get("sub")


def authorize(
    session: Session, server: AuthorizationServer, request: AnilOAuth2Request, tickets: Tickets, action: str
) -> Response:
    try:
        grant = server.get_consent_grant(request)
    except UnsupportedResponseTypeError as error:
        # Authlib 1.9 passes its arguments to this error in the wrong order; say it plainly.
        response_type = request.payload.response_type
        error.description = (
            f"response_type={response_type} is not supported"
            if response_type
            else "Missing 'response_type' in request."
        )
        return error_response(error)
    except OAuth2Error as error:
        return error_response(error)
    except ValueError:
        # Authlib refuses to build an error whose description would quote characters RFC 6749 forbids
        # there (e.g. a `"` in a rejected redirect_uri or response_type).
        return pages.error("invalid_request", "Parâmetros inválidos na requisição de autorização.")
    client = grant.client
    screen = pages.Screen(action=action, app_name=client.row.nome)
    if request.method == "GET":
        return pages.login(screen)

    form = request.body_values  # the user's answer; never read from the client's URL
    if form.get("decisao") == "negar":
        return respond(server.create_authorization_response(request, grant_user=None, grant=grant))

    usuario = _sign_in(session, form, tickets, client.client_id)
    if usuario is None:
        return pages.login(screen, error=BAD_LOGIN, email=form.get("email", ""))
    empresas = _empresas(session, usuario.id)
    if not empresas:
        return pages.login(screen, error="Este usuário não pertence a nenhuma empresa.", email=usuario.email)

    chosen = form.get("id_empresa") or (empresas[0][0] if len(empresas) == 1 else None)
    problem = None
    if chosen is not None and chosen not in {empresa_id for empresa_id, _ in empresas}:
        chosen, problem = None, "Escolha uma das empresas da lista."
    if form.get("decisao") != "autorizar" or chosen is None:
        ticket = tickets.issue(usuario.id, client.client_id)
        return pages.consent(
            screen, email=usuario.email, ticket=ticket, empresas=empresas, selected=chosen, error=problem
        )
    grantee = Grantee(empresa_id=chosen, usuario_id=usuario.id)
    return respond(server.create_authorization_response(request, grant_user=grantee, grant=grant))


def _sign_in(session: Session, form: dict[str, str], tickets: Tickets, client_id: str) -> Usuario | None:
    if form.get("ticket"):
        usuario_id = tickets.read(form["ticket"], client_id)
        return session.get(Usuario, usuario_id) if usuario_id else None
    email = form.get("email", "").strip().lower()
    usuario = session.scalar(select(Usuario).where(Usuario.email == email)) if email else None
    matches = confere_senha(form.get("password", ""), usuario.password_hash if usuario else None)
    return usuario if matches else None


def _empresas(session: Session, usuario_id: str) -> list[tuple[str, str]]:
    rows = session.execute(
        select(Empresa.id, Empresa.nome_fantasia, Empresa.razao_social)
        .join(UsuarioEmpresa, UsuarioEmpresa.empresa_id == Empresa.id)
        .where(UsuarioEmpresa.usuario_id == usuario_id)
        .order_by(UsuarioEmpresa.id)
    )
    return [(empresa_id, fantasia or razao) for empresa_id, fantasia, razao in rows]


def error_response(error: OAuth2Error) -> Response:
    """Errors the client may hear go back to its redirect URI; the others (unknown client, unregistered
    redirect URI, insecure transport) stay on an error page, never a redirect (RFC 6749 §4.1.2.1)."""
    if error.redirect_uri:
        return respond(error())
    return pages.error(error.error or "invalid_request", error.get_error_description() or "", 400)


def respond(result: Result) -> Response:
    status, body, headers = result
    if isinstance(body, dict):  # an error Authlib could not send back to the client
        return pages.error(body.get("error", "invalid_request"), body.get("error_description", ""), status)
    return Response(status_code=status, headers={**dict(headers), "Cache-Control": "no-store"})
