"""PostgreSQL raw reads run on asyncpg: the URL translation and the reader's contract."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest
from sqlalchemy import bindparam, cast, func, select, text

from anil.storage.async_reads import AsyncReads, asyncpg_connect_args
from anil.storage.engine import Database
from anil.storage.models import Empresa
from anil.storage.repositories.listas import CacheListas
from anil.storage.types import Money


def test_libpq_options_become_server_settings() -> None:
    args = asyncpg_connect_args(
        "postgresql+psycopg://postgres@127.0.0.1:5432/test?options=-csearch_path%3Danil_x"
    )
    assert args["host"] == "127.0.0.1" and args["port"] == 5432 and args["database"] == "test"
    assert args["user"] == "postgres"
    assert args["server_settings"] == {"search_path": "anil_x"}
    assert asyncpg_connect_args("postgresql://u:p@db/anil")["server_settings"] is None


def test_sqlite_has_no_async_reads(db: Database) -> None:
    assert (db.async_reads is None) == db.is_sqlite


def test_statements_built_once_and_per_request_read_the_same_rows(db: Database) -> None:
    if db.async_reads is None:
        pytest.skip("asyncpg reads are PostgreSQL's")
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO empresas (id, razao_social, documento, demo, criado_em) "
                "VALUES ('e1', 'Um', '11222333000181', false, now())"
            )
        )
    built_once = select(Empresa.__table__.c.razao_social).where(Empresa.__table__.c.id == "e1")
    reads = AsyncReads(db.url)

    async def scenario() -> tuple:
        try:
            return await reads.run(
                lambda reader: (
                    reader.rows(built_once, {}),
                    reader.core()
                    .execute(select(Empresa.__table__.c.id).where(Empresa.__table__.c.id.in_(["e1", "x"])))
                    .all(),
                )
            )
        finally:
            await reads.close()

    assert asyncio.run(scenario()) == ([("Um",)], [("e1",)])


def test_money_and_in_lists_built_once_and_per_request(db: Database) -> None:
    """NUMERIC comes back as Decimal; expanding `IN` parameters work whether the statement was built once
    or per request, with the values bound at call time."""
    if db.async_reads is None:
        pytest.skip("asyncpg reads are PostgreSQL's")
    with db.engine.begin() as conn:
        for id_, nome in (("e1", "Um"), ("e2", "Dois"), ("e3", "Três")):
            conn.execute(
                text(
                    "INSERT INTO empresas (id, razao_social, documento, demo, criado_em) "
                    "VALUES (:id, :nome, '11222333000181', false, now())"
                ),
                {"id": id_, "nome": nome},
            )
    e = Empresa.__table__
    money = select(cast(bindparam("valor"), Money))
    in_list = select(e.c.id).where(e.c.id.in_(bindparam("ids", expanding=True))).order_by(e.c.id)
    reads = AsyncReads(db.url)

    async def scenario() -> tuple:
        try:
            return await reads.run(
                lambda reader: (
                    reader.rows(money, {"valor": Decimal("1234.5")}),
                    reader.rows(in_list, {"ids": ["e1", "e3", "x"]}),
                    reader.rows(in_list, {"ids": ["e2"]}),
                    reader.core().execute(in_list, {"ids": ["e2", "e3"]}).all(),
                )
            )
        finally:
            await reads.close()

    valor, primeiro, segundo, por_pedido = asyncio.run(scenario())
    assert valor == [(Decimal("1234.50"),)] and isinstance(valor[0][0], Decimal)
    assert primeiro == [("e1",), ("e3",)]
    assert segundo == [("e2",)]
    assert por_pedido == [("e2",), ("e3",)]


def test_list_facts_are_computed_once_by_concurrent_readers_on_the_event_loop(db: Database) -> None:
    """Single flight without blocking the loop: 20 requests miss the same list at once, one counts."""
    if db.async_reads is None:
        pytest.skip("asyncpg reads are PostgreSQL's")
    cache, counted = CacheListas(), []
    slow_count = select(func.count()).select_from(func.pg_sleep(0.05).table_valued())
    reads = AsyncReads(db.url)

    def contar(reader: object) -> int:
        counted.append(1)
        return reader.rows(slow_count, {})[0][0]  # type: ignore[attr-defined]

    async def scenario() -> list:
        try:
            return await asyncio.gather(
                *(
                    reads.run(lambda r: cache.lista(r, ("t", 1, "filtro"), lambda: contar(r)).total)
                    for _ in range(20)
                )
            )
        finally:
            await reads.close()

    assert asyncio.run(scenario()) == [1] * 20
    assert len(counted) == 1
