"""`anil serve` and `anil db upgrade`."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from anil.cli import _workers
from anil.cli._output import console, errors

DatabaseUrl = Annotated[
    str | None,
    typer.Option(
        "--database-url", help="SQLAlchemy URL; default: SQLite in the data dir (ANIL_DATABASE_URL)."
    ),
]


def _settings(database_url: str | None):  # type: ignore[no-untyped-def]
    from anil.config import Settings

    if database_url:
        os.environ["ANIL_DATABASE_URL"] = database_url
    return Settings()


def register(app: typer.Typer) -> None:
    db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
    app.add_typer(db_app, name="db")

    @app.command()
    def serve(
        host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
        database_url: DatabaseUrl = None,
        workers: Annotated[
            int,
            typer.Option(help="Server processes (on Linux each listens on its own socket of the port)."),
        ] = 1,
    ) -> None:
        """Migrate, create the demo data on first start, and serve the API."""
        import uvicorn

        from anil.sandbox.bootstrap import prepare

        os.environ["ANIL_WORKERS"] = str(workers)
        if "ANIL_PUBLIC_URL" not in os.environ:  # tokens, discovery and redirects name the port really served
            shown = "localhost" if host in {"127.0.0.1", "0.0.0.0", "::", "::1"} else host
            os.environ["ANIL_PUBLIC_URL"] = f"http://{shown}:{port}"
        try:  # before the first start's work: a port in use is the likeliest mistake
            _workers.check_port(host, port)
        except OSError as exc:
            raise _cannot_listen(host, port, exc) from None
        settings = _settings(database_url)
        prepared = prepare(settings)
        _banner(settings, prepared, host, port)
        options = {
            "app": "anil.api.app:create_app_from_env",
            "factory": True,
            "log_level": "warning",
            "access_log": False,
        }
        if workers > 1 and _workers.available():
            try:
                code = _workers.serve(host, port, workers, options)
            except OSError as exc:  # taken since the check above
                raise _cannot_listen(host, port, exc) from None
            if code:
                raise typer.Exit(code)
            return
        uvicorn.run(host=host, port=port, workers=workers if workers > 1 else None, **options)

    @db_app.command("upgrade")
    def db_upgrade(database_url: DatabaseUrl = None) -> None:
        """Run the schema migrations up to the newest revision."""
        from anil.storage.engine import Database
        from anil.storage.migrate import current_revision, upgrade

        settings = _settings(database_url)
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        db = Database(settings.resolved_database_url, pool_size=1)
        upgrade(db.engine)
        console.print(
            f"schema at revision {current_revision(db.engine)} ({_redact(settings.resolved_database_url)})"
        )
        db.dispose()


def _cannot_listen(host: str, port: int, exc: OSError) -> typer.Exit:
    errors.print(f"[red]erro:[/red] cannot listen on {host}:{port}: {exc.strerror or exc}")
    return typer.Exit(1)


def _redact(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _banner(settings, prepared, host: str, port: int) -> None:  # type: ignore[no-untyped-def]
    demo = prepared.demo
    base = f"http://{host}:{port}"
    lines = [
        f"[bold]anil[/bold] listening on {base}  (database: {_redact(prepared.database_url)})",
        f"  sandbox {settings.sandbox} · rate limit {settings.rate_limit} · quirks {settings.quirks}",
        f"  demo company : {demo.empresa['razao_social']}  id_empresa={demo.empresa['id_empresa']}"
        f"  CNPJ {demo.empresa['documento']}",
        f"  demo user    : {demo.user_email} / {demo.user_password}",
        f"  demo app     : client_id={demo.app['client_id']}",
        f"                 client_secret={demo.app['client_secret']}",
        f"                 redirect_uri={demo.app['redirect_uris'][0]}",
        f"  authorize    : {settings.public_url.rstrip('/')}/oauth2/authorize?response_type=code"
        f"&client_id={demo.app['client_id']}&redirect_uri={demo.app['redirect_uris'][0]}&state=xyz",
    ]
    if prepared.admin_key:
        lines.append(f"  admin key    : {prepared.admin_key}  (header X-Anil-Admin-Key for /_anil/)")
        lines.append("  token now    : anil token --json")
    console.print("\n".join(lines), highlight=False, soft_wrap=True)
