"""Small builders that go through the public surface (HTTP), as a client would."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi.testclient import TestClient

from tests.conftest import ADMIN_KEY

ADMIN = {"X-Anil-Admin-Key": ADMIN_KEY}


@dataclass(frozen=True)
class Company:
    id: str
    token: str
    refresh_token: str
    client_id: str
    client_secret: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def create_app_registration(
    client: TestClient, redirect_uri: str = "https://app.example.com/callback"
) -> dict:
    response = client.post(
        "/_anil/apps", json={"name": "Integrador", "redirect_uri": redirect_uri}, headers=ADMIN
    )
    assert response.status_code == 201, response.text
    return response.json()


def create_company(client: TestClient, name: str = "Empresa Teste Ltda", app: dict | None = None) -> Company:
    response = client.post("/_anil/companies", json={"name": name}, headers=ADMIN)
    assert response.status_code == 201, response.text
    empresa = response.json()
    app = app or create_app_registration(client)
    token = client.post(
        "/_anil/tokens",
        json={"id_empresa": empresa["id_empresa"], "client_id": app["client_id"]},
        headers=ADMIN,
    )
    assert token.status_code == 201, token.text
    body = token.json()
    return Company(
        empresa["id_empresa"],
        body["access_token"],
        body["refresh_token"],
        app["client_id"],
        app["client_secret"],
    )
