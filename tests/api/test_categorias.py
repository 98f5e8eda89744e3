"""`/v1/categorias`, `/v1/categorias/configuracao-padrao`, `/v1/financeiro/categorias-dre` (catalog §3.8)
and the `/_anil/` category door, through HTTP on both engines."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from anil.domain.texto import chave
from tests.helpers import ADMIN, Company, create_company

LISTA = "/v1/categorias"
CONFIG = "/v1/categorias/configuracao-padrao"
DRE = "/v1/financeiro/categorias-dre"

SISTEMA = {
    "Fretes recebidos": ("RECEITA", "RECEITA_FRETES_ENTREGAS"),
    "Descontos incondicionais obtidos": ("RECEITA", "OUTRAS_RECEITAS_NAO_OPERACIONAIS"),
    "Descontos financeiros obtidos": ("RECEITA", "RECEITAS_RENDIMENTOS_FINANCEIROS"),
    "Juros recebidos": ("RECEITA", "RECEITAS_RENDIMENTOS_FINANCEIROS"),
    "Multas recebidas": ("RECEITA", "RECEITAS_RENDIMENTOS_FINANCEIROS"),
    "Fretes pagos": ("DESPESA", "DESPESAS_OPERACIONAIS_NIVEL_2"),
    "Impostos retidos em vendas": ("DESPESA", "IMPOSTOS_SOBRE_VENDAS"),
    "Descontos incondicionais concedidos": ("DESPESA", "DESCONTOS_INCONDICIONAIS"),
    "Descontos financeiros concedidos": ("DESPESA", "DESPESSAS_FINANCEIRAS"),
    "Juros pagos": ("DESPESA", "DESPESSAS_FINANCEIRAS"),
    "Multas pagas": ("DESPESA", "DESPESSAS_FINANCEIRAS"),
    "Tarifas": ("DESPESA", "DESPESSAS_FINANCEIRAS"),
    "Perdas": ("DESPESA", "OUTRAS_DESPESAS_NAO_OPERACIONAIS"),
}
OPERACOES = [
    ("FRETES_RECEBIDOS", "Fretes recebidos"),
    ("FRETES_PAGOS", "Fretes pagos"),
    ("IMPOSTOS_RETIDOS_EM_VENDAS", "Impostos retidos em vendas"),
    ("DESCONTOS_INCONDICIONAIS_OBTIDOS", "Descontos incondicionais obtidos"),
    ("DESCONTOS_INCONDICIONAIS_CONCEDIDOS", "Descontos incondicionais concedidos"),
    ("DESCONTOS_FINANCEIROS_OBTIDOS", "Descontos financeiros obtidos"),
    ("DESCONTOS_FINANCEIROS_CONCEDIDOS", "Descontos financeiros concedidos"),
    ("MULTAS_RECEBIDAS", "Multas recebidas"),
    ("MULTAS_PAGAS", "Multas pagas"),
    ("JUROS_RECEBIDOS", "Juros recebidos"),
    ("JUROS_PAGOS", "Juros pagos"),
    ("TARIFAS", "Tarifas"),
    ("PERDAS", "Perdas"),
]


def listar(client: TestClient, company: Company, **params: Any) -> dict:
    response = client.get(LISTA, params={"pagina": 1, "tamanho_pagina": 200, **params}, headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def nomes(body: dict) -> list[str]:
    return [item["nome"] for item in body["itens"]]


def por_nome(body: dict, nome: str, tipo: str | None = None) -> dict:
    found = [i for i in body["itens"] if i["nome"] == nome and (tipo is None or i["tipo"] == tipo)]
    assert len(found) == 1, (nome, found)
    return found[0]


def criar(client: TestClient, company: Company, **body: Any):  # type: ignore[no-untyped-def]
    return client.post(f"/_anil/companies/{company.id}/categorias", json=body, headers=ADMIN)


def assert_bad_request(response, message: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 400, response.text
    assert response.json() == {"code": 400, "message": message}


@pytest.fixture
def company(client: TestClient) -> Company:
    return create_company(client)


# -------------------------------------------------------------------------------- default plan ----


def test_a_new_company_has_conta_azuls_default_plan(client: TestClient, company: Company) -> None:
    body = listar(client, company)
    assert body["itens_totais"] == 145
    assert body["totais"] == {"ativo": 145, "inativo": 0, "todos": 145}
    assert len(body["itens"]) == 145
    assert len({i["id"] for i in body["itens"]}) == 145
    assert listar(client, company, tipo="RECEITA")["itens_totais"] == 17
    assert listar(client, company, tipo="DESPESA")["itens_totais"] == 128
    assert {i["versao"] for i in body["itens"]} == {0}
    assert set(body["itens"][0]) == {
        "id",
        "versao",
        "nome",
        "categoria_pai",
        "tipo",
        "entrada_dre",
        "considera_custo_dre",
    }

    grupo = por_nome(body, "Despesas com Salários e Encargos")
    assert grupo["categoria_pai"] is None
    assert grupo["entrada_dre"] is None
    assert grupo["tipo"] == "DESPESA"
    assert por_nome(body, "13º Salário - 1ª Parcela") == {
        "id": por_nome(body, "13º Salário - 1ª Parcela")["id"],
        "versao": 0,
        "nome": "13º Salário - 1ª Parcela",
        "categoria_pai": grupo["id"],
        "tipo": "DESPESA",
        "entrada_dre": "DESPESAS_ADMINISTRATIVAS",
        "considera_custo_dre": False,
    }
    materiais = por_nome(body, "Materiais Aplicados na Prestação de Serviços")
    assert materiais["entrada_dre"] == "CUSTO_SERVICOS_PRESTADOS"
    assert materiais["considera_custo_dre"] is True
    assert [i["nome"] for i in body["itens"] if i["considera_custo_dre"]] == [materiais["nome"]]
    assert por_nome(body, "Materiais para Revenda")["entrada_dre"] is None
    assert por_nome(body, "Despesas Pessoais dos Sócios")["entrada_dre"] == "OUTRAS_DESPESAS_NAO_OPERACIONAIS"
    assert por_nome(body, "Tarifas Bancárias")["entrada_dre"] == "DESPESSAS_FINANCEIRAS"
    # the same name in both plans, one per type
    assert por_nome(body, "Empréstimos de Bancos", "RECEITA")["entrada_dre"] is None
    assert por_nome(body, "Empréstimos de Bancos", "DESPESA")["entrada_dre"] == "EMPRESTIMOS_DIVIDAS"

    roots = [i for i in body["itens"] if i["categoria_pai"] is None]
    assert len(roots) == 17 + 12  # 3 + 14 groups, 12 root system categories
    for nome, (tipo, entrada) in SISTEMA.items():
        item = por_nome(body, nome)
        assert (item["tipo"], item["entrada_dre"]) == (tipo, entrada), nome
    assert (
        por_nome(body, "Fretes recebidos")["categoria_pai"]
        == por_nome(body, "Receitas de Vendas e de Serviços")["id"]
    )
    entradas = {i["entrada_dre"] for i in body["itens"]}
    assert "DESPESAS_FINANCEIRAS" not in entradas
    assert "DESPESSAS_FINANCEIRAS" in entradas


def test_every_child_points_at_a_group_of_its_own_type(client: TestClient, company: Company) -> None:
    body = listar(client, company)
    by_id = {i["id"]: i for i in body["itens"]}
    children = [i for i in body["itens"] if i["categoria_pai"]]
    assert len(children) == 116
    for child in children:
        parent = by_id[child["categoria_pai"]]
        assert parent["categoria_pai"] is None
        assert parent["tipo"] == child["tipo"]
    receitas = listar(client, company, tipo="RECEITA")
    grupos = {
        i["nome"] for i in receitas["itens"] if i["id"] in {c["categoria_pai"] for c in receitas["itens"]}
    }
    assert grupos == {
        "Receitas de Vendas e de Serviços",
        "Receitas Financeiras",
        "Outras Receitas e Entradas",
    }


# ------------------------------------------------------------------------------- list options ----


def test_paging_walks_the_whole_plan(client: TestClient, company: Company) -> None:
    seen: list[str] = []
    for pagina in range(1, 16):
        body = listar(client, company, pagina=pagina, tamanho_pagina=10)
        assert body["itens_totais"] == 145
        seen += [i["id"] for i in body["itens"]]
    assert len(seen) == len(set(seen)) == 145
    assert listar(client, company, pagina=15, tamanho_pagina=10)["itens"].__len__() == 5
    beyond = listar(client, company, pagina=16, tamanho_pagina=10)
    assert beyond["itens"] == []
    assert beyond["itens_totais"] == 145


def test_paging_parameters_may_be_left_out(client: TestClient, company: Company) -> None:
    response = client.get(LISTA, headers=company.auth)
    assert response.status_code == 200
    assert len(response.json()["itens"]) == 10
    assert response.json()["itens_totais"] == 145


def test_default_order_is_by_name_ignoring_case_and_accents(client: TestClient, company: Company) -> None:
    names = nomes(listar(client, company))
    assert [chave(n) for n in names] == sorted(chave(n) for n in names)
    assert names[0] == "13º Salário - 1ª Parcela"
    descending = nomes(listar(client, company, campo_ordenado_descendente="NOME"))
    assert [chave(n) for n in descending] == sorted((chave(n) for n in names), reverse=True)


def test_order_by_tipo_and_the_ascending_parameter_wins(client: TestClient, company: Company) -> None:
    asc = listar(client, company, campo_ordenado_ascendente="TIPO")["itens"]
    assert [i["tipo"] for i in asc] == ["DESPESA"] * 128 + ["RECEITA"] * 17
    despesas = [chave(i["nome"]) for i in asc[:128]]
    assert despesas == sorted(despesas)
    desc = listar(client, company, campo_ordenado_descendente="TIPO")["itens"]
    assert [i["tipo"] for i in desc] == ["RECEITA"] * 17 + ["DESPESA"] * 128
    both = listar(client, company, campo_ordenado_ascendente="TIPO", campo_ordenado_descendente="NOME")
    assert both["itens"] == asc
    ignored = listar(client, company, campo_ordenado_ascendente="tipo", campo_ordenado_descendente="XYZ")
    assert ignored["itens"] == asc


def test_busca_matches_names_and_code_prefixes(client: TestClient, company: Company) -> None:
    assert set(nomes(listar(client, company, busca="SALARIO"))) == {
        "13º Salário - 1ª Parcela",
        "13º Salário - 2ª Parcela",
        "Despesas com Salários e Encargos",
        "INSS sobre Salários - GPS",
        "IRRF s/ Salários - DARF 0561",
        "Salários",
    }
    assert nomes(listar(client, company, busca="salarial")) == ["Adiantamento Salarial"]
    assert nomes(listar(client, company, busca="pró-labore")) == [
        "INSS sobre Pró-labore - GPS",
        "IRRF sobre Pró-labore - Darf",
        "Pró-labore",
    ]
    assert set(nomes(listar(client, company, busca="3.01"))) == {
        "Receitas de Vendas e de Serviços",
        "Fretes recebidos",
        "Receitas de Serviços",
        "Receitas de Vendas",
    }
    assert nomes(listar(client, company, busca="4.10.02")) == ["Tarifas Bancárias"]
    assert listar(client, company, busca="inexistente")["itens_totais"] == 0
    assert listar(client, company, busca="inexistente")["totais"] == {"ativo": 0, "inativo": 0, "todos": 0}


def test_nome_tipo_and_children_filters(client: TestClient, company: Company) -> None:
    assert set(nomes(listar(client, company, nome="tarifas"))) == {
        "Tarifas",
        "Tarifas Bancárias",
        "Tarifas de Boletos",
        "Tarifas de Cartões de Crédito",
        "Tarifas DOC / TED",
    }
    assert nomes(listar(client, company, nome="tarifas", tipo="RECEITA")) == []
    filhos = listar(client, company, apenas_filhos="true")
    assert filhos["itens_totais"] == 116
    assert all(i["categoria_pai"] for i in filhos["itens"])
    assert listar(client, company, apenas_filhos="true", tipo="RECEITA")["itens_totais"] == 10
    assert listar(client, company, apenas_filhos="false")["itens_totais"] == 145
    folhas = listar(client, company, permite_apenas_filhos="true")
    assert folhas["itens_totais"] == 128  # every category but the 17 groups
    assert "Tarifas" in nomes(folhas)
    assert "Despesas Financeiras" not in nomes(folhas)
    assert listar(client, company, permite_apenas_filhos="false")["itens_totais"] == 145
    assert listar(client, company, permite_apenas_filhos="true", apenas_filhos="true")["itens_totais"] == 116


def test_the_n8n_query_works_and_unknown_parameters_are_ignored(client: TestClient, company: Company) -> None:
    # the official n8n node sends pagina, tamanho_pagina and tipo, never permite_apenas_filhos
    response = client.get(
        LISTA, params={"pagina": 1, "tamanho_pagina": 10, "tipo": "RECEITA", "zzz": "1"}, headers=company.auth
    )
    assert response.status_code == 200
    assert response.json()["itens_totais"] == 17


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"tipo": "OUTRO"}, "O valor do atributo 'tipo' deve ser um dos seguintes valores: RECEITA, DESPESA"),
        (
            {"tamanho_pagina": 15},
            "O valor do atributo 'tamanho_pagina' deve ser um dos seguintes valores: 10, 20, 50, 100, 200, 500 ou 1000",
        ),
        ({"pagina": 0}, "O valor do atributo 'pagina' deve ser maior ou igual a 1"),
        ({"pagina": "um"}, "O valor do atributo 'pagina' deve ser um número inteiro"),
        ({"apenas_filhos": "talvez"}, "O valor do atributo 'apenas_filhos' deve ser true ou false"),
        (
            {"permite_apenas_filhos": "sim"},
            "O valor do atributo 'permite_apenas_filhos' deve ser true ou false",
        ),
        (
            {"campo_ordenado_ascendente": "DATA"},
            "O valor do atributo 'campo_ordenado_ascendente' deve ser um dos seguintes valores: NOME, TIPO",
        ),
        (
            {"campo_ordenado_descendente": "ID"},
            "O valor do atributo 'campo_ordenado_descendente' deve ser um dos seguintes valores: NOME, TIPO",
        ),
    ],
)
def test_bad_list_parameters(client: TestClient, company: Company, params: dict, message: str) -> None:
    assert_bad_request(client.get(LISTA, params=params, headers=company.auth), message)


def test_every_endpoint_needs_a_token(client: TestClient, company: Company) -> None:
    for path in (LISTA, CONFIG, DRE):
        response = client.get(path)
        assert response.status_code == 401
        assert response.json()["error"] == "invalid_token"
        assert client.get(path, headers={"Authorization": "Bearer x.y.z"}).status_code == 401


# ------------------------------------------------------------------------- configuracao-padrao ----


def test_configuracao_padrao_points_every_operation_at_its_system_category(
    client: TestClient, company: Company
) -> None:
    categorias = listar(client, company)
    response = client.get(CONFIG, headers=company.auth)
    assert response.status_code == 200
    body = response.json()
    assert [(i["tipo_operacao"], i["sugestao_padrao"]["nome"]) for i in body] == OPERACOES
    for item, (_, nome) in zip(body, OPERACOES, strict=True):
        categoria = por_nome(categorias, nome)
        assert item == {
            "tipo_operacao": item["tipo_operacao"],
            "id_categoria": categoria["id"],
            "nome_categoria": nome,
            "sugestao_padrao": {"id": categoria["id"], "nome": nome},
        }
    assert client.get(CONFIG, params={"sugestao_padrao": "true"}, headers=company.auth).json() == body


def test_configuracao_padrao_without_the_suggestion(client: TestClient, company: Company) -> None:
    body = client.get(CONFIG, params={"sugestao_padrao": "false"}, headers=company.auth).json()
    assert len(body) == 13
    assert {i["sugestao_padrao"] for i in body} == {None}
    assert all(i["id_categoria"] and i["nome_categoria"] for i in body)
    assert_bad_request(
        client.get(CONFIG, params={"sugestao_padrao": "nao"}, headers=company.auth),
        "O valor do atributo 'sugestao_padrao' deve ser true ou false",
    )


# ----------------------------------------------------------------------------------------- DRE ----

TOPO = [
    ("01", "Receitas Operacionais", False),
    (None, "Receita Bruta de Vendas", True),
    ("02", "Deduções da Receita Bruta", False),
    (None, "Receita Líquida de Vendas", True),
    ("03", "Custos Operacionais", False),
    (None, "Lucro Bruto", True),
    ("04", "Despesas Operacionais", False),
    (None, "Lucro / Prejuízo Operacional", True),
    ("05", "Receitas e Despesas Financeiras", False),
    ("06", "Outras Receitas e Despesas Não Operacionais", False),
    (None, "Lucro / Prejuízo Líquido", True),
    ("07", "Despesas com Investimentos e Empréstimos", False),
    (None, "Lucro / Prejuízo Final", True),
]


def dre(client: TestClient, company: Company) -> list[dict]:
    response = client.get(DRE, headers=company.auth)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"itens"}
    return body["itens"]


def linhas(itens: list[dict]) -> dict[str, dict]:
    out = {}
    for item in itens:
        if item["codigo"]:
            out[item["codigo"]] = item
        out.update(linhas(item["subitens"]))
    return out


def test_the_dre_tree_is_the_default_structure(client: TestClient, company: Company) -> None:
    itens = dre(client, company)
    assert [(i["codigo"], i["descricao"], i["indica_totalizador"]) for i in itens] == TOPO
    assert [i["posicao"] for i in itens] == list(range(1, 14))
    for item in itens:
        assert item["categorias_financeiras"] == []
        for legacy in ("nome", "tipo", "nivel", "ordem", "parent_id"):
            assert item[legacy] is None
        if item["indica_totalizador"]:
            assert item["subitens"] == []
        else:
            assert [s["posicao"] for s in item["subitens"]] == list(range(1, len(item["subitens"]) + 1))
    subcodigos = [[s["codigo"] for s in i["subitens"]] for i in itens if not i["indica_totalizador"]]
    assert subcodigos == [
        ["01.1", "01.2"],
        ["02.1", "02.2", "02.3", "02.4"],
        ["03.1", "03.2", "03.3"],
        ["04.1", "04.2", "04.3"],
        ["05.1", "05.2"],
        ["06.1", "06.2"],
        ["07.1", "07.2"],
    ]
    todas = linhas(itens)
    assert todas["03.3"]["representa_soma_custo_medio"] is True
    assert [c for c, i in todas.items() if i["representa_soma_custo_medio"]] == ["03.3"]
    assert todas["05.2"]["descricao"] == "Despesas Financeiras"
    assert len({i["id"] for i in itens} | {i["id"] for i in todas.values()}) == 13 + 18


def test_dre_lines_carry_the_categories_that_feed_them(client: TestClient, company: Company) -> None:
    categorias = listar(client, company)["itens"]
    todas = linhas(dre(client, company))
    financeiras = todas["05.2"]["categorias_financeiras"]
    assert [c["nome"] for c in financeiras] == [
        "Descontos financeiros concedidos",
        "Impostos sobre Aplicações",
        "Juros pagos",
        "Multas pagas",
        "Tarifas",
        "Tarifas Bancárias",
        "Tarifas de Boletos",
        "Tarifas de Cartões de Crédito",
        "Tarifas DOC / TED",
    ]
    tarifas = next(c for c in financeiras if c["nome"] == "Tarifas Bancárias")
    assert tarifas == {
        "id": next(c["id"] for c in categorias if c["nome"] == "Tarifas Bancárias"),
        "codigo": "4.10.02",
        "nome": "Tarifas Bancárias",
        "ativo": True,
    }
    assert next(c for c in financeiras if c["nome"] == "Tarifas")["codigo"] is None
    assert [c["nome"] for c in todas["01.2"]["categorias_financeiras"]] == ["Fretes recebidos"]
    assert [c["nome"] for c in todas["03.1"]["categorias_financeiras"]] == [
        "Materiais Aplicados na Prestação de Serviços"
    ]
    assert todas["02.4"]["categorias_financeiras"] == []
    assert todas["03.3"]["categorias_financeiras"] == []
    # every category with an entrada_dre shows up exactly once; those without, nowhere
    attached = [c["id"] for i in todas.values() for c in i["categorias_financeiras"]]
    assert sorted(attached) == sorted(c["id"] for c in categorias if c["entrada_dre"])
    assert len(attached) == 145 - 17 - 7  # groups and 7 children have no entrada_dre


def test_dre_ids_are_stable_per_company(client: TestClient, company: Company) -> None:
    other = create_company(client, "Outra Empresa Ltda")
    first, again, theirs = dre(client, company), dre(client, company), dre(client, other)
    assert [i["id"] for i in first] == [i["id"] for i in again]
    assert not {i["id"] for i in first} & {i["id"] for i in theirs}


# -------------------------------------------------------------------- tenants and /_anil/ writes ----


def test_companies_never_see_each_others_categories(client: TestClient, company: Company) -> None:
    other = create_company(client, "Outra Empresa Ltda")
    mine, theirs = listar(client, company), listar(client, other)
    assert not {i["id"] for i in mine["itens"]} & {i["id"] for i in theirs["itens"]}
    created = criar(client, company, nome="Cafezinho", tipo="DESPESA", entrada_dre="DESPESAS_ADMINISTRATIVAS")
    assert created.status_code == 201, created.text
    assert listar(client, company)["itens_totais"] == 146
    assert listar(client, other)["itens_totais"] == 145
    assert listar(client, other, busca="Cafezinho")["itens"] == []
    assert "Cafezinho" not in {
        c["nome"] for i in linhas(dre(client, other)).values() for c in i["categorias_financeiras"]
    }
    # a parent of another company is unknown
    parent = por_nome(theirs, "Despesas Administrativas")["id"]
    response = criar(client, company, nome="Xerox", categoria_pai=parent)
    assert response.status_code == 404
    assert response.json() == {"error": "Categoria pai não encontrada", "code": "nao_encontrado"}


def test_a_category_created_under_a_group(client: TestClient, company: Company) -> None:
    body = listar(client, company)
    grupo = por_nome(body, "Despesas Administrativas")
    response = criar(client, company, nome="  Assinaturas de Software ", categoria_pai=grupo["id"])
    assert response.status_code == 201, response.text
    created = response.json()
    assert created == {
        "id": created["id"],
        "versao": 0,
        "nome": "Assinaturas de Software",
        "categoria_pai": grupo["id"],
        "tipo": "DESPESA",
        "entrada_dre": None,
        "considera_custo_dre": False,
        "codigo": "4.05.20",
        "ativo": True,
        "tipo_operacao": None,
    }
    listed = listar(client, company, busca="assinaturas")["itens"]
    assert listed == [{k: v for k, v in created.items() if k not in ("codigo", "ativo", "tipo_operacao")}]
    assert nomes(listar(client, company, busca="4.05.20")) == ["Assinaturas de Software"]
    # a root category with a DRE link and a cost flag, inactive
    response = criar(
        client,
        company,
        nome="Mercadorias",
        tipo="despesa",
        entrada_dre="CUSTO_VENDAS_PRODUTOS",
        ativo=False,
        codigo="9.99",
    )
    assert response.status_code == 201, response.text
    assert response.json()["considera_custo_dre"] is True
    assert response.json()["ativo"] is False
    body = listar(client, company)
    assert body["totais"] == {"ativo": 146, "inativo": 1, "todos": 147}
    assert body["itens_totais"] == 147
    custo = linhas(dre(client, company))["03.2"]["categorias_financeiras"]
    assert custo == [{"id": response.json()["id"], "codigo": "9.99", "nome": "Mercadorias", "ativo": False}]
    listed = client.get(f"/_anil/companies/{company.id}/categorias", headers=ADMIN).json()
    assert len(listed) == 147
    assert listed[-1]["nome"] == "Mercadorias"
    assert sum(1 for c in listed if c["tipo_operacao"]) == 13


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        ({"tipo": "DESPESA"}, 400, "O campo 'nome' é obrigatório"),
        ({"nome": "   ", "tipo": "DESPESA"}, 400, "O campo 'nome' é obrigatório"),
        ({"nome": "x" * 256, "tipo": "DESPESA"}, 400, "O campo 'nome' deve ter no máximo 255 caracteres"),
        ({"nome": "Sem tipo"}, 400, "O campo 'tipo' é obrigatório"),
        (
            {"nome": "X", "tipo": "CUSTO"},
            400,
            "O campo 'tipo' deve ser um dos seguintes valores: RECEITA, DESPESA",
        ),
        ({"nome": 12, "tipo": "DESPESA"}, 400, "O campo 'nome' é inválido"),
        ({"nome": "X", "tipo": "DESPESA", "ativo": "talvez"}, 400, "O campo 'ativo' é inválido"),
        ({"nome": "X", "categoria_pai": "abc"}, 400, "O campo 'categoria_pai' deve ser um UUID válido"),
        (
            {"nome": "X", "categoria_pai": "5b0e9a4e-8d4f-4d7e-9a55-0e4a1d9c1b11"},
            404,
            "Categoria pai não encontrada",
        ),
        (
            {"nome": "X", "tipo": "DESPESA", "codigo": "4.01"},
            409,
            "Já existe uma categoria com o código 4.01",
        ),
        (
            {"nome": "X", "tipo": "DESPESA", "codigo": "y" * 33},
            400,
            "O campo 'codigo' deve ter no máximo 32 caracteres",
        ),
    ],
)
def test_bad_category_bodies_write_nothing(
    client: TestClient, company: Company, body: dict, status: int, error: str
) -> None:
    response = criar(client, company, **body)
    assert response.status_code == status, response.text
    assert response.json()["error"] == error
    assert listar(client, company)["itens_totais"] == 145


def test_misspelt_or_unknown_entrada_dre_is_refused(client: TestClient, company: Company) -> None:
    response = criar(client, company, nome="Juros", tipo="DESPESA", entrada_dre="DESPESAS_FINANCEIRAS")
    assert response.status_code == 400
    assert response.json()["error"].startswith("O campo 'entrada_dre' deve ser um dos seguintes valores: ")
    assert "DESPESSAS_FINANCEIRAS" in response.json()["error"]
    assert listar(client, company)["itens_totais"] == 145


def test_parent_rules(client: TestClient, company: Company) -> None:
    body = listar(client, company)
    filho = por_nome(body, "Salários")
    response = criar(client, company, nome="Neto", categoria_pai=filho["id"])
    assert response.status_code == 400
    assert response.json()["error"] == "A categoria pai deve ser uma categoria de primeiro nível"
    receita = por_nome(body, "Receitas Financeiras")
    response = criar(client, company, nome="Outra", tipo="DESPESA", categoria_pai=receita["id"])
    assert response.status_code == 400
    assert response.json()["error"] == (
        "A categoria pai é do tipo RECEITA; a nova categoria deve ser do mesmo tipo"
    )
    assert listar(client, company)["itens_totais"] == 145
    # the parent's type is the default, and the next free code is taken
    first = criar(client, company, nome="Cashback", categoria_pai=receita["id"]).json()
    assert (first["tipo"], first["codigo"]) == ("RECEITA", "3.02.02")
    criar(client, company, nome="Manual", categoria_pai=receita["id"], codigo="3.02.04")
    third = criar(client, company, nome="Outra", categoria_pai=receita["id"]).json()
    assert third["codigo"] == "3.02.03"
    fourth = criar(client, company, nome="Mais uma", categoria_pai=receita["id"]).json()
    assert fourth["codigo"] == "3.02.05"


def test_the_control_door_needs_the_admin_key_and_a_known_company(
    client: TestClient, company: Company
) -> None:
    path = f"/_anil/companies/{company.id}/categorias"
    assert client.post(path, json={"nome": "X", "tipo": "DESPESA"}).status_code == 401
    assert client.get(path).status_code == 401
    unknown = "/_anil/companies/5b0e9a4e-8d4f-4d7e-9a55-0e4a1d9c1b11/categorias"
    response = client.post(unknown, json={"nome": "X", "tipo": "DESPESA"}, headers=ADMIN)
    assert response.status_code == 404
    assert response.json()["code"] == "nao_encontrado"
    assert client.get(unknown, headers=ADMIN).status_code == 404
    assert listar(client, company)["itens_totais"] == 145
