"""Serviços: the rules of `/v1/servicos` (catalog §3.3), free of storage and HTTP.

A service has two identities: `id` (uuid), which GET and PATCH take, and `id_servico` (the legacy
integer), which the batch DELETE takes. Deletion is logical: the service leaves the list but GET still
answers it unchanged, `status` included (catalog §2.12).

Create demands `descricao`, `status` and `tipo_servico`, reported one at a time in that order, with no
defaults (production, [CLI]). PATCH takes `codigo, descricao, preco, custo, tipo_servico` [SDK]; what is
sent must leave a valid service.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from decimal import Decimal
from math import ceil
from typing import Any

from anil.domain.money import ZERO, quantize
from anil.domain.texto import chave
from anil.errors import InvalidInput

ATIVO, INATIVO = "ATIVO", "INATIVO"
STATUS = (ATIVO, INATIVO)
TIPOS = ("PRESTADO", "TOMADO", "AMBOS")
DESCRICAO_MAX = 100
CODIGO_MAX = 20
# NUMERIC(15, 2): the largest amount storage holds.
MONEY_MAX = Decimal("9999999999999.99")
# The fields PATCH can change [SDK AtualizacaoParcialServico]; `status` is not among them.
CAMPOS_PATCH = ("codigo", "descricao", "preco", "custo", "tipo_servico")
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


@dataclass
class ServicoEntrada:
    """What a client sent, unchecked (every field optional at this point)."""

    descricao: str | None = None
    status: str | None = None
    tipo_servico: str | None = None
    codigo: str | None = None
    preco: Decimal | None = None
    custo: Decimal | None = None


@dataclass(frozen=True)
class ServicoValido:
    descricao: str
    status: str
    tipo_servico: str
    codigo: str | None
    preco: Decimal
    custo: Decimal

    @property
    def busca(self) -> str:
        return chave_busca(self.descricao, self.codigo)


@dataclass
class ServicoRegistro:
    """A stored service, as every answer shows it."""

    seq: int  # = id_servico
    id: str
    descricao: str
    status: str
    tipo_servico: str
    codigo: str | None
    preco: Decimal
    custo: Decimal
    codigo_cnae: str | None = None
    lei_116: str | None = None
    codigo_municipio_servico: str | None = None
    id_externo: str | None = None
    lista_cenario_tributario: list[dict[str, Any]] = field(default_factory=list)
    natureza_operacional_id: str | None = None
    excluido: bool = False

    def entrada(self) -> ServicoEntrada:
        return ServicoEntrada(
            descricao=self.descricao,
            status=self.status,
            tipo_servico=self.tipo_servico,
            codigo=self.codigo,
            preco=self.preco,
            custo=self.custo,
        )


def _obrigatorio(campo: str) -> InvalidInput:
    return InvalidInput(f"O campo '{campo}' é obrigatório", campo=campo)


def _texto(campo: str, value: str | None, maximo: int, *, exigido: bool) -> str | None:
    value = value.strip() if value is not None else None
    if not value:
        if exigido:
            raise _obrigatorio(campo)
        return None
    if len(value) > maximo:
        raise InvalidInput(f"O campo '{campo}' deve ter no máximo {maximo} caracteres", campo=campo)
    return value


def lista_ou(valores: Collection[str]) -> str:
    """`10, 20, 50 ou 100`: how the serviços API lists the values it accepts."""
    items = [str(v) for v in valores]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " ou " + items[-1]


def _enum(campo: str, value: str | None, allowed: tuple[str, ...]) -> str:
    if value is None or not value.strip():
        raise _obrigatorio(campo)
    if value not in allowed:
        raise InvalidInput(
            f"O campo '{campo}' deve ser um dos seguintes valores: {lista_ou(allowed)}", campo=campo
        )
    return value


def _dinheiro(campo: str, value: Decimal | None) -> Decimal:
    """Absent or null is zero (choice `servico-create-rules`); negative or beyond storage → 400."""
    if value is None:
        return ZERO
    if not value.is_finite() or abs(value) > MONEY_MAX:
        raise InvalidInput(f"O campo '{campo}' é inválido", campo=campo)
    if value < 0:
        raise InvalidInput(f"O campo '{campo}' não pode ser negativo", campo=campo)
    return quantize(value)


def validar(entrada: ServicoEntrada) -> ServicoValido:
    """A whole service, first failure only: `descricao`, `status`, `tipo_servico`, then the optional ones."""
    descricao = _texto("descricao", entrada.descricao, DESCRICAO_MAX, exigido=True)
    assert descricao is not None
    status = _enum("status", entrada.status, STATUS)
    tipo = _enum("tipo_servico", entrada.tipo_servico, TIPOS)
    codigo = _texto("codigo", entrada.codigo, CODIGO_MAX, exigido=False)
    preco = _dinheiro("preco", entrada.preco)
    custo = _dinheiro("custo", entrada.custo)
    return ServicoValido(descricao, status, tipo, codigo, preco, custo)


def mesclar(atual: ServicoEntrada, alteracoes: ServicoEntrada, enviados: Collection[str]) -> ServicoEntrada:
    """PATCH: the fields sent (only those PATCH knows) replace the stored ones; null clears `codigo` and
    zeroes `preco`/`custo`, and is refused for `descricao`/`tipo_servico`, which a service cannot lack."""
    mudancas = {name: getattr(alteracoes, name) for name in CAMPOS_PATCH if name in enviados}
    return replace(atual, **mudancas)


def chave_busca(descricao: str, codigo: str | None) -> str:
    """What `busca_textual` is matched against: description and code, case-, accent- and
    punctuation-free, joined by a `|` that no search key can contain (so a match never spans both)."""
    return f"{chave(descricao)}|{chave(codigo)}"


def termo_busca(busca_textual: str | None) -> str | None:
    """The key a `busca_textual` is matched with (contained in `chave_busca`); blank means no filter."""
    termo = chave(busca_textual)
    return termo or None


def ids_exclusao(valores: object, maximo: int, mensagem_int64: str) -> list[int]:
    """`{"ids": [...]}` of the batch DELETE: 1..`maximo` JSON integers that fit an int64 (the legacy
    `id_servico`s, not the uuids: anything else → 400 naming int64, as production). Repeats dropped."""
    if valores is None:
        raise _obrigatorio("ids")
    if not isinstance(valores, list):
        raise InvalidInput(mensagem_int64, campo="ids")
    if not valores:
        raise InvalidInput("O campo 'ids' deve conter ao menos 1 item", campo="ids")
    for value in valores:
        if isinstance(value, bool) or not isinstance(value, int) or not INT64_MIN <= value <= INT64_MAX:
            raise InvalidInput(mensagem_int64, campo="ids")
    ids = list(dict.fromkeys(valores))
    if len(ids) > maximo:
        raise InvalidInput(f"O campo 'ids' não pode conter mais de {maximo} itens", campo="ids")
    return ids


@dataclass(frozen=True)
class Paginacao:
    pagina_atual: int
    total_paginas: int
    tamanho_pagina: int
    total_itens: int


def paginacao(pagina: int, tamanho_pagina: int, total_itens: int) -> Paginacao:
    """`paginacao` of the list: the page asked for (even past the last), `total_paginas` 0 when empty."""
    return Paginacao(pagina, ceil(total_itens / tamanho_pagina), tamanho_pagina, total_itens)
