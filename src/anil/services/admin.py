"""Companies, ERP users and registered apps: managed by the CLI, `/_anil/` and the demo seed."""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from anil.domain.documentos import cnpj_valido, gerar_cnpj, normalizar
from anil.domain.senhas import hash_senha
from anil.errors import Conflict, InvalidInput, NotFound
from anil.services import provisioning
from anil.storage.models import Empresa, OAuthClient, Usuario, UsuarioEmpresa


def empresa_json(empresa: Empresa) -> dict:
    return {
        "id_empresa": empresa.id,
        "razao_social": empresa.razao_social,
        "nome_fantasia": empresa.nome_fantasia,
        "documento": empresa.documento,
        "email": empresa.email,
        "data_fundacao": empresa.data_fundacao.isoformat() if empresa.data_fundacao else None,
        "demo": empresa.demo,
    }


def app_json(client: OAuthClient) -> dict:
    return {
        "client_id": client.client_id,
        "client_secret": client.client_secret,
        "nome": client.nome,
        "redirect_uris": list(client.redirect_uris),
        "demo": client.demo,
    }


def usuario_json(usuario: Usuario, empresas: list[str]) -> dict:
    return {"id": usuario.id, "email": usuario.email, "nome": usuario.nome, "empresas": empresas}


def criar_empresa(
    session: Session,
    *,
    razao_social: str,
    cnpj: str | None = None,
    nome_fantasia: str | None = None,
    email: str | None = None,
    demo: bool = False,
) -> Empresa:
    if not razao_social or not razao_social.strip():
        raise InvalidInput("O campo 'razao_social' é obrigatório")
    documento = normalizar(cnpj) if cnpj else gerar_cnpj()
    if not cnpj_valido(documento):
        raise InvalidInput("O CNPJ informado é inválido")
    empresa = Empresa(
        razao_social=razao_social.strip(),
        nome_fantasia=nome_fantasia or razao_social.strip(),
        documento=documento,
        email=email,
        demo=demo,
    )
    session.add(empresa)
    session.flush()
    provisioning.provisionar_empresa(session, empresa.id)
    return empresa


def listar_empresas(session: Session) -> list[Empresa]:
    return list(session.scalars(select(Empresa).order_by(Empresa.criado_em, Empresa.id)))


def obter_empresa(session: Session, empresa_id: str) -> Empresa:
    empresa = session.get(Empresa, empresa_id)
    if empresa is None:
        raise NotFound(f"Empresa {empresa_id} não encontrada")
    return empresa


def criar_usuario(
    session: Session, *, email: str, senha: str, empresa_id: str, nome: str | None = None
) -> tuple[Usuario, list[str]]:
    """Create the user, or add an existing user (same e-mail) to one more company."""
    email = email.strip().lower()
    if not email or "@" not in email:
        raise InvalidInput("O campo 'email' é inválido")
    if not senha:
        raise InvalidInput("O campo 'password' é obrigatório")
    obter_empresa(session, empresa_id)
    usuario = session.scalar(select(Usuario).where(Usuario.email == email))
    if usuario is None:
        usuario = Usuario(email=email, nome=nome or email.split("@")[0], password_hash=hash_senha(senha))
        session.add(usuario)
        session.flush()
    empresas = empresas_do_usuario(session, usuario.id)
    if empresa_id in empresas:
        raise Conflict(f"O usuário {email} já pertence à empresa {empresa_id}")
    session.add(UsuarioEmpresa(usuario_id=usuario.id, empresa_id=empresa_id))
    session.flush()
    return usuario, [*empresas, empresa_id]


def empresas_do_usuario(session: Session, usuario_id: str) -> list[str]:
    return list(
        session.scalars(
            select(UsuarioEmpresa.empresa_id)
            .where(UsuarioEmpresa.usuario_id == usuario_id)
            .order_by(UsuarioEmpresa.id)
        )
    )


def criar_app(session: Session, *, nome: str, redirect_uris: list[str], demo: bool = False) -> OAuthClient:
    if not nome or not nome.strip():
        raise InvalidInput("O campo 'nome' é obrigatório")
    if not redirect_uris or not all(uri.strip() for uri in redirect_uris):
        raise InvalidInput("Informe ao menos uma redirect_uri")
    client = OAuthClient(
        client_id=secrets.token_hex(24),  # 48 characters, as Conta Azul's new app ids
        client_secret=secrets.token_urlsafe(48),
        nome=nome.strip(),
        redirect_uris=[uri.strip() for uri in redirect_uris],
        demo=demo,
    )
    session.add(client)
    session.flush()
    return client


def listar_apps(session: Session) -> list[OAuthClient]:
    return list(session.scalars(select(OAuthClient).order_by(OAuthClient.criado_em, OAuthClient.client_id)))


def obter_app(session: Session, client_id: str) -> OAuthClient:
    client = session.get(OAuthClient, client_id)
    if client is None:
        raise NotFound(f"App {client_id} não encontrado")
    return client


def demo_empresa(session: Session) -> Empresa | None:
    return session.scalar(select(Empresa).where(Empresa.demo.is_(True)).order_by(Empresa.criado_em))


def demo_app(session: Session) -> OAuthClient | None:
    return session.scalar(
        select(OAuthClient).where(OAuthClient.demo.is_(True)).order_by(OAuthClient.criado_em)
    )
