"""The database commands run against the test database of the `db` fixture (both engines)."""

from __future__ import annotations

from pathlib import Path

import pytest

from anil.storage.engine import Database


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db: Database) -> Database:
    monkeypatch.setenv("ANIL_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ANIL_DATABASE_URL", db.url)
    return db
