"""GET /v1/servicos: the `{itens, paginacao}` envelope, page sizes 10/20/50/100, `busca_textual` as the one
filter, creation order (catalog §3.3, §2.2, §2.5; choices `servicos-*`)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from anil.api import choices
from tests.api.test_servicos import create, delete, descricoes, listing, servico, total
from tests.helpers import create_company


def test_an_empty_list(client: TestClient) -> None:
    company = create_company(client)
    assert listing(client, company) == {
        "itens": [],
        "paginacao": {"pagina_atual": 1, "total_paginas": 0, "tamanho_pagina": 10, "total_itens": 0},
    }


def test_items_are_full_services_in_creation_order(client: TestClient) -> None:
    company = create_company(client)
    created = [create(client, company, servico(d)) for d in ("Zeladoria", "Auditoria", "Montagem")]
    page = listing(client, company)
    assert page["itens"] == created
    assert page["paginacao"] == {
        "pagina_atual": 1,
        "total_paginas": 1,
        "tamanho_pagina": 10,
        "total_itens": 3,
    }


def test_pages_walk_the_whole_list_without_overlap(client: TestClient) -> None:
    company = create_company(client)
    nomes = [f"Serviço {i:02d}" for i in range(23)]
    for nome in nomes:
        create(client, company, servico(nome))
    first = listing(client, company, "tamanho_pagina=10")
    assert first["paginacao"] == {
        "pagina_atual": 1,
        "total_paginas": 3,
        "tamanho_pagina": 10,
        "total_itens": 23,
    }
    walked = []
    for pagina in (1, 2, 3):
        page = listing(client, company, f"pagina={pagina}&tamanho_pagina=10")
        assert page["paginacao"]["pagina_atual"] == pagina
        walked += [item["descricao"] for item in page["itens"]]
    assert walked == nomes
    assert len(listing(client, company, "pagina=3")["itens"]) == 3
    assert [i["descricao"] for i in listing(client, company, "tamanho_pagina=20&pagina=2")["itens"]] == nomes[
        20:
    ]


def test_a_page_past_the_last_is_empty(client: TestClient) -> None:
    company = create_company(client)
    create(client, company, servico())
    page = listing(client, company, "pagina=5")
    assert page["itens"] == []
    assert page["paginacao"] == {
        "pagina_atual": 5,
        "total_paginas": 1,
        "tamanho_pagina": 10,
        "total_itens": 1,
    }


@pytest.mark.parametrize("size", [10, 20, 50, 100])
def test_the_four_page_sizes(client: TestClient, size: int) -> None:
    company = create_company(client)
    assert listing(client, company, f"tamanho_pagina={size}")["paginacao"]["tamanho_pagina"] == size


@pytest.mark.parametrize("size", ["200", "500", "1000", "5", "0", "-10", "dez", "10.0"])
def test_other_page_sizes_are_refused_with_the_servicos_message(client: TestClient, size: str) -> None:
    company = create_company(client)
    response = client.get(f"/v1/servicos?tamanho_pagina={size}", headers=company.auth)
    assert response.status_code == 400
    assert response.json() == {"error": choices.SERVICOS_PAGE_SIZE_MESSAGE}
    assert response.json()["error"].endswith("deve ser um dos seguintes valores: 10, 20, 50 ou 100")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("pagina=0", choices.PAGE_MESSAGE),
        ("pagina=-1", choices.PAGE_MESSAGE),
        ("pagina=um", "O valor do atributo 'pagina' deve ser um número inteiro"),
    ],
)
def test_bad_pagina(client: TestClient, query: str, message: str) -> None:
    company = create_company(client)
    response = client.get(f"/v1/servicos?{query}", headers=company.auth)
    assert response.status_code == 400
    assert response.json() == {"error": message}


def test_busca_textual_matches_description_or_code_ignoring_case_and_accents(client: TestClient) -> None:
    company = create_company(client)
    create(client, company, servico("Manutenção preventiva", codigo="MAN-01"))
    create(client, company, servico("Instalação elétrica", codigo="INS-02"))
    create(client, company, servico("Consultoria", codigo="CONS-MANUT"))
    assert descricoes(client, company, "busca_textual=manutencao") == ["Manutenção preventiva"]
    assert descricoes(client, company, "busca_textual=MANUT") == ["Manutenção preventiva", "Consultoria"]
    assert descricoes(client, company, "busca_textual=ins-02") == ["Instalação elétrica"]
    assert descricoes(client, company, "busca_textual=ÇÃO") == [
        "Manutenção preventiva",
        "Instalação elétrica",
    ]
    assert descricoes(client, company, "busca_textual=inexistente") == []
    page = listing(client, company, "busca_textual=manut")
    assert page["paginacao"]["total_itens"] == 2 and page["paginacao"]["total_paginas"] == 1


def test_a_search_never_spans_description_and_code(client: TestClient) -> None:
    company = create_company(client)
    create(client, company, servico("Frete", codigo="RAPIDO"))
    assert descricoes(client, company, "busca_textual=frete rapido") == []


def test_blank_busca_textual_is_no_filter(client: TestClient) -> None:
    company = create_company(client)
    create(client, company, servico("A"))
    create(client, company, servico("B"))
    assert descricoes(client, company, "busca_textual=") == ["A", "B"]
    assert descricoes(client, company, "busca_textual=%20%20") == ["A", "B"]
    assert descricoes(client, company, "busca_textual=---") == ["A", "B"]


def test_wildcards_in_busca_textual_are_plain_text(client: TestClient) -> None:
    company = create_company(client)
    create(client, company, servico("Pintura"))
    assert descricoes(client, company, "busca_textual=%25") == ["Pintura"]  # "%" is punctuation: no filter
    assert descricoes(client, company, "busca_textual=p_ntura") == []


def test_other_filters_and_sorting_are_silently_ignored(client: TestClient) -> None:
    company = create_company(client)
    create(client, company, servico("Beta", codigo="B"))
    create(client, company, servico("Alfa", codigo="A", status="INATIVO"))
    for query in (
        "codigo=A",
        "status=ATIVO",
        "ids=00000000-0000-0000-0000-000000000000",
        "campo_ordenado_ascendente=DESCRICAO",
        "campo_ordenado_descendente=xyz",
        "zzz_bogus=abc",
    ):
        assert descricoes(client, company, query) == ["Beta", "Alfa"], query


def test_inactive_services_are_listed_deleted_ones_are_not(client: TestClient) -> None:
    company = create_company(client)
    create(client, company, servico("Ativo"))
    create(client, company, servico("Inativo", status="INATIVO"))
    gone = create(client, company, servico("Excluído"))
    assert delete(client, company, {"ids": [gone["id_servico"]]}).status_code == 204
    assert descricoes(client, company) == ["Ativo", "Inativo"]
    assert descricoes(client, company, "busca_textual=excluido") == []
    assert total(client, company) == 2
