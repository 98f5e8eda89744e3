"""Check our responses against Conta Azul's own OpenAPI files (`tests/contract/provider/`).

The provider files are OpenAPI 3.0: `$ref`s are inlined and `nullable: true` becomes a JSON-Schema
`null` alternative, then the response body is validated with jsonschema-rs. Where a provider schema is
known to be wrong (the catalog says so), a test passes an `exceptions` mapping of JSON-pointer-like paths
to the reason, and those parts of the schema are relaxed, never silently ignored.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import jsonschema_rs
import yaml

REFERENCE = Path(__file__).resolve().parent / "provider"


def reference_dir() -> Path:
    """The provider files, copied unchanged into the tests (see provider/README.md)."""
    return REFERENCE


@functools.cache
def _spec(name: str) -> dict[str, Any]:
    path = REFERENCE / f"conta-azul-{name}-openapi.yml"
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


_ANNOTATIONS = frozenset({"example", "examples", "xml", "externalDocs", "discriminator"})


def _resolve(spec: dict[str, Any], node: Any, seen: tuple[str, ...] = ()) -> Any:
    if isinstance(node, dict):
        if "$ref" in node:
            ref = node["$ref"]
            if ref in seen:  # a recursive schema: stop expanding, accept anything there
                return {}
            target: Any = spec
            for part in ref.removeprefix("#/").split("/"):
                target = target[part]
            return _resolve(spec, target, (*seen, ref))
        out = {key: _resolve(spec, value, seen) for key, value in node.items() if key not in _ANNOTATIONS}
        if out.pop("nullable", False):
            out = {"anyOf": [out, {"type": "null"}]}
        return out
    if isinstance(node, list):
        return [_resolve(spec, item, seen) for item in node]
    return node


def response_schema(spec_name: str, method: str, path: str, status: int) -> dict[str, Any]:
    """The JSON schema of one documented response, with `$ref`s inlined."""
    spec = _spec(spec_name)
    operation = spec["paths"][path][method.lower()]
    response = operation["responses"][str(status)]
    response = _resolve(spec, response)
    content = response.get("content") or {}
    for media in ("application/json", "*/*"):
        if media in content:
            return content[media].get("schema", {})
    raise AssertionError(f"{method} {path} {status} documents no JSON body in {spec_name}")


def _relax(schema: dict[str, Any], pointer: str) -> None:
    """Replace the sub-schema at `pointer` (keys joined by '/', `[]` for array items) by `{}`."""
    parts = [p for p in pointer.split("/") if p]
    node = schema
    for index, part in enumerate(parts):
        while "anyOf" in node and "properties" not in node and "items" not in node:
            node = node["anyOf"][0]
        last = index == len(parts) - 1
        if part == "[]":
            if last:
                node["items"] = {}
                return
            node = node["items"]
        else:
            props = node.setdefault("properties", {})
            if last:
                props[part] = {}
                node.get("required", []) and part in node["required"] and node["required"].remove(part)
                return
            node = props[part]


def assert_conforms(
    spec_name: str,
    method: str,
    path: str,
    status: int,
    body: Any,
    exceptions: dict[str, str] | None = None,
) -> None:
    """Fail with every schema violation if `body` does not match the provider's documented response.

    `exceptions` maps a place in the schema (`items/[]/saldo`) to why the provider file is wrong there.
    """
    schema = copy.deepcopy(response_schema(spec_name, method, path, status))
    for pointer, reason in (exceptions or {}).items():
        assert reason.strip(), f"an exception to the provider schema needs a reason: {pointer}"
        _relax(schema, pointer)
    validator = jsonschema_rs.Draft4Validator(schema)
    errors = [f"{'/'.join(map(str, e.instance_path))}: {e.message}" for e in validator.iter_errors(body)]
    assert not errors, f"{method} {path} {status} does not match {spec_name}:\n" + "\n".join(errors[:20])
