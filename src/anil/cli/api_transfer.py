"""`anil api export` / `anil api import`: a company's data as JSON Lines, and back into another company.

The file holds one JSON object a line: first `{"group": "_meta", "data": {...}}`, then one
`{"group": <group>, "id": <id in the source company>, "data": <the record as GET answers it>}` per record.

Import re-creates what the API can create, in dependency order (centros de custo, pessoas, produtos — simple
ones before kits —, serviços, vendas), mapping every old id to the new one; products are created with the stock
the imported sales will take out again added back. What the API cannot create (units, product categories,
categorias, contas financeiras, vendedores) is exported for the record and matched by name in the target. The
transforms turn a record as GET answers it into the body POST takes (the two differ: `documento` against
`cpf`/`cnpj`, `nome_empresa` against `nome_fantasia`, …); they are plain functions, tested on their own.

The work goes through a `Port` (list every record of a group, read one, create one), which the CLI builds
over the SDK; nothing here speaks HTTP.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from anil.sdk._models import loads

FORMAT = "anil-export/1"

# exported, in this order; the creatable ones are re-created in the same order
EXPORT_GROUPS = (
    "unidades_medida",
    "produtos_categorias",
    "categorias",
    "contas_financeiras",
    "vendedores",
    "centros_de_custo",
    "pessoas",
    "produtos",
    "servicos",
    "vendas",
)
# matched by name (or description) in the target, never created: the API cannot create them
REFERENCE_GROUPS = (
    "unidades_medida",
    "produtos_categorias",
    "categorias",
    "contas_financeiras",
    "vendedores",
)
DETAIL_GROUPS = ("pessoas", "produtos", "vendas")  # the list answers a summary; the record is the detail


class Port(Protocol):
    def each(self, group: str) -> Iterable[dict]:
        """Every record of the group's list, every page."""

    def detail(self, group: str, record_id: str) -> dict:
        """One record as its GET answers it."""

    def create(self, group: str, body: dict) -> str:
        """Create one record; its new id."""


@dataclass
class Record:
    group: str
    id: str
    data: dict

    def line(self) -> str:
        return json.dumps({"group": self.group, "id": self.id, "data": self.data}, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------------------
# export


def export_records(port: Port, groups: Iterable[str] = EXPORT_GROUPS) -> Iterator[Record]:
    """Every record of every group, the detail where the list gives a summary."""
    for group in groups:
        for item in port.each(group):
            record_id = str(item.get("id")) if item.get("id") is not None else ""
            data = port.detail(group, record_id) if group in DETAIL_GROUPS and record_id else item
            yield Record(group, record_id, data)


def meta_line(source: str) -> str:
    return json.dumps({"group": "_meta", "data": {"format": FORMAT, "source": source}}, ensure_ascii=False)


def read_lines(lines: Iterable[str]) -> list[Record]:
    records: list[Record] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            value = loads(raw)  # money as Decimal, exact
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {number}: not JSON ({exc.msg})") from exc
        if not isinstance(value, dict) or "group" not in value or not isinstance(value.get("data"), dict):
            raise ValueError(f"line {number}: expected {{group, id, data}}")
        if value["group"] == "_meta":
            if value["data"].get("format") != FORMAT:
                raise ValueError(f"line {number}: unknown format {value['data'].get('format')!r}")
            continue
        records.append(Record(value["group"], str(value.get("id") or ""), value["data"]))
    return records


# ---------------------------------------------------------------------------------------------------------
# import


@dataclass
class ImportResult:
    created: dict[str, int] = field(default_factory=dict)
    matched: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, list[str]] = field(default_factory=dict)  # group → reasons
    ids: dict[str, dict[str, Any]] = field(default_factory=dict)  # group → old id → new id

    def as_json(self) -> dict:
        return {"created": self.created, "matched": self.matched, "skipped": self.skipped}


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def _without(value: dict, *keys: str) -> dict:
    return {k: v for k, v in value.items() if k not in keys}


def pessoa_body(data: dict, ids: Callable[[str, str], str | None]) -> dict:
    """`GET /v1/pessoas/{id}` → `POST /v1/pessoas`."""
    tipo = data.get("tipo_pessoa")
    documento = data.get("documento")
    fisica = tipo in ("Física", "FISICA")
    juridica = tipo in ("Jurídica", "JURIDICA")
    body = {
        "nome": data.get("nome"),
        "tipo_pessoa": tipo,
        "perfis": [{"tipo_perfil": p.get("tipo_perfil")} for p in data.get("perfis") or []],
        "cpf": documento if fisica else None,
        "cnpj": documento if juridica else None,
        "nome_fantasia": data.get("nome_empresa"),
        "rg": data.get("rg"),
        "codigo": data.get("codigo"),
        "data_nascimento": data.get("data_nascimento"),
        "email": data.get("email"),
        "telefone_celular": data.get("telefone_celular"),
        "telefone_comercial": data.get("telefone_comercial"),
        "observacao": data.get("observacao"),
        "ativo": data.get("ativo"),
        "optante_simples": data.get("optante_simples_nacional"),
        "agencia_publica": data.get("orgao_publico"),
        "contato_cobranca_faturamento": data.get("contato_cobranca_faturamento"),
        "enderecos": [_without(e, "id", "id_cidade") for e in data.get("enderecos") or []] or None,
        "inscricoes": [_without(i, "id") for i in data.get("inscricoes") or []] or None,
        "outros_contatos": [_without(c, "id") for c in data.get("outros_contatos") or []] or None,
    }
    return _drop_none(body)


def _ref_id(value: Any) -> Any:
    return value.get("id") if isinstance(value, dict) else None


def _mapped_ref(ids: Callable[[str, Any], Any], group: str, ref: Any) -> dict | None:
    """`{id}` of a reference by its id in the target company (None when it has no match there)."""
    old = _ref_id(ref)
    if old is None:
        return None
    new = ids(group, old)
    return None if new is None else {"id": new}


def produto_body(data: dict, ids: Callable[[str, Any], Any]) -> dict:
    """`GET /v1/produtos/{id}` → `POST /v1/produtos`: units and category by their ids in the target (matched
    by description), a kit's components by their new ids, variation options under fresh ids."""
    estoque = data.get("estoque") or {}
    fiscal = data.get("fiscal") or {}
    pesos = data.get("pesos_dimensoes") or {}
    ecommerce = data.get("ecommerce") or {}
    body: dict[str, Any] = {
        "nome": data.get("nome"),
        "descricao": data.get("descricao"),
        "codigo_sku": data.get("codigo_sku"),
        "codigo_ean": data.get("codigo_ean"),
        "ativo": data.get("ativo"),
        "status": data.get("status"),
        "formato": data.get("formato"),
        "categoria": _mapped_ref(ids, "produtos_categorias", data.get("categoria")),
        "unidade_medida": _mapped_ref(ids, "unidades_medida", data.get("unidade_medida")),
        "id_centro_custo": ids("centros_de_custo", data["id_centro_custo"])
        if data.get("id_centro_custo")
        else None,
        "estoque": {
            "valor_venda": estoque.get("valor_venda"),
            "custo_medio": estoque.get("custo_medio"),
            "estoque_disponivel": estoque.get("quantidade_disponivel"),
            "estoque_minimo": estoque.get("estoque_minimo", estoque.get("minimumStock")),
            "estoque_maximo": estoque.get("estoque_maximo", estoque.get("maximumStock")),
        },
        "fiscal": {
            "origem": fiscal.get("origem"),
            "tipo_produto": fiscal.get("tipo_produto"),
            "ncm": {"id": _ref_id(fiscal["ncm"])} if fiscal.get("ncm") else None,
            "cest": {"id": _ref_id(fiscal["cest"])} if fiscal.get("cest") else None,
            "unidade_medida": _mapped_ref(ids, "unidades_medida", fiscal.get("unidade_medida")),
        },
        "pesos_dimensoes": {
            key: pesos.get(key)
            for key in ("peso_bruto", "peso_liquido", "altura", "largura", "profundidade", "volumes")
        },
        "ecommerce": {
            key: ecommerce.get(key)
            for key in (
                "condicao",
                "descricao_adicional",
                "descricao_seo",
                "titulo_seo",
                "url_seo",
                "integracao_ativa",
            )
        },
    }
    kit = data.get("detalhe_kit")
    if kit and kit.get("items"):
        itens = []
        for item in kit["items"]:
            novo = ids("produtos", item.get("id_produto"))
            if novo is None:
                raise LookupError(f"kit component {item.get('id_produto')} was not imported")
            itens.append(
                {
                    "id_produto": novo,
                    "quantidade": item.get("quantidade"),
                    "valor_unitario": item.get("valor_unitario"),
                }
            )
        body["detalhe_kit"] = {"itens": itens, "valor_venda": kit.get("valor_venda_kit")}
        body["estoque"].pop("estoque_disponivel")  # a kit's stock is its components'
    variacao = data.get("variacao")
    if variacao and variacao.get("tipos"):
        fresh: dict[str, str] = {}
        tipos = []
        for tipo in variacao["tipos"]:
            opcoes = []
            for opcao in tipo.get("opcoes") or []:
                fresh[opcao["id"]] = str(uuid.uuid4())
                opcoes.append({"id": fresh[opcao["id"]], "descricao": opcao.get("descricao")})
            tipos.append({"descricao": tipo.get("descricao"), "opcoes": opcoes})
        produtos = [
            {
                "nome": filho.get("nome"),
                "codigo_sku": filho.get("codigo_sku"),
                "codigo_ean": filho.get("codigo_ean"),
                "valor_venda": filho.get("valor_venda"),
                "saldo": filho.get("saldo"),
                "opcoes": [{"id": fresh[o["id"]]} for o in filho.get("opcoes") or [] if o.get("id") in fresh],
            }
            for filho in variacao.get("produtos") or []
        ]
        body["variacao"] = {"tipos": tipos, "produtos": produtos}
        body["estoque"].pop("estoque_disponivel")  # the variations hold the stock
    return _drop_none(body)


def servico_body(data: dict, ids: Callable[[str, str], str | None]) -> dict:
    """An item of `GET /v1/servicos` → `POST /v1/servicos`."""
    keys = ("descricao", "codigo", "preco", "custo", "status", "tipo_servico")
    return _drop_none({k: data.get(k) for k in keys})


def centro_body(data: dict, ids: Callable[[str, str], str | None]) -> dict:
    """An item of `GET /v1/centro-de-custo` → `POST /v1/centro-de-custo`."""
    return _drop_none({"nome": data.get("nome"), "codigo": data.get("codigo")})


def _required(ids: Callable[[str, Any], Any], group: str, old: Any, what: str) -> Any:
    new = ids(group, old)
    if new is None:
        raise LookupError(f"{what} {old} was not imported")
    return new


def venda_body(data: dict, ids: Callable[[str, Any], Any]) -> dict:
    """`GET /v1/venda/{id}` with its `itens` (as `GET /v1/venda/{id}/itens` lists them) → `POST /v1/venda`:
    the client, the products and services by their new ids; the seller and the account by name; the
    installments as they were (their sum is the total). The natureza de operação is left to the target's
    default: the API lists none to match."""
    venda = data.get("venda") or {}
    condicao = venda.get("condicao_pagamento") or {}
    composicao = venda.get("composicao_valor") or {}
    desconto = venda.get("configuracao_de_desconto") or {}
    cliente = (data.get("cliente") or {}).get("uuid") or venda.get("id_cliente")
    itens = []
    for item in data.get("itens") or []:
        group = "servicos" if item.get("tipo") == "SERVICO" else "produtos"
        itens.append(
            {
                "id": _required(ids, group, item.get("id_item"), group[:-1]),
                "quantidade": item.get("quantidade"),
                "valor": item.get("valor"),
                "valor_custo": item.get("custo"),
            }
        )
    vendedor = (data.get("vendedor") or {}).get("id")
    conta = condicao.get("id_conta_financeira")
    body = {
        "id_cliente": _required(ids, "pessoas", cliente, "client"),
        "numero": venda.get("numero"),
        "situacao": (venda.get("situacao") or {}).get("nome"),
        "data_venda": venda.get("data_compromisso"),
        "itens": itens,
        "condicao_pagamento": {
            "opcao_condicao_pagamento": condicao.get("opcao_condicao_pagamento"),
            "tipo_pagamento": condicao.get("tipo_pagamento"),
            "id_conta_financeira": ids("contas_financeiras", conta) if conta else None,
            "nsu": condicao.get("nsu"),
            "parcelas": [
                {
                    "data_vencimento": p.get("data_vencimento"),
                    "valor": p.get("valor"),
                    "descricao": p.get("descricao"),
                }
                for p in condicao.get("parcelas") or []
            ],
        },
        "composicao_de_valor": {
            "frete": composicao.get("frete"),
            "desconto": {"tipo": desconto.get("tipo_desconto"), "valor": desconto.get("taxa_desconto")}
            if desconto.get("tipo_desconto")
            else None,
        },
        "id_vendedor": ids("vendedores", vendedor) if vendedor else None,
        "observacoes": venda.get("observacoes"),
        "observacoes_pagamento": venda.get("observacoes_pagamento"),
    }
    return _drop_none(body)


BODIES: dict[str, Callable[[dict, Callable[[str, Any], Any]], dict]] = {
    "centros_de_custo": centro_body,
    "pessoas": pessoa_body,
    "produtos": produto_body,
    "servicos": servico_body,
    "vendas": venda_body,
}
REUSED = ("centros_de_custo",)
# `production`: the groups its API creates (all of the above); anil is the same today
CREATABLE = tuple(BODIES)


def _reference_key(group: str, data: dict) -> tuple:
    if group == "categorias":
        return (data.get("nome"), data.get("tipo"))
    if group in ("unidades_medida", "produtos_categorias"):
        return (data.get("descricao"),)
    return (data.get("nome"),)


MOVES_STOCK = ("APROVADO", "FATURADO")


def stock_taken_by_sales(records: list[Record]) -> dict[str, Decimal]:
    """Per exported product id, the quantity the exported sales took out of its stock (kits by their
    components; a natureza that brings stock in gives it back). Re-creating those sales in the target takes
    it out again, so the products are created with it added back and end where they were."""
    kits = {
        r.id: (r.data.get("detalhe_kit") or {}).get("items") or []
        for r in records
        if r.group == "produtos" and (r.data.get("detalhe_kit") or {}).get("items")
    }
    taken: dict[str, Decimal] = {}
    for record in records:
        if record.group != "vendas":
            continue
        venda = record.data.get("venda") or {}
        if (venda.get("situacao") or {}).get("nome") not in MOVES_STOCK:
            continue
        mudanca = (record.data.get("natureza_operacao") or {}).get("mudanca_estoque")
        sign = {"SAIDA_ESTOQUE": 1, "ENTRADA_ESTOQUE": -1}.get(mudanca or "", 0)
        for item in record.data.get("itens") or []:
            if item.get("tipo") != "PRODUTO" or not sign:
                continue
            quantidade = Decimal(str(item.get("quantidade") or 0))
            parts = kits.get(item.get("id_item"))
            if parts:
                for part in parts:
                    moved = quantidade * Decimal(str(part.get("quantidade") or 0))
                    taken[part["id_produto"]] = taken.get(part["id_produto"], Decimal(0)) + sign * moved
            else:
                taken[item["id_item"]] = taken.get(item["id_item"], Decimal(0)) + sign * quantidade
    return taken


def _produto_order(records: list[Record]) -> list[Record]:
    """Simple products first, then kits (their components must exist)."""
    return sorted(records, key=lambda r: 1 if (r.data.get("detalhe_kit") or {}).get("items") else 0)


def import_records(
    port: Port,
    records: list[Record],
    *,
    groups: Iterable[str] = CREATABLE,
    advance: Callable[[Record], None] = lambda _r: None,
    refused: tuple[type[Exception], ...] = (),
) -> ImportResult:
    """Re-create the records of `groups` through the port, in dependency order, mapping old ids to new.
    A record the target refuses (an exception of `refused`, e.g. the SDK's 400) is reported under
    `skipped` with the reason, and the import goes on; anything else stops it."""
    result = ImportResult()
    wanted = set(groups)
    by_group: dict[str, list[Record]] = {}
    for record in records:
        by_group.setdefault(record.group, []).append(record)

    def new_id(group: str, old: Any) -> Any:
        return result.ids.get(group, {}).get(str(old))

    taken = (
        stock_taken_by_sales([r for r in records if r.group in ("produtos", "vendas")])
        if "vendas" in wanted
        else {}
    )

    for group in REFERENCE_GROUPS:
        exported = by_group.get(group, [])
        if not exported:
            continue
        present = {_reference_key(group, item): item.get("id") for item in port.each(group)}
        mapping = result.ids.setdefault(group, {})
        for record in exported:
            match = present.get(_reference_key(group, record.data))
            if match is not None:
                mapping[record.id] = match
                result.matched[group] = result.matched.get(group, 0) + 1
            else:
                key = " / ".join(str(part) for part in _reference_key(group, record.data))
                result.skipped.setdefault(group, []).append(f"{key}: no match in the target")
            advance(record)

    for group in EXPORT_GROUPS:
        if group in REFERENCE_GROUPS:
            continue
        exported = by_group.get(group, [])
        if group == "produtos":
            exported = _produto_order(exported)
        mapping = result.ids.setdefault(group, {})
        if group not in wanted:
            if exported:
                result.skipped[group] = [f"{len(exported)} not imported: the group was not asked for"]
            for record in exported:
                advance(record)
            continue
        # cost centers are unique by name: one the target already has is used, not created again
        existing = (
            {item.get("nome"): item.get("id") for item in port.each(group)}
            if group in REUSED and exported
            else {}
        )
        for record in exported:
            if record.data.get("nome") in existing:
                mapping[record.id] = existing[record.data["nome"]]
                result.matched[group] = result.matched.get(group, 0) + 1
                advance(record)
                continue
            try:
                body = BODIES[group](record.data, new_id)
                estoque = body.get("estoque") or {}
                if group == "produtos" and taken.get(record.id) and "estoque_disponivel" in estoque:
                    estoque["estoque_disponivel"] = (
                        Decimal(str(estoque["estoque_disponivel"])) + taken[record.id]
                    )
            except LookupError as exc:
                result.skipped.setdefault(group, []).append(f"{record.id}: {exc}")
                advance(record)
                continue
            try:
                mapping[record.id] = port.create(group, body)
            except refused as exc:
                result.skipped.setdefault(group, []).append(f"{record.id}: {exc}")
            else:
                result.created[group] = result.created.get(group, 0) + 1
            advance(record)
    return result
