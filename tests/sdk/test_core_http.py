"""Retries, 429, the error tree, request ids and exact money, over `httpx.MockTransport` (no server)."""

from __future__ import annotations

import asyncio
import json
from decimal import Decimal

import httpx
import pytest

from anil.sdk import (
    APIConnectionError,
    APIStatusError,
    AsyncContaAzul,
    BadRequest,
    Conflict,
    ContaAzul,
    Forbidden,
    MethodNotAllowed,
    Model,
    NotFound,
    RateLimited,
    ServerError,
    Unauthorized,
    UnprocessableEntity,
)
from anil.sdk._http import RetryPolicy, parse_retry_after


class Script:
    """A transport answering from a list of responses (or exceptions), recording every request."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


def client(script: Script, sleeps: list[float], **kwargs: object) -> ContaAzul:
    return ContaAzul(
        base_url="https://ca.test",
        access_token="tok",
        transport=httpx.MockTransport(script),
        sleep=sleeps.append,
        **kwargs,  # type: ignore[arg-type]
    )


def test_429_with_retry_after_then_200_sleeps_exactly_what_the_server_asked() -> None:
    script = Script(httpx.Response(429, headers={"Retry-After": "1"}), httpx.Response(200, json={"ok": True}))
    sleeps: list[float] = []
    assert client(script, sleeps).get("/v1/x").ok is True
    assert sleeps == [1.0]
    assert len(script.requests) == 2


def test_429_on_post_is_retried_too_the_server_did_nothing() -> None:
    script = Script(httpx.Response(429, headers={"Retry-After": "2"}), httpx.Response(201, json={"id": "a"}))
    sleeps: list[float] = []
    assert client(script, sleeps).post("/v1/x", {"a": 1}).id == "a"
    assert sleeps == [2.0]


def test_post_answered_500_is_not_retried_by_default() -> None:
    script = Script(httpx.Response(500, json={"code": 500, "message": "boom"}), httpx.Response(201, json={}))
    sleeps: list[float] = []
    with pytest.raises(ServerError) as caught:
        client(script, sleeps).post("/v1/x", {"a": 1})
    assert len(script.requests) == 1 and sleeps == []
    assert caught.value.message == "boom" and caught.value.body == {"code": 500, "message": "boom"}


@pytest.mark.parametrize("method", ["POST", "PATCH"])
def test_writes_not_retried_on_503_unless_asked(method: str) -> None:
    script = Script(httpx.Response(503), httpx.Response(200, json={}))
    with pytest.raises(ServerError):
        client(script, []).request(method, "/v1/x", json={})
    assert len(script.requests) == 1
    script = Script(httpx.Response(503), httpx.Response(200, json={"ok": 1}))
    sleeps: list[float] = []
    assert client(script, sleeps, retry_writes=True).request(method, "/v1/x", json={}) == {"ok": 1}
    assert len(script.requests) == 2 and len(sleeps) == 1


@pytest.mark.parametrize("status", [502, 503, 504])
def test_gets_retry_gateway_errors_with_growing_jittered_backoff(status: int) -> None:
    script = Script(httpx.Response(status), httpx.Response(status), httpx.Response(200, json=[1]))
    sleeps: list[float] = []
    ca = ContaAzul(
        base_url="https://ca.test",
        access_token="t",
        transport=httpx.MockTransport(script),
        sleep=sleeps.append,
        retry=RetryPolicy(max_retries=2, base_delay=1.0, random=lambda: 1.0),
    )
    assert ca.request("GET", "/v1/x") == [1]
    assert sleeps == [1.0, 2.0]


def test_retries_give_up_after_max_retries() -> None:
    script = Script(httpx.Response(503, text="down"))
    sleeps: list[float] = []
    with pytest.raises(ServerError) as caught:
        client(script, sleeps, max_retries=3).get("/v1/x")
    assert len(script.requests) == 4 and len(sleeps) == 3
    assert caught.value.status_code == 503 and caught.value.body == "down"


def test_jitter_stays_within_half_to_full_delay() -> None:
    policy = RetryPolicy(base_delay=0.5, max_delay=8.0)
    for attempt in range(8):
        delay = min(8.0, 0.5 * 2**attempt)
        for _ in range(20):
            assert delay / 2 <= policy.backoff(attempt) <= delay


def test_connection_errors_retried_for_gets_and_raise_as_sdk_errors() -> None:
    script = Script(httpx.ReadError("reset"), httpx.Response(200, json={"a": 1}))
    sleeps: list[float] = []
    assert client(script, sleeps).get("/v1/x").a == 1 and len(sleeps) == 1
    script = Script(httpx.ReadError("reset"))
    with pytest.raises(APIConnectionError):
        client(script, [], max_retries=1).get("/v1/x")
    # A POST whose connection broke after sending is not retried; one never connected is.
    script = Script(httpx.ReadError("reset"), httpx.Response(201, json={}))
    with pytest.raises(APIConnectionError):
        client(script, []).post("/v1/x", {})
    script = Script(httpx.ConnectError("refused"), httpx.Response(201, json={"id": 1}))
    assert client(script, []).post("/v1/x", {}).id == 1


def test_retry_after_as_http_date() -> None:
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now=lambda: 1445412480.0) == 10.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequest),
        (401, Unauthorized),
        (403, Forbidden),
        (404, NotFound),
        (405, MethodNotAllowed),
        (409, Conflict),
        (422, UnprocessableEntity),
        (429, RateLimited),
        (500, ServerError),
        (502, ServerError),
        (418, APIStatusError),
    ],
)
def test_error_tree_keyed_to_status(status: int, cls: type[APIStatusError]) -> None:
    script = Script(
        httpx.Response(status, json={"error": "O valor informado"}, headers={"X-Request-Id": "rid-1"})
    )
    with pytest.raises(cls) as caught:
        client(script, [], max_retries=0).get("/v1/x")
    error = caught.value
    assert type(error) is cls and isinstance(error, APIStatusError)
    assert error.status_code == status and error.request_id == "rid-1"
    assert error.body == {"error": "O valor informado"} and error.message == "O valor informado"
    assert "rid-1" in str(error)


def test_request_id_sent_kept_across_retries_and_reported_when_server_sends_none() -> None:
    script = Script(httpx.Response(503), httpx.Response(404, json={"code": 404, "message": "não"}))
    with pytest.raises(NotFound) as caught:
        client(script, []).get("/v1/x")
    sent = {r.headers["X-Request-Id"] for r in script.requests}
    assert len(sent) == 1 and caught.value.request_id == sent.pop()
    assert caught.value.code == 404


def test_bearer_header_params_and_presets() -> None:
    script = Script(httpx.Response(200, json={}))
    ca = client(script, [])
    ca.get("/v1/x", {"ativo": True, "ids": ["a", "b"], "nada": None, "valor": Decimal("1.50")})
    request = script.requests[0]
    assert request.headers["Authorization"] == "Bearer tok"
    assert request.url.host == "ca.test" and request.url.path == "/v1/x"
    assert request.url.params.get_list("ids") == ["a", "b"]
    assert request.url.params["ativo"] == "true" and request.url.params["valor"] == "1.50"
    assert "nada" not in request.url.params
    assert ContaAzul(base_url="production").base_url == "https://api-v2.contaazul.com"
    assert ContaAzul(base_url="anil").base_url == "http://localhost:8000"
    assert ContaAzul(base_url="http://h:9/").base_url == "http://h:9"


def test_decimal_money_exact_both_ways() -> None:
    seen: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.content)
        return httpx.Response(200, content=b'{"valor": 1234567890.123456789, "itens": [{"preco": 0.10}]}')

    ca = ContaAzul(base_url="https://ca.test", access_token="t", transport=httpx.MockTransport(handler))
    got = ca.post("/v1/x", {"valor": Decimal("1234567890.123456789"), "taxa": Decimal("0.10")})
    assert got.valor == Decimal("1234567890.123456789") and got.itens[0].preco == Decimal("0.10")
    assert seen[0] == b'{"valor":1234567890.123456789,"taxa":0.10}'
    assert json.loads(seen[0])["taxa"] == 0.1
    # A Model goes back with its API names and digits intact.
    ca.put("/v1/x", got)
    assert seen[1] == b'{"valor":1234567890.123456789,"itens":[{"preco":0.10}]}'


def test_extra_fields_are_attributes_and_typed_models_keep_api_names() -> None:
    class Pessoa(Model):
        nome: str

    p = Pessoa.model_validate({"nome": "Ana", "tipo_pessoa": "Física", "endereco": {"cidade": "SP"}})
    assert p.nome == "Ana" and p.tipo_pessoa == "Física" and p.endereco.cidade == "SP"
    assert p["tipo_pessoa"] == "Física" and p.to_dict()["endereco"] == {"cidade": "SP"}


def test_async_429_then_200_and_post_500_not_retried() -> None:
    sleeps: list[float] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    async def run() -> None:
        script = Script(
            httpx.Response(429, headers={"Retry-After": "1"}), httpx.Response(200, json={"ok": True})
        )
        async with AsyncContaAzul(
            base_url="https://ca.test", access_token="t", transport=httpx.MockTransport(script), sleep=sleep
        ) as ca:
            assert (await ca.get("/v1/x")).ok is True
        script = Script(httpx.Response(500), httpx.Response(201, json={}))
        async with AsyncContaAzul(
            base_url="https://ca.test", access_token="t", transport=httpx.MockTransport(script), sleep=sleep
        ) as ca:
            with pytest.raises(ServerError):
                await ca.post("/v1/x", {})
        assert len(script.requests) == 1

    asyncio.run(run())
    assert sleeps == [1.0]


def test_timeout_becomes_api_timeout_error() -> None:
    from anil.sdk import APITimeoutError

    script = Script(httpx.ReadTimeout("slow"))
    with pytest.raises(APITimeoutError):
        client(script, [], max_retries=0).get("/v1/x")


def test_retry_after_longer_than_the_cap_is_raised_not_waited() -> None:
    script = Script(httpx.Response(429, headers={"Retry-After": "3600"}), httpx.Response(200, json={}))
    sleeps: list[float] = []
    with pytest.raises(RateLimited) as caught:
        client(script, sleeps).get("/v1/x")
    assert sleeps == [] and caught.value.retry_after == 3600.0


def test_token_repr_hides_secrets() -> None:
    from anil.sdk import Token

    assert "s3cret" not in repr(Token("s3cret", "s3cret-too", id_token="s3cret-id"))


def test_async_connection_errors_retry_gets_not_posts_and_timeouts_configurable() -> None:
    sleeps: list[float] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    async def run() -> None:
        script = Script(httpx.ReadError("reset"), httpx.Response(200, json={"a": 1}))
        async with AsyncContaAzul(
            base_url="https://ca.test", access_token="t", transport=httpx.MockTransport(script), sleep=sleep
        ) as ca:
            assert (await ca.get("/v1/x")).a == 1
        script = Script(httpx.ReadError("reset"), httpx.Response(201, json={}))
        async with AsyncContaAzul(
            base_url="https://ca.test", access_token="t", transport=httpx.MockTransport(script), sleep=sleep
        ) as ca:
            with pytest.raises(APIConnectionError):
                await ca.post("/v1/x", {})
        assert len(script.requests) == 1
        async with AsyncContaAzul(base_url="anil", timeout=5.0) as ca:
            assert ca._http.timeout == httpx.Timeout(5.0)

    asyncio.run(run())
    assert len(sleeps) == 1
    assert ContaAzul(timeout=httpx.Timeout(2.0, connect=1.0))._http.timeout.connect == 1.0
