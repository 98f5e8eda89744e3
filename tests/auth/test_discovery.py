"""Discovery documents in production's shape with anil's URLs, the JWKS, and the sandbox callback page."""

from __future__ import annotations

from fastapi.testclient import TestClient
from joserfc import jwt
from joserfc.errors import BadSignatureError
from joserfc.jwk import KeySet, RSAKey

from tests.auth.oauth import company, register, tokens_for, user

BASE = "https://anil.example.com"


def test_openid_configuration(client_with) -> None:  # type: ignore[no-untyped-def]
    response = client_with(public_url=BASE + "/").get("/.well-known/openid-configuration")
    assert response.status_code == 200
    # Production's keys, in production's order (reference/api-evangelist-conta-azul), with anil's URLs.
    expected = {
        "issuer": BASE,
        "authorization_endpoint": f"{BASE}/oauth/authorize",
        "token_endpoint": f"{BASE}/oauth/token",
        "jwks_uri": f"{BASE}/.well-known/jwks.json",
        "userinfo_endpoint": f"{BASE}/v1/pessoas/conta-conectada",
        "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["openid", "profile", "email", "aws.cognito.signin.user.admin"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
    }
    assert response.json() == expected
    assert list(response.json()) == list(expected)


def test_oauth_authorization_server_metadata(client_with) -> None:  # type: ignore[no-untyped-def]
    response = client_with(public_url=BASE).get("/.well-known/oauth-authorization-server")
    assert response.status_code == 200
    expected = {
        "issuer": BASE,
        "authorization_endpoint": f"{BASE}/oauth/authorize",
        "token_endpoint": f"{BASE}/oauth/token",
        "registration_endpoint": f"{BASE}/oauth2/register",
        "scopes_supported": ["openid", "profile", "email", "aws.cognito.signin.user.admin"],
        "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "code_challenge_methods_supported": ["S256"],
    }
    assert response.json() == expected
    assert list(response.json()) == list(expected)


def test_the_jwks_verifies_an_issued_token_and_nothing_else(client: TestClient) -> None:
    app = register(client)
    empresa = company(client)
    user(client, "ana@loja.com", empresa)
    token = tokens_for(client, app, "ana@loja.com")["access_token"]

    response = client.get("/.well-known/jwks.json")
    assert response.status_code == 200
    (key,) = response.json()["keys"]
    assert key["kty"] == "RSA" and key["use"] == "sig" and key["alg"] == "RS256"
    assert "d" not in key and "p" not in key  # public half only

    decoded = jwt.decode(token, KeySet.import_key_set(response.json()), algorithms=["RS256"])
    assert decoded.header["kid"] == key["kid"]
    assert decoded.header["typ"] == "at+jwt"
    assert decoded.claims["id_empresa"] == empresa
    assert decoded.claims["iss"] == "http://localhost:8000"

    stranger = RSAKey.generate_key(2048, parameters={"kid": key["kid"]})
    forged = jwt.encode({"alg": "RS256", "kid": key["kid"]}, decoded.claims, stranger)
    try:
        jwt.decode(forged, KeySet.import_key_set(response.json()), algorithms=["RS256"])
    except BadSignatureError:
        pass
    else:
        raise AssertionError("a token signed by another key verified")


def test_the_sandbox_callback_shows_code_and_state(client: TestClient) -> None:
    response = client.get("/_anil/callback?code=abc123&state=xyz")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "code: <code>abc123</code>" in response.text
    assert "state: <code>xyz</code>" in response.text
    assert "-d code=abc123 -d redirect_uri=http://localhost:8000/_anil/callback" in response.text

    error = client.get("/_anil/callback?error=access_denied&state=%3Cb%3E")
    assert "error: <code>access_denied</code>" in error.text
    assert "state: <code>&lt;b&gt;</code>" in error.text


def test_the_callback_does_not_exist_with_the_sandbox_off(client_with) -> None:  # type: ignore[no-untyped-def]
    response = client_with(sandbox="off").get("/_anil/callback?code=abc123&state=xyz")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}
