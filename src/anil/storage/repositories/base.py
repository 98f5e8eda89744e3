"""The single tenant door: every query on tenant-owned rows starts here.

Statements on hot paths are built once at import time with `TENANT` as a bound parameter and run with
`scope(tenant_id, ...)`; statements whose shape depends on the request (list filters) start from
`scoped_select`/`scoped_update`/`scoped_delete`, which add the tenant condition themselves. A repository
never writes `table.c.tenant_id` on its own.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Delete, Select, Table, Update, bindparam, delete, select, update

TENANT = bindparam("tenant_id")


def owned(table: Table) -> ColumnElement[bool]:
    """`table.tenant_id = :tenant_id`, for statements built once."""
    return table.c.tenant_id == TENANT


def scope(tenant_id: str, **params: Any) -> dict[str, Any]:
    """The parameters of a statement built with `owned()`: always carries the tenant."""
    params["tenant_id"] = tenant_id
    return params


def scoped_select(table: Table, tenant_id: str, *columns: Any) -> Select:
    """`SELECT columns FROM table WHERE tenant_id = <tenant>` (all columns when none are given)."""
    stmt = select(*columns).select_from(table) if columns else select(table)
    return stmt.where(table.c.tenant_id == tenant_id)


def scoped_update(table: Table, tenant_id: str) -> Update:
    return update(table).where(table.c.tenant_id == tenant_id)


def scoped_delete(table: Table, tenant_id: str) -> Delete:
    return delete(table).where(table.c.tenant_id == tenant_id)
