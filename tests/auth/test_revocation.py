"""`DELETE /oauth/connections/{id_empresa}` (catalog §1.6) and what it does to tokens."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from anil.domain.clock import MovableClock
from tests.auth.oauth import (
    bearer,
    company,
    company_seen_by_api,
    refresh,
    register,
    tokens_for,
    user,
)

REVOKED = {
    "error": "invalid_grant",
    "error_subtype": "access_revoked",
    "error_description": "Access to this company has been revoked",
}


def test_revoking_a_connection_ends_refreshes_but_not_the_access_token(client: TestClient) -> None:
    app = register(client)
    empresa = company(client)
    user(client, "ana@loja.com", empresa)
    tokens = tokens_for(client, app, "ana@loja.com")

    first = client.delete(f"/oauth/connections/{empresa}", headers=bearer(tokens["access_token"]))
    assert first.status_code == 204
    assert first.content == b""
    again = client.delete(f"/oauth/connections/{empresa}", headers=bearer(tokens["access_token"]))
    assert again.status_code == 204
    assert again.content == b""

    assert company_seen_by_api(client, tokens["access_token"]) == empresa
    refused = refresh(client, app, tokens["refresh_token"])
    assert refused.status_code == 400
    assert refused.json() == REVOKED

    # A new authorization flow reconnects; tokens from before the revocation stay dead.
    renewed = tokens_for(client, app, "ana@loja.com")
    assert company_seen_by_api(client, renewed["access_token"]) == empresa
    assert refresh(client, app, renewed["refresh_token"]).status_code == 200
    assert refresh(client, app, tokens["refresh_token"]).json() == {
        "error": "invalid_grant",
        "error_subtype": "invalid_refresh_token",
        "error_description": "Refresh token has already been used",
    }


def test_revoking_one_company_leaves_the_others_connected(client: TestClient) -> None:
    app = register(client)
    a, b = company(client, "A Ltda"), company(client, "B Ltda")
    user(client, "a@a.com", a)
    user(client, "b@b.com", b)
    token_a, token_b = tokens_for(client, app, "a@a.com"), tokens_for(client, app, "b@b.com")
    assert (
        client.delete(f"/oauth/connections/{a}", headers=bearer(token_a["access_token"])).status_code == 204
    )
    assert refresh(client, app, token_a["refresh_token"]).json() == REVOKED
    assert refresh(client, app, token_b["refresh_token"]).status_code == 200


def test_another_company_is_404_even_when_the_app_is_connected_to_it(client: TestClient) -> None:
    app = register(client)
    a, b = company(client, "A Ltda"), company(client, "B Ltda")
    user(client, "a@a.com", a)
    user(client, "b@b.com", b)
    token_a = tokens_for(client, app, "a@a.com")
    tokens_for(client, app, "b@b.com")

    response = client.delete(f"/oauth/connections/{b}", headers=bearer(token_a["access_token"]))
    assert response.status_code == 404
    assert response.json() == {"error": "Conexão não encontrada"}
    unknown = client.delete(
        "/oauth/connections/00000000-0000-0000-0000-000000000000", headers=bearer(token_a["access_token"])
    )
    assert unknown.status_code == 404
    assert unknown.json() == {"error": "Conexão não encontrada"}


def test_another_apps_connection_is_404(client: TestClient) -> None:
    mine, theirs = register(client), register(client)
    empresa = company(client)
    user(client, "ana@loja.com", empresa)
    tokens_for(client, theirs, "ana@loja.com")
    my_tokens = tokens_for(client, mine, "ana@loja.com")
    assert (
        client.delete(f"/oauth/connections/{empresa}", headers=bearer(my_tokens["access_token"])).status_code
        == 204
    )
    # Revoking my connection left the other app's one alone: its refresh still works.
    their_tokens = tokens_for(client, theirs, "ana@loja.com")
    assert refresh(client, theirs, their_tokens["refresh_token"]).status_code == 200


def test_revocation_needs_a_valid_access_token(client: TestClient, clock: MovableClock) -> None:
    app = register(client)
    empresa = company(client)
    user(client, "ana@loja.com", empresa)
    tokens = tokens_for(client, app, "ana@loja.com")
    path = f"/oauth/connections/{empresa}"

    for headers in ({}, {"Authorization": "Bearer x.y.z"}, app.basic):
        response = client.delete(path, headers=headers)
        assert response.status_code == 401
        assert response.json()["error"] == "invalid_token"
        assert response.headers["www-authenticate"].startswith("Bearer")

    clock.advance(timedelta(hours=1, seconds=1))
    expired = client.delete(path, headers=bearer(tokens["access_token"]))
    assert expired.status_code == 401
    assert expired.json() == {"error": "invalid_token", "error_description": "Token expirado"}
    # Nothing was revoked by the refused calls.
    assert refresh(client, app, tokens["refresh_token"]).status_code == 200
