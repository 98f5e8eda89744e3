"""The `anil` command. Server and admin commands import the server stack lazily, so the base install
(SDK + CLI) runs `anil --help` without FastAPI or SQLAlchemy."""

from __future__ import annotations

import typer

from anil.cli import admin, api, categorias, contas, relogios, server, vendedores, worker

app = typer.Typer(
    name="anil",
    help="anil: the Conta Azul Pro API, self-hosted. Server, admin and API commands.",
    no_args_is_help=True,
    add_completion=False,
)
server.register(app)
admin.register(app)
vendedores.register(app)
categorias.register(app)
contas.register(app)
relogios.register(app)
worker.register(app)
api.register(app)


def main() -> None:
    app()
