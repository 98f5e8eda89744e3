"""Generate the SDK's typed models (`src/anil/sdk/types/`) from the server's wire models.

    .venv/bin/python tools/gen_sdk_types.py            # rewrite src/anil/sdk/types/
    .venv/bin/python tools/gen_sdk_types.py --out DIR  # write elsewhere (the drift test does)

A dev tool, never imported by the SDK at runtime. For each SDK group it takes the server's request models
(`schemas.*.…In`) and response models (`schemas.common.Wire` subclasses) listed in `GROUPS`, asks pydantic
for their JSON schemas (validation mode: money is `Decimal`), adapts the schemas, and has
datamodel-code-generator write pydantic v2 models on `anil.sdk._models.Model`; ruff then checks and formats
them with the project's configuration. The adaptations:

- money (`Decimal`: a number-or-numeric-string `anyOf`) becomes `{"type": "number", "format": "decimal"}`,
  so the models hold `Decimal`;
- response models: every field optional (production may leave any out), no server default, dates and
  UUIDs as the ISO text the API sends, a key the server always writes null typed `Any`; written on the
  generated `Response` base (`_base.py`), which reads a number where text is declared as its text;
- request models: the server's In models require nothing (the domain reports a missing field in Conta
  Azul's words), so a field is required where Conta Azul's own OpenAPI (the copies in
  `tests/contract/provider/`) marks it required in the operation's request body, nested objects included
  (choice `sdk-required-fields`); a required field takes a value, not null; dates stay `date`/`datetime`
  (a `date` or its ISO text accepted); no server default;
- names: the SDK's (`PessoaCreate`, `Pessoa`…) for the listed models; nested ones keep the server's class
  name without its `Out` suffix, prefixed with the group's (`PessoaEndereco`) where two groups would
  otherwise export the same name.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from anil.schemas import (
    alteracoes,
    baixas,
    buscas_financeiras,
    categorias,
    centros_de_custo,
    contas,
    contratos,
    eventos,
    legacy_pessoa,
    legacy_produto,
    orcamentos,
    parcelas,
    pessoas,
    produtos,
    produtos_catalogos,
    protocolos,
    servicos,
    vendas,
    vendas_busca,
    vendedores,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "anil" / "sdk" / "types"
REFERENCE = ROOT / "tests" / "contract" / "provider"
EVENTOS = "/v1/financeiro/eventos-financeiros"

Request = tuple[str, type[BaseModel], tuple[str, str] | None]  # SDK name, server model, (METHOD, path)

# group module → (prefix for colliding nested names, requests, responses)
GROUPS: dict[str, tuple[str, list[Request], dict[str, type[BaseModel]]]] = {
    "pessoas": (
        "Pessoa",
        [
            ("PessoaCreate", pessoas.PessoaIn, ("POST", "/v1/pessoas")),
            ("PessoaUpdate", pessoas.PessoaPatchIn, ("PATCH", "/v1/pessoas/{pessoa_id}")),
        ],
        {
            "Pessoa": pessoas.Pessoa,
            "PessoaItem": pessoas.PessoaItem,
            "PessoaCriada": pessoas.PessoaCriada,
            "ResultadoAtivacao": pessoas.ResultadoAtivacao,
            "ContaConectada": pessoas.ContaConectada,
        },
    ),
    "produtos": (
        "Produto",
        [
            ("ProdutoCreate", produtos.ProdutoIn, ("POST", "/v1/produtos")),
            ("ProdutoUpdate", produtos.ProdutoPatchIn, ("PATCH", "/v1/produtos/{produto_id}")),
        ],
        {
            "Produto": produtos.Produto,
            "ProdutoItem": produtos.ProdutoItem,
            "ProdutoCategoria": produtos.CategoriaItem,
            "Marca": produtos.MarcaItem,
            "CategoriaEcommerce": produtos.CategoriaEcommerceItem,
            "CodigoFiscal": produtos_catalogos.CodigoDescricao,
            "UnidadeMedida": produtos_catalogos.UnidadeMedidaItem,
        },
    ),
    "servicos": (
        "Servico",
        [
            ("ServicoCreate", servicos.ServicoIn, ("POST", "/v1/servicos")),
            ("ServicoUpdate", servicos.ServicoPatchIn, ("PATCH", "/v1/servicos/{servico_id}")),
        ],
        {"Servico": servicos.Servico},
    ),
    "vendedores": ("Vendedor", [], {"Vendedor": vendedores.Vendedor}),
    "vendas": (
        "Venda",
        [
            ("VendaCreate", vendas.VendaIn, ("POST", "/v1/venda")),
            ("VendaUpdate", vendas.VendaIn, ("PUT", "/v1/venda/{id}")),
            ("VendaBusca", vendas_busca.BuscaCorpo, None),
        ],
        {"Venda": vendas_busca.Item},
    ),
    "orcamentos": (
        "Orcamento",
        [("OrcamentoCreate", orcamentos.OrcamentoIn, ("POST", "/v1/orcamentos"))],
        {
            "Orcamento": orcamentos.Orcamento,
            "OrcamentoItem": orcamentos.OrcamentoItemLista,
            "OrcamentoCriado": orcamentos.OrcamentoCriado,
        },
    ),
    "contratos": (
        "Contrato",
        [("ContratoCreate", contratos.ContratoIn, ("POST", "/v1/contratos"))],
        {
            "Contrato": contratos.Contrato,
            "ContratoItem": contratos.ContratoItem,
            "ContratoCriado": contratos.ContratoCriado,
        },
    ),
    "categorias": (
        "Categoria",
        [],
        {
            "Categoria": categorias.Categoria,
            "ConfiguracaoPadrao": categorias.ConfiguracaoPadrao,
            "ItemDre": categorias.ItemDreOut,
        },
    ),
    "centros_de_custo": (
        "CentroDeCusto",
        [("CentroDeCustoCreate", centros_de_custo.CentroDeCustoIn, ("POST", "/v1/centro-de-custo"))],
        {"CentroDeCusto": centros_de_custo.CentroDeCusto},
    ),
    "contas_financeiras": (
        "ContaFinanceira",
        [],
        {"ContaFinanceira": contas.ContaFinanceira, "SaldoAtual": contas.SaldoAtual},
    ),
    "financeiro": (
        "Financeiro",
        [
            ("EventoFinanceiroCreate", eventos.EventoIn, ("POST", f"{EVENTOS}/contas-a-receber")),
            ("ParcelaUpdate", parcelas.ParcelaPatchIn, ("PATCH", f"{EVENTOS}/parcelas/{{id}}")),
            ("BaixaCreate", baixas.BaixaIn, ("POST", f"{EVENTOS}/parcelas/{{parcela_id}}/baixa")),
            ("BaixaUpdate", baixas.BaixaPatchIn, ("PATCH", f"{EVENTOS}/parcelas/baixa/{{baixa_id}}")),
        ],
        {
            "ProtocoloCriado": eventos.ProtocoloCriado,
            "ContaAReceberItem": buscas_financeiras.ItemReceber,
            "ContaAPagarItem": buscas_financeiras.ItemPagar,
            "Parcela": parcelas.Parcela,
            "ParcelaAtualizada": parcelas.ParcelaAtualizadaOut,
            "Baixa": baixas.Baixa,
            "BaixaEscrita": baixas.BaixaEscrita,
            "EventoAlterado": alteracoes.EventoAlterado,
            "SaldoInicial": contas.SaldoInicial,
            "Transferencia": contas.Transferencia,
        },
    ),
    "protocolos": ("Protocolo", [], {"Protocolo": protocolos.Protocolo}),
    "pessoa_legado": (
        "PessoaLegado",
        [("PessoaLegadoCreate", legacy_pessoa.PessoaIn, ("POST", "/v1/pessoa"))],
        {
            "PessoaLegado": legacy_pessoa.Pessoa,
            "PessoaLegadoItem": legacy_pessoa.PessoaItem,
            "PessoaLegadoResumo": legacy_pessoa.Resumo,
            "ResultadoExclusao": legacy_pessoa.ResultadoExclusao,
        },
    ),
    "produto_legado": (
        "ProdutoLegado",
        [("ProdutoLegadoCreate", legacy_produto.ProdutoIn, ("POST", "/v1/produto"))],
        {},
    ),
}

# a list item, a creation's answer or a write's answer is-a the group's record: `isinstance(item, Pessoa)`
# holds and `list`/`create` keep answering what they did; each still types its own fields.
PARENTS = {
    "PessoaItem": "Pessoa",
    "PessoaCriada": "Pessoa",
    "ProdutoItem": "Produto",
    "OrcamentoItem": "Orcamento",
    "OrcamentoCriado": "Orcamento",
    "ContratoItem": "Contrato",
    "ContratoCriado": "Contrato",
    "ContaAReceberItem": "Parcela",
    "ContaAPagarItem": "Parcela",
    "ParcelaAtualizada": "Parcela",
    "BaixaEscrita": "Baixa",
    "PessoaLegadoItem": "PessoaLegado",
}

RESPONSE_MARK = "x-anil-response"  # on a response's schema: its class is written on `Response`

BASE_MODULE = '''"""The base of the generated response models."""

from __future__ import annotations

from pydantic import ConfigDict

from anil.sdk._models import Model


class Response(Model):
    """An answer's model: every field optional; a number where text is declared kept as its text, so an
    answer whose types drift from the server's wire models still reads."""

    model_config = ConfigDict(coerce_numbers_to_str=True)
'''

HEADER = (
    "# Generated by tools/gen_sdk_types.py from the server's wire models (anil.schemas); do not edit.\n"
    "# Regenerate: .venv/bin/python tools/gen_sdk_types.py"
)


# ------------------------------------------------------------------------------ Conta Azul's OpenAPI ----


def _reference() -> list[dict[str, Any]]:
    """Conta Azul's OpenAPI files as the repository keeps them (`tests/contract/provider/`), in name order."""
    files = sorted(REFERENCE.glob("conta-azul-*-openapi.yml"))
    if not files:
        raise SystemExit(f"no Conta Azul OpenAPI file in {REFERENCE}")
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in files]


def _resolve(spec: dict[str, Any], node: Any) -> Any:
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 20:
        target: Any = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node, seen = target, seen + 1
    if isinstance(node, dict) and "allOf" in node:
        merged: dict[str, Any] = {"properties": {}, "required": []}
        for part in node["allOf"]:
            part = _resolve(spec, part)
            merged["properties"].update(part.get("properties", {}))
            merged["required"] += part.get("required", [])
        return merged
    return node


def _request_body(specs: list[dict[str, Any]], method: str, path: str) -> tuple[dict[str, Any], Any] | None:
    """The request body's schema of `METHOD path` in the first file declaring one, with its file."""
    template = re.sub(r"\{[^}]*\}", "{}", path)
    for spec in specs:
        for candidate, operations in spec.get("paths", {}).items():
            if re.sub(r"\{[^}]*\}", "{}", candidate) != template:
                continue
            operation = operations.get(method.lower()) or {}
            content = (operation.get("requestBody") or {}).get("content", {})
            schema = (content.get("application/json") or {}).get("schema")
            if schema is not None:
                return spec, schema
    return None


# ------------------------------------------------------------------------------------ schema work ----


def _is_decimal_pair(branches: list[Any]) -> tuple[int, int] | None:
    number = next((i for i, b in enumerate(branches) if b == {"type": "number"}), None)
    text = next(
        (
            i
            for i, b in enumerate(branches)
            if isinstance(b, dict) and b.get("type") == "string" and "format" not in b
        ),
        None,
    )
    return (number, text) if number is not None and text is not None else None


def _decimals(node: Any) -> Any:
    """`Decimal` fields' `anyOf: [number, string]` (pydantic's schema of `Decimal` in validation mode: a number
    or its text) → one `number` of format `decimal`."""
    if isinstance(node, list):
        return [_decimals(v) for v in node]
    if not isinstance(node, dict):
        return node
    node = {k: _decimals(v) for k, v in node.items()}
    branches = node.get("anyOf")
    if isinstance(branches, list) and (pair := _is_decimal_pair(branches)):
        _number, text = pair
        kept = [b for i, b in enumerate(branches) if i != text]
        kept[kept.index({"type": "number"})] = {"type": "number", "format": "decimal"}
        node.pop("anyOf")
        if len(kept) == 1:
            node.update(kept[0])
        else:
            node["anyOf"] = kept
    return node


def _strip(node: Any, *, response: bool) -> Any:
    """No titles, descriptions or defaults; constraints left to the server; response dates/UUIDs as text."""
    if isinstance(node, list):
        return [_strip(v, response=response) for v in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("title", "description", "default", "examples", "pattern", "minLength", "maxLength"):
            continue
        if key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems"):
            continue
        if key == "properties":
            out[key] = {name: _strip(v, response=response) for name, v in value.items()}
            if response:  # a key the server always writes null: any value production may send
                out[key] = {name: {} if v == {"type": "null"} else v for name, v in out[key].items()}
            continue
        out[key] = _strip(value, response=response)
    if (
        response
        and out.get("type") == "string"
        and out.get("format") in ("date", "date-time", "uuid", "time")
    ):
        out.pop("format")
    if not response and out.get("format") == "uuid":
        out.pop("format")  # ids are text in the SDK, either way
    return out


def _refs(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            found.add(ref.rsplit("/", 1)[-1])
        for value in node.values():
            found |= _refs(value)
    elif isinstance(node, list):
        for value in node:
            found |= _refs(value)
    return found


def _closure(defs: dict[str, Any], roots: set[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(_refs(defs[name]) - seen)
    return seen


def _rename_refs(node: Any, names: dict[str, str]) -> Any:
    if isinstance(node, list):
        return [_rename_refs(v, names) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _rename_refs(v, names) for k, v in node.items()}
    ref = out.get("$ref")
    if isinstance(ref, str):
        out["$ref"] = "#/$defs/" + names[ref.rsplit("/", 1)[-1]]
    return out


def _ref_of(node: Any) -> str | None:
    """The model a property holds (directly, in a list, or nullable)."""
    if not isinstance(node, dict):
        return None
    if "$ref" in node:
        return node["$ref"].rsplit("/", 1)[-1]
    if node.get("type") == "array":
        return _ref_of(node.get("items"))
    for branch in node.get("anyOf", []):
        if (found := _ref_of(branch)) is not None:
            return found
    return None


def _require(spec: dict[str, Any], defs: dict[str, Any], name: str, reference: Any, done: set[str]) -> None:
    """Mark required what Conta Azul's request schema requires, walking nested objects alongside."""
    reference = _resolve(spec, reference)
    if not isinstance(reference, dict) or name in done:
        return
    if reference.get("type") == "array":
        reference = _resolve(spec, reference.get("items"))
        if not isinstance(reference, dict):
            return
    done.add(name)
    schema = defs[name]
    properties = schema.get("properties", {})
    required = [field for field in reference.get("required", []) if field in properties]
    if required:
        schema["required"] = sorted(
            set(schema.get("required", [])) | set(required), key=list(properties).index
        )
        for field in required:  # required: a value, not null
            branches = properties[field].get("anyOf")
            if isinstance(branches, list) and {"type": "null"} in branches:
                kept = [b for b in branches if b != {"type": "null"}]
                properties[field] = kept[0] if len(kept) == 1 else {"anyOf": kept}
    for field, value in properties.items():
        inner = _ref_of(value)
        if inner is not None and field in reference.get("properties", {}):
            _require(spec, defs, inner, reference["properties"][field], done)


def _base(name: str) -> str:
    short = name.rsplit("__", 1)[-1]
    return short[:-3] if short.endswith("Out") and len(short) > 3 else short


def group_schemas() -> dict[str, dict[str, Any]]:
    """Every group's adapted JSON schema (`$defs` only), the names final."""
    specs = _reference()
    staged: dict[str, tuple[dict[str, Any], dict[str, str], dict[str, str], set[str]]] = {}
    for group, (_prefix, requests, responses) in GROUPS.items():
        models = [(model, "validation") for _name, model, _op in requests]
        models += [(model, "validation") for model in responses.values()]
        keys, top = models_json_schema(list(dict.fromkeys(models)), ref_template="#/$defs/{model}")
        defs: dict[str, Any] = top.get("$defs", {})
        root_of = {model: keys[(model, "validation")]["$ref"].rsplit("/", 1)[-1] for model, _ in models}
        request_side = _closure(defs, {root_of[model] for _n, model, _o in requests})
        response_side = _closure(defs, {root_of[model] for model in responses.values()})
        if request_side & response_side:
            raise SystemExit(f"{group}: {sorted(request_side & response_side)} both request and response")
        adapted: dict[str, Any] = {}
        for name, schema in defs.items():
            schema = _strip(_decimals(schema), response=name in response_side)
            schema.pop("required", None)  # responses: all optional; requests: from Conta Azul's OpenAPI
            if name in response_side:
                schema[RESPONSE_MARK] = True
            adapted[name] = schema
        final = {name: _base(name) for name in adapted}
        copies: dict[str, str] = {}  # SDK request name → server def, for a model listed twice
        for sdk_name, model, _op in requests:
            if final[root_of[model]] in {r[0] for r in requests}:
                copies[sdk_name] = root_of[model]
            else:
                final[root_of[model]] = sdk_name
        for sdk_name, model in responses.items():
            final[root_of[model]] = sdk_name
        staged[group] = (adapted, final, copies, set(root_of.values()))
    listed = {group: {r[0] for r in reqs} | set(resps) for group, (_p, reqs, resps) in GROUPS.items()}
    every_listed = set().union(*listed.values())
    counts: Counter[str] = Counter()
    for _adapted, final, _copies, _roots in staged.values():
        counts.update(set(final.values()))
    result: dict[str, dict[str, Any]] = {}
    for group, (adapted, final, copies, roots) in staged.items():
        prefix, requests, _responses = GROUPS[group]
        names: dict[str, str] = {}
        for old, new in final.items():
            if old not in roots and (counts[new] > 1 or new in every_listed):
                new = prefix + new
            names[old] = new
        if len(set(names.values())) != len(names):
            raise SystemExit(f"{group}: two models named alike: {sorted(names.values())}")
        out_defs = {names[old]: _rename_refs(schema, names) for old, schema in adapted.items()}
        for sdk_name, source in copies.items():
            out_defs[sdk_name] = json.loads(json.dumps(out_defs[names[source]]))
        for sdk_name, _model, operation in requests:
            if operation is not None and (found := _request_body(specs, *operation)) is not None:
                _require(found[0], out_defs, sdk_name, found[1], set())
        order = sorted(out_defs, key=lambda n: (PARENTS.get(n, n), n in PARENTS, n))
        result[group] = {"$defs": {name: out_defs[name] for name in order}}
    return result


# -------------------------------------------------------------------------------------- rendering ----

_ROOT_MODEL = re.compile(r"\nclass Model\w*\(RootModel\[Any\]\):\n    root: Any\n", re.MULTILINE)


def _parents_first(text: str) -> str:
    """`class Child(Parent)` for `PARENTS`, each child's block moved after its parent's."""
    head, *blocks = re.split(r"\n(?=class \w+\()", text)
    named = {re.match(r"class (\w+)\(", block).group(1): block for block in blocks}  # type: ignore[union-attr]
    order = [name for name in named if name not in PARENTS or PARENTS[name] not in named]
    for child in sorted(n for n in named if n in PARENTS and PARENTS[n] in named):
        named[child] = named[child].replace(f"class {child}(Model):", f"class {child}({PARENTS[child]}):", 1)
        at = order.index(PARENTS[child]) + 1
        while at < len(order) and PARENTS.get(order[at]) == PARENTS[child]:
            at += 1
        order.insert(at, child)
    return "\n".join([head, *(named[name] for name in order)])


def _ruff(args: list[str], text: str, filename: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--stdin-filename", filename, "-"],
        input=text,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if done.returncode not in (0, 1) or not done.stdout:
        raise SystemExit(f"ruff {' '.join(args)} failed on {filename}: {done.stderr}")
    return done.stdout


def render(group: str, schema: dict[str, Any]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{group}.json"
        target = Path(tmp) / f"{group}.py"
        source.write_text(json.dumps(schema, indent=1), encoding="utf-8")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "datamodel_code_generator",
                "--input",
                str(source),
                "--input-file-type",
                "jsonschema",
                "--output",
                str(target),
                "--output-model-type",
                "pydantic_v2.BaseModel",
                "--base-class",
                "anil.sdk._models.Model",
                "--target-python-version",
                "3.11",
                "--use-union-operator",
                "--use-standard-collections",
                "--output-datetime-class",
                "datetime",
                "--disable-timestamp",
                "--no-formatters",
                "--custom-file-header",
                HEADER,
            ],
            check=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        text = target.read_text(encoding="utf-8")
    text = _ROOT_MODEL.sub("\n", text)
    text = _parents_first(text)
    responses = [name for name, d in schema["$defs"].items() if d.get(RESPONSE_MARK)]
    for name in responses:
        text = text.replace(f"class {name}(Model):", f"class {name}(Response):", 1)
    if responses:
        text = text.replace(
            "from anil.sdk._models import Model\n",
            "from anil.sdk._models import Model\nfrom anil.sdk.types._base import Response\n",
            1,
        )
    filename = f"src/anil/sdk/types/{group}.py"
    text = _ruff(["check", "--fix", "--quiet", "--exit-zero"], text, filename)
    return _ruff(["format", "--quiet"], text, filename)


def _exports(text: str) -> list[str]:
    return re.findall(r"^class (\w+)\(", text, re.MULTILINE)


def render_init(modules: dict[str, list[str]]) -> str:
    lines = [
        HEADER,
        '"""Typed request and response models of every group, generated from the server\'s wire models.',
        "",
        "Requests (`PessoaCreate`, `VendaCreate`…) type what the API accepts; responses (`Pessoa`, `Venda`…)",
        "type what it answers, every field optional. All keep fields they do not declare, readable as",
        'attributes, and hold money as `Decimal`."""',
        "",
    ]
    for module, names in modules.items():
        lines.append(f"from anil.sdk.types.{module} import {', '.join(names)}")
    every = sorted(n for names in modules.values() for n in names)
    lines.append("")
    lines.append(f"__all__ = {every!r}")
    text = "\n".join(lines) + "\n"
    text = _ruff(["check", "--fix", "--quiet", "--exit-zero"], text, "src/anil/sdk/types/__init__.py")
    return _ruff(["format", "--quiet"], text, "src/anil/sdk/types/__init__.py")


def generate() -> dict[str, str]:
    """File name → text of every generated module."""
    files: dict[str, str] = {}
    modules: dict[str, list[str]] = {}
    for group, schema in group_schemas().items():
        text = render(group, schema)
        files[f"{group}.py"] = text
        modules[group] = _exports(text)
    every = [n for names in modules.values() for n in names]
    duplicated = sorted(n for n, c in Counter(every).items() if c > 1)
    if duplicated:
        raise SystemExit(f"names exported by two groups: {duplicated}")
    files["__init__.py"] = render_init(modules)
    files["_base.py"] = _ruff(
        ["format", "--quiet"], HEADER + "\n" + BASE_MODULE, "src/anil/sdk/types/_base.py"
    )
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    out: Path = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    files = generate()
    for stale in out.glob("*.py"):
        if stale.name not in files:
            stale.unlink()
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files to {out}")


if __name__ == "__main__":
    main()
