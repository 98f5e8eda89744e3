"""Invoke `anil … --json` in-process and read its one JSON value."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from anil.cli import app

runner = CliRunner()


def run_json(*args: str) -> Any:
    """A command that succeeds: its JSON output."""
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def fail_json(*args: str) -> dict:
    """A command that fails with exit code 1: its JSON error body."""
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 1, result.output
    return json.loads(result.output)
