"""Tenant-scoped queries of the naturezas de operação (defaults.md §5)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert
from sqlalchemy.orm import Session

from anil.domain.naturezas import Natureza, NaturezaRegistro, natureza_id
from anil.storage.models import NaturezaOperacao
from anil.storage.repositories.base import Reader, scoped_select

N = NaturezaOperacao.__table__
_COLUNAS = (
    N.c.id,
    N.c.label,
    N.c.tipo_operacao,
    N.c.template_operacao,
    N.c.mudanca_estoque,
    N.c.mudanca_financeira,
)


def inserir(session: Session, tenant_id: str, naturezas: Sequence[Natureza]) -> None:
    session.execute(
        insert(N),
        [
            {
                "id": natureza_id(tenant_id, natureza.template_operacao),
                "tenant_id": tenant_id,
                "posicao": posicao,
                "label": natureza.label,
                "tipo_operacao": natureza.tipo_operacao,
                "template_operacao": natureza.template_operacao,
                "mudanca_estoque": natureza.mudanca_estoque,
                "mudanca_financeira": natureza.mudanca_financeira,
            }
            for posicao, natureza in enumerate(naturezas)
        ],
    )


def todas(reader: Reader, tenant_id: str) -> list[NaturezaRegistro]:
    rows = reader.execute(scoped_select(N, tenant_id, *_COLUNAS).order_by(N.c.posicao))
    return [NaturezaRegistro(*row) for row in rows]


def por_id(reader: Reader, tenant_id: str, id_natureza: str) -> NaturezaRegistro | None:
    row = reader.execute(scoped_select(N, tenant_id, *_COLUNAS).where(N.c.id == id_natureza)).first()
    return NaturezaRegistro(*row) if row is not None else None


def por_template(reader: Reader, tenant_id: str, template_operacao: str) -> NaturezaRegistro | None:
    stmt = (
        scoped_select(N, tenant_id, *_COLUNAS)
        .where(N.c.template_operacao == template_operacao)
        .order_by(N.c.posicao)
        .limit(1)
    )
    row = reader.execute(stmt).first()
    return NaturezaRegistro(*row) if row is not None else None
