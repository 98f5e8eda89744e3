"""Produtos use cases, shared by `/v1/produtos` and the older `/v1/produto*` generation.

Each takes an open session (or a reader) and the tenant, flushes, never commits. The pure rules are in
`anil.domain.produtos`; here is what needs the database or another catalog: the SKU a name derives, that
the category, unit, NCM, CEST, e-commerce category and brand a product names exist, a kit's items.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from anil.domain import fiscal
from anil.domain.money import quantize, total
from anil.domain.produtos import (
    CATEGORIA_PADRAO,
    INATIVO,
    KIT_PRODUTO,
    SIMPLES,
    VARIACAO,
    VARIACAO_PRODUTO,
    EcommerceEntrada,
    EstoqueEntrada,
    FilhoEntrada,
    FiltroProdutos,
    FiscalEntrada,
    KitEntrada,
    KitItemEntrada,
    OpcaoEntrada,
    PesosEntrada,
    ProdutoAlteracoes,
    ProdutoDetalhe,
    ProdutoEntrada,
    ProdutoRegistro,
    ProdutoValido,
    ReferenciaFiscal,
    TipoVariacaoEntrada,
    VariacaoEntrada,
    chave_busca,
    referencia_inexistente,
    sku_base,
    sku_livre,
    total_item,
    validar,
    validar_alteracoes,
)
from anil.domain.texto import chave
from anil.errors import InvalidInput, NotFound, RuleViolation
from anil.storage.repositories import produtos as repo
from anil.storage.repositories import unidades as unidades_repo
from anil.storage.repositories.base import Reader
from anil.storage.types import new_uuid

NAO_ENCONTRADO = "Produto não encontrado"
EM_KIT = "O produto não pode ser excluído porque faz parte de um kit"
SKU_EM_USO = "Já existe um produto com o código SKU '{sku}'"


@dataclass(frozen=True, slots=True)
class Lote:
    """A batch answer: every id asked for (`todos`, duplicates dropped) and those the action reached."""

    todos: list[str]
    afetados: list[str]


# ----------------------------------------------------------------------------------- provisioning ----


def provisionar(session: Session, empresa_id: str) -> None:
    """Provisioning step of every new company: the product group "Outras", where products go by default."""
    categoria_padrao(session, empresa_id)


def categoria_padrao(session: Session, tenant_id: str) -> repo.Categoria:
    found = repo.categoria_por_descricao(session, tenant_id, CATEGORIA_PADRAO)
    if found is not None:
        return found
    return repo.criar_categoria(session, tenant_id, new_uuid(), CATEGORIA_PADRAO)


# ----------------------------------------------------------------------------------------- reads ----


def _referencias(reader: Reader, tenant_id: str, produto: ProdutoRegistro) -> ProdutoDetalhe:
    ncm = cest = None
    if produto.ncm_id is not None:
        item = fiscal.ncm_por_id(produto.ncm_id)
        ncm = ReferenciaFiscal(
            produto.ncm_id, item.codigo if item else None, item.descricao if item else None
        )
    if produto.cest_id is not None:
        item_cest = fiscal.cest_por_id(produto.cest_id)
        cest = ReferenciaFiscal(
            produto.cest_id,
            item_cest.codigo if item_cest else None,
            item_cest.descricao if item_cest else None,
        )
    ids = {c["unidade_medida"] for c in produto.conversoes}
    if produto.unidade_medida_id is not None:
        ids.add(produto.unidade_medida_id)
    unidades: dict[int, str | None] = {}
    for unidade_id in sorted(ids):  # one or two: a statement built once each
        unidade = unidades_repo.unidade_da_empresa(reader, tenant_id, unidade_id)
        unidades[unidade_id] = unidade.descricao if unidade else None
    return ProdutoDetalhe(produto, ncm, cest, unidades)


def obter(reader: Reader, tenant_id: str, produto_id: str) -> ProdutoDetalhe:
    produto = repo.por_id(reader, tenant_id, produto_id)
    if produto is None:
        raise NotFound(NAO_ENCONTRADO)
    return _referencias(reader, tenant_id, produto)


def listar(
    reader: Reader, tenant_id: str, filtro: FiltroProdutos, offset: int, limit: int
) -> tuple[int, list[ProdutoRegistro]]:
    return repo.listar(reader, tenant_id, filtro, offset, limit)


def listar_categorias(
    reader: Reader, tenant_id: str, busca: str | None, offset: int, limit: int
) -> tuple[int, list[repo.Categoria]]:
    return repo.listar_categorias(reader, tenant_id, busca, offset, limit)


def listar_marcas(
    reader: Reader, tenant_id: str, busca: str | None, descendente: bool, offset: int, limit: int
) -> tuple[int, list[repo.Marca]]:
    return repo.listar_marcas(reader, tenant_id, busca, descendente, offset, limit)


@dataclass(frozen=True)
class NoEcommerce:
    id: str
    descricao: str
    subcategorias: list[NoEcommerce]


_ARVORE_NS = uuid.UUID("0d6f3c52-7e1b-4f0e-9c1a-3b5d8e2f4a61")
FILTROS_ECOMMERCE_INVALIDOS = "Os filtros informados para busca de categoria de e-commerce são inválidos"


def arvore_ecommerce(
    reader: Reader, tenant_id: str, busca: str | None, offset: int, limit: int
) -> tuple[str, list[NoEcommerce]]:
    """`(id of the tree, one page of its top-level nodes)` for `GET /v1/produtos/ecommerce-categorias`.

    `busca_textual` is required; a company without e-commerce categories (no e-commerce integration) gets
    the same 400 as with bad filters, as production answered such an account. Otherwise a node is kept
    when its description contains the text (case and accents ignored), with its whole subtree, and so are
    the nodes above it (choice `ecommerce-categorias`).
    """
    termo = chave(busca)
    if not termo:
        raise InvalidInput(FILTROS_ECOMMERCE_INVALIDOS)
    todas = repo.ecommerce_categorias(reader, tenant_id)
    if not todas:
        raise InvalidInput(FILTROS_ECOMMERCE_INVALIDOS)
    filhos: dict[str | None, list[repo.EcommerceCategoria]] = {}
    for categoria in todas:
        filhos.setdefault(categoria.id_pai, []).append(categoria)

    def montar(categoria: repo.EcommerceCategoria, casou: bool) -> NoEcommerce | None:
        casou = casou or termo in categoria.descricao_busca
        subs = [n for c in filhos.get(categoria.id, []) if (n := montar(c, casou)) is not None]
        if not casou and not subs:
            return None
        return NoEcommerce(categoria.id, categoria.descricao, subs)

    raiz = [n for c in filhos.get(None, []) if (n := montar(c, False)) is not None]
    return str(uuid.uuid5(_ARVORE_NS, tenant_id)), raiz[offset : offset + limit]


# ---------------------------------------------------------------------------------------- writes ----


def preparar(entrada: ProdutoEntrada, campos: Mapping[str, str] | None = None) -> ProdutoValido:
    """A new product's pure rules, checked before the write transaction begins."""
    return validar(entrada, campos)


def _verificar_referencias(
    session: Session, tenant_id: str, dados: ProdutoValido, campos: Mapping[str, str] | None
) -> int:
    """Every reference must be the company's (or a catalog's); returns the category id to store."""
    if dados.categoria_id is None:
        categoria_id = categoria_padrao(session, tenant_id).id
    else:
        if repo.categoria(session, tenant_id, dados.categoria_id) is None:
            raise referencia_inexistente("categoria.id", "uma categoria de produto", campos)
        categoria_id = dados.categoria_id
    for caminho, unidade in dados.unidades_referidas():
        if unidades_repo.unidade_da_empresa(session, tenant_id, unidade) is None:
            if caminho == "unidade_medida":
                caminho = "fiscal.unidade_medida.id"
            raise referencia_inexistente(caminho, "uma unidade de medida", campos)
    if dados.ncm_id is not None and fiscal.ncm_por_id(dados.ncm_id) is None:
        raise referencia_inexistente("fiscal.ncm.id", "um NCM", campos)
    if dados.cest_id is not None and fiscal.cest_por_id(dados.cest_id) is None:
        raise referencia_inexistente("fiscal.cest.id", "um CEST", campos)
    if dados.ecommerce_categoria_id and not repo.ecommerce_categoria_existe(
        session, tenant_id, dados.ecommerce_categoria_id
    ):
        raise referencia_inexistente(
            "ecommerce.categoria_ecommerce.id", "uma categoria de e-commerce", campos
        )
    if dados.ecommerce_marca_id and not repo.marca_existe(session, tenant_id, dados.ecommerce_marca_id):
        raise referencia_inexistente("ecommerce.marca.id", "uma marca", campos)
    return categoria_id


def _itens_do_kit(
    session: Session, tenant_id: str, dados: ProdutoValido, campos: Mapping[str, str] | None
) -> list[tuple[repo.Componente, Decimal, Decimal, Decimal]]:
    """`(component, quantity, unit price, total)` per item: a kit holds simple products and variations."""
    encontrados = repo.componentes(session, tenant_id, [item.produto_id for item in dados.kit])
    itens = []
    for i, item in enumerate(dados.kit):
        componente = encontrados.get(item.produto_id)
        caminho = f"detalhe_kit.itens[{i}].id_produto"
        if componente is None:
            raise referencia_inexistente(caminho, "um produto", campos)
        if componente.tipo == KIT_PRODUTO or componente.formato == VARIACAO:
            raise InvalidInput(
                f"O produto do campo '{caminho}' não pode compor um kit: informe um produto simples ou uma "
                "variação",
                campo=caminho,
            )
        unitario = item.valor_unitario if item.valor_unitario is not None else componente.valor_venda
        valor_total = (
            item.valor_total if item.valor_total is not None else total_item(item.quantidade, unitario)
        )
        itens.append((componente, item.quantidade, quantize(unitario), valor_total))
    return itens


def _reservar_skus(session: Session, tenant_id: str, dados: ProdutoValido) -> tuple[str, list[str]]:
    """The SKUs of the product and of its variations: those sent must be free, the others are derived."""
    enviados = [s for s in (dados.codigo_sku, *(f.codigo_sku for f in dados.filhos)) if s]
    repetidos = {s for s in enviados if enviados.count(s) > 1}
    if repetidos:
        raise InvalidInput(SKU_EM_USO.format(sku=sorted(repetidos)[0]))
    if enviados:
        tomados = repo.skus_existentes(session, tenant_id, enviados)
        if tomados:
            raise InvalidInput(SKU_EM_USO.format(sku=sorted(tomados)[0]))
    ocupados = set(enviados)

    def derivar(nome: str) -> str:
        base = sku_base(nome)
        sku = sku_livre(base, ocupados | repo.skus_com_prefixo(session, tenant_id, base[:16]))
        ocupados.add(sku)
        return sku

    principal = dados.codigo_sku or derivar(dados.nome)
    return principal, [f.codigo_sku or derivar(f.nome) for f in dados.filhos]


def _colunas(tenant_id: str, dados: ProdutoValido, agora: datetime) -> dict[str, Any]:
    return {
        "tenant_id": tenant_id,
        "id_pai": None,
        "nome": dados.nome,
        "nome_busca": chave(dados.nome),
        "descricao": dados.descricao,
        "codigo_ean": dados.codigo_ean,
        "status": dados.status,
        "formato": dados.formato,
        "tipo": dados.tipo,
        "versao": 0,
        "unidade_medida_id": dados.unidade_medida_id,
        "id_centro_custo": dados.id_centro_custo,
        "valor_venda": dados.valor_venda,
        "custo_medio": dados.custo_medio,
        "quantidade_disponivel": dados.quantidade_disponivel,
        "quantidade_reservada": Decimal("0"),
        "estoque_minimo": dados.estoque_minimo,
        "estoque_maximo": dados.estoque_maximo,
        "movido": False,
        "contagem_agregacao": len(dados.filhos),
        "origem": dados.origem,
        "tipo_produto": dados.tipo_produto,
        "ncm_id": dados.ncm_id,
        "cest_id": dados.cest_id,
        "peso_bruto": dados.peso_bruto,
        "peso_liquido": dados.peso_liquido,
        "altura": dados.altura,
        "largura": dados.largura,
        "profundidade": dados.profundidade,
        "volumes": dados.volumes,
        "ecommerce_integracao_ativa": dados.ecommerce_integracao_ativa,
        "ecommerce_condicao": dados.ecommerce_condicao,
        "ecommerce_categoria_id": dados.ecommerce_categoria_id,
        "ecommerce_marca_id": dados.ecommerce_marca_id,
        "ecommerce_descricao_adicional": dados.ecommerce_descricao_adicional,
        "ecommerce_descricao_seo": dados.ecommerce_descricao_seo,
        "ecommerce_titulo_seo": dados.ecommerce_titulo_seo,
        "ecommerce_url_seo": dados.ecommerce_url_seo,
        "variacao_tipos": list(dados.variacao_tipos) if dados.formato == VARIACAO else None,
        "variacao_opcoes": None,
        "conversoes_unidade_medida": list(dados.conversoes),
        "criado_em": agora,
        "ultima_atualizacao": agora,
    }


def criar(
    session: Session,
    tenant_id: str,
    dados: ProdutoValido,
    agora: datetime,
    campos: Mapping[str, str] | None = None,
) -> ProdutoDetalhe:
    categoria_id = _verificar_referencias(session, tenant_id, dados, campos)
    itens = _itens_do_kit(session, tenant_id, dados, campos) if dados.kit else []
    sku, skus_filhos = _reservar_skus(session, tenant_id, dados)
    valor_venda = dados.valor_venda
    if valor_venda is None:  # a kit priced by its items
        valor_venda = total(valor for _, _, _, valor in itens)

    produto_id = new_uuid()
    values = _colunas(tenant_id, dados, agora)
    values.update(
        id=produto_id,
        codigo_sku=sku,
        busca=chave_busca(dados.nome, sku, dados.codigo_ean),
        categoria_id=categoria_id,
        valor_venda=valor_venda,
    )
    seq = repo.inserir(session, values)
    repo.inserir_kit(
        session,
        [
            {
                "id": new_uuid(),
                "tenant_id": tenant_id,
                "kit_seq": seq,
                "produto_seq": componente.seq,
                "posicao": posicao,
                "quantidade": quantidade,
                "valor_unitario": unitario,
                "valor_total": valor_total,
                "versao": 0,
            }
            for posicao, (componente, quantidade, unitario, valor_total) in enumerate(itens)
        ],
    )
    for filho, filho_sku in zip(dados.filhos, skus_filhos, strict=True):
        child = _colunas(tenant_id, dados, agora)
        child.update(
            id=new_uuid(),
            id_pai=produto_id,
            nome=filho.nome,
            nome_busca=chave(filho.nome),
            busca=chave_busca(filho.nome, filho_sku, filho.codigo_ean),
            descricao=None,
            codigo_sku=filho_sku,
            codigo_ean=filho.codigo_ean,
            formato=SIMPLES,
            tipo=VARIACAO_PRODUTO,
            categoria_id=categoria_id,
            valor_venda=filho.valor_venda if filho.valor_venda is not None else valor_venda,
            quantidade_disponivel=filho.saldo,
            estoque_minimo=None,
            estoque_maximo=None,
            contagem_agregacao=0,
            variacao_tipos=None,
            variacao_opcoes=list(filho.opcoes),
        )
        repo.inserir(session, child)
    repo.nova_versao(session, tenant_id)
    return obter(session, tenant_id, produto_id)


def atualizar(
    session: Session,
    tenant_id: str,
    produto_id: str,
    alteracoes: ProdutoAlteracoes,
    enviados: set[str],
    agora: datetime,
) -> None:
    """PATCH: only what was sent changes; `versao` goes up by one, whatever the client sent (catalog §2.11)."""
    values = validar_alteracoes(alteracoes, enviados)
    atual = repo.por_id(session, tenant_id, produto_id)
    if atual is None:
        raise NotFound(NAO_ENCONTRADO)
    sku = values.get("codigo_sku", atual.codigo_sku)
    if sku != atual.codigo_sku and repo.skus_existentes(session, tenant_id, [sku], exceto=atual.seq):
        raise InvalidInput(SKU_EM_USO.format(sku=sku))
    unidade = values.get("unidade_medida_id")
    if unidade is not None and unidades_repo.unidade_da_empresa(session, tenant_id, unidade) is None:
        raise referencia_inexistente("unidade_medida", "uma unidade de medida")
    ncm = values.get("ncm_id")
    if ncm is not None and fiscal.ncm_por_id(ncm) is None:
        raise referencia_inexistente("ncm", "um NCM")
    cest = values.get("cest_id")
    if cest is not None and fiscal.cest_por_id(cest) is None:
        raise referencia_inexistente("cest", "um CEST")
    nome = values.get("nome", atual.nome)
    assert isinstance(nome, str)
    ean = values.get("codigo_ean", atual.codigo_ean)
    values.update(
        nome_busca=chave(nome),
        busca=chave_busca(nome, str(sku), ean),  # type: ignore[arg-type]
        versao=atual.versao + 1,
        ultima_atualizacao=agora,
    )
    repo.atualizar(session, tenant_id, atual.seq, values)
    repo.nova_versao(session, tenant_id)


def excluir(session: Session, tenant_id: str, produto_id: str, agora: datetime) -> None:
    """Physical delete (catalog §2.12); a variation parent takes its variations with it. A product some
    kit holds (or whose variation a kit holds) cannot go (choice `produto-excluir-kit`)."""
    if repo.seq_e_pai(session, tenant_id, produto_id) is None:
        raise NotFound(NAO_ENCONTRADO)
    _excluir(session, tenant_id, [produto_id], agora)


def _excluir(session: Session, tenant_id: str, ids: Sequence[str], agora: datetime) -> list[str]:
    if repo.componentes_em_kits(session, tenant_id, ids):
        raise RuleViolation(EM_KIT)
    excluidos = repo.excluir(session, tenant_id, ids)
    for pai in {pai for _, pai in excluidos if pai is not None} - {i for i, _ in excluidos}:
        repo.atualizar_agregados_do_pai(session, tenant_id, pai, agora)
    if excluidos:
        repo.nova_versao(session, tenant_id)
    return [produto_id for produto_id, _ in excluidos]


def desativar(session: Session, tenant_id: str, ids: Sequence[str], agora: datetime) -> Lote:
    """The older `POST /v1/produto/desativar`: status INATIVO for those of `ids` that exist."""
    todos = list(dict.fromkeys(ids))
    existentes = repo.definir_status(session, tenant_id, todos, INATIVO, agora)
    if existentes:
        repo.nova_versao(session, tenant_id)
    return Lote(todos, [i for i in todos if i in existentes])


# -------------------------------------------------------------------------------------- demo data ----

_DEMO_CATEGORIAS = ("Papelaria", "Informática", "Vestuário")
_DEMO_MARCAS = ("Azulina", "Tinteiro", "Bit&Byte")
_DEMO_ECOMMERCE = (
    ("Escritório e Papelaria", ("Cadernos", "Canetas e Lápis")),
    ("Informática", ("Periféricos", "Acessórios")),
    ("Moda", ("Camisetas",)),
)


def seed_demo_products(session: Session, empresa_id: str) -> list[ProdutoDetalhe]:
    """A handful of realistic products for the demo company, through `criar`: simple products (one of
    them below its minimum stock), a kit and a product with size variations; plus the product groups,
    e-commerce categories and brands they use."""
    agora = datetime.now(UTC).replace(tzinfo=None)
    categorias = {CATEGORIA_PADRAO: categoria_padrao(session, empresa_id).id}
    for descricao in _DEMO_CATEGORIAS:
        existing = repo.categoria_por_descricao(session, empresa_id, descricao)
        categorias[descricao] = (
            existing or repo.criar_categoria(session, empresa_id, new_uuid(), descricao)
        ).id
    marcas = {}
    for nome in _DEMO_MARCAS:
        marcas[nome] = new_uuid()
        repo.criar_marca(session, empresa_id, marcas[nome], nome)
    eco: dict[str, str] = {}
    for posicao, (grupo, subgrupos) in enumerate(_DEMO_ECOMMERCE):
        eco[grupo] = new_uuid()
        repo.criar_ecommerce_categoria(session, empresa_id, eco[grupo], None, posicao, grupo)
        for sub_posicao, sub in enumerate(subgrupos):
            eco[sub] = new_uuid()
            repo.criar_ecommerce_categoria(session, empresa_id, eco[sub], eco[grupo], sub_posicao, sub)

    unidades = {u.descricao: u.id for u in unidades_repo.listar(session, empresa_id)}
    un = unidades.get("Quantidade")
    cx = unidades.get("Caixa")
    kit_un = unidades.get("Kit")
    ncm_caderno = fiscal.ncm_por_codigo("48202000")
    ncm_caneta = fiscal.ncm_por_codigo("96081000")
    ncm_mouse = fiscal.ncm_por_codigo("84716053")
    ncm_camiseta = fiscal.ncm_por_codigo("61091000")

    def simples(nome: str, sku: str, ean: str, categoria: str, **extra: Any) -> ProdutoEntrada:
        return ProdutoEntrada(
            nome=nome, codigo_sku=sku, codigo_ean=ean, categoria=categorias[categoria], **extra
        )

    def fiscal_de(ncm: fiscal.Ncm | None, unidade: int | None) -> FiscalEntrada:
        return FiscalEntrada(
            origem="NACIONAL",
            tipo_produto="MERCADORIA_PARA_REVENDA",
            ncm=ncm.id if ncm else None,
            unidade_medida=unidade,
        )

    criados = []
    caderno = simples(
        "Caderno Universitário 10 Matérias",
        "PAP-CAD-10M",
        "7891234567895",
        "Papelaria",
        descricao="Caderno espiral capa dura, 200 folhas pautadas.",
        estoque=EstoqueEntrada(
            Decimal("24.90"), Decimal("12.35"), Decimal("150"), Decimal("20"), Decimal("300")
        ),
        fiscal=fiscal_de(ncm_caderno, un),
        pesos_dimensoes=PesosEntrada(
            Decimal("0.85"), Decimal("0.8"), Decimal("27.5"), Decimal("20"), Decimal("2"), 1
        ),
        ecommerce=EcommerceEntrada(
            categoria_ecommerce=eco["Cadernos"],
            marca=marcas["Azulina"],
            condicao="NOVO",
            titulo_seo="Caderno universitário 10 matérias",
            url_seo="caderno-universitario-10-materias",
            integracao_ativa=True,
        ),
    )
    caneta = simples(
        "Caneta Esferográfica Azul (caixa com 50)",
        "PAP-CAN-AZ50",
        "7891234567802",
        "Papelaria",
        estoque=EstoqueEntrada(
            Decimal("59.00"), Decimal("31.20"), Decimal("40"), Decimal("10"), Decimal("200")
        ),
        fiscal=fiscal_de(ncm_caneta, cx),
        ecommerce=EcommerceEntrada(categoria_ecommerce=eco["Canetas e Lápis"], marca=marcas["Tinteiro"]),
    )
    mouse = simples(
        "Mouse Óptico USB 1600 dpi",
        "INF-MOU-1600",
        "7891234567819",
        "Informática",
        estoque=EstoqueEntrada(Decimal("49.90"), Decimal("22.40"), Decimal("3"), Decimal("5"), Decimal("60")),
        fiscal=fiscal_de(ncm_mouse, un),
        ecommerce=EcommerceEntrada(
            categoria_ecommerce=eco["Periféricos"],
            marca=marcas["Bit&Byte"],
            condicao="NOVO",
            integracao_ativa=True,
        ),
    )
    pendrive = simples(
        "Pen Drive 64 GB",
        "INF-PEN-64",
        "7891234567826",
        "Informática",
        status=INATIVO,
        estoque=EstoqueEntrada(Decimal("39.90"), Decimal("18.00"), Decimal("0")),
        fiscal=fiscal_de(None, un),
    )
    for entrada in (caderno, caneta, mouse, pendrive):
        criados.append(criar(session, empresa_id, validar(entrada), agora))

    kit = ProdutoEntrada(
        nome="Kit Escritório Básico",
        codigo_sku="KIT-ESC-BAS",
        descricao="Um caderno universitário e uma caixa de canetas azuis.",
        categoria=categorias["Papelaria"],
        fiscal=fiscal_de(None, kit_un),
        detalhe_kit=KitEntrada(
            itens=[
                KitItemEntrada(id_produto=criados[0].produto.id, quantidade=Decimal("1")),
                KitItemEntrada(
                    id_produto=criados[1].produto.id, quantidade=Decimal("1"), valor_unitario=Decimal("55")
                ),
            ],
            valor_venda=Decimal("74.90"),
        ),
    )
    criados.append(criar(session, empresa_id, validar(kit), agora))

    tamanhos = [OpcaoEntrada(new_uuid(), t) for t in ("P", "M", "G")]
    camiseta = ProdutoEntrada(
        nome="Camiseta Básica Algodão",
        codigo_sku="VES-CAM-BAS",
        categoria=categorias["Vestuário"],
        formato=VARIACAO,
        estoque=EstoqueEntrada(Decimal("39.90"), Decimal("15.50")),
        fiscal=fiscal_de(ncm_camiseta, un),
        ecommerce=EcommerceEntrada(categoria_ecommerce=eco["Camisetas"], condicao="NOVO"),
        variacao=VariacaoEntrada(
            tipos=[TipoVariacaoEntrada("Tamanho", list(tamanhos))],
            produtos=[
                FilhoEntrada(
                    nome=f"Camiseta Básica Algodão - {opcao.descricao}",
                    codigo_sku=f"VES-CAM-BAS-{opcao.descricao}",
                    saldo=Decimal(saldo),
                    valor_venda=Decimal("42.90") if opcao.descricao == "G" else None,
                    opcoes=[opcao.id],
                )
                for opcao, saldo in zip(tamanhos, ("12", "25", "8"), strict=True)
            ],
        ),
    )
    criados.append(criar(session, empresa_id, validar(camiseta), agora))
    return criados


def provisionar_demo(session: Session, empresa_id: str) -> None:
    """Demo-company step (`provisioning._PASSOS_DEMO`)."""
    seed_demo_products(session, empresa_id)
