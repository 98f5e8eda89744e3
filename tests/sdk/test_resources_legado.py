"""The older revisions (`/v1/pessoa*`, `/v1/produto*`) through `client.pessoa_legado` and
`client.produto_legado`, in process, sync and async."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from fastapi.testclient import TestClient

from anil.sdk import AsyncContaAzul, ContaAzul
from tests.api.test_legacy_pessoa import legacy_body
from tests.helpers import create_company
from tests.sdk.resources_scenario import items, run


async def _walk(ca: Any) -> None:
    criada = await run(ca.pessoa_legado.create(legacy_body()))
    pid = criada.uuid
    assert [p.uuid for p in await items(ca.pessoa_legado.list())] == [pid]
    substituida = await run(ca.pessoa_legado.replace(pid, legacy_body(nome="Ana Maria Souza")))
    assert substituida.nome == "Ana Maria Souza"
    resumo = await run(ca.pessoa_legado.resumo(pid))
    assert [p.perfil for p in resumo.pessoas_legado] == ["CLIENTE", "FORNECEDOR"]
    por_legado = await run(ca.pessoa_legado.resumo_by_legacy_id(resumo.pessoas_legado[0].uuid))
    assert por_legado.pessoas_legado[0].uuid == resumo.pessoas_legado[0].uuid
    assert (await run(ca.pessoa_legado.deactivate([pid]))).inativos == [pid]
    assert (await run(ca.pessoa_legado.activate([pid]))).ativos == [pid]
    await run(ca.pessoa_legado.delete_many([pid]))
    assert await items(ca.pessoa_legado.list()) == []

    produto = await run(ca.produto_legado.create(nome="Caderno", formato="SIMPLES", estoque={}, dimensao={}))
    outro = await run(ca.produto_legado.create(nome="Caderneta", formato="SIMPLES", estoque={}, dimensao={}))
    assert sorted(p.nome for p in await items(ca.produto_legado.list(busca="Cader"))) == [
        "Caderneta",
        "Caderno",
    ]
    desativados = await run(ca.produto_legado.deactivate([produto.id]))
    assert desativados.produtos_desativados == [produto.id]
    assert await run(ca.produto_legado.delete(outro.id)) is None
    assert [p.id for p in await items(ca.produto_legado.list(busca="Caderneta"))] == []


def test_legacy_groups_sync(client: TestClient) -> None:
    company = create_company(client)
    ca = ContaAzul(base_url="http://testserver", access_token=company.token, http_client=client)
    asyncio.run(_walk(ca))


def test_legacy_groups_async(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    company = create_company(client)

    async def main() -> None:
        transport = httpx.ASGITransport(app=app)
        async with AsyncContaAzul(
            base_url="http://testserver", access_token=company.token, transport=transport
        ) as ca:
            await _walk(ca)

    asyncio.run(main())
