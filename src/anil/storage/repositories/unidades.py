"""Units of measure: tenant-scoped reads and the default set a new company gets.

A company has a couple of dozen units, so a list reads them all (one statement built once) and the domain
filters and pages them. `em_uso` is computed on read: a unit is in use while some product of the same
company has it as its unit (`produtos.unidade_medida_id`, which holds the unit's API id).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import bindparam, exists, insert, select
from sqlalchemy.orm import Session

from anil.domain.unidades import UNIDADE_ID_BASE, UnidadeMedida, seq_da_unidade, unidade_id
from anil.storage.models.produtos import Produto
from anil.storage.models.unidades import UnidadeMedida as UnidadeMedidaRow
from anil.storage.repositories.base import (
    TENANT,
    Reader,
    core,
    fetch,
    owned,
    scope,
    scoped_select,
    write_raw,
)

U = UnidadeMedidaRow.__table__
P = Produto.__table__

_EM_USO = (
    exists().where(owned(P), P.c.unidade_medida_id == U.c.seq + UNIDADE_ID_BASE).correlate(U).label("em_uso")
)
# Column order matters: rows are read by position in `_unidade()`.
_COLUNAS = (U.c.seq, U.c.descricao, U.c.abreviacao, _EM_USO)
_TODAS = select(*_COLUNAS).where(owned(U)).order_by(U.c.posicao, U.c.seq)
_UMA = select(*_COLUNAS).where(owned(U), U.c.seq == bindparam("seq"))
_INSERIR = insert(U).values(
    tenant_id=TENANT,
    posicao=bindparam("posicao"),
    descricao=bindparam("descricao"),
    abreviacao=bindparam("abreviacao"),
)


def _unidade(row: Sequence) -> UnidadeMedida:
    return UnidadeMedida(id=unidade_id(row[0]), descricao=row[1], abreviacao=row[2], em_uso=bool(row[3]))


def criar(session: Session, tenant_id: str, unidades: Sequence[tuple[str, str]]) -> None:
    """Add `(descricao, abreviacao)` units after the company's existing ones, in the given order."""
    inicio = len(fetch(session, _TODAS, scope(tenant_id)))
    write_raw(
        session,
        _INSERIR,
        [
            scope(tenant_id, posicao=inicio + n, descricao=descricao, abreviacao=abreviacao)
            for n, (descricao, abreviacao) in enumerate(unidades)
        ],
    )


def listar(reader: Reader, tenant_id: str) -> list[UnidadeMedida]:
    """Every unit of the company, in creation order."""
    return [_unidade(row) for row in fetch(reader, _TODAS, scope(tenant_id))]


def unidade_da_empresa(reader: Reader, tenant_id: str, unidade_id: int) -> UnidadeMedida | None:
    """The company's unit with this API id, or None (unknown id, or another company's unit).

    For the products group: check a `unidade_medida.id` before storing it, and read `{id, descricao}` back.
    `reader` is a Session or a RawReader.
    """
    seq = seq_da_unidade(unidade_id)
    if seq is None:
        return None
    rows = fetch(reader, _UMA, scope(tenant_id, seq=seq))
    return _unidade(rows[0]) if rows else None


def unidades_da_empresa(reader: Reader, tenant_id: str, ids: Collection[int]) -> dict[int, UnidadeMedida]:
    """The company's units among these API ids, by id (other ids are left out): for product lists."""
    seqs = {seq for id_ in ids if (seq := seq_da_unidade(id_)) is not None}
    if not seqs:
        return {}
    stmt = scoped_select(U, tenant_id, *_COLUNAS).where(U.c.seq.in_(sorted(seqs)))
    rows = core(reader).execute(stmt, scope(tenant_id)).all()
    return {unidade.id: unidade for unidade in map(_unidade, rows)}
