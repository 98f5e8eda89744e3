"""The resource layer on a recording `httpx.MockTransport`: what each kind of operation puts on the wire
(path, query, JSON body with exact Decimal) and how it reads the answer, sync and async alike."""

from __future__ import annotations

import asyncio
import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

from anil.sdk import AsyncContaAzul, ContaAzul, Model, ProtocolFailed
from anil.sdk.resources import Pessoas
from anil.sdk.resources.models import Pessoa


class Recorder:
    """Answers from a list of (status, body) in order; keeps every request."""

    def __init__(self, *answers: tuple[int, Any]) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        status, body = self.answers.pop(0)
        if isinstance(body, bytes):
            return httpx.Response(status, content=body)
        if body is None:
            return httpx.Response(status)
        return httpx.Response(status, json=body)


def _sync(recorder: Recorder) -> ContaAzul:
    return ContaAzul(base_url="https://api.test", access_token="tok", transport=httpx.MockTransport(recorder))


def _async(recorder: Recorder) -> AsyncContaAzul:
    return AsyncContaAzul(
        base_url="https://api.test", access_token="tok", transport=httpx.MockTransport(recorder)
    )


def test_a_create_sends_the_model_and_keywords_with_exact_decimals() -> None:
    recorder = Recorder((200, {"id": "p1", "nome": "Ana", "extra": {"a": 1}}))
    ca = _sync(recorder)
    criada = ca.pessoas.create(
        Pessoa(nome="Ana"), limite_credito=Decimal("1234.10"), perfis=[{"tipo_perfil": "Cliente"}]
    )
    request = recorder.requests[0]
    assert (request.method, request.url.path) == ("POST", "/v1/pessoas")
    assert request.headers["authorization"] == "Bearer tok"
    assert b'"limite_credito":1234.10' in request.content
    assert json.loads(request.content) == {
        "nome": "Ana",
        "limite_credito": 1234.1,
        "perfis": [{"tipo_perfil": "Cliente"}],
    }
    assert isinstance(criada, Pessoa) and criada.nome == "Ana" and criada.extra.a == 1


def test_path_values_are_quoted_and_records_stand_for_their_id() -> None:
    recorder = Recorder((200, {"id": "a/b"}), (204, None))
    ca = _sync(recorder)
    ca.produtos.get("a/b?x")
    assert recorder.requests[0].url.raw_path == b"/v1/produtos/a%2Fb%3Fx"
    assert ca.pessoas.update(Pessoa(id="p9"), nome="Bia") is None
    assert recorder.requests[1].url.path == "/v1/pessoas/p9" and recorder.requests[1].method == "PATCH"
    with pytest.raises(ValueError):
        ca.pessoas.get("")


def test_a_list_pages_with_its_filters_page_size_and_limit() -> None:
    page1 = {"totalItems": 5, "items": [{"id": str(i), "nome": f"P{i}"} for i in range(2)]}
    page2 = {"totalItems": 5, "items": [{"id": str(i), "nome": f"P{i}"} for i in range(2, 4)]}
    recorder = Recorder((200, page1), (200, page2))
    ca = _sync(recorder)
    found = list(
        ca.pessoas.list(busca="P", ativo=True, tipo_perfil=["Cliente", "Fornecedor"], page_size=2, limit=3)
    )
    assert [p.nome for p in found] == ["P0", "P1", "P2"] and all(isinstance(p, Pessoa) for p in found)
    query = recorder.requests[0].url.params
    assert query["busca"] == "P" and query["ativo"] == "true" and query["tamanho_pagina"] == "2"
    assert query.get_list("tipo_perfil") == ["Cliente", "Fornecedor"]
    assert [r.url.params["pagina"] for r in recorder.requests] == ["1", "2"]


def test_the_body_search_pages_through_the_query_keeping_its_body() -> None:
    full = {"total_itens": 3, "itens": [{"id": "v1"}, {"id": "v2"}]}
    rest = {"total_itens": 3, "itens": [{"id": "v3"}]}
    recorder = Recorder((200, full), (200, rest))
    ca = _sync(recorder)
    assert [v.id for v in ca.vendas.busca_corpo(periodo={"inicio": "2026-01-01"}, page_size=2)] == [
        "v1",
        "v2",
        "v3",
    ]
    assert [(r.method, r.url.params["pagina"]) for r in recorder.requests] == [("POST", "1"), ("POST", "2")]
    assert all(json.loads(r.content) == {"periodo": {"inicio": "2026-01-01"}} for r in recorder.requests)


def test_bytes_numbers_and_bare_lists() -> None:
    recorder = Recorder((200, b"%PDF-1.4 ..."), (200, 42), (200, [{"id": "s1", "nome": "Ana"}]))
    ca = _sync(recorder)
    assert ca.vendas.imprimir("v1") == b"%PDF-1.4 ..."
    assert ca.vendas.proximo_numero() == 42
    assert [v.nome for v in ca.vendedores.list()] == ["Ana"]


def test_wait_protocol_takes_the_202_answer_and_raises_on_error() -> None:
    pending = {"id": "pr1", "status": "PENDING"}
    recorder = Recorder(
        (202, {"protocolo": "pr1", "protocolId": "pr1", "status": "PENDING"}),
        (200, pending),
        (200, {"id": "pr1", "status": "SUCCESS", "evento_financeiro_id": "ev1"}),
        (200, {"id": "pr1", "status": "ERROR", "resposta": "Categoria inválida"}),
    )
    slept: list[float] = []
    ca = ContaAzul(
        base_url="https://api.test",
        access_token="tok",
        transport=httpx.MockTransport(recorder),
        sleep=slept.append,
    )
    aceito = ca.financeiro.contas_a_receber.create(valor=Decimal("10.00"))
    assert ca.financeiro.wait_protocol(aceito, timeout=5).evento_financeiro_id == "ev1"
    assert slept and recorder.requests[1].url.path == "/v1/protocolo/pr1"
    with pytest.raises(ProtocolFailed):
        ca.protocolos.wait("pr1")


def test_the_async_client_runs_the_same_definitions() -> None:
    recorder = Recorder(
        (200, {"id": "p1", "nome": "Ana"}),
        (200, {"totalItems": 1, "items": [{"id": "p1", "nome": "Ana"}]}),
        (204, None),
        (200, b"%PDF"),
    )

    async def main() -> None:
        async with _async(recorder) as ca:
            assert isinstance(ca.pessoas, Pessoas)
            assert (await ca.pessoas.get("p1")).nome == "Ana"
            assert [p.nome async for p in ca.pessoas.list()] == ["Ana"]
            assert await ca.financeiro.baixas.delete("b1") is None
            assert await ca.vendas.imprimir("v1") == b"%PDF"

    asyncio.run(main())
    assert [r.url.path for r in recorder.requests] == [
        "/v1/pessoas/p1",
        "/v1/pessoas",
        "/v1/financeiro/eventos-financeiros/parcelas/baixa/b1",
        "/v1/venda/v1/imprimir",
    ]


def test_records_expose_unknown_fields_as_attributes() -> None:
    recorder = Recorder((200, {"id": "x", "novo_campo": {"valor": 1.5}}))
    registro = _sync(recorder).contratos.get("x")
    assert isinstance(registro, Model) and registro.novo_campo.valor == Decimal("1.5")
