"""Products and the group's per-company catalogs: tenant-scoped reads and writes, SQLAlchemy Core.

The list (`GET /v1/produtos`) is built for a page of 20 out of 50,000 products, the way the people list is
(`repositories/listas.py`): a per-process cache keyed by the company's data version (`produtos_versoes`,
bumped last by every write) remembers each filter's total and, for the name order, every `CHECKPOINT`-th
sort key, so that `pagina=N` seeks the partial index of top-level products (tenant, nome_busca, seq) from
the nearest checkpoint instead of skipping N × size rows. The page itself is a deferred join: keys from the index, whole rows for
the page only. The unfiltered list's statements are built once and run on the driver's fast path.

Only top-level products are listed (`id_pai IS NULL`); a variation's children come nested under their
parent, read in one more statement when the page holds a parent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    false,
    func,
    insert,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import processors
from sqlalchemy.orm import Session
from sqlalchemy.types import Integer, UserDefinedType

from anil.domain.produtos import (
    KIT_PRODUTO,
    FiltroProdutos,
    KitItemRegistro,
    ProdutoRegistro,
)
from anil.domain.texto import chave
from anil.storage.models.produtos import (
    Produto,
    ProdutoCategoria,
    ProdutoEcommerceCategoria,
    ProdutoEcommerceMarca,
    ProdutoKitItem,
    ProdutoVersao,
)
from anil.storage.repositories import listas
from anil.storage.repositories.base import (
    TENANT,
    Reader,
    core,
    fetch,
    owned,
    scope,
    scoped_delete,
    scoped_select,
    scoped_update,
    write_raw,
    write_raw_uma_vez,
)
from anil.storage.repositories.listas import CacheListas, Chave, Lista, parametros

P = Produto.__table__
C = ProdutoCategoria.__table__
EC = ProdutoEcommerceCategoria.__table__
EM = ProdutoEcommerceMarca.__table__
K = ProdutoKitItem.__table__
V = ProdutoVersao.__table__
_COMPONENTE = P.alias("componente")


class _Decimal(UserDefinedType):
    """A NUMERIC column read as `Decimal` with its scale, cheaply, on every driver. SQLite hands back
    floats, turned into Decimals by SQLAlchemy's C processor (`24.9` → `Decimal("24.90")`); psycopg and
    asyncpg hand back Decimals already."""

    cache_ok = True

    def __init__(self, scale: int) -> None:
        self.scale = scale

    def get_col_spec(self, **kw: Any) -> str:
        return "NUMERIC"

    def result_processor(self, dialect: Any, coltype: Any) -> Any:
        if dialect.name == "sqlite":
            return processors.to_decimal_processor_factory(Decimal, self.scale)
        return None


_MONEY, _QUANTITY = _Decimal(2), _Decimal(4)


def _dec(column: Any) -> Any:
    return type_coerce(column, _MONEY if column.type.scale == 2 else _QUANTITY)


# Column order matters: rows are read by position in `_produto()`.
_RESUMO = (
    P.c.seq,
    P.c.id,
    P.c.nome,
    P.c.codigo_sku,
    P.c.codigo_ean,
    P.c.status,
    P.c.formato,
    P.c.tipo,
    _dec(P.c.valor_venda),
    _dec(P.c.custo_medio),
    _dec(P.c.quantidade_disponivel),
    _dec(P.c.quantidade_reservada),
    _dec(P.c.estoque_minimo),
    _dec(P.c.estoque_maximo),
    P.c.movido,
    P.c.contagem_agregacao,
    P.c.ecommerce_integracao_ativa,
    P.c.ultima_atualizacao,
    P.c.id_pai,
    P.c.variacao_opcoes,
    P.c.versao,
)
_DETALHE = (
    *_RESUMO,
    P.c.descricao,
    P.c.categoria_id,
    C.c.uuid,
    C.c.descricao,
    P.c.unidade_medida_id,
    P.c.id_centro_custo,
    P.c.origem,
    P.c.tipo_produto,
    P.c.ncm_id,
    P.c.cest_id,
    _dec(P.c.peso_bruto),
    _dec(P.c.peso_liquido),
    _dec(P.c.altura),
    _dec(P.c.largura),
    _dec(P.c.profundidade),
    P.c.volumes,
    P.c.ecommerce_condicao,
    P.c.ecommerce_categoria_id,
    EC.c.descricao,
    P.c.ecommerce_marca_id,
    EM.c.nome,
    P.c.ecommerce_descricao_adicional,
    P.c.ecommerce_descricao_seo,
    P.c.ecommerce_titulo_seo,
    P.c.ecommerce_url_seo,
    P.c.variacao_tipos,
    P.c.conversoes_unidade_medida,
    P.c.criado_em,
)
_N_RESUMO = len(_RESUMO)

_COM_REFERENCIAS = (
    P.outerjoin(C, C.c.id == P.c.categoria_id)
    .outerjoin(EC, EC.c.id == P.c.ecommerce_categoria_id)
    .outerjoin(EM, EM.c.id == P.c.ecommerce_marca_id)
)
_POR_ID = select(*_DETALHE).select_from(_COM_REFERENCIAS).where(owned(P), P.c.id == bindparam("id"))
_KIT = (
    select(
        K.c.id,
        _COMPONENTE.c.id,
        _COMPONENTE.c.codigo_sku,
        _COMPONENTE.c.nome,
        _dec(K.c.quantidade),
        _dec(K.c.valor_unitario),
        _dec(K.c.valor_total),
        K.c.versao,
        _COMPONENTE.c.id_centro_custo,
    )
    .select_from(K.join(_COMPONENTE, _COMPONENTE.c.seq == K.c.produto_seq))
    .where(owned(K), K.c.kit_seq == bindparam("kit"))
    .order_by(K.c.posicao)
)
_VERSAO = select(V.c.versao).where(owned(V))
_BUMP = {
    name: dialect_insert(V)
    .values(tenant_id=bindparam("t"), versao=1)
    .on_conflict_do_update(index_elements=[V.c.tenant_id], set_={"versao": V.c.versao + 1})
    for name, dialect_insert in (("sqlite", sqlite.insert), ("postgresql", postgresql.insert))
}
COLUNAS_PRODUTO = (
    "id", "tenant_id", "id_pai", "nome", "nome_busca", "busca", "descricao", "codigo_sku", "codigo_ean", "status",
    "formato", "tipo", "versao", "categoria_id", "unidade_medida_id", "id_centro_custo", "valor_venda",
    "custo_medio", "quantidade_disponivel", "quantidade_reservada", "estoque_minimo", "estoque_maximo", "movido",
    "contagem_agregacao", "origem", "tipo_produto", "ncm_id", "cest_id", "peso_bruto", "peso_liquido", "altura",
    "largura", "profundidade", "volumes", "ecommerce_integracao_ativa", "ecommerce_condicao",
    "ecommerce_categoria_id", "ecommerce_marca_id", "ecommerce_descricao_adicional", "ecommerce_descricao_seo",
    "ecommerce_titulo_seo", "ecommerce_url_seo", "variacao_tipos", "variacao_opcoes", "conversoes_unidade_medida",
    "criado_em", "ultima_atualizacao",
)  # fmt: skip
_INSERIR = insert(P).values({n: bindparam(n, type_=P.c[n].type) for n in COLUNAS_PRODUTO}).returning(P.c.seq)
_COLUNAS_KIT = (
    "id", "tenant_id", "kit_seq", "produto_seq", "posicao", "quantidade", "valor_unitario", "valor_total", "versao",
)  # fmt: skip
_INSERIR_KIT = insert(K).values({n: bindparam(n, type_=K.c[n].type) for n in _COLUNAS_KIT})


def _produto(row: Sequence[Any], detalhe: bool = False) -> ProdutoRegistro:
    produto = ProdutoRegistro(
        seq=row[0],
        id=row[1],
        nome=row[2],
        codigo_sku=row[3],
        codigo_ean=row[4],
        status=row[5],
        formato=row[6],
        tipo=row[7],
        valor_venda=row[8],
        custo_medio=row[9],
        quantidade_disponivel=row[10],
        quantidade_reservada=row[11],
        estoque_minimo=row[12],
        estoque_maximo=row[13],
        movido=row[14],
        contagem_agregacao=row[15],
        ecommerce_integracao_ativa=row[16],
        ultima_atualizacao=row[17],
        id_pai=row[18],
        variacao_opcoes=row[19] or [],
        versao=row[20],
    )
    if detalhe:
        (
            produto.descricao,
            produto.categoria_id,
            produto.categoria_uuid,
            produto.categoria_descricao,
            produto.unidade_medida_id,
            produto.id_centro_custo,
            produto.origem,
            produto.tipo_produto,
            produto.ncm_id,
            produto.cest_id,
            produto.peso_bruto,
            produto.peso_liquido,
            produto.altura,
            produto.largura,
            produto.profundidade,
            produto.volumes,
            produto.ecommerce_condicao,
            produto.ecommerce_categoria_id,
            produto.ecommerce_categoria_descricao,
            produto.ecommerce_marca_id,
            produto.ecommerce_marca_nome,
            produto.ecommerce_descricao_adicional,
            produto.ecommerce_descricao_seo,
            produto.ecommerce_titulo_seo,
            produto.ecommerce_url_seo,
            tipos,
            conversoes,
            produto.criado_em,
        ) = row[_N_RESUMO:]
        produto.variacao_tipos = tipos or []
        produto.conversoes = conversoes or []
    return produto


# ----------------------------------------------------------------------------------------- reads ----


def por_id(reader: Reader, tenant_id: str, produto_id: str) -> ProdutoRegistro | None:
    """A product whole: its references' names, its kit items and its variations."""
    rows = fetch(reader, _POR_ID, scope(tenant_id, id=produto_id))
    if not rows:
        return None
    produto = _produto(rows[0], detalhe=True)
    if produto.tipo == KIT_PRODUTO:
        produto.kit = [
            KitItemRegistro(*row) for row in fetch(reader, _KIT, scope(tenant_id, kit=produto.seq))
        ]
    if produto.contagem_agregacao:
        produto.filhos = filhos(reader, tenant_id, [produto.id]).get(produto.id, [])
    return produto


def filhos(reader: Reader, tenant_id: str, pais: Sequence[str]) -> dict[str, list[ProdutoRegistro]]:
    """The variations of these parents, in creation order, by parent id."""
    out: dict[str, list[ProdutoRegistro]] = {}
    if not pais:
        return out
    stmt = (
        scoped_select(P, tenant_id, *_RESUMO).where(P.c.id_pai.in_(list(pais))).order_by(P.c.id_pai, P.c.seq)
    )
    for row in core(reader).execute(stmt).all():
        produto = _produto(row)
        out.setdefault(produto.id_pai or "", []).append(produto)
    return out


@dataclass(frozen=True, slots=True)
class Componente:
    seq: int
    id: str
    tipo: str
    formato: str
    valor_venda: Decimal
    id_pai: str | None


def componentes(session: Session, tenant_id: str, ids: Sequence[str]) -> dict[str, Componente]:
    """Those of `ids` that are products of the tenant: what a kit needs to know of its items."""
    stmt = scoped_select(P, tenant_id, P.c.seq, P.c.id, P.c.tipo, P.c.formato, P.c.valor_venda, P.c.id_pai)
    return {row[1]: Componente(*row) for row in session.execute(stmt.where(P.c.id.in_(list(ids))))}


def skus_com_prefixo(session: Session, tenant_id: str, prefixo: str) -> set[str]:
    escaped = prefixo.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    stmt = scoped_select(P, tenant_id, P.c.codigo_sku).where(P.c.codigo_sku.like(f"{escaped}%", escape="\\"))
    return {row[0] for row in session.execute(stmt)}


def skus_existentes(
    session: Session, tenant_id: str, skus: Iterable[str], exceto: int | None = None
) -> set[str]:
    stmt = scoped_select(P, tenant_id, P.c.codigo_sku).where(P.c.codigo_sku.in_(list(skus)))
    if exceto is not None:
        stmt = stmt.where(P.c.seq != exceto)
    return {row[0] for row in session.execute(stmt)}


def seq_e_pai(session: Session, tenant_id: str, produto_id: str) -> tuple[int, str | None, str] | None:
    """`(seq, id_pai, tipo)` of a product of the tenant, locked for the write."""
    stmt = scoped_select(P, tenant_id, P.c.seq, P.c.id_pai, P.c.tipo).where(P.c.id == produto_id)
    row = session.execute(stmt.with_for_update()).first()
    return (row[0], row[1], row[2]) if row is not None else None


def versao(reader: Reader, tenant_id: str) -> int:
    rows = fetch(reader, _VERSAO, scope(tenant_id))
    return rows[0][0] if rows else 0


# ---------------------------------------------------------------------------------------- writes ----


def inserir(session: Session, values: dict[str, Any]) -> int:
    return write_raw(session, _INSERIR, values)[0][0]


def inserir_kit(session: Session, rows: list[dict[str, Any]]) -> None:
    if rows:
        write_raw(session, _INSERIR_KIT, rows)


def atualizar(session: Session, tenant_id: str, seq: int, values: dict[str, Any]) -> None:
    session.execute(scoped_update(P, tenant_id).where(P.c.seq == seq).values(**values))


def atualizar_agregados_do_pai(session: Session, tenant_id: str, pai_id: str, agora: datetime) -> None:
    """After a variation went away: the parent's count of variations and its stock, their sum."""
    filhos_do_pai = scoped_select(P, tenant_id).where(P.c.id_pai == pai_id).subquery()
    contagem, saldo = session.execute(
        select(func.count(), func.coalesce(func.sum(filhos_do_pai.c.quantidade_disponivel), 0))
    ).one()
    session.execute(
        scoped_update(P, tenant_id)
        .where(P.c.id == pai_id)
        .values(contagem_agregacao=contagem, quantidade_disponivel=saldo, ultima_atualizacao=agora)
    )


def componentes_em_kits(session: Session, tenant_id: str, ids: Sequence[str]) -> set[str]:
    """Those of `ids` (and of their variations) that some kit of the tenant lists as an item."""
    alvo = scoped_select(P, tenant_id, P.c.seq).where(or_(P.c.id.in_(list(ids)), P.c.id_pai.in_(list(ids))))
    usados = scoped_select(K, tenant_id, K.c.produto_seq).where(K.c.produto_seq.in_(alvo.scalar_subquery()))
    stmt = scoped_select(P, tenant_id, P.c.id, P.c.id_pai).where(P.c.seq.in_(usados.scalar_subquery()))
    found = set()
    for produto_id, pai in session.execute(stmt):
        found.add(pai if pai in ids else produto_id)
    return found


def excluir(session: Session, tenant_id: str, ids: Sequence[str]) -> list[tuple[str, str | None]]:
    """Physical delete (variations and kit items go by ON DELETE CASCADE); `(id, id_pai)` of those deleted."""
    stmt = scoped_delete(P, tenant_id).where(P.c.id.in_(list(ids))).returning(P.c.id, P.c.id_pai)
    return [(row[0], row[1]) for row in session.execute(stmt)]


def definir_status(
    session: Session, tenant_id: str, ids: Sequence[str], status: str, agora: datetime
) -> set[str]:
    """Set the status of those of `ids` that exist; returns them (whether they changed or not)."""
    existentes = {
        row[0] for row in session.execute(scoped_select(P, tenant_id, P.c.id).where(P.c.id.in_(list(ids))))
    }
    if existentes:
        session.execute(
            scoped_update(P, tenant_id)
            .where(P.c.id.in_(sorted(existentes)), P.c.status != status)
            .values(status=status, versao=P.c.versao + 1, ultima_atualizacao=agora)
        )
    return existentes


def nova_versao(session: Session, tenant_id: str) -> None:
    """Bump the company's product data version; last statement of a write (its row lock is brief), once
    per transaction where SQLite's group commit batches writes (`write_raw_uma_vez`)."""
    write_raw_uma_vez(session, _BUMP[session.get_bind().dialect.name], {"t": tenant_id})


# ---------------------------------------------------------------------------------- the catalogs ----


@dataclass(frozen=True, slots=True)
class Categoria:
    id: int
    uuid: str
    descricao: str


_CATEGORIA = select(C.c.id, C.c.uuid, C.c.descricao).where(owned(C), C.c.id == bindparam("id"))
_CATEGORIA_POR_DESCRICAO = (
    select(C.c.id, C.c.uuid, C.c.descricao)
    .where(owned(C), C.c.descricao_busca == bindparam("busca"))
    .order_by(C.c.id)
)


def categoria(reader: Reader, tenant_id: str, categoria_id: int) -> Categoria | None:
    rows = fetch(reader, _CATEGORIA, scope(tenant_id, id=categoria_id))
    return Categoria(*rows[0]) if rows else None


def categoria_por_descricao(reader: Reader, tenant_id: str, descricao: str) -> Categoria | None:
    rows = fetch(reader, _CATEGORIA_POR_DESCRICAO, scope(tenant_id, busca=chave(descricao)))
    return Categoria(*rows[0]) if rows else None


def criar_categoria(session: Session, tenant_id: str, categoria_uuid: str, descricao: str) -> Categoria:
    stmt = insert(C).values(
        uuid=categoria_uuid, tenant_id=tenant_id, descricao=descricao, descricao_busca=chave(descricao)
    )
    new_id = session.execute(stmt.returning(C.c.id)).scalar_one()
    return Categoria(new_id, categoria_uuid, descricao)


def _contem(column: Any, text: str) -> ColumnElement[bool]:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(f"%{escaped}%", escape="\\")


def listar_categorias(
    reader: Reader, tenant_id: str, busca: str | None, offset: int, limit: int
) -> tuple[int, list[Categoria]]:
    conds = [_contem(C.c.descricao_busca, chave(busca))] if busca and chave(busca) else []
    conn = core(reader)
    total = conn.execute(scoped_select(C, tenant_id, func.count()).where(*conds)).scalar_one()
    stmt = (
        scoped_select(C, tenant_id, C.c.id, C.c.uuid, C.c.descricao)
        .where(*conds)
        .order_by(C.c.descricao_busca, C.c.id)
        .offset(offset)
        .limit(limit)
    )
    return total, [Categoria(*row) for row in conn.execute(stmt).all()]


@dataclass(frozen=True, slots=True)
class Marca:
    id: str
    nome: str


def criar_marca(session: Session, tenant_id: str, marca_id: str, nome: str) -> None:
    session.execute(insert(EM).values(id=marca_id, tenant_id=tenant_id, nome=nome, nome_busca=chave(nome)))


def marca_existe(session: Session, tenant_id: str, marca_id: str) -> bool:
    return (
        session.execute(scoped_select(EM, tenant_id, EM.c.id).where(EM.c.id == marca_id)).first() is not None
    )


def listar_marcas(
    reader: Reader, tenant_id: str, busca: str | None, descendente: bool, offset: int, limit: int
) -> tuple[int, list[Marca]]:
    conds = [_contem(EM.c.nome_busca, chave(busca))] if busca and chave(busca) else []
    conn = core(reader)
    total = conn.execute(scoped_select(EM, tenant_id, func.count()).where(*conds)).scalar_one()
    order = [EM.c.nome_busca.desc(), EM.c.id.desc()] if descendente else [EM.c.nome_busca, EM.c.id]
    stmt = (
        scoped_select(EM, tenant_id, EM.c.id, EM.c.nome)
        .where(*conds)
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    return total, [Marca(*row) for row in conn.execute(stmt).all()]


@dataclass(frozen=True, slots=True)
class EcommerceCategoria:
    id: str
    id_pai: str | None
    descricao: str
    descricao_busca: str


def criar_ecommerce_categoria(
    session: Session, tenant_id: str, categoria_id: str, id_pai: str | None, posicao: int, descricao: str
) -> None:
    session.execute(
        insert(EC).values(
            id=categoria_id,
            tenant_id=tenant_id,
            id_pai=id_pai,
            posicao=posicao,
            descricao=descricao,
            descricao_busca=chave(descricao),
        )
    )


def ecommerce_categorias(reader: Reader, tenant_id: str) -> list[EcommerceCategoria]:
    stmt = scoped_select(EC, tenant_id, EC.c.id, EC.c.id_pai, EC.c.descricao, EC.c.descricao_busca).order_by(
        EC.c.posicao, EC.c.descricao_busca
    )
    return [EcommerceCategoria(*row) for row in core(reader).execute(stmt).all()]


def ecommerce_categoria_existe(session: Session, tenant_id: str, categoria_id: str) -> bool:
    stmt = scoped_select(EC, tenant_id, EC.c.id).where(EC.c.id == categoria_id)
    return session.execute(stmt).first() is not None


# ----------------------------------------------------------------------------------------- lists ----

_LIKE_SAFE = re.compile(r"^[0-9a-z ]+$")
_RAIZ = P.c.id_pai.is_(None)
_COLUNA_ORDEM = {
    "NOME": P.c.nome_busca,
    "CODIGO": P.c.codigo_sku,
    "VALOR_VENDA": P.c.valor_venda,
    "ESTOQUE": P.c.quantidade_disponivel,  # the older generation's extra order
}


def _condicoes(filtro: FiltroProdutos) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if filtro.busca:
        termo = chave(filtro.busca)
        conds.append(_contem(P.c.busca, termo) if termo and _LIKE_SAFE.match(termo) else false())
    if filtro.status:
        conds.append(P.c.status == filtro.status)
    if filtro.sku:
        conds.append(P.c.codigo_sku == filtro.sku)
    if filtro.valor_de is not None:
        conds.append(P.c.valor_venda >= filtro.valor_de)
    if filtro.valor_ate is not None:
        conds.append(P.c.valor_venda <= filtro.valor_ate)
    if filtro.ecommerce is not None:
        conds.append(P.c.ecommerce_integracao_ativa.is_(filtro.ecommerce))
    if filtro.kit is not None:
        conds.append(P.c.tipo == KIT_PRODUTO if filtro.kit else P.c.tipo != KIT_PRODUTO)
    if filtro.alterado_de is not None and filtro.alterado_ate is not None:
        conds += [P.c.ultima_atualizacao >= filtro.alterado_de, P.c.ultima_atualizacao <= filtro.alterado_ate]
    return conds


def _ordem(filtro: FiltroProdutos) -> list[Any]:
    column = _COLUNA_ORDEM[filtro.ordenacao]
    if filtro.descendente:
        return [column.desc(), P.c.seq.desc()]
    return [column.asc(), P.c.seq.asc()]


_cache = CacheListas()


def _numerados(tenant: Any, conds: list, desc: bool) -> Select:
    """Sort keys of rows 0, CHECKPOINT, 2·CHECKPOINT, … of the filter in name order: one window query."""
    order = [P.c.nome_busca.desc(), P.c.seq.desc()] if desc else [P.c.nome_busca.asc(), P.c.seq.asc()]
    numbered = (
        select(P.c.nome_busca, P.c.seq, func.row_number().over(order_by=order).label("n"))
        .where(P.c.tenant_id == tenant, _RAIZ, *conds)
        .subquery()
    )
    return (
        select(numbered.c.nome_busca, numbered.c.seq)
        .where((numbered.c.n - 1) % bindparam("p_cada", type_=Integer) == 0)
        .order_by(numbered.c.n)
    )


def _desde(key: tuple[Any, Any], desc: bool) -> ColumnElement[bool]:
    """Rows at or after a name-order key, written `nome >= k AND (nome > k OR seq >= s)` so that both
    engines seek the index to `k`."""
    nome, seq = key
    if desc:
        return and_(P.c.nome_busca <= nome, or_(P.c.nome_busca < nome, P.c.seq <= seq))
    return and_(P.c.nome_busca >= nome, or_(P.c.nome_busca > nome, P.c.seq >= seq))


def _pagina(
    filtro: FiltroProdutos, tenant: Any, conds: list, desde: tuple[Any, Any] | None, offset: Any, limit: Any
) -> Select:
    ordem = _ordem(filtro)
    chaves = select(P.c.seq).where(P.c.tenant_id == tenant, _RAIZ, *conds)
    if desde is not None:
        chaves = chaves.where(_desde(desde, filtro.descendente))
    chaves = chaves.order_by(*ordem).offset(offset).limit(limit).correlate(None)
    return select(*_RESUMO).where(P.c.seq.in_(chaves.scalar_subquery())).order_by(*ordem)


class _Padrao:
    """The unfiltered list, the common case: statements built once per order, run on the fast path.
    `com_versao` adds the company's data version as the last column of every row."""

    CONTAR = select(func.count()).select_from(P).where(owned(P), _RAIZ)

    def __init__(self) -> None:
        self.statements: dict[tuple, Select] = {}
        for descendente in (False, True):  # all built up front: no race between threads
            self.statements[("numerados", descendente)] = _numerados(TENANT, [], descendente)
            for ordenacao in _COLUNA_ORDEM:
                filtro = FiltroProdutos(ordenacao=ordenacao, descendente=descendente)
                for keyset in (False, True) if ordenacao == "NOME" else (False,):
                    desde = (bindparam("k_nome"), bindparam("k_seq")) if keyset else None
                    offset, limit = bindparam("p_offset", type_=Integer), bindparam("p_limit", type_=Integer)
                    stmt = _pagina(filtro, TENANT, [], desde, offset, limit)
                    self.statements[("pagina", ordenacao, descendente, keyset, False)] = stmt
                    com_versao = stmt.add_columns(func.coalesce(_VERSAO.scalar_subquery(), 0))
                    self.statements[("pagina", ordenacao, descendente, keyset, True)] = com_versao

    def pagina(self, filtro: FiltroProdutos, keyset: bool, com_versao: bool = False) -> Select:
        return self.statements[("pagina", filtro.ordenacao, filtro.descendente, keyset, com_versao)]

    def numerados(self, desc: bool) -> Select:
        return self.statements[("numerados", desc)]


_padrao = _Padrao()


def _posicao(filtro: FiltroProdutos, lista: Lista, offset: int) -> tuple[Chave | None, int]:
    """Only the name order seeks from remembered keys; the others page with OFFSET."""
    return lista.posicao(offset) if filtro.ordenacao == "NOME" else (None, offset)


def _registros(reader: Reader, tenant_id: str, rows: Sequence[Sequence[Any]]) -> list[ProdutoRegistro]:
    produtos = [_produto(row) for row in rows]
    pais = [p.id for p in produtos if p.contagem_agregacao]
    if pais:
        variacoes = filhos(reader, tenant_id, pais)
        for produto in produtos:
            produto.filhos = variacoes.get(produto.id, [])
    return produtos


def listar(
    reader: Reader, tenant_id: str, filtro: FiltroProdutos, offset: int, limit: int
) -> tuple[int, list[ProdutoRegistro]]:
    """(total, one page) of the top-level products matching the filter, each with its variations."""
    padrao = filtro.padrao
    if padrao and (vista := _cache.versoes_vistas.get(tenant_id)) is not None:
        lista = _cache.get((tenant_id, vista, filtro))
        if lista is not None and 0 <= offset < lista.total:
            desde, resto = _posicao(filtro, lista, offset)
            if desde is not None or filtro.ordenacao != "NOME" or offset < listas.KEYSET_FROM:
                stmt = _padrao.pagina(filtro, desde is not None, True)
                rows = fetch(reader, stmt, parametros(tenant_id, desde, resto, limit))
                if rows and rows[0][-1] == vista:
                    return lista.total, _registros(reader, tenant_id, rows)
    conds = [] if padrao else _condicoes(filtro)
    atual = versao(reader, tenant_id)
    if padrao:
        _cache.versoes_vistas[tenant_id] = atual
    key = (tenant_id, atual, filtro)

    def contar() -> int:
        if padrao:
            return fetch(reader, _Padrao.CONTAR, scope(tenant_id))[0][0]
        return (
            core(reader).execute(scoped_select(P, tenant_id, func.count()).where(_RAIZ, *conds)).scalar_one()
        )

    def ler_checkpoints() -> list[Chave]:
        if padrao:
            stmt = _padrao.numerados(filtro.descendente)
            rows = fetch(reader, stmt, scope(tenant_id, p_cada=listas.CHECKPOINT))
        else:
            stmt = _numerados(tenant_id, conds, filtro.descendente)
            rows = core(reader).execute(stmt, {"p_cada": listas.CHECKPOINT}).all()
        return [(row[0], row[1]) for row in rows]

    lista = _cache.lista(reader, key, contar)
    if lista.total == 0 or offset >= lista.total:
        return lista.total, []
    if filtro.ordenacao == "NOME" and offset >= listas.KEYSET_FROM:
        _cache.checkpoints(reader, key, lista, ler_checkpoints)
    desde, resto = _posicao(filtro, lista, offset)
    if padrao:
        stmt = _padrao.pagina(filtro, desde is not None)
        rows = fetch(reader, stmt, parametros(tenant_id, desde, resto, limit))
    else:
        rows = core(reader).execute(_pagina(filtro, tenant_id, conds, desde, resto, limit)).all()
    return lista.total, _registros(reader, tenant_id, rows)
