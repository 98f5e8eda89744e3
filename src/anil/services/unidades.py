"""Units of measure use cases: the default set of a new company, and the list (`/v1/produtos/unidades-medida`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from anil.domain.unidades import PADRAO, UnidadeMedida, filtrar
from anil.storage.repositories import unidades as repo
from anil.storage.repositories.base import Reader


def provisionar(session: Session, empresa_id: str) -> None:
    """Provisioning step of every new company: the default units (spec/defaults.md §6.3)."""
    repo.criar(session, empresa_id, PADRAO)


def listar(
    reader: Reader, tenant_id: str, busca: str | None, codigo: str | None, offset: int, limite: int
) -> tuple[int, list[UnidadeMedida]]:
    """(total, one page) of the company's units matching the filters, in creation order."""
    encontradas = filtrar(repo.listar(reader, tenant_id), busca, codigo)
    return len(encontradas), encontradas[offset : offset + limite]
