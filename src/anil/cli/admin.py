"""Companies, users, apps and tokens, straight on the database (works while the server runs)."""

from __future__ import annotations

from typing import Annotated, TypeVar

import typer

from anil.cli._database import DatabaseUrl, Json, run_on_database
from anil.cli._output import emit

T = TypeVar("T")


def register(app: typer.Typer) -> None:
    companies = typer.Typer(help="Companies (tenants).", no_args_is_help=True)
    users = typer.Typer(help="ERP users who sign in on the consent page.", no_args_is_help=True)
    apps = typer.Typer(help="Registered integrator apps (OAuth clients).", no_args_is_help=True)
    app.add_typer(companies, name="companies")
    app.add_typer(users, name="users")
    app.add_typer(apps, name="apps")

    @companies.command("create")
    def companies_create(
        name: Annotated[str, typer.Option("--name", help="Razão social.")],
        cnpj: Annotated[
            str | None, typer.Option(help="CNPJ (numeric or alphanumeric); generated if omitted.")
        ] = None,
        as_json: Json = False,
        database_url: DatabaseUrl = None,
    ) -> None:
        """Create a company."""
        from anil.services import admin as svc

        result = run_on_database(
            database_url,
            lambda s, _: svc.empresa_json(svc.criar_empresa(s, razao_social=name, cnpj=cnpj)),
            as_json=as_json,
        )
        emit(result, as_json=as_json)

    @companies.command("list")
    def companies_list(as_json: Json = False, database_url: DatabaseUrl = None) -> None:
        """List companies."""
        from anil.services import admin as svc

        result = run_on_database(
            database_url,
            lambda s, _: [svc.empresa_json(e) for e in svc.listar_empresas(s)],
            as_json=as_json,
            write=False,
        )
        emit(result, as_json=as_json, columns=("id_empresa", "razao_social", "documento", "demo"))

    @users.command("create")
    def users_create(
        email: Annotated[str, typer.Option(help="Login e-mail.")],
        password: Annotated[str, typer.Option(help="Password.")],
        company: Annotated[str, typer.Option(help="id_empresa to add the user to.")],
        as_json: Json = False,
        database_url: DatabaseUrl = None,
    ) -> None:
        """Create a user, or add an existing one to another company."""
        from anil.services import admin as svc

        def work(session, _):  # type: ignore[no-untyped-def]
            usuario, empresas = svc.criar_usuario(session, email=email, senha=password, empresa_id=company)
            return svc.usuario_json(usuario, empresas)

        emit(run_on_database(database_url, work, as_json=as_json), as_json=as_json)

    @apps.command("create")
    def apps_create(
        name: Annotated[str, typer.Option(help="App name.")],
        redirect_uri: Annotated[
            list[str], typer.Option("--redirect-uri", help="Registered redirect URI (repeatable).")
        ],
        as_json: Json = False,
        database_url: DatabaseUrl = None,
    ) -> None:
        """Register an app; prints its client_id and client_secret."""
        from anil.services import admin as svc

        result = run_on_database(
            database_url,
            lambda s, _: svc.app_json(svc.criar_app(s, nome=name, redirect_uris=list(redirect_uri))),
            as_json=as_json,
        )
        emit(result, as_json=as_json)

    @apps.command("list")
    def apps_list(as_json: Json = False, database_url: DatabaseUrl = None) -> None:
        """List registered apps."""
        from anil.services import admin as svc

        result = run_on_database(
            database_url,
            lambda s, _: [svc.app_json(a) for a in svc.listar_apps(s)],
            as_json=as_json,
            write=False,
        )
        emit(result, as_json=as_json, columns=("client_id", "nome", "redirect_uris", "demo"))

    @app.command("token")
    def token(
        company: Annotated[str | None, typer.Option(help="id_empresa (default: the demo company).")] = None,
        app_id: Annotated[
            str | None, typer.Option("--app", help="client_id (default: the demo app).")
        ] = None,
        as_json: Json = False,
        database_url: DatabaseUrl = None,
    ) -> None:
        """Issue a token pair without a browser, as if the company had consented."""
        from anil.auth.tokens import TokenIssuer, issue_sandbox_token
        from anil.errors import NotFound
        from anil.services import admin as svc
        from anil.services.signing_keys import load_signing_key

        def work(session, settings):  # type: ignore[no-untyped-def]
            empresa_id = company
            if empresa_id is None:
                demo = svc.demo_empresa(session)
                if demo is None:
                    raise NotFound("Nenhuma empresa demo: rode 'anil serve' uma vez ou informe --company")
                empresa_id = demo.id
            issuer = TokenIssuer(
                settings.public_url.rstrip("/"),
                load_signing_key(session),
                access_seconds=settings.access_token_seconds,
                refresh_days=settings.refresh_token_days,
            )
            return issue_sandbox_token(session, issuer, empresa_id, app_id)

        emit(run_on_database(database_url, work, as_json=as_json), as_json=as_json)
