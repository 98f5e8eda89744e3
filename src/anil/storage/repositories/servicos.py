"""Serviços, tenant-scoped (every statement starts at the tenant door in `base`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert
from sqlalchemy.orm import Session

from anil.domain.servicos import ServicoRegistro, ServicoValido
from anil.storage.models import Servico
from anil.storage.repositories.base import Reader, core, scoped_select, scoped_update

S = Servico.__table__

_COLUNAS = (
    S.c.seq,
    S.c.id,
    S.c.descricao,
    S.c.status,
    S.c.tipo_servico,
    S.c.codigo,
    S.c.preco,
    S.c.custo,
    S.c.codigo_cnae,
    S.c.lei_116,
    S.c.codigo_municipio_servico,
    S.c.id_externo,
    S.c.lista_cenario_tributario,
    S.c.natureza_operacional_id,
    S.c.excluido_em,
)


def _registro(row: Sequence[Any]) -> ServicoRegistro:
    *campos, cenarios, natureza, excluido_em = row
    return ServicoRegistro(
        *campos,
        lista_cenario_tributario=list(cenarios or []),
        natureza_operacional_id=natureza,
        excluido=excluido_em is not None,
    )


def _valores(dados: ServicoValido) -> dict[str, Any]:
    return {
        "descricao": dados.descricao,
        "status": dados.status,
        "tipo_servico": dados.tipo_servico,
        "codigo": dados.codigo,
        "preco": dados.preco,
        "custo": dados.custo,
        "busca": dados.busca,
    }


def inserir(
    session: Session,
    tenant_id: str,
    servico_id: str,
    dados: ServicoValido,
    agora: datetime,
    **fiscais: Any,
) -> int:
    """A new row; `fiscais` are the fields no API body writes (demo data sets them). Returns `seq`."""
    values = {
        "id": servico_id,
        "tenant_id": tenant_id,
        **_valores(dados),
        "lista_cenario_tributario": fiscais.pop("lista_cenario_tributario", []),
        **fiscais,
        "criado_em": agora,
        "data_alteracao": agora,
    }
    return session.execute(insert(S).values(**values).returning(S.c.seq)).scalar_one()


def por_id(reader: Reader, tenant_id: str, servico_id: str) -> ServicoRegistro | None:
    """By uuid, deleted or not (a logically deleted service is still readable, §2.12)."""
    row = core(reader).execute(scoped_select(S, tenant_id, *_COLUNAS).where(S.c.id == servico_id)).first()
    return _registro(row) if row is not None else None


def listar(
    reader: Reader, tenant_id: str, termo: str | None, offset: int, limit: int
) -> tuple[int, list[ServicoRegistro]]:
    """The services not deleted, in creation order (`id_servico`), `termo` contained in `busca`."""
    conds = [S.c.excluido_em.is_(None)]
    if termo:
        conds.append(S.c.busca.contains(termo, autoescape=True))
    conn = core(reader)
    total = conn.execute(scoped_select(S, tenant_id, func.count()).where(*conds)).scalar_one()
    if total == 0 or offset >= total:
        return total, []
    stmt = scoped_select(S, tenant_id, *_COLUNAS).where(*conds).order_by(S.c.seq).offset(offset).limit(limit)
    return total, [_registro(row) for row in conn.execute(stmt)]


def atualizar(session: Session, tenant_id: str, seq: int, dados: ServicoValido, agora: datetime) -> None:
    session.execute(
        scoped_update(S, tenant_id).where(S.c.seq == seq).values(**_valores(dados), data_alteracao=agora)
    )


def excluir(session: Session, tenant_id: str, ids_servico: Sequence[int], agora: datetime) -> int:
    """Logical delete of the tenant's services among `ids_servico` not deleted yet; returns how many."""
    result = session.execute(
        scoped_update(S, tenant_id)
        .where(S.c.seq.in_(list(ids_servico)), S.c.excluido_em.is_(None))
        .values(excluido_em=agora, data_alteracao=agora)
    )
    return result.rowcount
