"""`anil worker`: a process that drains the job queue (financial events' protocols, §2.10) beside the
servers. For PostgreSQL deployments: run several (`--concurrency` threads each); every claim is atomic
(`FOR UPDATE SKIP LOCKED`) and leased, so they share the queue safely and a killed one's job is taken
over once its lease runs out. The servers keep their own in-process worker unless `ANIL_WORKER=off`.
The schema must be migrated already (`anil serve` or `anil db upgrade`)."""

from __future__ import annotations

from typing import Annotated

import typer

from anil.cli._database import DatabaseUrl
from anil.cli._output import console


def register(app: typer.Typer) -> None:
    @app.command("worker")
    def worker(
        database_url: DatabaseUrl = None,
        concurrency: Annotated[int, typer.Option("--concurrency", help="Threads claiming jobs.")] = 1,
        lease_seconds: Annotated[
            float | None, typer.Option("--lease-seconds", help="Default: ANIL_WORKER_LEASE_SECONDS (30).")
        ] = None,
        poll_ms: Annotated[
            int | None, typer.Option("--poll-ms", help="Default: ANIL_WORKER_POLL_MS (100).")
        ] = None,
        drain: Annotated[bool, typer.Option("--drain", help="Run what is runnable now, then exit.")] = False,
    ) -> None:
        """Drain the job queue until stopped (SIGINT/SIGTERM)."""
        import os
        import signal
        import threading
        from datetime import timedelta

        from anil.config import Settings
        from anil.services.worker import Worker
        from anil.storage.engine import Database

        if database_url:
            os.environ["ANIL_DATABASE_URL"] = database_url
        settings = Settings()
        db = Database(settings.resolved_database_url, pool_size=concurrency + 1)
        runner = Worker(
            db,
            concorrencia=concurrency,
            intervalo=(poll_ms if poll_ms is not None else settings.worker_poll_ms) / 1000,
            lease=timedelta(
                seconds=lease_seconds if lease_seconds is not None else settings.worker_lease_seconds
            ),
            pausa_teste=settings.worker_test_sleep if settings.sandbox_on else 0.0,  # tests only
        )
        try:
            if drain:
                runner.drenar(timeout=3600)
                console.print(f"anil worker {runner.nome}: {runner.executados} jobs", highlight=False)
                return
            parar = threading.Event()
            for sinal in (signal.SIGINT, signal.SIGTERM):
                signal.signal(sinal, lambda *_: parar.set())
            runner.start()
            console.print(f"anil worker {runner.nome} started (concurrency {concurrency})", highlight=False)
            while not parar.wait(0.5):
                pass
            runner.stop()
            console.print(
                f"anil worker {runner.nome} stopped after {runner.executados} jobs", highlight=False
            )
        finally:
            db.dispose()
