"""The protocol waiter (catalog §2.10): PENDING → SUCCESS | ERROR, with an injected sleep."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from anil.sdk import AsyncContaAzul, ContaAzul, ProtocolFailed, ProtocolTimeout

PID = "7b1f0c5e-8d8b-4c55-9a53-3c0d3c1c2a10"


def transport(statuses: list[str], seen: list[str]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        status = statuses.pop(0) if len(statuses) > 1 else statuses[0]
        body = {"id": PID, "status": status, "resposta": "motivo" if status == "ERROR" else None}
        if status == "SUCCESS":
            body["evento_financeiro_id"] = "ev-1"
        return httpx.Response(200, json=body)

    return httpx.MockTransport(handler)


def test_waits_until_success_sleeping_through_the_injected_sleep() -> None:
    seen: list[str] = []
    sleeps: list[float] = []
    ca = ContaAzul(
        base_url="https://ca.test",
        access_token="t",
        transport=transport(["PENDING", "PENDING", "SUCCESS"], seen),
        sleep=sleeps.append,
    )
    protocol = ca.wait_protocol(PID, timeout=10, interval=0.5)
    assert protocol.status == "SUCCESS" and protocol.evento_financeiro_id == "ev-1"
    assert seen == [f"/v1/protocolo/{PID}"] * 3
    assert sleeps == [0.5, 0.75]


def test_error_raises_protocol_failed_with_the_reading() -> None:
    ca = ContaAzul(
        base_url="https://ca.test",
        access_token="t",
        transport=transport(["PENDING", "ERROR"], []),
        sleep=lambda s: None,
    )
    with pytest.raises(ProtocolFailed) as caught:
        ca.wait_protocol(PID)
    assert caught.value.protocol.resposta == "motivo"


def test_timeout_counts_the_injected_sleeps() -> None:
    sleeps: list[float] = []
    ca = ContaAzul(
        base_url="https://ca.test",
        access_token="t",
        transport=transport(["PENDING"], []),
        sleep=sleeps.append,
    )
    with pytest.raises(ProtocolTimeout) as caught:
        ca.wait_protocol(PID, timeout=3, interval=1)
    assert caught.value.protocol.status == "PENDING"
    assert sum(sleeps) == pytest.approx(3.0)


def test_async_waiter() -> None:
    sleeps: list[float] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    async def run() -> str:
        async with AsyncContaAzul(
            base_url="https://ca.test",
            access_token="t",
            transport=transport(["PENDING", "SUCCESS"], []),
            sleep=sleep,
        ) as ca:
            return (await ca.wait_protocol(PID, interval=0.2)).status

    assert asyncio.run(run()) == "SUCCESS" and sleeps == [0.2]
