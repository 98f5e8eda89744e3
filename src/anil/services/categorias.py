"""Categorias financeiras, their default configuration and the DRE tree (catalog §3.8).

Reads take whatever reader the unit of work handed over; writes take a session, flush, never commit.
`provisionar` gives every new company Conta Azul's default plan (defaults.md §1) in one bulk insert.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from anil.domain.categorias import (
    Categoria,
    CategoriaEntrada,
    Configuracao,
    FiltroCategorias,
    ItemDre,
    arvore_dre,
    configuracao_padrao,
    considera_custo_padrao,
    proximo_codigo,
    validar,
)
from anil.domain.plano_padrao import PLANO_PADRAO
from anil.domain.texto import chave
from anil.domain.totais import Totais
from anil.errors import Conflict, InvalidInput, NotFound
from anil.storage.models import Empresa
from anil.storage.repositories import categorias as repo
from anil.storage.repositories.base import Reader
from anil.storage.types import new_uuid

CATEGORIA_PAI_NAO_ENCONTRADA = "Categoria pai não encontrada"


def exigir_empresa(session: Session, empresa_id: str) -> None:
    """`/_anil/` and the CLI name the company; the same 404 as `services.admin` (not imported: admin
    imports provisioning, which imports this module)."""
    if session.get(Empresa, empresa_id) is None:
        raise NotFound(f"Empresa {empresa_id} não encontrada")


# The default plan as row templates, computed once: (codigo, parent's codigo, columns without ids).
_MODELO = tuple(
    (
        categoria.codigo,
        categoria.pai,
        {
            "versao": 0,
            "nome": categoria.nome,
            "nome_busca": chave(categoria.nome),
            "codigo": categoria.codigo,
            "tipo": categoria.tipo,
            "entrada_dre": categoria.entrada_dre,
            "considera_custo_dre": considera_custo_padrao(categoria.entrada_dre),
            "tipo_operacao": categoria.tipo_operacao,
            "ativo": True,
        },
    )
    for categoria in PLANO_PADRAO
)


def _linhas_do_plano() -> list[dict[str, Any]]:
    """The default plan as rows, fresh ids each call, parents resolved through the plan's codes."""
    ids: dict[str, str] = {}
    rows: list[dict[str, Any]] = []
    for codigo, pai, colunas in _MODELO:
        categoria_id = new_uuid()
        if codigo:
            ids[codigo] = categoria_id
        rows.append({**colunas, "id": categoria_id, "categoria_pai": ids[pai] if pai else None})
    return rows


def provisionar(session: Session, empresa_id: str) -> None:
    """A provisioning step (`services.provisioning._PASSOS`): the default plan, 145 categories."""
    repo.inserir_lote(session, empresa_id, _linhas_do_plano())


# ----------------------------------------------------------------------------------------- reads ----


def listar(
    reader: Reader, tenant_id: str, filtro: FiltroCategorias, offset: int, limit: int
) -> tuple[Totais, list[Categoria]]:
    return repo.listar(reader, tenant_id, filtro, offset, limit)


def configuracao(reader: Reader, tenant_id: str) -> list[Configuracao]:
    return configuracao_padrao(repo.do_sistema(reader, tenant_id))


def dre(reader: Reader, tenant_id: str) -> list[ItemDre]:
    return arvore_dre(tenant_id, repo.com_entrada_dre(reader, tenant_id))


def obter(reader: Reader, tenant_id: str, categoria_id: str) -> Categoria | None:
    """For other groups that reference a category (sales, events, products): None when unknown."""
    return repo.por_id(reader, tenant_id, categoria_id)


def do_sistema(reader: Reader, tenant_id: str, tipo_operacao: str) -> Categoria | None:
    """The category configured for a financial operation (`FRETES_RECEBIDOS`, `TARIFAS`, ...)."""
    return next((c for c in repo.do_sistema(reader, tenant_id) if c.tipo_operacao == tipo_operacao), None)


# ------------------------------------------------------------------------------- /_anil/ and CLI ----


def criar(session: Session, empresa_id: str, entrada: CategoriaEntrada) -> Categoria:
    """Create a category (Conta Azul's API cannot): the company must exist, the parent be one of its
    first-level categories of the same type, the code (given or derived from the parent) be free."""
    exigir_empresa(session, empresa_id)
    pai = None
    if entrada.categoria_pai:
        try:
            pai_id = str(uuid.UUID(entrada.categoria_pai.strip()))
        except ValueError:
            raise InvalidInput("O campo 'categoria_pai' deve ser um UUID válido") from None
        pai = repo.por_id(session, empresa_id, pai_id)
        if pai is None:
            raise NotFound(CATEGORIA_PAI_NAO_ENCONTRADA)
    existentes = repo.codigos(session, empresa_id)
    dados = validar(entrada, pai, proximo_codigo(pai, existentes))
    if dados.codigo is not None and dados.codigo in existentes:
        raise Conflict(f"Já existe uma categoria com o código {dados.codigo}")
    return repo.inserir(session, empresa_id, dados)


def listar_todas(reader: Session, empresa_id: str) -> list[Categoria]:
    exigir_empresa(reader, empresa_id)
    return repo.todas(reader, empresa_id)


def categoria_json(categoria: Categoria) -> dict[str, Any]:
    """What `/_anil/` and the CLI print: the API's item plus the fields the API does not show."""
    return {
        "id": categoria.id,
        "versao": categoria.versao,
        "nome": categoria.nome,
        "categoria_pai": categoria.categoria_pai,
        "tipo": categoria.tipo,
        "entrada_dre": categoria.entrada_dre,
        "considera_custo_dre": categoria.considera_custo_dre,
        "codigo": categoria.codigo,
        "ativo": categoria.ativo,
        "tipo_operacao": categoria.tipo_operacao,
    }
