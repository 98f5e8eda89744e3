"""OAuth helpers, token stores and the single-flight refresh (threads and asyncio tasks)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import stat
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient

from anil.sdk import (
    AsyncContaAzul,
    ContaAzul,
    FileTokenStore,
    MemoryTokenStore,
    NoToken,
    OAuth,
    OAuthError,
    Token,
    TokenManager,
    TokenStore,
    Unauthorized,
)
from tests.helpers import create_company

N = 50


class FakeCA:
    """A token endpoint with single-use rotating refresh tokens (catalog §1.4) and an API accepting only
    the current access token. A refresh with a used refresh token kills the connection."""

    def __init__(self, delay: float = 0.05) -> None:
        self.delay = delay
        self.generation = 0
        self.refreshes = 0
        self.dead = False
        self.lock = threading.Lock()
        self.forms: list[dict[str, list[str]]] = []
        self.auth_headers: list[str | None] = []

    def access(self) -> str:
        return f"access-{self.generation}"

    def refresh_token(self) -> str:
        return f"refresh-{self.generation}"

    def _token(self, request: httpx.Request) -> httpx.Response:
        form = parse_qs(request.content.decode())
        self.forms.append(form)
        self.auth_headers.append(request.headers.get("authorization"))
        with self.lock:
            if form["grant_type"] == ["refresh_token"]:
                self.refreshes += 1
                if form["refresh_token"] != [self.refresh_token()]:
                    self.dead = True
                    return httpx.Response(
                        400, json={"error": "invalid_grant", "error_subtype": "invalid_refresh_token"}
                    )
            self.generation += 1
            return httpx.Response(
                200,
                json={
                    "access_token": self.access(),
                    "refresh_token": self.refresh_token(),
                    "expires_in": 3600,
                    "token_type": "Bearer",
                },
            )

    def _api(self, request: httpx.Request) -> httpx.Response:
        if self.dead or request.headers.get("authorization") != f"Bearer {self.access()}":
            return httpx.Response(401, json={"error": "invalid_token"})
        return httpx.Response(200, json={"ok": True, "gen": self.generation})

    def sync_handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/token"):
            time.sleep(self.delay)
            return self._token(request)
        return self._api(request)

    async def async_handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/token"):
            await asyncio.sleep(self.delay)
            return self._token(request)
        return self._api(request)


def _oauth(fake: FakeCA) -> OAuth:
    return OAuth(
        "cid",
        "secret",
        "https://app/cb",
        base_url="https://ca.test",
        transport=httpx.MockTransport(fake.sync_handler),
        async_transport=httpx.MockTransport(fake.async_handler),
    )


@pytest.mark.parametrize("why", ["expired", "401"])
def test_fifty_threads_with_an_expired_token_share_one_refresh(why: str) -> None:
    fake = FakeCA()
    store = MemoryTokenStore()
    fake.generation = 1
    if why == "expired":
        store.save("empresa-1", Token(fake.access(), fake.refresh_token(), expires_at=time.time() - 10))
    else:  # expiry unknown to the client: the server's 401 triggers the refresh
        store.save("empresa-1", Token("revoked-access", fake.refresh_token(), expires_at=None))
    ca = ContaAzul(
        base_url="https://ca.test",
        transport=httpx.MockTransport(fake.sync_handler),
        oauth=_oauth(fake),
        token_store=store,
        company="empresa-1",
    )
    barrier = threading.Barrier(N)

    def call(_: int) -> int:
        barrier.wait()
        return ca.get("/v1/x").gen

    with ThreadPoolExecutor(N) as pool:
        results = list(pool.map(call, range(N)))
    assert fake.refreshes == 1 and not fake.dead
    assert results == [2] * N
    assert store.load("empresa-1").access_token == "access-2"
    assert store.load("empresa-1").refresh_token == "refresh-2"


@pytest.mark.parametrize("why", ["expired", "401"])
def test_fifty_tasks_with_an_expired_token_share_one_refresh(why: str) -> None:
    fake = FakeCA()
    store = MemoryTokenStore()
    fake.generation = 1
    if why == "expired":
        store.save("empresa-1", Token(fake.access(), fake.refresh_token(), expires_at=time.time() - 10))
    else:
        store.save("empresa-1", Token("revoked-access", fake.refresh_token(), expires_at=None))

    async def run() -> list[int]:
        async with AsyncContaAzul(
            base_url="https://ca.test",
            transport=httpx.MockTransport(fake.async_handler),
            oauth=_oauth(fake),
            token_store=store,
            company="empresa-1",
        ) as ca:
            results = await asyncio.gather(*(ca.get("/v1/x") for _ in range(N)))
        return [r.gen for r in results]

    assert asyncio.run(run()) == [2] * N
    assert fake.refreshes == 1 and not fake.dead


def test_threads_and_event_loops_together_share_one_refresh() -> None:
    fake = FakeCA()
    fake.generation = 1
    store = MemoryTokenStore({"e": Token(fake.access(), fake.refresh_token(), expires_at=time.time() - 1)})
    oauth = _oauth(fake)
    sync_client = ContaAzul(
        base_url="https://ca.test",
        transport=httpx.MockTransport(fake.sync_handler),
        oauth=oauth,
        token_store=store,
        company="e",
    )
    barrier = threading.Barrier(10)

    def in_thread(i: int) -> list[int]:
        barrier.wait()
        if i % 2:
            return [sync_client.get("/v1/x").gen]

        async def tasks() -> list[int]:
            async with AsyncContaAzul(
                base_url="https://ca.test",
                transport=httpx.MockTransport(fake.async_handler),
                oauth=oauth,
                token_store=store,
                company="e",
            ) as ca:
                return [r.gen for r in await asyncio.gather(*(ca.get("/v1/x") for _ in range(5)))]

        return asyncio.run(tasks())

    with ThreadPoolExecutor(10) as pool:
        results = [g for batch in pool.map(in_thread, range(10)) for g in batch]
    assert len(results) == 30 and set(results) == {2}
    assert fake.refreshes == 1 and not fake.dead


def test_without_single_flight_the_fake_would_kill_the_connection() -> None:
    """The fake is strict: two refreshes with one refresh token kill the connection (the test above can fail)."""
    fake = FakeCA(delay=0)
    fake.generation = 1
    oauth = _oauth(fake)
    oauth.refresh("refresh-1")
    with pytest.raises(OAuthError) as caught:
        oauth.refresh("refresh-1")
    assert caught.value.error == "invalid_grant" and caught.value.error_subtype == "invalid_refresh_token"
    assert fake.dead


def test_proactive_refresh_before_expiry_and_one_retry_on_401_only() -> None:
    fake = FakeCA(delay=0)
    fake.generation = 1
    store = MemoryTokenStore({"e": Token("access-1", "refresh-1", expires_at=time.time() + 30)})
    ca = ContaAzul(
        base_url="https://ca.test",
        transport=httpx.MockTransport(fake.sync_handler),
        oauth=_oauth(fake),
        token_store=store,
        company="e",
    )
    assert ca.get("/v1/x").gen == 2 and fake.refreshes == 1  # 30 s left < 60 s leeway
    assert ca.get("/v1/x").gen == 2 and fake.refreshes == 1  # fresh now: no refresh
    fake.dead = True  # the API keeps answering 401: one refresh, one retry, then the 401 is raised
    with pytest.raises(Unauthorized):
        ca.get("/v1/x")
    assert fake.refreshes == 2


def test_static_token_401_is_raised_without_refresh_and_missing_token() -> None:
    fake = FakeCA(delay=0)
    ca = ContaAzul(
        base_url="https://ca.test", access_token="nope", transport=httpx.MockTransport(fake.sync_handler)
    )
    with pytest.raises(Unauthorized):
        ca.get("/v1/x")
    empty = ContaAzul(base_url="https://ca.test", token_store=MemoryTokenStore(), company="x")
    with pytest.raises(NoToken):
        empty.get("/v1/x")


def test_one_manager_per_store_and_company() -> None:
    store = MemoryTokenStore()
    assert TokenManager.for_connection(None, store, "a") is TokenManager.for_connection(None, store, "a")
    assert TokenManager.for_connection(None, store, "a") is not TokenManager.for_connection(None, store, "b")


# ------------------------------------------------------------------------------------- OAuth ----


def test_authorization_url_with_pkce_s256(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANIL_API_BASE_URL", raising=False)
    assert OAuth("c", base_url=None).authorize_url == "https://auth.contaazul.com/oauth2/authorize"
    monkeypatch.setenv("ANIL_API_BASE_URL", "anil")
    assert OAuth("c", base_url=None).token_url == "http://localhost:8000/oauth2/token"
    monkeypatch.delenv("ANIL_API_BASE_URL")
    oauth = OAuth("cid", "secret", "https://app.example.com/cb")
    request = oauth.authorization_url(state="st")
    parts = urlsplit(request.url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://auth.contaazul.com/oauth2/authorize"
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query["response_type"] == "code" and query["client_id"] == "cid" and query["state"] == "st"
    assert query["redirect_uri"] == "https://app.example.com/cb"
    assert query["scope"] == "openid profile aws.cognito.signin.user.admin"
    assert query["code_challenge_method"] == "S256"
    digest = hashlib.sha256(request.code_verifier.encode()).digest()
    assert query["code_challenge"] == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    assert 43 <= len(request.code_verifier) <= 128
    assert OAuth("c").token_url == "https://auth.contaazul.com/oauth2/token"
    assert (
        OAuth("c", base_url="https://api-v2.contaazul.com/").token_url
        == "https://auth.contaazul.com/oauth2/token"
    )
    assert OAuth("c", base_url="anil").authorize_url == "http://localhost:8000/oauth2/authorize"
    plain = OAuth("c", base_url="http://h:1").authorization_url(pkce=False)
    assert "code_challenge" not in plain.url and plain.code_verifier is None and plain.state


def test_exchange_code_sends_basic_auth_the_code_and_the_verifier() -> None:
    fake = FakeCA(delay=0)
    oauth = _oauth(fake)
    token = oauth.exchange_code("the-code", "the-verifier")
    assert token.access_token == "access-1" and token.refresh_token == "refresh-1"
    assert token.expires_at is not None and token.expires_at > time.time() + 3500
    form = fake.forms[-1]
    assert form["grant_type"] == ["authorization_code"] and form["code"] == ["the-code"]
    assert form["code_verifier"] == ["the-verifier"] and form["redirect_uri"] == ["https://app/cb"]
    assert fake.auth_headers[-1] == "Basic " + base64.b64encode(b"cid:secret").decode()
    token = asyncio.run(oauth.aexchange_code("c2"))
    assert token.access_token == "access-2"


def test_refresh_against_anil_rotates_and_the_old_refresh_token_dies(client: TestClient) -> None:
    company = create_company(client)
    oauth = OAuth(company.client_id, company.client_secret, base_url="http://testserver", http_client=client)
    new = oauth.refresh(company.refresh_token)
    assert new.access_token and new.refresh_token and new.refresh_token != company.refresh_token
    # A client over an expired stored token refreshes through anil and the call succeeds.
    store = MemoryTokenStore({"e": Token("expired", new.refresh_token, expires_at=time.time() - 5)})
    ca = ContaAzul(
        base_url="http://testserver", http_client=client, oauth=oauth, token_store=store, company="e"
    )
    assert list(ca.paginate("/v1/pessoas")) == []
    assert store.load("e").access_token not in ("expired", new.access_token)
    # The first refresh token was used: a second use is refused (and kills the connection, §1.4).
    with pytest.raises(OAuthError) as caught:
        oauth.refresh(company.refresh_token)
    assert caught.value.error == "invalid_grant" and caught.value.status_code == 400


# -------------------------------------------------------------------------------------- stores ----


def test_file_store_round_trip_private_file_and_default_config_dir(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("ANIL_CONFIG_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert FileTokenStore().path == tmp_path / "xdg" / "anil" / "tokens.json"
    monkeypatch.setenv("ANIL_CONFIG_DIR", str(tmp_path / "cfg"))
    store = FileTokenStore()
    assert store.path == tmp_path / "cfg" / "tokens.json"
    assert isinstance(store, TokenStore) and isinstance(MemoryTokenStore(), TokenStore)
    assert store.load("a") is None
    token = Token("acc", "ref", expires_at=123.5, scope="openid")
    store.save("a", token)
    store.save("b", Token("acc-b"))
    assert FileTokenStore().load("a") == token and store.keys() == ["a", "b"]
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    store.delete("a")
    assert store.load("a") is None and store.load("b") == Token("acc-b")


def test_an_async_store_of_your_own_with_fifty_tasks_one_refresh() -> None:
    from anil.sdk import AsyncTokenStore

    class MyAsyncDB:
        def __init__(self) -> None:
            self.rows: dict[str, Token] = {}
            self.saves = 0

        async def load(self, key: str) -> Token | None:
            await asyncio.sleep(0)
            return self.rows.get(key)

        async def save(self, key: str, token: Token) -> None:
            await asyncio.sleep(0)
            self.saves += 1
            self.rows[key] = token

        async def delete(self, key: str) -> None:
            self.rows.pop(key, None)

    fake = FakeCA()
    fake.generation = 1
    db = MyAsyncDB()
    db.rows["e"] = Token(fake.access(), fake.refresh_token(), expires_at=time.time() - 1)
    assert isinstance(db, AsyncTokenStore)

    async def run() -> list[int]:
        async with AsyncContaAzul(
            base_url="https://ca.test",
            transport=httpx.MockTransport(fake.async_handler),
            oauth=_oauth(fake),
            token_store=db,
            company="e",
        ) as ca:
            return [r.gen for r in await asyncio.gather(*(ca.get("/v1/x") for _ in range(N)))]

    assert asyncio.run(run()) == [2] * N
    assert fake.refreshes == 1 and db.saves == 1 and db.rows["e"].access_token == "access-2"
