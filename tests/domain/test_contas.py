"""Pure rules of contas financeiras: the value composition, the balance over movements (properties), input rules."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anil.domain.contas import (
    BANCOS,
    TIPOS_CONTA,
    ComposicaoValor,
    ContaEntrada,
    Movimento,
    PernaEntrada,
    Sentido,
    TransferenciaEntrada,
    saldo_atual,
    tipo_saldo_inicial,
    validar_conta,
    validar_transferencia,
)
from anil.domain.naturezas import PADRAO, TEMPLATES, natureza_id, template_padrao
from anil.errors import InvalidInput

HOJE = date(2026, 3, 15)

amounts = st.decimals(min_value=Decimal("-1000000"), max_value=Decimal("1000000"), places=2)
parts = st.decimals(min_value=Decimal("0"), max_value=Decimal("10000"), places=2)
composicoes = st.builds(
    ComposicaoValor, valor_bruto=parts, juros=parts, multa=parts, desconto=parts, taxa=parts
)
movimentos = st.lists(
    st.builds(
        Movimento,
        data=st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 12, 31)),
        sentido=st.sampled_from(Sentido),
        composicao=composicoes,
    ),
    max_size=40,
)


@given(composicoes)
def test_valor_liquido_is_gross_plus_interest_and_fine_minus_discount_and_fee(c: ComposicaoValor) -> None:
    assert c.valor_liquido == c.valor_bruto + c.juros + c.multa - c.desconto - c.taxa
    assert c.valor_liquido == c.valor_liquido.quantize(Decimal("0.01"))


@given(amounts, movimentos, st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 12, 31)))
def test_saldo_is_the_initial_balance_plus_entries_minus_exits_up_to_the_day(
    inicial: Decimal, movs: list[Movimento], ate: date
) -> None:
    entradas = sum(
        (m.composicao.valor_liquido for m in movs if m.sentido is Sentido.ENTRADA and m.data <= ate),
        Decimal(0),
    )
    saidas = sum(
        (m.composicao.valor_liquido for m in movs if m.sentido is Sentido.SAIDA and m.data <= ate), Decimal(0)
    )
    assert saldo_atual(inicial, movs, ate) == inicial + entradas - saidas


@given(amounts, movimentos, st.randoms())
def test_saldo_does_not_depend_on_the_order_of_the_movements(
    inicial: Decimal, movs: list[Movimento], rnd
) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(movs)
    rnd.shuffle(shuffled)
    assert saldo_atual(inicial, shuffled) == saldo_atual(inicial, movs)


@given(amounts, movimentos, movimentos)
def test_saldo_adds_up_over_a_split_of_the_movements(inicial: Decimal, first: list, second: list) -> None:
    assert saldo_atual(inicial, first + second) == saldo_atual(saldo_atual(inicial, first), second)


@given(amounts, movimentos, st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 12, 31)))
def test_movements_after_the_day_do_not_count(inicial: Decimal, movs: list[Movimento], ate: date) -> None:
    later = [Movimento(ate + timedelta(days=1), m.sentido, m.composicao) for m in movs]
    assert saldo_atual(inicial, movs + later, ate) == saldo_atual(inicial, movs, ate)
    assert saldo_atual(inicial, [], ate) == inicial


@settings(max_examples=50)
@given(
    st.lists(amounts, min_size=2, max_size=4),
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), parts.filter(lambda v: v > 0)), max_size=20),
)
def test_fee_free_transfers_keep_the_total_of_the_accounts(iniciais: list[Decimal], moves: list) -> None:
    contas = len(iniciais)
    por_conta: list[list[Movimento]] = [[] for _ in iniciais]
    for origem, destino, valor in moves:
        origem, destino = origem % contas, destino % contas
        if origem == destino:
            continue
        dados = validar_transferencia(TransferenciaEntrada(str(origem), str(destino), valor), HOJE)
        por_conta[origem].append(Movimento(dados.origem.data, Sentido.SAIDA, dados.origem.composicao))
        por_conta[destino].append(Movimento(dados.destino.data, Sentido.ENTRADA, dados.destino.composicao))
    saldos = [saldo_atual(inicial, movs, HOJE) for inicial, movs in zip(iniciais, por_conta, strict=True)]
    assert sum(saldos) == sum(iniciais)


def test_a_negative_initial_balance_is_a_despesa() -> None:
    assert tipo_saldo_inicial(Decimal("-0.01")) == "DESPESA"
    assert tipo_saldo_inicial(Decimal("0")) == "RECEITA"
    assert tipo_saldo_inicial(Decimal("2500")) == "RECEITA"


def test_every_bank_and_account_type_of_the_catalog() -> None:
    assert len(BANCOS) == 74
    assert BANCOS["BANCO_BRASIL"].codigo == 1 and BANCOS["NAO_BANCO"].codigo == -10
    assert len(TIPOS_CONTA) == 10


def test_account_defaults() -> None:
    conta = validar_conta(ContaEntrada(nome="  Itaú  "), HOJE)
    assert (conta.nome, conta.nome_busca, conta.tipo, conta.banco, conta.codigo_banco) == (
        "Itaú",
        "itau",
        "CONTA_CORRENTE",
        "OUTROS",
        0,
    )
    assert (
        conta.ativo
        and not conta.conta_padrao
        and conta.saldo_inicial == 0
        and conta.data_saldo_inicial == HOJE
    )
    caixa = validar_conta(ContaEntrada(nome="Caixa", tipo="CAIXINHA"), HOJE)
    assert (caixa.banco, caixa.codigo_banco) == ("NAO_BANCO", -10)


@pytest.mark.parametrize(
    ("entrada", "message"),
    [
        (TransferenciaEntrada(conta_destino="b", valor=Decimal(1)), "O campo 'conta_origem' é obrigatório"),
        (TransferenciaEntrada("a", "a", Decimal(1)), "As contas de origem e de destino devem ser diferentes"),
        (TransferenciaEntrada("a", "b", Decimal("0.004")), "O campo 'valor' deve ser maior que zero"),
        (
            TransferenciaEntrada("a", "b", Decimal(1), origem=PernaEntrada(desconto=Decimal("-1"))),
            "O campo 'origem.desconto' não pode ser negativo",
        ),
        (
            TransferenciaEntrada("a", "b", Decimal("10000000000000")),
            "O campo 'valor' é inválido",
        ),
    ],
)
def test_transfer_rules(entrada: TransferenciaEntrada, message: str) -> None:
    with pytest.raises(InvalidInput) as error:
        validar_transferencia(entrada, HOJE)
    assert error.value.message == message


def test_the_default_naturezas() -> None:
    assert len(PADRAO) == 9 and len(set(TEMPLATES)) == 9
    assert template_padrao(True) == "VENDA_MERCADORIAS" and template_padrao(False) == "PRESTACAO_SERVICO"
    empresa = "6b0c4b9e-6f0b-4c55-9c36-3b2f7c1d0a11"
    assert natureza_id(empresa, "VENDA_SUFRAMA") == natureza_id(empresa, "VENDA_SUFRAMA")
    assert natureza_id(empresa, "VENDA_SUFRAMA") != natureza_id(empresa.replace("6b", "7b"), "VENDA_SUFRAMA")
