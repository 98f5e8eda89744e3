"""Typed records of each group, with the API's own field names.

Only the fields every integrator reads are declared (typed: ids as text, money as `Decimal`, dates as
the API's ISO text); every other field the server sends is kept and readable as an attribute too
(`Model` allows extras), so a field the API adds tomorrow is there without an SDK release.
"""

from __future__ import annotations

from decimal import Decimal

from anil.sdk._models import Model

__all__ = [
    "Baixa",
    "Categoria",
    "CentroDeCusto",
    "ContaFinanceira",
    "Contrato",
    "Orcamento",
    "Parcela",
    "Pessoa",
    "Produto",
    "Protocolo",
    "Servico",
    "Venda",
    "Vendedor",
]


class Pessoa(Model):
    id: str | None = None
    nome: str | None = None
    documento: str | None = None
    email: str | None = None
    ativo: bool | None = None


class Produto(Model):
    id: str | None = None
    nome: str | None = None
    codigo_sku: str | None = None
    status: str | None = None
    valor_venda: Decimal | None = None


class Servico(Model):
    id: str | None = None
    id_servico: int | None = None
    descricao: str | None = None
    codigo: str | None = None
    preco: Decimal | None = None
    status: str | None = None


class Vendedor(Model):
    id: str | None = None
    nome: str | None = None


class Venda(Model):
    id: str | None = None
    numero: int | None = None
    situacao: object | None = None
    total: Decimal | None = None


class Orcamento(Model):
    id: str | None = None
    numero: int | None = None
    situacao: str | None = None


class Contrato(Model):
    id: str | None = None
    numero: int | None = None
    status: str | None = None


class Categoria(Model):
    id: str | None = None
    nome: str | None = None
    tipo: str | None = None


class CentroDeCusto(Model):
    id: str | None = None
    nome: str | None = None
    codigo: str | None = None
    ativo: bool | None = None


class ContaFinanceira(Model):
    id: str | None = None
    nome: str | None = None
    tipo: str | None = None
    ativo: bool | None = None


class Parcela(Model):
    id: str | None = None
    status: str | None = None
    versao: int | None = None
    data_vencimento: str | None = None


class Baixa(Model):
    id: str | None = None
    versao: int | None = None
    data_pagamento: str | None = None


class Protocolo(Model):
    id: str | None = None
    status: str | None = None
    resposta: str | None = None
    evento_financeiro_id: str | None = None
