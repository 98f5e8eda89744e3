"""The worker that drains the job queue: threads that claim jobs, run them and complete them.

Two ways to run it, same code:
- in every server process, started and stopped by the app's lifespan (`ANIL_WORKER=inprocess`, the
  default); the request that enqueues a job wakes it, else it polls every `intervalo` seconds;
- as `anil worker [--concurrency N]` processes beside the servers (PostgreSQL deployments), with
  `ANIL_WORKER=off` on the servers if the workers should do all the work.

SQLite: every write goes through the database's one writer thread (`Database.writer`), like the API's.
A round claims up to `lote` jobs and runs them in that same transaction (one savepoint each): SQLite has a
single writer anyway, and a process that dies mid-transaction leaves nothing claimed.
PostgreSQL: a round claims a few jobs (`FOR UPDATE SKIP LOCKED`, `lote_pg`) and commits the claim with
its lease, then runs each job in its own transaction that also completes it (only while this worker holds
it): a worker killed in between leaves its jobs to be reclaimed when the lease runs out. `pausa_teste`
(`ANIL_WORKER_TEST_SLEEP`, tests only) waits inside a job's transaction, before its commit.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from datetime import timedelta

from sqlalchemy.orm import Session

from anil.domain.clock import Clock, SystemClock
from anil.services import jobs
from anil.storage.engine import Database
from anil.storage.repositories import jobs as fila
from anil.storage.repositories.base import RawReader

log = logging.getLogger("anil.worker")


def nome_do_worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Worker:
    def __init__(
        self,
        db: Database,
        clock: Clock | None = None,
        *,
        concorrencia: int = 1,
        intervalo: float = 0.1,
        lease: timedelta = timedelta(seconds=30),
        lote: int = 16,
        lote_pg: int = 4,
        pausa_teste: float = 0.0,
        nome: str | None = None,
    ) -> None:
        self.db = db
        self.clock = clock or SystemClock()
        self.concorrencia = max(1, concorrencia)
        self.intervalo = intervalo
        self.lease = lease
        self.lote = lote
        self.lote_pg = lote_pg
        self.pausa_teste = pausa_teste
        self.nome = nome or nome_do_worker()
        self._parar = threading.Event()
        self._acordar = threading.Event()
        self._threads: list[threading.Thread] = []
        self.executados = 0

    # --------------------------------------------------------------------------------- lifecycle ----

    def start(self) -> None:
        for i in range(self.concorrencia):
            thread = threading.Thread(target=self._loop, name=f"anil-worker-{i}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self, timeout: float = 30) -> None:
        self._parar.set()
        self._acordar.set()
        for thread in self._threads:
            thread.join(timeout=timeout)
        self._threads.clear()

    def acordar(self) -> None:
        """A job was just enqueued in this process: look now instead of at the next poll."""
        self._acordar.set()

    def _loop(self) -> None:
        feitos = 0
        while not self._parar.is_set():
            try:
                feitos = self.rodada(olhar_antes=feitos == 0)
            except Exception:
                log.exception("worker round failed")
                feitos = 0
            if feitos == 0 and not self._parar.is_set():
                self._acordar.wait(self.intervalo)
                self._acordar.clear()

    # ------------------------------------------------------------------------------------- rounds ----

    def ha_trabalho(self) -> bool:
        agora = jobs.naive_utc(self.clock)
        with RawReader(self.db.engine) as reader:
            return fila.ha_trabalho(reader, agora)

    def rodada(self, olhar_antes: bool = True) -> int:
        """Claim and run what is runnable now; the number of jobs handled (0: nothing to do).
        `olhar_antes`: look with a read first (a poll then costs no write transaction)."""
        if olhar_antes and not self.ha_trabalho():
            return 0
        if self.db.is_sqlite:
            return self.db.writer.submit(self._rodada_sqlite).result()
        return self._rodada_pg()

    def _rodada_sqlite(self, session: Session) -> int:
        feitos = 0
        for job in jobs.reivindicar(session, self.nome, self.clock, self.lease, self.lote):
            if jobs.executar(session, job, self.nome, self.clock) is not None:
                feitos += 1
        self.executados += feitos
        return feitos

    def _rodada_pg(self) -> int:
        claimed = self.db.run_write(
            lambda s: jobs.reivindicar(s, self.nome, self.clock, self.lease, self.lote_pg)
        )
        feitos = 0
        for job in claimed:
            try:
                resultado = self.db.run_write(
                    lambda s, job=job: jobs.executar(s, job, self.nome, self.clock, self.pausa_teste)
                )
            except jobs.LeasePerdido:
                log.warning("job %s was reclaimed by another worker; this run rolled back", job.seq)
                continue
            if resultado is not None:
                feitos += 1
        self.executados += feitos
        return feitos

    def drenar(self, timeout: float = 30) -> None:
        """Run rounds until nothing is runnable (tests, `anil worker --drain`)."""
        limite = time.monotonic() + timeout
        while self.rodada(olhar_antes=False) and time.monotonic() < limite:
            pass


def start_worker(runtime) -> Worker | None:  # type: ignore[no-untyped-def]
    """The in-process worker of a server process, per its settings; None with `ANIL_WORKER=off`."""
    settings = runtime.settings
    if settings.worker != "inprocess":
        return None
    worker = Worker(
        runtime.db,
        runtime.clock,
        intervalo=settings.worker_poll_ms / 1000,
        lease=timedelta(seconds=settings.worker_lease_seconds),
        pausa_teste=settings.worker_test_sleep if settings.sandbox_on else 0.0,
    )
    worker.start()
    return worker
