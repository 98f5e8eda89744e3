"""Vendas, tenant-scoped (every statement starts at the tenant door in `base`): the sale and its lines and
installment plan, what a sale references, the stock ledger, the company's sales settings, and the
financial installments a sale cancels."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from anil.domain.money import ZERO
from anil.storage.models import (
    Baixa,
    Categoria,
    CentroDeCusto,
    ConfiguracaoVendas,
    ContaFinanceira,
    Empresa,
    EventoFinanceiro,
    MovimentoEstoque,
    Parcela,
    Pessoa,
    Produto,
    ProdutoKitItem,
    Servico,
    Venda,
    VendaItem,
    VendaParcela,
    Vendedor,
)
from anil.storage.repositories.base import Reader, core, scoped_select, scoped_update

V = Venda.__table__
I = VendaItem.__table__  # noqa: E741
VP = VendaParcela.__table__
M = MovimentoEstoque.__table__
CFG = ConfiguracaoVendas.__table__
PES = Pessoa.__table__
PRO = Produto.__table__
KIT = ProdutoKitItem.__table__
SRV = Servico.__table__
VEN = Vendedor.__table__
CAT = Categoria.__table__
CC = CentroDeCusto.__table__
CF = ContaFinanceira.__table__
P = Parcela.__table__
B = Baixa.__table__
EV = EventoFinanceiro.__table__
EMP = Empresa.__table__


@dataclass(frozen=True, slots=True)
class ItemCatalogo:
    """A product or service a sale line may name."""

    id: str
    tipo: str  # PRODUTO | KIT_PRODUTOS | SERVICO
    nome: str
    seq: int | None = None  # products only
    quantidade_disponivel: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class ClienteResumo:
    id: str
    nome: str
    tipo_pessoa: str
    documento: str | None
    email: str | None


@dataclass(frozen=True, slots=True)
class VendedorResumo:
    id: str
    nome: str
    id_legado: int


# ------------------------------------------------------------------------------------ references ----


def cliente(reader: Reader, tenant_id: str, cliente_id: str) -> ClienteResumo | None:
    stmt = scoped_select(
        PES, tenant_id, PES.c.id, PES.c.nome, PES.c.tipo_pessoa, PES.c.documento, PES.c.email
    )
    row = core(reader).execute(stmt.where(PES.c.id == cliente_id)).first()
    return ClienteResumo(*row) if row is not None else None


def vendedor(reader: Reader, tenant_id: str, vendedor_id: str) -> VendedorResumo | None:
    stmt = scoped_select(VEN, tenant_id, VEN.c.id, VEN.c.nome, VEN.c.seq).where(VEN.c.id == vendedor_id)
    row = core(reader).execute(stmt).first()
    return VendedorResumo(*row) if row is not None else None


def tipo_categoria(reader: Reader, tenant_id: str, categoria_id: str) -> str | None:
    stmt = scoped_select(CAT, tenant_id, CAT.c.tipo).where(CAT.c.id == categoria_id)
    return core(reader).execute(stmt).scalar()


def centro_existe(reader: Reader, tenant_id: str, centro_id: str) -> bool:
    stmt = scoped_select(CC, tenant_id, CC.c.id).where(CC.c.id == centro_id)
    return core(reader).execute(stmt).first() is not None


def conta_padrao(reader: Reader, tenant_id: str) -> str | None:
    """The company's default account, else its first Caixinha, else its first account."""
    stmt = scoped_select(CF, tenant_id, CF.c.id).order_by(
        CF.c.conta_padrao.desc(), (CF.c.tipo == "CAIXINHA").desc(), CF.c.seq
    )
    return core(reader).execute(stmt.limit(1)).scalar()


def itens_catalogo(reader: Reader, tenant_id: str, ids: Collection[str]) -> dict[str, ItemCatalogo]:
    """The products (kits among them) and services of the company with these ids."""
    if not ids:
        return {}
    lista = list(ids)
    achados: dict[str, ItemCatalogo] = {}
    produtos = scoped_select(
        PRO, tenant_id, PRO.c.id, PRO.c.tipo, PRO.c.nome, PRO.c.seq, PRO.c.quantidade_disponivel
    ).where(PRO.c.id.in_(lista))
    for row in core(reader).execute(produtos):
        tipo = "KIT_PRODUTOS" if row.tipo == "KIT_PRODUTO" else "PRODUTO"
        achados[row.id] = ItemCatalogo(row.id, tipo, row.nome, row.seq, row.quantidade_disponivel)
    servicos = scoped_select(SRV, tenant_id, SRV.c.id, SRV.c.descricao).where(
        SRV.c.id.in_(lista), SRV.c.excluido_em.is_(None)
    )
    for row in core(reader).execute(servicos):
        achados.setdefault(row.id, ItemCatalogo(row.id, "SERVICO", row.descricao))
    return achados


def componentes_kit(reader: Reader, tenant_id: str, kit_seq: int) -> list[tuple[str, Decimal]]:
    """(product id, quantity per kit) of a kit's components."""
    stmt = (
        select(PRO.c.id, KIT.c.quantidade)
        .select_from(KIT.join(PRO, PRO.c.seq == KIT.c.produto_seq))
        .where(KIT.c.tenant_id == tenant_id, KIT.c.kit_seq == kit_seq)
        .order_by(KIT.c.posicao)
    )
    return [(row[0], row[1]) for row in core(reader).execute(stmt)]


def produtos(reader: Reader, tenant_id: str, ids: Collection[str]) -> dict[str, tuple[str, Decimal]]:
    """{id: (nome, quantidade_disponivel)} of these products of the company."""
    if not ids:
        return {}
    stmt = scoped_select(PRO, tenant_id, PRO.c.id, PRO.c.nome, PRO.c.quantidade_disponivel).where(
        PRO.c.id.in_(list(ids))
    )
    return {row[0]: (row[1], row[2]) for row in core(reader).execute(stmt)}


# ----------------------------------------------------------------------------------------- sales ----


def por_id(reader: Reader, tenant_id: str, venda_id: str) -> Any:
    return core(reader).execute(scoped_select(V, tenant_id).where(V.c.id == venda_id)).first()


def por_seq(reader: Reader, tenant_id: str, seq: int) -> Any:
    return core(reader).execute(scoped_select(V, tenant_id).where(V.c.seq == seq)).first()


def bloquear(session: Session, tenant_id: str, venda_id: str) -> Any:
    """The sale row, locked for the rest of the transaction (PostgreSQL; SQLite has one writer)."""
    stmt = scoped_select(V, tenant_id).where(V.c.id == venda_id)
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    return session.execute(stmt).first()


def itens(reader: Reader, tenant_id: str, venda_id: str) -> Sequence[Any]:
    stmt = scoped_select(I, tenant_id).where(I.c.venda_id == venda_id).order_by(I.c.posicao)
    return core(reader).execute(stmt).all()


def pagina_itens(reader: Reader, tenant_id: str, venda_id: str, offset: int, limit: int) -> Sequence[Any]:
    stmt = scoped_select(I, tenant_id).where(I.c.venda_id == venda_id).order_by(I.c.posicao)
    return core(reader).execute(stmt.offset(offset).limit(limit)).all()


def contagem_itens(reader: Reader, tenant_id: str, venda_id: str) -> dict[str, int]:
    """{tipo: number of lines} of a sale."""
    stmt = (
        scoped_select(I, tenant_id, I.c.tipo, func.count()).where(I.c.venda_id == venda_id).group_by(I.c.tipo)
    )
    return {row[0]: int(row[1]) for row in core(reader).execute(stmt)}


def parcelas(reader: Reader, tenant_id: str, venda_id: str) -> Sequence[Any]:
    stmt = scoped_select(VP, tenant_id).where(VP.c.venda_id == venda_id).order_by(VP.c.numero)
    return core(reader).execute(stmt).all()


def bloquear_numeracao(session: Session, tenant_id: str) -> None:
    """Serialize the company's numbered writes (sales, and proposals taking the same lock) until the
    transaction ends: a row lock on the company (PostgreSQL; `FOR NO KEY UPDATE`, which rows referencing
    the company do not wait for). SQLite has one writer already."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(EMP.c.id).where(EMP.c.id == tenant_id).with_for_update(key_share=True))


def numero_em_uso(reader: Reader, tenant_id: str, numero: int, exceto: str | None = None) -> bool:
    stmt = scoped_select(V, tenant_id, V.c.id).where(V.c.numero == numero, V.c.excluida.is_(False))
    if exceto is not None:
        stmt = stmt.where(V.c.id != exceto)
    return core(reader).execute(stmt.limit(1)).first() is not None


def maior_numero(reader: Reader, tenant_id: str) -> int | None:
    """The highest number of the company's sales that are not deleted (the shared counter's half)."""
    stmt = scoped_select(V, tenant_id, func.max(V.c.numero)).where(V.c.excluida.is_(False))
    valor = core(reader).execute(stmt).scalar()
    return int(valor) if valor is not None else None


def inserir(session: Session, valores: dict[str, Any]) -> int:
    return session.execute(insert(V).values(**valores).returning(V.c.seq)).scalar_one()


def atualizar(session: Session, tenant_id: str, venda_id: str, valores: dict[str, Any]) -> None:
    session.execute(scoped_update(V, tenant_id).where(V.c.id == venda_id).values(**valores))


def substituir_itens(session: Session, tenant_id: str, venda_id: str, linhas: list[dict[str, Any]]) -> None:
    session.execute(delete(I).where(I.c.tenant_id == tenant_id, I.c.venda_id == venda_id))
    if linhas:
        session.execute(insert(I), linhas)


def substituir_parcelas(
    session: Session, tenant_id: str, venda_id: str, linhas: list[dict[str, Any]]
) -> None:
    session.execute(delete(VP).where(VP.c.tenant_id == tenant_id, VP.c.venda_id == venda_id))
    if linhas:
        session.execute(insert(VP), linhas)


def ligar_parcelas(session: Session, tenant_id: str, venda_id: str, financeiras: list[str | None]) -> None:
    """Point the sale's installments, in order, at the financial installments (or at none)."""
    for numero, parcela_id in enumerate(financeiras, 1):
        session.execute(
            scoped_update(VP, tenant_id)
            .where(VP.c.venda_id == venda_id, VP.c.numero == numero)
            .values(parcela_financeira_id=parcela_id)
        )


# ----------------------------------------------------------------------------------------- stock ----


def efeito_estoque(session: Session, tenant_id: str, venda_id: str) -> dict[str, Decimal]:
    """{produto: Σ signed quantity} the sale has moved so far (non-zero only)."""
    stmt = (
        scoped_select(M, tenant_id, M.c.produto_id, func.sum(M.c.quantidade))
        .where(M.c.venda_id == venda_id)
        .group_by(M.c.produto_id)
    )
    return {row[0]: Decimal(row[1]) for row in session.execute(stmt) if row[1] and Decimal(row[1]) != 0}


def movimentar(
    session: Session, tenant_id: str, venda_id: str, delta: dict[str, Decimal], motivo: str, agora: datetime
) -> None:
    """Write the ledger rows and move each product's available quantity by them."""
    for produto_id, quantidade in delta.items():
        session.execute(
            insert(M).values(
                tenant_id=tenant_id,
                venda_id=venda_id,
                produto_id=produto_id,
                quantidade=quantidade,
                motivo=motivo,
                criado_em=agora,
            )
        )
        session.execute(
            scoped_update(PRO, tenant_id)
            .where(PRO.c.id == produto_id)
            .values(quantidade_disponivel=PRO.c.quantidade_disponivel + quantidade)
        )


# -------------------------------------------------------------------------------------- settings ----


def verificar_estoque(reader: Reader, tenant_id: str) -> bool:
    stmt = select(CFG.c.verificar_estoque).where(CFG.c.tenant_id == tenant_id)
    return bool(core(reader).execute(stmt).scalar())


def gravar_configuracao(session: Session, tenant_id: str, verificar: bool, agora: datetime) -> None:
    atualizadas = session.execute(
        update(CFG).where(CFG.c.tenant_id == tenant_id).values(verificar_estoque=verificar, alterado_em=agora)
    ).rowcount
    if not atualizadas:
        session.execute(
            insert(CFG).values(tenant_id=tenant_id, verificar_estoque=verificar, alterado_em=agora)
        )


# ------------------------------------------------------------------------------------- financial ----


@dataclass(frozen=True, slots=True)
class ParcelaFinanceira:
    id: str
    situacao: str
    valor_bruto: Decimal
    valor_pago: Decimal
    data_vencimento: date
    conta_financeira_id: str | None
    metodo_pagamento: str | None


def parcelas_financeiras(session: Session, tenant_id: str, evento_id: str) -> list[ParcelaFinanceira]:
    stmt = (
        scoped_select(
            P,
            tenant_id,
            P.c.id,
            P.c.situacao,
            P.c.valor_bruto,
            P.c.valor_pago,
            P.c.data_vencimento,
            P.c.conta_financeira_id,
            P.c.metodo_pagamento,
        )
        .where(P.c.evento_id == evento_id)
        .order_by(P.c.indice)
    )
    return [ParcelaFinanceira(*row) for row in session.execute(stmt)]


def baixas_da_venda(session: Session, tenant_id: str, evento_id: str, origem: str) -> list[tuple[str, str]]:
    """(baixa id, parcela id) of the settlements the sale itself made on its event."""
    stmt = scoped_select(B, tenant_id, B.c.id, B.c.parcela_id).where(
        B.c.evento_id == evento_id, B.c.origem == origem
    )
    return [(row[0], row[1]) for row in session.execute(stmt)]


def excluir_baixa(session: Session, tenant_id: str, baixa_id: str) -> None:
    session.execute(delete(B).where(B.c.tenant_id == tenant_id, B.c.id == baixa_id))


def cancelar_parcelas(session: Session, tenant_id: str, ids: list[str], agora: datetime) -> None:
    if ids:
        session.execute(
            scoped_update(P, tenant_id)
            .where(P.c.id.in_(ids))
            .values(situacao="CANCELADO", versao=P.c.versao + 1, alterado_em=agora)
        )


def alterar_evento(session: Session, tenant_id: str, evento_id: str, agora: datetime) -> None:
    session.execute(
        scoped_update(EV, tenant_id)
        .where(EV.c.id == evento_id)
        .values(versao=EV.c.versao + 1, alterado_em=agora)
    )
