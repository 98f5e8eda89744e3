"""The `totais` block of Conta Azul's financial lists: how many rows are active, inactive, in all."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Totais:
    ativo: int
    inativo: int

    @property
    def todos(self) -> int:
        return self.ativo + self.inativo
