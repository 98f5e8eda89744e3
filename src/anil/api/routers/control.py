"""`/_anil/`: what Conta Azul's API cannot do (companies, users, apps, tokens without a browser).

On only with ANIL_SANDBOX=on; every call needs `X-Anil-Admin-Key`. Answers the same JSON as the CLI.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field, model_validator

from anil.api.deps import RuntimeDep, require_admin
from anil.api.errors import ErrorStyle, json_response
from anil.api.routing import read, route_class, write
from anil.auth.tokens import issue_sandbox_token
from anil.services import admin

router = APIRouter(
    prefix="/_anil",
    tags=["anil: controle do sandbox"],
    route_class=route_class(ErrorStyle.CONTROL),
    dependencies=[Depends(require_admin)],
)


class CompanyIn(BaseModel):
    name: Annotated[str | None, Field(default=None)] = None
    razao_social: str | None = None
    cnpj: str | None = None
    nome_fantasia: str | None = None
    email: str | None = None

    @model_validator(mode="after")
    def _name(self) -> CompanyIn:
        if not (self.name or self.razao_social):
            raise ValueError("O campo 'name' é obrigatório")
        return self


class UserIn(BaseModel):
    email: str
    password: str
    company: str | None = None
    id_empresa: str | None = None
    nome: str | None = None

    @model_validator(mode="after")
    def _company(self) -> UserIn:
        if not (self.company or self.id_empresa):
            raise ValueError("O campo 'company' é obrigatório")
        return self


class AppIn(BaseModel):
    name: str | None = None
    nome: str | None = None
    redirect_uri: str | None = None
    redirect_uris: list[str] | None = None

    @model_validator(mode="after")
    def _fields(self) -> AppIn:
        if not (self.name or self.nome):
            raise ValueError("O campo 'name' é obrigatório")
        if not (self.redirect_uri or self.redirect_uris):
            raise ValueError("O campo 'redirect_uri' é obrigatório")
        return self


class TokenIn(BaseModel):
    id_empresa: str
    client_id: str | None = None


@router.post("/companies")
async def create_company(body: CompanyIn, rt: RuntimeDep):
    def work(session):  # type: ignore[no-untyped-def]
        empresa = admin.criar_empresa(
            session,
            razao_social=body.razao_social or body.name or "",
            cnpj=body.cnpj,
            nome_fantasia=body.nome_fantasia,
            email=body.email,
        )
        return admin.empresa_json(empresa)

    return json_response(await write(rt.db, work), 201)


@router.get("/companies")
async def list_companies(rt: RuntimeDep):
    rows = await read(rt.db, lambda s: [admin.empresa_json(e) for e in admin.listar_empresas(s)])
    return json_response(rows)


@router.post("/users")
async def create_user(body: UserIn, rt: RuntimeDep):
    def work(session):  # type: ignore[no-untyped-def]
        usuario, empresas = admin.criar_usuario(
            session,
            email=body.email,
            senha=body.password,
            empresa_id=body.company or body.id_empresa or "",
            nome=body.nome,
        )
        return admin.usuario_json(usuario, empresas)

    return json_response(await write(rt.db, work), 201)


@router.post("/apps")
async def create_app_(body: AppIn, rt: RuntimeDep):
    uris = body.redirect_uris or [body.redirect_uri or ""]

    def work(session):  # type: ignore[no-untyped-def]
        return admin.app_json(admin.criar_app(session, nome=body.name or body.nome or "", redirect_uris=uris))

    return json_response(await write(rt.db, work), 201)


@router.get("/apps")
async def list_apps(rt: RuntimeDep):
    return json_response(await read(rt.db, lambda s: [admin.app_json(a) for a in admin.listar_apps(s)]))


@router.post("/tokens")
async def create_token(body: TokenIn, rt: RuntimeDep):
    return json_response(
        await write(rt.db, lambda s: issue_sandbox_token(s, rt.issuer, body.id_empresa, body.client_id)), 201
    )
