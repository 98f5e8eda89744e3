"""The proposal's value rules (`anil.domain.orcamentos`): for random lines, discounts and freight the
total is Σ quantidade × valor − desconto + frete to the cent, never negative, and matches the sales'
own composition (proposals become sales with the same total)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anil.domain import vendas
from anil.domain.orcamentos import ItemEntrada, OrcamentoEntrada, tipo_dos_itens, transicao, validar
from anil.errors import InvalidInput

UUID = "8f2c1f52-0d7e-4a55-9a9e-2c1e7f0a6b11"

quantidades = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal(1000), places=4)
valores = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(100000), places=2)
linhas = st.lists(st.tuples(quantidades, valores), min_size=1, max_size=8)
fretes = st.one_of(st.none(), st.decimals(min_value=Decimal(0), max_value=Decimal(1000), places=2))
percentuais = st.decimals(min_value=Decimal(0), max_value=Decimal(100), places=4)


def _entrada(itens: list[tuple[Decimal, Decimal]], **extra: object) -> OrcamentoEntrada:
    return OrcamentoEntrada(
        id_cliente=UUID,
        data_orcamento="2026-05-01",
        data_validade="2026-05-01",
        itens=[ItemEntrada(UUID, q, v) for q, v in itens],
        **extra,  # type: ignore[arg-type]
    )


@settings(max_examples=200, deadline=None)
@given(linhas, fretes, percentuais)
def test_percentage_discounts_make_the_sales_total(
    itens: list[tuple[Decimal, Decimal]], frete: Decimal | None, taxa: Decimal
) -> None:
    valido = validar(
        _entrada(itens, frete=frete, desconto_enviado=True, desconto_tipo="PORCENTAGEM", desconto_valor=taxa)
    )
    exato = sum((q * v for q, v in itens), Decimal(0))
    assert valido.valor_bruto == exato.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert Decimal(0) <= valido.desconto <= valido.valor_bruto
    assert valido.total == valido.valor_bruto - valido.desconto + (frete or Decimal(0))
    assert valido.total >= 0 and valido.total.as_tuple().exponent == -2
    venda = vendas.composicao(
        [vendas.ItemValido(UUID, i.quantidade, i.valor, None, None, None) for i in valido.itens],
        "PORCENTAGEM",
        taxa,
        frete or Decimal(0),
    )
    assert venda.valor_liquido == valido.total


@settings(max_examples=200, deadline=None)
@given(linhas, st.decimals(min_value=Decimal(0), max_value=Decimal(10**7), places=2))
def test_value_discounts_up_to_the_gross_only(
    itens: list[tuple[Decimal, Decimal]], desconto: Decimal
) -> None:
    entrada = _entrada(itens, desconto_enviado=True, desconto_tipo="VALOR", desconto_valor=desconto)
    bruto = sum((q * v for q, v in itens), Decimal(0)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if desconto > bruto:
        with pytest.raises(InvalidInput, match="O desconto não pode ser maior"):
            validar(entrada)
    else:
        assert validar(entrada).total == bruto - desconto


def test_kinds_and_lifecycle() -> None:
    assert tipo_dos_itens({"PRODUTO"}) == "PRODUTO"
    assert tipo_dos_itens({"SERVICO"}) == "SERVICO"
    assert tipo_dos_itens({"PRODUTO", "SERVICO"}) == "PRODUTO_E_SERVICO"
    transicao("ORCAMENTO", "ORCAMENTO_ACEITO")
    transicao("ORCAMENTO_RECUSADO", "ORCAMENTO")
    transicao("ORCAMENTO_ACEITO", "ORCAMENTO_ACEITO")
    with pytest.raises(InvalidInput):
        transicao("ORCAMENTO_ACEITO", "ORCAMENTO_RECUSADO")
