"""Produtos: the rules both API generations share (catalog §3.2 and Appendix A.9).

Input arrives as neutral `ProdutoEntrada` (values already typed by the wire schemas, still as sent) and
leaves as `ProdutoValido` (what is stored). Checks that need the database or another catalog (does the
category exist, is the SKU free, which NCM is id 12) are the service's; the rules here are pure. Field
names in messages follow the generation the request came through (`campos` renames, as pessoas does).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from anil.domain.money import ZERO, quantize
from anil.domain.texto import chave
from anil.errors import InvalidInput

ATIVO, INATIVO = "ATIVO", "INATIVO"
STATUS = (ATIVO, INATIVO)
SIMPLES, VARIACAO = "SIMPLES", "VARIACAO"
FORMATOS = (SIMPLES, VARIACAO)
PRODUTO, KIT_PRODUTO, VARIACAO_PRODUTO = "PRODUTO", "KIT_PRODUTO", "VARIACAO_PRODUTO"
TIPOS = (PRODUTO, KIT_PRODUTO, VARIACAO_PRODUTO)
MINIMO, MAXIMO, PADRAO = "MINIMO", "MAXIMO", "PADRAO"
ORDENACOES = ("NOME", "CODIGO", "VALOR_VENDA")
ORDENACOES_LEGADO = (*ORDENACOES, "ESTOQUE")
DIRECOES = ("ASC", "DESC")
CONDICOES = ("NOVO", "USADO")
TIPOS_PRODUTO = (
    "MERCADORIA_PARA_REVENDA",
    "MATERIA_PRIMA",
    "EMBALAGEM",
    "PRODUTO_EM_PROCESSO",
    "PRODUTO_ACABADO",
    "SUBPRODUTO",
    "PRODUTO_INTERMEDIARIO",
    "MATERIAL_DE_USO_E_CONSUMO",
    "ATIVO_IMOBILIZADO",
    "SERVICOS",
    "OUTROS_INSUMOS",
    "OUTRAS",
)
ORIGENS = (
    "NACIONAL",
    "ESTRANGEIRA_IMPORTACAO_DIRETA",
    "ESTRANGEIRA_ADQUIRIDA_INTERNAMENTE",
    "NACIONAL_IMPORTACAO_SUPERIOR_40",
    "NACIONAL_PRODUCAO_CONFORMIDADE",
    "NACIONAL_IMPORTACAO_INFERIOR_40",
    "ESTRANGEIRA_IMPORTACAO_DIRETA_CAMEX",
    "ESTRANGEIRA_ADQUIRIDA_INTERNAMENTE_CAMEX",
    "NACIONAL_MERCDORIA_BEM_IMPORTACAO_SUPERIOR_70",  # sic, as the API spells it
)
CATEGORIA_PADRAO = "Outras"

NOME_MAX = 100
DESCRICAO_MAX = 400
SKU_MAX = 20
EAN_TAMANHOS = (8, 12, 13, 14)
TEXTO_MAX = 255
QUANTIDADE_MAX = Decimal("99999999999")  # fits NUMERIC(15, 4)

_QUATRO = Decimal("0.0001")
_NAO_SKU = re.compile(r"[^0-9A-Z]+")


# ----------------------------------------------------------------------------------------- input ----


@dataclass
class EstoqueEntrada:
    valor_venda: Decimal | None = None
    custo_medio: Decimal | None = None
    estoque_disponivel: Decimal | None = None
    estoque_minimo: Decimal | None = None
    estoque_maximo: Decimal | None = None


@dataclass
class FiscalEntrada:
    origem: str | None = None
    tipo_produto: str | None = None
    ncm: int | None = None
    cest: int | None = None
    unidade_medida: int | None = None


@dataclass
class PesosEntrada:
    peso_bruto: Decimal | None = None
    peso_liquido: Decimal | None = None
    altura: Decimal | None = None
    largura: Decimal | None = None
    profundidade: Decimal | None = None
    volumes: int | None = None


@dataclass
class EcommerceEntrada:
    categoria_ecommerce: str | None = None
    marca: str | None = None
    condicao: str | None = None
    descricao_adicional: str | None = None
    descricao_seo: str | None = None
    titulo_seo: str | None = None
    url_seo: str | None = None
    integracao_ativa: bool | None = None


@dataclass
class KitItemEntrada:
    id_produto: str | None = None
    quantidade: Decimal | None = None
    valor_unitario: Decimal | None = None
    valor_total: Decimal | None = None


@dataclass
class KitEntrada:
    itens: list[KitItemEntrada | None] | None = None
    valor_venda: Decimal | None = None


@dataclass
class OpcaoEntrada:
    id: str | None = None
    descricao: str | None = None


@dataclass
class TipoVariacaoEntrada:
    descricao: str | None = None
    opcoes: list[OpcaoEntrada | None] | None = None


@dataclass
class FilhoEntrada:
    nome: str | None = None
    codigo_sku: str | None = None
    codigo_ean: str | None = None
    valor_venda: Decimal | None = None
    saldo: Decimal | None = None
    opcoes: list[str | None] | None = None  # option ids


@dataclass
class VariacaoEntrada:
    tipos: list[TipoVariacaoEntrada | None] | None = None
    produtos: list[FilhoEntrada | None] | None = None


@dataclass
class ConversaoEntrada:
    unidade_medida: int | None = None
    fator: Decimal | None = None
    id_fornecedor: list[str] | None = None


@dataclass
class ProdutoEntrada:
    """What a client sent for a new product, in neutral names."""

    nome: str | None = None
    descricao: str | None = None
    codigo_sku: str | None = None
    codigo_ean: str | None = None
    ativo: bool | None = None
    status: str | None = None
    formato: str | None = None
    categoria: int | None = None
    unidade_medida: int | None = None
    id_centro_custo: str | None = None
    estoque: EstoqueEntrada | None = None
    fiscal: FiscalEntrada | None = None
    pesos_dimensoes: PesosEntrada | None = None
    ecommerce: EcommerceEntrada | None = None
    detalhe_kit: KitEntrada | None = None
    variacao: VariacaoEntrada | None = None
    conversoes_unidade_medida: list[ConversaoEntrada | None] | None = None


@dataclass
class ProdutoAlteracoes:
    """`PATCH /v1/produtos/{id}` (SDK `AtualizacaoParcialProduto`): flat, only what was sent."""

    nome: str | None = None
    codigo_sku: str | None = None
    codigo_ean: str | None = None
    valor_venda: Decimal | None = None
    peso_bruto: Decimal | None = None
    peso_liquido: Decimal | None = None
    unidade_medida: int | None = None
    ncm: int | None = None
    cest: int | None = None


# ---------------------------------------------------------------------------------------- output ----


@dataclass(frozen=True)
class KitItemValido:
    produto_id: str
    quantidade: Decimal
    valor_unitario: Decimal | None  # None: the component's sale price, known to the service
    valor_total: Decimal | None


@dataclass(frozen=True)
class FilhoValido:
    nome: str
    codigo_sku: str | None
    codigo_ean: str | None
    valor_venda: Decimal | None  # None: the parent's
    saldo: Decimal
    opcoes: tuple[dict, ...]  # [{id, descricao}], one per type, in the types' order


@dataclass(frozen=True)
class ProdutoValido:
    nome: str
    descricao: str | None
    codigo_sku: str | None  # None: derive from the name (the service knows which codes are taken)
    codigo_ean: str | None
    status: str
    formato: str
    tipo: str
    categoria_id: int | None  # None: the company's "Outras"
    unidade_medida_id: int | None
    id_centro_custo: str | None
    valor_venda: Decimal | None  # None on a kit: the sum of its items
    custo_medio: Decimal
    quantidade_disponivel: Decimal
    estoque_minimo: Decimal | None
    estoque_maximo: Decimal | None
    origem: str | None
    tipo_produto: str | None
    ncm_id: int | None
    cest_id: int | None
    peso_bruto: Decimal | None
    peso_liquido: Decimal | None
    altura: Decimal | None
    largura: Decimal | None
    profundidade: Decimal | None
    volumes: int | None
    ecommerce_integracao_ativa: bool
    ecommerce_condicao: str | None
    ecommerce_categoria_id: str | None
    ecommerce_marca_id: str | None
    ecommerce_descricao_adicional: str | None
    ecommerce_descricao_seo: str | None
    ecommerce_titulo_seo: str | None
    ecommerce_url_seo: str | None
    kit: tuple[KitItemValido, ...] = ()
    variacao_tipos: tuple[dict, ...] = ()  # [{id, descricao, opcoes: [{id, descricao}]}]
    filhos: tuple[FilhoValido, ...] = ()
    conversoes: tuple[dict, ...] = ()  # [{id_unidade_conversao, unidade_medida, fator, id_fornecedor}]

    def unidades_referidas(self) -> list[tuple[str, int]]:
        found = [("unidade_medida", self.unidade_medida_id)] if self.unidade_medida_id is not None else []
        found += [
            (f"conversoes_unidade_medida[{i}].unidade_medida.id", c["unidade_medida"])
            for i, c in enumerate(self.conversoes)
        ]
        return found


@dataclass(slots=True)
class KitItemRegistro:
    id_item: str
    produto_id: str
    codigo: str
    nome: str
    quantidade: Decimal
    valor_unitario: Decimal
    valor_total: Decimal
    versao: int
    id_centro_custo: str | None = None  # the component's


@dataclass(slots=True)
class ProdutoRegistro:
    """A stored product as read back, in neutral names; each generation's schemas render it."""

    seq: int
    id: str
    nome: str
    codigo_sku: str
    codigo_ean: str | None
    status: str
    formato: str
    tipo: str
    valor_venda: Decimal
    custo_medio: Decimal
    quantidade_disponivel: Decimal
    quantidade_reservada: Decimal
    estoque_minimo: Decimal | None
    estoque_maximo: Decimal | None
    movido: bool
    contagem_agregacao: int
    ecommerce_integracao_ativa: bool
    ultima_atualizacao: datetime
    id_pai: str | None = None
    variacao_opcoes: list[dict] = field(default_factory=list)
    versao: int = 0
    # detail only
    descricao: str | None = None
    categoria_id: int | None = None
    categoria_uuid: str | None = None
    categoria_descricao: str | None = None
    unidade_medida_id: int | None = None
    id_centro_custo: str | None = None
    origem: str | None = None
    tipo_produto: str | None = None
    ncm_id: int | None = None
    cest_id: int | None = None
    peso_bruto: Decimal | None = None
    peso_liquido: Decimal | None = None
    altura: Decimal | None = None
    largura: Decimal | None = None
    profundidade: Decimal | None = None
    volumes: int | None = None
    ecommerce_condicao: str | None = None
    ecommerce_categoria_id: str | None = None
    ecommerce_categoria_descricao: str | None = None
    ecommerce_marca_id: str | None = None
    ecommerce_marca_nome: str | None = None
    ecommerce_descricao_adicional: str | None = None
    ecommerce_descricao_seo: str | None = None
    ecommerce_titulo_seo: str | None = None
    ecommerce_url_seo: str | None = None
    variacao_tipos: list[dict] = field(default_factory=list)
    conversoes: list[dict] = field(default_factory=list)
    criado_em: datetime | None = None
    kit: list[KitItemRegistro] = field(default_factory=list)
    filhos: list[ProdutoRegistro] = field(default_factory=list)

    @property
    def ativo(self) -> bool:
        return self.status == ATIVO

    @property
    def quantidade_total(self) -> Decimal:
        return self.quantidade_disponivel + self.quantidade_reservada

    @property
    def nivel_estoque(self) -> str:
        return nivel_estoque(self.quantidade_disponivel, self.estoque_minimo, self.estoque_maximo)


@dataclass(frozen=True)
class FiltroProdutos:
    """The list's filters, hashable: the key of the list caches."""

    busca: str | None = None
    status: str | None = None
    sku: str | None = None
    valor_de: Decimal | None = None
    valor_ate: Decimal | None = None
    ecommerce: bool | None = None
    kit: bool | None = None
    alterado_de: datetime | None = None
    alterado_ate: datetime | None = None
    ordenacao: str = "NOME"
    descendente: bool = False

    @property
    def padrao(self) -> bool:
        """No filter at all: only the order differs from the default list."""
        return self == FiltroProdutos(ordenacao=self.ordenacao, descendente=self.descendente)


# --------------------------------------------------------------------------------------- rules ----


def nivel_estoque(disponivel: Decimal, minimo: Decimal | None, maximo: Decimal | None) -> str:
    """MINIMO when a positive minimum is reached (stock at or below it), MAXIMO when a positive maximum is
    reached (at or above it), PADRAO otherwise (choice `produto-nivel-estoque`)."""
    if minimo is not None and minimo > 0 and disponivel <= minimo:
        return MINIMO
    if maximo is not None and maximo > 0 and disponivel >= maximo:
        return MAXIMO
    return PADRAO


def chave_busca(nome: str, codigo_sku: str, codigo_ean: str | None) -> str:
    """What `busca` matches: name, SKU and EAN, as one case- and accent-free key."""
    return " | ".join(part for part in (chave(nome), chave(codigo_sku), codigo_ean or "") if part)


def sku_base(nome: str) -> str:
    """The SKU derived from a name: its letters and digits in upper case, words joined by `-`, at most
    20 characters (`Caneta Azul 0.7mm` → `CANETA-AZUL-0-7MM`) (choice `produto-sku`)."""
    words = _NAO_SKU.split(chave(nome).upper())
    base = ""
    for word in (w for w in words if w):
        candidate = f"{base}-{word}" if base else word
        if len(candidate) > SKU_MAX:
            if not base:
                base = word[:SKU_MAX]
            break
        base = candidate
    return base or "PRODUTO"


def sku_livre(base: str, ocupados: set[str]) -> str:
    """`base`, or `base-2`, `base-3`… (cut to fit 20 characters) when taken."""
    if base not in ocupados:
        return base
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = base[: SKU_MAX - len(suffix)].rstrip("-") + suffix
        if candidate not in ocupados:
            return candidate
        n += 1


_INDICE = re.compile(r"\[\d+\]")


def nome_campo(caminho: str, campos: Mapping[str, str] | None) -> str:
    """A field's name in the words of the request's generation: `campos` maps neutral paths (indices
    written `[]`) to that generation's (`variacao.produtos[].saldo` → `variacao.produtos[].estoque`)."""
    if not campos:
        return caminho
    if caminho in campos:
        return campos[caminho]
    generico = _INDICE.sub("[]", caminho)
    if generico not in campos:
        return caminho
    indices = iter(_INDICE.findall(caminho))
    return re.sub(r"\[\]", lambda _: next(indices), campos[generico])


class _Validador:
    def __init__(self, campos: Mapping[str, str]) -> None:
        self.campos = campos

    def nome(self, caminho: str) -> str:
        return nome_campo(caminho, self.campos)

    def erro(self, caminho: str, texto: str) -> InvalidInput:
        nome = self.nome(caminho)
        return InvalidInput(texto.format(campo=nome), campo=nome)

    def obrigatorio(self, caminho: str) -> InvalidInput:
        return self.erro(caminho, "O campo '{campo}' é obrigatório")

    def texto(self, caminho: str, value: str | None, maximo: int, exigido: bool = False) -> str | None:
        value = value.strip() if value is not None else None
        if not value:
            if exigido:
                raise self.obrigatorio(caminho)
            return None
        if len(value) > maximo:
            raise self.erro(caminho, f"O campo '{{campo}}' deve ter no máximo {maximo} caracteres")
        return value

    def enum(self, caminho: str, value: str | None, allowed: Sequence[str]) -> str | None:
        if value is None or not value.strip():
            return None
        if value not in allowed:
            raise self.erro(
                caminho, "O campo '{campo}' deve ser um dos seguintes valores: " + ", ".join(allowed)
            )
        return value

    def dinheiro(self, caminho: str, value: Decimal | None) -> Decimal | None:
        if value is None:
            return None
        if not value.is_finite():
            raise self.erro(caminho, "O campo '{campo}' é inválido")
        if value < 0:
            raise self.erro(caminho, "O campo '{campo}' não pode ser negativo")
        if value >= Decimal("1e13"):
            raise self.erro(caminho, "O campo '{campo}' é inválido")
        return quantize(value)

    def quantidade(self, caminho: str, value: Decimal | None, positivo: bool = False) -> Decimal | None:
        if value is None:
            return None
        if not value.is_finite() or value > QUANTIDADE_MAX:
            raise self.erro(caminho, "O campo '{campo}' é inválido")
        if value < 0:
            raise self.erro(caminho, "O campo '{campo}' não pode ser negativo")
        if positivo and value == 0:
            raise self.erro(caminho, "O campo '{campo}' deve ser maior que zero")
        return value.quantize(_QUATRO)

    def inteiro(self, caminho: str, value: int | None) -> int | None:
        if value is None:
            return None
        if value < 0 or value > 2**31 - 1:
            raise self.erro(caminho, "O campo '{campo}' é inválido")
        return value

    def referencia(self, caminho: str, value: int | None) -> int | None:
        if value is None:
            return None
        if value <= 0 or value > 2**31 - 1:
            raise self.erro(caminho, "O campo '{campo}' é inválido")
        return value

    def uuid(self, caminho: str, value: str | None, exigido: bool = False) -> str | None:
        value = value.strip() if value is not None else None
        if not value:
            if exigido:
                raise self.obrigatorio(caminho)
            return None
        try:
            return str(uuid.UUID(value))
        except ValueError:
            raise self.erro(caminho, "O campo '{campo}' deve estar no formato UUID válido") from None

    def sku(self, caminho: str, value: str | None) -> str | None:
        return self.texto(caminho, value, SKU_MAX)

    def ean(self, caminho: str, value: str | None) -> str | None:
        value = value.strip() if value is not None else None
        if not value:
            return None
        if not value.isdigit() or not value.isascii() or len(value) not in EAN_TAMANHOS:
            raise self.erro(caminho, "O campo '{campo}' deve conter 8, 12, 13 ou 14 dígitos")
        return value


def validar(entrada: ProdutoEntrada, campos: Mapping[str, str] | None = None) -> ProdutoValido:
    """Check a new product, field by field, first failure only (catalog §2.8)."""
    v = _Validador(campos or {})
    nome = v.texto("nome", entrada.nome, NOME_MAX, exigido=True)
    assert nome is not None
    descricao = v.texto("descricao", entrada.descricao, DESCRICAO_MAX)
    codigo_sku = v.sku("codigo_sku", entrada.codigo_sku)
    codigo_ean = v.ean("codigo_ean", entrada.codigo_ean)
    status = v.enum("status", entrada.status, STATUS)
    if status is None:
        status = INATIVO if entrada.ativo is False else ATIVO
    formato = v.enum("formato", entrada.formato, FORMATOS)
    if formato is None:
        formato = VARIACAO if entrada.variacao is not None else SIMPLES
    categoria_id = v.referencia("categoria.id", entrada.categoria)
    id_centro_custo = v.uuid("id_centro_custo", entrada.id_centro_custo)

    estoque = entrada.estoque or EstoqueEntrada()
    valor_venda = v.dinheiro("estoque.valor_venda", estoque.valor_venda)
    custo_medio = v.dinheiro("estoque.custo_medio", estoque.custo_medio) or ZERO
    disponivel = v.quantidade("estoque.estoque_disponivel", estoque.estoque_disponivel) or Decimal("0")
    minimo = v.quantidade("estoque.estoque_minimo", estoque.estoque_minimo)
    maximo = v.quantidade("estoque.estoque_maximo", estoque.estoque_maximo)
    if minimo is not None and maximo is not None and maximo > 0 and maximo < minimo:
        raise v.erro(
            "estoque.estoque_maximo",
            f"O campo '{{campo}}' deve ser maior ou igual a '{v.nome('estoque.estoque_minimo')}'",
        )

    fiscal = entrada.fiscal or FiscalEntrada()
    origem = v.enum("fiscal.origem", fiscal.origem, ORIGENS)
    tipo_produto = v.enum("fiscal.tipo_produto", fiscal.tipo_produto, TIPOS_PRODUTO)
    ncm_id = v.referencia("fiscal.ncm.id", fiscal.ncm)
    cest_id = v.referencia("fiscal.cest.id", fiscal.cest)
    unidade = v.referencia("fiscal.unidade_medida.id", fiscal.unidade_medida)
    if unidade is None:
        unidade = v.referencia("unidade_medida.id", entrada.unidade_medida)

    pesos = entrada.pesos_dimensoes or PesosEntrada()
    peso_bruto = v.quantidade("pesos_dimensoes.peso_bruto", pesos.peso_bruto)
    peso_liquido = v.quantidade("pesos_dimensoes.peso_liquido", pesos.peso_liquido)
    altura = v.quantidade("pesos_dimensoes.altura", pesos.altura)
    largura = v.quantidade("pesos_dimensoes.largura", pesos.largura)
    profundidade = v.quantidade("pesos_dimensoes.profundidade", pesos.profundidade)
    volumes = v.inteiro("pesos_dimensoes.volumes", pesos.volumes)

    eco = entrada.ecommerce or EcommerceEntrada()
    eco_categoria = v.uuid("ecommerce.categoria_ecommerce.id", eco.categoria_ecommerce)
    eco_marca = v.uuid("ecommerce.marca.id", eco.marca)
    condicao = v.enum("ecommerce.condicao", eco.condicao, CONDICOES)
    descricao_adicional = v.texto("ecommerce.descricao_adicional", eco.descricao_adicional, DESCRICAO_MAX)
    descricao_seo = v.texto("ecommerce.descricao_seo", eco.descricao_seo, DESCRICAO_MAX)
    titulo_seo = v.texto("ecommerce.titulo_seo", eco.titulo_seo, TEXTO_MAX)
    url_seo = v.texto("ecommerce.url_seo", eco.url_seo, TEXTO_MAX)

    tipo = PRODUTO
    kit: tuple[KitItemValido, ...] = ()
    if entrada.detalhe_kit is not None:
        if formato == VARIACAO:
            raise v.erro(
                "detalhe_kit", "O campo '{campo}' não pode ser informado para um produto com variações"
            )
        tipo = KIT_PRODUTO
        kit = _kit(v, entrada.detalhe_kit)
        kit_valor = v.dinheiro("detalhe_kit.valor_venda", entrada.detalhe_kit.valor_venda)
        if kit_valor is not None:
            valor_venda = kit_valor

    tipos: tuple[dict, ...] = ()
    filhos: tuple[FilhoValido, ...] = ()
    if formato == VARIACAO:
        tipos, filhos = _variacao(v, entrada.variacao)
    elif entrada.variacao is not None:
        raise v.erro("variacao", "O campo '{campo}' só pode ser informado para produtos com formato VARIACAO")

    conversoes = _conversoes(v, entrada.conversoes_unidade_medida)
    if tipo != KIT_PRODUTO and valor_venda is None:
        valor_venda = ZERO
    if filhos:
        disponivel = sum((f.saldo for f in filhos), Decimal("0")).quantize(_QUATRO)

    return ProdutoValido(
        nome=nome,
        descricao=descricao,
        codigo_sku=codigo_sku,
        codigo_ean=codigo_ean,
        status=status,
        formato=formato,
        tipo=tipo,
        categoria_id=categoria_id,
        unidade_medida_id=unidade,
        id_centro_custo=id_centro_custo,
        valor_venda=valor_venda,
        custo_medio=custo_medio,
        quantidade_disponivel=disponivel,
        estoque_minimo=minimo,
        estoque_maximo=maximo,
        origem=origem,
        tipo_produto=tipo_produto,
        ncm_id=ncm_id,
        cest_id=cest_id,
        peso_bruto=peso_bruto,
        peso_liquido=peso_liquido,
        altura=altura,
        largura=largura,
        profundidade=profundidade,
        volumes=volumes,
        ecommerce_integracao_ativa=bool(eco.integracao_ativa),
        ecommerce_condicao=condicao,
        ecommerce_categoria_id=eco_categoria,
        ecommerce_marca_id=eco_marca,
        ecommerce_descricao_adicional=descricao_adicional,
        ecommerce_descricao_seo=descricao_seo,
        ecommerce_titulo_seo=titulo_seo,
        ecommerce_url_seo=url_seo,
        kit=kit,
        variacao_tipos=tipos,
        filhos=filhos,
        conversoes=conversoes,
    )


def _kit(v: _Validador, kit: KitEntrada) -> tuple[KitItemValido, ...]:
    if not kit.itens:
        raise v.erro("detalhe_kit.itens", "O campo '{campo}' deve conter ao menos 1 item")
    itens = []
    vistos: set[str] = set()
    for i, item in enumerate(kit.itens):
        base = f"detalhe_kit.itens[{i}]"
        if item is None:
            raise v.obrigatorio(base)
        produto_id = v.uuid(f"{base}.id_produto", item.id_produto, exigido=True)
        assert produto_id is not None
        if produto_id in vistos:
            raise v.erro(f"{base}.id_produto", "O produto do campo '{campo}' já faz parte do kit")
        vistos.add(produto_id)
        quantidade = v.quantidade(f"{base}.quantidade", item.quantidade, positivo=True)
        if quantidade is None:
            raise v.obrigatorio(f"{base}.quantidade")
        unitario = v.dinheiro(f"{base}.valor_unitario", item.valor_unitario)
        total = v.dinheiro(f"{base}.valor_total", item.valor_total)
        if unitario is not None and total is not None and total != total_item(quantidade, unitario):
            raise v.erro(
                f"{base}.valor_total",
                "O campo '{campo}' deve ser igual à quantidade multiplicada pelo valor unitário",
            )
        itens.append(KitItemValido(produto_id, quantidade, unitario, total))
    return tuple(itens)


def total_item(quantidade: Decimal, valor_unitario: Decimal) -> Decimal:
    return quantize(quantidade * valor_unitario)


def _variacao(
    v: _Validador, variacao: VariacaoEntrada | None
) -> tuple[tuple[dict, ...], tuple[FilhoValido, ...]]:
    if variacao is None:
        raise v.erro("variacao", "O campo '{campo}' é obrigatório para produtos com formato VARIACAO")
    if not variacao.tipos:
        raise v.erro("variacao.tipos", "O campo '{campo}' deve conter ao menos 1 item")
    tipos = []
    opcoes_por_id: dict[str, tuple[int, str]] = {}
    for t, tipo in enumerate(variacao.tipos):
        base = f"variacao.tipos[{t}]"
        if tipo is None:
            raise v.obrigatorio(base)
        descricao = v.texto(f"{base}.descricao", tipo.descricao, TEXTO_MAX, exigido=True)
        if not tipo.opcoes:
            raise v.erro(f"{base}.opcoes", "O campo '{campo}' deve conter ao menos 1 item")
        opcoes = []
        for o, opcao in enumerate(tipo.opcoes):
            obase = f"{base}.opcoes[{o}]"
            if opcao is None:
                raise v.obrigatorio(obase)
            opcao_id = v.uuid(f"{obase}.id", opcao.id, exigido=True)
            assert opcao_id is not None
            texto = v.texto(f"{obase}.descricao", opcao.descricao, TEXTO_MAX, exigido=True)
            if opcao_id in opcoes_por_id:
                raise v.erro(f"{obase}.id", "O campo '{campo}' repete o identificador de outra opção")
            opcoes_por_id[opcao_id] = (t, texto or "")
            opcoes.append({"id": opcao_id, "descricao": texto})
        tipos.append({"id": str(uuid.uuid4()), "descricao": descricao, "opcoes": opcoes})

    if not variacao.produtos:
        raise v.erro("variacao.produtos", "O campo '{campo}' deve conter ao menos 1 item")
    filhos = []
    combinacoes: set[tuple[str, ...]] = set()
    for p, produto in enumerate(variacao.produtos):
        base = f"variacao.produtos[{p}]"
        if produto is None:
            raise v.obrigatorio(base)
        nome = v.texto(f"{base}.nome", produto.nome, NOME_MAX, exigido=True)
        assert nome is not None
        sku = v.sku(f"{base}.codigo_sku", produto.codigo_sku)
        ean = v.ean(f"{base}.codigo_ean", produto.codigo_ean)
        valor = v.dinheiro(f"{base}.valor_venda", produto.valor_venda)
        saldo = v.quantidade(f"{base}.saldo", produto.saldo) or Decimal("0")
        escolhidas: dict[int, dict] = {}
        for o, opcao_id in enumerate(produto.opcoes or []):
            oid = v.uuid(f"{base}.opcoes[{o}].id", opcao_id, exigido=True)
            assert oid is not None
            if oid not in opcoes_por_id:
                raise v.erro(
                    f"{base}.opcoes[{o}].id",
                    "O campo '{campo}' não corresponde a nenhuma opção de 'variacao.tipos'",
                )
            t, texto = opcoes_por_id[oid]
            if t in escolhidas:
                raise v.erro(f"{base}.opcoes", "O campo '{campo}' deve ter uma única opção de cada tipo")
            escolhidas[t] = {"id": oid, "descricao": texto}
        if len(escolhidas) != len(tipos):
            raise v.erro(f"{base}.opcoes", "O campo '{campo}' deve ter uma opção de cada tipo de variação")
        ordered = tuple(escolhidas[t] for t in range(len(tipos)))
        combinacao = tuple(o["id"] for o in ordered)
        if combinacao in combinacoes:
            raise v.erro(f"{base}.opcoes", "O campo '{campo}' repete a combinação de opções de outro produto")
        combinacoes.add(combinacao)
        filhos.append(FilhoValido(nome, sku, ean, valor, saldo, ordered))
    return tuple(tipos), tuple(filhos)


def _conversoes(v: _Validador, conversoes: list[ConversaoEntrada | None] | None) -> tuple[dict, ...]:
    out = []
    for i, conversao in enumerate(conversoes or []):
        base = f"conversoes_unidade_medida[{i}]"
        if conversao is None:
            raise v.obrigatorio(base)
        unidade = v.referencia(f"{base}.unidade_medida.id", conversao.unidade_medida)
        if unidade is None:
            raise v.obrigatorio(f"{base}.unidade_medida.id")
        fator = v.quantidade(f"{base}.fator", conversao.fator, positivo=True)
        if fator is None:
            raise v.obrigatorio(f"{base}.fator")
        fornecedores = [
            v.uuid(f"{base}.id_fornecedor[{j}]", f, exigido=True)
            for j, f in enumerate(conversao.id_fornecedor or [])
        ]
        out.append(
            {
                "id_unidade_conversao": str(uuid.uuid4()),
                "unidade_medida": unidade,
                "fator": str(fator),
                "id_fornecedor": fornecedores,
            }
        )
    return tuple(out)


def validar_alteracoes(alteracoes: ProdutoAlteracoes, enviados: set[str]) -> dict[str, object]:
    """A PATCH's fields, checked like a creation's: `{coluna: valor}` of what changes. An explicit null
    clears an optional field; `nome`, `codigo_sku` and `valor_venda` cannot be null (choice
    `produto-patch`)."""
    v = _Validador({})
    out: dict[str, object] = {}
    if "nome" in enviados:
        out["nome"] = v.texto("nome", alteracoes.nome, NOME_MAX, exigido=True)
    if "codigo_sku" in enviados:
        sku = v.sku("codigo_sku", alteracoes.codigo_sku)
        if sku is None:
            raise v.obrigatorio("codigo_sku")
        out["codigo_sku"] = sku
    if "codigo_ean" in enviados:
        out["codigo_ean"] = v.ean("codigo_ean", alteracoes.codigo_ean)
    if "valor_venda" in enviados:
        valor = v.dinheiro("valor_venda", alteracoes.valor_venda)
        if valor is None:
            raise v.obrigatorio("valor_venda")
        out["valor_venda"] = valor
    for name in ("peso_bruto", "peso_liquido"):
        if name in enviados:
            out[name] = v.quantidade(name, getattr(alteracoes, name))
    if "unidade_medida" in enviados:
        out["unidade_medida_id"] = v.referencia("unidade_medida", alteracoes.unidade_medida)
    if "ncm" in enviados:
        out["ncm_id"] = v.referencia("ncm", alteracoes.ncm)
    if "cest" in enviados:
        out["cest_id"] = v.referencia("cest", alteracoes.cest)
    return out


@dataclass(frozen=True, slots=True)
class ReferenciaFiscal:
    """An NCM or CEST a product points at, as the catalogs describe it (None when no longer listed)."""

    id: int
    codigo: str | None
    descricao: str | None


@dataclass(frozen=True)
class ProdutoDetalhe:
    """A product with what its references say: the fiscal codes and the company's unit names."""

    produto: ProdutoRegistro
    ncm: ReferenciaFiscal | None = None
    cest: ReferenciaFiscal | None = None
    unidades: Mapping[int, str | None] = field(default_factory=dict)


def referencia_inexistente(caminho: str, oque: str, campos: Mapping[str, str] | None = None) -> InvalidInput:
    """400 for a reference to something the company does not have (choice `produto-referencias`)."""
    nome = nome_campo(caminho, campos)
    return InvalidInput(f"O campo '{nome}' informa {oque} que não existe", campo=nome)


# The older `/v1/produto` generation's words for the fields it shares (Appendix A.9), for its messages.
CAMPOS_LEGADO: Mapping[str, str] = {
    "descricao": "observacao",
    "pesos_dimensoes.altura": "dimensao.altura",
    "pesos_dimensoes.largura": "dimensao.largura",
    "pesos_dimensoes.profundidade": "dimensao.profundidade",
    "ecommerce.integracao_ativa": "ecommerce.integracao_habilitada",
    "ecommerce.descricao_adicional": "ecommerce.observacao_adicional",
    "ecommerce.descricao_seo": "ecommerce.descricao",
    "variacao.produtos[].codigo_sku": "variacao.produtos[].codigo",
    "variacao.produtos[].saldo": "variacao.produtos[].estoque",
}

# The older generation's `tipo` of a list item (enum PRODUTO, VARIACAO, KIT_PRODUTOS; choice `legacy-produto-tipo`).
TIPO_LEGADO = {PRODUTO: "PRODUTO", KIT_PRODUTO: "KIT_PRODUTOS", VARIACAO_PRODUTO: "VARIACAO"}


def tipo_legado(produto: ProdutoRegistro) -> str:
    if produto.formato == VARIACAO:
        return "VARIACAO"
    return TIPO_LEGADO[produto.tipo]
