"""`grant_type=refresh_token`: single use, rotation, lifetime, the chain dying on replay, and a race."""

from __future__ import annotations

import threading
from datetime import timedelta

import httpx
import pytest
from fastapi.testclient import TestClient

from anil.domain.clock import MovableClock
from tests.auth.oauth import (
    Integrator,
    company,
    company_seen_by_api,
    exchange,
    get_code,
    refresh,
    register,
    tokens_for,
    user,
)

TOKEN_PATHS = ["/oauth2/token", "/oauth/token"]
REUSED = {
    "error": "invalid_grant",
    "error_subtype": "invalid_refresh_token",
    "error_description": "Refresh token has already been used",
}


@pytest.fixture
def integrator(client: TestClient) -> Integrator:
    registered = register(client)
    user(client, "ana@loja.com", company(client))
    return registered


@pytest.mark.parametrize(("issued_at", "refreshed_at"), [(a, b) for a in TOKEN_PATHS for b in TOKEN_PATHS])
def test_a_refresh_token_from_either_endpoint_works_at_both(
    client: TestClient, integrator: Integrator, issued_at: str, refreshed_at: str
) -> None:
    issued = exchange(client, integrator, get_code(client, integrator, "ana@loja.com"), issued_at).json()
    renewed = refresh(client, integrator, issued["refresh_token"], refreshed_at)
    assert renewed.status_code == 200, renewed.text
    assert set(renewed.json()) == {"access_token", "expires_in", "refresh_token", "token_type", "scope"}
    assert renewed.json()["expires_in"] == 3600
    assert renewed.headers["cache-control"] == "no-store"


def test_every_refresh_rotates_and_the_new_token_refreshes_again(
    client: TestClient, integrator: Integrator
) -> None:
    token = tokens_for(client, integrator, "ana@loja.com")["refresh_token"]
    seen = {token}
    for _ in range(3):
        response = refresh(client, integrator, token)
        assert response.status_code == 200, response.text
        token = response.json()["refresh_token"]
        assert token not in seen
        seen.add(token)


def test_replaying_a_spent_refresh_token_kills_the_chain(client: TestClient, integrator: Integrator) -> None:
    first = tokens_for(client, integrator, "ana@loja.com")
    second = refresh(client, integrator, first["refresh_token"]).json()

    replay = refresh(client, integrator, first["refresh_token"])
    assert replay.status_code == 400
    assert replay.json() == REUSED
    # As in production (catalog §1.4), the connection's chain dies: the newest token is spent too.
    assert refresh(client, integrator, second["refresh_token"]).json() == REUSED
    # The access token keeps working until it expires, and a new authorization starts a new chain.
    assert company_seen_by_api(client, second["access_token"])
    again = tokens_for(client, integrator, "ana@loja.com")
    assert refresh(client, integrator, again["refresh_token"]).status_code == 200


def test_two_concurrent_refreshes_with_one_token_exactly_one_wins(
    client: TestClient, integrator: Integrator
) -> None:
    token = tokens_for(client, integrator, "ana@loja.com")["refresh_token"]
    start = threading.Barrier(2)
    responses: list[httpx.Response] = []

    def refresh_now(path: str) -> None:
        start.wait()
        responses.append(refresh(client, integrator, token, path))

    threads = [threading.Thread(target=refresh_now, args=(path,)) for path in TOKEN_PATHS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(response.status_code for response in responses) == [200, 400]
    winner = next(response for response in responses if response.status_code == 200)
    loser = next(response for response in responses if response.status_code == 400)
    assert loser.json() == REUSED
    assert refresh(client, integrator, winner.json()["refresh_token"]).json() == REUSED


def test_a_refresh_token_lives_fourteen_days(
    client: TestClient, integrator: Integrator, clock: MovableClock
) -> None:
    keeps = tokens_for(client, integrator, "ana@loja.com")["refresh_token"]
    expires = tokens_for(client, integrator, "ana@loja.com")["refresh_token"]
    clock.advance(timedelta(days=13, hours=23))
    renewed = refresh(client, integrator, keeps)
    assert renewed.status_code == 200
    assert company_seen_by_api(client, renewed.json()["access_token"])

    clock.advance(timedelta(hours=1, seconds=1))
    expired = refresh(client, integrator, expires)
    assert expired.status_code == 400
    assert expired.json() == {
        "error": "invalid_grant",
        "error_subtype": "invalid_refresh_token",
        "error_description": "Refresh token has expired",
    }


def test_the_refresh_lifetime_follows_the_setting(client_with, clock: MovableClock) -> None:  # type: ignore[no-untyped-def]
    short = client_with(refresh_token_days=1)
    app = register(short)
    user(short, "ana@loja.com", company(short))
    token = tokens_for(short, app, "ana@loja.com")["refresh_token"]
    clock.advance(timedelta(days=1, seconds=1))
    assert refresh(short, app, token).json()["error_description"] == "Refresh token has expired"


def test_an_unknown_refresh_token(client: TestClient, integrator: Integrator) -> None:
    response = refresh(client, integrator, "nao-existe")
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid_grant",
        "error_subtype": "invalid_refresh_token",
        "error_description": "Invalid refresh token",
    }


def test_a_refresh_token_belongs_to_its_client(client: TestClient, integrator: Integrator) -> None:
    token = tokens_for(client, integrator, "ana@loja.com")["refresh_token"]
    other = register(client)
    response = refresh(client, other, token)
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid_grant",
        "error_subtype": "invalid_client",
        "error_description": "Refresh token was issued to another client",
    }
    assert refresh(client, integrator, token).status_code == 200


def test_refresh_needs_client_authentication(client: TestClient, integrator: Integrator) -> None:
    token = tokens_for(client, integrator, "ana@loja.com")["refresh_token"]
    response = client.post("/oauth/token", data={"grant_type": "refresh_token", "refresh_token": token})
    assert response.status_code == 401
    assert response.json() == {
        "error": "invalid_client",
        "error_description": "Invalid client authentication",
    }
    assert refresh(client, integrator, token).status_code == 200


def test_refresh_with_credentials_in_the_body(client: TestClient, integrator: Integrator) -> None:
    token = tokens_for(client, integrator, "ana@loja.com")["refresh_token"]
    form = {
        "grant_type": "refresh_token",
        "refresh_token": token,
        "client_id": integrator.client_id,
        "client_secret": integrator.client_secret,
    }
    assert client.post("/oauth2/token", data=form).status_code == 200


def test_a_missing_refresh_token_is_invalid_request(client: TestClient, integrator: Integrator) -> None:
    response = client.post("/oauth/token", data={"grant_type": "refresh_token"}, headers=integrator.basic)
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid_request",
        "error_description": "Missing 'refresh_token' in request.",
    }
