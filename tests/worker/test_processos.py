"""`anil worker` processes on PostgreSQL (issue 4 acceptance): 1,000 creations drained by 4 processes end
with 1,000 events, no duplicate and nothing stuck PENDING; a worker killed (SIGKILL) in the middle of a job
leaves it to be taken over once its lease runs out, never lost and never run twice.

Real subprocesses (`python -m anil worker`) against the test schema; the jobs are enqueued in bulk
through the service the API uses."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from anil.api.app import create_app
from anil.config import Settings
from anil.domain.clock import SystemClock
from anil.services.jobs import naive_utc
from anil.storage.engine import Database
from anil.storage.models import Alteracao, EventoFinanceiro, Job, Parcela, Protocolo
from tests.api.financeiro_builders import fixtures_financeiras
from tests.conftest import ADMIN_KEY, database_for, empty_tables
from tests.helpers import Company, create_company
from tests.worker.conftest import enfileirar

# Real processes: `slow` as the suite names them; one xdist group, so the two never compete for the CPUs.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("anil-worker-processes")]


@pytest.fixture
def pg(database_urls: dict[str, str]) -> Iterator[Database]:
    database = database_for("postgresql", database_urls)
    empty_tables(database)
    yield database
    empty_tables(database)


@pytest.fixture
def montado(pg: Database, tmp_path: Path) -> tuple[Company, dict]:
    settings = Settings(data_dir=tmp_path, database_url=pg.url, rate_limit="off", sandbox="on", worker="off")
    with TestClient(create_app(settings, db=pg, admin_key=ADMIN_KEY)) as client:
        company = create_company(client)
        return company, fixtures_financeiras(client, company)


def _worker(pg: Database, tmp_path: Path, **env: str) -> subprocess.Popen:
    ambiente = {
        **os.environ,
        "ANIL_DATA_DIR": str(tmp_path),
        "ANIL_WORKER_POLL_MS": "20",
        **env,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "anil", "worker", "--database-url", pg.url, "--concurrency", "1"],
        env=ambiente,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _count(db: Database, model, *where) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return s.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def _esperar(condicao, timeout: float, o_que: str, processos: list[subprocess.Popen]) -> None:  # type: ignore[no-untyped-def]
    limite = time.monotonic() + timeout
    while not condicao():
        for p in processos:
            if p.poll() is not None and p.returncode not in (0, -signal.SIGKILL):
                raise AssertionError(
                    f"a worker exited with {p.returncode}: {p.stderr.read().decode()[-2000:]}"
                )
        assert time.monotonic() < limite, f"timed out waiting for {o_que}"
        time.sleep(0.05)


def _parar(processos: list[subprocess.Popen]) -> None:
    for p in processos:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
    for p in processos:
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def test_four_worker_processes_drain_a_thousand_creations(
    pg: Database, montado: tuple[Company, dict], tmp_path: Path
) -> None:
    company, fx = montado
    ids = enfileirar(pg, company.id, fx, 1000, naive_utc(SystemClock()))
    processos = [_worker(pg, tmp_path) for _ in range(4)]
    try:
        _esperar(lambda: _count(pg, Job, Job.estado == "FEITO") == 1000, 90, "1,000 jobs done", processos)
    finally:
        _parar(processos)
    assert [p.returncode for p in processos] == [0, 0, 0, 0]
    assert _count(pg, EventoFinanceiro, EventoFinanceiro.tenant_id == company.id) == 1000
    assert _count(pg, Parcela, Parcela.tenant_id == company.id) == 1000
    assert _count(pg, Alteracao, Alteracao.tenant_id == company.id) == 1000
    assert _count(pg, Protocolo, Protocolo.status == "PENDING") == 0
    with pg.read() as s:
        finais = s.execute(select(Protocolo.id, Protocolo.status, Protocolo.evento_financeiro_id)).all()
        workers = s.execute(select(Job.worker).distinct()).scalars().all()
        tentativas = s.execute(select(func.max(Job.tentativas))).scalar_one()
    assert {pid for pid, _, _ in finais} == set(ids)
    assert {status for _, status, _ in finais} == {"SUCCESS"}
    assert len({evento for _, _, evento in finais}) == 1000  # one event per protocol, no duplicate
    assert tentativas == 1  # nothing ran twice
    assert len(workers) >= 2  # the processes shared the queue


def test_a_worker_killed_mid_job_leaves_it_to_be_retried(
    pg: Database, montado: tuple[Company, dict], tmp_path: Path
) -> None:
    company, fx = montado
    (protocolo_id,) = enfileirar(pg, company.id, fx, 1, naive_utc(SystemClock()))
    lento = _worker(pg, tmp_path, ANIL_WORKER_TEST_SLEEP="60", ANIL_WORKER_LEASE_SECONDS="1.5")
    processos = [lento]
    try:
        _esperar(lambda: _count(pg, Job, Job.estado == "EXECUTANDO") == 1, 20, "the claim", processos)
        time.sleep(0.5)  # inside the job's transaction: its event is written, not committed
        lento.send_signal(signal.SIGKILL)
        lento.wait(timeout=10)
        with pg.read() as s:
            job = s.execute(select(Job.estado, Job.worker, Job.tentativas)).one()
            dono_morto = job.worker
        assert (job.estado, job.tentativas) == ("EXECUTANDO", 1)
        assert _count(pg, EventoFinanceiro) == 0
        assert _count(pg, Protocolo, Protocolo.status == "PENDING") == 1

        outro = _worker(pg, tmp_path, ANIL_WORKER_LEASE_SECONDS="1.5")
        processos.append(outro)
        _esperar(lambda: _count(pg, Job, Job.estado == "FEITO") == 1, 20, "the retry", processos)
    finally:
        _parar(processos)
    with pg.read() as s:
        job = s.execute(select(Job.estado, Job.worker, Job.tentativas)).one()
        protocolo = s.get(Protocolo, protocolo_id)
        assert (protocolo.status, protocolo.evento_financeiro_id is not None) == ("SUCCESS", True)
    assert job.worker != dono_morto
    assert job.tentativas == 2
    assert _count(pg, EventoFinanceiro) == 1
    assert _count(pg, Parcela) == 1
