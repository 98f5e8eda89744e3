"""`anil api …`: the Conta Azul API through the SDK, against anil or production.

`anil api [--base-url URL|anil|production] [--token T] [--company ID] <command>`:

- `login` — the authorization-code flow with PKCE: prints (and opens) the authorize URL, then takes the code
  (pasted, or `--code`); the tokens are kept per company in the user's config dir (`ANIL_CONFIG_DIR`
  overrides it), with the app's credentials, so later commands refresh them by themselves.
- `logins` — the stored logins; `logout` forgets one.
- `<group> list|get|create|update|delete` — every group of `api_groups.GROUPS`, where the API has the
  operation; a Rich table by default, `--json` for one JSON value (money with its exact digits). A group
  under another record takes its id first: `baixas list|create PARCELA_ID`.
- `export` / `import` — a company's data to JSON Lines and back into another company (`api_transfer`).

The connection: `--token` (or `ANIL_API_TOKEN`) is used as is; otherwise the stored login of `--company`
(or the only one stored). `--base-url` (or `ANIL_API_BASE_URL`) is `anil` (default, http://localhost:8000),
`production` or any URL.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Annotated, Any

import typer

from anil.cli.api_groups import GROUPS, Group

Json = Annotated[bool, typer.Option("--json", help="Print one JSON value instead of a table.")]


@dataclass
class Settings:
    base_url: str
    token: str | None
    company: str | None


# -------------------------------------------------------------------------------------------------------
# output


def plain(value: Any) -> Any:
    """SDK models and pages as plain JSON-able values (Decimal kept)."""
    from anil.sdk._models import to_jsonable

    return to_jsonable(value)


def print_json(value: Any) -> None:
    from anil.sdk._models import dumps

    sys.stdout.write(dumps(value) + "\n")


def show(
    value: Any, *, as_json: bool, columns: tuple[str, ...] | None = None, title: str | None = None
) -> None:
    from rich.console import Console
    from rich.table import Table

    value = plain(value)
    if as_json:
        print_json(value)
        return
    console = Console()
    if isinstance(value, list):
        cols = list(columns or (value[0].keys() if value and isinstance(value[0], dict) else []))
        table = Table(title=title)
        for col in cols:
            table.add_column(col)
        for row in value:
            table.add_row(*(_cell(_column(row, col)) for col in cols))
        console.print(table)
        return
    if not isinstance(value, dict):
        console.print(_cell(value))
        return
    table = Table(show_header=False, title=title)
    table.add_column("campo", style="bold")
    table.add_column("valor")
    for key, item in value.items():
        table.add_row(key, _cell(item))
    console.print(table)


def _column(row: Any, col: str) -> Any:
    if not isinstance(row, dict):
        return row
    value = row.get(col)
    if isinstance(value, dict) and "nome" in value:  # cliente, vendedor…: their name
        return value["nome"]
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        from anil.sdk._models import dumps

        return dumps(value)
    return str(value)


def fail(message: str, *, as_json: bool, body: Any = None) -> None:
    if as_json:
        print_json({"error": message, **({"body": body} if body is not None else {})})
    else:
        from rich.console import Console

        Console(stderr=True).print(f"[red]erro:[/red] {message}")
        if body is not None:
            Console(stderr=True).print(_cell(body))
    raise SystemExit(1)


# -------------------------------------------------------------------------------------------------------
# connection


def config_dir() -> Path:
    """The SDK's config dir: `ANIL_CONFIG_DIR`, else the user's (e.g. `~/.config/anil`)."""
    from anil.sdk import default_config_dir

    return default_config_dir()


def logins_path() -> Path:
    return config_dir() / "api-logins.json"


def read_logins() -> dict[str, dict]:
    path = logins_path()
    if not path.exists():
        return {}
    return json.loads(path.read_text())


def write_logins(logins: dict[str, dict]) -> None:
    path = logins_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(logins, indent=2, ensure_ascii=False))
    os.chmod(tmp, 0o600)
    tmp.replace(path)


def connect(settings: Settings) -> Any:
    """A `ContaAzul` client: the given token, or the stored login (refreshing itself)."""
    from anil.sdk import ContaAzul

    if settings.token:
        return ContaAzul(base_url=settings.base_url, access_token=settings.token)
    logins = read_logins()
    if settings.company:
        login = logins.get(settings.company)
        if login is None:
            raise LookupError(f"no stored login for company {settings.company}; run `anil api login`")
    elif len(logins) == 1:
        login = next(iter(logins.values()))
    elif not logins:
        raise LookupError("no token: pass --token (ANIL_API_TOKEN) or run `anil api login`")
    else:
        raise LookupError(f"several stored logins ({', '.join(sorted(logins))}): choose one with --company")
    return stored_client(login)


def stored_client(login: dict) -> Any:
    """The client of a stored login: its tokens in the SDK's file store, refreshed with the app's credentials."""
    from anil.sdk import ContaAzul, FileTokenStore, OAuth, TokenManager

    oauth = OAuth(login["client_id"], login["client_secret"], base_url=login["base_url"])
    store = FileTokenStore(config_dir() / "tokens.json")
    auth = TokenManager.for_connection(oauth, store, login["id_empresa"])
    return ContaAzul(base_url=login["base_url"], auth=auth)


def resource(client: Any, group: Group) -> Any:
    target = client
    for attr in group.resource.split("."):
        target = getattr(target, attr)
    return target


def operation(client: Any, group: Group, op: str) -> Any:
    """The SDK method behind `anil api <group> <op>`."""
    return getattr(resource(client, group), group.operations[op])


# -------------------------------------------------------------------------------------------------------
# commands


def _settings(ctx: typer.Context) -> Settings:
    return ctx.obj if isinstance(ctx.obj, Settings) else Settings("anil", None, None)


def _filters(pairs: list[str] | None) -> dict[str, Any]:
    filters: dict[str, Any] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise typer.BadParameter(f"expected key=value, got {pair!r}", param_hint="--filter")
        if key in filters:  # repeated: a list (sent comma-separated)
            previous = filters[key]
            filters[key] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            filters[key] = value
    return filters


def _body(data: str) -> Any:
    from anil.sdk._models import loads

    if data == "-":
        text = sys.stdin.read()
    elif data.startswith("@"):
        text = Path(data[1:]).read_text()
    else:
        text = data
    try:
        return loads(text)
    except json.JSONDecodeError as exc:
        raise typer.BadParameter(f"not JSON: {exc.msg}", param_hint="--data") from exc


def _call(ctx: typer.Context, as_json: bool, work: Any) -> Any:
    """Run `work(client)`, turning the SDK's errors into a message and exit code 1."""
    from anil.sdk import ContaAzulError

    try:
        client = connect(_settings(ctx))
    except LookupError as exc:
        fail(str(exc), as_json=as_json)
    try:
        with client:
            return work(client)
    except ContaAzulError as exc:
        status = getattr(exc, "status_code", None)
        message = f"{type(exc).__name__} ({status}): {getattr(exc, 'message', exc)}" if status else str(exc)
        fail(message, as_json=as_json, body=getattr(exc, "body", None))


FilterOpt = Annotated[
    list[str] | None, typer.Option("--filter", "-f", help="A filter as key=value (repeat a key for a list).")
]
DataOpt = Annotated[str, typer.Option("--data", "-d", help="The JSON body, @file.json or - for stdin.")]


def _group_app(group: Group) -> typer.Typer:
    sub = typer.Typer(help=group.help, no_args_is_help=True)

    parent_help = f"The {group.parent} the records belong to." if group.parent else ""
    Parent = Annotated[str, typer.Argument(metavar=group.parent or "PARENT", help=parent_help)]

    if "list" in group.operations and group.parent:

        @sub.command("list")
        def list_under(
            ctx: typer.Context, parent: Parent, filters: FilterOpt = None, as_json: Json = False
        ) -> None:
            """Every record under the parent id, with filters as the API names them."""
            query = _filters(filters)

            def work(client: Any) -> list:
                return list(operation(client, group, "list")(parent, **query))

            show(_call(ctx, as_json, work), as_json=as_json, columns=group.columns, title=group.name)

        list_under.__annotations__["parent"] = Parent  # a per-group metavar: not a string annotation

    elif "list" in group.operations:

        @sub.command("list")
        def list_(
            ctx: typer.Context,
            filters: FilterOpt = None,
            page: Annotated[int | None, typer.Option("--page", help="Only this page (1-based).")] = None,
            limit: Annotated[int, typer.Option("--limit", help="At most this many records (0: all).")] = 100,
            as_json: Json = False,
        ) -> None:
            """List records, every page (up to --limit), with filters as the API names them."""
            query = _filters(filters)

            def work(client: Any) -> list:
                pager = operation(client, group, "list")(**query)
                if page is not None:
                    return list(pager.page(page).items)
                return list(islice(pager, limit) if limit else pager)

            show(_call(ctx, as_json, work), as_json=as_json, columns=group.columns, title=group.name)

    if "get" in group.operations:

        @sub.command("get")
        def get(
            ctx: typer.Context, record_id: Annotated[str, typer.Argument(metavar="ID")], as_json: Json = False
        ) -> None:
            """One record by id."""
            show(_call(ctx, as_json, lambda c: operation(c, group, "get")(record_id)), as_json=as_json)

    if "create" in group.operations and group.parent:

        @sub.command("create")
        def create_under(ctx: typer.Context, parent: Parent, data: DataOpt, as_json: Json = False) -> None:
            """Create a record under the parent id from a JSON body (the API's own field names)."""
            body = _body(data)
            show(
                _call(ctx, as_json, lambda c: operation(c, group, "create")(parent, body)),
                as_json=as_json,
            )

        create_under.__annotations__["parent"] = Parent

    elif "create" in group.operations:

        @sub.command("create")
        def create(ctx: typer.Context, data: DataOpt, as_json: Json = False) -> None:
            """Create a record from a JSON body (the API's own field names)."""
            body = _body(data)
            show(_call(ctx, as_json, lambda c: operation(c, group, "create")(body)), as_json=as_json)

    if "update" in group.operations:

        @sub.command("update")
        def update(
            ctx: typer.Context,
            record_id: Annotated[str, typer.Argument(metavar="ID")],
            data: DataOpt,
            as_json: Json = False,
        ) -> None:
            """Update a record with a JSON body."""
            body = _body(data)
            show(
                _call(ctx, as_json, lambda c: operation(c, group, "update")(record_id, body)), as_json=as_json
            )

    if "delete" in group.operations:

        @sub.command("delete")
        def delete(
            ctx: typer.Context,
            record_ids: Annotated[list[str], typer.Argument(metavar="ID...")],
            as_json: Json = False,
        ) -> None:
            """Delete records by id."""

            def work(client: Any) -> dict:
                delete = operation(client, group, "delete")
                if group.operations["delete"].endswith("_many"):  # one batch request
                    delete([int(i) if i.isdigit() else i for i in record_ids])
                else:
                    for record_id in record_ids:
                        delete(record_id)
                return {"deleted": record_ids}

            show(_call(ctx, as_json, work), as_json=as_json)

    return sub


def _export(ctx: typer.Context, output: Path | None, as_json: bool) -> None:
    from rich.progress import Progress

    from anil.cli import api_transfer as transfer
    from anil.sdk._models import dumps

    settings = _settings(ctx)

    def work(client: Any) -> dict:
        port = SdkPort(client)
        counts: dict[str, int] = {}
        out = output.open("w", encoding="utf-8") if output else sys.stdout
        try:
            out.write(transfer.meta_line(settings.base_url) + "\n")
            with Progress(disable=output is None or as_json, transient=True) as progress:
                task = progress.add_task("export", total=None)
                for record in transfer.export_records(port):
                    out.write(dumps({"group": record.group, "id": record.id, "data": record.data}) + "\n")
                    counts[record.group] = counts.get(record.group, 0) + 1
                    progress.update(task, advance=1, description=f"export {record.group}")
        finally:
            if output:
                out.close()
        return counts

    counts = _call(ctx, as_json, work)
    if output is None:
        return
    if as_json:
        print_json({"exported": counts, "file": str(output)})
    else:
        rows = [{"grupo": group, "registros": count} for group, count in counts.items()]
        show(rows, as_json=False, title=f"exportado para {output}")


def _import_summary(result: dict) -> None:
    from rich.console import Console

    groups = [*result["matched"], *(g for g in result["created"] if g not in result["matched"])]
    groups += [g for g in result["derived"] if g not in groups]
    groups += [g for g in result["skipped"] if g not in groups]
    rows = [
        {
            "grupo": group,
            "criados": result["created"].get(group, 0),
            "associados por nome": result["matched"].get(group, 0),
            "gerados pelo destino": result["derived"].get(group, 0),
            "ignorados": len(result["skipped"].get(group, [])),
        }
        for group in groups
    ]
    show(rows, as_json=False, title="importado")
    console = Console()
    for group, reasons in result["skipped"].items():
        for reason in reasons:
            console.print(f"[yellow]{group}[/yellow]: {reason}")


def _import(
    ctx: typer.Context, source: Path, only: list[str] | None, admin_key: str | None, as_json: bool
) -> None:
    from rich.progress import Progress

    from anil.cli import api_transfer as transfer
    from anil.sdk import BadRequest, Conflict, NotFound, ProtocolFailed, UnprocessableEntity

    try:
        records = transfer.read_lines(source.read_text(encoding="utf-8").splitlines())
    except (OSError, ValueError) as exc:
        fail(str(exc), as_json=as_json)

    def work(client: Any) -> dict:
        with Progress(disable=as_json, transient=True) as progress:
            task = progress.add_task("import", total=len(records))
            port = SdkPort(client, admin_key=admin_key, base_url=_settings(ctx).base_url)
            result = transfer.import_records(
                port,
                records,
                groups=only or transfer.CREATABLE,
                refused=(BadRequest, Conflict, NotFound, UnprocessableEntity, ProtocolFailed, AdminRefused),
                advance=lambda r: progress.update(task, advance=1, description=f"import {r.group}"),
                set_situacao=port.set_situacao if admin_key else None,
            )
        return result.as_json()

    unknown = sorted(set(only or ()) - set(transfer.CREATABLE))
    if unknown:
        fail(f"--only takes {', '.join(transfer.CREATABLE)}; not {', '.join(unknown)}", as_json=as_json)
    result = _call(ctx, as_json, work)
    if as_json:
        print_json(result)
    else:
        _import_summary(result)


EVENTOS = "/v1/financeiro/eventos-financeiros"


class SdkPort:
    """`api_transfer.Port` over the SDK client's own calls (`paginate`, `get`, `post`), on the API's paths."""

    LISTS = {
        "unidades_medida": "/v1/produtos/unidades-medida",
        "produtos_categorias": "/v1/produtos/categorias",
        "categorias": "/v1/categorias",
        "contas_financeiras": "/v1/conta-financeira",
        "vendedores": "/v1/venda/vendedores",
        "centros_de_custo": "/v1/centro-de-custo",
        "pessoas": "/v1/pessoas",
        "produtos": "/v1/produtos",
        "servicos": "/v1/servicos",
        "vendas": "/v1/venda/busca",
        "orcamentos": "/v1/orcamentos",
        "contratos": "/v1/contratos",
        "contas_a_receber": f"{EVENTOS}/contas-a-receber/buscar",
        "contas_a_pagar": f"{EVENTOS}/contas-a-pagar/buscar",
    }
    # the lists that require a window: every date a company's records can have (choice `transfer-janelas`)
    WINDOW = ("2000-01-01", "2099-12-31")
    FILTERS = {
        "contratos": {"data_inicio": WINDOW[0], "data_fim": WINDOW[1]},
        "contas_a_receber": {"data_vencimento_de": WINDOW[0], "data_vencimento_ate": WINDOW[1]},
        "contas_a_pagar": {"data_vencimento_de": WINDOW[0], "data_vencimento_ate": WINDOW[1]},
    }
    UNPAGED = ("vendedores",)  # a bare array
    PAGE_SIZES = {"servicos": 100}  # servicos take 10, 20, 50 or 100 (catalog §2.2)
    DETAILS = {
        "pessoas": "/v1/pessoas/{id}",
        "produtos": "/v1/produtos/{id}",
        "vendas": "/v1/venda/{id}",
        "orcamentos": "/v1/orcamentos/{id}",
        "contratos": "/v1/contratos/{id}",
        "contas_a_receber": f"{EVENTOS}/parcelas/{{id}}",
        "contas_a_pagar": f"{EVENTOS}/parcelas/{{id}}",
    }
    CREATES = {
        "centros_de_custo": "/v1/centro-de-custo",
        "pessoas": "/v1/pessoas",
        "produtos": "/v1/produtos",
        "servicos": "/v1/servicos",
        "vendas": "/v1/venda",
        "orcamentos": "/v1/orcamentos",
        "contratos": "/v1/contratos",
        "contas_a_receber": f"{EVENTOS}/contas-a-receber",
        "contas_a_pagar": f"{EVENTOS}/contas-a-pagar",
    }
    ASYNC = ("contas_a_receber", "contas_a_pagar")  # 202 + protocol
    CHILDREN = {"parcelas": f"{EVENTOS}/{{id}}/parcelas", "baixas": f"{EVENTOS}/parcelas/{{id}}/baixa"}
    UPDATES = {"parcelas": f"{EVENTOS}/parcelas/{{id}}"}

    def __init__(self, client: Any, admin_key: str | None = None, base_url: str | None = None) -> None:
        self.client = client
        self.admin_key = admin_key
        self.base_url = base_url
        self._empresa: str | None = None

    def each(self, group: str) -> Iterator[dict]:
        from anil.sdk import RAW

        pager = self.client.paginate(
            self.LISTS[group],
            self.FILTERS.get(group),
            cast=RAW,
            page_size=self.PAGE_SIZES.get(group, 100),
            paged=group not in self.UNPAGED,
        )
        yield from pager

    def detail(self, group: str, record_id: str) -> dict:
        from anil.sdk import RAW

        record = self.client.get(self.DETAILS[group].format(id=record_id), cast=RAW)
        if group == "vendas":  # the lines come from their own list
            record["itens"] = list(self.client.paginate(f"/v1/venda/{record_id}/itens", cast=RAW))
        return record

    def create(self, group: str, body: dict) -> str:
        from anil.sdk import RAW

        answer = self.client.post(self.CREATES[group], body, cast=RAW)
        if group in self.ASYNC:  # the event, once its protocol succeeded
            protocolo = self.client.financeiro.wait_protocol(answer)
            evento = protocolo.get("evento_financeiro_id") if isinstance(protocolo, dict) else None
            evento = evento or getattr(protocolo, "evento_financeiro_id", None)
            if not evento:
                raise ValueError(f"{group}: the protocol names no event: {protocolo!r}")
            return str(evento)
        if isinstance(answer, dict) and answer.get("id") is not None:
            return str(answer["id"])
        raise ValueError(f"{group}: the create answer has no id: {answer!r}")

    def children(self, group: str, parent_id: str) -> list[dict]:
        from anil.sdk import RAW

        answer = self.client.get(self.CHILDREN[group].format(id=parent_id), cast=RAW)
        if isinstance(answer, dict):  # a page
            return list(answer.get("itens") or answer.get("items") or [])
        return list(answer or [])

    def create_child(self, group: str, parent_id: str, body: dict) -> str:
        from anil.sdk import RAW

        answer = self.client.post(self.CHILDREN[group].format(id=parent_id), body, cast=RAW)
        return str(answer.get("id")) if isinstance(answer, dict) else str(answer)

    def update(self, group: str, record_id: str, body: dict) -> dict:
        from anil.sdk import RAW

        return self.client.patch(self.UPDATES[group].format(id=record_id), body, cast=RAW)

    def set_situacao(self, orcamento_id: str, situacao: str) -> None:
        """A proposal's situation through anil's `/_anil/` (choice `transfer-orcamento-situacao`)."""
        import httpx

        from anil.sdk import RAW, resolve_base_url

        if self._empresa is None:
            conectada = self.client.get("/v1/pessoas/conta-conectada", cast=RAW)
            self._empresa = str(conectada["id_empresa"])
        url = resolve_base_url(self.base_url).rstrip("/")
        answer = httpx.post(
            f"{url}/_anil/companies/{self._empresa}/orcamentos/{orcamento_id}/situacao",
            json={"situacao": situacao},
            headers={"X-Anil-Admin-Key": self.admin_key or ""},
            timeout=30,
        )
        if answer.status_code >= 400:
            raise AdminRefused(f"/_anil/ answered {answer.status_code}: {answer.text}")


class AdminRefused(Exception):
    """anil's control namespace refused a call of the import."""


def _login(
    ctx: typer.Context,
    client_id: str,
    client_secret: str,
    redirect_uri: str,
    code: str | None,
    open_browser: bool,
    as_json: bool,
) -> None:
    from anil.sdk import RAW, ContaAzul, ContaAzulError, FileTokenStore, OAuth

    settings = _settings(ctx)
    oauth = OAuth(client_id, client_secret, redirect_uri, base_url=settings.base_url)
    request = oauth.authorization_url()
    if code is None:
        typer.echo(f"Open this address, sign in and consent:\n\n  {request.url}\n", err=True)
        if open_browser:
            import webbrowser

            webbrowser.open(request.url)
        pasted = typer.prompt("Paste the code (or the whole address you were sent to)", err=True)
        code, state = _code_of(pasted)
        if state is not None and state != request.state:
            fail("the state of the pasted address is not this login's", as_json=as_json)
        verifier = request.code_verifier
    else:  # a code obtained elsewhere, without this login's PKCE challenge
        code, _ = _code_of(code)
        verifier = None
    try:
        tokens = oauth.exchange_code(code, verifier)
        with ContaAzul(base_url=settings.base_url, access_token=tokens.access_token) as client:
            conectada = client.get("/v1/pessoas/conta-conectada", cast=RAW)
    except ContaAzulError as exc:
        fail(
            f"{type(exc).__name__}: {getattr(exc, 'message', exc)}",
            as_json=as_json,
            body=getattr(exc, "body", None),
        )
    id_empresa = str(conectada["id_empresa"])
    FileTokenStore(config_dir() / "tokens.json").save(id_empresa, tokens)
    logins = read_logins()
    logins[id_empresa] = {
        "id_empresa": id_empresa,
        "nome": conectada.get("razao_social") or conectada.get("nome_fantasia") or conectada.get("nome"),
        "base_url": settings.base_url,
        "client_id": client_id,
        "client_secret": client_secret,
    }
    write_logins(logins)
    show(
        {"id_empresa": id_empresa, "nome": logins[id_empresa]["nome"], "base_url": settings.base_url},
        as_json=as_json,
    )


def _code_of(pasted: str) -> tuple[str, str | None]:
    """(code, state) of a pasted redirect address, or (the code itself, None)."""
    from urllib.parse import parse_qs

    pasted = pasted.strip()
    if "code=" in pasted:
        query = parse_qs(pasted.partition("?")[2] or pasted)
        if query.get("code"):
            return query["code"][0], (query.get("state") or [None])[0]
    return pasted, None


def register(app: typer.Typer) -> None:
    api = typer.Typer(
        help="The Conta Azul API through the SDK (anil or production): login, groups, export/import.",
        no_args_is_help=True,
    )
    app.add_typer(api, name="api")

    @api.callback()
    def options(
        ctx: typer.Context,
        base_url: Annotated[
            str,
            typer.Option(
                "--base-url",
                envvar="ANIL_API_BASE_URL",
                help="anil (http://localhost:8000), production or a URL.",
            ),
        ] = "anil",
        token: Annotated[
            str | None, typer.Option("--token", envvar="ANIL_API_TOKEN", help="An access token, used as is.")
        ] = None,
        company: Annotated[
            str | None,
            typer.Option("--company", help="The stored login of this id_empresa (`anil api logins`)."),
        ] = None,
    ) -> None:
        ctx.obj = Settings(base_url, token, company)

    @api.command("login")
    def login(
        ctx: typer.Context,
        client_id: Annotated[str, typer.Option("--client-id", envvar="ANIL_API_CLIENT_ID")],
        client_secret: Annotated[str, typer.Option("--client-secret", envvar="ANIL_API_CLIENT_SECRET")],
        redirect_uri: Annotated[str, typer.Option("--redirect-uri", help="As registered for the app.")],
        code: Annotated[
            str | None, typer.Option("--code", help="A code obtained elsewhere, without PKCE (no prompt).")
        ] = None,
        open_browser: Annotated[
            bool, typer.Option("--browser/--no-browser", help="Open the address.")
        ] = True,
        as_json: Json = False,
    ) -> None:
        """Authorize a company (authorization code + PKCE) and keep its tokens in the config dir."""
        _login(ctx, client_id, client_secret, redirect_uri, code, open_browser, as_json)

    @api.command("logins")
    def logins(as_json: Json = False) -> None:
        """The stored logins (no secrets shown)."""
        rows = [{k: v for k, v in login.items() if k != "client_secret"} for login in read_logins().values()]
        show(rows, as_json=as_json, columns=("id_empresa", "nome", "base_url", "client_id"))

    @api.command("logout")
    def logout(company: Annotated[str, typer.Argument(metavar="ID_EMPRESA")], as_json: Json = False) -> None:
        """Forget a stored login."""
        stored = read_logins()
        if stored.pop(company, None) is None:
            fail(f"no stored login for company {company}", as_json=as_json)
        write_logins(stored)
        show({"removed": company}, as_json=as_json)

    for group in GROUPS:
        api.add_typer(_group_app(group), name=group.name)

    @api.command("export")
    def export(
        ctx: typer.Context,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="The .jsonl file (default stdout).")
        ] = None,
        as_json: Json = False,
    ) -> None:
        """A company's data as JSON Lines: one record a line with its group."""
        _export(ctx, output, as_json)

    @api.command("import")
    def import_(
        ctx: typer.Context,
        source: Annotated[Path, typer.Argument(metavar="FILE.jsonl", exists=True, dir_okay=False)],
        only: Annotated[
            list[str] | None,
            typer.Option("--only", help="Only these groups (repeat): centros_de_custo, pessoas, produtos, …"),
        ] = None,
        admin_key: Annotated[
            str | None,
            typer.Option(
                "--admin-key",
                envvar="ANIL_ADMIN_KEY",
                help="anil only: set the proposals' situação through /_anil/ (the API cannot).",
            ),
        ] = None,
        as_json: Json = False,
    ) -> None:
        """Re-create an export in this company (what its API can create), mapping old ids to new."""
        _import(ctx, source, only, admin_key, as_json)
