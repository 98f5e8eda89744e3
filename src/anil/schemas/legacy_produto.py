"""`/v1/produto*` wire models: the older Produto revision (catalog Appendix A.9, provider file
`conta-azul-inventory-openapi.yml`), over the same records as `/v1/produtos`.

A thin mapping layer (choice `legacy-produto-fields`): `observacao` = `descricao`, `dimensao` = the
measures of `pesos_dimensoes`, `ecommerce.integracao_habilitada` = `integracao_ativa`,
`ecommerce.observacao_adicional` = `descricao_adicional`, `ecommerce.descricao` = `descricao_seo`, a
variation's `codigo` = `codigo_sku` and `estoque` = `saldo`. Answers leave absent values out (the provider
types them as plain strings and numbers, never null), except `variacao`, null when the product has none,
as the provider's description says.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import RootModel

from anil.domain.produtos import (
    EcommerceEntrada,
    EstoqueEntrada,
    FilhoEntrada,
    OpcaoEntrada,
    PesosEntrada,
    ProdutoEntrada,
    ProdutoRegistro,
    TipoVariacaoEntrada,
    VariacaoEntrada,
    tipo_legado,
)
from anil.errors import InvalidInput
from anil.schemas.common import In, Money
from anil.schemas.produtos import _numero

# ------------------------------------------------------------------------------------------ input ----


class EstoqueIn(In):
    valor_venda: Money | None = None
    custo_medio: Money | None = None
    estoque_disponivel: Decimal | None = None
    estoque_minimo: Decimal | None = None
    estoque_maximo: Decimal | None = None


class DimensaoIn(In):
    altura: Decimal | None = None
    largura: Decimal | None = None
    profundidade: Decimal | None = None


class OpcaoIn(In):
    id: str | None = None
    descricao: str | None = None


class TipoIn(In):
    descricao: str | None = None
    opcoes: list[OpcaoIn | None] | None = None


class ProdutoVariacaoIn(In):
    nome: str | None = None
    codigo: str | None = None
    codigo_ean: str | None = None
    versao: int | None = None
    valor_venda: Money | None = None
    estoque: Decimal | None = None
    opcoes: list[OpcaoIn | None] | None = None


class VariacaoIn(In):
    tipos: list[TipoIn | None] | None = None
    produtos: list[ProdutoVariacaoIn | None] | None = None


class EcommerceIn(In):
    condicao: str | None = None
    integracao_habilitada: bool | None = None
    observacao_adicional: str | None = None
    titulo_seo: str | None = None
    descricao: str | None = None
    url_seo: str | None = None


def _obrigatorio(campo: str) -> InvalidInput:
    return InvalidInput(f"O campo '{campo}' é obrigatório", campo=campo)


class ProdutoIn(In):
    """Body of the older `POST /v1/produto` (`CriacaoProdutoRequest`): `nome`, `formato`, `estoque` and
    `dimensao` required, and each variation's `nome`, `codigo`, `estoque` and `opcoes`."""

    nome: str | None = None
    codigo_sku: str | None = None
    codigo_ean: str | None = None
    observacao: str | None = None
    formato: str | None = None
    estoque: EstoqueIn | None = None
    dimensao: DimensaoIn | None = None
    variacao: VariacaoIn | None = None
    ecommerce: EcommerceIn | None = None

    def entrada(self) -> ProdutoEntrada:
        if not (self.nome or "").strip():
            raise _obrigatorio("nome")
        for name in ("formato", "estoque", "dimensao"):
            value = getattr(self, name)
            if value is None or (isinstance(value, str) and not value.strip()):
                raise _obrigatorio(name)
        assert self.estoque is not None and self.dimensao is not None
        variacao = None
        if self.variacao is not None:
            for p, produto in enumerate(self.variacao.produtos or []):
                for name in ("codigo", "estoque", "opcoes"):
                    if produto is not None and getattr(produto, name) is None:
                        raise _obrigatorio(f"variacao.produtos[{p}].{name}")
            variacao = VariacaoEntrada(
                tipos=None
                if self.variacao.tipos is None
                else [
                    TipoVariacaoEntrada(
                        t.descricao,
                        None
                        if t.opcoes is None
                        else [OpcaoEntrada(o.id, o.descricao) if o else None for o in t.opcoes],
                    )
                    if t
                    else None
                    for t in self.variacao.tipos
                ],
                produtos=None
                if self.variacao.produtos is None
                else [
                    FilhoEntrada(
                        nome=p.nome,
                        codigo_sku=p.codigo,
                        codigo_ean=p.codigo_ean,
                        valor_venda=p.valor_venda,
                        saldo=p.estoque,
                        opcoes=None if p.opcoes is None else [o.id if o else None for o in p.opcoes],
                    )
                    if p
                    else None
                    for p in self.variacao.produtos
                ],
            )
        eco = self.ecommerce
        return ProdutoEntrada(
            nome=self.nome,
            descricao=self.observacao,
            codigo_sku=self.codigo_sku,
            codigo_ean=self.codigo_ean,
            formato=self.formato,
            estoque=EstoqueEntrada(
                self.estoque.valor_venda,
                self.estoque.custo_medio,
                self.estoque.estoque_disponivel,
                self.estoque.estoque_minimo,
                self.estoque.estoque_maximo,
            ),
            pesos_dimensoes=PesosEntrada(
                altura=self.dimensao.altura,
                largura=self.dimensao.largura,
                profundidade=self.dimensao.profundidade,
            ),
            ecommerce=EcommerceEntrada(
                condicao=eco.condicao,
                descricao_adicional=eco.observacao_adicional,
                descricao_seo=eco.descricao,
                titulo_seo=eco.titulo_seo,
                url_seo=eco.url_seo,
                integracao_ativa=eco.integracao_habilitada,
            )
            if eco is not None
            else None,
            variacao=variacao,
        )


class IdsIn(RootModel[list[str] | None]):
    """Body of `POST /v1/produto/desativar`: a bare JSON array of product ids."""


# ----------------------------------------------------------------------------------------- output ----


def _n(value: Decimal | None) -> float | int | None:
    return None if value is None else _numero(value)


def _sem_nulos(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


def _opcoes(opcoes: list[dict]) -> list[dict[str, Any]]:
    return [{"id": o["id"], "descricao": o["descricao"]} for o in opcoes]


def produto(p: ProdutoRegistro) -> dict[str, Any]:
    """Answer of the older `POST /v1/produto` (`ProdutoResponse`)."""
    out = _sem_nulos(
        {
            "id": p.id,
            "identificador_legado": str(p.seq),
            "ativo": p.ativo,
            "versao": p.versao,
            "nome": p.nome,
            "codigo_sku": p.codigo_sku,
            "codigo_ean": p.codigo_ean,
            "observacao": p.descricao,
            "status": p.status,
            "formato": p.formato,
            "estoque": _sem_nulos(
                {
                    "estoque_total": _n(p.quantidade_total),
                    "valor_venda": _n(p.valor_venda),
                    "custo_medio": _n(p.custo_medio),
                    "estoque_disponivel": _n(p.quantidade_disponivel),
                    "estoque_minimo": _n(p.estoque_minimo),
                    "estoque_maximo": _n(p.estoque_maximo),
                }
            ),
            "dimensoes": _sem_nulos(
                {"altura": _n(p.altura), "largura": _n(p.largura), "profundidade": _n(p.profundidade)}
            ),
            "ecommerce": _sem_nulos(
                {
                    "condicao": p.ecommerce_condicao,
                    "integracao_ativa": p.ecommerce_integracao_ativa,
                    "descricao_adicional": p.ecommerce_descricao_adicional,
                    "titulo_seo": p.ecommerce_titulo_seo,
                    "descricao_seo": p.ecommerce_descricao_seo,
                    "url_seo": p.ecommerce_url_seo,
                }
            ),
        }
    )
    out["variacao"] = None
    if p.formato == "VARIACAO":
        out["variacao"] = {
            "tipos": [
                {"id": t["id"], "descricao": t["descricao"], "opcoes": _opcoes(t["opcoes"])}
                for t in p.variacao_tipos
            ],
            "produtos": [
                _sem_nulos(
                    {
                        "id": f.id,
                        "nome": f.nome,
                        "codigo": f.codigo_sku,
                        "codigo_ean": f.codigo_ean,
                        "versao": f.versao,
                        "valor_venda": _n(f.valor_venda),
                        "estoque": _n(f.quantidade_disponivel),
                        "opcoes": _opcoes(f.variacao_opcoes),
                    }
                )
                for f in p.filhos
            ],
        }
    return out


def item(p: ProdutoRegistro, filho: bool = False) -> dict[str, Any]:
    """One of `itens` of `GET /v1/produto/busca` (`ProductListResponse`); a variation as one of `filhos`."""
    return _sem_nulos(
        {
            "id": p.id,
            "id_legado": p.seq,
            "nome": p.nome,
            "codigo_sku": p.codigo_sku,
            "codigo_ean": p.codigo_ean,
            "tipo": tipo_legado(p),
            "status": p.status,
            "estoque": _n(p.quantidade_disponivel),
            "valor_venda": _n(p.valor_venda),
            "custo_medio": _n(p.custo_medio),
            "filhos": [] if filho else [item(f, filho=True) for f in p.filhos],
            "variacao": 0 if filho else p.contagem_agregacao,
            "nivel_estoque": p.nivel_estoque,
            "estoque_minimo": _n(p.estoque_minimo),
            "estoque_maximo": _n(p.estoque_maximo),
            "movimentado": p.movido,
            "id_pai": p.id_pai,
            "integracao_ecommerce_ativa": p.ecommerce_integracao_ativa,
        }
    )


def pagina(total: int, produtos: list[ProdutoRegistro]) -> dict[str, Any]:
    return {"itens": [item(p) for p in produtos], "itens_totais": total}
