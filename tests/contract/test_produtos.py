"""Produtos against the documented shapes.

The older `/v1/produto*` paths are checked against the provider's own file (`conta-azul-inventory-openapi.yml`,
catalog Appendix A.9). For `/v1/produtos` no provider file is public (open-api-inventory): the shapes of
catalog §3.2 (SDK `Models/Produtos`, production observations) are written down here as JSON schemas, closed
(`additionalProperties: false`, every field required), with §3.2's enums, and the answers checked
against them.
"""

from __future__ import annotations

import uuid
from typing import Any

import jsonschema_rs
from fastapi.testclient import TestClient

from anil.domain.produtos import ORIGENS, TIPOS_PRODUTO
from tests.api.test_produtos import (
    NCM_CADERNO,
    categoria_ecommerce,
    criar,
    marca,
    simples,
    unidade,
    variacao_body,
)
from tests.contract.openapi import assert_conforms
from tests.helpers import create_company

# ------------------------------------------------------------------------------ the older generation ----


def test_older_search_conforms(client: TestClient) -> None:
    company = create_company(client)
    caderno = simples(client, company, "Caderno", 24.9, codigo_ean="7891234567895")
    simples(client, company, "Sem EAN", 3, status="INATIVO")
    criar(
        client, company, nome="Kit", detalhe_kit={"itens": [{"id_produto": caderno["id"], "quantidade": 1}]}
    )
    criar(client, company, variacao_body())
    body = client.get("/v1/produto/busca", headers=company.auth).json()
    assert body["itens_totais"] == 4 and any(i["filhos"] for i in body["itens"])
    assert_conforms("inventory", "GET", "/v1/produto/busca", 200, body)
    empty = client.get("/v1/produto/busca", params={"busca": "nada"}, headers=company.auth).json()
    assert_conforms("inventory", "GET", "/v1/produto/busca", 200, empty)


_VARIACAO_NULA = {
    "variacao": "the provider's description says null when formato is not VARIACAO, but its schema lacks nullable"
}


def test_older_create_conforms(client: TestClient) -> None:
    company = create_company(client)
    simples_body = {
        "nome": "Caderno",
        "formato": "SIMPLES",
        "observacao": "Capa dura",
        "estoque": {"valor_venda": 24.9, "estoque_disponivel": 3},
        "dimensao": {"altura": 20},
        "ecommerce": {"condicao": "USADO", "integracao_habilitada": True},
    }
    response = client.post("/v1/produto", json=simples_body, headers=company.auth)
    assert response.status_code == 200 and response.json()["variacao"] is None
    assert_conforms("inventory", "POST", "/v1/produto", 200, response.json(), _VARIACAO_NULA)
    p = str(uuid.uuid4())
    variado = {
        "nome": "Camiseta",
        "formato": "VARIACAO",
        "estoque": {},
        "dimensao": {},
        "variacao": {
            "tipos": [{"descricao": "Tamanho", "opcoes": [{"id": p, "descricao": "P"}]}],
            "produtos": [
                {
                    "nome": "Camiseta P",
                    "codigo": "CAM-P",
                    "estoque": 1,
                    "opcoes": [{"id": p, "descricao": "P"}],
                }
            ],
        },
    }
    response = client.post("/v1/produto", json=variado, headers=company.auth)
    assert response.status_code == 200 and response.json()["variacao"] is not None
    assert_conforms("inventory", "POST", "/v1/produto", 200, response.json())


def test_older_deactivate_conforms(client: TestClient) -> None:
    company = create_company(client)
    produto = criar(client, company, nome="A")
    body = client.post(
        "/v1/produto/desativar", json=[produto["id"], str(uuid.uuid4())], headers=company.auth
    ).json()
    assert_conforms("inventory", "POST", "/v1/produto/desativar", 200, body)


# ---------------------------------------------------------------------- /v1/produtos: §3.2 shapes ----


def _obj(**props: Any) -> dict[str, Any]:
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}


def _null(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


STR, INT, NUM, BOOL = {"type": "string"}, {"type": "integer"}, {"type": "number"}, {"type": "boolean"}
UUID = {"type": "string", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"}
DATA_HORA = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?$"}
STATUS = {"enum": ["ATIVO", "INATIVO"]}
NIVEL = {"enum": ["MINIMO", "MAXIMO", "PADRAO"]}
TIPO = {"enum": ["PRODUTO", "KIT_PRODUTO", "VARIACAO_PRODUTO"]}
OPCAO = _obj(id=STR, descricao=STR)
UNIDADE = _obj(id=INT, descricao=_null(STR))
FISCAL_REF = _obj(id=INT, codigo=_null(STR), descricao=_null(STR))

_ITEM_COMUM = {
    "id": UUID,
    "id_legado": INT,
    "nome": STR,
    "codigo": STR,
    "ean": _null(STR),
    "tipo": TIPO,
    "status": STATUS,
    "saldo": NUM,
    "valor_venda": NUM,
    "custo_medio": NUM,
    "estoque_minimo": _null(NUM),
    "estoque_maximo": _null(NUM),
    "nivel_estoque": NIVEL,
    "integracao_ecommerce_ativada": BOOL,
    "movido": BOOL,
}
# SDK `ProdutoNaVariacao` names its count `aggregationCount` (sic), the parent's `contagem_agregacao`.
PRODUTO_VARIACAO = _obj(**_ITEM_COMUM, aggregationCount=INT, id_produto_pai_variacao=UUID)
ITEM = _obj(
    **_ITEM_COMUM,
    contagem_agregacao=INT,
    ultima_atualizacao=DATA_HORA,
    produtos_variacao={"type": "array", "items": PRODUTO_VARIACAO},
)
PAGINA = _obj(totalItems=INT, items=_null({"type": "array", "items": ITEM}))

PRODUTO = _obj(
    id=UUID,
    id_legado=INT,
    nome=STR,
    descricao=_null(STR),
    codigo_sku=STR,
    codigo_ean=_null(STR),
    ativo=BOOL,
    status=STATUS,
    formato={"enum": ["SIMPLES", "VARIACAO"]},
    versao=INT,
    ultima_atualizacao=DATA_HORA,
    id_centro_custo=_null(UUID),
    categoria=_null(_obj(id=INT, uuid=UUID, descricao=STR)),
    unidade_medida=_null(UNIDADE),
    estoque=_obj(
        valor_venda=NUM,
        custo_medio=NUM,
        quantidade_disponivel=NUM,
        quantidade_reservada=NUM,
        quantidade_total=NUM,
        minimumStock=_null(NUM),
        maximumStock=_null(NUM),
    ),
    fiscal=_obj(
        origem=_null({"enum": list(ORIGENS)}),
        tipo_produto=_null({"enum": list(TIPOS_PRODUTO)}),
        ncm=_null(FISCAL_REF),
        cest=_null(FISCAL_REF),
        unidade_medida=_null(UNIDADE),
    ),
    pesos_dimensoes=_obj(
        peso_bruto=_null(NUM),
        peso_liquido=_null(NUM),
        altura=_null(NUM),
        largura=_null(NUM),
        profundidade=_null(NUM),
        volumes=_null(INT),
    ),
    ecommerce=_obj(
        categoria_ecommerce=_null(_obj(id=STR, descricao=_null(STR))),
        condicao=_null({"enum": ["NOVO", "USADO"]}),
        descricao_adicional=_null(STR),
        descricao_seo=_null(STR),
        integracao_ativa=BOOL,
        marca=_null(_obj(id=STR, nome=_null(STR))),
        titulo_seo=_null(STR),
        url_seo=_null(STR),
    ),
    detalhe_kit=_null(
        _obj(
            items={
                "type": "array",
                "items": _obj(
                    id_item=UUID,
                    id_produto=UUID,
                    codigo=STR,
                    nome=STR,
                    quantidade=NUM,
                    valor_unitario=NUM,
                    valor_total=NUM,
                    versao=INT,
                    costCenterId=_null(STR),  # sic, camelCase in the SDK's ItemDoKitDeProdutos
                ),
            },
            valor_venda_kit=NUM,
        )
    ),
    variacao=_null(
        _obj(
            tipos={
                "type": "array",
                "items": _obj(id=UUID, descricao=STR, opcoes={"type": "array", "items": OPCAO}),
            },
            produtos={
                "type": "array",
                "items": _obj(
                    id=UUID,
                    nome=STR,
                    codigo_sku=STR,
                    codigo_ean=_null(STR),
                    saldo=NUM,
                    valor_venda=NUM,
                    versao=INT,
                    movido=BOOL,
                    relacionado_manualmente=BOOL,
                    opcoes={"type": "array", "items": OPCAO},
                ),
            },
        )
    ),
    conversao_unidade_medida={
        "type": "array",
        "items": _obj(
            id_unidade_conversao=UUID,
            unidade_medida=UNIDADE,
            fator=NUM,
            id_fornecedor={"type": "array", "items": STR},
        ),
    },
    imagens={
        "type": "array",
        "items": _obj(
            id=STR, nome=_null(STR), descricao=_null(STR), tamanho=_null(INT), url_imagem=_null(STR)
        ),
    },
)
CATEGORIAS = _obj(total_items=INT, items={"type": "array", "items": _obj(id=INT, uuid=UUID, descricao=STR)})
MARCAS = _obj(total_items=INT, items={"type": "array", "items": _obj(id=STR, nome=STR)})
_NO = _obj(id=STR, descricao=STR, subcategorias={"type": "array", "items": {}})
ECOMMERCE_CATEGORIAS = _obj(id=STR, versao=INT, items={"type": "array", "items": _NO})


def conforms(schema: dict[str, Any], body: Any) -> None:
    errors = [
        f"{'/'.join(map(str, e.instance_path))}: {e.message}"
        for e in jsonschema_rs.Draft4Validator(schema).iter_errors(body)
    ]
    assert not errors, "\n".join(errors[:20])


def test_the_shapes_reject_a_wrong_body() -> None:
    import pytest

    with pytest.raises(AssertionError):
        conforms(PAGINA, {"totalItems": 1, "items": [{"id": "x"}]})
    with pytest.raises(AssertionError):
        conforms(CATEGORIAS, {"total_items": 1, "items": [], "extra": 1})


def test_list_and_detail_have_the_documented_shapes(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    company = create_company(client)
    conforms(PAGINA, client.get("/v1/produtos", headers=company.auth).json())
    kg = unidade(client, company, "Kilograma")
    caderno = criar(
        client,
        company,
        nome="Caderno",
        codigo_ean="7891234567895",
        id_centro_custo=str(uuid.uuid4()),
        estoque={"valor_venda": 24.9, "estoque_disponivel": 2, "estoque_minimo": 5, "estoque_maximo": 10},
        fiscal={
            "origem": "NACIONAL",
            "tipo_produto": "EMBALAGEM",
            "ncm": {"id": NCM_CADERNO.id},
            "unidade_medida": {"id": kg},
        },
        pesos_dimensoes={"peso_bruto": 1.5, "volumes": 2},
        ecommerce={
            "categoria_ecommerce": {"id": categoria_ecommerce(app, company, "Cadernos")},
            "marca": {"id": marca(app, company, "Azulina")},
            "condicao": "NOVO",
        },
        conversoes_unidade_medida=[{"unidade_medida": {"id": kg}, "fator": 0.5}],
    )
    kit = criar(
        client, company, nome="Kit", detalhe_kit={"itens": [{"id_produto": caderno["id"], "quantidade": 2}]}
    )
    pai = criar(client, company, variacao_body())
    for produto in (caderno, kit, pai, criar(client, company, nome="Mínimo")):
        conforms(PRODUTO, produto)
        conforms(PRODUTO, client.get(f"/v1/produtos/{produto['id']}", headers=company.auth).json())
    conforms(
        PRODUTO,
        client.get(f"/v1/produtos/{pai['variacao']['produtos'][0]['id']}", headers=company.auth).json(),
    )
    page = client.get("/v1/produtos", headers=company.auth).json()
    assert any(i["produtos_variacao"] for i in page["items"])
    conforms(PAGINA, page)


def test_company_catalogs_have_the_documented_shapes(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    company = create_company(client)
    conforms(CATEGORIAS, client.get("/v1/produtos/categorias", headers=company.auth).json())
    conforms(MARCAS, client.get("/v1/produtos/ecommerce-marcas", headers=company.auth).json())
    marca(app, company, "Azulina")
    conforms(MARCAS, client.get("/v1/produtos/ecommerce-marcas", headers=company.auth).json())
    raiz = categoria_ecommerce(app, company, "Papelaria")
    categoria_ecommerce(app, company, "Cadernos", raiz)
    body = client.get(
        "/v1/produtos/ecommerce-categorias", params={"busca_textual": "pap"}, headers=company.auth
    )
    conforms(ECOMMERCE_CATEGORIAS, body.json())
    conforms(_NO, body.json()["items"][0]["subcategorias"][0])
