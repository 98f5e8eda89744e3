"""The schema comes from migrations, and the models never drift from them, on both engines."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from anil.storage.base import Base
from anil.storage.engine import Database
from anil.storage.migrate import current_revision


def test_migrations_reach_head_and_match_the_models(db: Database) -> None:
    assert current_revision(db.engine) is not None
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_every_model_table_exists(db: Database) -> None:
    tables = set(inspect(db.engine).get_table_names())
    assert {t.name for t in Base.metadata.sorted_tables} <= tables


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(db: Database) -> None:
    if not db.is_sqlite:
        pytest.skip("SQLite pragmas do not apply to PostgreSQL")
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
