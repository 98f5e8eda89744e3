"""GET /v1/orcamentos: every filter, the three orders both ways, paging, `total_itens` with and without the
production quirk, and the query refusals (catalog §3.5, §2.3, §2.4, §2.6), on both engines."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
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
from tests.helpers import ADMIN, Company, create_company

UNKNOWN = "8f2c1f52-0d7e-4a55-9a9e-2c1e7f0a6b11"


@dataclass
class Cenario:
    company: Company
    ana: dict
    bruno: dict
    mesa: dict
    cadeira: dict
    montagem: str
    carla: dict
    davi: dict
    ids: dict[int, str]  # numero → id


def _relogio(client: TestClient, company: Company, instante: str) -> None:
    response = client.put(
        f"/_anil/companies/{company.id}/relogio", json={"instante": instante}, headers=ADMIN
    )
    assert response.status_code == 200, response.text


def _cenario(client: TestClient) -> Cenario:
    company = create_company(client)
    ana = b.pessoas.create(client, company, b.pessoas.fisica("Ána Souza", email="ana@example.com"))
    ana = b.pessoas.get(client, company, ana["id"])
    bruno = b.pessoas.create(client, company, b.pessoas.fisica("bruno Lima"))
    mesa = client.get(f"/v1/produtos/{b.produto(client, company, 'Mesa')}", headers=company.auth).json()
    cadeira = client.get(f"/v1/produtos/{b.produto(client, company, 'Cadeira')}", headers=company.auth).json()
    montagem = b.servico(client, company, "Montagem")
    carla = b.vendedor(client, company, "Carla")
    davi = b.vendedor(client, company, "Davi")
    # numero, client, data_orcamento, items, seller, company clock at creation (UTC)
    plano = [
        (ana, "2026-03-10", [b.item(mesa["id"], 1, 100)], carla, "2026-03-10T12:00:00Z"),
        (bruno, "2026-03-05", [b.item(cadeira["id"], 2, 50)], davi, "2026-03-11T02:30:00Z"),
        (ana, "2026-04-01", [b.item(montagem, 1, 80)], davi, "2026-04-01T12:00:00Z"),
        (
            bruno,
            "2026-04-01",
            [b.item(mesa["id"], 1, 100), b.item(montagem, 1, 80)],
            carla,
            "2026-04-02T12:00:00Z",
        ),
    ]
    ids = {}
    for numero, (cliente, data, itens, vendedor, instante) in enumerate(plano, start=1):
        _relogio(client, company, instante)
        body = {**b.corpo(cliente["id"], *itens), "data_orcamento": data, "data_validade": "2026-12-31"}
        ids[numero] = b.criar(client, company, {**body, "id_vendedor": vendedor["id"]})
    _relogio(client, company, "2026-04-05T15:00:00Z")
    assert b.situacao(client, company, ids[2], "ORCAMENTO_RECUSADO").status_code == 200
    _relogio(client, company, "2026-04-06T15:00:00Z")
    assert b.situacao(client, company, ids[3], "ORCAMENTO_ACEITO").status_code == 200
    return Cenario(company, ana, bruno, mesa, cadeira, montagem, carla, davi, ids)


def _numeros(client: TestClient, c: Cenario, params: object = None) -> list[int]:
    return [item["numero"] for item in b.listar(client, c.company, params)["itens"]]


def test_every_filter(client: TestClient) -> None:
    c = _cenario(client)
    casos: list[tuple[object, list[int]]] = [
        ({}, [4, 3, 1, 2]),  # DATA descending, ties by numero
        ({"termo_busca": "ana"}, [3, 1]),
        ({"termo_busca": "SOUZA"}, [3, 1]),
        ({"termo_busca": "2"}, [2]),
        ({"termo_busca": "nobody"}, []),
        ({"termo_busca": "!!!"}, []),
        ({"termo_busca": str(2**64)}, []),
        ({"numeros": str(2**63 - 1)}, []),
        ({"data_inicio": "2026-03-05", "data_fim": "2026-03-10"}, [1, 2]),
        ({"data_inicio": "2026-04-01", "data_fim": "2026-04-01"}, [4, 3]),
        # created 2026-03-10T23:30 in São Paulo: the 10th, not the 11th
        ({"data_criacao_de": "2026-03-10", "data_criacao_ate": "2026-03-10"}, [1, 2]),
        ({"data_criacao_de": "2026-03-11", "data_criacao_ate": "2026-04-01"}, [3]),
        ({"data_alteracao_de": "2026-04-05T12:00:00", "data_alteracao_ate": "2026-04-05T12:00"}, [2]),
        ({"data_alteracao_de": "2026-04-05T12:00:01", "data_alteracao_ate": "2026-04-06T12:00:00"}, [3]),
        ({"ids_vendedores": c.carla["id"]}, [4, 1]),
        ({"ids_clientes": f"{c.ana['id']},{c.bruno['id']}"}, [4, 3, 1, 2]),
        ({"ids_clientes": c.bruno["id"]}, [4, 2]),
        ({"ids_produtos": c.mesa["id"]}, [4, 1]),
        ({"ids_produtos": c.montagem}, [4, 3]),
        ({"ids_natureza_operacao": UNKNOWN}, []),
        ({"ids_categorias": UNKNOWN}, []),
        ({"situacoes": "ORCAMENTO_RECUSADO,ORCAMENTO_ACEITO"}, [3, 2]),
        ({"situacoes": "ORCAMENTO"}, [4, 1]),
        ({"origens": "API"}, [4, 3, 1, 2]),
        ({"origens": "NFE"}, []),
        ({"numeros": "1,3"}, [3, 1]),
        ({"ids_legado_donos": c.davi["id_legado"]}, [3, 2]),
        ({"ids_legado_clientes": c.ana["pessoas_legado"][0]["id"]}, [3, 1]),
        ({"ids_legado_produtos": c.cadeira["id_legado"]}, [2]),
        ({"ids_clientes": c.ana["id"], "ids_vendedores": c.davi["id"]}, [3]),
        ({"zzz_bogus": "1"}, [4, 3, 1, 2]),
    ]
    for params, esperado in casos:
        assert _numeros(client, c, params) == esperado, params
    repetidos = [("numeros", "1"), ("numeros", "2"), ("situacoes", "ORCAMENTO")]
    assert _numeros(client, c, repetidos) == [1]


def test_orders_both_ways(client: TestClient) -> None:
    c = _cenario(client)
    casos = {
        ("campo_ordenado_ascendente", "DATA"): [2, 1, 3, 4],
        ("campo_ordenado_descendente", "DATA"): [4, 3, 1, 2],
        ("campo_ordenado_ascendente", "NUMERO"): [1, 2, 3, 4],
        ("campo_ordenado_descendente", "NUMERO"): [4, 3, 2, 1],
        ("campo_ordenado_ascendente", "CLIENTE"): [
            1,
            3,
            2,
            4,
        ],  # "Ána" before "bruno", accents and case ignored
        ("campo_ordenado_descendente", "CLIENTE"): [4, 2, 3, 1],
    }
    for (campo, valor), esperado in casos.items():
        assert _numeros(client, c, {campo: valor}) == esperado, (campo, valor)
    ambos = {"campo_ordenado_ascendente": "NUMERO", "campo_ordenado_descendente": "DATA"}
    assert _numeros(client, c, ambos) == [1, 2, 3, 4]  # ascending wins


def test_paging_and_total_itens_without_the_refused_ones(client: TestClient) -> None:
    c = _cenario(client)
    pagina1 = b.listar(client, c.company, {"tamanho_pagina": 10, "campo_ordenado_ascendente": "NUMERO"})
    assert pagina1["total_itens"] == 3  # production leaves the refused one out of the count...
    assert len(pagina1["itens"]) == 4  # ...and lists it all the same
    assert b.listar(client, c.company, {"situacoes": "ORCAMENTO_RECUSADO"}) == {
        "itens": b.listar(client, c.company, {"numeros": "2"})["itens"],
        "total_itens": 0,
    }
    assert b.listar(client, c.company, {"pagina": 2})["itens"] == []
    for numero in range(5, 13):
        cliente = c.ana["id"]
        b.criar(client, c.company, b.corpo(cliente, b.item(c.mesa["id"])))
        assert numero  # numbered on
    primeira = _numeros(client, c, {"campo_ordenado_ascendente": "NUMERO"})
    segunda = _numeros(client, c, {"campo_ordenado_ascendente": "NUMERO", "pagina": 2})
    assert primeira == list(range(1, 11)) and segunda == [11, 12]
    assert b.listar(client, c.company, {"pagina": 2})["total_itens"] == 11


@pytest.fixture
def spec_client(settings: Settings, db: Database, clock: MovableClock) -> Iterator[TestClient]:
    app = create_app(settings.model_copy(update={"quirks": "off"}), db=db, clock=clock, admin_key=ADMIN_KEY)
    with TestClient(app) as test_client:
        yield test_client


def test_with_quirks_off_total_itens_counts_every_match(spec_client: TestClient) -> None:
    c = _cenario(spec_client)
    assert b.listar(spec_client, c.company)["total_itens"] == 4
    assert b.listar(spec_client, c.company, {"situacoes": "ORCAMENTO_RECUSADO"})["total_itens"] == 1


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"tamanho_pagina": 15}, choices.PAGE_SIZE_MESSAGE),
        ({"pagina": 0}, choices.PAGE_MESSAGE),
        (
            {"campo_ordenado_ascendente": "VALOR"},
            "O valor do atributo 'campo_ordenado_ascendente' deve ser um dos seguintes valores: DATA, NUMERO, CLIENTE",
        ),
        (
            {"campo_ordenado_descendente": "data"},
            "O valor do atributo 'campo_ordenado_descendente' deve ser um dos seguintes valores: DATA, NUMERO, CLIENTE",
        ),
        (
            {"situacoes": "ORCAMENTO,APROVADO"},
            "O valor do atributo 'situacoes' deve ser um dos seguintes valores: ORCAMENTO, ORCAMENTO_ACEITO, "
            "ORCAMENTO_RECUSADO",
        ),
        ({"numeros[]": "1"}, choices.ORCAMENTOS_COLCHETES_MESSAGE.format(parametro="numeros[]")),
        (
            {"ids_clientes[0]": UNKNOWN},
            choices.ORCAMENTOS_COLCHETES_MESSAGE.format(parametro="ids_clientes[0]"),
        ),
        ({"numeros": "1,x"}, "O valor do atributo 'numeros' deve conter apenas números inteiros"),
        ({"numeros": str(2**63)}, "O valor do atributo 'numeros' deve conter apenas números inteiros"),
        (
            {"ids_legado_donos": str(-(2**63) - 1)},
            "O valor do atributo 'ids_legado_donos' deve conter apenas números inteiros",
        ),
        (
            {"ids_legado_clientes": "1.5"},
            "O valor do atributo 'ids_legado_clientes' deve conter apenas números inteiros",
        ),
        ({"ids_clientes": "123"}, choices.UUID_MESSAGE),
        (
            {"data_inicio": "2026-01-01"},
            "É necessário informar ambos os parâmetros de data: 'data_inicio' e 'data_fim'",
        ),
        (
            {"data_criacao_ate": "2026-01-01"},
            "É necessário informar ambos os parâmetros de data: 'data_criacao_de' e 'data_criacao_ate'",
        ),
        (
            {"data_inicio": "2026-02-01", "data_fim": "2026-01-01"},
            "O valor de 'data_fim' deve ser posterior ao valor de 'data_inicio'",
        ),
        (
            {"data_inicio": "01/01/2026", "data_fim": "2026-01-02"},
            "O valor do atributo 'data_inicio' deve estar no formato yyyy-MM-dd",
        ),
        (
            {"data_alteracao_de": "2026-01-01T00:00:00Z", "data_alteracao_ate": "2026-01-02T00:00:00"},
            "O valor do atributo 'data_alteracao_de' deve estar no formato yyyy-MM-ddTHH:mm:ss, sem fuso horário",
        ),
        (
            {"data_alteracao_de": "2026-01-01", "data_alteracao_ate": "2026-01-02"},
            "O valor do atributo 'data_alteracao_de' deve estar no formato yyyy-MM-ddTHH:mm:ss, sem fuso horário",
        ),
    ],
)
def test_bad_queries_are_refused(client: TestClient, params: dict, message: str) -> None:
    company = create_company(client)
    response = client.get(b.PATH, params=params, headers=company.auth)
    assert (response.status_code, response.json()) == (400, {"error": message})


def test_tenants_see_only_their_own(client: TestClient, clock: MovableClock) -> None:
    clock.freeze(datetime(2026, 5, 2, 15, 0, tzinfo=UTC))
    c = _cenario(client)
    outra = create_company(client, "Outra Ltda")
    assert b.listar(client, outra) == {"itens": [], "total_itens": 0}
    alheio = b.criar(client, outra, b.corpo(b.cliente(client, outra), b.item(b.produto(client, outra))))
    assert [i["id"] for i in b.todos(client, outra)] == [alheio]
    assert alheio not in {i["id"] for i in b.todos(client, c.company)}
    assert _numeros(client, c, {"ids_clientes": c.ana["id"]}) == [3, 1]
    assert b.listar(client, outra, {"ids_clientes": c.ana["id"]})["itens"] == []
