"""Contratos, tenant-scoped (every statement starts at the tenant door in `base`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, insert, or_, select
from sqlalchemy.orm import Session

from anil.domain.contratos import Agendamento, ContratoValido, VendaAgendada
from anil.storage.models import (
    Categoria,
    CentroDeCusto,
    ContaFinanceira,
    Contrato,
    ContratoItem,
    ContratoVenda,
    Empresa,
    Pessoa,
    Produto,
    Servico,
    Vendedor,
)
from anil.storage.repositories.base import Reader, core, scoped_select, scoped_update

C = Contrato.__table__
I = ContratoItem.__table__  # noqa: E741
V = ContratoVenda.__table__
P = Pessoa.__table__
VD = Vendedor.__table__
CF = ContaFinanceira.__table__


# ----------------------------------------------------------------------------------- references ----


def cliente_existe(reader: Reader, tenant_id: str, pessoa_id: str) -> bool:
    stmt = scoped_select(P, tenant_id, P.c.id).where(P.c.id == pessoa_id)
    return core(reader).execute(stmt).first() is not None


def tipos_dos_itens(reader: Reader, tenant_id: str, ids: Sequence[str]) -> dict[str, str]:
    """Each id that is one of the company's products (PRODUTO) or services not deleted (SERVICO)."""
    conn = core(reader)
    produtos = Produto.__table__
    servicos = Servico.__table__
    out: dict[str, str] = {}
    for (pid,) in conn.execute(
        scoped_select(produtos, tenant_id, produtos.c.id).where(produtos.c.id.in_(ids))
    ):
        out[pid] = "PRODUTO"
    stmt = scoped_select(servicos, tenant_id, servicos.c.id).where(
        servicos.c.id.in_(ids), servicos.c.excluido_em.is_(None)
    )
    for (sid,) in conn.execute(stmt):
        out.setdefault(sid, "SERVICO")
    return out


def vendedor_existe(reader: Reader, tenant_id: str, vendedor_id: str) -> bool:
    return (
        core(reader).execute(scoped_select(VD, tenant_id, VD.c.id).where(VD.c.id == vendedor_id)).first()
        is not None
    )


def conta_existe(reader: Reader, tenant_id: str, conta_id: str) -> bool:
    return (
        core(reader).execute(scoped_select(CF, tenant_id, CF.c.id).where(CF.c.id == conta_id)).first()
        is not None
    )


def categoria_tipo(reader: Reader, tenant_id: str, categoria_id: str) -> str | None:
    t = Categoria.__table__
    return core(reader).execute(scoped_select(t, tenant_id, t.c.tipo).where(t.c.id == categoria_id)).scalar()


def centro_existe(reader: Reader, tenant_id: str, centro_id: str) -> bool:
    t = CentroDeCusto.__table__
    return (
        core(reader).execute(scoped_select(t, tenant_id, t.c.id).where(t.c.id == centro_id)).first()
        is not None
    )


# ------------------------------------------------------------------------------------- numbers ----

_VIVO = C.c.status != "DELETADO"


def maior_numero(reader: Reader, tenant_id: str) -> int | None:
    """The highest number among the company's contracts not deleted."""
    return core(reader).execute(scoped_select(C, tenant_id, func.max(C.c.numero)).where(_VIVO)).scalar()


def numero_em_uso(reader: Reader, tenant_id: str, numero: int) -> bool:
    stmt = scoped_select(C, tenant_id, C.c.id).where(_VIVO, C.c.numero == numero)
    return core(reader).execute(stmt).first() is not None


# ------------------------------------------------------------------------------------- writes ----


def travar_empresa(session: Session, tenant_id: str) -> None:
    """Lock the company's row for the transaction (PostgreSQL; SQLite has one writer): two contracts
    created at once never both pass the number check, nor take the same sale numbers."""
    if session.get_bind().dialect.name == "postgresql":
        empresas = Empresa.__table__
        session.execute(select(empresas.c.id).where(empresas.c.id == tenant_id).with_for_update())


def inserir(
    session: Session,
    tenant_id: str,
    contrato_id: str,
    valido: ContratoValido,
    tipos: dict[str, str],
    agora: datetime,
) -> int:
    """The contract and its lines; returns `seq` (the legacy id)."""
    valores = valido.composicao
    seq = session.execute(
        insert(C)
        .values(
            id=contrato_id,
            tenant_id=tenant_id,
            numero=valido.numero,
            status="ATIVO",
            cliente_id=valido.id_cliente,
            vendedor_id=valido.id_vendedor,
            categoria_id=valido.id_categoria,
            centro_custo_id=valido.id_centro_custo,
            conta_financeira_id=valido.id_conta_financeira,
            data_inicio=valido.data_inicio,
            data_fim=valido.data_fim,
            data_emissao=valido.data_emissao,
            dia_emissao_venda=valido.dia_emissao_venda,
            intervalo_frequencia=valido.intervalo_frequencia,
            tipo_frequencia=valido.tipo_frequencia,
            tipo_expiracao=valido.tipo_expiracao,
            tipo_pagamento=valido.tipo_pagamento,
            dia_vencimento=valido.dia_vencimento,
            primeira_data_vencimento=valido.primeira_data_vencimento,
            desconto_tipo=valido.desconto_tipo,
            desconto_taxa=valido.desconto_valor if valido.desconto_tipo else None,
            valor_bruto=valores.valor_bruto,
            desconto=valores.desconto,
            frete=valores.frete,
            valor_liquido=valores.valor_liquido,
            observacoes=valido.observacoes,
            observacoes_pagamento=valido.observacoes_pagamento,
            criado_em=agora,
            alterado_em=agora,
        )
        .returning(C.c.seq)
    ).scalar_one()
    session.execute(
        insert(I),
        [
            {
                "tenant_id": tenant_id,
                "contrato_id": contrato_id,
                "posicao": posicao,
                "item_id": item.id,
                "tipo": tipos[item.id],
                "descricao": item.descricao,
                "quantidade": item.quantidade,
                "valor": item.valor,
                "valor_custo": item.valor_custo,
            }
            for posicao, item in enumerate(valido.itens, 1)
        ],
    )
    return seq


def inserir_agenda(
    session: Session,
    tenant_id: str,
    contrato_id: str,
    linhas: Sequence[tuple[Agendamento, str | None]],
    valor: Decimal,
) -> None:
    session.execute(
        insert(V),
        [
            {
                "tenant_id": tenant_id,
                "contrato_id": contrato_id,
                "indice": agendamento.indice,
                "venda_id": venda_id,
                "data_emissao": agendamento.data_emissao,
                "data_vencimento": agendamento.data_vencimento,
                "valor": valor,
                "cancelada": False,
            }
            for agendamento, venda_id in linhas
        ],
    )


def mudar_status(
    session: Session, tenant_id: str, contrato_id: str, status: str, agora: datetime, campo: str
) -> None:
    session.execute(
        scoped_update(C, tenant_id)
        .where(C.c.id == contrato_id)
        .values({"status": status, "alterado_em": agora, campo: agora})
    )


def cancelar_agenda(
    session: Session, tenant_id: str, contrato_id: str, emitidas_depois_de: date | None
) -> list[str]:
    """Mark the contract's scheduled sales cancelled (all, or those emitted after a day); returns the
    sale ids that were not cancelled yet."""
    conds = [V.c.contrato_id == contrato_id, V.c.cancelada.is_(False)]
    if emitidas_depois_de is not None:
        conds.append(V.c.data_emissao > emitidas_depois_de)
    conn = session.connection()
    ids = [
        venda_id
        for (venda_id,) in conn.execute(
            scoped_select(V, tenant_id, V.c.venda_id).where(*conds).order_by(V.c.indice)
        )
        if venda_id is not None
    ]
    session.execute(scoped_update(V, tenant_id).where(*conds).values(cancelada=True))
    return ids


# --------------------------------------------------------------------------------------- reads ----


@dataclass(frozen=True, slots=True)
class ItemRegistro:
    item_id: str
    tipo: str
    descricao: str | None
    quantidade: Decimal
    valor: Decimal
    valor_custo: Decimal | None


@dataclass(frozen=True, slots=True)
class ContratoRegistro:
    seq: int
    id: str
    numero: int
    status: str
    cliente_id: str
    cliente_nome: str | None
    vendedor_id: str | None
    vendedor_nome: str | None
    categoria_id: str | None
    centro_custo_id: str | None
    conta_financeira_id: str | None
    conta_nome: str | None
    conta_tipo: str | None
    data_inicio: date
    data_fim: date
    dia_emissao_venda: int
    intervalo_frequencia: int
    tipo_frequencia: str
    tipo_expiracao: str
    tipo_pagamento: str
    dia_vencimento: int
    primeira_data_vencimento: date
    desconto_tipo: str | None
    valor_bruto: Decimal
    desconto: Decimal
    frete: Decimal
    valor_liquido: Decimal
    observacoes: str | None
    observacoes_pagamento: str | None


_COLUNAS = (
    C.c.seq,
    C.c.id,
    C.c.numero,
    C.c.status,
    C.c.cliente_id,
    P.c.nome,
    C.c.vendedor_id,
    VD.c.nome,
    C.c.categoria_id,
    C.c.centro_custo_id,
    C.c.conta_financeira_id,
    CF.c.nome,
    CF.c.tipo,
    C.c.data_inicio,
    C.c.data_fim,
    C.c.dia_emissao_venda,
    C.c.intervalo_frequencia,
    C.c.tipo_frequencia,
    C.c.tipo_expiracao,
    C.c.tipo_pagamento,
    C.c.dia_vencimento,
    C.c.primeira_data_vencimento,
    C.c.desconto_tipo,
    C.c.valor_bruto,
    C.c.desconto,
    C.c.frete,
    C.c.valor_liquido,
    C.c.observacoes,
    C.c.observacoes_pagamento,
)


def _com_nomes(tenant_id: str) -> Any:
    """The contract joined to its client, seller and account (each of the same company)."""
    juncao = (
        C.outerjoin(P, and_(P.c.id == C.c.cliente_id, P.c.tenant_id == C.c.tenant_id))
        .outerjoin(VD, and_(VD.c.id == C.c.vendedor_id, VD.c.tenant_id == C.c.tenant_id))
        .outerjoin(CF, and_(CF.c.id == C.c.conta_financeira_id, CF.c.tenant_id == C.c.tenant_id))
    )
    return select(*_COLUNAS).select_from(juncao).where(C.c.tenant_id == tenant_id)


def por_id(reader: Reader, tenant_id: str, contrato_id: str) -> ContratoRegistro | None:
    row = core(reader).execute(_com_nomes(tenant_id).where(C.c.id == contrato_id)).first()
    return ContratoRegistro(*row) if row is not None else None


def status_de(reader: Reader, tenant_id: str, contrato_id: str) -> str | None:
    stmt = scoped_select(C, tenant_id, C.c.status).where(C.c.id == contrato_id)
    return core(reader).execute(stmt).scalar()


def itens(reader: Reader, tenant_id: str, contrato_id: str) -> list[ItemRegistro]:
    stmt = (
        scoped_select(
            I, tenant_id, I.c.item_id, I.c.tipo, I.c.descricao, I.c.quantidade, I.c.valor, I.c.valor_custo
        )
        .where(I.c.contrato_id == contrato_id)
        .order_by(I.c.posicao)
    )
    return [ItemRegistro(*row) for row in core(reader).execute(stmt)]


def agendas(reader: Reader, tenant_id: str, contrato_ids: Sequence[str]) -> dict[str, list[VendaAgendada]]:
    """The schedule of each contract, in order."""
    out: dict[str, list[VendaAgendada]] = {cid: [] for cid in contrato_ids}
    if not contrato_ids:
        return out
    stmt = (
        scoped_select(
            V,
            tenant_id,
            V.c.contrato_id,
            V.c.venda_id,
            V.c.indice,
            V.c.data_emissao,
            V.c.data_vencimento,
            V.c.valor,
            V.c.cancelada,
        )
        .where(V.c.contrato_id.in_(list(contrato_ids)))
        .order_by(V.c.contrato_id, V.c.indice)
    )
    for contrato_id, *campos in core(reader).execute(stmt):
        out[contrato_id].append(VendaAgendada(*campos))
    return out


@dataclass(frozen=True, slots=True)
class FiltroContratos:
    data_inicio: date
    data_fim: date
    busca: str | None  # already normalised (`domain.texto.chave`)
    numero: int | None  # `busca_textual` read as a contract number
    clientes: tuple[str, ...]
    tipos_pagamento: tuple[str, ...]
    status: str  # TODOS | ATIVO | INATIVO | PROXIMO_AO_VENCIMENTO
    proximo_ate: date | None  # PROXIMO_AO_VENCIMENTO: ending on or before this day
    hoje: date | None  # the company's today (filled in by the service)
    ordenacao: str  # DATA_INICIO | DATA_FIM
    descendente: bool


def listar(
    reader: Reader, tenant_id: str, filtro: FiltroContratos, offset: int, limit: int
) -> tuple[int, list[ContratoRegistro]]:
    """The company's contracts not deleted whose period meets the window (choice `contrato-lista`)."""
    conds: list[Any] = [
        _VIVO,
        C.c.data_inicio <= filtro.data_fim,
        or_(C.c.tipo_expiracao == "NUNCA", C.c.data_fim >= filtro.data_inicio),
    ]
    if filtro.busca or filtro.numero is not None:
        alternativas = []
        if filtro.busca:
            alternativas.append(P.c.nome_busca.contains(filtro.busca, autoescape=True))
        if filtro.numero is not None:
            alternativas.append(C.c.numero == filtro.numero)
        conds.append(or_(*alternativas))
    if filtro.clientes:
        conds.append(C.c.cliente_id.in_(filtro.clientes))
    if filtro.tipos_pagamento:
        conds.append(C.c.tipo_pagamento.in_(filtro.tipos_pagamento))
    if filtro.status in ("ATIVO", "INATIVO"):
        conds.append(C.c.status == filtro.status)
    elif filtro.status == "PROXIMO_AO_VENCIMENTO":
        conds.extend(
            [
                C.c.status == "ATIVO",
                C.c.tipo_expiracao == "DATA",
                C.c.data_fim >= filtro.hoje,
                C.c.data_fim <= filtro.proximo_ate,
            ]
        )
    base = _com_nomes(tenant_id).where(*conds)
    conn = core(reader)
    total = conn.execute(select(func.count()).select_from(base.subquery())).scalar_one()
    if total == 0 or offset >= total:
        return total, []
    campo = C.c.data_inicio if filtro.ordenacao == "DATA_INICIO" else C.c.data_fim
    ordem = (campo.desc(), C.c.seq.desc()) if filtro.descendente else (campo, C.c.seq)
    rows = conn.execute(base.order_by(*ordem).offset(offset).limit(limit))
    return total, [ContratoRegistro(*row) for row in rows]


def resumo_para_venda(reader: Reader, tenant_id: str, contrato_id: str) -> dict[str, Any] | None:
    """The `contrato` block of `GET /v1/venda/{id}` for a contract's sale (`services.vendas` reads it):
    `{uuid, data_inicio, data_fim, dia_vencimento, periodo, periodicidade}`, dates as ISO text."""
    stmt = scoped_select(
        C,
        tenant_id,
        C.c.data_inicio,
        C.c.data_fim,
        C.c.dia_vencimento,
        C.c.tipo_frequencia,
        C.c.intervalo_frequencia,
    ).where(C.c.id == contrato_id)
    row = core(reader).execute(stmt).first()
    if row is None:
        return None
    inicio, fim, dia, periodo, periodicidade = row
    return {
        "uuid": contrato_id,
        "data_inicio": inicio.isoformat(),
        "data_fim": fim.isoformat(),
        "dia_vencimento": dia,
        "periodo": periodo,
        "periodicidade": periodicidade,
    }
