"""Naturezas de operação: the nine sale naturezas every company starts with (defaults.md §5).

Sales (`/v1/venda`) reference them by `id_natureza_operacao` and show them as `natureza_operacao{uuid,
tipo_operacao, template_operacao, label, mudanca_financeira, mudanca_estoque}`; they have no endpoint of
their own. Ids are stable per company (UUIDv5 of the company and the template).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

TIPOS_OPERACAO = ("VENDA", "REMESSA", "COMPRA", "DEVOLUCAO")
MUDANCAS_ESTOQUE = ("ENTRADA_ESTOQUE", "SAIDA_ESTOQUE", "NAO_ALTERA_ESTOQUE")

VENDA_MERCADORIAS = "VENDA_MERCADORIAS"
PRESTACAO_SERVICO = "PRESTACAO_SERVICO"

_NAMESPACE = uuid.UUID("6f1c0f3e-2b7a-5d5e-9a51-5a7e0c1b7d21")


@dataclass(frozen=True, slots=True)
class Natureza:
    label: str
    tipo_operacao: str
    template_operacao: str
    mudanca_estoque: str
    mudanca_financeira: bool


@dataclass(frozen=True, slots=True)
class NaturezaRegistro:
    id: str
    label: str
    tipo_operacao: str
    template_operacao: str
    mudanca_estoque: str
    mudanca_financeira: bool


# defaults.md §5, in its order.
PADRAO: tuple[Natureza, ...] = (
    Natureza("Venda de Mercadorias", "VENDA", VENDA_MERCADORIAS, "SAIDA_ESTOQUE", True),
    Natureza("Venda a Não Contribuinte", "VENDA", "VENDA_NAO_CONTRIBUINTE", "SAIDA_ESTOQUE", True),
    Natureza("Venda de Exportação", "VENDA", "VENDA_EXPORTACAO", "SAIDA_ESTOQUE", True),
    Natureza("Venda Suframa", "VENDA", "VENDA_SUFRAMA", "SAIDA_ESTOQUE", True),
    Natureza("Venda Consignada", "VENDA", "VENDA_CONSIGNADA", "NAO_ALTERA_ESTOQUE", True),
    Natureza("Venda à ordem", "VENDA", "VENDA_ORDEM", "NAO_ALTERA_ESTOQUE", True),
    Natureza(
        "Venda Entrega Futura (Simples Faturamento)",
        "VENDA",
        "VENDA_ENTREGA_FUTURA",
        "NAO_ALTERA_ESTOQUE",
        True,
    ),
    Natureza("Venda de industrialização", "VENDA", "VENDA_INDUSTRIALIZACAO", "NAO_ALTERA_ESTOQUE", True),
    Natureza("Prestação de Serviços", "VENDA", PRESTACAO_SERVICO, "NAO_ALTERA_ESTOQUE", True),
)
TEMPLATES: tuple[str, ...] = tuple(n.template_operacao for n in PADRAO)


def natureza_id(empresa_id: str, template_operacao: str) -> str:
    """The stable id of a default natureza of one company."""
    return str(uuid.uuid5(_NAMESPACE, f"{empresa_id}:{template_operacao}"))


def template_padrao(tem_produtos: bool) -> str:
    """A sale created without `id_natureza_operacao` (defaults.md §5): goods if it has products, else services."""
    return VENDA_MERCADORIAS if tem_produtos else PRESTACAO_SERVICO


def movimenta_estoque(natureza: Natureza | NaturezaRegistro) -> bool:
    return natureza.mudanca_estoque != "NAO_ALTERA_ESTOQUE"
