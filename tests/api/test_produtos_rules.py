"""Properties of the products' pure rules: kit money math, derived SKUs, stock levels, JSON numbers."""

from __future__ import annotations

import json
import re
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from anil.domain.money import quantize
from anil.domain.produtos import (
    SKU_MAX,
    KitEntrada,
    KitItemEntrada,
    ProdutoEntrada,
    nivel_estoque,
    sku_base,
    sku_livre,
    total_item,
    validar,
)
from anil.schemas.produtos import EstoqueOut

quantidades = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("99999"), places=4)
precos = st.decimals(min_value=Decimal("0"), max_value=Decimal("999999.99"), places=2)
ITEM = "4f1c2a3b-0d5e-4c6f-8a7b-9c0d1e2f3a4b"


@given(quantidades, precos)
def test_an_items_total_is_quantity_times_price_rounded_half_up_to_cents(
    quantidade: Decimal, preco: Decimal
) -> None:
    valor = total_item(quantidade, preco)
    assert valor == (quantidade * preco).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert valor.as_tuple().exponent == -2
    assert abs(valor - quantidade * preco) <= Decimal("0.005")


@given(quantidades, precos)
def test_a_kit_item_with_a_consistent_total_is_accepted_and_an_inconsistent_one_refused(
    quantidade: Decimal, preco: Decimal
) -> None:
    certo = total_item(quantidade, preco)
    item = KitItemEntrada(ITEM, quantidade, preco, certo)
    [valido] = validar(ProdutoEntrada(nome="Kit", detalhe_kit=KitEntrada([item]))).kit
    assert (valido.quantidade, valido.valor_unitario, valido.valor_total) == (quantidade, preco, certo)
    errado = KitItemEntrada(ITEM, quantidade, preco, certo + Decimal("0.01"))
    try:
        validar(ProdutoEntrada(nome="Kit", detalhe_kit=KitEntrada([errado])))
    except Exception as exc:
        assert "valor_total" in str(exc)
    else:
        raise AssertionError("an inconsistent total was accepted")


@given(st.lists(precos, min_size=1, max_size=10))
def test_money_is_kept_to_the_cent(valores: list[Decimal]) -> None:
    for valor in valores:
        out = json.loads(
            EstoqueOut(
                valor_venda=valor,
                custo_medio=valor,
                quantidade_disponivel=Decimal(0),
                quantidade_reservada=Decimal(0),
                quantidade_total=Decimal(0),
                minimumStock=None,
                maximumStock=None,
            ).model_dump_json()
        )
        assert quantize(Decimal(repr(out["valor_venda"]))) == quantize(valor)


@given(st.decimals(min_value=Decimal("0"), max_value=Decimal("99999999999"), places=4))
def test_quantities_survive_json(quantidade: Decimal) -> None:
    out = EstoqueOut(
        valor_venda=Decimal(0),
        custo_medio=Decimal(0),
        quantidade_disponivel=quantidade,
        quantidade_reservada=Decimal(0),
        quantidade_total=quantidade,
        minimumStock=quantidade,
        maximumStock=None,
    ).model_dump_json()
    parsed = json.loads(out)["quantidade_disponivel"]
    assert Decimal(repr(parsed)) == quantidade


@given(st.text(max_size=120))
def test_derived_skus_fit_and_use_letters_digits_and_hyphens(nome: str) -> None:
    sku = sku_base(nome)
    assert 1 <= len(sku) <= SKU_MAX
    assert re.fullmatch(r"[0-9A-Z]+(-[0-9A-Z]+)*", sku)


@given(st.text(min_size=1, max_size=40), st.sets(st.text(max_size=20), max_size=30))
def test_a_free_sku_is_never_one_taken(nome: str, ocupados: set[str]) -> None:
    base = sku_base(nome)
    ocupados = ocupados | {base, f"{base[:18]}-2"}
    sku = sku_livre(base, ocupados)
    assert sku not in ocupados and len(sku) <= SKU_MAX


@given(
    st.decimals(min_value=0, max_value=1000, places=2),
    st.none() | st.decimals(min_value=0, max_value=1000, places=2),
    st.none() | st.decimals(min_value=0, max_value=1000, places=2),
)
def test_stock_level(disponivel: Decimal, minimo: Decimal | None, maximo: Decimal | None) -> None:
    nivel = nivel_estoque(disponivel, minimo, maximo)
    if minimo and disponivel <= minimo:
        assert nivel == "MINIMO"
    elif maximo and disponivel >= maximo:
        assert nivel == "MAXIMO"
    else:
        assert nivel == "PADRAO"


@given(
    precos,
    st.decimals(min_value=Decimal("0"), max_value=Decimal("99999"), places=4),
    st.none() | st.decimals(min_value=Decimal("0"), max_value=Decimal("999"), places=4),
    st.none() | st.sampled_from(["7891234567895", "12345678"]),
)
def test_the_fast_list_encoder_writes_what_the_models_write(
    preco: Decimal, saldo: Decimal, minimo: Decimal | None, ean: str | None
) -> None:
    from datetime import datetime

    from anil.domain.produtos import ProdutoRegistro
    from anil.schemas.produtos import pagina, pagina_json

    def registro(seq: int, **extra: object) -> ProdutoRegistro:
        values: dict = {
            "seq": seq,
            "id": f"00000000-0000-4000-8000-{seq:012d}",
            "nome": f"Produto {seq}",
            "codigo_sku": f"P-{seq}",
            "codigo_ean": ean,
            "status": "ATIVO",
            "formato": "SIMPLES",
            "tipo": "PRODUTO",
            "valor_venda": preco,
            "custo_medio": quantize(preco / 2),
            "quantidade_disponivel": saldo,
            "quantidade_reservada": Decimal("0"),
            "estoque_minimo": minimo,
            "estoque_maximo": None,
            "movido": False,
            "contagem_agregacao": 0,
            "ecommerce_integracao_ativa": seq % 2 == 0,
            "ultima_atualizacao": datetime(2026, 3, 10, 12, 0, 0, 123000),
        }
        values.update(extra)
        return ProdutoRegistro(**values)

    pai = registro(1, formato="VARIACAO", contagem_agregacao=1)
    pai.filhos = [registro(2, tipo="VARIACAO_PRODUTO", id_pai=pai.id)]
    produtos = [pai, registro(3, tipo="KIT_PRODUTO")]
    assert pagina_json(2, produtos) == pagina(2, produtos).model_dump_json().encode()
    assert pagina_json(0, []) == pagina(0, []).model_dump_json().encode()
