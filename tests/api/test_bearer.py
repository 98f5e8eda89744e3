"""Bearer auth on /v1/* (catalog §1.7) and the per-company rate limit over HTTP (§2.9)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from joserfc import jwt
from joserfc.jwk import RSAKey

from anil.api.app import create_app
from anil.config import Settings
from anil.domain.clock import MovableClock
from tests.helpers import create_app_registration, create_company

CONECTADA = "/v1/pessoas/conta-conectada"


def test_missing_or_malformed_tokens_get_401(client: TestClient) -> None:
    for headers in (
        {},
        {"Authorization": "Bearer"},
        {"Authorization": "Basic abc"},
        {"Authorization": "Bearer x.y.z"},
    ):
        response = client.get(CONECTADA, headers=headers)
        assert response.status_code == 401, headers
        assert response.json()["error"] == "invalid_token"
        assert response.headers["www-authenticate"].startswith("Bearer")


def test_a_token_signed_by_another_key_is_refused(client: TestClient) -> None:
    company = create_company(client)
    forged_key = RSAKey.generate_key(2048, auto_kid=True)
    forged = jwt.encode(
        {"alg": "RS256", "kid": forged_key.kid},
        {"iss": "http://localhost:8000", "id_empresa": company.id, "exp": 4_000_000_000},
        forged_key,
    )
    assert client.get(CONECTADA, headers={"Authorization": f"Bearer {forged}"}).status_code == 401


def test_the_token_binds_the_company(client: TestClient) -> None:
    app = create_app_registration(client)
    a = create_company(client, "Empresa A", app=app)
    b = create_company(client, "Empresa B", app=app)
    assert client.get(CONECTADA, headers=a.auth).json()["id_empresa"] == a.id
    assert client.get(CONECTADA, headers=b.auth).json()["id_empresa"] == b.id


def test_an_access_token_expires_after_one_hour(client: TestClient, clock: MovableClock) -> None:
    company = create_company(client)
    assert client.get(CONECTADA, headers=company.auth).status_code == 200
    clock.advance(timedelta(minutes=59))
    assert client.get(CONECTADA, headers=company.auth).status_code == 200
    clock.advance(timedelta(minutes=1, seconds=1))
    expired = client.get(CONECTADA, headers=company.auth)
    assert expired.status_code == 401
    assert expired.json() == {"error": "invalid_token", "error_description": "Token expirado"}


def test_rate_limit_answers_429_with_retry_after_per_company(settings: Settings, db, clock) -> None:  # type: ignore[no-untyped-def]
    clock.freeze(datetime.now(UTC))  # the whole burst falls in one second, however slow the machine
    limited = create_app(
        settings.model_copy(update={"rate_limit": "on"}), db=db, clock=clock, admin_key="test-admin-key"
    )
    with TestClient(limited) as client:
        app = create_app_registration(client)
        a = create_company(client, "A", app=app)
        b = create_company(client, "B", app=app)
        statuses = [client.get(CONECTADA, headers=a.auth).status_code for _ in range(12)]
        assert statuses[:10] == [200] * 10
        assert statuses[10:] == [429, 429]
        refused = client.get(CONECTADA, headers=a.auth)
        assert refused.json() == {"error": "Too Many Requests"}
        assert int(refused.headers["retry-after"]) >= 1
        assert client.get(CONECTADA, headers=b.auth).status_code == 200
