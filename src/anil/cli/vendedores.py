"""`anil sellers create|list`: the sellers `GET /v1/venda/vendedores` lists, which Conta Azul's API cannot
create. Straight on the database, like the admin commands (works while the server runs)."""

from __future__ import annotations

from typing import Annotated

import typer

from anil.cli._database import Company, DatabaseUrl, Json, empresa_alvo, run_on_database
from anil.cli._output import emit


def register(app: typer.Typer) -> None:
    sellers = typer.Typer(help="Sellers (vendedores) of a company.", no_args_is_help=True)
    app.add_typer(sellers, name="sellers")

    @sellers.command("create")
    def sellers_create(
        name: Annotated[str, typer.Option("--name", help="Seller's name (nome).")],
        company: Company = None,
        as_json: Json = False,
        database_url: DatabaseUrl = None,
    ) -> None:
        """Create a seller."""
        from anil.services import vendedores as svc

        def work(session, _):  # type: ignore[no-untyped-def]
            empresa_id = empresa_alvo(session, company)
            return svc.vendedor_json(svc.criar(session, empresa_id, name), empresa_id)

        emit(run_on_database(database_url, work, as_json=as_json), as_json=as_json)

    @sellers.command("list")
    def sellers_list(
        company: Company = None, as_json: Json = False, database_url: DatabaseUrl = None
    ) -> None:
        """List a company's sellers, by name."""
        from anil.services import vendedores as svc

        def work(session, _):  # type: ignore[no-untyped-def]
            empresa_id = empresa_alvo(session, company)
            return [svc.vendedor_json(v, empresa_id) for v in svc.listar_da_empresa(session, empresa_id)]

        result = run_on_database(database_url, work, as_json=as_json, write=False)
        emit(result, as_json=as_json, columns=("id", "nome", "id_legado"))
