"""The contract schedule and the contract's state on a day (`anil.domain.contratos`), pure."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anil.domain.contratos import (
    MAXIMO_VENDAS,
    SEM_VENDA,
    ContratoEntrada,
    ItemEntrada,
    VendaAgendada,
    agenda,
    primeira_emissao,
    situacao,
    somar_meses,
    validar,
)
from anil.errors import InvalidInput

ITEM = "5b0c6f1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b"
CLIENTE = "7c891978-cf0f-4d6d-b84f-9918f182128d"


def entrada(**campos: object) -> ContratoEntrada:
    base: dict = {
        "id_cliente": CLIENTE,
        "termos": True,
        "numero": 1,
        "data_inicio": date(2026, 8, 15),
        "data_fim": date(2027, 8, 15),
        "dia_emissao_venda": 15,
        "intervalo_frequencia": 1,
        "tipo_frequencia": "MENSAL",
        "tipo_expiracao": "NUNCA",
        "condicao_pagamento": True,
        "tipo_pagamento": "BOLETO_BANCARIO",
        "dia_vencimento": 20,
        "primeira_data_vencimento": date(2026, 8, 20),
        "itens": (ItemEntrada(ITEM, Decimal("1"), Decimal("150")),),
    }
    base.update(campos)
    return ContratoEntrada(**base)


def test_mensal_nunca_schedules_25_sales_two_years_ahead() -> None:
    vendas = agenda(validar(entrada()))
    assert len(vendas) == 25
    assert vendas[0].data_emissao == date(2026, 8, 15)
    assert vendas[-1].data_emissao == date(2028, 8, 15)
    assert [v.data_vencimento for v in vendas[:3]] == [
        date(2026, 8, 20),
        date(2026, 9, 20),
        date(2026, 10, 20),
    ]
    assert [v.indice for v in vendas] == list(range(1, 26))


def test_mensal_data_over_one_month_schedules_two() -> None:
    vendas = agenda(validar(entrada(tipo_expiracao="DATA", data_fim=date(2026, 9, 15))))
    assert [v.data_emissao for v in vendas] == [date(2026, 8, 15), date(2026, 9, 15)]


def test_anual_with_interval_and_day_31_clamped() -> None:
    valido = validar(
        entrada(
            tipo_frequencia="ANUAL",
            intervalo_frequencia=2,
            tipo_expiracao="DATA",
            data_inicio=date(2026, 1, 10),
            data_fim=date(2032, 12, 31),
            dia_emissao_venda=31,
            primeira_data_vencimento=date(2026, 2, 28),
            dia_vencimento=29,
        )
    )
    vendas = agenda(valido)
    assert [v.data_emissao for v in vendas] == [
        date(2026, 1, 31),
        date(2028, 1, 31),
        date(2030, 1, 31),
        date(2032, 1, 31),
    ]
    # February 29 only when the year has it
    assert [v.data_vencimento for v in vendas] == [
        date(2026, 2, 28),
        date(2028, 2, 29),
        date(2030, 2, 28),
        date(2032, 2, 29),
    ]


def test_first_emission_is_the_next_matching_day() -> None:
    assert primeira_emissao(date(2026, 8, 16), 15) == date(2026, 9, 15)
    assert primeira_emissao(date(2026, 2, 1), 31) == date(2026, 2, 28)
    assert primeira_emissao(date(2026, 1, 31), 31) == date(2026, 1, 31)
    assert somar_meses(date(2026, 1, 31), 1) == date(2026, 2, 28)


def test_older_revision_data_emissao_sets_the_first_sale_and_defaults() -> None:
    valido = validar(
        entrada(
            data_emissao=date(2026, 8, 25),
            dia_emissao_venda=None,
            intervalo_frequencia=None,
            tipo_pagamento="CARTAO_CREDITO_VIA_LINK",
            tipo_expiracao="DATA",
            data_fim=date(2026, 10, 31),
        )
    )
    assert valido.tipo_pagamento == "LINK_PAGAMENTO"
    assert [v.data_emissao for v in agenda(valido)] == [
        date(2026, 8, 25),
        date(2026, 9, 25),
        date(2026, 10, 25),
    ]


@pytest.mark.parametrize(
    ("campos", "mensagem"),
    [
        ({"id_cliente": None}, "O campo 'id_cliente' é obrigatório"),
        ({"id_cliente": "x"}, "O campo 'id_cliente' deve ser um identificador (uuid) válido"),
        ({"termos": False}, "O campo 'termos' é obrigatório"),
        ({"numero": None}, "O número do contrato é obrigatório"),
        ({"numero": 0}, "O campo 'termos.numero' deve ser maior ou igual a 1"),
        ({"data_inicio": None}, "Data de início da recorrência não pode ser nula"),
        ({"data_fim": None}, "Data de fim da recorrência não pode ser nula"),
        (
            {"data_fim": date(2026, 8, 14)},
            "A data de fim da recorrência não pode ser anterior à data de início",
        ),
        ({"dia_emissao_venda": 32}, "O campo 'termos.dia_emissao_venda' deve estar entre 1 e 31"),
        ({"intervalo_frequencia": 61}, "O campo 'termos.intervalo_frequencia' deve estar entre 1 e 60"),
        (
            {"tipo_frequencia": "SEMANAL"},
            "O campo 'termos.tipo_frequencia' deve ser um dos seguintes valores: MENSAL, ANUAL",
        ),
        (
            {"tipo_expiracao": "VEZES"},
            "O campo 'termos.tipo_expiracao' deve ser um dos seguintes valores: DATA, NUNCA",
        ),
        ({"condicao_pagamento": False}, "O campo 'condicao_pagamento' é obrigatório"),
        ({"tipo_pagamento": None}, "O campo 'condicao_pagamento.tipo_pagamento' é obrigatório"),
        ({"dia_vencimento": 0}, "O campo 'condicao_pagamento.dia_vencimento' deve estar entre 1 e 31"),
        (
            {"primeira_data_vencimento": None},
            "O campo 'condicao_pagamento.primeira_data_vencimento' é obrigatório",
        ),
        ({"itens": None}, "O campo 'itens' é obrigatório"),
        ({"itens": None, "itens_em_termos": True}, "Lista de itens da recorrência não pode ser vazia"),
        ({"itens": ()}, "Lista de itens da recorrência não pode ser vazia"),
        (
            {"itens": (ItemEntrada(ITEM, Decimal(0), Decimal(1)),)},
            "O campo 'itens[0].quantidade' deve ser maior que zero",
        ),
        (
            {"itens": (ItemEntrada(ITEM, Decimal(1), Decimal(-1)),)},
            "O campo 'itens[0].valor' não pode ser negativo",
        ),
        (
            {"itens": (ItemEntrada(ITEM, Decimal(1), Decimal(0)),)},
            "O valor total do contrato deve ser maior que zero",
        ),
        (
            {"desconto": True, "desconto_tipo": "PORCENTAGEM", "desconto_valor": Decimal(101)},
            "O campo 'composicao_de_valor.desconto.valor' deve estar entre 0 e 100",
        ),
        (
            {"desconto": True, "desconto_tipo": "VALOR", "desconto_valor": Decimal(151)},
            "O desconto não pode ser maior que o valor bruto do contrato",
        ),
        (
            {"tipo_expiracao": "DATA", "data_inicio": date(2026, 8, 16), "data_fim": date(2026, 8, 31)},
            "O período informado não gera nenhuma venda para o contrato",
        ),
        (
            {"tipo_expiracao": "DATA", "data_fim": date(2040, 1, 1)},
            f"O contrato não pode gerar mais de {MAXIMO_VENDAS} vendas",
        ),
    ],
)
def test_rules_one_field_at_a_time(campos: dict, mensagem: str) -> None:
    with pytest.raises(InvalidInput) as info:
        validar(entrada(**campos))
    assert info.value.message == mensagem


def test_value_composition_discount_and_freight() -> None:
    valido = validar(
        entrada(
            itens=(
                ItemEntrada(ITEM, Decimal("3"), Decimal("33.33")),
                ItemEntrada(ITEM, Decimal("0.5"), Decimal("10.01")),
            ),
            frete=Decimal("7.5"),
            desconto=True,
            desconto_tipo="PORCENTAGEM",
            desconto_valor=Decimal("10"),
        )
    )
    # 99.99 + 5.005 = 105.00 (to the cent on the sum); 10% = 10.50; + 7.50
    assert valido.composicao.valor_bruto == Decimal("105.00")
    assert valido.composicao.desconto == Decimal("10.50")
    assert valido.valor_venda == Decimal("102.00")


def _vendas(n: int, inicio: date) -> list[VendaAgendada]:
    return [
        VendaAgendada(
            f"00000000-0000-0000-0000-{i:012d}",
            i,
            somar_meses(inicio, i - 1),
            somar_meses(inicio, i - 1) + timedelta(days=5),
            Decimal("10.00"),
            False,
        )
        for i in range(1, n + 1)
    ]


def test_state_on_a_day() -> None:
    vendas = _vendas(4, date(2026, 8, 15))
    antes = situacao(vendas, date(2026, 8, 14))
    assert (antes.vigencia_atual, antes.vigencia_restante, antes.vigencia_total) == (0, 4, 4)
    assert antes.id_ultima_venda_confirmada == SEM_VENDA
    assert antes.id_proxima_venda_agendada == vendas[0].venda_id
    depois = situacao(vendas, date(2026, 9, 21))
    assert (depois.vigencia_atual, depois.vigencia_restante) == (2, 2)
    assert depois.id_ultima_venda_confirmada == vendas[1].venda_id
    assert depois.data_proxima_emissao == date(2026, 10, 15)
    assert depois.data_proximo_vencimento == date(2026, 10, 20)
    assert depois.data_ultima_emissao == date(2026, 11, 15)
    fim = situacao(vendas, date(2030, 1, 1))
    assert (fim.vigencia_atual, fim.vigencia_restante, fim.id_proxima_venda_agendada) == (4, 0, SEM_VENDA)
    assert fim.data_proximo_vencimento is None


@given(
    inicio=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    dia=st.integers(1, 31),
    intervalo=st.integers(1, 60),
    frequencia=st.sampled_from(["MENSAL", "ANUAL"]),
    meses=st.integers(0, 110),  # at most 111 monthly sales: under the cap
    dia_vencimento=st.integers(1, 31),
)
def test_schedule_properties(
    inicio: date, dia: int, intervalo: int, frequencia: str, meses: int, dia_vencimento: int
) -> None:
    """Every emission within the period, on the chosen day (clamped), `intervalo` periods apart, and the
    due dates a month-step apart on the chosen day; NUNCA ignores data_fim."""
    fim = somar_meses(inicio, meses)
    for expiracao in ("DATA", "NUNCA"):
        try:
            vendas = agenda(
                validar(
                    entrada(
                        data_inicio=inicio,
                        data_fim=fim,
                        dia_emissao_venda=dia,
                        intervalo_frequencia=intervalo,
                        tipo_frequencia=frequencia,
                        tipo_expiracao=expiracao,
                        dia_vencimento=dia_vencimento,
                        primeira_data_vencimento=inicio,
                    )
                )
            )
        except InvalidInput as exc:
            assert expiracao == "DATA" and "nenhuma venda" in exc.message
            assert primeira_emissao(inicio, dia) > fim
            continue
        passo = intervalo * (12 if frequencia == "ANUAL" else 1)
        limite = fim if expiracao == "DATA" else somar_meses(vendas[0].data_emissao, 24)
        assert vendas[0].data_emissao == primeira_emissao(inicio, dia)
        for k, venda in enumerate(vendas):
            assert inicio <= venda.data_emissao <= limite
            assert venda.data_emissao == somar_meses(vendas[0].data_emissao, k * passo, dia)
            if k:
                assert venda.data_vencimento == somar_meses(inicio, k * passo, dia_vencimento)
        assert somar_meses(vendas[0].data_emissao, len(vendas) * passo, dia) > limite
