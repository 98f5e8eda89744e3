"""The sandbox control namespace `/_anil/`."""

from __future__ import annotations

from fastapi.testclient import TestClient

from anil.api.app import create_app
from anil.config import Settings
from tests.helpers import ADMIN, create_app_registration, create_company


def test_admin_key_is_required(client: TestClient) -> None:
    assert client.get("/_anil/companies").status_code == 401
    assert client.get("/_anil/companies", headers={"X-Anil-Admin-Key": "wrong"}).status_code == 401
    assert client.get("/_anil/companies", headers=ADMIN).json() == []


def test_companies_are_created_with_a_valid_cnpj_and_listed(client: TestClient) -> None:
    created = client.post("/_anil/companies", json={"name": "Padaria Pão Quente Ltda"}, headers=ADMIN)
    assert created.status_code == 201
    body = created.json()
    assert body["razao_social"] == "Padaria Pão Quente Ltda"
    assert len(body["documento"]) == 14
    listed = client.get("/_anil/companies", headers=ADMIN).json()
    assert [c["id_empresa"] for c in listed] == [body["id_empresa"]]


def test_a_company_with_an_invalid_cnpj_is_refused_and_not_written(client: TestClient) -> None:
    response = client.post("/_anil/companies", json={"name": "X", "cnpj": "11222333000180"}, headers=ADMIN)
    assert response.status_code == 400
    assert response.json()["error"] == "O CNPJ informado é inválido"
    assert client.get("/_anil/companies", headers=ADMIN).json() == []


def test_alphanumeric_cnpj_is_accepted(client: TestClient) -> None:
    response = client.post(
        "/_anil/companies", json={"name": "Nova", "cnpj": "12.ABC.345/01DE-35"}, headers=ADMIN
    )
    assert response.status_code == 201
    assert response.json()["documento"] == "12ABC34501DE35"


def test_a_user_can_join_a_second_company(client: TestClient) -> None:
    a = client.post("/_anil/companies", json={"name": "A"}, headers=ADMIN).json()["id_empresa"]
    b = client.post("/_anil/companies", json={"name": "B"}, headers=ADMIN).json()["id_empresa"]
    first = client.post(
        "/_anil/users", json={"email": "ana@x.com", "password": "s3nha", "company": a}, headers=ADMIN
    )
    second = client.post(
        "/_anil/users", json={"email": "ana@x.com", "password": "s3nha", "company": b}, headers=ADMIN
    )
    assert first.status_code == second.status_code == 201
    assert second.json()["id"] == first.json()["id"]
    assert second.json()["empresas"] == [a, b]
    again = client.post(
        "/_anil/users", json={"email": "ana@x.com", "password": "s3nha", "company": b}, headers=ADMIN
    )
    assert again.status_code == 409


def test_apps_and_tokens(client: TestClient) -> None:
    app = create_app_registration(client)
    assert len(app["client_id"]) == 48
    assert client.get("/_anil/apps", headers=ADMIN).json()[0]["client_id"] == app["client_id"]
    company = create_company(client, app=app)
    assert company.token.count(".") == 2
    assert company.client_secret == app["client_secret"]


def test_tokens_for_an_unknown_company_are_refused(client: TestClient) -> None:
    create_app_registration(client)
    response = client.post(
        "/_anil/tokens", json={"id_empresa": "5b0e9a4e-8d4f-4d7e-9a55-0e4a1d9c1b11"}, headers=ADMIN
    )
    assert response.status_code == 404


def test_sandbox_off_hides_the_control_namespace(settings: Settings, db, clock) -> None:  # type: ignore[no-untyped-def]
    off = create_app(settings.model_copy(update={"sandbox": "off"}), db=db, clock=clock, admin_key="k")
    with TestClient(off) as client:
        assert client.get("/_anil/companies", headers={"X-Anil-Admin-Key": "k"}).status_code == 404
        assert client.post("/_anil/tokens", json={}, headers={"X-Anil-Admin-Key": "k"}).status_code == 404
