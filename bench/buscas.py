"""DB time of the installment search (`…/contas-a-receber/buscar`) over the seeded 1,000,000 installments.

In process, not over HTTP, through the application's own read path (SQLite: `RawReader` as `read_raw` gives it;
PostgreSQL: asyncpg on an event loop, `storage.async_reads`), calling the repository's statements directly so
that no cache stands in for SQL: the aggregate (`itens_totais` and every `totais` entry) is computed each time.
Each figure is the median of 5 warm runs (one discarded run first).

- `mes`: a one-month due-date window of the company holding 70%, page 1 of 20: the aggregate, the page and its
  categories/cost centers. Target: <= 30 ms on each engine.
- `ano`: the same company's one-year window, page 10 and page 5,000 of 20, each read the way a sequential walk
  reads it (from the cursor where the previous page ended: the OR-expanded keyset predicate), and page 5,000
  also by `OFFSET` (a random jump; over the covering index). Target: page 5,000 <= 3x page 10 (walk).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

WARM_RUNS = 5
PAGE = 20
MES = (date(2026, 6, 1), date(2026, 6, 30))
ANO = (date(2026, 1, 1), date(2026, 12, 31))
DEEP_PAGE = 5_000
MES_TARGET_MS = 30.0
RATIO_TARGET = 3.0


@dataclass
class BuscaReport:
    engine: str
    hoje: str = ""
    mes_itens: int = 0
    ano_itens: int = 0
    funda: int = DEEP_PAGE  # the deep page measured (5,000 unless the year has fewer pages: --quick)
    timings_ms: dict[str, float] = field(default_factory=dict)  # medians
    runs_ms: dict[str, list[float]] = field(default_factory=dict)
    plans: dict[str, str] = field(default_factory=dict)

    @property
    def mes_ms(self) -> float:
        return self.timings_ms.get("mes_total", float("nan"))

    @property
    def ratio(self) -> float:
        return self.timings_ms.get("ano_p5000_walk", float("nan")) / self.timings_ms.get(
            "ano_p10_walk", float("nan")
        )

    def verdicts(self) -> dict[str, bool]:
        return {"mes": self.mes_ms <= MES_TARGET_MS, "ratio": self.ratio <= RATIO_TARGET}


def _median(fn: Callable[[], Any], runs: int = WARM_RUNS) -> tuple[float, list[float]]:
    fn()  # warm-up, discarded
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), times


def _work(reader: Any, tenant_id: str, hoje: date, report: BuscaReport) -> None:
    from anil.domain.buscas_financeiras import FiltroBusca
    from anil.domain.financeiro import TipoEvento
    from anil.storage.repositories import buscas_financeiras as repo

    mes = FiltroBusca(TipoEvento.RECEITA, *MES)
    ano = FiltroBusca(TipoEvento.RECEITA, *ANO)

    def pagina(filtro: FiltroBusca, offset: int, cursor: tuple[Any, int] | None = None) -> None:
        rows = repo.pagina_sql(reader, tenant_id, filtro, hoje, offset, PAGE, cursor)
        repo.referencias(reader, tenant_id, list(dict.fromkeys(row[1] for row in rows)))

    def cursor_antes(filtro: FiltroBusca, pagina_n: int) -> tuple[Any, int]:
        """Where page `pagina_n − 1` ends: what a walk has remembered by the time it asks for `pagina_n`."""
        row = repo.pagina_sql(reader, tenant_id, filtro, hoje, (pagina_n - 1) * PAGE - 1, 1)[0]
        return row[-1], row[13]

    report.mes_itens = repo.agregar(reader, tenant_id, mes, hoje)[0]
    report.ano_itens = repo.agregar(reader, tenant_id, ano, hoje)[0]
    funda = report.funda = max(11, min(DEEP_PAGE, report.ano_itens // PAGE))
    c10, c_funda = cursor_antes(ano, 10), cursor_antes(ano, funda)
    measures: dict[str, Callable[[], Any]] = {
        "mes_agregado": lambda: repo.agregar(reader, tenant_id, mes, hoje),
        "mes_pagina": lambda: pagina(mes, 0),
        "mes_total": lambda: (repo.agregar(reader, tenant_id, mes, hoje), pagina(mes, 0)),
        "ano_p10_walk": lambda: pagina(ano, 0, c10),
        "ano_p5000_walk": lambda: pagina(ano, 0, c_funda),
        "ano_p10_offset": lambda: pagina(ano, 9 * PAGE),
        "ano_p5000_offset": lambda: pagina(ano, (funda - 1) * PAGE),
        "ano_agregado": lambda: repo.agregar(reader, tenant_id, ano, hoje),
    }
    for name, fn in measures.items():
        median, runs = _median(fn)
        report.timings_ms[name] = median
        report.runs_ms[name] = runs


def measure(url: str, tenant_id: str, hoje: date | None = None) -> BuscaReport:
    from anil.domain.clock import SystemClock, local_today
    from anil.storage.engine import Database
    from anil.storage.repositories.base import RawReader

    hoje = hoje or local_today(SystemClock())
    db = Database(url)
    report = BuscaReport(db.engine.dialect.name, hoje=hoje.isoformat())
    try:
        if db.async_reads is None:
            with RawReader(db.engine) as reader:
                _work(reader, tenant_id, hoje, report)
        else:

            async def run() -> None:
                try:
                    await db.async_reads.run(lambda reader: _work(reader, tenant_id, hoje, report))  # type: ignore[union-attr]
                finally:
                    await db.async_reads.close()  # type: ignore[union-attr]

            asyncio.run(run())
        report.plans = _plans(db, tenant_id, hoje)
    finally:
        db.dispose()
    return report


def _plans(db: Any, tenant_id: str, hoje: date) -> dict[str, str]:
    """The engine's plan of the month window's aggregate and first page (for the report)."""
    from anil.domain.buscas_financeiras import FiltroBusca
    from anil.domain.financeiro import TipoEvento
    from anil.storage.repositories import buscas_financeiras as repo

    filtro = FiltroBusca(TipoEvento.RECEITA, *MES)
    stmts = repo._forma(filtro)
    params = {"tenant_id": tenant_id, "tipo": "RECEITA", "vencimento_de": MES[0], "vencimento_ate": MES[1],
              "hoje": hoje, "p_offset": 0, "p_limit": PAGE}  # fmt: skip
    explain = "EXPLAIN QUERY PLAN " if db.is_sqlite else "EXPLAIN (ANALYZE, BUFFERS) "
    out = {}
    with db.engine.connect() as conn:
        for name, stmt in (("agregado", stmts.agregado), ("pagina", stmts.paginas[False])):
            rows = conn.exec_driver_sql(
                explain + str(stmt.compile(dialect=conn.dialect)),
                _positional(stmt, conn.dialect, params),
            ).all()
            out[name] = "\n".join(" ".join(str(c) for c in row) for row in rows)
    return out


def _positional(stmt: Any, dialect: Any, params: dict[str, Any]) -> Any:
    compiled = stmt.compile(dialect=dialect)
    values = compiled.construct_params(params)
    processors = compiled._bind_processors
    values = {k: (processors[k](v) if k in processors else v) for k, v in values.items()}
    if compiled.positional:
        return tuple(values[name] for name in compiled.positiontup)
    return values


def table_rows(report: BuscaReport) -> list[tuple[str, str, str]]:
    t = report.timings_ms
    v = report.verdicts()
    ok = {True: "PASS", False: "FAIL"}
    return [
        (f"month window, page 1 of {PAGE} + itens_totais + totais ({report.mes_itens:,} matches)",
         f"{t['mes_total']:.1f} ms (aggregate {t['mes_agregado']:.1f}, page {t['mes_pagina']:.1f})",
         f"≤{MES_TARGET_MS:g} ms: {ok[v['mes']]}"),
        (f"year window ({report.ano_itens:,} matches), page 10 / page {report.funda:,}, walking (keyset)",
         f"{t['ano_p10_walk']:.2f} / {t['ano_p5000_walk']:.2f} ms = {report.ratio:.2f}x",
         f"≤{RATIO_TARGET:g}x: {ok[v['ratio']]}"),
        (f"year window, page 10 / page {report.funda:,}, random jump (OFFSET over the covering index)",
         f"{t['ano_p10_offset']:.2f} / {t['ano_p5000_offset']:.2f} ms", ""),
        ("year window aggregate (itens_totais + totais)", f"{t['ano_agregado']:.1f} ms", ""),
    ]  # fmt: skip
