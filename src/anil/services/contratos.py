"""Contratos use cases (catalog §3.6). Each takes an open session (or reader) and the tenant, never commits.

Creating a contract generates its whole schedule of scheduled sales at once, each a sale of `tipo`
SCHEDULED_SALE made by `services.vendas.criar_venda` (with its receivable, origem VENDA_AGENDADA), in the
same transaction. Dates come from the company's clock (`services.relogios`): which scheduled sales are
confirmed, the next emission and the next due date are read on the company's today.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from anil.domain import condicao_pagamento
from anil.domain import vendas as regras
from anil.domain.clock import Clock
from anil.domain.contratos import (
    DIAS_PROXIMO_AO_VENCIMENTO,
    ERRO_INTERNO,
    EXCLUIDO_NAO_ENCERRA,
    NAO_ENCONTRADO,
    NUMERO_DUPLICADO,
    Agendamento,
    ContratoEntrada,
    ContratoValido,
    Situacao,
    agenda,
    situacao,
    validar,
)
from anil.errors import InvalidInput, NotFound, UpstreamQuirk
from anil.services import relogios
from anil.services import vendas as vendas_service
from anil.storage.repositories import contratos as repo
from anil.storage.repositories.base import Reader
from anil.storage.repositories.contratos import ContratoRegistro, FiltroContratos, ItemRegistro

A_VISTA = "À vista"


def preparar(entrada: ContratoEntrada) -> ContratoValido:
    """The body's rules need no database: checked before the write transaction begins."""
    return validar(entrada)


def _nao_encontrado(quirks: bool) -> Exception:
    """A well-formed unknown id: production answers 500 (choice `contrato-500`); 404 with quirks off."""
    return UpstreamQuirk(ERRO_INTERNO) if quirks else NotFound(NAO_ENCONTRADO)


def _verificar(reader: Reader, tenant_id: str, valido: ContratoValido) -> dict[str, str]:
    """Everything the contract points at belongs to the company, checked in the body's order; returns
    each item's kind (PRODUTO | SERVICO)."""
    if not repo.cliente_existe(reader, tenant_id, valido.id_cliente):
        raise InvalidInput("O cliente informado em 'id_cliente' não existe")
    if repo.numero_em_uso(reader, tenant_id, valido.numero):
        raise InvalidInput(NUMERO_DUPLICADO.format(numero=valido.numero))
    conta = valido.id_conta_financeira
    if conta is not None and not repo.conta_existe(reader, tenant_id, conta):
        raise InvalidInput(
            "A conta financeira informada em 'condicao_pagamento.id_conta_financeira' não existe"
        )
    tipos = repo.tipos_dos_itens(reader, tenant_id, [item.id for item in valido.itens])
    for indice, item in enumerate(valido.itens):
        if item.id not in tipos:
            raise InvalidInput(f"O produto ou serviço informado em 'itens[{indice}].id' não existe")
    if valido.id_categoria is not None:
        tipo = repo.categoria_tipo(reader, tenant_id, valido.id_categoria)
        if tipo is None:
            raise InvalidInput("A categoria informada em 'id_categoria' não existe")
        if tipo != "RECEITA":
            raise InvalidInput("A categoria informada em 'id_categoria' deve ser de receita")
    if valido.id_centro_custo is not None and not repo.centro_existe(
        reader, tenant_id, valido.id_centro_custo
    ):
        raise InvalidInput("O centro de custo informado em 'id_centro_custo' não existe")
    if valido.id_vendedor is not None and not repo.vendedor_existe(reader, tenant_id, valido.id_vendedor):
        raise InvalidInput("O vendedor informado em 'id_vendedor' não existe")
    return tipos


@dataclass(frozen=True, slots=True)
class Criado:
    id: str
    id_legado: int
    id_venda: str | None  # the first scheduled sale


def criar(session: Session, tenant_id: str, contrato_id: str, valido: ContratoValido, base: Clock) -> Criado:
    """The contract, its lines and every scheduled sale of its schedule, in the caller's transaction."""
    repo.travar_empresa(session, tenant_id)
    tipos = _verificar(session, tenant_id, valido)
    agora = relogios.agora_utc(session, tenant_id, base)
    seq = repo.inserir(session, tenant_id, contrato_id, valido, tipos, agora)
    linhas = []
    for agendamento in agenda(valido):
        numero = vendas_service.proximo_numero(session, tenant_id)  # the counter sales and proposals share
        venda_id = vendas_service.criar_venda(
            session,
            tenant_id,
            venda_agendada(valido, agendamento, numero),
            agora,
            tipo="SCHEDULED_SALE",
            id_contrato=contrato_id,
            origem_evento="VENDA_AGENDADA",
        )
        linhas.append((agendamento, venda_id))
    repo.inserir_agenda(session, tenant_id, contrato_id, linhas, valido.valor_venda)
    return Criado(id=contrato_id, id_legado=seq, id_venda=linhas[0][1] if linhas else None)


def proximo_numero(reader: Reader, tenant_id: str) -> int:
    """max + 1 over the contracts not deleted (1 when none): follows deletions (§3.6)."""
    return (repo.maior_numero(reader, tenant_id) or 0) + 1


@dataclass(frozen=True, slots=True)
class Detalhe:
    contrato: ContratoRegistro
    situacao: Situacao
    itens: list[ItemRegistro]


def obter(reader: Reader, tenant_id: str, contrato_id: str, base: Clock, quirks: bool) -> Detalhe:
    contrato = repo.por_id(reader, tenant_id, contrato_id)
    if contrato is None:
        raise _nao_encontrado(quirks)
    hoje = relogios.hoje(reader, tenant_id, base)
    vendas = repo.agendas(reader, tenant_id, [contrato_id])[contrato_id]
    return Detalhe(contrato, situacao(vendas, hoje), repo.itens(reader, tenant_id, contrato_id))


@dataclass(frozen=True, slots=True)
class ItemLista:
    contrato: ContratoRegistro
    situacao: Situacao


def listar(
    reader: Reader, tenant_id: str, filtro: FiltroContratos, base: Clock, offset: int, limit: int
) -> tuple[int, list[ItemLista]]:
    """A page of the list; the next due dates and `vigencia_atual` on the company's today."""
    hoje = relogios.hoje(reader, tenant_id, base)
    filtro = replace(filtro, hoje=hoje, proximo_ate=hoje + timedelta(days=DIAS_PROXIMO_AO_VENCIMENTO))
    total, contratos = repo.listar(reader, tenant_id, filtro, offset, limit)
    vendas = repo.agendas(reader, tenant_id, [c.id for c in contratos])
    return total, [ItemLista(c, situacao(vendas[c.id], hoje)) for c in contratos]


def encerrar(session: Session, tenant_id: str, contrato_id: str, base: Clock, quirks: bool) -> None:
    """ATIVO → INATIVO; the scheduled sales not emitted yet (after the company's today) are cancelled, so
    no new sale comes from it. Repeating is a no-op (204 again)."""
    status = repo.status_de(session, tenant_id, contrato_id)
    if status is None:
        raise _nao_encontrado(quirks)
    if status == "DELETADO":
        raise InvalidInput(EXCLUIDO_NAO_ENCERRA)
    if status == "INATIVO":
        return
    agora = relogios.agora_utc(session, tenant_id, base)
    dia = relogios.hoje(session, tenant_id, base)
    repo.mudar_status(session, tenant_id, contrato_id, "INATIVO", agora, "encerrado_em")
    _cancelar(session, tenant_id, repo.cancelar_agenda(session, tenant_id, contrato_id, dia), agora)


def excluir(session: Session, tenant_id: str, contrato_id: str, base: Clock, quirks: bool) -> None:
    """Logical delete: DELETADO (GET still answers, lists hide it) and every sale of the contract,
    scheduled or confirmed, cancelled. Works on closed contracts; repeating is a no-op."""
    status = repo.status_de(session, tenant_id, contrato_id)
    if status is None:
        raise _nao_encontrado(quirks)
    if status == "DELETADO":
        return
    agora = relogios.agora_utc(session, tenant_id, base)
    repo.mudar_status(session, tenant_id, contrato_id, "DELETADO", agora, "excluido_em")
    _cancelar(session, tenant_id, repo.cancelar_agenda(session, tenant_id, contrato_id, None), agora)


def _cancelar(session: Session, tenant_id: str, vendas: list[str], agora: datetime) -> None:
    """Each sale cancelled for real (situação CANCELADO): open installments cancelled, its own settlements
    undone, stock given back (`services.vendas.cancelar`)."""
    for venda_id in vendas:
        vendas_service.cancelar(session, tenant_id, venda_id, agora, excluir=False)


def venda_agendada(valido: ContratoValido, agendamento: Agendamento, numero: int) -> regras.VendaValida:
    """The sale a contract schedules on `agendamento` (choice `contrato-vendas-agendadas`): the contract's
    lines, discount, freight, category, cost center, seller and notes; `EM_ANDAMENTO` on its emission day;
    one installment (`À vista`) of the contract's value due on the schedule's due date; the sales' own
    rules applied (`domain.vendas.validar_venda`)."""
    parcelas = condicao_pagamento.gerar(A_VISTA, valido.valor_venda, agendamento.data_vencimento)
    desconto = (
        regras.DescontoEntrada(tipo=valido.desconto_tipo, valor=valido.desconto_valor)
        if valido.desconto_tipo is not None
        else None
    )
    entrada = regras.VendaEntrada(
        id_cliente=valido.id_cliente,
        numero=numero,
        situacao=regras.EM_ANDAMENTO,
        data_venda=agendamento.data_emissao,
        itens=tuple(
            regras.ItemEntrada(
                id=item.id,
                quantidade=item.quantidade,
                valor=item.valor,
                descricao=item.descricao,
                valor_custo=item.valor_custo,
            )
            for item in valido.itens
        ),
        condicao_pagamento=regras.CondicaoEntrada(
            opcao_condicao_pagamento=A_VISTA,
            parcelas=tuple(
                regras.ParcelaEntrada(data_vencimento=p.data_vencimento, valor=p.valor, descricao=p.descricao)
                for p in parcelas
            ),
            tipo_pagamento=valido.tipo_pagamento,
            id_conta_financeira=valido.id_conta_financeira,
        ),
        composicao_de_valor=regras.ComposicaoEntrada(frete=valido.frete, desconto=desconto),
        id_categoria=valido.id_categoria,
        id_centro_custo=valido.id_centro_custo,
        id_vendedor=valido.id_vendedor,
        observacoes=valido.observacoes,
        observacoes_pagamento=valido.observacoes_pagamento,
    )
    return regras.validar_venda(entrada)
