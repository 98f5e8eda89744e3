"""The benchmark's bulk seeder of the financial core (`bench/seed_parcelas.py`), small, on both engines, in a
database of its own (it drops and rebuilds indexes): the rows it writes are consistent as the application's
own (amounts add up, settlements match, kinds and companies agree), every index and constraint is back after
the load, on PostgreSQL the installments lie in their search index's order (what makes its build cheap), and
the API's search reads them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import bench.seed_parcelas as seeder
import pytest
import sqlalchemy as sa
from bench.run import EngineSetup, prepare_demo
from fastapi.testclient import TestClient

from anil.api.app import create_app
from anil.config import Settings
from anil.domain.clock import MovableClock
from anil.storage.engine import Database
from tests.conftest import ADMIN_KEY, _postgres_schema_url, _schema, postgres_base_url, require_postgres
from tests.helpers import ADMIN

PARCELAS = 12_000
HOJE = date(2026, 7, 15)


@pytest.fixture(params=["sqlite", "postgresql"])
def banco(
    request: pytest.FixtureRequest, tmp_path: Path, database_urls: dict[str, str]
) -> Iterator[tuple[str, Path]]:
    """A fresh, empty database (a SQLite file, or a PostgreSQL schema of its own) and a data dir."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'anil.db'}", tmp_path
        return
    require_postgres(database_urls)
    base = postgres_base_url()
    schema = f"{_schema()}_seed"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _postgres_schema_url(base, schema), tmp_path
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def _indices(engine: sa.Engine) -> set[tuple[str, ...]]:
    """Every index and constraint of the loaded tables, as the database describes them."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            rows = conn.exec_driver_sql(
                "SELECT tbl_name, name, COALESCE(sql, '') FROM sqlite_master WHERE type = 'index'"
            )
            return {tuple(r) for r in rows if r[0] in seeder.TABLES}
        indexes = conn.exec_driver_sql(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
        )
        constraints = conn.exec_driver_sql(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE connamespace = current_schema()::regnamespace"
        )
        return {tuple(r) for r in [*indexes, *constraints] if r[0] in seeder.TABLES}


def test_seed_is_consistent_ordered_and_searchable(
    banco: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, data_dir = banco
    sqlite = url.startswith("sqlite")
    tenant = prepare_demo(
        EngineSetup("sqlite" if sqlite else "postgresql", data_dir, None if sqlite else url, url)
    )
    monkeypatch.setattr(seeder, "CHUNK", 1_500)  # many batches: several due-date windows per company and kind
    monkeypatch.setattr(seeder, "PEOPLE_PER_OTHER_COMPANY", 200)
    engine = sa.create_engine(url)
    antes = _indices(engine)
    engine.dispose()  # SQLite: the load switches the journal mode, which needs the file to itself

    report, tenants = seeder.seed_parcelas(url, tenant, PARCELAS, hoje=HOJE, work_dir=data_dir)

    assert report.parcelas == PARCELAS and len(tenants) == 5 and report.baixas > 0 and report.centros > 0
    assert _indices(engine) == antes
    with engine.connect() as conn:
        one = lambda sql: conn.exec_driver_sql(sql).scalar_one()  # noqa: E731
        assert one("SELECT COUNT(*) FROM parcelas") == PARCELAS
        assert one("SELECT COUNT(DISTINCT tenant_id) FROM parcelas") == 5
        assert one("SELECT COUNT(*) FROM eventos_financeiros") == report.eventos
        # amounts (in cents: SQLite keeps them as floats): an event's installments and its rateio lines add up to its value; cost-center lines
        # repeat their rateio line's; paid + unpaid = gross; the settlements add up to what was paid
        assert (
            one(
                "SELECT COUNT(*) FROM eventos_financeiros e WHERE ROUND(e.valor * 100) <> (SELECT ROUND(SUM(p.valor_bruto) * 100) "
                "FROM parcelas p WHERE p.evento_id = e.id) OR ROUND(e.valor * 100) <> (SELECT ROUND(SUM(r.valor) * 100) FROM rateios r "
                "WHERE r.evento_id = e.id)"
            )
            == 0
        )
        assert (
            one(
                "SELECT COUNT(*) FROM rateios_centros_custo c JOIN rateios r ON r.seq = c.rateio_seq "
                "WHERE c.valor <> r.valor OR c.evento_id <> r.evento_id OR c.tenant_id <> r.tenant_id"
            )
            == 0
        )
        assert (
            one(
                "SELECT COUNT(*) FROM parcelas WHERE ROUND((valor_pago + nao_pago) * 100) <> ROUND(valor_bruto * 100)"
            )
            == 0
        )
        assert (
            one(
                "SELECT COUNT(*) FROM parcelas p WHERE ROUND(p.valor_pago * 100) <> COALESCE((SELECT ROUND(SUM(b.valor_bruto) * 100) FROM baixas b "
                "WHERE b.parcela_id = p.id), 0) OR (p.valor_pago > 0) <> (p.data_pagamento IS NOT NULL)"
            )
            == 0
        )
        # an installment agrees with its event (company, kind, contact, account) and falls due in the year,
        # not before its event's competência window, and not after today if settled
        assert (
            one(
                "SELECT COUNT(*) FROM parcelas p JOIN eventos_financeiros e ON e.id = p.evento_id WHERE p.tenant_id <> e.tenant_id "
                "OR p.tipo <> e.tipo OR p.contato_id <> e.contato_id OR p.conta_financeira_id <> e.conta_financeira_id "
                "OR p.data_vencimento < e.data_competencia OR p.data_vencimento < '2026-01-01' OR p.data_vencimento > '2026-12-31'"
            )
            == 0
        )
        assert one("SELECT COUNT(*) FROM baixas WHERE data_pagamento > '2026-07-15'") == 0
        assert (
            one("SELECT COUNT(*) FROM parcelas WHERE data_vencimento >= '2026-07-15' AND valor_pago > 0") == 0
        )
        assert one("SELECT COUNT(*) FROM parcelas WHERE perda_valor IS NOT NULL") > 0
        assert one("SELECT COUNT(*) FROM parcelas WHERE situacao = 'CANCELADO'") > 0
        # every month has installments due, of both kinds
        meses = conn.exec_driver_sql("SELECT DISTINCT tipo, data_vencimento FROM parcelas").all()
        assert {(t, str(d)[:7]) for t, d in meses} == {
            (t, f"2026-{m:02d}") for t in ("RECEITA", "DESPESA") for m in range(1, 13)
        }
        if not sqlite:
            # the heap in the search index's order: each row's key above the one before it
            assert (
                one(
                    "SELECT COUNT(*) FROM (SELECT ROW(tenant_id, tipo, data_vencimento, seq) > ROW(LAG(tenant_id) OVER w, "
                    "LAG(tipo) OVER w, LAG(data_vencimento) OVER w, LAG(seq) OVER w) AS acima FROM parcelas WINDOW w AS "
                    "(ORDER BY ctid)) x WHERE NOT acima"
                )
                == 0
            )
        junho = one(
            f"SELECT COUNT(*) FROM parcelas WHERE tenant_id = '{tenant}' AND tipo = 'RECEITA' AND situacao <> 'CANCELADO' "
            "AND data_vencimento BETWEEN '2026-06-01' AND '2026-06-30'"
        )
    engine.dispose()

    db = Database(url)
    clock = MovableClock()
    try:
        app = create_app(
            Settings(data_dir=data_dir, database_url=url, rate_limit="off", sandbox="on"),
            db=db,
            clock=clock,
            admin_key=ADMIN_KEY,
        )
        with TestClient(app) as client:
            registro = client.post(
                "/_anil/apps", json={"name": "Bench", "redirect_uri": "https://b.example/cb"}, headers=ADMIN
            ).json()
            assert "client_id" in registro, registro
            token = client.post(
                "/_anil/tokens",
                json={"id_empresa": tenant, "client_id": registro["client_id"]},
                headers=ADMIN,
            ).json()
            response = client.get(
                "/v1/financeiro/eventos-financeiros/contas-a-receber/buscar",
                params={
                    "data_vencimento_de": "2026-06-01",
                    "data_vencimento_ate": "2026-06-30",
                    "pagina": 1,
                    "tamanho_pagina": 50,
                },
                headers={"Authorization": f"Bearer {token['access_token']}"},
            )
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["itens_totais"] == junho > 0
        assert len(body["itens"]) == min(50, junho)
        assert all(item["data_vencimento"].startswith("2026-06") for item in body["itens"])
    finally:
        db.dispose()
