"""GET /v1/venda/vendedores (catalog §3.4) and the `/_anil/` paths that create sellers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from anil.api.app import create_app
from anil.config import Settings
from anil.sandbox.seed import ensure_demo
from anil.services import vendedores as vendedores_service
from anil.storage.engine import Database
from tests.conftest import ADMIN_KEY
from tests.helpers import ADMIN, Company, create_company

UNKNOWN_COMPANY = "5b0e9a4e-8d4f-4d7e-9a55-0e4a1d9c1b11"


def add_seller(client: TestClient, company: Company | str, nome: str) -> dict:
    empresa = company if isinstance(company, str) else company.id
    response = client.post(f"/_anil/companies/{empresa}/vendedores", json={"nome": nome}, headers=ADMIN)
    assert response.status_code == 201, response.text
    return response.json()


def sellers(client: TestClient, company: Company) -> list[dict]:
    response = client.get("/v1/venda/vendedores", headers=company.auth)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()


@pytest.fixture
def spec_client(settings: Settings, db: Database, clock) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    """The same app with ANIL_QUIRKS=off: answers what the provider spec documents."""
    app = create_app(settings.model_copy(update={"quirks": "off"}), db=db, clock=clock, admin_key=ADMIN_KEY)
    with TestClient(app) as client:
        yield client


# ------------------------------------------------------------------------------------------ /v1 ----


def test_a_new_company_has_no_sellers(client: TestClient) -> None:
    assert sellers(client, create_company(client)) == []


def test_sellers_are_a_bare_array_by_name_without_id_legado_as_production(client: TestClient) -> None:
    company = create_company(client)
    zeca = add_seller(client, company, "Zeca Pagodinho")
    ana = add_seller(client, company, "ana Lúcia")
    alvaro = add_seller(client, company, "Álvaro Dias")
    assert sellers(client, company) == [
        {"id": alvaro["id"], "nome": "Álvaro Dias"},
        {"id": ana["id"], "nome": "ana Lúcia"},
        {"id": zeca["id"], "nome": "Zeca Pagodinho"},
    ]


def test_same_names_keep_creation_order(client: TestClient) -> None:
    company = create_company(client)
    first = add_seller(client, company, "Maria")
    second = add_seller(client, company, "MARIA")
    assert [s["id"] for s in sellers(client, company)] == [first["id"], second["id"]]


def test_with_quirks_off_the_list_carries_id_legado_as_the_spec(spec_client: TestClient) -> None:
    company = create_company(spec_client)
    created = add_seller(spec_client, company, "Bruno Costa")
    assert sellers(spec_client, company) == [
        {"id": created["id"], "nome": "Bruno Costa", "id_legado": created["id_legado"]}
    ]
    assert isinstance(created["id_legado"], int)


def test_companies_never_see_each_others_sellers(client: TestClient) -> None:
    mine = create_company(client, "Minha Ltda")
    theirs = create_company(client, "Outra Ltda")
    own = add_seller(client, mine, "Carla")
    add_seller(client, theirs, "Diego")
    assert sellers(client, mine) == [{"id": own["id"], "nome": "Carla"}]
    assert [s["nome"] for s in sellers(client, theirs)] == ["Diego"]


def test_the_list_needs_a_token(client: TestClient) -> None:
    assert client.get("/v1/venda/vendedores").status_code == 401
    bad = client.get("/v1/venda/vendedores", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401


def test_the_demo_company_has_sellers(client: TestClient, db: Database) -> None:
    demo = db.run_write(lambda s: ensure_demo(s, redirect_uri="http://localhost:8000/_anil/callback"))
    token = client.post("/_anil/tokens", json={"id_empresa": demo.empresa["id_empresa"]}, headers=ADMIN)
    assert token.status_code == 201, token.text
    auth = {"Authorization": f"Bearer {token.json()['access_token']}"}
    listed = client.get("/v1/venda/vendedores", headers=auth).json()
    assert [s["nome"] for s in listed] == sorted(vendedores_service.DEMO)
    servicos = client.get("/v1/servicos", headers=auth).json()
    assert servicos["paginacao"]["total_itens"] >= 3
    com_cenario = [s for s in servicos["itens"] if s["lista_cenario_tributario"]]
    assert com_cenario and com_cenario[0]["lista_cenario_tributario"][0]["municipio"]["codigo"] == 3550308


def test_sellers_can_be_found_by_id_for_the_groups_that_reference_them(
    client: TestClient, db: Database
) -> None:
    company = create_company(client)
    created = add_seller(client, company, "Eva")
    found = db.run_read(lambda s: vendedores_service.obter(s, company.id, created["id"]))
    assert (found.id, found.nome, found.id_legado) == (created["id"], "Eva", created["id_legado"])
    other = create_company(client, "Outra Ltda")
    with pytest.raises(Exception, match="Vendedor não encontrado"):
        db.run_read(lambda s: vendedores_service.obter(s, other.id, created["id"]))


# ---------------------------------------------------------------------------------------- /_anil/ ----


def test_control_creates_and_lists_sellers(client: TestClient) -> None:
    company = create_company(client)
    created = add_seller(client, company, "  Fábio Melo  ")
    assert set(created) == {"id", "nome", "id_legado", "id_empresa"}
    assert created["nome"] == "Fábio Melo" and created["id_empresa"] == company.id
    also = client.post(f"/_anil/companies/{company.id}/vendedores", json={"name": "Gil"}, headers=ADMIN)
    assert also.status_code == 201
    listed = client.get(f"/_anil/companies/{company.id}/vendedores", headers=ADMIN)
    assert listed.status_code == 200
    assert listed.json() == [created, also.json()]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "O campo 'nome' é obrigatório"),
        ({"nome": "   "}, "O campo 'nome' é obrigatório"),
        ({"nome": "x" * 256}, "O campo 'nome' deve ter no máximo 255 caracteres"),
        ({"nome": 5}, "O campo 'nome' é inválido"),
        ([], "O corpo da requisição é inválido"),
    ],
)
def test_control_refuses_bad_sellers_and_writes_nothing(
    client: TestClient, body: object, message: str
) -> None:
    company = create_company(client)
    response = client.post(f"/_anil/companies/{company.id}/vendedores", json=body, headers=ADMIN)
    assert response.status_code == 400
    assert response.json() == {"error": message, "code": "entrada_invalida"}
    assert sellers(client, company) == []


def test_control_answers_404_for_an_unknown_company(client: TestClient) -> None:
    created = client.post(f"/_anil/companies/{UNKNOWN_COMPANY}/vendedores", json={"nome": "X"}, headers=ADMIN)
    assert created.status_code == 404
    assert created.json() == {"error": f"Empresa {UNKNOWN_COMPANY} não encontrada", "code": "nao_encontrado"}
    listed = client.get(f"/_anil/companies/{UNKNOWN_COMPANY}/vendedores", headers=ADMIN)
    assert listed.status_code == 404


def test_control_needs_the_admin_key(client: TestClient) -> None:
    company = create_company(client)
    path = f"/_anil/companies/{company.id}/vendedores"
    assert client.get(path).status_code == 401
    assert client.post(path, json={"nome": "X"}, headers={"X-Anil-Admin-Key": "wrong"}).status_code == 401
    assert sellers(client, company) == []


def test_sandbox_off_hides_the_seller_paths(settings: Settings, db: Database, clock) -> None:  # type: ignore[no-untyped-def]
    off = create_app(settings.model_copy(update={"sandbox": "off"}), db=db, clock=clock, admin_key="k")
    with TestClient(off) as client:
        path = f"/_anil/companies/{UNKNOWN_COMPANY}/vendedores"
        assert client.get(path, headers={"X-Anil-Admin-Key": "k"}).status_code == 404
        assert client.post(path, json={"nome": "X"}, headers={"X-Anil-Admin-Key": "k"}).status_code == 404
