"""Orçamentos use cases (catalog §3.5). Each takes an open session (or a reader) and the tenant, flushes,
never commits. A proposal touches no stock and no financial event."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from anil.domain import vendas as regras
from anil.domain.clock import Clock
from anil.domain.condicao_pagamento import gerar
from anil.domain.orcamentos import (
    ACEITO,
    NAO_ENCONTRADO,
    RECUSADO,
    FiltroOrcamentos,
    ItemRegistro,
    OrcamentoEntrada,
    OrcamentoRegistro,
    OrcamentoValido,
    tipo_dos_itens,
    transicao,
    validar,
)
from anil.errors import InvalidInput, NotFound
from anil.services import relogios, vendas
from anil.storage.repositories import orcamentos as repo
from anil.storage.repositories.base import Reader
from anil.storage.types import new_uuid

CLIENTE_NAO_ENCONTRADO = "Cliente não encontrado"
ITEM_NAO_ENCONTRADO = "Produto ou serviço não encontrado: {id}"


def preparar(entrada: OrcamentoEntrada) -> OrcamentoValido:
    """The body's own rules need no database: checked before the write transaction begins."""
    return validar(entrada)


def _itens(reader: Reader, tenant_id: str, dados: OrcamentoValido) -> list[ItemRegistro]:
    catalogo = repo.itens_catalogo(reader, tenant_id, [item.id for item in dados.itens])
    itens = []
    for indice, item in enumerate(dados.itens):
        encontrado = catalogo.get(item.id)
        if encontrado is None:
            raise InvalidInput(ITEM_NAO_ENCONTRADO.format(id=item.id), campo=f"itens[{indice}].id")
        tipo, nome, descricao, custo = encontrado
        itens.append(
            ItemRegistro(
                item_id=item.id,
                tipo=tipo,
                nome=nome,
                descricao=item.descricao if item.descricao is not None else descricao,
                quantidade=item.quantidade,
                valor=item.valor,
                custo=item.valor_custo if item.valor_custo is not None else custo,
            )
        )
    return itens


def criar(session: Session, tenant_id: str, dados: OrcamentoValido, base: Clock) -> str:
    """A new proposal in `ORCAMENTO`, numbered from the sales counter, stamped by the company's clock.
    An unknown client or item → 400; a missing or unknown seller → the default one (choice
    `orcamento-vendedor-padrao`)."""
    if not repo.cliente_existe(session, tenant_id, dados.id_cliente):
        raise InvalidInput(CLIENTE_NAO_ENCONTRADO, campo="id_cliente")
    itens = _itens(session, tenant_id, dados)
    vendedor = dados.id_vendedor
    if vendedor is None or not repo.vendedor_existe(session, tenant_id, vendedor):
        vendedor = repo.vendedor_padrao(session, tenant_id)
    agora = relogios.agora_utc(session, tenant_id, base)
    numero = repo.proximo_numero(session, tenant_id)
    orcamento_id = new_uuid()
    tipos = tipo_dos_itens({item.tipo for item in itens})
    repo.inserir(session, tenant_id, orcamento_id, numero, dados, vendedor, itens, tipos, agora)
    return orcamento_id


def obter(reader: Reader, tenant_id: str, orcamento_id: str) -> OrcamentoRegistro:
    orcamento = repo.por_id(reader, tenant_id, orcamento_id)
    if orcamento is None:
        raise NotFound(NAO_ENCONTRADO)
    return orcamento


def listar(
    reader: Reader,
    tenant_id: str,
    filtro: FiltroOrcamentos,
    offset: int,
    limit: int,
    *,
    contar_recusados: bool,
) -> tuple[int, list[OrcamentoRegistro]]:
    return repo.listar(reader, tenant_id, filtro, offset, limit, contar_recusados=contar_recusados)


def excluir(session: Session, tenant_id: str, ids: Sequence[str]) -> int:
    """Physical delete; unknown and other companies' ids are skipped (204 all the same)."""
    return repo.excluir(session, tenant_id, ids)


def maior_numero(reader: Reader, tenant_id: str) -> int | None:
    """The proposals' half of the sales counter (`GET /v1/venda/proximo-numero`)."""
    return repo.maior_numero_orcamento(reader, tenant_id)


# ------------------------------------------------------------------------ sandbox control (`/_anil/`) ----


def mudar_situacao(
    session: Session, empresa_id: str, orcamento_id: str, situacao: str | None, base: Clock
) -> OrcamentoRegistro:
    """Accept, refuse or reopen a proposal (the public API cannot; choice `orcamento-situacao`): the
    change bumps `versao` and `data_alteracao`; the same situation again changes nothing."""
    atual = repo.por_id(session, empresa_id, orcamento_id, travar=True)
    if atual is None:
        raise NotFound(NAO_ENCONTRADO)
    nova = (situacao or "").strip()
    if not nova:
        raise InvalidInput("O campo 'situacao' é obrigatório", campo="situacao")
    transicao(atual.situacao, nova)
    if nova != atual.situacao:
        repo.mudar_situacao(
            session, empresa_id, orcamento_id, nova, relogios.agora_utc(session, empresa_id, base)
        )
    return obter(session, empresa_id, orcamento_id)


def converter(
    session: Session,
    empresa_id: str,
    orcamento_id: str,
    situacao_venda: str | None,
    opcao_condicao_pagamento: str | None,
    base: Clock,
) -> tuple[OrcamentoRegistro, str]:
    """Turn a proposal into a sale, as the ERP's "aprovar orçamento" does (the public API cannot; choice
    `orcamento-conversao`): a sale with the proposal's number, client, seller, lines, discount, freight and
    notes, dated the company's today, in `situacao_venda` (EM_ANDAMENTO by default), its installments
    generated from `opcao_condicao_pagamento` (`À vista` by default) by the sales' own generator. The sale
    brings the stock and financial effects a sale has; the proposal becomes ORCAMENTO_ACEITO. A refused
    proposal is refused; converting twice is refused by the sales' own number rule."""
    atual = repo.por_id(session, empresa_id, orcamento_id, travar=True)
    if atual is None:
        raise NotFound(NAO_ENCONTRADO)
    if atual.situacao == RECUSADO:
        raise InvalidInput("Um orçamento recusado não pode ser convertido em venda")
    agora = relogios.agora_utc(session, empresa_id, base)
    hoje = relogios.hoje(session, empresa_id, base)
    opcao = opcao_condicao_pagamento or "À vista"
    parcelas = gerar(opcao, atual.total, hoje)
    desconto = (
        regras.DescontoEntrada(atual.desconto_tipo, atual.desconto_taxa)
        if atual.desconto_tipo is not None
        else None
    )
    entrada = regras.VendaEntrada(
        id_cliente=atual.id_cliente,
        numero=atual.numero,
        situacao=situacao_venda or regras.EM_ANDAMENTO,
        data_venda=hoje,
        itens=tuple(
            regras.ItemEntrada(
                id=i.item_id,
                quantidade=i.quantidade,
                valor=i.valor,
                descricao=i.descricao,
                valor_custo=i.custo,
            )
            for i in atual.itens
        ),
        condicao_pagamento=regras.CondicaoEntrada(
            opcao_condicao_pagamento=opcao,
            parcelas=tuple(regras.ParcelaEntrada(p.data_vencimento, p.valor, p.descricao) for p in parcelas),
        ),
        composicao_de_valor=regras.ComposicaoEntrada(frete=atual.frete, desconto=desconto),
        id_vendedor=atual.id_vendedor,
        observacoes=atual.observacoes,
        observacoes_pagamento=atual.observacoes_pagamento,
    )
    venda_id = vendas.criar_venda(session, empresa_id, regras.validar_venda(entrada), agora)
    if atual.situacao != ACEITO:
        repo.mudar_situacao(session, empresa_id, orcamento_id, ACEITO, agora)
    return obter(session, empresa_id, orcamento_id), venda_id
