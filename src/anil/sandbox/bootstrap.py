"""Prepare a database for serving: migrate, make the admin key and the demo data. Idempotent."""

from __future__ import annotations

from dataclasses import dataclass

from anil.config import Settings
from anil.sandbox.admin_key import ensure_admin_key
from anil.sandbox.seed import DemoData, ensure_demo
from anil.services.signing_keys import load_signing_key
from anil.storage.engine import Database
from anil.storage.migrate import upgrade


@dataclass(frozen=True)
class Prepared:
    database_url: str
    admin_key: str | None
    demo: DemoData


def prepare(settings: Settings) -> Prepared:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = Database(settings.resolved_database_url, pool_size=1)
    try:
        upgrade(db.engine)
        redirect = settings.public_url.rstrip("/") + "/_anil/callback"
        db.run_write(load_signing_key)
        demo = db.run_write(lambda s: ensure_demo(s, redirect_uri=redirect))
    finally:
        db.dispose()
    admin_key = ensure_admin_key(settings.admin_key_path) if settings.sandbox_on else None
    return Prepared(settings.resolved_database_url, admin_key, demo)
