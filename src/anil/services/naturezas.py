"""Naturezas de operação (defaults.md §5): every company's nine sale naturezas, for the sales group.

No endpoint lists them (catalog §3.4 only references them by `id_natureza_operacao`); sales read them here.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from anil.domain.naturezas import PADRAO, NaturezaRegistro, template_padrao
from anil.errors import NotFound
from anil.storage.repositories import naturezas as repo
from anil.storage.repositories.base import Reader

NAO_ENCONTRADA = "Natureza de operação não encontrada"


def provisionar(session: Session, empresa_id: str) -> None:
    """Every new company: the nine default sale naturezas, with ids stable per company."""
    repo.inserir(session, empresa_id, PADRAO)


def listar(reader: Reader, tenant_id: str) -> list[NaturezaRegistro]:
    return repo.todas(reader, tenant_id)


def obter(reader: Reader, tenant_id: str, id_natureza: str) -> NaturezaRegistro:
    natureza = repo.por_id(reader, tenant_id, id_natureza)
    if natureza is None:
        raise NotFound(NAO_ENCONTRADA)
    return natureza


def padrao(reader: Reader, tenant_id: str, tem_produtos: bool) -> NaturezaRegistro:
    """The natureza of a sale created without `id_natureza_operacao`: goods if it has products, else services."""
    natureza = repo.por_template(reader, tenant_id, template_padrao(tem_produtos))
    if natureza is None:
        raise NotFound(NAO_ENCONTRADA)
    return natureza
