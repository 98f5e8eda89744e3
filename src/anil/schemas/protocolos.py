"""Wire shape of `GET /v1/protocolo/{id}` (catalog §3.13, Appendix A.4)."""

from __future__ import annotations

from anil.schemas.common import Wire


class Protocolo(Wire):
    id: str
    resposta: str | None
    status: str  # PENDING | SUCCESS | ERROR
    evento_financeiro_id: str | None
