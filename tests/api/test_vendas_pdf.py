"""`GET /v1/venda/{id}/imprimir` (catalog §3.4): a real PDF of the sale, by uuid or legacy id, on both
engines. Rendered with poppler's `pdftoppm` (it must draw a page) and read back with `pdftotext`: the
sale's number, its total, the client, the lines and the installments are in it."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from anil.domain.clock import MovableClock
from tests.api import vendas_busca_builders as b
from tests.helpers import Company, create_company

AGORA = datetime(2026, 11, 15, 13, 0, tzinfo=UTC)


def _poppler() -> None:
    """poppler-utils is installed by .ci/run; here a missing one is a failure, never a skip."""
    for tool in ("pdftoppm", "pdftotext"):
        assert shutil.which(tool), f"{tool} is missing: apt-get install -y poppler-utils"


def _texto(pdf: bytes, tmp_path: Path) -> str:
    _poppler()
    arquivo = tmp_path / "venda.pdf"
    arquivo.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(arquivo), str(tmp_path / "pagina")], check=True)
    paginas = sorted(tmp_path.glob("pagina*.png"))
    assert paginas, "pdftoppm drew no page"
    assert all(p.stat().st_size > 2000 for p in paginas)  # something is drawn, not a blank page
    saida = subprocess.run(
        ["pdftotext", "-layout", str(arquivo), "-"], check=True, capture_output=True, text=True
    )
    return saida.stdout


def _pdf(client: TestClient, company: Company, id_venda: object) -> bytes:
    response = client.get(f"/v1/venda/{id_venda}/imprimir", headers=company.auth)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    return response.content


@pytest.fixture
def venda(client: TestClient, clock: MovableClock) -> tuple[Company, dict, dict]:
    clock.freeze(AGORA)
    company = create_company(client, "Papelaria Azul Ltda")
    ana = b.cliente(
        client,
        company,
        "Ana Conceição",
        email="ana@exemplo.com.br",
        cpf="529.982.247-25",
        enderecos=[b.ENDERECO],
    )
    caneta = b.produto(client, company, "Caneta Azul", 12.5)
    caderno = b.produto(client, company, "Caderno Universitário", 30)
    vendedor = b.vendedor(client, company, "Vera Vendas")
    body = b.venda_body(
        ana["id"],
        [(caneta["id"], 4, 12.5), (caderno["id"], 3, 30)],
        numero=4321,
        situacao="APROVADO",
        data_venda="2026-11-14",
        n_parcelas=3,
        frete=10,
        desconto=("VALOR", 10.49),
        id_vendedor=vendedor["id"],
        observacoes="Entregar na portaria — bloco B",
        primeiro_vencimento="2026-12-14",
    )
    return company, b.criar_venda(client, company, body), body


def test_the_pdf_holds_the_sale(client: TestClient, venda: tuple, tmp_path: Path) -> None:
    company, criada, body = venda
    texto = _texto(_pdf(client, company, criada["id"]), tmp_path)
    # total: 4 × 12.50 + 3 × 30 − 10.49 + 10 = 139.51
    assert "Venda nº 4321" in texto
    assert "R$ 139,51" in texto
    assert "Papelaria Azul Ltda" in texto
    assert "Ana Conceição" in texto
    assert "529.982.247-25" in texto
    assert "Rua das Flores, 123" in texto and "CEP 13010-000" in texto
    assert "Caneta Azul" in texto and "Caderno Universitário" in texto
    assert "R$ 50,00" in texto and "R$ 90,00" in texto  # line totals
    assert "R$ 140,00" in texto  # gross
    assert "-R$ 10,49" in texto  # discount
    assert "Vera Vendas" in texto
    assert "Aprovado" in texto
    assert "14/11/2026" in texto
    parcelas = body["condicao_pagamento"]["parcelas"]
    assert [p["valor"] for p in parcelas] == [46.51, 46.5, 46.5]
    assert "R$ 46,51" in texto and texto.count("R$ 46,50") == 2
    assert "14/12/2026" in texto and "1/3" in texto and "3/3" in texto
    assert "Entregar na portaria - bloco B" in texto  # the dash the core fonts lack, spelled plainly


def test_by_legacy_id_the_same_document(client: TestClient, venda: tuple, tmp_path: Path) -> None:
    company, criada, _ = venda
    por_uuid = _pdf(client, company, criada["id"])
    por_legado = _pdf(client, company, criada["id_legado"])
    assert por_uuid == por_legado  # same sale, same bytes (the PDF's dates are the sale's)
    assert "Venda nº 4321" in _texto(por_legado, tmp_path)
    assert _pdf(client, company, criada["id"].upper()) == por_uuid


def test_a_deleted_sale_still_prints_as_cancelled(client: TestClient, venda: tuple, tmp_path: Path) -> None:
    company, criada, _ = venda
    b.excluir(client, company, [criada["id"]])
    texto = _texto(_pdf(client, company, criada["id"]), tmp_path)
    assert "Venda nº 4321" in texto and "Cancelado" in texto and "Venda excluída" in texto


def test_errors_and_tenants(client: TestClient, venda: tuple) -> None:
    company, criada, _ = venda
    for bad in ("abc", "12-34", "4321x"):
        response = client.get(f"/v1/venda/{bad}/imprimir", headers=company.auth)
        assert response.status_code == 400, bad
        assert response.json() == {"error": "O valor informado deve estar no formato UUID válido"}
    for unknown in (b.UNKNOWN_ID, "99999999", "99999999999999999999999"):
        response = client.get(f"/v1/venda/{unknown}/imprimir", headers=company.auth)
        assert response.status_code == 404, unknown
        assert response.json() == {"error": "Venda não encontrada"}
    outra = create_company(client, "Outra Ltda")
    for chave in (criada["id"], criada["id_legado"]):
        response = client.get(f"/v1/venda/{chave}/imprimir", headers=outra.auth)
        assert response.status_code == 404
    assert client.get(f"/v1/venda/{criada['id']}/imprimir").status_code == 401


def test_long_sales_break_pages(client: TestClient, clock: MovableClock, tmp_path: Path) -> None:
    clock.freeze(AGORA)
    company = create_company(client)
    ana = b.cliente(client, company, "Ana Souza")
    produtos = [b.produto(client, company, f"Produto número {i:02d}", 1) for i in range(60)]
    body = b.venda_body(
        ana["id"], [(p["id"], 1, 1) for p in produtos], numero=7, n_parcelas=12, data_venda="2026-11-14"
    )
    criada = b.criar_venda(client, company, body)
    pdf = _pdf(client, company, criada["id"])
    texto = _texto(pdf, tmp_path)
    assert len(list(tmp_path.glob("pagina*.png"))) >= 2
    assert "Produto número 00" in texto and "Produto número 59" in texto
    assert "R$ 60,00" in texto and "12/12" in texto
    assert "Página 2/" in texto
