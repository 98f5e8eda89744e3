"""Vendas (catalog §3.4, §7): create, read, edit, delete in batch, and what a sale does to stock and to
the financial core. Each function takes an open session (or a reader) and the tenant, never commits.

- Creating a sale stores it with its lines and its own installment plan and, when its natureza moves
  money, creates its receivable (`services.eventos.criar_evento`, origem VENDA — VENDA_AGENDADA for a
  contract's sales) with one financial installment per installment of the plan.
- FATURADO records the receivable as received (FAQ #35): every open installment gets a settlement of
  what it still owes on the company's today, marked with origem VENDA, into the installment's account.
- Stock moves while the sale is APROVADO or FATURADO and not deleted, by its natureza's
  `mudanca_estoque`: the ledger (`movimentos_estoque`) holds what the sale moved, and every write brings
  it to what the sale should move now (so cancelling, deleting and editing reverse or adjust it).
- Cancelling (PUT `situacao` CANCELADO) or deleting (exclusão em lote) undoes the sale's own settlements
  and cancels the installments nothing else has paid (`situacao` CANCELADO); editing what the receivable
  is made of (client, date, total, account, category, cost center, payment method, installments)
  replaces it: the old installments are cancelled and a new receivable is created, refused when someone
  has already settled part of it.
- Numbered writes (create, PUT) take the company's numbering lock first (`repositories.vendas.
  bloquear_numeracao`, PostgreSQL), then the sale's row: a number is checked and written by one
  transaction at a time, and the stock check cannot be raced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from anil.domain import vendas as regras
from anil.domain.baixas import TIPOS_CONTA_SEM_BAIXA_MANUAL, BaixaValida
from anil.domain.clock import utc_to_sao_paulo
from anil.domain.contas import ComposicaoValor
from anil.domain.eventos import CentroValido, EventoValido, ParcelaValida, RateioValido
from anil.domain.financeiro import TipoEvento, saldo_parcela
from anil.domain.money import ZERO
from anil.domain.naturezas import NaturezaRegistro
from anil.errors import InvalidInput, NotFound
from anil.services import eventos, naturezas
from anil.storage.repositories import alteracoes, financeiro
from anil.storage.repositories import baixas as repo_baixas
from anil.storage.repositories import contas as repo_contas
from anil.storage.repositories import contratos as repo_contratos
from anil.storage.repositories import orcamentos as repo_orcamentos
from anil.storage.repositories import parcelas as repo_parcelas
from anil.storage.repositories import vendas as repo
from anil.storage.repositories import vendedores as repo_empresas
from anil.storage.repositories.base import Reader
from anil.storage.types import new_uuid

VENDA_NAO_ENCONTRADA = "Venda não encontrada"
ORIGEM_BAIXA = "VENDA"


@dataclass(frozen=True, slots=True)
class Resolvida:
    """What a valid body references, looked up in the company."""

    natureza: NaturezaRegistro
    catalogo: dict[str, repo.ItemCatalogo]
    conta_id: str | None
    linhas_estoque: list[tuple[str, Decimal]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class VendaDetalhe:
    venda: Any
    parcelas: list[Any]
    cliente: repo.ClienteResumo | None
    natureza: NaturezaRegistro | None
    vendedor: repo.VendedorResumo | None
    contagem: dict[str, int]
    contrato: dict[str, Any] | None = None


# ------------------------------------------------------------------------------------ references ----


def _resolver(reader: Reader, tenant_id: str, v: regras.VendaValida) -> Resolvida:
    """Every record the body names exists in the company, in the body's order; InvalidInput naming the
    first one that does not."""
    if repo.cliente(reader, tenant_id, v.id_cliente) is None:
        raise InvalidInput(f"O cliente '{v.id_cliente}' não foi encontrado")
    if v.id_categoria is not None:
        tipo = repo.tipo_categoria(reader, tenant_id, v.id_categoria)
        if tipo is None:
            raise InvalidInput(f"A categoria '{v.id_categoria}' não foi encontrada")
        if tipo != "RECEITA":
            raise InvalidInput(f"A categoria '{v.id_categoria}' não é uma categoria de receita")
    if v.id_centro_custo is not None and not repo.centro_existe(reader, tenant_id, v.id_centro_custo):
        raise InvalidInput(f"O centro de custo '{v.id_centro_custo}' não foi encontrado")
    if v.id_vendedor is not None and repo.vendedor(reader, tenant_id, v.id_vendedor) is None:
        raise InvalidInput(f"O vendedor '{v.id_vendedor}' não foi encontrado")
    catalogo = repo.itens_catalogo(reader, tenant_id, {i.id for i in v.itens})
    for i, item in enumerate(v.itens):
        if item.id not in catalogo:
            raise InvalidInput(f"O item '{item.id}' (itens[{i}].id) não foi encontrado")
        for kit in item.itens_kit or ():
            if kit.id_kit != item.id:
                raise InvalidInput(f"O kit '{kit.id_kit}' não corresponde ao item '{item.id}'")
    componentes = repo.itens_catalogo(
        reader, tenant_id, {k.id_produto for i in v.itens for k in (i.itens_kit or ())}
    )
    for item in v.itens:
        for kit in item.itens_kit or ():
            if componentes.get(kit.id_produto) is None or componentes[kit.id_produto].tipo == "SERVICO":
                raise InvalidInput(f"O produto '{kit.id_produto}' do kit não foi encontrado")
    conta_id = v.id_conta_financeira
    if conta_id is not None:
        if repo_contas.conta(reader, tenant_id, conta_id) is None:
            raise InvalidInput(f"A conta financeira '{conta_id}' não foi encontrada")
    else:
        conta_id = repo.conta_padrao(reader, tenant_id)
    if v.id_natureza_operacao is not None:
        try:
            natureza = naturezas.obter(reader, tenant_id, v.id_natureza_operacao)
        except NotFound:
            raise InvalidInput(
                f"A natureza de operação '{v.id_natureza_operacao}' não foi encontrada"
            ) from None
    else:
        tem_produtos = any(catalogo[i.id].tipo != "SERVICO" for i in v.itens)
        natureza = naturezas.padrao(reader, tenant_id, tem_produtos)
    linhas: list[tuple[str, Decimal]] = []
    for item in v.itens:
        registro = catalogo[item.id]
        if registro.tipo == "PRODUTO":
            linhas.append((item.id, item.quantidade))
        elif registro.tipo == "KIT_PRODUTOS":
            if item.itens_kit:
                linhas.extend((k.id_produto, k.quantidade * item.quantidade) for k in item.itens_kit)
            elif registro.seq is not None:
                linhas.extend(
                    (produto, quantidade * item.quantidade)
                    for produto, quantidade in repo.componentes_kit(reader, tenant_id, registro.seq)
                )
    return Resolvida(natureza, catalogo, conta_id, linhas)


# ----------------------------------------------------------------------------------------- reads ----


def proximo_numero(reader: Reader, tenant_id: str) -> int:
    """max(numbers of the sales not deleted, and of the proposals) + 1: the counter the two share."""
    maiores = (
        repo.maior_numero(reader, tenant_id),
        repo_orcamentos.maior_numero_orcamento(reader, tenant_id),
    )
    return max((n for n in maiores if n), default=0) + 1


def _linha(reader: Reader, tenant_id: str, id_venda: str | int) -> Any:
    if isinstance(id_venda, int):
        return repo.por_seq(reader, tenant_id, id_venda)
    return repo.por_id(reader, tenant_id, id_venda)


def obter(reader: Reader, tenant_id: str, id_venda: str | int) -> VendaDetalhe:
    """A sale by uuid or legacy id, deleted ones included (GET shows them, §2.12)."""
    venda = _linha(reader, tenant_id, id_venda)
    if venda is None:
        raise NotFound(VENDA_NAO_ENCONTRADA)
    natureza = None
    if venda.natureza_operacao_id is not None:
        try:
            natureza = naturezas.obter(reader, tenant_id, venda.natureza_operacao_id)
        except NotFound:
            natureza = None
    return VendaDetalhe(
        venda=venda,
        parcelas=list(repo.parcelas(reader, tenant_id, venda.id)),
        cliente=repo.cliente(reader, tenant_id, venda.cliente_id),
        natureza=natureza,
        vendedor=repo.vendedor(reader, tenant_id, venda.vendedor_id) if venda.vendedor_id else None,
        contagem=repo.contagem_itens(reader, tenant_id, venda.id),
        contrato=_contrato(reader, tenant_id, venda.contrato_id),
    )


def _contrato(reader: Reader, tenant_id: str, contrato_id: str | None) -> dict[str, Any] | None:
    """The `contrato` block of a contract's sale (the contracts group's summary)."""
    if contrato_id is None:
        return None
    return repo_contratos.resumo_para_venda(reader, tenant_id, contrato_id) or {"uuid": contrato_id}


def itens(
    reader: Reader, tenant_id: str, venda_id: str, offset: int, limit: int
) -> tuple[int, dict[str, int], list[Any]]:
    """(number of lines, {tipo: count}, the page) of a sale's lines."""
    venda = repo.por_id(reader, tenant_id, venda_id)
    if venda is None:
        raise NotFound(VENDA_NAO_ENCONTRADA)
    contagem = repo.contagem_itens(reader, tenant_id, venda_id)
    pagina = list(repo.pagina_itens(reader, tenant_id, venda_id, offset, limit))
    return sum(contagem.values()), contagem, pagina


def verificar_estoque(reader: Reader, tenant_id: str) -> bool:
    return repo.verificar_estoque(reader, tenant_id)


# ----------------------------------------------------------------------------------------- stock ----


def _estoque(
    session: Session,
    tenant_id: str,
    venda_id: str,
    situacao: str,
    excluida: bool,
    mudanca_estoque: str | None,
    linhas: list[tuple[str, Decimal]],
    agora: datetime,
    motivo: str,
    verificar: bool,
) -> None:
    """Bring what the sale has moved to what it should move now; with the company's stock check on,
    refuse (FAQ #54) when a product would go below zero."""
    sinal = regras.move_estoque(situacao, excluida, mudanca_estoque)
    desejado = regras.efeito_estoque(sinal, linhas)
    delta = regras.diferenca(desejado, repo.efeito_estoque(session, tenant_id, venda_id))
    if not delta:
        return
    if verificar:
        saindo = [p for p, q in delta.items() if q < 0]
        atuais = repo.produtos(session, tenant_id, saindo)
        for produto in saindo:
            nome, disponivel = atuais.get(produto, (produto, ZERO))
            if disponivel + delta[produto] < 0:
                raise InvalidInput(regras.estoque_insuficiente(nome))
    repo.movimentar(session, tenant_id, venda_id, delta, motivo, agora)


# ------------------------------------------------------------------------------------- financial ----


def _evento_valido(v: regras.VendaValida, conta_id: str, metodo: str | None) -> EventoValido:
    liquido = v.composicao.valor_liquido
    rateio: tuple[RateioValido, ...] = ()
    if v.id_categoria is not None:
        centros = (CentroValido(v.id_centro_custo, liquido),) if v.id_centro_custo else ()
        rateio = (RateioValido(v.id_categoria, liquido, centros),)
    n = len(v.parcelas)
    return EventoValido(
        tipo=TipoEvento.RECEITA,
        data_competencia=v.data_venda,
        valor=liquido,
        observacao=v.observacoes or "",
        descricao=f"Venda {v.numero}",
        contato_id=v.id_cliente,
        conta_financeira_id=conta_id,
        rateio=rateio,
        parcelas=tuple(
            ParcelaValida(
                descricao=p.descricao or f"Venda {v.numero} - Parcela {p.numero}/{n}",
                data_vencimento=p.data_vencimento,
                nota="",
                conta_financeira_id=conta_id,
                valor_bruto=p.valor,
                metodo_pagamento=metodo,
            )
            for p in v.parcelas
        ),
    )


def _assinatura(v: regras.VendaValida, conta_id: str | None) -> tuple:
    """What the receivable is made of: a change replaces it."""
    return (
        v.id_cliente,
        v.numero,
        v.data_venda,
        v.composicao.valor_liquido,
        conta_id,
        v.id_categoria,
        v.id_centro_custo,
        v.tipo_pagamento,
        tuple((p.data_vencimento, p.valor, p.descricao) for p in v.parcelas),
    )


def _assinatura_gravada(venda: Any, parcelas: list[Any]) -> tuple:
    return (
        venda.cliente_id,
        venda.numero,
        venda.data_venda,
        venda.valor_liquido,
        venda.conta_financeira_id,
        venda.categoria_id,
        venda.centro_custo_id,
        venda.tipo_pagamento,
        tuple((p.data_vencimento, p.valor, p.descricao) for p in parcelas),
    )


def _hoje(agora: datetime) -> date:
    return utc_to_sao_paulo(agora).date()


def _regravar_saldo(session: Session, tenant_id: str, parcela_id: str, agora: datetime) -> None:
    estado = repo_parcelas.estado_bloqueado(session, tenant_id, parcela_id)
    if estado is None:
        return
    saldo = saldo_parcela(estado.valor_bruto, repo_baixas.pagamentos(session, tenant_id, parcela_id))
    repo_parcelas.gravar_saldo(session, tenant_id, parcela_id, saldo, agora)


def _desfazer_recebimento(session: Session, tenant_id: str, evento_id: str, agora: datetime) -> None:
    """Remove the settlements the sale itself made (FATURADO)."""
    for baixa_id, parcela_id in repo.baixas_da_venda(session, tenant_id, evento_id, ORIGEM_BAIXA):
        repo.excluir_baixa(session, tenant_id, baixa_id)
        _regravar_saldo(session, tenant_id, parcela_id, agora)


def _faturar(session: Session, tenant_id: str, evento_id: str, agora: datetime) -> None:
    """Settle what every open installment still owes, on the company's today (FAQ #35). Each installment
    is locked and read again first, as every settlement write does (`services.baixas`)."""
    hoje = _hoje(agora)
    for parcela in repo.parcelas_financeiras(session, tenant_id, evento_id):
        estado = repo_parcelas.estado_bloqueado(session, tenant_id, parcela.id)
        if estado is None or estado.situacao != "NORMAL" or estado.perda_valor is not None:
            continue
        aberto = estado.valor_bruto - estado.valor_pago
        if (
            aberto <= 0
            or estado.conta_financeira_id is None
            or estado.conta_tipo in TIPOS_CONTA_SEM_BAIXA_MANUAL
        ):
            continue
        dados = BaixaValida(
            data_pagamento=hoje,
            composicao=ComposicaoValor(valor_bruto=aberto),
            conta_financeira_id=estado.conta_financeira_id,
            metodo_pagamento=parcela.metodo_pagamento,
            observacao=None,
            nsu=None,
        )
        repo_baixas.inserir(
            session, tenant_id, new_uuid(), parcela.id, evento_id, "RECEITA", ORIGEM_BAIXA, dados, agora
        )
        _regravar_saldo(session, tenant_id, parcela.id, agora)


def _cancelar_financeiro(session: Session, tenant_id: str, evento_id: str, agora: datetime) -> None:
    """Undo the sale's own settlements, then cancel every installment nothing else has paid."""
    _desfazer_recebimento(session, tenant_id, evento_id, agora)
    abertas = [
        p.id
        for p in repo.parcelas_financeiras(session, tenant_id, evento_id)
        if p.situacao == "NORMAL" and p.valor_pago == 0
    ]
    repo.cancelar_parcelas(session, tenant_id, abertas, agora)
    repo.alterar_evento(session, tenant_id, evento_id, agora)


def _tem_baixas_de_terceiros(session: Session, tenant_id: str, evento_id: str) -> bool:
    proprias = {b for b, _ in repo.baixas_da_venda(session, tenant_id, evento_id, ORIGEM_BAIXA)}
    return any(b.id not in proprias for b in repo_baixas.do_evento(session, tenant_id, evento_id))


def _criar_financeiro(
    session: Session,
    tenant_id: str,
    venda_id: str,
    v: regras.VendaValida,
    conta_id: str | None,
    agora: datetime,
    origem_evento: str,
) -> str | None:
    if conta_id is None:  # a company without any account: nothing to receive into
        repo.ligar_parcelas(session, tenant_id, venda_id, [None] * len(v.parcelas))
        return None
    valido = _evento_valido(v, conta_id, regras.metodo_financeiro(v.tipo_pagamento))
    evento_id = eventos.criar_evento(
        session, tenant_id, valido, agora, origem=origem_evento, referencia_id=venda_id
    )
    financeiras = repo.parcelas_financeiras(session, tenant_id, evento_id)
    repo.ligar_parcelas(session, tenant_id, venda_id, [p.id for p in financeiras])
    return evento_id


# ---------------------------------------------------------------------------------------- writes ----


def _linhas_itens(
    tenant_id: str, venda_id: str, v: regras.VendaValida, catalogo: dict[str, repo.ItemCatalogo]
) -> list[dict[str, Any]]:
    return [
        {
            "id": new_uuid(),
            "tenant_id": tenant_id,
            "venda_id": venda_id,
            "posicao": posicao,
            "item_id": item.id,
            "tipo": catalogo[item.id].tipo,
            "nome": catalogo[item.id].nome,
            "descricao": item.descricao,
            "quantidade": item.quantidade,
            "valor": item.valor,
            "valor_custo": item.valor_custo,
            "centro_custo_id": v.id_centro_custo,
            "itens_kit": (
                [
                    {
                        "id_produto": k.id_produto,
                        "id_kit": k.id_kit,
                        "quantidade": str(k.quantidade),
                        "valor": str(k.valor),
                    }
                    for k in item.itens_kit
                ]
                if item.itens_kit is not None
                else None
            ),
        }
        for posicao, item in enumerate(v.itens)
    ]


def _linhas_parcelas(tenant_id: str, venda_id: str, v: regras.VendaValida) -> list[dict[str, Any]]:
    return [
        {
            "id": new_uuid(),
            "tenant_id": tenant_id,
            "venda_id": venda_id,
            "numero": p.numero,
            "data_vencimento": p.data_vencimento,
            "valor": p.valor,
            "descricao": p.descricao,
            "parcela_financeira_id": None,
        }
        for p in v.parcelas
    ]


def _colunas(v: regras.VendaValida, r: Resolvida) -> dict[str, Any]:
    c = v.composicao
    return {
        "numero": v.numero,
        "situacao": v.situacao,
        "cliente_id": v.id_cliente,
        "vendedor_id": v.id_vendedor,
        "categoria_id": v.id_categoria,
        "centro_custo_id": v.id_centro_custo,
        "natureza_operacao_id": r.natureza.id,
        "data_venda": v.data_venda,
        "observacoes": v.observacoes,
        "observacoes_pagamento": v.observacoes_pagamento,
        "desconto_tipo": v.desconto_tipo,
        "desconto_taxa": v.desconto_taxa,
        "valor_bruto": c.valor_bruto,
        "desconto": c.desconto,
        "frete": c.frete,
        "valor_liquido": c.valor_liquido,
        "opcao_condicao_pagamento": v.opcao_condicao_pagamento,
        "tipo_pagamento": v.tipo_pagamento,
        "conta_financeira_id": r.conta_id,
        "nsu": v.nsu,
    }


def _fim_financeiro(session: Session, tenant_id: str, evento_ids: set[str | None], agora: datetime) -> None:
    tocados = [e for e in evento_ids if e]
    if tocados:
        alteracoes.registrar(session, tenant_id, tocados, agora)
        financeiro.nova_versao(session, tenant_id)


def criar_venda(
    session: Session,
    tenant_id: str,
    valida: regras.VendaValida,
    agora: datetime,
    tipo: str = "SALE",
    origem: str = "API",
    id_contrato: str | None = None,
    origem_evento: str = "VENDA",
) -> str:
    """Create a sale with its lines, installment plan, receivable (and its settlement when FATURADO) and
    stock moves, in the caller's transaction. `agora` is the company clock's now (naive UTC,
    `services.relogios.agora_utc`). InvalidInput when a reference is missing, the number is taken or
    (stock check on) a product lacks stock; nothing is written then (the caller's transaction rolls back).
    Returns the sale's id."""
    r = _resolver(session, tenant_id, valida)
    repo.bloquear_numeracao(session, tenant_id)
    if repo.numero_em_uso(session, tenant_id, valida.numero):
        raise InvalidInput(f"Já existe uma venda com o número {valida.numero}")
    venda_id = new_uuid()
    repo.inserir(
        session,
        {
            **_colunas(valida, r),
            "id": venda_id,
            "tenant_id": tenant_id,
            "tipo": tipo,
            "origem": origem,
            "pendencia": "NENHUMA",
            "excluida": False,
            "contrato_id": id_contrato,
            "versao": 0,
            "criado_em": agora,
            "alterado_em": agora,
        },
    )
    repo.substituir_itens(
        session, tenant_id, venda_id, _linhas_itens(tenant_id, venda_id, valida, r.catalogo)
    )
    repo.substituir_parcelas(session, tenant_id, venda_id, _linhas_parcelas(tenant_id, venda_id, valida))
    evento_id = None
    if r.natureza.mudanca_financeira and valida.situacao != regras.CANCELADO:
        evento_id = _criar_financeiro(session, tenant_id, venda_id, valida, r.conta_id, agora, origem_evento)
        if evento_id is not None:
            repo.atualizar(session, tenant_id, venda_id, {"evento_id": evento_id})
            if valida.situacao == regras.FATURADO:
                _faturar(session, tenant_id, evento_id, agora)
    _estoque(
        session,
        tenant_id,
        venda_id,
        valida.situacao,
        False,
        r.natureza.mudanca_estoque,
        r.linhas_estoque,
        agora,
        "VENDA",
        repo.verificar_estoque(session, tenant_id),
    )
    _fim_financeiro(session, tenant_id, {evento_id}, agora)
    return venda_id


def atualizar_venda(
    session: Session, tenant_id: str, venda_id: str, valida: regras.VendaValida, agora: datetime
) -> Any:
    """PUT: replace the sale (its `versao` goes up by one whatever was sent, §2.11), re-sync its receivable
    and its stock. Returns the sale row as written."""
    repo.bloquear_numeracao(session, tenant_id)  # first, as creation takes it: company, then the sale
    atual = repo.bloquear(session, tenant_id, venda_id)
    if atual is None:
        raise NotFound(VENDA_NAO_ENCONTRADA)
    if atual.excluida:
        raise InvalidInput("A venda foi excluída e não pode ser editada")
    r = _resolver(session, tenant_id, valida)
    if repo.numero_em_uso(session, tenant_id, valida.numero, exceto=venda_id):
        raise InvalidInput(f"Já existe uma venda com o número {valida.numero}")
    natureza_antes = None
    if atual.natureza_operacao_id:
        try:
            natureza_antes = naturezas.obter(session, tenant_id, atual.natureza_operacao_id)
        except NotFound:
            natureza_antes = None
    financeiro_antes = atual.situacao != regras.CANCELADO and (
        natureza_antes is None or natureza_antes.mudanca_financeira
    )
    financeiro_depois = valida.situacao != regras.CANCELADO and r.natureza.mudanca_financeira
    mudou = _assinatura(valida, r.conta_id) != _assinatura_gravada(
        atual, list(repo.parcelas(session, tenant_id, venda_id))
    )
    evento_id = atual.evento_id
    tocados: set[str | None] = {evento_id}
    substituir = evento_id is None or not financeiro_antes or mudou
    if evento_id is not None and financeiro_antes and (not financeiro_depois or mudou):
        if financeiro_depois and _tem_baixas_de_terceiros(session, tenant_id, evento_id):
            raise InvalidInput(
                "A venda possui parcelas com baixas registradas e o seu financeiro não pode ser alterado"
            )
        _cancelar_financeiro(session, tenant_id, evento_id, agora)

    repo.atualizar(
        session,
        tenant_id,
        venda_id,
        {**_colunas(valida, r), "versao": atual.versao + 1, "alterado_em": agora},
    )
    repo.substituir_itens(
        session, tenant_id, venda_id, _linhas_itens(tenant_id, venda_id, valida, r.catalogo)
    )
    financeiras_antes = [p.parcela_financeira_id for p in repo.parcelas(session, tenant_id, venda_id)]
    repo.substituir_parcelas(session, tenant_id, venda_id, _linhas_parcelas(tenant_id, venda_id, valida))

    if financeiro_depois:
        if substituir:
            evento_id = _criar_financeiro(
                session, tenant_id, venda_id, valida, r.conta_id, agora, _origem_evento(atual)
            )
            repo.atualizar(session, tenant_id, venda_id, {"evento_id": evento_id})
            if evento_id is not None and valida.situacao == regras.FATURADO:
                _faturar(session, tenant_id, evento_id, agora)
        else:
            repo.ligar_parcelas(session, tenant_id, venda_id, financeiras_antes)
            if evento_id is not None:
                if valida.situacao == regras.FATURADO:
                    _faturar(session, tenant_id, evento_id, agora)
                elif atual.situacao == regras.FATURADO:
                    _desfazer_recebimento(session, tenant_id, evento_id, agora)
                repo.alterar_evento(session, tenant_id, evento_id, agora)
    else:
        repo.ligar_parcelas(session, tenant_id, venda_id, financeiras_antes)
    tocados.add(evento_id)
    _estoque(
        session,
        tenant_id,
        venda_id,
        valida.situacao,
        False,
        r.natureza.mudanca_estoque,
        r.linhas_estoque,
        agora,
        "CANCELAMENTO" if valida.situacao == regras.CANCELADO else "EDICAO",
        repo.verificar_estoque(session, tenant_id),
    )
    _fim_financeiro(session, tenant_id, tocados, agora)
    return repo.por_id(session, tenant_id, venda_id)


def _origem_evento(venda: Any) -> str:
    return "VENDA_AGENDADA" if venda.tipo == "SCHEDULED_SALE" else "VENDA"


def cancelar(session: Session, tenant_id: str, venda_id: str, agora: datetime, *, excluir: bool) -> bool:
    """Delete (logically, `excluir`) or cancel one sale: its own settlements undone, its open installments
    cancelled, its stock given back. False when there is no such sale, or it is already deleted."""
    venda = repo.bloquear(session, tenant_id, venda_id)
    if venda is None or venda.excluida:
        return False
    if venda.evento_id is not None and venda.situacao != regras.CANCELADO:
        _cancelar_financeiro(session, tenant_id, venda.evento_id, agora)
        _fim_financeiro(session, tenant_id, {venda.evento_id}, agora)
    valores: dict[str, Any] = {"alterado_em": agora}
    if excluir:
        valores.update(excluida=True, excluida_em=agora)
    else:
        valores.update(situacao=regras.CANCELADO, versao=venda.versao + 1)
    repo.atualizar(session, tenant_id, venda_id, valores)
    _estoque(
        session,
        tenant_id,
        venda_id,
        regras.CANCELADO,
        True,
        None,
        [],
        agora,
        "EXCLUSAO" if excluir else "CANCELAMENTO",
        False,
    )
    return True


def excluir_lote(session: Session, tenant_id: str, ids: list[str], agora: datetime) -> tuple[int, int]:
    """`POST /v1/venda/exclusao-lote`: (atualizados, ignorados). Unknown, other companies' and already
    deleted sales are ignored; a repeated id counts once, then as ignored."""
    atualizados = ignorados = 0
    for venda_id in ids:
        if cancelar(session, tenant_id, venda_id, agora, excluir=True):
            atualizados += 1
        else:
            ignorados += 1
    return atualizados, ignorados


# -------------------------------------------------------------------------------------- settings ----


def _empresa(reader: Reader, empresa_id: str) -> None:
    if not repo_empresas.empresa_existe(reader, empresa_id):
        raise NotFound(f"Empresa {empresa_id} não encontrada")


def configuracao(reader: Reader, empresa_id: str) -> dict[str, bool]:
    """The company's sales settings (sandbox control)."""
    _empresa(reader, empresa_id)
    return {"verificar_estoque_ao_criar_venda": repo.verificar_estoque(reader, empresa_id)}


def configurar(session: Session, empresa_id: str, verificar: bool, agora: datetime) -> dict[str, bool]:
    _empresa(session, empresa_id)
    repo.gravar_configuracao(session, empresa_id, verificar, agora)
    return {"verificar_estoque_ao_criar_venda": verificar}
