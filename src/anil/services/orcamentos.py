"""Orçamentos use cases (catalog §3.5). Each takes an open session (or a reader) and the tenant, flushes,
never commits. A proposal touches no stock and no financial event."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.orm import Session

from anil.domain.clock import Clock
from anil.domain.orcamentos import (
    NAO_ENCONTRADO,
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
from anil.services import relogios
from anil.storage.repositories import orcamentos as repo
from anil.storage.repositories.base import Reader

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
    orcamento_id = str(uuid.uuid4())
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
