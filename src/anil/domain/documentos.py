"""CPF and CNPJ (numeric and alphanumeric), validated with validate-docbr."""

from __future__ import annotations

import re

from validate_docbr import CNPJ, CPF

_cpf = CPF()
_cnpj = CNPJ()
_MASK = re.compile(r"[.\-/\s]")


def normalizar(documento: str) -> str:
    """Strip the printed mask (`000.000.000-00`, `00.000.000/0000-00`) and upper-case letters."""
    return _MASK.sub("", documento).upper()


def cpf_valido(documento: str) -> bool:
    digits = normalizar(documento)
    return len(digits) == 11 and digits.isdigit() and _cpf.validate(digits)


def cnpj_valido(documento: str) -> bool:
    """Numeric or alphanumeric CNPJ (IN RFB 2.229/2024): 12 of [0-9A-Z] then 2 check digits."""
    value = normalizar(documento)
    return bool(re.fullmatch(r"[0-9A-Z]{12}[0-9]{2}", value)) and _cnpj.validate(value)


def gerar_cpf() -> str:
    return _cpf.generate()


def gerar_cnpj() -> str:
    return _cnpj.generate()
