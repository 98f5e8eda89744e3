"""`/v1/produtos` wire models (catalog §3.2, SDK `Models/Produtos`), field names exactly as the API,
including its slips (`minimumStock`/`maximumStock` in the stock block, `costCenterId` in kit items,
`aggregationCount` in a list item's variations), and their mapping to and from `anil.domain.produtos`.

Request fields are all optional at the type level: which are required, and in which order the API reports
them, is a domain rule (`validar`), one field at a time.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

import orjson
from pydantic import PlainSerializer

from anil.domain.money import quantize
from anil.domain.produtos import (
    ConversaoEntrada,
    EcommerceEntrada,
    EstoqueEntrada,
    FilhoEntrada,
    FiscalEntrada,
    KitEntrada,
    KitItemEntrada,
    OpcaoEntrada,
    PesosEntrada,
    ProdutoAlteracoes,
    ProdutoDetalhe,
    ProdutoEntrada,
    ProdutoRegistro,
    ReferenciaFiscal,
    TipoVariacaoEntrada,
    VariacaoEntrada,
)
from anil.schemas.common import In, Money, Wire, _money_json, carimbo


def _numero(value: Decimal) -> float | int:
    """Quantities as JSON numbers: whole ones as integers (`150`), others as the shortest float (`50.5`)."""
    integral = value.to_integral_value()
    if value == integral:
        return int(integral)
    return float(value.normalize())


Quantidade = Annotated[Decimal, PlainSerializer(_numero, return_type=float | int, when_used="json")]

# ------------------------------------------------------------------------------------------ input ----


class RefInteiroIn(In):
    id: int | None = None


class RefIdIn(In):
    id: str | None = None


def _ref(ref: RefInteiroIn | None) -> int | None:
    return ref.id if ref is not None else None


def _ref_id(ref: RefIdIn | None) -> str | None:
    return ref.id if ref is not None else None


class EstoqueIn(In):
    valor_venda: Money | None = None
    custo_medio: Money | None = None
    estoque_disponivel: Decimal | None = None
    estoque_minimo: Decimal | None = None
    estoque_maximo: Decimal | None = None

    def entrada(self) -> EstoqueEntrada:
        return EstoqueEntrada(
            self.valor_venda,
            self.custo_medio,
            self.estoque_disponivel,
            self.estoque_minimo,
            self.estoque_maximo,
        )


class FiscalIn(In):
    origem: str | None = None
    tipo_produto: str | None = None
    ncm: RefInteiroIn | None = None
    cest: RefInteiroIn | None = None
    unidade_medida: RefInteiroIn | None = None

    def entrada(self) -> FiscalEntrada:
        return FiscalEntrada(
            self.origem, self.tipo_produto, _ref(self.ncm), _ref(self.cest), _ref(self.unidade_medida)
        )


class PesosIn(In):
    peso_bruto: Decimal | None = None
    peso_liquido: Decimal | None = None
    altura: Decimal | None = None
    largura: Decimal | None = None
    profundidade: Decimal | None = None
    volumes: int | None = None

    def entrada(self) -> PesosEntrada:
        return PesosEntrada(
            self.peso_bruto, self.peso_liquido, self.altura, self.largura, self.profundidade, self.volumes
        )


class EcommerceIn(In):
    categoria_ecommerce: RefIdIn | None = None
    marca: RefIdIn | None = None
    condicao: str | None = None
    descricao_adicional: str | None = None
    descricao_seo: str | None = None
    titulo_seo: str | None = None
    url_seo: str | None = None
    integracao_ativa: bool | None = None

    def entrada(self) -> EcommerceEntrada:
        return EcommerceEntrada(
            categoria_ecommerce=_ref_id(self.categoria_ecommerce),
            marca=_ref_id(self.marca),
            condicao=self.condicao,
            descricao_adicional=self.descricao_adicional,
            descricao_seo=self.descricao_seo,
            titulo_seo=self.titulo_seo,
            url_seo=self.url_seo,
            integracao_ativa=self.integracao_ativa,
        )


class KitItemIn(In):
    id_produto: str | None = None
    quantidade: Decimal | None = None
    valor_unitario: Money | None = None
    valor_total: Money | None = None


class KitIn(In):
    itens: list[KitItemIn | None] | None = None
    valor_venda: Money | None = None

    def entrada(self) -> KitEntrada:
        itens = None
        if self.itens is not None:
            itens = [
                KitItemEntrada(i.id_produto, i.quantidade, i.valor_unitario, i.valor_total) if i else None
                for i in self.itens
            ]
        return KitEntrada(itens, self.valor_venda)


class OpcaoIn(In):
    id: str | None = None
    descricao: str | None = None


class TipoVariacaoIn(In):
    descricao: str | None = None
    opcoes: list[OpcaoIn | None] | None = None

    def entrada(self) -> TipoVariacaoEntrada:
        opcoes = None
        if self.opcoes is not None:
            opcoes = [OpcaoEntrada(o.id, o.descricao) if o else None for o in self.opcoes]
        return TipoVariacaoEntrada(self.descricao, opcoes)


class ProdutoVariacaoIn(In):
    nome: str | None = None
    codigo_sku: str | None = None
    codigo_ean: str | None = None
    valor_venda: Money | None = None
    saldo: Decimal | None = None
    opcoes: list[RefIdIn | None] | None = None

    def entrada(self) -> FilhoEntrada:
        opcoes = None if self.opcoes is None else [o.id if o else None for o in self.opcoes]
        return FilhoEntrada(self.nome, self.codigo_sku, self.codigo_ean, self.valor_venda, self.saldo, opcoes)


class VariacaoIn(In):
    tipos: list[TipoVariacaoIn | None] | None = None
    produtos: list[ProdutoVariacaoIn | None] | None = None

    def entrada(self) -> VariacaoEntrada:
        return VariacaoEntrada(
            None if self.tipos is None else [t.entrada() if t else None for t in self.tipos],
            None if self.produtos is None else [p.entrada() if p else None for p in self.produtos],
        )


class ConversaoIn(In):
    unidade_medida: RefInteiroIn | None = None
    fator: Decimal | None = None
    id_fornecedor: list[str] | None = None


class ProdutoIn(In):
    """Body of `POST /v1/produtos` (SDK `CriacaoProduto`). The n8n node's `codigo` (EAN) and `observacao`
    (description) are read when `codigo_ean`/`descricao` are absent (choice `produto-aliases`)."""

    nome: str | None = None
    descricao: str | None = None
    observacao: str | None = None
    codigo_sku: str | None = None
    codigo_ean: str | None = None
    codigo: str | None = None
    ativo: bool | None = None
    status: str | None = None
    formato: str | None = None
    categoria: RefInteiroIn | None = None
    unidade_medida: RefInteiroIn | None = None
    id_centro_custo: str | None = None
    estoque: EstoqueIn | None = None
    fiscal: FiscalIn | None = None
    pesos_dimensoes: PesosIn | None = None
    ecommerce: EcommerceIn | None = None
    detalhe_kit: KitIn | None = None
    variacao: VariacaoIn | None = None
    conversoes_unidade_medida: list[ConversaoIn | None] | None = None

    def entrada(self) -> ProdutoEntrada:
        conversoes = None
        if self.conversoes_unidade_medida is not None:
            conversoes = [
                ConversaoEntrada(_ref(c.unidade_medida), c.fator, c.id_fornecedor) if c else None
                for c in self.conversoes_unidade_medida
            ]
        return ProdutoEntrada(
            nome=self.nome,
            descricao=self.descricao if self.descricao is not None else self.observacao,
            codigo_sku=self.codigo_sku,
            codigo_ean=self.codigo_ean if self.codigo_ean is not None else self.codigo,
            ativo=self.ativo,
            status=self.status,
            formato=self.formato,
            categoria=_ref(self.categoria),
            unidade_medida=_ref(self.unidade_medida),
            id_centro_custo=self.id_centro_custo,
            estoque=self.estoque.entrada() if self.estoque else None,
            fiscal=self.fiscal.entrada() if self.fiscal else None,
            pesos_dimensoes=self.pesos_dimensoes.entrada() if self.pesos_dimensoes else None,
            ecommerce=self.ecommerce.entrada() if self.ecommerce else None,
            detalhe_kit=self.detalhe_kit.entrada() if self.detalhe_kit else None,
            variacao=self.variacao.entrada() if self.variacao else None,
            conversoes_unidade_medida=conversoes,
        )


class ProdutoPatchIn(In):
    """Body of `PATCH /v1/produtos/{id}` (SDK `AtualizacaoParcialProduto`): flat; `versao` is not read."""

    nome: str | None = None
    codigo_sku: str | None = None
    codigo_ean: str | None = None
    valor_venda: Money | None = None
    peso_bruto: Decimal | None = None
    peso_liquido: Decimal | None = None
    unidade_medida: int | None = None
    ncm: int | None = None
    cest: int | None = None

    def alteracoes(self) -> tuple[ProdutoAlteracoes, set[str]]:
        values = {name: getattr(self, name) for name in ProdutoAlteracoes.__dataclass_fields__}
        return ProdutoAlteracoes(**values), set(self.model_fields_set) & set(values)


# ----------------------------------------------------------------------------------------- output ----


class CategoriaRefOut(Wire):
    id: int | None
    uuid: str | None
    descricao: str | None


class UnidadeRefOut(Wire):
    id: int
    descricao: str | None


class EstoqueOut(Wire):
    valor_venda: Money
    custo_medio: Money
    quantidade_disponivel: Quantidade
    quantidade_reservada: Quantidade
    quantidade_total: Quantidade
    minimumStock: Quantidade | None
    maximumStock: Quantidade | None


class ReferenciaFiscalOut(Wire):
    id: int
    codigo: str | None
    descricao: str | None


class FiscalOut(Wire):
    origem: str | None
    tipo_produto: str | None
    ncm: ReferenciaFiscalOut | None
    cest: ReferenciaFiscalOut | None
    unidade_medida: UnidadeRefOut | None


class PesosDimensoesOut(Wire):
    peso_bruto: Quantidade | None
    peso_liquido: Quantidade | None
    altura: Quantidade | None
    largura: Quantidade | None
    profundidade: Quantidade | None
    volumes: int | None


class CategoriaEcommerceRefOut(Wire):
    id: str
    descricao: str | None


class MarcaRefOut(Wire):
    id: str
    nome: str | None


class EcommerceOut(Wire):
    categoria_ecommerce: CategoriaEcommerceRefOut | None
    condicao: str | None
    descricao_adicional: str | None
    descricao_seo: str | None
    integracao_ativa: bool
    marca: MarcaRefOut | None
    titulo_seo: str | None
    url_seo: str | None


class KitItemOut(Wire):
    id_item: str
    id_produto: str
    codigo: str
    nome: str
    quantidade: Quantidade
    valor_unitario: Money
    valor_total: Money
    versao: int
    costCenterId: str | None


class DetalheKitOut(Wire):
    items: list[KitItemOut]
    valor_venda_kit: Money


class OpcaoOut(Wire):
    id: str
    descricao: str


class TipoVariacaoOut(Wire):
    id: str
    descricao: str
    opcoes: list[OpcaoOut]


class ProdutoDaVariacaoOut(Wire):
    id: str
    nome: str
    codigo_sku: str
    codigo_ean: str | None
    saldo: Quantidade
    valor_venda: Money
    versao: int
    movido: bool
    relacionado_manualmente: bool
    opcoes: list[OpcaoOut]


class VariacaoOut(Wire):
    tipos: list[TipoVariacaoOut]
    produtos: list[ProdutoDaVariacaoOut]


class ConversaoOut(Wire):
    id_unidade_conversao: str
    unidade_medida: UnidadeRefOut
    fator: Quantidade
    id_fornecedor: list[str]


class ImagemOut(Wire):
    id: str
    nome: str | None
    descricao: str | None
    tamanho: int | None
    url_imagem: str | None


class Produto(Wire):
    """`GET /v1/produtos/{id}` and the answer of `POST /v1/produtos` (SDK `Produto`)."""

    id: str
    id_legado: int
    nome: str
    descricao: str | None
    codigo_sku: str
    codigo_ean: str | None
    ativo: bool
    status: str
    formato: str
    versao: int
    ultima_atualizacao: str
    id_centro_custo: str | None
    categoria: CategoriaRefOut | None
    unidade_medida: UnidadeRefOut | None
    estoque: EstoqueOut
    fiscal: FiscalOut
    pesos_dimensoes: PesosDimensoesOut
    ecommerce: EcommerceOut
    detalhe_kit: DetalheKitOut | None
    variacao: VariacaoOut | None
    conversao_unidade_medida: list[ConversaoOut]
    imagens: list[ImagemOut]


class ProdutoVariacaoItem(Wire):
    """One of `produtos_variacao` of a list item (SDK `ProdutoNaVariacao`)."""

    id: str
    id_legado: int
    nome: str
    codigo: str
    ean: str | None
    tipo: str
    status: str
    saldo: Quantidade
    valor_venda: Money
    custo_medio: Money
    estoque_minimo: Quantidade | None
    estoque_maximo: Quantidade | None
    nivel_estoque: str
    integracao_ecommerce_ativada: bool
    movido: bool
    aggregationCount: int
    id_produto_pai_variacao: str | None


class ProdutoItem(Wire):
    """One of `items` of `GET /v1/produtos` (SDK `ItemResumoDeProdutos`)."""

    id: str
    id_legado: int
    nome: str
    codigo: str
    ean: str | None
    tipo: str
    status: str
    saldo: Quantidade
    valor_venda: Money
    custo_medio: Money
    estoque_minimo: Quantidade | None
    estoque_maximo: Quantidade | None
    nivel_estoque: str
    integracao_ecommerce_ativada: bool
    movido: bool
    contagem_agregacao: int
    ultima_atualizacao: str
    produtos_variacao: list[ProdutoVariacaoItem]


class ProdutosPage(Wire):
    totalItems: int
    items: list[ProdutoItem] | None


class CategoriaItem(Wire):
    id: int
    uuid: str
    descricao: str


class CategoriasPage(Wire):
    total_items: int
    items: list[CategoriaItem]


class MarcaItem(Wire):
    id: str
    nome: str


class MarcasPage(Wire):
    total_items: int
    items: list[MarcaItem]


class CategoriaEcommerceItem(Wire):
    id: str
    descricao: str
    subcategorias: list[CategoriaEcommerceItem]


class CategoriasEcommerce(Wire):
    id: str
    versao: int
    items: list[CategoriaEcommerceItem]


# ---------------------------------------------------------------------------------------- builders ----


def _fiscal_ref(ref: ReferenciaFiscal | None) -> ReferenciaFiscalOut | None:
    return ReferenciaFiscalOut(id=ref.id, codigo=ref.codigo, descricao=ref.descricao) if ref else None


def _unidade(detalhe: ProdutoDetalhe, unidade_id: int | None) -> UnidadeRefOut | None:
    if unidade_id is None:
        return None
    return UnidadeRefOut(id=unidade_id, descricao=detalhe.unidades.get(unidade_id))


def _opcoes(opcoes: list[dict]) -> list[OpcaoOut]:
    return [OpcaoOut(id=o["id"], descricao=o["descricao"]) for o in opcoes]


def produto(detalhe: ProdutoDetalhe) -> Produto:
    p = detalhe.produto
    unidade = _unidade(detalhe, p.unidade_medida_id)
    kit = None
    if p.tipo == "KIT_PRODUTO":
        kit = DetalheKitOut(
            items=[
                KitItemOut(
                    id_item=i.id_item,
                    id_produto=i.produto_id,
                    codigo=i.codigo,
                    nome=i.nome,
                    quantidade=i.quantidade,
                    valor_unitario=i.valor_unitario,
                    valor_total=i.valor_total,
                    versao=i.versao,
                    costCenterId=i.id_centro_custo,
                )
                for i in p.kit
            ],
            valor_venda_kit=p.valor_venda,
        )
    variacao = None
    if p.formato == "VARIACAO":
        variacao = VariacaoOut(
            tipos=[
                TipoVariacaoOut(id=t["id"], descricao=t["descricao"], opcoes=_opcoes(t["opcoes"]))
                for t in p.variacao_tipos
            ],
            produtos=[
                ProdutoDaVariacaoOut(
                    id=f.id,
                    nome=f.nome,
                    codigo_sku=f.codigo_sku,
                    codigo_ean=f.codigo_ean,
                    saldo=f.quantidade_disponivel,
                    valor_venda=f.valor_venda,
                    versao=f.versao,
                    movido=f.movido,
                    relacionado_manualmente=False,
                    opcoes=_opcoes(f.variacao_opcoes),
                )
                for f in p.filhos
            ],
        )
    return Produto(
        id=p.id,
        id_legado=p.seq,
        nome=p.nome,
        descricao=p.descricao,
        codigo_sku=p.codigo_sku,
        codigo_ean=p.codigo_ean,
        ativo=p.ativo,
        status=p.status,
        formato=p.formato,
        versao=p.versao,
        ultima_atualizacao=carimbo(p.ultima_atualizacao),
        id_centro_custo=p.id_centro_custo,
        categoria=(
            CategoriaRefOut(id=p.categoria_id, uuid=p.categoria_uuid, descricao=p.categoria_descricao)
            if p.categoria_id is not None
            else None
        ),
        unidade_medida=unidade,
        estoque=EstoqueOut(
            valor_venda=p.valor_venda,
            custo_medio=p.custo_medio,
            quantidade_disponivel=p.quantidade_disponivel,
            quantidade_reservada=p.quantidade_reservada,
            quantidade_total=p.quantidade_total,
            minimumStock=p.estoque_minimo,
            maximumStock=p.estoque_maximo,
        ),
        fiscal=FiscalOut(
            origem=p.origem,
            tipo_produto=p.tipo_produto,
            ncm=_fiscal_ref(detalhe.ncm),
            cest=_fiscal_ref(detalhe.cest),
            unidade_medida=unidade,
        ),
        pesos_dimensoes=PesosDimensoesOut(
            peso_bruto=p.peso_bruto,
            peso_liquido=p.peso_liquido,
            altura=p.altura,
            largura=p.largura,
            profundidade=p.profundidade,
            volumes=p.volumes,
        ),
        ecommerce=EcommerceOut(
            categoria_ecommerce=(
                CategoriaEcommerceRefOut(
                    id=p.ecommerce_categoria_id, descricao=p.ecommerce_categoria_descricao
                )
                if p.ecommerce_categoria_id
                else None
            ),
            condicao=p.ecommerce_condicao,
            descricao_adicional=p.ecommerce_descricao_adicional,
            descricao_seo=p.ecommerce_descricao_seo,
            integracao_ativa=p.ecommerce_integracao_ativa,
            marca=MarcaRefOut(id=p.ecommerce_marca_id, nome=p.ecommerce_marca_nome)
            if p.ecommerce_marca_id
            else None,
            titulo_seo=p.ecommerce_titulo_seo,
            url_seo=p.ecommerce_url_seo,
        ),
        detalhe_kit=kit,
        variacao=variacao,
        conversao_unidade_medida=[
            ConversaoOut(
                id_unidade_conversao=c["id_unidade_conversao"],
                unidade_medida=UnidadeRefOut(
                    id=c["unidade_medida"], descricao=detalhe.unidades.get(c["unidade_medida"])
                ),
                fator=Decimal(c["fator"]),
                id_fornecedor=c.get("id_fornecedor") or [],
            )
            for c in p.conversoes
        ],
        imagens=[],
    )


def _variacao_item(f: ProdutoRegistro) -> ProdutoVariacaoItem:
    return ProdutoVariacaoItem(
        id=f.id,
        id_legado=f.seq,
        nome=f.nome,
        codigo=f.codigo_sku,
        ean=f.codigo_ean,
        tipo=f.tipo,
        status=f.status,
        saldo=f.quantidade_disponivel,
        valor_venda=f.valor_venda,
        custo_medio=f.custo_medio,
        estoque_minimo=f.estoque_minimo,
        estoque_maximo=f.estoque_maximo,
        nivel_estoque=f.nivel_estoque,
        integracao_ecommerce_ativada=f.ecommerce_integracao_ativa,
        movido=f.movido,
        aggregationCount=f.contagem_agregacao,
        id_produto_pai_variacao=f.id_pai,
    )


def produto_item(p: ProdutoRegistro) -> ProdutoItem:
    return ProdutoItem(
        id=p.id,
        id_legado=p.seq,
        nome=p.nome,
        codigo=p.codigo_sku,
        ean=p.codigo_ean,
        tipo=p.tipo,
        status=p.status,
        saldo=p.quantidade_disponivel,
        valor_venda=p.valor_venda,
        custo_medio=p.custo_medio,
        estoque_minimo=p.estoque_minimo,
        estoque_maximo=p.estoque_maximo,
        nivel_estoque=p.nivel_estoque,
        integracao_ecommerce_ativada=p.ecommerce_integracao_ativa,
        movido=p.movido,
        contagem_agregacao=p.contagem_agregacao,
        ultima_atualizacao=carimbo(p.ultima_atualizacao),
        produtos_variacao=[_variacao_item(f) for f in p.filhos],
    )


def pagina(total: int, produtos: list[ProdutoRegistro]) -> ProdutosPage:
    return ProdutosPage(totalItems=total, items=[produto_item(p) for p in produtos] or None)


def _money(value: Decimal) -> float | int:
    return _money_json(quantize(value))


def _qtd(value: Decimal | None) -> float | int | None:
    return None if value is None else _numero(value)


def _item_dict(p: ProdutoRegistro, variacao: bool) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": p.id,
        "id_legado": p.seq,
        "nome": p.nome,
        "codigo": p.codigo_sku,
        "ean": p.codigo_ean,
        "tipo": p.tipo,
        "status": p.status,
        "saldo": _numero(p.quantidade_disponivel),
        "valor_venda": _money(p.valor_venda),
        "custo_medio": _money(p.custo_medio),
        "estoque_minimo": _qtd(p.estoque_minimo),
        "estoque_maximo": _qtd(p.estoque_maximo),
        "nivel_estoque": p.nivel_estoque,
        "integracao_ecommerce_ativada": p.ecommerce_integracao_ativa,
        "movido": p.movido,
    }
    if variacao:
        item["aggregationCount"] = p.contagem_agregacao
        item["id_produto_pai_variacao"] = p.id_pai
    else:
        item["contagem_agregacao"] = p.contagem_agregacao
        item["ultima_atualizacao"] = carimbo(p.ultima_atualizacao)
        item["produtos_variacao"] = [_item_dict(f, True) for f in p.filhos]
    return item


def pagina_json(total: int, produtos: list[ProdutoRegistro]) -> bytes:
    """`pagina(...)` serialized, without building a model per item: the list's hot path. The same bytes as
    the models give (tests compare the two), money and quantities as the same JSON numbers."""
    return orjson.dumps({"totalItems": total, "items": [_item_dict(p, False) for p in produtos] or None})


CategoriaEcommerceItem.model_rebuild()
