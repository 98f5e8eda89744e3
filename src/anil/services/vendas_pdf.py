"""The sale PDF of `GET /v1/venda/{id}/imprimir` (catalog §3.4): a real A4 document made with fpdf2.

What it prints (choice `venda-pdf`): the company (name, CNPJ, e-mail), the sale (number, date, situation,
seller, payment condition), the client (name, document, e-mail, phone, main address), the lines (name,
description, quantity, unit price, line total), the value composition (gross, discount, freight, total)
and the installments (number, due date, amount, description), then the observations. Amounts in Brazilian
notation (`R$ 1.234,56`), dates `dd/mm/aaaa`. A sale deleted through `exclusao-lote` still prints, marked
as cancelled, as `GET /v1/venda/{id}` still answers it.

The PDF's own dates are the sale's last change, so the same sale always gives the same bytes.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from anil.domain.documentos import normalizar
from anil.domain.money import ZERO, quantize
from anil.domain.vendas_busca import CANCELADO, DESCRICOES
from anil.storage.repositories import vendas_busca as repo
from anil.storage.repositories.base import Reader

_AZUL = (31, 78, 155)
_FORMAS = {
    "BOLETO_BANCARIO": "Boleto bancário",
    "CARTAO_CREDITO": "Cartão de crédito",
    "CARTAO_DEBITO": "Cartão de débito",
    "CARTAO_CREDITO_VIA_LINK": "Cartão de crédito via link",
    "LINK_PAGAMENTO": "Link de pagamento",
    "CARTEIRA_DIGITAL": "Carteira digital",
    "CREDITO_LOJA": "Crédito loja",
    "CREDITO_VIRTUAL": "Crédito virtual",
    "DEPOSITO_BANCARIO": "Depósito bancário",
    "DEBITO_AUTOMATICO": "Débito automático",
    "PIX_PAGAMENTO_INSTANTANEO": "Pix",
    "PAGAMENTO_INSTANTANEO": "Pix",
    "COBRANCA_PIX": "Pix cobrança",
    "PIX_COBRANCA": "Pix cobrança",
    "PROGRAMA_FIDELIDADE": "Programa de fidelidade",
    "SEM_PAGAMENTO": "Sem pagamento",
    "TRANSFERENCIA_BANCARIA": "Transferência bancária",
    "VALE_ALIMENTACAO": "Vale-alimentação",
    "VALE_COMBUSTIVEL": "Vale-combustível",
    "VALE_PRESENTE": "Vale-presente",
    "VALE_REFEICAO": "Vale-refeição",
}
_CINZA = (110, 110, 110)
_FUNDO = (235, 240, 250)


def ler(reader: Reader, tenant_id: str, id_ou_legado: str | int) -> dict[str, Any] | None:
    """What the PDF of the company's sale prints (the uuid or the legacy id), or None."""
    return repo.venda_para_documento(reader, tenant_id, id_ou_legado)


def reais(valor: Decimal | None) -> str:
    """`Decimal("1234.5")` → `R$ 1.234,50`; negative amounts with a leading minus."""
    valor = quantize(valor if valor is not None else ZERO)
    sinal = "-" if valor < 0 else ""
    inteiro, _, centavos = f"{abs(valor):.2f}".partition(".")
    grupos = f"{int(inteiro):,}".replace(",", ".")
    return f"{sinal}R$ {grupos},{centavos}"


def quantidade(valor: Decimal) -> str:
    """`Decimal("2.0000")` → `2`, `Decimal("1.5")` → `1,5`."""
    texto = f"{valor.normalize():f}"
    if "." in texto:
        texto = texto.rstrip("0").rstrip(".")
    return texto.replace(".", ",")


def data_br(valor: date | None) -> str:
    return valor.strftime("%d/%m/%Y") if valor is not None else ""


def _latin1(texto: Any) -> str:
    """The core PDF fonts speak Latin-1 (all of Portuguese); anything else is spelled without accents or
    replaced, never an error."""
    texto = "" if texto is None else str(texto)
    texto = texto.replace("—", "-").replace("–", "-").replace("…", "...").replace("“", '"').replace("”", '"')
    texto = texto.replace("‘", "'").replace("’", "'").replace("\u00a0", " ")
    out = []
    for ch in texto:
        try:
            ch.encode("latin-1")
            out.append(ch)
        except UnicodeEncodeError:
            plain = unicodedata.normalize("NFKD", ch).encode("latin-1", "ignore").decode("latin-1")
            out.append(plain or "?")
    return "".join(out)


class _Documento(FPDF):
    def __init__(self, rodape: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.rodape = rodape
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(15, 15, 15)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(*_CINZA)
        self.cell(0, 5, _latin1(self.rodape), align="L")
        self.cell(0, 5, f"Página {self.page_no()}/{{nb}}", align="R")


def _titulo_secao(pdf: FPDF, texto: str) -> None:
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 10)
    pdf.set_text_color(*_AZUL)
    pdf.cell(0, 6, _latin1(texto), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_draw_color(*_AZUL)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(1.5)
    pdf.set_text_color(0, 0, 0)


def _linha(pdf: FPDF, rotulo: str, valor: Any) -> None:
    if valor in (None, ""):
        return
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(38, 5, _latin1(rotulo))
    pdf.set_font("Helvetica", "", 9)
    pdf.multi_cell(0, 5, _latin1(valor), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _endereco(endereco: dict[str, Any] | None) -> str | None:
    if not endereco:
        return None
    rua = ", ".join(p for p in (endereco.get("logradouro"), endereco.get("numero")) if p)
    partes = [
        rua,
        endereco.get("complemento"),
        endereco.get("bairro"),
        " - ".join(p for p in (endereco.get("cidade"), endereco.get("estado")) if p),
        f"CEP {_cep(endereco['cep'])}" if endereco.get("cep") else None,
    ]
    texto = " · ".join(p for p in partes if p)
    return texto or None


def _cep(cep: str) -> str:
    return f"{cep[:5]}-{cep[5:]}" if len(cep) == 8 and cep.isdigit() else cep


def _documento(valor: str | None) -> str | None:
    """CPF `000.000.000-00`, CNPJ `00.000.000/0000-00`; anything else as stored."""
    if not valor:
        return None
    d = normalizar(valor)
    if len(d) == 11 and d.isdigit():
        return f"{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}"
    if len(d) == 14 and d.isdigit():
        return f"{d[:2]}.{d[2:5]}.{d[5:8]}/{d[8:12]}-{d[12:]}"
    return valor


def renderizar(dados: dict[str, Any]) -> bytes:
    """The PDF bytes of one sale (`ler`'s answer)."""
    venda, empresa, cliente = dados["venda"], dados["empresa"], dados["cliente"] or {}
    alterado: datetime = venda["alterado_em"]
    situacao = CANCELADO if venda.get("excluida") else venda["situacao"]
    pdf = _Documento(f"Venda nº {venda['numero']} · {empresa.get('razao_social') or ''}")
    pdf.set_creation_date(alterado.replace(tzinfo=UTC))
    pdf.set_title(_latin1(f"Venda {venda['numero']}"))
    pdf.set_author(_latin1(empresa.get("razao_social") or "anil"))
    pdf.set_creator("anil")
    pdf.alias_nb_pages()
    pdf.add_page()

    # company
    pdf.set_font("Helvetica", "B", 14)
    pdf.set_text_color(*_AZUL)
    pdf.cell(
        0,
        7,
        _latin1(empresa.get("nome_fantasia") or empresa.get("razao_social")),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_font("Helvetica", "", 9)
    pdf.set_text_color(*_CINZA)
    linha_empresa = [empresa.get("razao_social")]
    if empresa.get("documento"):
        linha_empresa.append(f"CNPJ {_documento(empresa['documento'])}")
    if empresa.get("email"):
        linha_empresa.append(empresa["email"])
    pdf.cell(0, 5, _latin1(" · ".join(p for p in linha_empresa if p)), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)

    # sale header
    pdf.ln(4)
    pdf.set_fill_color(*_FUNDO)
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(120, 10, _latin1(f"Venda nº {venda['numero']}"), fill=True)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(
        0,
        10,
        _latin1(DESCRICOES.get(situacao, situacao)),
        fill=True,
        align="R",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(2)
    _linha(pdf, "Data da venda", data_br(venda["data_venda"]))
    _linha(pdf, "Vendedor", dados.get("vendedor"))
    _linha(pdf, "Origem", venda.get("origem"))
    if venda.get("excluida"):
        _linha(pdf, "Observação", "Venda excluída")

    _titulo_secao(pdf, "Cliente")
    _linha(pdf, "Nome", cliente.get("nome") or venda["cliente_id"])
    _linha(pdf, "Documento", _documento(cliente.get("documento")))
    _linha(pdf, "E-mail", cliente.get("email"))
    _linha(pdf, "Telefone", cliente.get("telefone_celular") or cliente.get("telefone_comercial"))
    _linha(pdf, "Endereço", _endereco(dados.get("endereco")))

    _titulo_secao(pdf, "Itens")
    pdf.set_font("Helvetica", "", 9)
    larguras = (8, 86, 20, 33, 33)
    with pdf.table(
        col_widths=larguras,
        text_align=("RIGHT", "LEFT", "RIGHT", "RIGHT", "RIGHT"),
        headings_style=_estilo_cabecalho(),
        line_height=5.5,
        first_row_as_headings=True,
    ) as tabela:
        cabecalho = tabela.row()
        for texto in ("#", "Item", "Qtd.", "Valor unit.", "Total"):
            cabecalho.cell(_latin1(texto))
        for posicao, item in enumerate(dados["itens"], start=1):
            nome = item.get("nome") or ""
            if item.get("descricao") and item["descricao"] != nome:
                nome = f"{nome}\n{item['descricao']}"
            total = quantize(item["quantidade"] * item["valor"])
            row = tabela.row()
            row.cell(str(posicao))
            row.cell(_latin1(nome))
            row.cell(quantidade(item["quantidade"]))
            row.cell(reais(item["valor"]))
            row.cell(reais(total))

    _titulo_secao(pdf, "Totais")
    composicao = [
        ("Valor bruto", venda["valor_bruto"]),
        ("Desconto", -(venda.get("desconto") or ZERO)),
        ("Frete", venda.get("frete") or ZERO),
    ]
    for rotulo, valor in composicao:
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(140, 5.5, _latin1(rotulo), align="R")
        pdf.cell(0, 5.5, _latin1(reais(valor)), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(140, 7, _latin1("Total da venda"), align="R", fill=True)
    pdf.cell(
        0,
        7,
        _latin1(reais(venda["valor_liquido"])),
        align="R",
        fill=True,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )

    _titulo_secao(pdf, "Condição de pagamento")
    _linha(pdf, "Condição", venda.get("opcao_condicao_pagamento"))
    forma = venda.get("tipo_pagamento")
    _linha(pdf, "Forma", _FORMAS.get(forma, forma.replace("_", " ").capitalize()) if forma else None)
    if dados["parcelas"]:
        pdf.set_font("Helvetica", "", 9)
        with pdf.table(
            col_widths=(20, 35, 35, 90),
            text_align=("RIGHT", "CENTER", "RIGHT", "LEFT"),
            headings_style=_estilo_cabecalho(),
            line_height=5.5,
        ) as tabela:
            cabecalho = tabela.row()
            for texto in ("Parcela", "Vencimento", "Valor", "Descrição"):
                cabecalho.cell(_latin1(texto))
            total_parcelas = len(dados["parcelas"])
            for parcela in dados["parcelas"]:
                row = tabela.row()
                row.cell(f"{parcela['numero']}/{total_parcelas}")
                row.cell(data_br(parcela["data_vencimento"]))
                row.cell(reais(parcela["valor"]))
                row.cell(_latin1(parcela.get("descricao") or ""))

    if venda.get("observacoes") or venda.get("observacoes_pagamento"):
        _titulo_secao(pdf, "Observações")
        _linha(pdf, "Venda", venda.get("observacoes"))
        _linha(pdf, "Pagamento", venda.get("observacoes_pagamento"))

    return bytes(pdf.output())


def _estilo_cabecalho() -> FontFace:
    return FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=_AZUL)
