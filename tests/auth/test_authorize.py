"""The authorization endpoint: three paths, the login + consent page, redirect URI and scope rules."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from anil.auth.scopes import DEFAULT_SCOPE
from tests.auth.oauth import (
    PASSWORD,
    REDIRECT_URI,
    authorize_url,
    company,
    consent,
    exchange,
    redirected_params,
    register,
    s256,
    user,
)

AUTHORIZE_PATHS = ["/oauth2/authorize", "/login", "/oauth/authorize"]


@pytest.mark.parametrize("path", AUTHORIZE_PATHS)
def test_every_authorize_path_shows_the_login_page_and_redirects_with_a_code(
    client: TestClient, path: str
) -> None:
    app = register(client)
    user(client, "ana@loja.com", company(client))
    url = authorize_url(app, path)

    page = client.get(url)
    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store"
    assert "Entrar na Conta Azul" in page.text
    assert "<strong>Integrador</strong> quer se conectar à sua conta." in page.text

    received = redirected_params(consent(client, url, "ana@loja.com"))
    assert set(received) == {"code", "state"}
    assert received["state"] == "xyz"
    assert exchange(client, app, received["code"]).status_code == 200


REGISTERED_WITH_QUERY = "https://erp.example.com/oauth/retorno?tenant=42&origem=anil"


@pytest.mark.parametrize("encoded", [True, False], ids=["percent-encoded", "raw"])
def test_a_redirect_uri_with_its_own_query_works_raw_or_encoded(client: TestClient, encoded: bool) -> None:
    app = register(client, REGISTERED_WITH_QUERY)
    user(client, "ana@loja.com", company(client))
    redirect = quote(REGISTERED_WITH_QUERY, safe="") if encoded else REGISTERED_WITH_QUERY
    # As the .NET SDK builds it: string concatenation, scope spaces as '+'.
    url = (
        f"/oauth2/authorize?response_type=code&client_id={app.client_id}&redirect_uri={redirect}"
        f"&state=abc&scope=openid+profile+aws.cognito.signin.user.admin"
    )
    assert client.get(url).status_code == 200

    response = consent(client, url, "ana@loja.com")
    assert response.status_code == 302
    location = response.headers["location"]
    assert location.startswith(REGISTERED_WITH_QUERY + "&code=")
    assert location.endswith("&state=abc")
    code = redirected_params(response, REGISTERED_WITH_QUERY)["code"]

    body = f"grant_type=authorization_code&code={code}&redirect_uri={redirect}"
    token = client.post(
        "/oauth2/token",
        content=body,
        headers={**app.basic, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert token.status_code == 200, token.text


def test_omitted_scope_gets_the_default(client: TestClient) -> None:
    app = register(client)
    user(client, "ana@loja.com", company(client))
    url = authorize_url(app, scope=None)  # type: ignore[arg-type]
    assert "scope=" not in url
    code = redirected_params(consent(client, url, "ana@loja.com"))["code"]
    assert exchange(client, app, code).json()["scope"] == DEFAULT_SCOPE


def test_an_unknown_scope_goes_back_as_invalid_scope(client: TestClient) -> None:
    app = register(client)
    response = client.get(authorize_url(app, scope="openid financeiro"), follow_redirects=False)
    assert redirected_params(response) == {
        "error": "invalid_scope",
        "error_description": "The requested scope is invalid, unknown, or malformed.",
        "state": "xyz",
    }


def test_an_unsupported_response_type_goes_back_to_the_client(client: TestClient) -> None:
    app = register(client)
    response = client.get(authorize_url(app, response_type="token"), follow_redirects=False)
    assert redirected_params(response) == {
        "error": "unsupported_response_type",
        "error_description": "response_type=token is not supported",
        "state": "xyz",
    }


def test_an_unknown_client_gets_an_error_page_never_a_redirect(client: TestClient) -> None:
    app = register(client)
    url = authorize_url(app).replace(app.client_id, "nao-existe")
    for response in (client.get(url, follow_redirects=False), consent(client, url, "ana@loja.com")):
        assert response.status_code == 400
        assert "location" not in response.headers
        assert "<code>invalid_client</code>" in response.text


def test_an_unregistered_redirect_uri_gets_an_error_page_never_a_redirect(client: TestClient) -> None:
    app = register(client)
    url = authorize_url(app).replace(quote(REDIRECT_URI, safe=""), quote("https://evil.example/cb", safe=""))
    response = client.get(url, follow_redirects=False)
    assert response.status_code == 400
    assert "location" not in response.headers
    assert "<code>invalid_request</code>" in response.text
    assert "Redirect URI https://evil.example/cb is not supported by client." in response.text


@pytest.mark.parametrize(("email", "password"), [("ana@loja.com", "errada"), ("ninguem@loja.com", PASSWORD)])
def test_a_wrong_login_shows_the_page_again_and_issues_no_code(
    client: TestClient, email: str, password: str
) -> None:
    app = register(client)
    user(client, "ana@loja.com", company(client))
    response = consent(client, authorize_url(app), email, password=password)
    assert response.status_code == 200
    assert "location" not in response.headers
    assert "E-mail ou senha incorretos." in response.text
    assert f'value="{email}"' in response.text
    assert 'name="password"' in response.text


def test_denying_redirects_with_access_denied(client: TestClient) -> None:
    app = register(client)
    user(client, "ana@loja.com", company(client))
    response = consent(client, authorize_url(app), "ana@loja.com", decisao="negar")
    assert redirected_params(response) == {
        "error": "access_denied",
        "error_description": "The resource owner or authorization server denied the request",
        "state": "xyz",
    }


def test_without_state_the_redirect_carries_only_the_code(client: TestClient) -> None:
    app = register(client)
    user(client, "ana@loja.com", company(client))
    received = redirected_params(consent(client, authorize_url(app, state=None), "ana@loja.com"))
    assert set(received) == {"code"}


def test_a_browser_logs_in_then_consents_with_the_company_preselected(client: TestClient) -> None:
    app = register(client)
    empresa = company(client, "Loja Única Ltda")
    user(client, "ana@loja.com", empresa)
    url = authorize_url(app)

    login = client.post(url, data={"email": "ana@loja.com", "password": PASSWORD}, follow_redirects=False)
    assert login.status_code == 200
    assert "Conectado como ana@loja.com." in login.text
    assert f'<option value="{empresa}" selected>Loja Única Ltda</option>' in login.text
    assert PASSWORD not in login.text
    ticket = login.text.split('name="ticket" value="')[1].split('"')[0]

    approved = client.post(
        url, data={"ticket": ticket, "id_empresa": empresa, "decisao": "autorizar"}, follow_redirects=False
    )
    assert exchange(client, app, redirected_params(approved)["code"]).status_code == 200


def test_a_forged_ticket_is_a_failed_login(client: TestClient) -> None:
    app = register(client)
    empresa = company(client)
    user(client, "ana@loja.com", empresa)
    response = client.post(
        authorize_url(app),
        data={"ticket": "x.y.z", "id_empresa": empresa, "decisao": "autorizar"},
        follow_redirects=False,
    )
    assert response.status_code == 200
    assert "E-mail ou senha incorretos." in response.text


def test_a_ticket_is_bound_to_the_app_that_asked(client: TestClient) -> None:
    app, other = register(client), register(client)
    empresa = company(client)
    user(client, "ana@loja.com", empresa)
    login = client.post(authorize_url(app), data={"email": "ana@loja.com", "password": PASSWORD})
    ticket = login.text.split('name="ticket" value="')[1].split('"')[0]
    response = client.post(
        authorize_url(other),
        data={"ticket": ticket, "id_empresa": empresa, "decisao": "autorizar"},
        follow_redirects=False,
    )
    assert response.status_code == 200
    assert "E-mail ou senha incorretos." in response.text


def test_a_company_the_user_does_not_belong_to_cannot_be_chosen(client: TestClient) -> None:
    app = register(client)
    mine, other = company(client, "Minha Ltda"), company(client, "Alheia Ltda")
    user(client, "ana@loja.com", mine)
    response = consent(client, authorize_url(app), "ana@loja.com", id_empresa=other)
    assert response.status_code == 200
    assert "location" not in response.headers
    assert "Escolha uma das empresas da lista." in response.text
    assert other not in response.text


def test_pkce_must_use_s256(client: TestClient) -> None:
    app = register(client)
    challenge = s256("v" * 43)
    for extra, description in (
        (
            {"code_challenge": challenge, "code_challenge_method": "plain"},
            "Unsupported 'code_challenge_method'",
        ),
        ({"code_challenge": challenge}, "Missing 'code_challenge_method'"),
    ):
        response = client.get(authorize_url(app, **extra), follow_redirects=False)
        assert redirected_params(response) == {
            "error": "invalid_request",
            "error_description": description,
            "state": "xyz",
        }


@pytest.mark.parametrize(
    "params",
    [{"redirect_uri": 'https://evil.example/"cb'}, {"response_type": 'co"de'}],
    ids=["redirect_uri", "response_type"],
)
def test_parameters_authlib_cannot_quote_get_an_error_page(client: TestClient, params: dict) -> None:
    app = register(client)
    response = client.get(authorize_url(app, **params), follow_redirects=False)
    assert response.status_code == 400
    assert "location" not in response.headers
    assert "<code>invalid_request</code>" in response.text


def test_odd_state_and_long_nonce_are_carried_or_ignored(client: TestClient) -> None:
    app = register(client)
    user(client, "ana@loja.com", company(client))
    url = authorize_url(app, state='ação "x" & y', nonce="n" * 300)
    received = redirected_params(consent(client, url, "ana@loja.com"))
    assert received["state"] == 'ação "x" & y'
    assert exchange(client, app, received["code"]).status_code == 200
