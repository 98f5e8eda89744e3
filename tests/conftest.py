"""Every storage-touching test runs on SQLite and on PostgreSQL.

Each xdist worker gets its own SQLite file and its own PostgreSQL schema (in `ANIL_TEST_DATABASE_URL`,
default the local `test` database), migrated once; tables are emptied after each test. Where no
PostgreSQL answers, its half is skipped with the reason, unless ANIL_REQUIRE_PG=1 makes that a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, delete, text
from sqlalchemy.engine import make_url

from anil.api.app import create_app
from anil.config import Settings
from anil.domain.clock import MovableClock
from anil.storage.base import Base
from anil.storage.engine import Database
from anil.storage.migrate import upgrade
from anil.storage.models import SigningKey

ADMIN_KEY = "test-admin-key"
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
ENGINES = ("sqlite", "postgresql")


_RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID", uuid.uuid4().hex)[:8]


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


def _schema() -> str:
    """Own schema per test run and worker, so concurrent runs on one machine never empty each other's tables."""
    return f"anil_test_{_RUN}_{_worker()}"


def postgres_base_url() -> str:
    return os.environ.get("ANIL_TEST_DATABASE_URL", DEFAULT_PG)


def _postgres_problem(url: str) -> str | None:
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:
        return f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    return None


def _postgres_schema_url(base: str, schema: str) -> str:
    """Same database, own schema: the search_path is set by libpq's `options` for every connection."""
    url = make_url(base)
    return url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def database_urls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    urls: dict[str, str] = {}
    sqlite_file = tmp_path_factory.mktemp("sqlite") / f"anil-{_worker()}.db"
    urls["sqlite"] = f"sqlite:///{sqlite_file}"
    base = postgres_base_url()
    problem = _postgres_problem(base)
    if problem is None:
        schema = _schema()
        engine = create_engine(base)
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        engine.dispose()
        urls["postgresql"] = _postgres_schema_url(base, schema)
    else:
        urls["postgresql_problem"] = problem
    return urls


_databases: dict[str, Database] = {}


def require_postgres(urls: dict[str, str]) -> None:
    """Skip the calling test where no PostgreSQL answers; with ANIL_REQUIRE_PG=1, fail it instead."""
    if "postgresql" in urls:
        return
    reason = f"PostgreSQL unavailable at {postgres_base_url()} ({urls['postgresql_problem']})"
    if os.environ.get("ANIL_REQUIRE_PG") == "1":
        pytest.fail(f"ANIL_REQUIRE_PG=1 but {reason}")
    pytest.skip(reason)


def database_for(engine_name: str, urls: dict[str, str]) -> Database:
    if engine_name == "postgresql":
        require_postgres(urls)
    db = _databases.get(engine_name)
    if db is None:
        db = Database(urls[engine_name])
        upgrade(db.engine)
        _databases[engine_name] = db
    return db


def empty_tables(db: Database) -> None:
    tables = [t for t in reversed(Base.metadata.sorted_tables) if t is not SigningKey.__table__]
    with db.engine.begin() as conn:
        if db.engine.dialect.name == "postgresql":
            # one TRUNCATE: a row-by-row DELETE checks each self-referencing foreign key (categorias'
            # categoria_pai) with a scan, quadratic once a test made hundreds of companies
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t.name}"' for t in tables)))
            return
        for table in tables:
            conn.execute(delete(table))


@pytest.fixture(params=ENGINES)
def db(request: pytest.FixtureRequest, database_urls: dict[str, str]) -> Iterator[Database]:
    database = database_for(request.param, database_urls)
    empty_tables(database)
    yield database
    empty_tables(database)


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def settings(tmp_path: Path, db: Database) -> Settings:
    return Settings(data_dir=tmp_path, database_url=db.url, rate_limit="off", sandbox="on", quirks="on")


@pytest.fixture
def app(settings: Settings, db: Database, clock: MovableClock):  # type: ignore[no-untyped-def]
    return create_app(settings, db=db, clock=clock, admin_key=ADMIN_KEY)


@pytest.fixture
def client(app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(app, raise_server_exceptions=True) as test_client:
        yield test_client


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    for database in _databases.values():
        database.dispose()
    if "postgresql" in _databases:
        engine = create_engine(postgres_base_url())
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{_schema()}" CASCADE'))
        engine.dispose()
