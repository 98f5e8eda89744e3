"""The whole integrator journey, scripted as an integration's test suite would run it against anil."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from joserfc import jwt
from joserfc.jwk import KeySet

from anil.domain.clock import MovableClock
from tests.auth.oauth import (
    SCOPE,
    api_refuses,
    authorize_url,
    bearer,
    company,
    company_seen_by_api,
    consent,
    exchange,
    redirected_params,
    refresh,
    register,
    user,
)


def test_authorize_exchange_call_refresh_replay_and_expire(client: TestClient, clock: MovableClock) -> None:
    app = register(client)
    empresa = company(client, "Padaria Pão Quente Ltda")
    user(client, "dona@padaria.com.br", empresa)

    url = authorize_url(app, state="estado-123")
    page = client.get(url)
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert 'name="email"' in page.text and 'name="password"' in page.text

    received = redirected_params(consent(client, url, "dona@padaria.com.br"))
    assert set(received) == {"code", "state"}
    assert received["state"] == "estado-123"

    exchanged = exchange(client, app, received["code"])
    assert exchanged.status_code == 200, exchanged.text
    assert exchanged.headers["cache-control"] == "no-store"
    tokens = exchanged.json()
    assert set(tokens) == {"access_token", "expires_in", "refresh_token", "token_type", "scope"}
    assert tokens["expires_in"] == 3600
    assert tokens["token_type"] == "Bearer"
    assert tokens["scope"] == SCOPE
    conectada = client.get("/v1/pessoas/conta-conectada", headers=bearer(tokens["access_token"]))
    assert conectada.status_code == 200
    assert conectada.json()["id_empresa"] == empresa
    assert conectada.json()["razao_social"] == "Padaria Pão Quente Ltda"
    assert client.get("/v1/pessoas", headers=bearer(tokens["access_token"])).status_code == 200

    claims = jwt.decode(
        tokens["access_token"], KeySet.import_key_set(client.get("/.well-known/jwks.json").json())
    ).claims
    assert claims["id_empresa"] == empresa
    assert claims["client_id"] == app.client_id
    assert claims["iss"] == "http://localhost:8000"
    assert claims["exp"] - claims["iat"] == 3600

    renewed = refresh(client, app, tokens["refresh_token"])
    assert renewed.status_code == 200, renewed.text
    fresh = renewed.json()
    assert fresh["refresh_token"] != tokens["refresh_token"]
    assert fresh["access_token"] != tokens["access_token"]
    assert company_seen_by_api(client, fresh["access_token"]) == empresa

    replayed = refresh(client, app, tokens["refresh_token"])
    assert replayed.status_code == 400
    assert replayed.json() == {
        "error": "invalid_grant",
        "error_subtype": "invalid_refresh_token",
        "error_description": "Refresh token has already been used",
    }

    clock.advance(timedelta(hours=1, seconds=1))
    assert api_refuses(client, fresh["access_token"])


def test_refreshing_after_the_access_token_expired_gives_a_token_valid_now(
    client: TestClient, clock: MovableClock
) -> None:
    app = register(client)
    empresa = company(client)
    user(client, "ana@loja.com", empresa)
    url = authorize_url(app)
    tokens = exchange(client, app, redirected_params(consent(client, url, "ana@loja.com"))["code"]).json()

    clock.advance(timedelta(hours=5))
    assert api_refuses(client, tokens["access_token"])
    renewed = refresh(client, app, tokens["refresh_token"])
    assert renewed.status_code == 200, renewed.text
    assert company_seen_by_api(client, renewed.json()["access_token"]) == empresa


def test_a_user_in_two_companies_picks_the_second_and_the_token_is_bound_to_it(client: TestClient) -> None:
    app = register(client)
    first, second = company(client, "Matriz Ltda"), company(client, "Filial Ltda")
    user(client, "contador@grupo.com", first, second)
    url = authorize_url(app)

    # Without a choice, the consent page lists both companies; nothing is preselected.
    page = consent(client, url, "contador@grupo.com")
    assert page.status_code == 200
    assert "<select" in page.text
    assert f'<option value="{first}">Matriz Ltda</option>' in page.text
    assert f'<option value="{second}">Filial Ltda</option>' in page.text

    code = redirected_params(consent(client, url, "contador@grupo.com", id_empresa=second))["code"]
    tokens = exchange(client, app, code).json()
    assert company_seen_by_api(client, tokens["access_token"]) == second
    renewed = refresh(client, app, tokens["refresh_token"]).json()
    assert company_seen_by_api(client, renewed["access_token"]) == second


def test_one_app_is_connected_by_many_companies_one_flow_each(client: TestClient) -> None:
    app = register(client)
    a, b = company(client, "Empresa A Ltda"), company(client, "Empresa B Ltda")
    user(client, "a@a.com", a)
    user(client, "b@b.com", b)
    url = authorize_url(app)
    token_a = exchange(client, app, redirected_params(consent(client, url, "a@a.com"))["code"]).json()
    token_b = exchange(client, app, redirected_params(consent(client, url, "b@b.com"))["code"]).json()
    assert company_seen_by_api(client, token_a["access_token"]) == a
    assert company_seen_by_api(client, token_b["access_token"]) == b
    assert refresh(client, app, token_a["refresh_token"]).status_code == 200
    assert refresh(client, app, token_b["refresh_token"]).status_code == 200
