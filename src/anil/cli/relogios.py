"""`anil clock show|freeze|advance|reset`: a company's clock, which its financial date rules read (overdue,
due today, this month). Straight on the database, like the other database commands (works while the server
runs: every request reads the clock afresh); same JSON as `/_anil/companies/{id_empresa}/relogio`."""

from __future__ import annotations

from typing import Annotated

import typer

from anil.cli._database import Company, DatabaseUrl, Json, empresa_alvo, run_on_database
from anil.cli._output import emit


def _emit(result: dict, as_json: bool) -> None:
    emit(result, as_json=as_json, title=None if as_json else "relógio da empresa")


def register(app: typer.Typer) -> None:
    clock = typer.Typer(
        help="A company's clock: freeze it or move it forward to watch installments fall overdue.",
        no_args_is_help=True,
    )
    app.add_typer(clock, name="clock")

    @clock.command("show")
    def clock_show(company: Company = None, as_json: Json = False, database_url: DatabaseUrl = None) -> None:
        """What the company's clock shows now (São Paulo time)."""
        from anil.domain.clock import SystemClock
        from anil.schemas.relogios import relogio_json
        from anil.services import relogios as svc

        def work(session, _):  # type: ignore[no-untyped-def]
            empresa_id = empresa_alvo(session, company)
            return relogio_json(empresa_id, svc.estado(session, empresa_id, SystemClock()))

        _emit(run_on_database(database_url, work, as_json=as_json, write=False), as_json)

    @clock.command("freeze")
    def clock_freeze(
        at: Annotated[
            str | None,
            typer.Option(
                "--at", help="Instant, ISO 8601: 2026-12-15T10:00:00 (São Paulo) or with Z / an offset."
            ),
        ] = None,
        on: Annotated[
            str | None, typer.Option("--date", help="A day, YYYY-MM-DD: its 00:00 in São Paulo.")
        ] = None,
        company: Company = None,
        as_json: Json = False,
        database_url: DatabaseUrl = None,
    ) -> None:
        """Stop the company's clock at an instant or at the start of a day."""
        from anil.domain.clock import SystemClock
        from anil.domain.relogios import instante_congelamento
        from anil.schemas.relogios import relogio_json
        from anil.services import relogios as svc

        def work(session, _):  # type: ignore[no-untyped-def]
            instante = instante_congelamento(at, on)
            empresa_id = empresa_alvo(session, company)
            return relogio_json(empresa_id, svc.congelar(session, empresa_id, instante, SystemClock()))

        _emit(run_on_database(database_url, work, as_json=as_json), as_json)

    @clock.command("advance")
    def clock_advance(
        days: Annotated[int | None, typer.Option("--days", help="Days forward.")] = None,
        hours: Annotated[int | None, typer.Option("--hours", help="Hours forward.")] = None,
        minutes: Annotated[int | None, typer.Option("--minutes", help="Minutes forward.")] = None,
        seconds: Annotated[int | None, typer.Option("--seconds", help="Seconds forward.")] = None,
        duration: Annotated[
            str | None, typer.Option("--duration", help="ISO 8601 duration: P1D, PT36H, P1W2DT3H.")
        ] = None,
        company: Company = None,
        as_json: Json = False,
        database_url: DatabaseUrl = None,
    ) -> None:
        """Move the company's clock forward (a frozen clock stays frozen, a running one keeps running)."""
        from anil.domain.clock import SystemClock
        from anil.domain.relogios import duracao_avanco
        from anil.schemas.relogios import relogio_json
        from anil.services import relogios as svc

        def work(session, _):  # type: ignore[no-untyped-def]
            passo = duracao_avanco(
                dias=days, horas=hours, minutos=minutes, segundos=seconds, duracao=duration
            )
            empresa_id = empresa_alvo(session, company)
            return relogio_json(empresa_id, svc.avancar_relogio(session, empresa_id, passo, SystemClock()))

        _emit(run_on_database(database_url, work, as_json=as_json), as_json)

    @clock.command("reset")
    def clock_reset(company: Company = None, as_json: Json = False, database_url: DatabaseUrl = None) -> None:
        """Back to the system clock."""
        from anil.domain.clock import SystemClock
        from anil.schemas.relogios import relogio_json
        from anil.services import relogios as svc

        def work(session, _):  # type: ignore[no-untyped-def]
            empresa_id = empresa_alvo(session, company)
            return relogio_json(empresa_id, svc.restaurar(session, empresa_id, SystemClock()))

        _emit(run_on_database(database_url, work, as_json=as_json), as_json)
