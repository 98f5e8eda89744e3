"""The ASGI application: `create_app(settings)`; `create_app_from_env` is uvicorn's factory for workers."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI

from anil import __version__
from anil.api.routers import (
    alteracoes,
    baixas,
    bench,
    buscas_financeiras,
    categorias,
    centros_de_custo,
    contas_financeiras,
    contratos,
    control,
    control_categorias,
    control_contas,
    control_orcamentos,
    control_protocolos,
    control_relogios,
    control_vendas,
    control_vendedores,
    eventos_financeiros,
    orcamentos,
    parcelas,
    pessoas,
    produtos,
    produtos_catalogos,
    protocolos,
    servicos,
    vendas,
    vendas_busca,
    vendas_pdf,
    vendedores,
)
from anil.api.routers.legacy import pessoa as legacy_pessoa
from anil.api.routers.legacy import produto as legacy_produto
from anil.api.runtime import Runtime
from anil.auth import endpoints as oauth_endpoints
from anil.config import Settings
from anil.domain.clock import Clock
from anil.sandbox.admin_key import ensure_admin_key, read_admin_key
from anil.services.worker import start_worker
from anil.storage.engine import Database


def create_app(
    settings: Settings | None = None,
    *,
    db: Database | None = None,
    clock: Clock | None = None,
    admin_key: str | None = None,
    freeze_heap: bool = False,
) -> FastAPI:
    """The application. `freeze_heap` (a serving process: `create_app_from_env`): once started, everything
    allocated so far (modules, routes, compiled statements, caches) moves to the collector's permanent
    generation, so that the full collections a busy process runs every few seconds no longer walk it;
    they were the tail of the write benchmarks (SQLite `POST /v1/pessoas` p99 137-147 ms → 48-50 ms).
    Not for tests, which make many apps in one process: what a frozen app leaves behind is never collected."""
    settings = settings or Settings()
    runtime = Runtime.build(settings, db=db, clock=clock)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        worker = start_worker(runtime)  # the job queue's in-process worker (ANIL_WORKER=inprocess)
        _app.state.worker = worker
        if freeze_heap:
            gc.collect()
            gc.freeze()
        yield
        if worker is not None:
            worker.stop()
        if runtime.db.async_reads is not None:  # the pool of this event loop ends with it
            await runtime.db.async_reads.close()

    app = FastAPI(
        lifespan=lifespan,
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

    _include(app, oauth_endpoints.router)  # OAuth2: authorize, token, discovery, revocation (§1)
    _include(app, pessoas.router)  # /v1/pessoas (§3.1)
    _include(app, legacy_pessoa.router)  # /v1/pessoa*: the older Cadastro de Pessoas revision (seed 003)
    _include(app, produtos_catalogos.router)  # /v1/produtos/ncm, /cest, /unidades-medida (§3.2)
    _include(app, produtos.router)  # /v1/produtos, /categorias, /ecommerce-* (§3.2); after the catalogs
    _include(app, legacy_produto.router)  # /v1/produto*: the older Produto revision (Appendix A.9)
    _include(app, servicos.router)  # /v1/servicos (§3.3)
    _include(app, vendedores.router)  # /v1/venda/vendedores (§3.4; the sales come with Vendas)
    # /v1/venda/busca (GET, and the older POST with a JSON body) and /v1/venda/{id}/imprimir (§3.4): before the
    # sales router's /v1/venda/{id}
    _include(app, vendas_busca.router)
    _include(app, vendas_pdf.router)
    _include(app, orcamentos.router)  # /v1/orcamentos (§3.5)
    _include(app, centros_de_custo.router)  # /v1/centro-de-custo (§3.7)
    _include(app, categorias.router)  # /v1/categorias(/configuracao-padrao), …/categorias-dre (§3.8)
    _include(app, contratos.router)  # /v1/contratos (§3.6)
    # /v1/conta-financeira(/{id}/saldo-atual), …/transferencias, …/saldo-inicial (§3.9)
    _include(app, contas_financeiras.router)
    _include(app, eventos_financeiros.router)  # POST …/contas-a-receber, …/contas-a-pagar → 202 (§3.10)
    _include(app, protocolos.router)  # GET /v1/protocolo/{id} (§3.13)
    # …/contas-a-receber/buscar, …/contas-a-pagar/buscar (§3.10)
    _include(app, buscas_financeiras.router)
    _include(app, alteracoes.router)  # GET …/eventos-financeiros/alteracoes (§3.10)
    _include(app, parcelas.router)  # …/{id_evento}/parcelas, GET/PATCH …/parcelas/{id} (§3.10)
    _include(app, baixas.router)  # …/parcelas/{parcela_id}/baixa, …/parcelas/baixa/{id} (§3.11)
    _include(app, vendas.router)  # /v1/venda, /{id}, /{id}/itens, /proximo-numero, /exclusao-lote (§3.4)
    # /_anil/: sandbox control behind the admin key; what Conta Azul's API cannot create
    _include(app, control.router)  # companies, users, apps, tokens
    _include(app, control_categorias.router)  # /_anil/companies/{id}/categorias, /centros-de-custo
    _include(app, control_vendedores.router)  # /_anil/companies/{id}/vendedores
    _include(app, control_vendas.router)  # /_anil/companies/{id}/configuracoes/vendas
    _include(app, control_orcamentos.router)  # /_anil/companies/{id}/orcamentos/{id}/situacao
    _include(app, control_contas.router)  # /_anil/companies/{id}/contas-financeiras, /transferencias
    _include(app, control_protocolos.router)  # /_anil/companies/{id}/protocolos: PENDING mode, release
    _include(app, control_relogios.router)  # /_anil/companies/{id}/relogio: the company's clock
    if settings.bench == "on":
        _include(app, bench.router)  # /_bench/baseline: B of the benchmark protocol
    return app


def _include(app: FastAPI, router: APIRouter) -> None:
    """The router's routes appended to the application's own list, as `include_router` did before FastAPI
    0.165. Since then it keeps each router behind a lazy wrapper that, per request, walks the routes of
    every router before the right one and matches that one twice: about a fifth of the CPU of a small
    request with our 30 routers (py-spy, `POST …/contas-a-receber`). Ours are included without prefix,
    tags, dependencies or lifespans, so the routes are the same either way, in the same order."""
    app.router.routes.extend(router.routes)


def create_app_from_env() -> FastAPI:
    return create_app(Settings(), freeze_heap=True)
