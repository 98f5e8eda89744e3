"""The harness itself must be able to fail: a body that breaks the provider schema is rejected."""

from __future__ import annotations

import pytest

from tests.contract.openapi import assert_conforms, reference_dir, response_schema


def test_the_provider_files_are_there() -> None:
    assert (reference_dir() / "conta-azul-financial-openapi.yml").is_file()


def test_a_conforming_body_passes_and_a_wrong_one_fails() -> None:
    schema = response_schema("financial", "GET", "/v1/centro-de-custo", 200)
    assert schema, "the cost-centre list documents a schema"
    good = {"itens_totais": 1, "items": [{"id": "0b1c7a52-8a6c-4b49-a0a3-7b0a0e7f1e11", "nome": "Vendas"}]}
    assert_conforms("financial", "GET", "/v1/centro-de-custo", 200, good)
    with pytest.raises(AssertionError):
        assert_conforms("financial", "GET", "/v1/centro-de-custo", 200, {"itens_totais": "um"})


def test_an_exception_needs_a_reason() -> None:
    with pytest.raises(AssertionError, match="needs a reason"):
        assert_conforms("financial", "GET", "/v1/centro-de-custo", 200, {}, exceptions={"itens": " "})
