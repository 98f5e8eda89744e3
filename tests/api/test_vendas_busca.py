"""`GET /v1/venda/busca` and the older `POST /v1/venda/busca` (catalog §3.4), on both engines: the item and
its client, `totais`/`quantidades` per situation, the `totais` tab, every filter, sorting, paging,
validation one parameter at a time, deleted sales hidden, tenants apart; the answer against the provider
sales schema (`ListagemVendasResponse`)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from anil.domain.clock import MovableClock
from tests.api import vendas_busca_builders as b
from tests.api.baixas_builders import renovar
from tests.contract.openapi import assert_conforms
from tests.helpers import Company, create_company

AGORA = datetime(2026, 11, 15, 13, 0, tzinfo=UTC)  # 10:00 in São Paulo

# Where the provider file is wrong for anil's answer: its date-times want an offset.
EXCECOES = {
    "itens/[]/criado_em": "§2.6: São Paulo local time without offset (choice `timestamp-format`), as the "
    "provider's own example (`2025-05-16T17:51:04.63`); JSON Schema's date-time wants an offset",
    "itens/[]/data_alteracao": "§2.6: São Paulo local time without offset, as its own description says "
    "(ISO 8601, São Paulo/GMT-3); JSON Schema's date-time wants an offset",
}


class Mundo:
    """One company's sales:

    | numero | client | lines | situation | date | total | seller |
    |---|---|---|---|---|---|---|
    | 101 | Ana | P1 ×2 @10 | EM_ANDAMENTO | 2026-11-01 | 20 | |
    | 102 | Bruno | S ×1 @100 | APROVADO | 2026-11-05 | 100 | |
    | 103 | Ana | P2 ×1 @30 + S ×1 @100 | APROVADO (3x) | 2026-11-03 | 130 | Vera |
    | 104 | Bruno | P1 ×1 @10 + frete 5 | FATURADO | 2026-11-07 | 15 | |
    | 105 | Carla | P2 ×3 @30 − 10% | CANCELADO (PUT) | 2026-11-02 | 81 | |
    | 106 | Ana | P1 ×1 @10 | deleted | 2026-11-04 | 10 | |
    """

    def __init__(self, client: TestClient, company: Company) -> None:
        self.client, self.company = client, company
        self.ana = b.cliente(
            client,
            company,
            "Ana Souza",
            email="ana@souza.com.br",
            telefone_celular="(19) 98888-7777",
            enderecos=[b.ENDERECO],
        )
        self.bruno = b.cliente(client, company, "Bruno Álvares", email="bruno@empresa.com")
        self.carla = b.cliente(client, company, "Carla Dias")
        self.p1 = b.produto(client, company, "Caneta Azul", 10)
        self.p2 = b.produto(client, company, "Caderno", 30)
        self.s = b.servico(client, company, "Consultoria", 100)
        self.vera = b.vendedor(client, company, "Vera Vendas")
        self.vendas: dict[int, dict] = {}
        self._venda(101, self.ana, [(self.p1["id"], 2, 10)], "EM_ANDAMENTO", "2026-11-01")
        self._venda(102, self.bruno, [(self.s["id"], 1, 100)], "APROVADO", "2026-11-05")
        self._venda(
            103,
            self.ana,
            [(self.p2["id"], 1, 30), (self.s["id"], 1, 100)],
            "APROVADO",
            "2026-11-03",
            n_parcelas=3,
            id_vendedor=self.vera["id"],
        )
        self._venda(104, self.bruno, [(self.p1["id"], 1, 10)], "FATURADO", "2026-11-07", frete=5)
        corpo_105 = b.venda_body(
            self.carla["id"],
            [(self.p2["id"], 3, 30)],
            numero=105,
            situacao="EM_ANDAMENTO",
            data_venda="2026-11-02",
            desconto=("PORCENTAGEM", 10),
        )
        self.vendas[105] = b.criar_venda(client, company, corpo_105)
        editada = client.put(
            f"/v1/venda/{self.vendas[105]['id']}",
            json={**corpo_105, "situacao": "CANCELADO", "versao": 1},
            headers=company.auth,
        )
        assert editada.status_code == 200, editada.text
        self._venda(106, self.ana, [(self.p1["id"], 1, 10)], "APROVADO", "2026-11-04")
        b.excluir(client, company, [self.vendas[106]["id"]])

    def _venda(
        self, numero: int, cliente: dict, itens: list, situacao: str, data: str, **extra: object
    ) -> None:
        body = b.venda_body(cliente["id"], itens, numero=numero, situacao=situacao, data_venda=data, **extra)
        self.vendas[numero] = b.criar_venda(self.client, self.company, body)

    def numeros(self, query: str = "") -> list[int]:
        return b.numeros(self.client, self.company, query)

    def busca(self, query: str = "") -> dict:
        return b.busca(self.client, self.company, query)

    def erro(self, query: str) -> str:
        response = self.client.get(f"/v1/venda/busca?{query}", headers=self.company.auth)
        assert response.status_code == 400, response.text
        body = response.json()
        assert set(body) == {"error"}, body
        return body["error"]


@pytest.fixture
def mundo(client: TestClient, clock: MovableClock) -> Mundo:
    clock.freeze(AGORA)
    return Mundo(client, create_company(client))


def test_default_listing_newest_first_with_totals_per_situation(mundo: Mundo) -> None:
    body = mundo.busca()
    assert [i["numero"] for i in body["itens"]] == [104, 102, 103, 105, 101]  # DATA descending
    assert body["total_itens"] == 5
    assert body["totais"] == {"total": 346, "aprovado": 245, "cancelado": 81, "esperando_aprovacao": 20}
    assert body["quantidades"] == {"total": 5, "aprovado": 3, "cancelado": 1, "esperando_aprovacao": 1}
    assert_conforms("sales", "GET", "/v1/venda/busca", 200, body, exceptions=EXCECOES)


def test_the_item_shows_the_sale_and_its_client(mundo: Mundo, client: TestClient) -> None:
    itens = {i["numero"]: i for i in mundo.busca()["itens"]}
    venda = itens[103]
    detalhe = client.get(f"/v1/venda/{venda['id']}", headers=mundo.company.auth).json()
    assert venda["id"] == mundo.vendas[103]["id"]
    assert venda["id_legado"] == detalhe["venda"]["id_legado"] == mundo.vendas[103]["id_legado"]
    assert isinstance(venda["id_legado"], int)
    assert venda["total"] == 130
    assert venda["data"] == "2026-11-03"
    assert venda["criado_em"].startswith("2026-11-15T10:00")  # São Paulo time, the company clock
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?", venda["data_alteracao"])
    assert venda["tipo"] == "SALE"
    assert venda["origem"] == "API"
    assert "id_contrato" not in venda and "status_email" not in venda  # left out, not null
    assert venda["condicao_pagamento"] is True
    assert venda["situacao"] == {"nome": "APROVADO", "descricao": "Aprovado"}
    assert venda["versao"] == 0
    assert venda["cliente"] == {
        "id": mundo.ana["id"],
        "nome": "Ana Souza",
        "email": "ana@souza.com.br",
        "telefone": "(19) 98888-7777",
        "endereco": "Rua das Flores, 123",
        "cidade": "Campinas",
        "estado": "SP",
        "pais": "Brasil",
        "cep": "13010-000",
    }
    # the kinds of lines a sale holds
    assert (itens[101]["itens"], itens[102]["itens"], itens[103]["itens"]) == (
        "PRODUTO",
        "SERVICO",
        "PRODUTO_E_SERVICO",
    )
    assert itens[104]["situacao"] == {"nome": "FATURADO", "descricao": "Faturado"}
    assert itens[104]["total"] == 15
    assert itens[105]["situacao"] == {"nome": "CANCELADO", "descricao": "Cancelado"}
    assert itens[105]["total"] == 81
    assert itens[105]["versao"] == 1  # one PUT
    assert itens[102]["cliente"] == {
        "id": mundo.bruno["id"],
        "nome": "Bruno Álvares",
        "email": "bruno@empresa.com",
    }


def test_the_totais_tab_filters_the_page_not_the_blocks(mundo: Mundo) -> None:
    todos = mundo.busca()
    for tab, esperado in (
        ("APPROVED", [104, 102, 103]),
        ("WAITING_APPROVED", [101]),
        ("CANCELED", [105]),
        ("ALL", [104, 102, 103, 105, 101]),
        ("approved", [104, 102, 103]),
    ):
        body = mundo.busca(f"totais={tab}")
        assert [i["numero"] for i in body["itens"]] == esperado, tab
        assert body["total_itens"] == len(esperado)
        assert (body["totais"], body["quantidades"]) == (todos["totais"], todos["quantidades"])
    assert mundo.erro("totais=APROVADO") == (
        "O valor do atributo 'totais' deve ser um dos seguintes valores: WAITING_APPROVED, APPROVED, CANCELED, ALL"
    )


def test_sorting(mundo: Mundo) -> None:
    assert mundo.numeros("campo_ordenado_ascendente=NUMERO") == [101, 102, 103, 104, 105]
    assert mundo.numeros("campo_ordenado_descendente=NUMERO") == [105, 104, 103, 102, 101]
    assert mundo.numeros("campo_ordenado_ascendente=DATA") == [101, 105, 103, 102, 104]
    assert mundo.numeros("campo_ordenado_descendente=DATA") == [104, 102, 103, 105, 101]
    # CLIENTE by name ignoring case and accents (Ana, Bruno Álvares, Carla); ties by date
    assert mundo.numeros("campo_ordenado_ascendente=CLIENTE") == [101, 103, 102, 104, 105]
    assert mundo.numeros("campo_ordenado_descendente=CLIENTE") == [105, 104, 102, 103, 101]
    # ascending wins; any case
    assert mundo.numeros("campo_ordenado_ascendente=numero&campo_ordenado_descendente=DATA") == [
        101,
        102,
        103,
        104,
        105,
    ]
    assert "campo_ordenado_ascendente" in mundo.erro("campo_ordenado_ascendente=VALOR")
    assert "NUMERO, CLIENTE, DATA" in mundo.erro("campo_ordenado_descendente=TOTAL")


def test_text_search_matches_client_name_email_and_number(mundo: Mundo) -> None:
    assert mundo.numeros("termo_busca=ANA&campo_ordenado_ascendente=NUMERO") == [101, 103]
    assert mundo.numeros("termo_busca=alvares") == [104, 102]  # accents ignored
    assert mundo.numeros("termo_busca=empresa.com") == [104, 102]  # e-mail
    assert mundo.numeros("termo_busca=103") == [103]  # number
    assert mundo.numeros("termo_busca=Caneta") == []  # not the lines
    assert mundo.numeros("termo_busca=zzz") == []


def test_date_filters(mundo: Mundo, client: TestClient, clock: MovableClock) -> None:
    assert mundo.numeros("data_inicio=2026-11-02&data_fim=2026-11-05&campo_ordenado_ascendente=DATA") == [
        105,
        103,
        102,
    ]
    assert mundo.numeros("data_inicio=2026-11-07&data_fim=2026-11-07") == [104]
    assert "data_fim" in mundo.erro("data_inicio=2026-11-02")
    assert "data_inicio" in mundo.erro("data_fim=2026-11-02")
    assert mundo.erro("data_inicio=02/11/2026&data_fim=2026-11-05") == (
        "O valor do atributo 'data_inicio' deve estar no formato yyyy-MM-dd"
    )
    assert "posterior" in mundo.erro("data_inicio=2026-11-05&data_fim=2026-11-01")
    # creation days (São Paulo) — every sale was made on the 15th; one more on the 16th
    assert len(mundo.numeros("data_criacao_de=2026-11-15&data_criacao_ate=2026-11-15")) == 5
    assert mundo.numeros("data_criacao_de=2026-11-16&data_criacao_ate=2026-11-20") == []
    clock.freeze(AGORA + timedelta(days=1))
    mundo.company = renovar(client, mundo.company)  # the test clock moved past the token's hour
    body = b.venda_body(mundo.carla["id"], [(mundo.p1["id"], 1, 10)], numero=107, data_venda="2026-11-16")
    b.criar_venda(client, mundo.company, body)
    assert mundo.numeros("data_criacao_de=2026-11-16&data_criacao_ate=2026-11-20") == [107]
    assert "data_criacao_ate" in mundo.erro("data_criacao_de=2026-11-16")
    # alteração: São Paulo date-times, inclusive at the precision written, at most 365 days
    assert mundo.numeros("data_alteracao_de=2026-11-16T10:00:00&data_alteracao_ate=2026-11-16T10:00:00") == [
        107
    ]
    assert mundo.numeros("data_alteracao_de=2026-11-16T09:00:00&data_alteracao_ate=2026-11-16T09:59:59") == []
    assert (
        len(mundo.numeros("data_alteracao_de=2026-11-15T00:00:00&data_alteracao_ate=2026-11-15T23:59")) == 5
    )
    assert "365" in mundo.erro("data_alteracao_de=2025-11-01T00:00:00&data_alteracao_ate=2026-11-16T00:00:00")
    assert "sem fuso" in mundo.erro(
        "data_alteracao_de=2026-11-15T00:00:00Z&data_alteracao_ate=2026-11-16T00:00:00"
    )
    assert "sem fuso" in mundo.erro("data_alteracao_de=2026-11-15&data_alteracao_ate=2026-11-16")


def test_id_and_value_filters(mundo: Mundo, client: TestClient) -> None:
    ana, bruno = mundo.ana["id"], mundo.bruno["id"]
    assert mundo.numeros(f"ids_clientes={ana}&campo_ordenado_ascendente=NUMERO") == [101, 103]
    assert mundo.numeros(f"ids_clientes={ana},{bruno}&campo_ordenado_ascendente=NUMERO") == [
        101,
        102,
        103,
        104,
    ]
    assert mundo.numeros(f"ids_clientes={ana}&ids_clientes={bruno}&campo_ordenado_ascendente=NUMERO") == [
        101,
        102,
        103,
        104,
    ]
    assert mundo.numeros(f"ids_vendedores={mundo.vera['id']}") == [103]
    assert mundo.numeros(f"ids_produtos={mundo.p1['id']}&campo_ordenado_ascendente=NUMERO") == [101, 104]
    assert mundo.numeros(f"ids_produtos={mundo.s['id']}&campo_ordenado_ascendente=NUMERO") == [102, 103]
    assert mundo.numeros("situacoes=APROVADO,FATURADO&campo_ordenado_ascendente=NUMERO") == [102, 103, 104]
    assert mundo.numeros("situacoes=in_process") == [101]  # the FAQ's English codes
    assert mundo.numeros("situacoes=ORCAMENTO") == []
    assert mundo.numeros("tipos=SALE&campo_ordenado_ascendente=NUMERO") == [101, 102, 103, 104, 105]
    assert mundo.numeros("tipos=SCHEDULED_SALE") == []
    assert len(mundo.numeros("origens=API")) == 5
    assert mundo.numeros("origens=ECOMMERCE") == []
    assert mundo.numeros("numeros=101&numeros=104,105&campo_ordenado_ascendente=NUMERO") == [101, 104, 105]
    assert mundo.numeros("numeros=106") == []  # deleted
    assert len(mundo.numeros("pendente=false")) == 5
    assert mundo.numeros("pendente=true") == []
    naturezas = {
        n: client.get(f"/v1/venda/{mundo.vendas[n]['id']}", headers=mundo.company.auth).json()["venda"][
            "id_natureza_operacao"
        ]
        for n in (101, 102)
    }
    de_produtos = mundo.numeros(f"ids_natureza_operacao={naturezas[101]}&campo_ordenado_ascendente=NUMERO")
    assert de_produtos == [
        n for n in (101, 102, 103, 104, 105) if naturezas[101] == naturezas[102] or n != 102
    ]
    assert 102 in mundo.numeros(f"ids_natureza_operacao={naturezas[102]}")
    assert mundo.numeros(f"ids_natureza_operacao={b.UNKNOWN_ID}") == []
    assert mundo.numeros(f"ids_categorias={b.UNKNOWN_ID}") == []
    # legacy ids: people, products, sellers
    legado_ana = client.get(f"/v1/pessoas/{ana}", headers=mundo.company.auth).json()["pessoas_legado"][0][
        "id"
    ]
    assert mundo.numeros(f"ids_legado_clientes={legado_ana}&campo_ordenado_ascendente=NUMERO") == [101, 103]
    legado_p2 = client.get(f"/v1/produtos/{mundo.p2['id']}", headers=mundo.company.auth).json()["id_legado"]
    assert mundo.numeros(f"ids_legado_produtos={legado_p2}&campo_ordenado_ascendente=NUMERO") == [103, 105]
    vendedores = client.get("/_anil/companies/" + mundo.company.id + "/vendedores", headers=b.ADMIN).json()
    legado_vera = next(v["id_legado"] for v in vendedores if v["id"] == mundo.vera["id"])
    assert mundo.numeros(f"ids_legado_donos={legado_vera}") == [103]
    assert mundo.numeros("ids_legado_clientes=999999") == []
    # filters combine (AND), values of one filter OR
    assert mundo.numeros(f"ids_clientes={ana}&totais=APPROVED") == [103]
    assert mundo.numeros(f"ids_produtos={mundo.p1['id']}&situacoes=FATURADO") == [104]
    # the categories of the sale
    categoria = client.get(f"/v1/venda/{mundo.vendas[102]['id']}", headers=mundo.company.auth).json()["venda"]
    if categoria.get("id_categoria"):
        assert 102 in mundo.numeros(f"ids_categorias={categoria['id_categoria']}")


def test_invalid_filters_are_refused_one_at_a_time(mundo: Mundo) -> None:
    uuid_message = "O valor informado deve estar no formato UUID válido"
    assert mundo.erro("ids_clientes=abc") == uuid_message
    assert mundo.erro("ids_vendedores=1") == uuid_message
    assert mundo.erro("ids_produtos=x&ids_clientes=y") == uuid_message
    assert mundo.erro("numeros=1,dois") == "O valor do atributo 'numeros' deve conter apenas números inteiros"
    assert "ids_legado_clientes" in mundo.erro("ids_legado_clientes=abc")
    assert mundo.erro("pendente=talvez") == "O valor do atributo 'pendente' deve ser true ou false"
    assert "tamanho_pagina" in mundo.erro("tamanho_pagina=15")
    assert "pagina" in mundo.erro("pagina=0")
    # the first one in the spec's order is reported
    assert "tamanho_pagina" in mundo.erro("tamanho_pagina=7&totais=X")
    assert "data_fim" in mundo.erro("data_inicio=2026-11-01&ids_clientes=abc")
    # unknown parameters are ignored
    assert len(mundo.numeros("zzz_bogus=abc&busca_textual=Ana")) == 5


def test_paging(client: TestClient, clock: MovableClock) -> None:
    clock.freeze(AGORA)
    company = create_company(client)
    ana = b.cliente(client, company)
    p = b.produto(client, company)
    for numero in range(1, 24):
        body = b.venda_body(ana["id"], [(p["id"], 1, numero)], numero=numero, data_venda="2026-11-01")
        b.criar_venda(client, company, body)
    q = "campo_ordenado_ascendente=NUMERO"
    assert b.numeros(client, company, q) == list(range(1, 11))  # 10 by default
    assert b.numeros(client, company, q + "&pagina=3") == [21, 22, 23]
    assert b.numeros(client, company, q + "&pagina=4") == []
    assert b.numeros(client, company, q + "&tamanho_pagina=20&pagina=2") == [21, 22, 23]
    body = b.busca(client, company, q + "&pagina=9")
    assert body["total_itens"] == 23 and body["itens"] == []
    assert body["totais"]["total"] == sum(range(1, 24))
    # ties of the default order (same date) by number, newest first
    assert b.numeros(client, company)[:3] == [23, 22, 21]


def test_deleted_sales_never_appear(mundo: Mundo) -> None:
    body = mundo.busca("totais=ALL&tamanho_pagina=50")
    assert 106 not in [i["numero"] for i in body["itens"]]
    assert body["quantidades"]["total"] == 5
    b.excluir(mundo.client, mundo.company, [mundo.vendas[101]["id"], mundo.vendas[105]["id"]])
    body = mundo.busca()
    assert [i["numero"] for i in body["itens"]] == [104, 102, 103]
    assert body["totais"] == {"total": 245, "aprovado": 245, "cancelado": 0, "esperando_aprovacao": 0}


def test_the_older_body_form(mundo: Mundo, client: TestClient) -> None:
    def post(body: object, query: str = "") -> dict:
        response = client.post(f"/v1/venda/busca?{query}", json=body, headers=mundo.company.auth)
        assert response.status_code == 200, response.text
        return response.json()

    assert [i["numero"] for i in post({})["itens"]] == [104, 102, 103, 105, 101]
    body = post(
        {
            "termo_busca": "ana",
            "periodo": {"data_inicio": "2026-11-01", "data_fim": "2026-11-03"},
            "ids_donos": [mundo.vera["id"]],
        }
    )
    assert [i["numero"] for i in body["itens"]] == [103]
    body = post(
        {"ids_clientes": [mundo.bruno["id"]], "totais": "APPROVED", "numeros": [102, 104]},
        "campo_ordenado_ascendente=NUMERO&tamanho_pagina=20",
    )
    assert [i["numero"] for i in body["itens"]] == [102, 104]
    assert body["totais"]["total"] == 115  # the other filters apply to the blocks, the tab does not
    assert [i["numero"] for i in post({"situacoes": ["CANCELADO"], "pendente": False})["itens"]] == [105]
    vendedores = client.get(f"/_anil/companies/{mundo.company.id}/vendedores", headers=b.ADMIN).json()
    legado_vera = next(v["id_legado"] for v in vendedores if v["id"] == mundo.vera["id"])
    assert [i["numero"] for i in post({"ids_legado_donos": [legado_vera]})["itens"]] == [103]
    assert [i["numero"] for i in post({"ids_legado_donos": str(legado_vera)})["itens"]] == [103]
    assert_conforms("sales", "GET", "/v1/venda/busca", 200, post({}), exceptions=EXCECOES)
    for corpo, mensagem in (
        ({"totais": "X"}, "'totais'"),
        ({"ids_clientes": ["string"]}, "UUID"),
        ({"periodo": {"data_inicio": "2026-11-01"}}, "data_fim"),
        ({"numeros": ["um"]}, "'numeros'"),
        ({"ids_legado_donos": ["x"]}, "'ids_legado_donos'"),
    ):
        response = client.post("/v1/venda/busca", json=corpo, headers=mundo.company.auth)
        assert response.status_code == 400, response.text
        assert mensagem in response.json()["error"]
    response = client.post("/v1/venda/busca", content=b"{nope", headers=mundo.company.auth)
    assert response.status_code == 400
    response = client.post("/v1/venda/busca?tamanho_pagina=3", json={}, headers=mundo.company.auth)
    assert response.status_code == 400


def test_tenants_never_see_each_other(mundo: Mundo, client: TestClient) -> None:
    outra = create_company(client, "Outra Ltda")
    body = b.busca(client, outra)
    assert body["total_itens"] == 0 and body["itens"] == []
    assert body["totais"] == {"total": 0, "aprovado": 0, "cancelado": 0, "esperando_aprovacao": 0}
    assert b.numeros(client, outra, f"ids_clientes={mundo.ana['id']}") == []
    assert b.numeros(client, outra, "termo_busca=Ana") == []
    response = client.post("/v1/venda/busca", json={"ids_clientes": [mundo.ana["id"]]}, headers=outra.auth)
    assert response.status_code == 200 and response.json()["itens"] == []
    # and the first company still sees its own
    assert len(mundo.numeros()) == 5


def test_a_token_is_required(client: TestClient) -> None:
    assert client.get("/v1/venda/busca").status_code == 401
    assert client.post("/v1/venda/busca", json={}).status_code == 401


def test_the_contract_check_can_fail() -> None:
    with pytest.raises(AssertionError):
        assert_conforms("sales", "GET", "/v1/venda/busca", 200, {"total_itens": "1", "itens": []})
    with pytest.raises(AssertionError):
        assert_conforms(
            "sales", "GET", "/v1/venda/busca", 200, {"itens": [{"numero": "1"}]}, exceptions=EXCECOES
        )


def test_a_contracts_scheduled_sales_show_with_their_contract(client: TestClient) -> None:
    """Contracts generate sales (catalog §3.6): `tipo` SCHEDULED_SALE and `id_contrato`; the `tipos` filter
    tells them apart; deleting the contract cancels them (they stay listed, as cancelled sales)."""
    from tests.api.contratos_builders import PATH, Cenario

    company = create_company(client)
    cenario = Cenario(client, company)
    contrato = cenario.criar(tipo_expiracao="DATA", data_fim="2026-10-31")
    body = b.busca(client, company, "tipos=SCHEDULED_SALE&campo_ordenado_ascendente=DATA")
    assert body["total_itens"] >= 2
    for item in body["itens"]:
        assert (item["tipo"], item["id_contrato"]) == ("SCHEDULED_SALE", contrato["id"])
        assert item["total"] == 150
    assert_conforms("sales", "GET", "/v1/venda/busca", 200, body, exceptions=EXCECOES)
    assert b.busca(client, company, "tipos=SALE")["itens"] == []
    apagado = client.delete(f"{PATH}/{contrato['id']}", headers=company.auth)
    assert apagado.status_code == 204, apagado.text
    depois = b.busca(client, company, "tipos=SCHEDULED_SALE")
    assert depois["total_itens"] == body["total_itens"]
    assert {i["situacao"]["nome"] for i in depois["itens"]} == {"CANCELADO"}
    assert depois["quantidades"]["aprovado"] == depois["quantidades"]["esperando_aprovacao"] == 0
