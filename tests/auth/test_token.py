"""The token endpoint with `grant_type=authorization_code`: code lifetime and binding, PKCE, client
authentication in all the places clients put it, and both generations of the path."""

from __future__ import annotations

import base64
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

from anil.domain.clock import MovableClock
from anil.services import admin
from anil.storage.engine import Database
from tests.auth.oauth import (
    REDIRECT_URI,
    Integrator,
    basic,
    company,
    company_seen_by_api,
    exchange,
    get_code,
    register,
    s256,
    user,
)
from tests.helpers import ADMIN

TOKEN_PATHS = ["/oauth2/token", "/oauth/token"]
INVALID_CODE = {"error": "invalid_grant", "error_description": "Invalid 'code' in request."}
INVALID_CLIENT = {"error": "invalid_client", "error_description": "Invalid client authentication"}


@pytest.fixture
def integrator(client: TestClient) -> Integrator:
    integrator = register(client)
    user(client, "ana@loja.com", company(client))
    return integrator


@pytest.mark.parametrize("path", TOKEN_PATHS)
def test_both_token_paths_exchange_a_code(client: TestClient, integrator: Integrator, path: str) -> None:
    response = exchange(client, integrator, get_code(client, integrator, "ana@loja.com"), path)
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["content-type"] == "application/json"
    assert response.json()["token_type"] == "Bearer"


def test_a_code_from_one_generation_is_redeemed_at_the_other(
    client: TestClient, integrator: Integrator
) -> None:
    code = get_code(client, integrator, "ana@loja.com", path="/oauth/authorize")
    assert exchange(client, integrator, code, "/oauth2/token").status_code == 200


def test_a_code_lives_three_minutes(client: TestClient, integrator: Integrator, clock: MovableClock) -> None:
    fresh = get_code(client, integrator, "ana@loja.com")
    old = get_code(client, integrator, "ana@loja.com")
    clock.advance(timedelta(minutes=2, seconds=59))
    assert exchange(client, integrator, fresh).status_code == 200
    clock.advance(timedelta(seconds=2))
    expired = exchange(client, integrator, old)
    assert expired.status_code == 400
    assert expired.json() == INVALID_CODE


def test_a_code_is_single_use(client: TestClient, integrator: Integrator) -> None:
    code = get_code(client, integrator, "ana@loja.com")
    assert exchange(client, integrator, code).status_code == 200
    again = exchange(client, integrator, code)
    assert again.status_code == 400
    assert again.json() == INVALID_CODE


def test_a_code_is_bound_to_its_redirect_uri(client: TestClient) -> None:
    second_uri = "https://app.example.com/outro-retorno"
    created = client.post(
        "/_anil/apps",
        json={"name": "Dois retornos", "redirect_uris": [REDIRECT_URI, second_uri]},
        headers=ADMIN,
    ).json()
    app = Integrator(created["client_id"], created["client_secret"], REDIRECT_URI)
    user(client, "ana@loja.com", company(client))
    code = get_code(client, app, "ana@loja.com")

    for wrong in (second_uri, None):
        extra = {"redirect_uri": wrong} if wrong else {}
        form = {"grant_type": "authorization_code", "code": code} | extra
        response = client.post("/oauth2/token", data=form, headers=app.basic)
        assert response.status_code == 400
        assert response.json() == {
            "error": "invalid_grant",
            "error_description": "Invalid 'redirect_uri' in request.",
        }
    # A refused attempt does not spend the code.
    assert exchange(client, app, code).status_code == 200


def test_a_code_is_bound_to_its_client(client: TestClient, integrator: Integrator) -> None:
    other = register(client)
    code = get_code(client, integrator, "ana@loja.com")
    response = client.post(
        "/oauth2/token",
        data={"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI},
        headers=other.basic,
    )
    assert response.status_code == 400
    assert response.json() == INVALID_CODE
    assert exchange(client, integrator, code).status_code == 200


def test_pkce_s256_verifier_must_match(client: TestClient, integrator: Integrator) -> None:
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    challenge = {"code_challenge": s256(verifier), "code_challenge_method": "S256"}

    code = get_code(client, integrator, "ana@loja.com", **challenge)
    wrong = exchange(client, integrator, code, code_verifier="x" * 43)
    assert wrong.status_code == 400
    assert wrong.json() == {"error": "invalid_grant", "error_description": "Code challenge failed."}

    code = get_code(client, integrator, "ana@loja.com", **challenge)
    missing = exchange(client, integrator, code)
    assert missing.status_code == 400
    assert missing.json() == {"error": "invalid_request", "error_description": "Missing 'code_verifier'"}

    code = get_code(client, integrator, "ana@loja.com", **challenge)
    assert exchange(client, integrator, code, code_verifier=verifier).status_code == 200


def test_a_verifier_without_a_challenge_is_refused(client: TestClient, integrator: Integrator) -> None:
    response = exchange(
        client, integrator, get_code(client, integrator, "ana@loja.com"), code_verifier="v" * 43
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid_request",
        "error_description": "The authorization request had no 'code_challenge', but a 'code_verifier' was provided.",
    }


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Basic bm90LWJhc2U2NA==="},
        {"Authorization": "Bearer abc"},
        "wrong-secret",
        "unknown-client",
    ],
    ids=["missing", "garbled", "not-basic", "wrong-secret", "unknown-client"],
)
def test_bad_client_authentication_is_invalid_client(
    client: TestClient, integrator: Integrator, headers: dict | str
) -> None:
    if headers == "wrong-secret":
        headers = basic(integrator.client_id, "errado")
    elif headers == "unknown-client":
        headers = basic("nao-existe", integrator.client_secret)
    code = get_code(client, integrator, "ana@loja.com")
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI}
    response = client.post("/oauth2/token", data=form, headers=headers)  # type: ignore[arg-type]
    assert response.status_code == 401
    assert response.json() == INVALID_CLIENT
    assert response.headers["www-authenticate"] == (
        'Basic error="invalid_client", error_description="Invalid client authentication"'
    )
    assert exchange(client, integrator, code).status_code == 200  # the code survives


def test_wrong_credentials_in_the_body_are_invalid_client(client: TestClient, integrator: Integrator) -> None:
    form = {
        "grant_type": "authorization_code",
        "code": get_code(client, integrator, "ana@loja.com"),
        "redirect_uri": REDIRECT_URI,
        "client_id": integrator.client_id,
        "client_secret": "errado",
    }
    response = client.post("/oauth2/token", data=form)
    assert response.status_code == 401
    assert response.json() == INVALID_CLIENT


def test_client_credentials_in_the_form_body(client: TestClient, integrator: Integrator) -> None:
    form = {
        "grant_type": "authorization_code",
        "code": get_code(client, integrator, "ana@loja.com"),
        "redirect_uri": REDIRECT_URI,
        "client_id": integrator.client_id,
        "client_secret": integrator.client_secret,
    }
    assert client.post("/oauth2/token", data=form).status_code == 200


def test_basic_and_body_credentials_together(client: TestClient, integrator: Integrator) -> None:
    form = {
        "grant_type": "authorization_code",
        "code": get_code(client, integrator, "ana@loja.com"),
        "redirect_uri": REDIRECT_URI,
        "client_id": integrator.client_id,
        "client_secret": integrator.client_secret,
    }
    assert client.post("/oauth2/token", data=form, headers=integrator.basic).status_code == 200


def test_client_credentials_in_the_query_string(client: TestClient, integrator: Integrator) -> None:
    credentials = urlencode({"client_id": integrator.client_id, "client_secret": integrator.client_secret})
    form = {
        "grant_type": "authorization_code",
        "code": get_code(client, integrator, "ana@loja.com"),
        "redirect_uri": REDIRECT_URI,
    }
    assert client.post(f"/oauth2/token?{credentials}", data=form).status_code == 200


def test_everything_in_the_query_string_with_an_empty_body(
    client: TestClient, integrator: Integrator
) -> None:
    query = urlencode(
        {
            "grant_type": "authorization_code",
            "code": get_code(client, integrator, "ana@loja.com"),
            "redirect_uri": REDIRECT_URI,
            "client_id": integrator.client_id,
            "client_secret": integrator.client_secret,
        }
    )
    response = client.post(f"/oauth/token?{query}")
    assert response.status_code == 200, response.text
    assert company_seen_by_api(client, response.json()["access_token"])


def test_an_unsupported_grant_type(client: TestClient, integrator: Integrator) -> None:
    response = client.post(
        "/oauth2/token",
        data={"grant_type": "password", "username": "a", "password": "b"},
        headers=integrator.basic,
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": "unsupported_grant_type",
        "error_description": "grant_type=password is not supported",
    }


def test_a_missing_grant_type(client: TestClient, integrator: Integrator) -> None:
    response = client.post("/oauth2/token", data={"code": "x"}, headers=integrator.basic)
    assert response.status_code == 400
    assert response.json() == {
        "error": "unsupported_grant_type",
        "error_description": "Missing 'grant_type' in request.",
    }


def test_a_missing_code_is_invalid_request(client: TestClient, integrator: Integrator) -> None:
    response = client.post(
        "/oauth2/token",
        data={"grant_type": "authorization_code", "redirect_uri": REDIRECT_URI},
        headers=integrator.basic,
    )
    assert response.status_code == 400
    assert response.json() == {"error": "invalid_request", "error_description": "Missing 'code' in request."}


def test_a_json_body_is_not_read(client: TestClient, integrator: Integrator) -> None:
    response = client.post(
        "/oauth2/token",
        json={"grant_type": "authorization_code", "code": "x", "redirect_uri": REDIRECT_URI},
        headers=integrator.basic,
    )
    assert response.status_code == 400
    assert response.json()["error"] == "unsupported_grant_type"


def test_plain_http_outside_loopback_needs_sandbox_mode(client_with, db: Database) -> None:  # type: ignore[no-untyped-def]
    registered = db.run_write(
        lambda s: admin.app_json(admin.criar_app(s, nome="x", redirect_uris=[REDIRECT_URI]))
    )
    app = Integrator(registered["client_id"], registered["client_secret"], REDIRECT_URI)
    form = {"grant_type": "refresh_token", "refresh_token": "nao-existe"}

    production = client_with(public_url="http://anil.interno:8000", sandbox="off")
    response = production.post("/oauth/token", data=form, headers=app.basic)
    assert response.status_code == 400
    assert response.json() == {
        "error": "insecure_transport",
        "error_description": "OAuth 2 MUST utilize https.",
    }
    page = production.get(f"/oauth/authorize?response_type=code&client_id={app.client_id}")
    assert page.status_code == 400
    assert "<code>insecure_transport</code>" in page.text

    sandbox = client_with(public_url="http://anil.interno:8000", sandbox="on")
    assert sandbox.post("/oauth/token", data=form, headers=app.basic).json()["error"] == "invalid_grant"
    behind_tls = client_with(public_url="https://anil.example.com", sandbox="off")
    assert behind_tls.post("/oauth/token", data=form, headers=app.basic).json()["error"] == "invalid_grant"


def test_basic_credentials_that_are_not_utf8_are_invalid_client(
    client: TestClient, integrator: Integrator
) -> None:
    garbled = {"Authorization": "Basic " + base64.b64encode(b"\xff\xfe:\xff").decode()}
    response = client.post(
        "/oauth/token", data={"grant_type": "refresh_token", "refresh_token": "x"}, headers=garbled
    )
    assert response.status_code == 401
    assert response.json() == INVALID_CLIENT
