"""Tenant-scoped queries of financial accounts, their movements and transfers (catalog §3.9).

Every statement starts at the tenant door (`scoped_select`/`scoped_update`). The balance of an account is
read as its movements (`movimentos`): the union of every `FONTES_DE_MOVIMENTO` source, each a tenant-scoped
SELECT of `(conta_id, data, sentido, valor_bruto, juros, multa, desconto, taxa)`. The financial events'
settlements (baixas) join by appending their own source to that list; nothing else changes.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, insert, literal, or_, union_all
from sqlalchemy.orm import Session

from anil.domain.contas import (
    CAIXINHA,
    TIPOS_CONTA_DIGITAL,
    ComposicaoValor,
    ContaRegistro,
    ContaValida,
    FiltroContas,
    FiltroTransferencias,
    Movimento,
    Perna,
    Sentido,
    TransferenciaRegistro,
    TransferenciaValida,
)
from anil.storage.models import Baixa, ContaFinanceira, Transferencia
from anil.storage.repositories.base import Reader, scoped_select, scoped_update
from anil.storage.types import new_uuid, utcnow

C = ContaFinanceira.__table__
T = Transferencia.__table__
B = Baixa.__table__

_COLUNAS_CONTA = (
    C.c.seq,
    C.c.id,
    C.c.nome,
    C.c.tipo,
    C.c.banco,
    C.c.codigo_banco,
    C.c.agencia,
    C.c.numero,
    C.c.ativo,
    C.c.conta_padrao,
    C.c.possui_config_boleto_bancario,
    C.c.saldo_inicial,
    C.c.data_saldo_inicial,
)
_ORDEM_CONTAS = (C.c.nome_busca, C.c.seq)


def _conta(row: Sequence[Any]) -> ContaRegistro:
    return ContaRegistro(*row)


# ---------------------------------------------------------------------------------------- accounts ----


def conta(reader: Reader, tenant_id: str, conta_id: str) -> ContaRegistro | None:
    row = reader.execute(scoped_select(C, tenant_id, *_COLUNAS_CONTA).where(C.c.id == conta_id)).first()
    return _conta(row) if row is not None else None


def contas(reader: Reader, tenant_id: str, ids: Collection[str]) -> dict[str, ContaRegistro]:
    if not ids:
        return {}
    rows = reader.execute(scoped_select(C, tenant_id, *_COLUNAS_CONTA).where(C.c.id.in_(list(ids))))
    return {row.id: _conta(row) for row in rows}


def todas(reader: Reader, tenant_id: str) -> list[ContaRegistro]:
    rows = reader.execute(scoped_select(C, tenant_id, *_COLUNAS_CONTA).order_by(*_ORDEM_CONTAS))
    return [_conta(row) for row in rows]


def caixinha(reader: Reader, tenant_id: str) -> ContaRegistro | None:
    stmt = scoped_select(C, tenant_id, *_COLUNAS_CONTA).where(C.c.tipo == CAIXINHA).order_by(C.c.seq).limit(1)
    row = reader.execute(stmt).first()
    return _conta(row) if row is not None else None


def inserir_conta(session: Session, tenant_id: str, dados: ContaValida) -> ContaRegistro:
    if dados.conta_padrao:  # one default account per company
        session.execute(
            scoped_update(C, tenant_id).where(C.c.conta_padrao.is_(True)).values(conta_padrao=False)
        )
    conta_id = new_uuid()
    valores = {
        "id": conta_id,
        "tenant_id": tenant_id,
        "nome": dados.nome,
        "nome_busca": dados.nome_busca,
        "tipo": dados.tipo,
        "banco": dados.banco,
        "codigo_banco": dados.codigo_banco,
        "agencia": dados.agencia,
        "numero": dados.numero,
        "ativo": dados.ativo,
        "conta_padrao": dados.conta_padrao,
        "possui_config_boleto_bancario": dados.possui_config_boleto_bancario,
        "saldo_inicial": dados.saldo_inicial,
        "data_saldo_inicial": dados.data_saldo_inicial,
        "criado_em": utcnow(),
    }
    seq = session.execute(insert(C).values(**valores).returning(C.c.seq)).scalar_one()
    return ContaRegistro(
        seq=seq,
        id=conta_id,
        nome=dados.nome,
        tipo=dados.tipo,
        banco=dados.banco,
        codigo_banco=dados.codigo_banco,
        agencia=dados.agencia,
        numero=dados.numero,
        ativo=dados.ativo,
        conta_padrao=dados.conta_padrao,
        possui_config_boleto_bancario=dados.possui_config_boleto_bancario,
        saldo_inicial=dados.saldo_inicial,
        data_saldo_inicial=dados.data_saldo_inicial,
    )


def _contem(column: Any, texto: str) -> ColumnElement[bool]:
    escaped = texto.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(f"%{escaped}%", escape="\\")


def _condicoes(filtro: FiltroContas) -> list[ColumnElement[bool]]:
    """Every filter but `apenas_ativo`, which the `totais` counts ignore (they are the status tabs)."""
    conds: list[ColumnElement[bool]] = []
    if filtro.tipos:
        conds.append(C.c.tipo.in_(filtro.tipos))
    if filtro.nome_chave:
        conds.append(_contem(C.c.nome_busca, filtro.nome_chave))
    if filtro.esconde_conta_digital:
        conds.append(C.c.tipo.not_in(sorted(TIPOS_CONTA_DIGITAL)))
    if not filtro.mostrar_caixinha:
        conds.append(C.c.tipo != CAIXINHA)
    return conds


def listar(
    reader: Reader, tenant_id: str, filtro: FiltroContas, offset: int, limit: int
) -> tuple[int, int, int, list[ContaRegistro]]:
    """(matching count, active count, inactive count, one page), ordered by name then creation."""
    conds = _condicoes(filtro)
    ativos, inativos = 0, 0
    contagem = scoped_select(C, tenant_id, C.c.ativo, func.count()).where(*conds).group_by(C.c.ativo)
    for ativo, quantos in reader.execute(contagem):
        if ativo:
            ativos = quantos
        else:
            inativos = quantos
    if filtro.apenas_ativo:
        conds.append(C.c.ativo.is_(True))
    total = ativos if filtro.apenas_ativo else ativos + inativos
    stmt = (
        scoped_select(C, tenant_id, *_COLUNAS_CONTA)
        .where(*conds)
        .order_by(*_ORDEM_CONTAS)
        .offset(offset)
        .limit(limit)
    )
    return total, ativos, inativos, [_conta(row) for row in reader.execute(stmt)]


def saldos_iniciais(
    reader: Reader, tenant_id: str, de: date, ate: date, offset: int, limit: int
) -> tuple[int, list[ContaRegistro]]:
    """Accounts whose initial balance refers to a day in [de, ate], by that day then creation."""
    cond = C.c.data_saldo_inicial.between(de, ate)
    total = reader.execute(scoped_select(C, tenant_id, func.count()).where(cond)).scalar_one()
    stmt = (
        scoped_select(C, tenant_id, *_COLUNAS_CONTA)
        .where(cond)
        .order_by(C.c.data_saldo_inicial, C.c.seq)
        .offset(offset)
        .limit(limit)
    )
    return total, [_conta(row) for row in reader.execute(stmt)]


# --------------------------------------------------------------------------------------- movements ----

FonteDeMovimento = Callable[[str], Select]


def _perna_transferencia(tenant_id: str, lado: str, sentido: Sentido) -> Select:
    return scoped_select(
        T,
        tenant_id,
        T.c[f"conta_{lado}_id"].label("conta_id"),
        T.c[f"{lado}_data"].label("data"),
        literal(int(sentido)).label("sentido"),
        T.c[f"{lado}_valor_bruto"].label("valor_bruto"),
        T.c[f"{lado}_juros"].label("juros"),
        T.c[f"{lado}_multa"].label("multa"),
        T.c[f"{lado}_desconto"].label("desconto"),
        T.c[f"{lado}_taxa"].label("taxa"),
    )


def _saidas_por_transferencia(tenant_id: str) -> Select:
    return _perna_transferencia(tenant_id, "origem", Sentido.SAIDA)


def _entradas_por_transferencia(tenant_id: str) -> Select:
    return _perna_transferencia(tenant_id, "destino", Sentido.ENTRADA)


def _baixas(tenant_id: str) -> Select:
    """Settlements of installments (§3.11): a RECEITA's money comes in, a DESPESA's goes out, on the
    payment day, by the net value."""
    return scoped_select(
        B,
        tenant_id,
        B.c.conta_financeira_id.label("conta_id"),
        B.c.data_pagamento.label("data"),
        case((B.c.tipo == "DESPESA", literal(int(Sentido.SAIDA))), else_=literal(int(Sentido.ENTRADA))).label(
            "sentido"
        ),
        B.c.valor_bruto.label("valor_bruto"),
        B.c.juros.label("juros"),
        B.c.multa.label("multa"),
        B.c.desconto.label("desconto"),
        B.c.taxa.label("taxa"),
    )


# Each source: tenant id → SELECT (conta_id, data, sentido, valor_bruto, juros, multa, desconto, taxa), the
# money that settled in or out of an account.
FONTES_DE_MOVIMENTO: list[FonteDeMovimento] = [
    _saidas_por_transferencia,
    _entradas_por_transferencia,
    _baixas,
]


def movimentos(
    reader: Reader, tenant_id: str, conta_ids: Collection[str], ate: date | None = None
) -> dict[str, list[Movimento]]:
    """Every movement of the given accounts (settled up to `ate`, inclusive, when given), per account."""
    por_conta: dict[str, list[Movimento]] = {conta_id: [] for conta_id in conta_ids}
    if not por_conta:
        return por_conta
    todas_fontes = union_all(*(fonte(tenant_id) for fonte in FONTES_DE_MOVIMENTO)).subquery("movimentos")
    stmt = todas_fontes.select().where(todas_fontes.c.conta_id.in_(list(por_conta)))
    if ate is not None:
        stmt = stmt.where(todas_fontes.c.data <= ate)
    for conta_id, data, sentido, bruto, juros, multa, desconto, taxa in reader.execute(stmt):
        por_conta[conta_id].append(
            Movimento(data, Sentido(int(sentido)), ComposicaoValor(bruto, juros, multa, desconto, taxa))
        )
    return por_conta


# --------------------------------------------------------------------------------------- transfers ----


def inserir_transferencia(session: Session, tenant_id: str, dados: TransferenciaValida) -> str:
    transferencia_id = new_uuid()
    valores: dict[str, Any] = {
        "id": transferencia_id,
        "tenant_id": tenant_id,
        "descricao": dados.descricao,
        "valor": dados.valor,
        "data": dados.data,
        "conta_origem_id": dados.conta_origem,
        "conta_destino_id": dados.conta_destino,
        "criado_em": utcnow(),
    }
    for lado, perna in (("origem", dados.origem), ("destino", dados.destino)):
        composicao = perna.composicao
        valores[f"{lado}_data"] = perna.data
        valores[f"{lado}_valor_bruto"] = composicao.valor_bruto
        valores[f"{lado}_juros"] = composicao.juros
        valores[f"{lado}_multa"] = composicao.multa
        valores[f"{lado}_desconto"] = composicao.desconto
        valores[f"{lado}_taxa"] = composicao.taxa
    session.execute(insert(T).values(**valores))
    return transferencia_id


def _composicao(row: Any, lado: str) -> ComposicaoValor:
    return ComposicaoValor(
        valor_bruto=row._mapping[f"{lado}_valor_bruto"],
        juros=row._mapping[f"{lado}_juros"],
        multa=row._mapping[f"{lado}_multa"],
        desconto=row._mapping[f"{lado}_desconto"],
        taxa=row._mapping[f"{lado}_taxa"],
    )


def _transferencias(reader: Reader, tenant_id: str, rows: Sequence[Any]) -> list[TransferenciaRegistro]:
    ids = {row.conta_origem_id for row in rows} | {row.conta_destino_id for row in rows}
    por_id = contas(reader, tenant_id, ids)
    return [
        TransferenciaRegistro(
            id=row.id,
            descricao=row.descricao,
            valor=row.valor,
            data=row.data,
            origem=Perna(por_id[row.conta_origem_id], row.origem_data, _composicao(row, "origem")),
            destino=Perna(por_id[row.conta_destino_id], row.destino_data, _composicao(row, "destino")),
        )
        for row in rows
    ]


def transferencia(reader: Reader, tenant_id: str, transferencia_id: str) -> TransferenciaRegistro | None:
    rows = reader.execute(scoped_select(T, tenant_id).where(T.c.id == transferencia_id)).all()
    found = _transferencias(reader, tenant_id, rows)
    return found[0] if found else None


def listar_transferencias(
    reader: Reader, tenant_id: str, filtro: FiltroTransferencias, offset: int = 0, limit: int | None = None
) -> tuple[int, list[TransferenciaRegistro]]:
    """The transfers the filter matches, by date then creation (one page, or all when `limit` is None)."""
    conds: list[ColumnElement[bool]] = []
    if filtro.data_inicio is not None:
        conds.append(T.c.data >= filtro.data_inicio)
    if filtro.data_fim is not None:
        conds.append(T.c.data <= filtro.data_fim)
    if filtro.contas:
        ids = list(filtro.contas)
        conds.append(or_(T.c.conta_origem_id.in_(ids), T.c.conta_destino_id.in_(ids)))
    total = reader.execute(scoped_select(T, tenant_id, func.count()).where(*conds)).scalar_one()
    stmt = scoped_select(T, tenant_id).where(*conds).order_by(T.c.data, T.c.seq)
    if limit is not None:
        stmt = stmt.offset(offset).limit(limit)
    return total, _transferencias(reader, tenant_id, reader.execute(stmt).all())
