"""The installment generator (`domain.condicao_pagamento`) and the sale's value composition
(`domain.vendas`): examples from the seeds, and properties over random items, discounts, freight and
payment conditions — installments sum exactly to the total and follow Conta Azul's cent distribution."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anil.domain import vendas as regras
from anil.domain.condicao_pagamento import (
    MAXIMO_PARCELAS,
    dividir,
    gerar,
    interpretar,
    somar_meses,
)
from anil.errors import InvalidInput

CENT = Decimal("0.01")


def test_seed_004_140_in_three() -> None:
    assert dividir(Decimal("140.00"), 3) == [Decimal("46.67"), Decimal("46.67"), Decimal("46.66")]


@pytest.mark.parametrize(
    ("total", "n", "esperado"),
    [
        ("100.00", 3, ["33.34", "33.33", "33.33"]),
        ("100.00", 4, ["25.00", "25.00", "25.00", "25.00"]),
        ("0.05", 3, ["0.02", "0.02", "0.01"]),
        ("0.01", 3, ["0.01", "0.00", "0.00"]),
        ("10.00", 1, ["10.00"]),
    ],
)
def test_cent_distribution_examples(total: str, n: int, esperado: list[str]) -> None:
    assert dividir(Decimal(total), n) == [Decimal(v) for v in esperado]


@pytest.mark.parametrize("opcao", ["À vista", "à vista", "A vista", "  À   VISTA ", "avista"])
def test_a_vista_spellings(opcao: str) -> None:
    (parcela,) = gerar(opcao, Decimal("50.00"), date(2026, 1, 31))
    assert parcela.data_vencimento == date(2026, 1, 31) and parcela.valor == Decimal("50.00")


def test_nx_is_monthly_from_the_base_date_clamped_to_month_end() -> None:
    parcelas = gerar("4x", Decimal("100.00"), date(2026, 1, 31))
    assert [p.data_vencimento for p in parcelas] == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
        date(2026, 4, 30),
    ]
    assert [p.numero for p in parcelas] == [1, 2, 3, 4]
    assert [p.descricao for p in parcelas] == ["Parcela 1/4", "Parcela 2/4", "Parcela 3/4", "Parcela 4/4"]


def test_day_offsets() -> None:
    parcelas = gerar("15, 30,45", Decimal("90.00"), date(2026, 12, 20))
    assert [p.data_vencimento for p in parcelas] == [date(2027, 1, 4), date(2027, 1, 19), date(2027, 2, 3)]
    assert [p.valor for p in parcelas] == [Decimal("30.00")] * 3


@pytest.mark.parametrize(
    "opcao", ["", "  ", "Parcelado", "0x", f"{MAXIMO_PARCELAS + 1}x", "30,30", "60,30", "30;60", "x3", "-30"]
)
def test_invalid_options(opcao: str) -> None:
    with pytest.raises(InvalidInput):
        interpretar(opcao)


centavos = st.integers(min_value=0, max_value=10**11)
quantidades = st.integers(min_value=1, max_value=MAXIMO_PARCELAS)


@given(total=centavos, n=quantidades)
def test_installments_sum_exactly_and_the_first_ones_take_the_extra_cents(total: int, n: int) -> None:
    valor = Decimal(total) * CENT
    partes = dividir(valor, n)
    assert len(partes) == n
    assert sum(partes, Decimal(0)) == valor
    assert all(p == p.quantize(CENT) for p in partes)
    base = (Decimal(total // n) * CENT).quantize(CENT)
    extras = total % n
    assert partes == [base + CENT] * extras + [base] * (n - extras)


opcoes = st.one_of(
    st.just("À vista"),
    st.integers(min_value=1, max_value=48).map(lambda n: f"{n}x"),
    st.lists(st.integers(min_value=0, max_value=720), min_size=1, max_size=24, unique=True).map(
        lambda dias: ",".join(str(d) for d in sorted(dias))
    ),
)


@given(total=centavos, opcao=opcoes, base=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_generated_installments_match_the_condition(total: int, opcao: str, base: date) -> None:
    valor = Decimal(total) * CENT
    condicao = interpretar(opcao)
    parcelas = gerar(opcao, valor, base)
    assert len(parcelas) == condicao.quantidade
    assert sum((p.valor for p in parcelas), Decimal(0)) == valor
    assert max(p.valor for p in parcelas) - min(p.valor for p in parcelas) <= CENT
    assert [p.valor for p in parcelas] == sorted((p.valor for p in parcelas), reverse=True)
    datas = [p.data_vencimento for p in parcelas]
    assert datas == sorted(datas) and datas[0] >= base
    if condicao.dias:
        assert datas == [base + timedelta(days=d) for d in condicao.dias]


@given(dia=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), meses=st.integers(0, 240))
def test_adding_months_keeps_the_day_or_the_months_last(dia: date, meses: int) -> None:
    resultado = somar_meses(dia, meses)
    assert (resultado.year * 12 + resultado.month) - (dia.year * 12 + dia.month) == meses
    assert resultado.day == dia.day or (resultado.day < dia.day and (resultado + timedelta(days=1)).day == 1)


# ----------------------------------------------------------------------------- the sale's total ----

precos = st.integers(min_value=0, max_value=10**7).map(lambda c: Decimal(c) * CENT)
qtds = st.integers(min_value=1, max_value=10**6).map(lambda q: Decimal(q) / 100)
itens = st.lists(st.tuples(qtds, precos), min_size=1, max_size=8)
descontos = st.one_of(
    st.none(),
    st.tuples(st.just("PORCENTAGEM"), st.integers(0, 10000).map(lambda c: Decimal(c) / 100)),
    st.tuples(st.just("VALOR"), precos),
)


def _venda(linhas, desconto, frete: Decimal, opcao: str) -> regras.VendaEntrada:  # type: ignore[no-untyped-def]
    valores = regras.composicao(
        [regras.ItemValido("x", q, v, None, None, None) for q, v in linhas],
        desconto[0] if desconto else None,
        desconto[1] if desconto else None,
        frete,
    )
    parcelas = gerar(opcao, valores.valor_liquido, date(2026, 1, 15)) if valores.valor_liquido >= 0 else []
    return regras.VendaEntrada(
        id_cliente="7e295c87-5ad6-432e-abcb-f00dd661d441",
        numero=1,
        situacao="APROVADO",
        data_venda=date(2026, 1, 15),
        itens=tuple(
            regras.ItemEntrada(id="d6394617-c6d5-4962-a7bd-d52e381fb207", quantidade=q, valor=v)
            for q, v in linhas
        ),
        composicao_de_valor=regras.ComposicaoEntrada(
            frete=frete,
            desconto=regras.DescontoEntrada(desconto[0], desconto[1]) if desconto else None,
        ),
        condicao_pagamento=regras.CondicaoEntrada(
            opcao_condicao_pagamento=opcao,
            parcelas=tuple(regras.ParcelaEntrada(p.data_vencimento, p.valor, None) for p in parcelas),
        ),
    )


@given(linhas=itens, desconto=descontos, frete=precos, opcao=opcoes)
def test_generated_installments_are_accepted_for_any_sale(linhas, desconto, frete, opcao) -> None:  # type: ignore[no-untyped-def]
    entrada = _venda(linhas, desconto, frete, opcao)
    bruto = sum((q * v for q, v in linhas), Decimal(0)).quantize(CENT, rounding=ROUND_HALF_UP)
    if desconto is None:
        desc = Decimal("0.00")
    elif desconto[0] == "VALOR":
        desc = desconto[1]
    else:
        desc = (bruto * desconto[1] / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    total = bruto - desc + frete
    if total < 0:
        with pytest.raises(InvalidInput, match="desconto não pode ser maior"):
            regras.validar_venda(entrada)
        return
    valida = regras.validar_venda(entrada)
    assert valida.composicao.valor_bruto == bruto
    assert valida.composicao.valor_liquido == total
    assert sum((p.valor for p in valida.parcelas), Decimal(0)) == total


@given(linhas=itens, opcao=opcoes, erro=st.integers(min_value=1, max_value=500))
def test_installments_off_by_any_cent_are_refused_with_faq_37s_message(linhas, opcao, erro: int) -> None:  # type: ignore[no-untyped-def]
    entrada = _venda(linhas, None, Decimal("0.00"), opcao)
    assert entrada.condicao_pagamento is not None and entrada.condicao_pagamento.parcelas
    primeira, *resto = entrada.condicao_pagamento.parcelas
    errada = regras.ParcelaEntrada(primeira.data_vencimento, primeira.valor + erro * CENT, None)
    alterada = regras.VendaEntrada(
        **{
            **{f: getattr(entrada, f) for f in entrada.__dataclass_fields__},
            "condicao_pagamento": regras.CondicaoEntrada(
                opcao_condicao_pagamento=opcao, parcelas=(errada, *resto)
            ),
        }
    )
    with pytest.raises(
        InvalidInput, match=r"^O valor total das parcelas R\$ [\d.]+,\d\d difere do valor total"
    ):
        regras.validar_venda(alterada)


def test_real_formats_brazilian_money() -> None:
    assert regras.real(Decimal("1234567.8")) == "R$ 1.234.567,80"
    assert regras.real(Decimal("0.5")) == "R$ 0,50"
