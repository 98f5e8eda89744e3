"""The pure rules of `anil api import` (no server): the stock the exported sales took, the file's lines,
the GET → POST transforms, the dependency order and what a refused record does."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from anil.cli import api_transfer as transfer
from anil.cli.api_transfer import Record


def venda(situacao: str, itens: list[dict], mudanca: str = "SAIDA_ESTOQUE") -> Record:
    data = {"venda": {"situacao": {"nome": situacao}}, "natureza_operacao": {"mudanca_estoque": mudanca}}
    return Record("vendas", situacao, {**data, "itens": itens})


def test_stock_taken_by_sales_counts_kits_by_their_components_and_only_moving_sales() -> None:
    kit = Record(
        "produtos",
        "kit",
        {
            "detalhe_kit": {
                "items": [{"id_produto": "a", "quantidade": 2}, {"id_produto": "b", "quantidade": 1}]
            }
        },
    )
    records = [
        kit,
        venda("APROVADO", [{"tipo": "PRODUTO", "id_item": "a", "quantidade": Decimal("1.5")}]),
        venda("FATURADO", [{"tipo": "PRODUTO", "id_item": "kit", "quantidade": 3}]),
        venda("EM_ANDAMENTO", [{"tipo": "PRODUTO", "id_item": "a", "quantidade": 100}]),  # moves nothing
        venda("APROVADO", [{"tipo": "SERVICO", "id_item": "s", "quantidade": 9}]),
        venda("APROVADO", [{"tipo": "PRODUTO", "id_item": "b", "quantidade": 1}], mudanca="ENTRADA_ESTOQUE"),
    ]
    assert transfer.stock_taken_by_sales(records) == {"a": Decimal("7.5"), "b": Decimal("2")}


def test_read_lines_keeps_money_exact_and_refuses_what_is_not_an_export() -> None:
    lines = [transfer.meta_line("x"), '{"group": "servicos", "id": "1", "data": {"preco": 0.10}}', ""]
    [record] = transfer.read_lines(lines)
    assert record.data["preco"] == Decimal("0.10") and str(record.data["preco"]) == "0.10"
    with pytest.raises(ValueError, match="line 1: not JSON"):
        transfer.read_lines(["{"])
    with pytest.raises(ValueError, match="line 2: expected"):
        transfer.read_lines([transfer.meta_line("x"), '{"group": "pessoas"}'])


def test_a_person_as_get_answers_becomes_the_body_post_takes() -> None:
    detail = {
        "id": "old",
        "nome": "Oficina",
        "tipo_pessoa": "Jurídica",
        "documento": "11222333000181",
        "nome_empresa": "Oficina Azul",
        "optante_simples_nacional": True,
        "orgao_publico": False,
        "perfis": [{"id": "p", "tipo_perfil": "Cliente"}],
        "enderecos": [{"id": "e", "id_cidade": 1, "cep": "01310100"}],
        "criado_em": "2026-01-01",
    }
    body = transfer.pessoa_body(detail, lambda g, i: None)
    assert body == {
        "nome": "Oficina",
        "tipo_pessoa": "Jurídica",
        "cnpj": "11222333000181",
        "nome_fantasia": "Oficina Azul",
        "optante_simples": True,
        "agencia_publica": False,
        "perfis": [{"tipo_perfil": "Cliente"}],
        "enderecos": [{"cep": "01310100"}],
    }


class FakePort:
    def __init__(self, refuse: set[str]) -> None:
        self.refuse = refuse
        self.created: list[tuple[str, dict]] = []

    def each(self, group: str) -> list[dict]:
        return [{"id": "new-cat", "nome": "Vendas", "tipo": "RECEITA"}] if group == "categorias" else []

    def detail(self, group: str, record_id: str) -> dict:
        raise AssertionError("not used by import")

    def create(self, group: str, body: dict) -> str:
        if body.get("nome") in self.refuse or body.get("descricao") in self.refuse:
            raise KeyError(body)
        self.created.append((group, body))
        return f"new-{len(self.created)}"


def test_import_order_ids_and_refusals() -> None:
    records = [
        Record("categorias", "c1", {"nome": "Vendas", "tipo": "RECEITA"}),
        Record("categorias", "c2", {"nome": "Só lá", "tipo": "DESPESA"}),
        Record(
            "produtos",
            "kit",
            {"nome": "Kit", "detalhe_kit": {"items": [{"id_produto": "p1", "quantidade": 1}]}},
        ),
        Record("produtos", "p1", {"nome": "Parte"}),
        Record("servicos", "s1", {"descricao": "Recusado"}),
        Record("centros_de_custo", "cc", {"nome": "Obra"}),
    ]
    port = FakePort(refuse={"Recusado"})
    result = transfer.import_records(port, records, refused=(KeyError,))
    assert [(g, b.get("nome") or b.get("descricao")) for g, b in port.created] == [
        ("centros_de_custo", "Obra"),
        ("produtos", "Parte"),
        ("produtos", "Kit"),
    ]
    kit_body: Any = port.created[2][1]
    assert kit_body["detalhe_kit"]["itens"][0]["id_produto"] == result.ids["produtos"]["p1"]
    assert result.ids["categorias"] == {"c1": "new-cat"}
    assert result.matched == {"categorias": 1}
    assert result.skipped["categorias"] == ["Só lá / DESPESA: no match in the target"]
    assert len(result.skipped["servicos"]) == 1 and "s1" in result.skipped["servicos"][0]
    assert result.created == {"centros_de_custo": 1, "produtos": 2}


def test_only_the_groups_asked_for_are_created() -> None:
    records = [
        Record("pessoas", "p", {"nome": "Ana", "tipo_pessoa": "Física"}),
        Record("servicos", "s", {"descricao": "X"}),
    ]
    port = FakePort(refuse=set())
    result = transfer.import_records(port, records, groups=("servicos",))
    assert [g for g, _ in port.created] == ["servicos"]
    assert result.skipped == {"pessoas": ["1 not imported: the group was not asked for"]}
