"""`GET /v1/financeiro/eventos-financeiros/alteracoes` (§3.10): `{itens_totais, itens[{id}]}`."""

from __future__ import annotations

from anil.schemas.common import Wire


class EventoAlterado(Wire):
    id: str


class AlteracoesPage(Wire):
    itens_totais: int
    itens: list[EventoAlterado]


def alteracoes_page(total: int, ids: list[str]) -> AlteracoesPage:
    return AlteracoesPage(itens_totais=total, itens=[EventoAlterado(id=evento_id) for evento_id in ids])
