"""The ASGI application: `create_app(settings)`; `create_app_from_env` is uvicorn's factory for workers."""

from __future__ import annotations

from fastapi import FastAPI

from anil import __version__
from anil.api.routers import bench, control, pessoas
from anil.api.routers.legacy import pessoa as legacy_pessoa
from anil.api.runtime import Runtime
from anil.auth import endpoints as oauth_endpoints
from anil.config import Settings
from anil.domain.clock import Clock
from anil.sandbox.admin_key import ensure_admin_key, read_admin_key
from anil.storage.engine import Database


def create_app(
    settings: Settings | None = None,
    *,
    db: Database | None = None,
    clock: Clock | None = None,
    admin_key: str | None = None,
) -> FastAPI:
    settings = settings or Settings()
    runtime = Runtime.build(settings, db=db, clock=clock)
    app = FastAPI(
        title="anil — Conta Azul Pro API",
        version=__version__,
        description="A self-hosted, stateful server that speaks the Conta Azul Pro public API.",
    )
    app.state.runtime = runtime
    app.state.admin_key = (
        admin_key
        or read_admin_key(settings.admin_key_path)
        or (ensure_admin_key(settings.admin_key_path) if settings.sandbox_on else None)
    )

    app.include_router(oauth_endpoints.router)  # OAuth2: authorize, token, discovery, revocation (§1)
    app.include_router(pessoas.router)  # /v1/pessoas (§3.1)
    app.include_router(legacy_pessoa.router)  # /v1/pessoa*: the older Cadastro de Pessoas revision (seed 003)
    app.include_router(control.router)  # /_anil/: sandbox control, admin key
    if settings.bench == "on":
        app.include_router(bench.router)  # /_bench/baseline: B of the benchmark protocol
    return app


def create_app_from_env() -> FastAPI:
    return create_app(Settings())
