"""`anil api export` / `import` of a company with sales (one FATURADO), proposals, a contract and manual
receivables and payables with installments partly and fully settled, against a real `anil serve`: every
listing of the target (each group's list, the two installments' searches with their `totais`, each
installment's baixas) reads as the source's apart from ids and timestamps."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from anil.sdk import RAW, ContaAzul
from tests.cli.api_server import Server, start
from tests.cli.test_api_transfer import cli, seller, strip

pytestmark = pytest.mark.slow

EVENTOS = "/v1/financeiro/eventos-financeiros"
WINDOW = {"data_vencimento_de": "2000-01-01", "data_vencimento_ate": "2099-12-31"}
CONTA = "Banco Azul"
# what differs between two companies' installments by construction, besides ids and timestamps
ALSO = frozenset({"referencia", "atualizado_em"})


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start(tmp_path_factory.mktemp("anil-transfer-financeiro"))
    yield running
    running.stop()


class Api:
    """One company through plain HTTP: the seed's writes, each checked."""

    def __init__(self, server: Server, token: str) -> None:
        self.url = server.url
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path: str, **params: Any) -> Any:
        response = httpx.get(f"{self.url}{path}", params=params, headers=self.headers)
        assert response.status_code == 200, response.text
        return response.json()

    def post(self, path: str, body: dict) -> Any:
        response = httpx.post(f"{self.url}{path}", json=body, headers=self.headers)
        assert response.status_code in (200, 201, 202), response.text
        return response.json() if response.content else None

    def patch(self, path: str, body: dict) -> Any:
        response = httpx.patch(f"{self.url}{path}", json=body, headers=self.headers)
        assert response.status_code == 200, response.text
        return response.json()

    def evento(self, tipo: str, body: dict) -> list[dict]:
        """A receivable or payable created and waited for; its installments in order."""
        accepted = self.post(f"{EVENTOS}/{tipo}", body)
        deadline = time.monotonic() + 20
        while (protocolo := self.get(f"/v1/protocolo/{accepted['protocolo']}"))["status"] == "PENDING":
            assert time.monotonic() < deadline, protocolo
            time.sleep(0.1)
        assert protocolo["status"] == "SUCCESS", protocolo
        parcelas = self.get(f"{EVENTOS}/{protocolo['evento_financeiro_id']}/parcelas")
        return sorted(parcelas, key=lambda p: p["indice"])

    def baixa(self, parcela: str, conta: str, data: str, valor: str, **extra: Any) -> None:
        body = {"data_pagamento": data, "composicao_valor": {"valor_bruto": valor}, "conta_financeira": conta}
        self.post(f"{EVENTOS}/parcelas/{parcela}/baixa", {**body, **extra})


def account(server: Server, id_empresa: str) -> None:
    """A bank account (the API cannot create one), in source and target alike: matched by name."""
    created = httpx.post(
        f"{server.url}/_anil/companies/{id_empresa}/contas-financeiras",
        json={"nome": CONTA, "banco": "ITAU"},
        headers=server.admin,
    )
    assert created.status_code == 201, created.text


def parcela(m: str, descricao: str, vencimento: str, valor: str, conta: str, **extra: Any) -> dict:
    return {
        "descricao": descricao,
        "data_vencimento": vencimento,
        "nota": m,
        "conta_financeira": conta,
        "detalhe_valor": {"valor_bruto": valor, **extra},
        "metodo_pagamento": "PIX_PAGAMENTO_INSTANTANEO",
    }


def seed(server: Server, token: str, id_empresa: str) -> None:
    """Everything issue 6 asks to come back, through the public API (sellers, accounts and one proposal's
    refusal through `/_anil/`, which the API cannot do)."""
    api = Api(server, token)
    seller(server, id_empresa)
    account(server, id_empresa)
    contas = {c["nome"]: c["id"] for c in api.get("/v1/conta-financeira")["itens"]}
    banco = contas[CONTA]
    receita = api.get("/v1/categorias", tipo="RECEITA", nome="Vendas")["itens"][0]["id"]
    despesa = api.get("/v1/categorias", tipo="DESPESA", apenas_filhos="true")["itens"][0]["id"]
    centro = api.post("/v1/centro-de-custo", {"nome": "Loja 2", "codigo": "L2"})["id"]
    cliente = api.post(
        "/v1/pessoas",
        {"nome": "Marta Souza", "tipo_pessoa": "Física", "perfis": [{"tipo_perfil": "Cliente"}]},
    )["id"]
    fornecedor = api.post(
        "/v1/pessoas",
        {
            "nome": "Madeireira Norte Ltda",
            "tipo_pessoa": "Jurídica",
            "cnpj": "11222333000181",
            "perfis": [{"tipo_perfil": "Fornecedor"}],
        },
    )["id"]
    produto = api.post(
        "/v1/produtos",
        {
            "nome": "Mesa de pinho",
            "codigo_sku": "MESA-1",
            "estoque": {"valor_venda": "450.00", "estoque_disponivel": 9},
        },
    )["id"]
    servico = api.post(
        "/v1/servicos",
        {
            "descricao": "Montagem",
            "codigo": "MT",
            "preco": "60.00",
            "tipo_servico": "PRESTADO",
            "status": "ATIVO",
        },
    )["id"]
    vendedor = next(v["id"] for v in api.get("/v1/venda/vendedores") if v["nome"] == "Rita Vendas")

    def venda(numero: int, situacao: str, parcelas: list[tuple[str, str]]) -> str:
        return api.post(
            "/v1/venda",
            {
                "id_cliente": cliente,
                "numero": numero,
                "situacao": situacao,
                "data_venda": "2026-11-05",
                "id_vendedor": vendedor,
                "id_categoria": receita,
                "id_centro_custo": centro,
                "itens": [{"id": produto, "quantidade": 1, "valor": "450.00"}],
                "condicao_pagamento": {
                    "opcao_condicao_pagamento": f"{len(parcelas)}x",
                    "tipo_pagamento": "PIX_PAGAMENTO_INSTANTANEO",
                    "id_conta_financeira": banco,
                    "parcelas": [{"data_vencimento": d, "valor": v} for d, v in parcelas],
                },
                "observacoes": f"venda {numero}",
            },
        )["id"]

    venda(10, "FATURADO", [("2026-11-05", "450.00")])  # settled by the sale itself
    aprovada = venda(11, "APROVADO", [("2026-11-20", "225.00"), ("2026-12-20", "225.00")])
    # a manual settlement of a sale's installment: re-created on the target's matching installment
    [primeira, _] = api.get(f"/v1/venda/{aprovada}")["venda"]["condicao_pagamento"]["parcelas"]
    api.baixa(primeira["id"], banco, "2026-11-20", "100.00", metodo_pagamento="DINHEIRO")

    def orcamento(observacoes: str) -> str:
        return api.post(
            "/v1/orcamentos",
            {
                "id_cliente": cliente,
                "data_orcamento": "2026-11-12",
                "data_validade": "2026-12-12",
                "id_vendedor": vendedor,
                "descricao": "Mobília da sala",
                "itens": [
                    {"id": produto, "quantidade": 2, "valor": "440.00", "descricao": "Mesa com verniz"},
                    {"id": servico, "quantidade": 1, "valor": "60.00"},
                ],
                "composicao_de_valor": {"frete": "30.00", "desconto": {"tipo": "PORCENTAGEM", "valor": 5}},
                "observacoes": observacoes,
                "observacoes_pagamento": "metade na entrega",
            },
        )["id"]

    orcamento("entregar de manhã")  # number 12
    recusado = orcamento("cliente achou caro")  # 13, then refused
    refused = httpx.post(
        f"{server.url}/_anil/companies/{id_empresa}/orcamentos/{recusado}/situacao",
        json={"situacao": "ORCAMENTO_RECUSADO"},
        headers=server.admin,
    )
    assert refused.status_code == 200, refused.text
    api.post(  # its three scheduled sales take 14, 15 and 16
        "/v1/contratos",
        {
            "id_cliente": cliente,
            "termos": {
                "numero": 1,
                "data_inicio": "2026-11-01",
                "data_fim": "2027-01-31",
                "dia_emissao_venda": 5,
                "intervalo_frequencia": 1,
                "tipo_frequencia": "MENSAL",
                "tipo_expiracao": "DATA",
            },
            "condicao_pagamento": {
                "tipo_pagamento": "BOLETO_BANCARIO",
                "dia_vencimento": 10,
                "primeira_data_vencimento": "2026-11-10",
                "id_conta_financeira": banco,
            },
            "itens": [{"id": servico, "quantidade": 2, "valor": "60.00", "descricao": "Manutenção mensal"}],
            "composicao_de_valor": {"frete": "0", "desconto": {"tipo": "VALOR", "valor": "10.00"}},
            "id_categoria": receita,
            "id_vendedor": vendedor,
            "observacoes": "contrato anual",
        },
    )
    venda(17, "EM_ANDAMENTO", [("2026-12-01", "450.00")])  # after the contract's numbers

    # a manual receivable: one installment settled, one partly, one edited (description, due date, NSU)
    receber = api.evento(
        "contas-a-receber",
        {
            "data_competencia": "2026-11-01",
            "valor": "900.00",
            "descricao": "Aluguel do galpão",
            "observacao": "",
            "contato": cliente,
            "conta_financeira": banco,
            "rateio": [
                {
                    "id_categoria": receita,
                    "valor": "900.00",
                    "rateio_centro_custo": [{"id_centro_custo": centro, "valor": "900.00"}],
                }
            ],
            "condicao_pagamento": {
                "parcelas": [
                    parcela("n1", "Aluguel 1/3", "2026-11-10", "300.00", banco),
                    parcela("n2", "Aluguel 2/3", "2026-12-10", "300.00", banco),
                    parcela("n3", "Aluguel 3/3", "2027-01-10", "300.00", banco, multa="3.00"),
                ]
            },
        },
    )
    api.baixa(receber[0]["id"], banco, "2026-11-09", "300.00", observacao="pago adiantado")
    api.baixa(receber[1]["id"], banco, "2026-11-15", "120.00")
    api.baixa(receber[1]["id"], banco, "2026-11-18", "80.00", metodo_pagamento="DINHEIRO")
    api.patch(
        f"{EVENTOS}/parcelas/{receber[2]['id']}",
        {
            "versao": receber[2]["versao"],
            "composicao_valor": {"valor_bruto": "300.00", "multa": "3.00"},
            "descricao": "Aluguel de janeiro",
            "vencimento": "2027-01-15",
            "nsu": "NSU-77",
            "data_pagamento_esperado": "2027-01-14",
        },
    )
    # a payable in the Caixinha: one installment settled with interest, the other open
    pagar = api.evento(
        "contas-a-pagar",
        {
            "data_competencia": "2026-11-03",
            "valor": "1000.00",
            "descricao": "Compra de madeira",
            "observacao": "",
            "contato": fornecedor,
            "conta_financeira": contas["Caixinha"],
            "rateio": [{"id_categoria": despesa, "valor": "1000.00"}],
            "condicao_pagamento": {
                "parcelas": [
                    parcela("", "Madeira 1/2", "2026-11-03", "500.00", contas["Caixinha"]),
                    parcela("", "Madeira 2/2", "2026-12-03", "500.00", contas["Caixinha"]),
                ]
            },
        },
    )
    api.baixa(
        pagar[0]["id"],
        contas["Caixinha"],
        "2026-11-04",
        "500.00",
        composicao_valor={"valor_bruto": "500.00", "juros": "7.50"},
    )


def listings(server: Server, token: str) -> dict[str, Any]:
    """Every listing of the company, normalised (ids and timestamps out, lists in a stable order)."""

    def ordered(items: list) -> list:
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, default=str))

    out: dict[str, Any] = {}
    with ContaAzul(base_url=server.url, access_token=token) as client:
        for name, path, params in (
            ("pessoas", "/v1/pessoas", {}),
            ("produtos", "/v1/produtos", {}),
            ("servicos", "/v1/servicos", {}),
            ("centros_de_custo", "/v1/centro-de-custo", {}),
            ("vendas", "/v1/venda/busca", {}),
            ("orcamentos", "/v1/orcamentos", {}),
            ("contratos", "/v1/contratos", {"data_inicio": "2000-01-01", "data_fim": "2099-12-31"}),
        ):
            out[name] = ordered([strip(i) for i in client.paginate(path, params, cast=RAW)])
        contas = {c["id"]: c["nome"] for c in client.paginate("/v1/conta-financeira", cast=RAW)}
        for tipo in ("contas-a-receber", "contas-a-pagar"):
            page = client.get(
                f"{EVENTOS}/{tipo}/buscar", {**WINDOW, "pagina": 1, "tamanho_pagina": 1000}, cast=RAW
            )
            out[f"{tipo} totais"] = page["totais"]
            installments = []
            for item in page["itens"]:
                baixas = client.get(f"{EVENTOS}/parcelas/{item['id']}/baixa", cast=RAW)
                for baixa in baixas:  # the account by its name: its id differs by construction
                    baixa["conta_financeira"] = contas[baixa["conta_financeira"]]
                detail = client.get(f"{EVENTOS}/parcelas/{item['id']}", cast=RAW)
                installments.append(
                    {
                        "item": strip(item),
                        "detalhe": strip(detail, ALSO),
                        "baixas": ordered([strip(b, ALSO) for b in baixas]),
                    }
                )
            out[tipo] = ordered(installments)
        for orcamento in client.paginate("/v1/orcamentos", cast=RAW):
            out.setdefault("orcamentos detalhe", []).append(
                strip(client.get(f"/v1/orcamentos/{orcamento['id']}", cast=RAW))
            )
        out["orcamentos detalhe"] = ordered(out.get("orcamentos detalhe", []))
        for contrato in client.paginate(
            "/v1/contratos", {"data_inicio": "2000-01-01", "data_fim": "2099-12-31"}, cast=RAW
        ):
            out.setdefault("contratos detalhe", []).append(
                strip(client.get(f"/v1/contratos/{contrato['id']}", cast=RAW))
            )
    return out


def difference(a: Any, b: Any, path: str = "") -> str | None:
    """Where two normalised listings first differ (the failure message)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            found = difference(a.get(key), b.get(key), f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            found = difference(x, y, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


def test_sales_proposals_contracts_and_the_financial_state_come_back_whole(
    server: Server, tmp_path: Path
) -> None:
    source_id, source = server.company("Origem Financeira")
    seed(server, source, source_id)
    target_id, target = server.company("Destino Financeiro")
    seller(server, target_id)
    account(server, target_id)
    file = tmp_path / "financeiro.jsonl"
    exported = cli(server, source, "export", "--output", str(file))["exported"]
    assert exported["orcamentos"] == 2 and exported["contratos"] == 1
    # manual, the FATURADO, APROVADO and EM_ANDAMENTO sales, the contract's three
    assert exported["contas_a_receber"] == 3 + 1 + 2 + 1 + 3
    assert exported["contas_a_pagar"] == 2

    result = cli(server, target, "import", str(file), "--admin-key", server.admin_key)
    assert result["skipped"] == {}, result["skipped"]
    assert result["created"]["vendas"] == 3 and result["created"]["orcamentos"] == 2
    assert result["created"]["contratos"] == 1
    assert result["created"]["contas_a_receber"] == 3 and result["created"]["contas_a_pagar"] == 2
    assert result["created"]["baixas"] == 5  # the FATURADO sale's settlement is the target's own
    assert result["created"]["parcelas_editadas"] == 1  # NSU and expected payment date, by PATCH
    assert result["derived"] == {"vendas": 3, "contas_a_receber": 7}

    before, after = listings(server, source), listings(server, target)
    assert set(after) == set(before)
    for name in before:
        assert after[name] == before[name], (name, difference(before[name], after[name]))
    # what the seed made is all there
    receber = before["contas-a-receber"]
    assert {i["item"]["status_traduzido"] for i in receber} >= {"RECEBIDO", "RECEBIDO_PARCIAL", "EM_ABERTO"}
    assert [i["item"]["nao_pago"] for i in before["contas-a-pagar"] if i["baixas"]] == [0]
    assert [o["situacao"] for o in sorted(before["orcamentos"], key=lambda o: o["numero"])] == [
        "ORCAMENTO",
        "ORCAMENTO_RECUSADO",
    ]
    # the numbers sales, proposals and the contract's sales share came out the same (listed above too)
    assert sorted(v["numero"] for v in after["vendas"]) == [10, 11, 14, 15, 16, 17]
    assert sorted(o["numero"] for o in after["orcamentos"]) == [12, 13]


def test_without_an_admin_key_a_refused_proposal_is_reported(server: Server, tmp_path: Path) -> None:
    source_id, source = server.company("Origem Sem Chave")
    seed(server, source, source_id)
    target_id, target = server.company("Destino Sem Chave")
    seller(server, target_id)
    account(server, target_id)
    file = tmp_path / "sem-chave.jsonl"
    cli(server, source, "export", "--output", str(file))
    result = cli(server, target, "import", str(file))
    [reason] = result["skipped"]["orcamentos"]
    assert "ORCAMENTO_RECUSADO cannot be set through the API" in reason
    assert set(result["skipped"]) == {"orcamentos"}
    with ContaAzul(base_url=server.url, access_token=target) as client:
        assert sorted(o["situacao"] for o in client.paginate("/v1/orcamentos", cast=RAW)) == [
            "ORCAMENTO",
            "ORCAMENTO",
        ]
