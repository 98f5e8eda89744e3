"""`anil categories add|list` and `anil cost-centers add`: financial categories, which Conta Azul's API
cannot create, and cost centers of any company (possibly inactive). Straight on the database, like the
admin commands (works while the server runs); `--json` prints what `/_anil/` answers."""

from __future__ import annotations

from typing import Annotated

import typer

from anil.cli._database import Company, DatabaseUrl, Json, empresa_alvo, run_on_database
from anil.cli._output import emit


def register(app: typer.Typer) -> None:
    categories = typer.Typer(help="Financial categories (categorias) of a company.", no_args_is_help=True)
    cost_centers = typer.Typer(help="Cost centers (centros de custo) of a company.", no_args_is_help=True)
    app.add_typer(categories, name="categories")
    app.add_typer(cost_centers, name="cost-centers")

    @categories.command("add")
    def categories_add(
        name: Annotated[str, typer.Option("--name", help="Category name (nome).")],
        tipo: Annotated[
            str | None, typer.Option("--tipo", help="RECEITA or DESPESA (default: the parent's).")
        ] = None,
        parent: Annotated[
            str | None, typer.Option("--parent", help="categoria_pai: id of a first-level category.")
        ] = None,
        entrada_dre: Annotated[
            str | None,
            typer.Option("--entrada-dre", help="DRE line it feeds, e.g. DESPESAS_ADMINISTRATIVAS."),
        ] = None,
        considera_custo_dre: Annotated[
            bool | None,
            typer.Option(
                "--considera-custo-dre/--nao-considera-custo-dre",
                help="Counts as DRE cost (default: only for the cost lines).",
            ),
        ] = None,
        codigo: Annotated[
            str | None, typer.Option("--codigo", help="Internal code (default: parent's + .NN).")
        ] = None,
        inactive: Annotated[bool, typer.Option("--inactive", help="Create it inactive.")] = False,
        company: Company = None,
        as_json: Json = False,
        database_url: DatabaseUrl = None,
    ) -> None:
        """Add a financial category."""
        from anil.domain.categorias import CategoriaEntrada
        from anil.services import categorias as svc

        entrada = CategoriaEntrada(
            nome=name,
            tipo=tipo,
            categoria_pai=parent,
            entrada_dre=entrada_dre,
            considera_custo_dre=considera_custo_dre,
            codigo=codigo,
            ativo=not inactive,
        )

        def work(session, _):  # type: ignore[no-untyped-def]
            return svc.categoria_json(svc.criar(session, empresa_alvo(session, company), entrada))

        emit(run_on_database(database_url, work, as_json=as_json), as_json=as_json)

    @categories.command("list")
    def categories_list(
        tipo: Annotated[str | None, typer.Option("--tipo", help="Only RECEITA or DESPESA.")] = None,
        company: Company = None,
        as_json: Json = False,
        database_url: DatabaseUrl = None,
    ) -> None:
        """List a company's categories in plan order."""
        from anil.services import categorias as svc

        def work(session, _):  # type: ignore[no-untyped-def]
            rows = svc.listar_todas(session, empresa_alvo(session, company))
            return [svc.categoria_json(c) for c in rows if tipo is None or c.tipo == tipo.upper()]

        result = run_on_database(database_url, work, as_json=as_json, write=False)
        emit(result, as_json=as_json, columns=("id", "codigo", "nome", "tipo", "entrada_dre", "ativo"))

    @cost_centers.command("add")
    def cost_centers_add(
        name: Annotated[str, typer.Option("--name", help="Cost center name (nome).")],
        codigo: Annotated[str | None, typer.Option("--codigo", help="Code (codigo).")] = None,
        inactive: Annotated[bool, typer.Option("--inactive", help="Create it inactive.")] = False,
        company: Company = None,
        as_json: Json = False,
        database_url: DatabaseUrl = None,
    ) -> None:
        """Add a cost center (the API's rules: unique name and code)."""
        from anil.domain.centros_de_custo import CentroEntrada
        from anil.services import centros_de_custo as svc

        entrada = CentroEntrada(nome=name, codigo=codigo, ativo=not inactive)

        def work(session, _):  # type: ignore[no-untyped-def]
            return svc.centro_json(svc.criar_controle(session, empresa_alvo(session, company), entrada))

        emit(run_on_database(database_url, work, as_json=as_json), as_json=as_json)
