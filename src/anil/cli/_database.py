"""What every database command shares: the options, one transaction on the database, the target company."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from anil.cli._output import fail

Json = Annotated[bool, typer.Option("--json", help="Print one JSON value.")]
DatabaseUrl = Annotated[
    str | None, typer.Option("--database-url", help="Default: ANIL_DATABASE_URL or SQLite.")
]
Company = Annotated[str | None, typer.Option("--company", help="id_empresa (default: the demo company).")]


def run_on_database(database_url: str | None, work: Callable, *, as_json: bool, write: bool = True):  # type: ignore[no-untyped-def]
    """Open the database (migrating it if new), run `work(session, settings)` in one transaction."""
    import os

    from anil.config import Settings
    from anil.errors import AnilError
    from anil.storage.engine import Database
    from anil.storage.migrate import upgrade

    if database_url:
        os.environ["ANIL_DATABASE_URL"] = database_url
    settings = Settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = Database(settings.resolved_database_url, pool_size=1)
    try:
        upgrade(db.engine)
        runner = db.run_write if write else db.run_read
        return runner(lambda session: work(session, settings))
    except AnilError as exc:
        fail(exc.message, as_json=as_json)
    finally:
        db.dispose()


def empresa_alvo(session, company: str | None) -> str:  # type: ignore[no-untyped-def]
    """`--company`, or the demo company when it is not given."""
    if company is not None:
        return company
    from anil.errors import NotFound
    from anil.services import admin as svc

    demo = svc.demo_empresa(session)
    if demo is None:
        raise NotFound("Nenhuma empresa demo: rode 'anil serve' uma vez ou informe --company")
    return demo.id
