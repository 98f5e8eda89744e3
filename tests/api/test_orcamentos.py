"""/v1/orcamentos: create, get, batch DELETE, 405 by id, the sales counter, the lifecycle through `/_anil/`,
the quirks and tenant isolation (catalog §3.5, §2.12), on both engines."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from anil.api import choices
from anil.api.app import create_app
from anil.config import Settings
from anil.domain.clock import MovableClock
from anil.storage.engine import Database
from tests.api import orcamentos_builders as b
from tests.conftest import ADMIN_KEY
from tests.helpers import ADMIN, create_company

UNKNOWN = "8f2c1f52-0d7e-4a55-9a9e-2c1e7f0a6b11"


@pytest.fixture
def spec_client(settings: Settings, db: Database, clock: MovableClock) -> Iterator[TestClient]:
    """ANIL_QUIRKS=off."""
    app = create_app(settings.model_copy(update={"quirks": "off"}), db=db, clock=clock, admin_key=ADMIN_KEY)
    with TestClient(app) as test_client:
        yield test_client


def _completo(client: TestClient) -> tuple[object, dict, str]:
    company = create_company(client)
    cliente = b.cliente(client, company, "Beatriz Lima", email="bia@example.com")
    produto = b.produto(client, company, "Mesa de jantar", descricao="Madeira maciça")
    servico = b.servico(client, company, "Montagem", custo=30)
    vendedor = b.vendedor(client, company, "Carla")
    body = b.corpo(
        cliente,
        b.item(produto, 2, 100),
        b.item(servico, 1, 80, valor_custo=25),
        id_vendedor=vendedor["id"],
        descricao="Proposta de maio",
        previsao_entrega="Em 10 dias úteis",
        observacoes="Entrega grátis",
        observacoes_pagamento="Pagamento à vista",
        composicao_de_valor={"frete": 5, "desconto": {"tipo": "PORCENTAGEM", "valor": 10}},
    )
    return company, body, vendedor["id"]


def test_create_answers_201_with_the_id_and_get_shows_the_proposal(
    client: TestClient, clock: MovableClock
) -> None:
    clock.freeze(datetime(2026, 5, 2, 15, 30, tzinfo=UTC))
    company, body, vendedor = _completo(client)
    orcamento_id = b.criar(client, company, body)
    detalhe = b.obter(client, company, orcamento_id)
    produto, servico = body["itens"][0]["id"], body["itens"][1]["id"]
    assert detalhe == {
        "id": orcamento_id,
        "numero": 1,
        "situacao": "ORCAMENTO",
        "versao": 0,
        "data_orcamento": "2026-05-01",
        "data_validade": "2026-05-15",
        "descricao": "Proposta de maio",
        "id_cliente": body["id_cliente"],
        "id_vendedor": vendedor,
        "previsao_entrega": "Em 10 dias úteis",
        # production answers the two observations swapped (choice `orcamento-observacoes-trocadas`)
        "observacoes": "Pagamento à vista",
        "observacoes_pagamento": "Entrega grátis",
        "composicao_de_valor": {"frete": 5, "desconto": {"tipo": "PORCENTAGEM", "valor": 10}},
        "itens": [
            {
                "id": produto,
                "nome": "Mesa de jantar",
                "descricao": "Madeira maciça",
                "tipo": "PRODUTO",
                "quantidade": 2,
                "valor": 100,
                "custo": 40,
            },
            {"id": servico, "nome": "Montagem", "tipo": "SERVICO", "quantidade": 1, "valor": 80, "custo": 25},
        ],
    }
    [item] = b.todos(client, company)
    assert item == {
        "id": orcamento_id,
        "numero": 1,
        "data_orcamento": "2026-05-01",
        "data_criacao": "2026-05-02T12:30:00",
        "data_alteracao": "2026-05-02T12:30:00",
        "situacao": "ORCAMENTO",
        "itens": "PRODUTO_E_SERVICO",
        # (2 × 100 + 80) − 10% + 5
        "total": 257,
        "versao": 0,
        "origem": "API",
        "cliente": {"id": body["id_cliente"], "nome": "Beatriz Lima", "email": "bia@example.com"},
    }


def test_with_quirks_off_the_observations_come_back_as_written(spec_client: TestClient) -> None:
    company, body, _ = _completo(spec_client)
    detalhe = b.obter(spec_client, company, b.criar(spec_client, company, body))
    assert (detalhe["observacoes"], detalhe["observacoes_pagamento"]) == (
        "Entrega grátis",
        "Pagamento à vista",
    )


def test_a_minimal_proposal_leaves_out_what_it_does_not_have(client: TestClient) -> None:
    company = create_company(client)
    cliente = b.cliente(client, company)
    servico = b.servico(client, company)
    orcamento_id = b.criar(client, company, b.corpo(cliente, b.item(servico, 1.5, 10.33)))
    detalhe = b.obter(client, company, orcamento_id)
    assert set(detalhe) == {
        "id", "numero", "situacao", "versao", "data_orcamento", "data_validade", "id_cliente",
        "composicao_de_valor", "itens",
    }  # fmt: skip
    assert detalhe["composicao_de_valor"] == {"frete": 0}
    assert detalhe["itens"][0]["quantidade"] == 1.5
    [item] = b.todos(client, company)
    assert item["total"] == 15.5  # 1.5 × 10.33 = 15.495 → 15.50
    assert item["itens"] == "SERVICO"
    assert item["cliente"] == {"id": cliente, "nome": "Ana Souza"}


def test_discounts_in_value_and_percent_and_freight_make_the_total(client: TestClient) -> None:
    company = create_company(client)
    cliente = b.cliente(client, company)
    produto = b.produto(client, company)
    casos = [
        ({"desconto": {"tipo": "VALOR", "valor": 12.5}}, 3 * 33.33 - 12.5),
        ({"frete": 7.25, "desconto": {"tipo": "PORCENTAGEM", "valor": 33.3333}}, 99.99 - 33.33 + 7.25),
        ({"desconto": {"tipo": "VALOR", "valor": 99.99}}, 0),
    ]
    for composicao, _ in casos:
        b.criar(client, company, b.corpo(cliente, b.item(produto, 3, 33.33), composicao_de_valor=composicao))
    totais = [i["total"] for i in b.listar(client, company, {"campo_ordenado_ascendente": "NUMERO"})["itens"]]
    assert totais == [round(e, 2) for _, e in casos]
    assert {i["itens"] for i in b.todos(client, company)} == {"PRODUTO"}


def test_numbers_come_from_the_shared_counter_and_follow_deletions(client: TestClient) -> None:
    company = create_company(client)
    cliente = b.cliente(client, company)
    produto = b.produto(client, company)
    ids = [b.criar(client, company, b.corpo(cliente, b.item(produto))) for _ in range(3)]
    assert [b.obter(client, company, i)["numero"] for i in ids] == [1, 2, 3]
    assert b.excluir(client, company, {"ids": [ids[2]]}).status_code == 204
    quarto = b.criar(client, company, b.corpo(cliente, b.item(produto)))
    assert b.obter(client, company, quarto)["numero"] == 3  # the largest went away
    assert b.excluir(client, company, {"ids": [ids[0]]}).status_code == 204
    quinto = b.criar(client, company, b.corpo(cliente, b.item(produto)))
    assert b.obter(client, company, quinto)["numero"] == 4  # max + 1, a hole is not reused
    outra = create_company(client, "Outra Ltda")
    alheio = b.criar(client, outra, b.corpo(b.cliente(client, outra), b.item(b.produto(client, outra))))
    assert b.obter(client, outra, alheio)["numero"] == 1


def test_the_default_seller(client: TestClient) -> None:
    company = create_company(client)
    cliente = b.cliente(client, company)
    produto = b.produto(client, company)
    sem = b.criar(client, company, b.corpo(cliente, b.item(produto)))
    assert "id_vendedor" not in b.obter(client, company, sem)  # the company has no seller
    zeca = b.vendedor(client, company, "Zeca")
    bruna = b.vendedor(client, company, "Bruna")
    sem = b.criar(client, company, b.corpo(cliente, b.item(produto)))
    desconhecido = b.criar(client, company, b.corpo(cliente, b.item(produto), id_vendedor=UNKNOWN))
    escolhido = b.criar(client, company, b.corpo(cliente, b.item(produto), id_vendedor=zeca["id"]))
    assert b.obter(client, company, sem)["id_vendedor"] == bruna["id"]
    assert b.obter(client, company, desconhecido)["id_vendedor"] == bruna["id"]
    assert b.obter(client, company, escolhido)["id_vendedor"] == zeca["id"]
    outra = create_company(client, "Outra Ltda")
    alheio = b.vendedor(client, outra, "Alheio")
    other = b.criar(client, company, b.corpo(cliente, b.item(produto), id_vendedor=alheio["id"]))
    assert b.obter(client, company, other)["id_vendedor"] == bruna["id"]


def _bad(cliente: str, produto: str) -> list[tuple[object, str]]:
    ok = b.corpo(cliente, b.item(produto))

    def sem(campo: str) -> dict:
        return {k: v for k, v in ok.items() if k != campo}

    def com(**mudancas: object) -> dict:
        return {**ok, **mudancas}

    def item(**mudancas: object) -> dict:
        return com(itens=[b.item(produto), {**b.item(produto), **mudancas}])

    return [
        ([], "O corpo da requisição é inválido"),
        ({}, "O campo 'id_cliente' é obrigatório"),
        (sem("id_cliente"), "O campo 'id_cliente' é obrigatório"),
        (com(id_cliente="abc"), "O campo 'id_cliente' deve estar no formato UUID válido"),
        (com(id_cliente=12), "O campo 'id_cliente' é inválido"),
        (sem("data_orcamento"), "O campo 'data_orcamento' é obrigatório"),
        (com(data_orcamento="01/05/2026"), "O campo 'data_orcamento' deve estar no formato YYYY-MM-DD"),
        (com(data_orcamento="2026-02-30"), "O campo 'data_orcamento' deve estar no formato YYYY-MM-DD"),
        (sem("data_validade"), "O campo 'data_validade' é obrigatório"),
        (com(data_validade="2026-04-30"), "O campo 'data_validade' não pode ser anterior à data do orçamento"),
        (sem("itens"), "O campo 'itens' é obrigatório"),
        (com(itens=[]), "O campo 'itens' deve conter ao menos 1 item"),
        (item(id=None), "O campo 'itens[1].id' é obrigatório"),
        (item(id="x"), "O campo 'itens[1].id' deve estar no formato UUID válido"),
        (item(quantidade=0), "O campo 'itens[1].quantidade' deve ser maior que zero"),
        (item(quantidade=-1), "O campo 'itens[1].quantidade' deve ser maior que zero"),
        (item(quantidade=None), "O campo 'itens[1].quantidade' deve ser maior que zero"),
        (item(valor=0), "O campo 'itens[1].valor' deve ser maior que zero"),
        (item(valor=None), "O campo 'itens[1].valor' deve ser maior que zero"),
        (item(valor="dez"), "O campo 'itens.1.valor' é inválido"),
        (item(valor_custo=-1), "O campo 'itens[1].valor_custo' deve ser maior ou igual a zero"),
        (com(id_vendedor="nope"), "O campo 'id_vendedor' deve estar no formato UUID válido"),
        (com(observacoes="x" * 5001), "O campo 'observacoes' deve ter no máximo 5000 caracteres"),
        (com(composicao_de_valor={"frete": -1}), "O campo 'composicao_de_valor.frete' deve ser maior ou igual a zero"),
        (com(composicao_de_valor={"desconto": {"valor": 1}}), "O campo 'composicao_de_valor.desconto.tipo' é obrigatório"),
        (
            com(composicao_de_valor={"desconto": {"tipo": "FIXO", "valor": 1}}),
            "O campo 'composicao_de_valor.desconto.tipo' deve ser um dos seguintes valores: PORCENTAGEM ou VALOR",
        ),
        (com(composicao_de_valor={"desconto": {"tipo": "VALOR"}}), "O campo 'composicao_de_valor.desconto.valor' é obrigatório"),
        (
            com(composicao_de_valor={"desconto": {"tipo": "VALOR", "valor": -1}}),
            "O campo 'composicao_de_valor.desconto.valor' deve ser maior ou igual a zero",
        ),
        (
            com(composicao_de_valor={"desconto": {"tipo": "PORCENTAGEM", "valor": 100.01}}),
            "O campo 'composicao_de_valor.desconto.valor' deve estar entre 0 e 100",
        ),
        (
            com(composicao_de_valor={"desconto": {"tipo": "VALOR", "valor": 10.01}}),
            "O desconto não pode ser maior que o valor total dos itens",
        ),
        (com(id_cliente=UNKNOWN), "Cliente não encontrado"),
        (item(id=UNKNOWN), f"Produto ou serviço não encontrado: {UNKNOWN}"),
    ]  # fmt: skip


def test_bad_input_is_refused_one_field_at_a_time_and_writes_nothing(client: TestClient) -> None:
    company = create_company(client)
    cliente = b.cliente(client, company)
    produto = b.produto(client, company)
    for body, message in _bad(cliente, produto):
        response = client.post(b.PATH, json=body, headers=company.auth)
        assert response.status_code == 400, (body, response.text)
        assert response.json() == {"error": message}, body
    assert b.listar(client, company)["itens"] == []
    assert client.post(b.PATH, content=b"{not json", headers=company.auth).json() == {
        "error": "O corpo da requisição é inválido"
    }
    # nothing was numbered by the refusals
    assert (
        b.obter(client, company, b.criar(client, company, b.corpo(cliente, b.item(produto))))["numero"] == 1
    )


def test_other_companies_clients_and_items_are_unknown_and_deleted_services_too(client: TestClient) -> None:
    company = create_company(client)
    outra = create_company(client, "Outra Ltda")
    meu_cliente = b.cliente(client, company)
    meu_produto = b.produto(client, company)
    cliente_alheio = b.cliente(client, outra)
    produto_alheio = b.produto(client, outra)
    response = client.post(b.PATH, json=b.corpo(cliente_alheio, b.item(meu_produto)), headers=company.auth)
    assert (response.status_code, response.json()) == (400, {"error": "Cliente não encontrado"})
    response = client.post(b.PATH, json=b.corpo(meu_cliente, b.item(produto_alheio)), headers=company.auth)
    assert response.json() == {"error": f"Produto ou serviço não encontrado: {produto_alheio}"}
    servico = b.servico(client, company)
    seq = client.get(f"/v1/servicos/{servico}", headers=company.auth).json()["id_servico"]
    assert (
        client.request("DELETE", "/v1/servicos", json={"ids": [seq]}, headers=company.auth).status_code == 204
    )
    response = client.post(b.PATH, json=b.corpo(meu_cliente, b.item(servico)), headers=company.auth)
    assert response.json() == {"error": f"Produto ou serviço não encontrado: {servico}"}
    assert b.todos(client, company) == [] and b.todos(client, outra) == []


def test_get_by_id(client: TestClient) -> None:
    company = create_company(client)
    outra = create_company(client, "Outra Ltda")
    orcamento_id = b.criar(
        client, company, b.corpo(b.cliente(client, company), b.item(b.produto(client, company)))
    )
    response = client.get(f"{b.PATH}/123", headers=company.auth)
    assert (response.status_code, response.json()) == (400, {"error": choices.UUID_MESSAGE})
    for empresa, alvo in ((company, UNKNOWN), (outra, orcamento_id)):
        response = client.get(f"{b.PATH}/{alvo}", headers=empresa.auth)
        assert (response.status_code, response.json()) == (
            404,
            {"error": "Orçamento não encontrado com o ID informado"},
        )
    assert b.obter(client, company, orcamento_id.upper())["id"] == orcamento_id


def test_batch_delete_is_physical_and_skips_unknown_and_foreign_ids(client: TestClient) -> None:
    company = create_company(client)
    outra = create_company(client, "Outra Ltda")
    cliente, produto = b.cliente(client, company), b.produto(client, company)
    meus = [b.criar(client, company, b.corpo(cliente, b.item(produto))) for _ in range(3)]
    alheio = b.criar(client, outra, b.corpo(b.cliente(client, outra), b.item(b.produto(client, outra))))
    response = b.excluir(client, company, {"ids": [meus[0], meus[1], meus[0], UNKNOWN, alheio]})
    assert (response.status_code, response.content) == (204, b"")
    assert client.get(f"{b.PATH}/{meus[0]}", headers=company.auth).status_code == 404
    assert [i["id"] for i in b.todos(client, company)] == [meus[2]]
    assert b.obter(client, outra, alheio)["id"] == alheio
    assert b.excluir(client, company, {"ids": [UNKNOWN]}).status_code == 204


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "O campo 'ids' é obrigatório"),
        (None, "O corpo da requisição é inválido"),
        ({"ids": []}, "O campo 'ids' deve conter ao menos 1 item"),
        ({"ids": [UNKNOWN] * 11}, "O campo 'ids' não pode conter mais de 10 itens"),
        ({"ids": ["12"]}, choices.UUID_MESSAGE),
        ({"ids": "abc"}, "O campo 'ids' é inválido"),
    ],
)
def test_bad_batch_delete_is_refused_and_deletes_nothing(
    client: TestClient, body: object, message: str
) -> None:
    company = create_company(client)
    orcamento_id = b.criar(
        client, company, b.corpo(b.cliente(client, company), b.item(b.produto(client, company)))
    )
    response = (
        b.excluir(client, company, body)
        if body is not None
        else client.request("DELETE", b.PATH, headers=company.auth)
    )
    assert (response.status_code, response.json()) == (400, {"error": message})
    assert b.obter(client, company, orcamento_id)["id"] == orcamento_id


def test_put_delete_and_patch_by_id_answer_405(client: TestClient) -> None:
    company = create_company(client)
    orcamento_id = b.criar(
        client, company, b.corpo(b.cliente(client, company), b.item(b.produto(client, company)))
    )
    for method in ("PUT", "DELETE", "PATCH"):
        response = client.request(method, f"{b.PATH}/{orcamento_id}", json={}, headers=company.auth)
        assert response.status_code == 405
        assert response.json() == {"error": "Method Not Allowed"}
        assert response.headers["allow"] == "GET"
        assert client.request(method, f"{b.PATH}/{orcamento_id}").status_code == 401
    for method in ("PUT", "PATCH"):
        response = client.request(method, b.PATH, json={}, headers=company.auth)
        assert (response.status_code, response.json()) == (405, {"error": "Method Not Allowed"})
        assert response.headers["allow"] == "GET, POST, DELETE"
    assert b.obter(client, company, orcamento_id)["versao"] == 0


def test_every_endpoint_needs_a_token(client: TestClient) -> None:
    for method, path in (
        ("GET", b.PATH),
        ("POST", b.PATH),
        ("DELETE", b.PATH),
        ("GET", f"{b.PATH}/{UNKNOWN}"),
    ):
        response = client.request(method, path)
        assert response.status_code == 401
        assert response.json()["error"] == "invalid_token"


def _estoque(client: TestClient, company: object, produto: str) -> object:
    return client.get(f"/v1/produtos/{produto}", headers=company.auth).json()["estoque"]  # type: ignore[attr-defined]


def test_a_proposal_moves_no_stock_and_no_money_in_any_situation(
    client: TestClient, clock: MovableClock
) -> None:
    clock.freeze(datetime(2026, 5, 2, 15, 0, tzinfo=UTC))
    company = create_company(client)
    cliente, produto = b.cliente(client, company), b.produto(client, company)
    antes = _estoque(client, company, produto)
    aceito = b.criar(client, company, b.corpo(cliente, b.item(produto, 4, 100)))
    recusado = b.criar(client, company, b.corpo(cliente, b.item(produto, 2, 100)))
    assert b.situacao(client, company, aceito, "ORCAMENTO_ACEITO").status_code == 200
    assert b.situacao(client, company, recusado, "ORCAMENTO_RECUSADO").status_code == 200
    assert _estoque(client, company, produto) == antes
    feed = client.get(
        "/v1/financeiro/eventos-financeiros/alteracoes",
        params={"data_inicio": "2026-05-01T00:00:00", "data_fim": "2026-05-03T00:00:00"},
        headers=company.auth,
    )
    assert feed.status_code == 200 and feed.json()["itens_totais"] == 0
    receber = client.get(
        "/v1/financeiro/eventos-financeiros/contas-a-receber/buscar",
        params={
            "pagina": 1,
            "tamanho_pagina": 10,
            "data_vencimento_de": "2026-01-01",
            "data_vencimento_ate": "2026-12-31",
        },
        headers=company.auth,
    )
    assert receber.status_code == 200 and receber.json()["itens_totais"] == 0


def test_the_lifecycle_through_the_sandbox_control(client: TestClient, clock: MovableClock) -> None:
    clock.freeze(datetime(2026, 5, 2, 15, 0, tzinfo=UTC))
    company = create_company(client)
    orcamento_id = b.criar(
        client, company, b.corpo(b.cliente(client, company), b.item(b.produto(client, company)))
    )
    # the company's own clock stamps the change (the base clock would expire the token)
    relogio = {"instante": "2026-05-03T16:00:00Z"}
    assert (
        client.put(f"/_anil/companies/{company.id}/relogio", json=relogio, headers=ADMIN).status_code == 200
    )
    response = b.situacao(client, company, orcamento_id, "ORCAMENTO_RECUSADO")
    assert response.status_code == 200, response.text
    assert response.json() == {"id": orcamento_id, "numero": 1, "situacao": "ORCAMENTO_RECUSADO", "versao": 1}
    [item] = b.todos(client, company)
    assert (item["situacao"], item["versao"], item["data_alteracao"]) == (
        "ORCAMENTO_RECUSADO",
        1,
        "2026-05-03T13:00:00",
    )
    assert item["data_criacao"] == "2026-05-02T12:00:00"
    assert b.situacao(client, company, orcamento_id, "ORCAMENTO_RECUSADO").json()["versao"] == 1  # no-op
    assert b.situacao(client, company, orcamento_id, "ORCAMENTO").json()["situacao"] == "ORCAMENTO"
    assert b.situacao(client, company, orcamento_id, "ORCAMENTO_ACEITO").json()["versao"] == 3
    for nova, message in (
        ("ORCAMENTO", "Não é possível alterar a situação do orçamento de ORCAMENTO_ACEITO para ORCAMENTO"),
        (
            "FATURADO",
            "O campo 'situacao' deve ser um dos seguintes valores: ORCAMENTO, ORCAMENTO_ACEITO ou ORCAMENTO_RECUSADO",
        ),
        ("", "O campo 'situacao' é obrigatório"),
    ):
        response = b.situacao(client, company, orcamento_id, nova)
        assert response.status_code == 400 and response.json()["error"] == message
    assert b.obter(client, company, orcamento_id)["situacao"] == "ORCAMENTO_ACEITO"
    outra = create_company(client, "Outra Ltda")
    assert b.situacao(client, outra, orcamento_id, "ORCAMENTO_RECUSADO").status_code == 404
    response = client.post(
        f"/_anil/companies/{company.id}/orcamentos/{orcamento_id}/situacao", json={"situacao": "ORCAMENTO"}
    )
    assert response.status_code == 401
