"""`anil.sdk.parcelas` (the SDK's pure copy) and the server's `anil.domain.condicao_pagamento` agree."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anil.domain import condicao_pagamento as servidor
from anil.errors import InvalidInput
from anil.sdk import parcelas as sdk

_opcoes = st.one_of(
    st.sampled_from(
        ["À vista", "a vista", "AVISTA", "À  VISTA", "0x", "421x", "", " ", "30,30", "60,30", "x"]
    ),
    st.integers(min_value=0, max_value=430).map(lambda n: f"{n}x"),
    st.integers(min_value=0, max_value=430).map(lambda n: f" {n} X "),
    st.lists(st.integers(min_value=0, max_value=40_000), min_size=1, max_size=8).map(
        lambda ds: ",".join(str(d) for d in ds)
    ),
    st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=5, unique=True).map(
        lambda ds: ", ".join(str(d) for d in sorted(ds))
    ),
    st.text(max_size=6),
)
_totais = st.decimals(min_value=Decimal("-100000"), max_value=Decimal("10000000"), places=2)
_datas = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@settings(max_examples=400, deadline=None)
@given(opcao=_opcoes, total=_totais, base=_datas)
def test_the_sdk_and_the_server_make_the_same_installments(opcao: str, total: Decimal, base: date) -> None:
    try:
        esperadas = servidor.gerar(opcao, total, base)
    except InvalidInput as exc:
        with pytest.raises(sdk.CondicaoInvalida) as erro:
            sdk.gerar(opcao, total, base)
        assert str(erro.value) == str(exc)
        return
    geradas = sdk.gerar(opcao, total, base)
    assert [(p.numero, p.data_vencimento, p.valor, p.descricao) for p in geradas] == [
        (p.numero, p.data_vencimento, p.valor, p.descricao) for p in esperadas
    ]
    assert all(str(a.valor) == str(b.valor) for a, b in zip(geradas, esperadas, strict=True))
    assert sum((p.valor for p in geradas), Decimal("0")) == total
    assert sdk.quantidade(opcao) == len(geradas)


def test_the_documented_example() -> None:
    geradas = sdk.gerar("3x", Decimal("140.00"), date(2026, 1, 31))
    assert [(p.data_vencimento, p.valor) for p in geradas] == [
        (date(2026, 1, 31), Decimal("46.67")),
        (date(2026, 2, 28), Decimal("46.67")),
        (date(2026, 3, 31), Decimal("46.66")),
    ]
    assert geradas[0].as_dict() == {
        "data_vencimento": "2026-01-31",
        "valor": Decimal("46.67"),
        "descricao": "Parcela 1/3",
    }
