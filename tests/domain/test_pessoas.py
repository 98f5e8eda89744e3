"""Pure rules of the Cadastro de Pessoas: the financial summary (properties), vocabularies, keys."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anil.domain import enderecos
from anil.domain.pessoas import (
    ATUAL,
    LEGADO,
    ParcelaAberta,
    PessoaEntrada,
    TipoParcela,
    resumo_financeiro,
    validar,
)
from anil.domain.texto import chave
from anil.errors import InvalidInput

HOJE = date(2026, 3, 15)

parcelas = st.lists(
    st.builds(
        ParcelaAberta,
        tipo=st.sampled_from(TipoParcela),
        data_vencimento=st.dates(min_value=date(2025, 12, 1), max_value=date(2026, 5, 31)),
        valor_aberto=st.decimals(min_value=Decimal("-50"), max_value=Decimal("99999.999"), places=3),
    ),
    max_size=30,
)
hojes = st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 4, 30))


def cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"))


@settings(max_examples=150, deadline=None)
@given(parcelas, hojes)
def test_each_bucket_is_the_sum_of_its_open_installments(items: list[ParcelaAberta], hoje: date) -> None:
    resumo = resumo_financeiro(items, hoje)
    open_items = [(p, Decimal(p.valor_aberto).quantize(Decimal("0.01"), "ROUND_HALF_UP")) for p in items]
    open_items = [(p, v) for p, v in open_items if v > 0]

    def total(tipo: TipoParcela, when) -> Decimal:  # type: ignore[no-untyped-def]
        return sum((v for p, v in open_items if p.tipo is tipo and when(p.data_vencimento)), Decimal("0.00"))

    overdue = lambda d: d < hoje  # noqa: E731
    this_month = lambda d: (d.year, d.month) == (hoje.year, hoje.month)  # noqa: E731
    assert resumo.atrasos_recebimentos == total(TipoParcela.RECEITA, overdue)
    assert resumo.atrasos_pagamentos == total(TipoParcela.DESPESA, overdue)
    assert resumo.recebimentos_mes_atual == total(TipoParcela.RECEITA, this_month)
    assert resumo.pagamentos_mes_atual == total(TipoParcela.DESPESA, this_month)
    assert resumo.abertos_numero == sum(1 for p, _ in open_items if p.tipo is TipoParcela.RECEITA)
    assert resumo.abertos_total == total(TipoParcela.RECEITA, lambda d: True)


@settings(max_examples=100, deadline=None)
@given(parcelas, hojes)
def test_summary_is_exact_in_cents_order_free_and_bounded(items: list[ParcelaAberta], hoje: date) -> None:
    resumo = resumo_financeiro(items, hoje)
    for value in (
        resumo.atrasos_pagamentos,
        resumo.atrasos_recebimentos,
        resumo.pagamentos_mes_atual,
        resumo.recebimentos_mes_atual,
        resumo.abertos_total,
    ):
        assert value == cents(value) and value >= 0
        assert value.as_tuple().exponent == -2
    assert resumo_financeiro(list(reversed(items)), hoje) == resumo
    assert resumo.atrasos_recebimentos <= resumo.abertos_total
    assert resumo.recebimentos_mes_atual <= resumo.abertos_total


@settings(max_examples=100, deadline=None)
@given(parcelas, parcelas, hojes)
def test_summary_is_additive(first: list[ParcelaAberta], second: list[ParcelaAberta], hoje: date) -> None:
    a, b, both = (
        resumo_financeiro(first, hoje),
        resumo_financeiro(second, hoje),
        resumo_financeiro(first + second, hoje),
    )
    assert both.atrasos_recebimentos == a.atrasos_recebimentos + b.atrasos_recebimentos
    assert both.pagamentos_mes_atual == a.pagamentos_mes_atual + b.pagamentos_mes_atual
    assert both.abertos_numero == a.abertos_numero + b.abertos_numero
    assert both.abertos_total == a.abertos_total + b.abertos_total


def test_summary_examples() -> None:
    receita, despesa = TipoParcela.RECEITA, TipoParcela.DESPESA
    items = [
        ParcelaAberta(receita, HOJE - timedelta(days=20), Decimal("100.005")),  # last month, overdue
        ParcelaAberta(receita, date(2026, 3, 1), Decimal("50")),  # this month, overdue
        ParcelaAberta(receita, date(2026, 3, 31), Decimal("0.10")),  # this month, not yet due
        ParcelaAberta(receita, date(2026, 4, 5), Decimal("0")),  # nothing open: ignored
        ParcelaAberta(despesa, HOJE, Decimal("70.49")),  # due today: not overdue
    ]
    resumo = resumo_financeiro(items, HOJE)
    assert resumo.atrasos_recebimentos == Decimal("150.01")
    assert resumo.recebimentos_mes_atual == Decimal("50.10")
    assert resumo.atrasos_pagamentos == Decimal("0.00")
    assert resumo.pagamentos_mes_atual == Decimal("70.49")
    assert (resumo.abertos_numero, resumo.abertos_total) == (3, Decimal("150.11"))
    empty = resumo_financeiro([], HOJE)
    assert empty.abertos_numero == 0 and empty.abertos_total == Decimal("0.00")


# ---------------------------------------------------------------------------------- vocabularies ----


def test_the_two_generations_share_rules_but_not_words() -> None:
    assert (
        validar(PessoaEntrada(nome="A", tipo_pessoa="Física", perfis=["Cliente"]), ATUAL).tipo_pessoa
        == "FISICA"
    )
    assert validar(PessoaEntrada(nome="A", tipo_pessoa="FISICA", perfis=["CLIENTE"]), LEGADO).perfis == {
        "CLIENTE"
    }
    with pytest.raises(InvalidInput) as current:
        validar(PessoaEntrada(nome="A", tipo_pessoa="FISICA", perfis=["CLIENTE"]), ATUAL)
    assert "Física, Jurídica, Estrangeira" in current.value.message
    full = PessoaEntrada(nome="A", tipo_pessoa="FISICA", perfis=["CLIENTE"], cpf="52998224725", codigo="1")
    with pytest.raises(InvalidInput) as legacy:
        validar(full, LEGADO, completo=True)
    assert legacy.value.message == "O campo 'registro_geral' é obrigatório"


def test_keys_ignore_case_accents_and_punctuation() -> None:
    assert chave("  São-Paulo D'Oeste ") == "sao paulo d oeste"
    assert chave(None) == ""


def test_ibge_lookup_and_cep_ranges() -> None:
    assert enderecos.municipio("sao paulo", "sp").codigo == 3550308  # type: ignore[union-attr]
    assert enderecos.municipio("Alta Floresta d'Oeste", "RO").codigo == 1100015  # type: ignore[union-attr]
    assert enderecos.municipio("São Paulo", "RJ") is None
    assert len(enderecos.municipios()) == 5571
    assert enderecos.normalizar_cep("01310-100") == "01310100"
    assert enderecos.normalizar_cep("1310-100") is None
    import random

    rng = random.Random(7)
    for uf in enderecos.UFS:
        for _ in range(20):
            assert enderecos.cep_da_uf(uf, enderecos.gerar_cep(uf, rng)), uf
