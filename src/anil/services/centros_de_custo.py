"""Centros de custo (catalog §3.7): list and create. Writes take a session, flush, never commit."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from anil.domain.centros_de_custo import (
    CODIGO_DUPLICADO,
    NOME_DUPLICADO,
    CentroDeCusto,
    CentroEntrada,
    FiltroCentros,
    validar,
)
from anil.domain.totais import Totais
from anil.errors import RuleViolation
from anil.services.categorias import exigir_empresa
from anil.storage.repositories import centros_de_custo as repo
from anil.storage.repositories.base import Reader


def listar(
    reader: Reader, tenant_id: str, filtro: FiltroCentros, offset: int, limit: int
) -> tuple[int, Totais, list[CentroDeCusto]]:
    return repo.listar(reader, tenant_id, filtro, offset, limit)


def criar(session: Session, tenant_id: str, entrada: CentroEntrada) -> CentroDeCusto:
    """A new center; names (ignoring case, accents and punctuation) and codes (ignoring case) are unique
    within the company."""
    dados = validar(entrada)
    if repo.nome_existe(session, tenant_id, dados.nome_busca):
        raise RuleViolation(NOME_DUPLICADO)
    if dados.codigo_busca is not None and repo.codigo_existe(session, tenant_id, dados.codigo_busca):
        raise RuleViolation(CODIGO_DUPLICADO)
    return repo.inserir(session, tenant_id, dados)


def criar_controle(session: Session, empresa_id: str, entrada: CentroEntrada) -> CentroDeCusto:
    """`/_anil/` and the CLI: the same rules, for any company, and the center may start inactive."""
    exigir_empresa(session, empresa_id)
    return criar(session, empresa_id, entrada)


def centro_json(centro: CentroDeCusto) -> dict[str, Any]:
    return {"id": centro.id, "codigo": centro.codigo, "nome": centro.nome, "ativo": centro.ativo}


DEMO_CENTROS = (("Administrativo", "100"), ("Comercial", "200"), ("Operações", "300"))


def seed_demo_centros_de_custo(session: Session, empresa_id: str) -> None:
    """A demo provisioning step: a few cost centers (a new company has none, defaults.md §7)."""
    for nome, codigo in DEMO_CENTROS:
        criar(session, empresa_id, CentroEntrada(nome=nome, codigo=codigo))
