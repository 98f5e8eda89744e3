"""`anil api export` / `anil api import`: a company's data as JSON Lines, and back into another company.

The file holds one JSON object a line: first `{"group": "_meta", "data": {...}}`, then one
`{"group": <group>, "id": <id in the source company>, "data": <the record as GET answers it>}` per record.

Import re-creates what the API can create, in dependency order (centros de custo, pessoas, produtos — simple
ones before kits —, serviços; then vendas, orçamentos and contratos together in number order, as they share
one counter; then the receivables and payables), mapping every old id to the new one; products are created
with the stock the imported sales will take out again added back. What a sale or contract makes by itself (a
contract's scheduled sales, the receivables of both) is never created twice: it is paired with what the target
made. Each manual event is created once with all its installments; then every installment gets what a PATCH
can redo and its settlements, in date order, so statuses and `nao_pago` come out the same. What the API
cannot create (units, product categories, categorias, contas financeiras, vendedores) is exported for the
record and matched by name in the target. The transforms turn a record as GET answers it into the body POST
takes (the two differ: `documento` against `cpf`/`cnpj`, `nome_empresa` against `nome_fantasia`,
`valor_composicao` against `composicao_valor`, …); they are plain functions, tested on their own.

The work goes through a `Port` (list every record of a group, read one, create one, a record's children,
a PATCH), which the CLI builds over the SDK; nothing here speaks HTTP.
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
    "orcamentos",
    "contratos",
    "contas_a_receber",
    "contas_a_pagar",
)
# matched by name (or description) in the target, never created: the API cannot create them
REFERENCE_GROUPS = (
    "unidades_medida",
    "produtos_categorias",
    "categorias",
    "contas_financeiras",
    "vendedores",
)
DETAIL_GROUPS = ("pessoas", "produtos", "vendas", "orcamentos", "contratos")  # the list answers a summary
# the installments' searches: each record is the installment's detail (`GET …/parcelas/{id}`, with its
# `evento` and `baixas`) with the search's item under `busca` (the contact is only there)
FINANCIAL_GROUPS = ("contas_a_receber", "contas_a_pagar")


class Port(Protocol):
    def each(self, group: str) -> Iterable[dict]:
        """Every record of the group's list, every page."""

    def detail(self, group: str, record_id: str) -> dict:
        """One record as its GET answers it."""

    def create(self, group: str, body: dict) -> str:
        """Create one record; its new id (a financial event: the event's, once its protocol succeeded)."""

    def children(self, group: str, parent_id: str) -> list[dict]:
        """`parcelas` of an event (`GET …/{id_evento}/parcelas`), `baixas` of an installment."""

    def create_child(self, group: str, parent_id: str, body: dict) -> str:
        """A `baixas` record of an installment; its new id."""

    def update(self, group: str, record_id: str, body: dict) -> dict:
        """`parcelas`: `PATCH …/parcelas/{id}`."""


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
            if group in FINANCIAL_GROUPS and record_id:
                data = {**port.detail(group, record_id), "busca": item}
            else:
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
    # made by the target itself when what made them was imported: a contract's scheduled sales, the
    # receivables of sales and contracts (never created twice)
    derived: dict[str, int] = field(default_factory=dict)
    ids: dict[str, dict[str, Any]] = field(default_factory=dict)  # group → old id → new id

    def as_json(self) -> dict:
        return {
            "created": self.created,
            "matched": self.matched,
            "derived": self.derived,
            "skipped": self.skipped,
        }


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


def _itens(
    linhas: list[dict] | None, ids: Callable[[str, Any], Any], chave: str, *, com_descricao: bool
) -> list:
    """A sale's, proposal's or contract's lines as their POST takes them: each product or service by its id
    in the target (`chave`: where the exported line holds the id), quantity, price and cost."""
    itens = []
    for item in linhas or []:
        group = "servicos" if item.get("tipo") == "SERVICO" else "produtos"
        linha = {
            "id": _required(ids, group, item.get(chave), group[:-1]),
            "quantidade": item.get("quantidade"),
            "valor": item.get("valor"),
            "valor_custo": item.get("custo"),
        }
        if com_descricao:
            linha["descricao"] = item.get("descricao")
        itens.append(linha)
    return itens


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
    itens = _itens(data.get("itens"), ids, "id_item", com_descricao=False)
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
        "id_categoria": ids("categorias", venda["id_categoria"]) if venda.get("id_categoria") else None,
        "id_centro_custo": ids("centros_de_custo", venda["id_centro_custo"])
        if venda.get("id_centro_custo")
        else None,
        "observacoes": venda.get("observacoes"),
        "observacoes_pagamento": venda.get("observacoes_pagamento") or condicao.get("observacoes_pagamento"),
    }
    return _drop_none(body)


# With `ANIL_QUIRKS=on`, as production, `GET /v1/orcamentos/{id}` answers `observacoes` and
# `observacoes_pagamento` swapped (choice `orcamento-observacoes-trocadas`): the body swaps them back.
PROPOSAL_NOTES_SWAPPED = True


def _desconto(tipo: Any, valor: Any) -> dict | None:
    return {"tipo": tipo, "valor": valor} if tipo else None


def orcamento_body(data: dict, ids: Callable[[str, Any], Any]) -> dict:
    """`GET /v1/orcamentos/{id}` → `POST /v1/orcamentos`: the client, lines and seller by their ids in the
    target; each line with its own description and cost, so the detail reads the same. `numero` is the
    sales counter's (the import creates proposals in number order) and `situacao` starts at `ORCAMENTO`."""
    composicao = data.get("composicao_de_valor") or {}
    desconto = composicao.get("desconto") or {}
    itens = _itens(data.get("itens"), ids, "id", com_descricao=True)
    observacoes, pagamento = data.get("observacoes"), data.get("observacoes_pagamento")
    if PROPOSAL_NOTES_SWAPPED:
        observacoes, pagamento = pagamento, observacoes
    vendedor = data.get("id_vendedor")
    body = {
        "id_cliente": _required(ids, "pessoas", data.get("id_cliente"), "client"),
        "data_orcamento": data.get("data_orcamento"),
        "data_validade": data.get("data_validade"),
        "itens": itens,
        "id_vendedor": ids("vendedores", vendedor) if vendedor else None,
        "descricao": data.get("descricao"),
        "previsao_entrega": data.get("previsao_entrega"),
        "observacoes": observacoes,
        "observacoes_pagamento": pagamento,
        "composicao_de_valor": {
            "frete": composicao.get("frete"),
            "desconto": _desconto(desconto.get("tipo"), desconto.get("valor")),
        },
    }
    return _drop_none(body)


def contrato_of(venda: dict) -> str | None:
    """The contract that scheduled a sale (`GET /v1/venda/{id}`'s `contrato` block), else None."""
    contrato = venda.get("contrato") or {}
    found = contrato.get("uuid") or contrato.get("id") or (venda.get("venda") or {}).get("id_contrato")
    return str(found) if found else None


def contrato_body(data: dict, primeira: dict, ids: Callable[[str, Any], Any]) -> dict:
    """`GET /v1/contratos/{id}` and its first scheduled sale (`GET /v1/venda/{id}` with its `itens`) →
    `POST /v1/contratos`. The contract's detail has no lines, discount, category, cost center, account or
    first due date: each scheduled sale repeats them, so they are read from the first one."""
    termos = data.get("termos") or {}
    condicao = data.get("condicao_pagamento") or {}
    venda = primeira.get("venda") or {}
    venda_condicao = venda.get("condicao_pagamento") or {}
    parcelas = venda_condicao.get("parcelas") or []
    composicao = venda.get("composicao_valor") or {}
    desconto = venda.get("configuracao_de_desconto") or {}
    itens = _itens(primeira.get("itens"), ids, "id_item", com_descricao=True)
    cliente = (data.get("cliente") or {}).get("id") or venda.get("id_cliente")
    vendedor = (data.get("vendedor") or {}).get("id") or (primeira.get("vendedor") or {}).get("id")
    conta = venda_condicao.get("id_conta_financeira")
    body = {
        "id_cliente": _required(ids, "pessoas", cliente, "client"),
        "termos": {
            key: termos.get(key)
            for key in (
                "numero",
                "data_inicio",
                "data_fim",
                "dia_emissao_venda",
                "intervalo_frequencia",
                "tipo_frequencia",
                "tipo_expiracao",
            )
        },
        "condicao_pagamento": {
            "tipo_pagamento": condicao.get("tipo_pagamento") or venda_condicao.get("tipo_pagamento"),
            "dia_vencimento": condicao.get("dia_vencimento"),
            "primeira_data_vencimento": parcelas[0].get("data_vencimento") if parcelas else None,
            "id_conta_financeira": ids("contas_financeiras", conta) if conta else None,
        },
        "itens": itens,
        "composicao_de_valor": {
            "frete": composicao.get("frete"),
            "desconto": _desconto(desconto.get("tipo_desconto"), desconto.get("taxa_desconto")),
        },
        "id_categoria": ids("categorias", venda["id_categoria"]) if venda.get("id_categoria") else None,
        "id_centro_custo": ids("centros_de_custo", venda["id_centro_custo"])
        if venda.get("id_centro_custo")
        else None,
        "id_vendedor": ids("vendedores", vendedor) if vendedor else None,
        "observacoes": venda.get("observacoes"),
        "observacoes_pagamento": venda_condicao.get("observacoes_pagamento"),
    }
    return _drop_none(body)


# events the API makes by itself: a sale's receivable (VENDA), a contract's scheduled sales' (VENDA_AGENDADA)
DERIVED_ORIGINS = ("VENDA", "VENDA_AGENDADA", "CONTRATO")
COMPOSICAO = ("valor_bruto", "multa", "juros", "desconto", "taxa")


def origem_of(parcela: dict) -> str | None:
    return ((parcela.get("evento") or {}).get("referencia") or {}).get("origem")


def _conta_id(value: Any) -> Any:
    return value.get("id") if isinstance(value, dict) else value


def evento_body(parcelas: list[dict], ids: Callable[[str, Any], Any]) -> dict:
    """The installments of one exported manual event (their details, each with its search item under
    `busca`) → `POST …/contas-a-receber|contas-a-pagar`: one event with every installment as it is now
    (description, due date, note, account, value composition, payment method), the rateio with its
    categories and cost centers by their ids in the target, the contact from the search item. The event's
    own description, note and account are not readable through the API: the first installment's
    description and account stand for them and the note is empty (choice `transfer-evento`)."""
    parcelas = sorted(parcelas, key=lambda p: p.get("indice") or 0)
    first = parcelas[0]
    evento = first.get("evento") or {}
    busca = first.get("busca") or {}
    contato = (busca.get("cliente") or busca.get("fornecedor") or {}).get("id")
    corpo_parcelas = []
    for parcela in parcelas:
        composicao = parcela.get("valor_composicao") or {}
        conta = parcela.get("id_conta_financeira") or _conta_id(parcela.get("conta_financeira"))
        corpo_parcelas.append(
            {
                "descricao": parcela.get("descricao"),
                "data_vencimento": parcela.get("data_vencimento"),
                "nota": parcela.get("nota") or "",
                "conta_financeira": _required(ids, "contas_financeiras", conta, "account"),
                "detalhe_valor": {key: composicao.get(key) for key in COMPOSICAO},
                "metodo_pagamento": parcela.get("metodo_pagamento"),
            }
        )
    rateio = [
        {
            "id_categoria": _required(ids, "categorias", linha.get("id_categoria"), "category"),
            "valor": linha.get("valor"),
            "rateio_centro_custo": [
                {
                    "id_centro_custo": _required(
                        ids, "centros_de_custo", centro.get("id_centro_custo"), "cost center"
                    ),
                    "valor": centro.get("valor"),
                }
                for centro in linha.get("rateio_centro_custo") or []
            ]
            or None,
        }
        for linha in evento.get("rateio") or []
    ]
    valor = sum((Decimal(str(p["detalhe_valor"]["valor_bruto"] or 0)) for p in corpo_parcelas), Decimal(0))
    body = {
        "data_competencia": evento.get("data_competencia"),
        "valor": valor,
        "observacao": "",
        "descricao": first.get("descricao"),
        "contato": _required(ids, "pessoas", contato, "contact"),
        "conta_financeira": corpo_parcelas[0]["conta_financeira"],
        "rateio": rateio or None,
        "condicao_pagamento": {"parcelas": corpo_parcelas},
    }
    return _drop_none(body)


def parcela_patch(source: dict, target: dict, ids: Callable[[str, Any], Any]) -> dict | None:
    """What `PATCH …/parcelas/{id}` must send for the target installment to read as the source one (its
    description, due date, note, value composition, expected payment date, payment method, loss, NSU,
    scheduled payment, account), or None when they already agree. `versao` is the target's; the value
    composition is always sent (the PATCH requires it)."""
    body: dict[str, Any] = {}

    def differs(key: str, value: Any, current: Any) -> None:
        if value != current:
            body[key] = value

    differs("descricao", source.get("descricao"), target.get("descricao"))
    differs("vencimento", source.get("data_vencimento"), target.get("data_vencimento"))
    differs("nota", source.get("nota"), target.get("nota"))
    differs(
        "data_pagamento_esperado",
        source.get("data_pagamento_previsto"),
        target.get("data_pagamento_previsto"),
    )
    differs("metodo_pagamento", source.get("metodo_pagamento"), target.get("metodo_pagamento"))
    differs("nsu", source.get("nsu"), target.get("nsu"))
    differs("pagamento_agendado", bool(source.get("baixa_agendada")), bool(target.get("baixa_agendada")))
    perda = source.get("perda")
    if perda != target.get("perda"):
        body["perda"] = {"data": perda.get("data"), "valor": perda.get("valor")} if perda else None
    conta = source.get("id_conta_financeira") or _conta_id(source.get("conta_financeira"))
    novo = ids("contas_financeiras", conta) if conta else None
    atual = target.get("id_conta_financeira") or _conta_id(target.get("conta_financeira"))
    if novo is not None and str(novo) != str(atual):
        body["id_conta_financeira"] = novo
    composicao = {k: (source.get("valor_composicao") or {}).get(k) for k in COMPOSICAO}
    atual_composicao = {k: (target.get("valor_composicao") or {}).get(k) for k in COMPOSICAO}
    if not body and _decimals(composicao) == _decimals(atual_composicao):
        return None
    return {**body, "composicao_valor": composicao, "versao": target.get("versao")}


def _decimals(values: dict) -> dict:
    return {k: Decimal(str(v)) if v is not None else None for k, v in values.items()}


def baixa_body(baixa: dict, ids: Callable[[str, Any], Any]) -> dict:
    """A settlement as the installment's detail (or `GET …/parcelas/{id}/baixa`) lists it → `POST
    …/parcelas/{id}/baixa` (read as `valor_composicao`, written as `composicao_valor`)."""
    composicao = baixa.get("valor_composicao") or baixa.get("composicao_valor") or {}
    conta = _conta_id(baixa.get("conta_financeira"))
    body = {
        "data_pagamento": baixa.get("data_pagamento"),
        "composicao_valor": {key: composicao.get(key) for key in COMPOSICAO},
        "conta_financeira": _required(ids, "contas_financeiras", conta, "account"),
        "metodo_pagamento": baixa.get("metodo_pagamento"),
        "observacao": baixa.get("observacao"),
        "nsu": baixa.get("nsu"),
    }
    return _drop_none(body)


BODIES: dict[str, Callable[[dict, Callable[[str, Any], Any]], dict]] = {
    "centros_de_custo": centro_body,
    "pessoas": pessoa_body,
    "produtos": produto_body,
    "servicos": servico_body,
    "vendas": venda_body,
    "orcamentos": orcamento_body,
}
REUSED = ("centros_de_custo",)
SIMPLE_GROUPS = ("centros_de_custo", "pessoas", "produtos", "servicos")  # one create per record
# sales, proposals and contracts share one number counter: created together in number order
NUMBERED_GROUPS = ("vendas", "orcamentos", "contratos")
# `production`: the groups its API creates (all of these); anil is the same today
CREATABLE = (*SIMPLE_GROUPS, *NUMBERED_GROUPS, *FINANCIAL_GROUPS)


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
    set_situacao: Callable[[str, str], None] | None = None,
) -> ImportResult:
    """Re-create the records of `groups` through the port, in dependency order, mapping old ids to new.
    A record the target refuses (an exception of `refused`, e.g. the SDK's 400) is reported under
    `skipped` with the reason, and the import goes on; anything else stops it. `set_situacao(id,
    situacao)`, when given, moves an imported proposal to its exported situation (anil's `/_anil/`: the
    public API cannot); without it a proposal that was not `ORCAMENTO` is reported under `skipped`."""
    return _Importer(port, records, set(groups), advance, refused, set_situacao).run()


def _numero(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class _Importer:
    def __init__(
        self,
        port: Port,
        records: list[Record],
        wanted: set[str],
        advance: Callable[[Record], None],
        refused: tuple[type[Exception], ...],
        set_situacao: Callable[[str, str], None] | None,
    ) -> None:
        self.port, self.records, self.wanted = port, records, wanted
        self.advance, self.refused, self.set_situacao = advance, refused, set_situacao
        self.result = ImportResult()
        self.by_group: dict[str, list[Record]] = {}
        for record in records:
            self.by_group.setdefault(record.group, []).append(record)

    # -- bookkeeping

    def new_id(self, group: str, old: Any) -> Any:
        return self.result.ids.get(group, {}).get(str(old))

    def skip(self, group: str, reason: str) -> None:
        self.result.skipped.setdefault(group, []).append(reason)

    def count(self, table: dict[str, int], group: str, n: int = 1) -> None:
        table[group] = table.get(group, 0) + n

    def create(self, group: str, record: Record, body: Callable[[], dict]) -> Any:
        """The record created from `body()`, its new id mapped; None (and the reason) when it cannot be."""
        try:
            payload = body()
        except LookupError as exc:
            self.skip(group, f"{record.id}: {exc}")
            return None
        try:
            new = self.port.create(group, payload)
        except self.refused as exc:
            self.skip(group, f"{record.id}: {exc}")
            return None
        self.result.ids.setdefault(group, {})[record.id] = new
        self.count(self.result.created, group)
        return new

    def not_asked(self, group: str, exported: list[Record]) -> bool:
        if group in self.wanted:
            return False
        if exported:
            self.skip(group, f"{len(exported)} not imported: the group was not asked for")
        for record in exported:
            self.advance(record)
        return True

    # -- phases

    def run(self) -> ImportResult:
        self.references()
        self.simple()
        self.numbered()
        self.financial()
        return self.result

    def references(self) -> None:
        for group in REFERENCE_GROUPS:
            exported = self.by_group.get(group, [])
            if not exported:
                continue
            present = {_reference_key(group, item): item.get("id") for item in self.port.each(group)}
            mapping = self.result.ids.setdefault(group, {})
            for record in exported:
                match = present.get(_reference_key(group, record.data))
                if match is not None:
                    mapping[record.id] = match
                    self.count(self.result.matched, group)
                else:
                    key = " / ".join(str(part) for part in _reference_key(group, record.data))
                    self.skip(group, f"{key}: no match in the target")
                self.advance(record)

    def simple(self) -> None:
        taken = (
            stock_taken_by_sales([r for r in self.records if r.group in ("produtos", "vendas")])
            if "vendas" in self.wanted
            else {}
        )
        for group in SIMPLE_GROUPS:
            exported = self.by_group.get(group, [])
            if group == "produtos":
                exported = _produto_order(exported)
            mapping = self.result.ids.setdefault(group, {})
            if self.not_asked(group, exported):
                continue
            # cost centers are unique by name: one the target already has is used, not created again
            existing = (
                {item.get("nome"): item.get("id") for item in self.port.each(group)}
                if group in REUSED and exported
                else {}
            )
            for record in exported:
                if record.data.get("nome") in existing:
                    mapping[record.id] = existing[record.data["nome"]]
                    self.count(self.result.matched, group)
                    self.advance(record)
                    continue

                def body(record: Record = record, group: str = group) -> dict:
                    payload = BODIES[group](record.data, self.new_id)
                    estoque = payload.get("estoque") or {}
                    if group == "produtos" and taken.get(record.id) and "estoque_disponivel" in estoque:
                        estoque["estoque_disponivel"] = (
                            Decimal(str(estoque["estoque_disponivel"])) + taken[record.id]
                        )
                    return payload

                self.create(group, record, body)
                self.advance(record)

    def numbered(self) -> None:
        """Sales, proposals and contracts in the order of their numbers: a proposal takes the counter's
        next number and a contract numbers its scheduled sales from it, so creating everything below a
        number first gives each the number it had. A contract's scheduled sales are not created: the
        contract makes them again."""
        scheduled: dict[str, list[Record]] = {}
        queue: list[tuple[int, int, str, Record]] = []
        for record in self.by_group.get("vendas", []):
            contrato = contrato_of(record.data)
            if contrato:
                scheduled.setdefault(contrato, []).append(record)
            else:
                queue.append((_numero((record.data.get("venda") or {}).get("numero")), 0, "vendas", record))
        for record in self.by_group.get("orcamentos", []):
            queue.append((_numero(record.data.get("numero")), 1, "orcamentos", record))
        for sales in scheduled.values():
            sales.sort(key=_venda_order)
        for record in self.by_group.get("contratos", []):
            sales = scheduled.get(record.id, [])
            first = min((_numero((s.data.get("venda") or {}).get("numero")) for s in sales), default=0)
            queue.append((first, 2, "contratos", record))
        queue.sort(key=lambda entry: (entry[0], entry[1]))
        asked = {group: group in self.wanted for group in NUMBERED_GROUPS}
        for group in NUMBERED_GROUPS:
            if not asked[group]:
                self.not_asked(group, [r for (_, _, g, r) in queue if g == group])
        for _, _, group, record in queue:
            if not asked[group]:
                continue
            if group == "vendas":
                self.create(group, record, lambda r=record: venda_body(r.data, self.new_id))
            elif group == "orcamentos":
                self.proposal(record)
            else:
                self.contract(record, scheduled.get(record.id, []))
            self.advance(record)
        # scheduled sales whose contract was not exported (or not asked for) cannot be made again
        contratos = {r.id for r in self.by_group.get("contratos", [])} if asked["contratos"] else set()
        for contrato, sales in scheduled.items():
            if contrato not in contratos and asked["vendas"]:
                self.skip("vendas", f"{len(sales)} scheduled by contract {contrato}, which was not imported")
            for record in sales:
                self.advance(record)
        self.map_scheduled_sales(scheduled)

    def proposal(self, record: Record) -> None:
        new = self.create("orcamentos", record, lambda: orcamento_body(record.data, self.new_id))
        situacao = record.data.get("situacao")
        if new is None or not situacao or situacao == "ORCAMENTO":
            return
        if self.set_situacao is None:
            self.skip(
                "orcamentos",
                f"{record.id} (número {record.data.get('numero')}): created as ORCAMENTO; its situação "
                f"{situacao} cannot be set through the API",
            )
            return
        try:
            self.set_situacao(str(new), situacao)
        except self.refused as exc:
            self.skip("orcamentos", f"{record.id}: situação {situacao} not set: {exc}")

    def contract(self, record: Record, sales: list[Record]) -> None:
        if not sales:
            self.skip("contratos", f"{record.id}: no scheduled sale exported to read its lines from")
            return
        new = self.create("contratos", record, lambda: contrato_body(record.data, sales[0].data, self.new_id))
        if new is None:
            return
        if record.data.get("status") == "INATIVO":
            self.skip(
                "contratos",
                f"{record.id} (número {(record.data.get('termos') or {}).get('numero')}): closed in the "
                "source, created active (closing it cancels the sales after today)",
            )

    def map_scheduled_sales(self, scheduled: dict[str, list[Record]]) -> None:
        """A new contract's scheduled sales, paired with the exported ones by date and number."""
        contratos = {
            old: new for old, new in self.result.ids.get("contratos", {}).items() if scheduled.get(old)
        }
        if not contratos:
            return
        wanted = {str(new): old for old, new in contratos.items()}
        made: dict[str, list[dict]] = {}
        for item in self.port.each("vendas"):
            contrato = item.get("id_contrato")
            if contrato is not None and str(contrato) in wanted:
                made.setdefault(wanted[str(contrato)], []).append(item)
        mapping = self.result.ids.setdefault("vendas", {})
        for old, sales in scheduled.items():
            if old not in contratos:
                continue
            novas = sorted(made.get(old, []), key=lambda i: (str(i.get("data")), _numero(i.get("numero"))))
            for record, nova in zip(sales, novas, strict=False):
                mapping[record.id] = str(nova.get("id"))
            self.count(self.result.derived, "vendas", min(len(sales), len(novas)))
            if len(sales) != len(novas):
                self.skip(
                    "vendas",
                    f"contract {old}: {len(sales)} scheduled sales exported, {len(novas)} made in the target",
                )

    def financial(self) -> None:
        exported = [r for g in FINANCIAL_GROUPS for r in self.by_group.get(g, [])]
        asked = [g for g in FINANCIAL_GROUPS if not self.not_asked(g, self.by_group.get(g, []))]
        records = [r for r in exported if r.group in asked]
        if not records:
            return
        parcelas = self.result.ids.setdefault("parcelas", {})
        manual: dict[tuple[str, str], list[Record]] = {}
        derived: list[Record] = []
        for record in records:
            if origem_of(record.data) in DERIVED_ORIGINS:
                derived.append(record)
            else:
                evento = str((record.data.get("evento") or {}).get("id") or record.id)
                manual.setdefault((record.group, evento), []).append(record)
        if derived:
            self.map_sale_installments()
        for record in derived:
            if record.id in parcelas:
                self.count(self.result.derived, record.group)
            else:
                self.skip(
                    record.group,
                    f"{record.id}: an installment of a sale's or contract's receivable with no match in the "
                    "target (its sale was not imported, or it was cancelled with an earlier receivable)",
                )
        for (group, _evento), installments in manual.items():
            self.event(group, installments)
        for record in sorted(records, key=lambda r: (str(r.data.get("data_vencimento")), r.id)):
            new = parcelas.get(record.id)
            if new is not None:
                self.installment_state(record, str(new))
            self.advance(record)

    def map_sale_installments(self) -> None:
        """The installments of the imported sales' receivables, paired by position (`GET /v1/venda/{id}`
        lists them with the financial installments' ids)."""
        parcelas = self.result.ids.setdefault("parcelas", {})
        for record in self.by_group.get("vendas", []):
            new = self.new_id("vendas", record.id)
            if new is None:
                continue
            antigas = ((record.data.get("venda") or {}).get("condicao_pagamento") or {}).get("parcelas") or []
            if not any(p.get("id") for p in antigas):
                continue
            detalhe = self.port.detail("vendas", str(new))
            novas = ((detalhe.get("venda") or {}).get("condicao_pagamento") or {}).get("parcelas") or []
            for antiga, nova in zip(antigas, novas, strict=False):
                if antiga.get("id") and nova.get("id"):
                    parcelas[str(antiga["id"])] = str(nova["id"])

    def event(self, group: str, installments: list[Record]) -> None:
        """One manual event with all its installments; they are mapped by `indice`."""
        first = min(installments, key=lambda r: r.data.get("indice") or 0)
        try:
            body = evento_body([r.data for r in installments], self.new_id)
        except LookupError as exc:
            self.skip(group, f"{len(installments)} installments of event {first.id}: {exc}")
            return
        try:
            evento = self.port.create(group, body)
        except self.refused as exc:
            self.skip(group, f"{len(installments)} installments of event {first.id}: {exc}")
            return
        novas = {_numero(p.get("indice")): str(p.get("id")) for p in self.port.children("parcelas", evento)}
        parcelas = self.result.ids.setdefault("parcelas", {})
        self.result.ids.setdefault(group, {})[str((first.data.get("evento") or {}).get("id"))] = evento
        for record in installments:
            nova = novas.get(_numero(record.data.get("indice")))
            if nova is None:
                self.skip(group, f"{record.id}: installment {record.data.get('indice')} was not made")
                continue
            parcelas[record.id] = nova
            self.count(self.result.created, group)

    def installment_state(self, record: Record, new: str) -> None:
        """What a PATCH can redo, then the settlements the target lacks, in date order."""
        group = record.group
        target = self.port.detail(group, new)
        try:
            patch = parcela_patch(record.data, target, self.new_id)
            if patch is not None:
                self.port.update("parcelas", new, patch)
                self.count(self.result.created, "parcelas_editadas")
        except self.refused as exc:
            self.skip(group, f"{record.id}: installment edit not redone: {exc}")
        present: dict[tuple, int] = {}
        for baixa in target.get("baixas") or []:
            key = _baixa_key(baixa)
            present[key] = present.get(key, 0) + 1
        baixas = sorted(record.data.get("baixas") or [], key=lambda b: str(b.get("data_pagamento")))
        for baixa in baixas:
            key = _baixa_key(baixa)
            if present.get(key):  # made by the target itself (a FATURADO sale's)
                present[key] -= 1
                continue
            try:
                self.port.create_child("baixas", new, baixa_body(baixa, self.new_id))
            except LookupError as exc:
                self.skip("baixas", f"{baixa.get('id')}: {exc}")
            except self.refused as exc:
                self.skip("baixas", f"{baixa.get('id')} of installment {record.id}: {exc}")
            else:
                self.count(self.result.created, "baixas")


def _venda_order(record: Record) -> tuple:
    venda = record.data.get("venda") or {}
    return (str(venda.get("data_compromisso")), _numero(venda.get("numero")))


def _baixa_key(baixa: dict) -> tuple:
    """A settlement's origin and gross value: how one the target made by itself (a FATURADO sale's,
    dated the day of the import) is told from one to re-create."""
    composicao = baixa.get("valor_composicao") or baixa.get("composicao_valor") or {}
    valor = composicao.get("valor_bruto")
    return (baixa.get("origem"), Decimal(str(valor)) if valor is not None else None)
