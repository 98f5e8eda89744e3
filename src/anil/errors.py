"""The error tree, free of HTTP. `anil.api.errors` maps each class to a status code and a group's body.

AnilError
├── InvalidInput        bad request data (one field at a time, Portuguese message)
├── Unauthorized        missing, invalid or expired credentials
├── Forbidden
├── NotFound
├── Conflict            stale `versao`, duplicates
├── RuleViolation       the ERP's business rules refuse the change
├── RateLimited         carries `retry_after` seconds
└── UpstreamQuirk       a production bug reproduced on purpose (ANIL_QUIRKS=on), answered as 500
"""

from __future__ import annotations


class AnilError(Exception):
    code = "erro"

    def __init__(self, message: str, **data: object) -> None:
        super().__init__(message)
        self.message = message
        self.data = data


class InvalidInput(AnilError):
    code = "entrada_invalida"


class Unauthorized(AnilError):
    code = "nao_autorizado"


class Forbidden(AnilError):
    code = "proibido"


class NotFound(AnilError):
    code = "nao_encontrado"


class Conflict(AnilError):
    code = "conflito"


class RuleViolation(AnilError):
    code = "regra_de_negocio"


class RateLimited(AnilError):
    code = "limite_de_requisicoes"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message, retry_after=retry_after)
        self.retry_after = retry_after


class UpstreamQuirk(AnilError):
    code = "erro_interno"
