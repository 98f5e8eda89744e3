"""`import anil.sdk` works where the server extra is not installed (issue 6 acceptance)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SERVER_ONLY = [
    "fastapi",
    "starlette",
    "uvicorn",
    "sqlalchemy",
    "alembic",
    "authlib",
    "joserfc",
    "pydantic_settings",
    "psycopg",
    "asyncpg",
    "redis",
    "jinja2",
    "orjson",
    "fpdf",
]

PROGRAM = textwrap.dedent(
    """
    import importlib.abc, sys

    BLOCKED = set(sys.argv[1:])

    class NoServerExtra(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"{name} is not installed (server extra)")
            return None

    sys.meta_path.insert(0, NoServerExtra())

    import anil.sdk
    from anil.sdk import AsyncContaAzul, ContaAzul, OAuth

    try:
        import anil.sdk.resources  # the groups, when present
    except ModuleNotFoundError as error:
        if error.name != "anil.sdk.resources":
            raise
    ca = ContaAzul(base_url="anil", access_token="t")
    OAuth("client").authorization_url()
    leaked = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
    assert not leaked, leaked
    print("ok")
    """
)


def test_import_sdk_without_the_server_extra() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROGRAM, *SERVER_ONLY], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_the_blocker_really_blocks() -> None:
    """The check above can fail: importing a server module under the same blocker does."""
    program = PROGRAM.replace("import anil.sdk\n", "import anil.sdk\nimport anil.api.app\n", 1)
    result = subprocess.run(
        [sys.executable, "-c", program, *SERVER_ONLY], capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0 and "server extra" in result.stderr
