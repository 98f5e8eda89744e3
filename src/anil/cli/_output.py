"""One way to print: `--json` gives exactly one JSON value; otherwise a Rich table or key/value list."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

console = Console()
errors = Console(stderr=True)


def emit(
    value: dict | list, *, as_json: bool, columns: Sequence[str] | None = None, title: str | None = None
) -> None:
    if as_json:
        print(json.dumps(value, ensure_ascii=False, default=str))
        return
    if isinstance(value, list):
        cols = list(columns or (value[0].keys() if value else []))
        table = Table(title=title)
        for col in cols:
            table.add_column(col)
        for row in value:
            table.add_row(*(_cell(row.get(col)) for col in cols))
        console.print(table)
        return
    table = Table(show_header=False, title=title)
    table.add_column("campo", style="bold")
    table.add_column("valor")
    for key, item in value.items():
        table.add_row(key, _cell(item))
    console.print(table)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def fail(message: str, *, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"error": message}, ensure_ascii=False))
    else:
        errors.print(f"[red]erro:[/red] {message}")
    raise SystemExit(1)
