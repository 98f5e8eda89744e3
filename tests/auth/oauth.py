"""The integrator's side of the OAuth flow, scripted over HTTP as a client without a browser would."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
from fastapi.testclient import TestClient

from tests.helpers import ADMIN, create_app_registration

REDIRECT_URI = "https://app.example.com/callback"
SCOPE = "openid profile aws.cognito.signin.user.admin"
PASSWORD = "s3nha-forte"
CONECTADA = "/v1/pessoas/conta-conectada"


@dataclass(frozen=True)
class Integrator:
    client_id: str
    client_secret: str
    redirect_uri: str

    @property
    def basic(self) -> dict[str, str]:
        return basic(self.client_id, self.client_secret)


def basic(client_id: str, client_secret: str) -> dict[str, str]:
    credentials = base64.b64encode(f"{client_id}:{client_secret}".encode()).decode()
    return {"Authorization": f"Basic {credentials}"}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def register(client: TestClient, redirect_uri: str = REDIRECT_URI) -> Integrator:
    body = create_app_registration(client, redirect_uri)
    return Integrator(body["client_id"], body["client_secret"], redirect_uri)


def company(client: TestClient, name: str = "Loja Anil Ltda") -> str:
    response = client.post("/_anil/companies", json={"name": name}, headers=ADMIN)
    assert response.status_code == 201, response.text
    return response.json()["id_empresa"]


def user(client: TestClient, email: str, *empresas: str, password: str = PASSWORD) -> None:
    for empresa in empresas:
        response = client.post(
            "/_anil/users", json={"email": email, "password": password, "company": empresa}, headers=ADMIN
        )
        assert response.status_code == 201, response.text


def authorize_url(
    app: Integrator, path: str = "/oauth2/authorize", *, state: str | None = "xyz", **params: str
) -> str:
    query = {"response_type": "code", "client_id": app.client_id, "redirect_uri": app.redirect_uri}
    query |= {"scope": SCOPE} if "scope" not in params else {}
    query |= {"state": state} if state is not None else {}
    query |= {key: value for key, value in params.items() if value is not None}
    return f"{path}?{urlencode(query)}"


def consent(
    client: TestClient,
    url: str,
    email: str,
    *,
    password: str = PASSWORD,
    id_empresa: str | None = None,
    decisao: str = "autorizar",
) -> httpx.Response:
    """POST the login + consent form in one go, as a script does."""
    form = {"email": email, "password": password, "decisao": decisao}
    if id_empresa is not None:
        form["id_empresa"] = id_empresa
    return client.post(url, data=form, follow_redirects=False)


def redirected_params(response: httpx.Response, redirect_uri: str = REDIRECT_URI) -> dict[str, str]:
    """Follow the 302 to the redirect URI, as the integrator's callback would receive it."""
    assert response.status_code == 302, response.text
    location = response.headers["location"]
    base, _, _ = location.partition("?")
    assert base == redirect_uri.partition("?")[0], location
    return {key: values[0] for key, values in parse_qs(urlsplit(location).query).items()}


def get_code(client: TestClient, app: Integrator, email: str, **params: str) -> str:
    id_empresa = params.pop("id_empresa", None)
    response = consent(client, authorize_url(app, **params), email, id_empresa=id_empresa)
    received = redirected_params(response, app.redirect_uri)
    assert received["state"] == params.get("state", "xyz")
    return received["code"]


def exchange(
    client: TestClient, app: Integrator, code: str, path: str = "/oauth2/token", **extra: str
) -> httpx.Response:
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": app.redirect_uri} | extra
    return client.post(path, data=form, headers=app.basic)


def refresh(client: TestClient, app: Integrator, token: str, path: str = "/oauth/token") -> httpx.Response:
    return client.post(path, data={"grant_type": "refresh_token", "refresh_token": token}, headers=app.basic)


def tokens_for(client: TestClient, app: Integrator, email: str, **params: str) -> dict:
    response = exchange(client, app, get_code(client, app, email, **params))
    assert response.status_code == 200, response.text
    return response.json()


def s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def company_seen_by_api(client: TestClient, token: str) -> str:
    """The company a token opens, as `GET /v1/pessoas/conta-conectada` reports it."""
    response = client.get(CONECTADA, headers=bearer(token))
    assert response.status_code == 200, response.text
    return response.json()["id_empresa"]


def api_refuses(client: TestClient, token: str) -> bool:
    """`GET /v1/pessoas` answers 401 `invalid_token` with this token."""
    response = client.get("/v1/pessoas", headers=bearer(token))
    return response.status_code == 401 and response.json()["error"] == "invalid_token"
