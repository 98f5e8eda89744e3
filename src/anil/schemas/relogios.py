"""The JSON of a company's clock, as `/_anil/companies/{id_empresa}/relogio` and `anil clock --json` show it."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from pydantic import BaseModel, ConfigDict

from anil.domain.relogios import EstadoRelogio


class RelogioIn(BaseModel):
    """Body of a freeze (`instante` or `data`) or an advance (`dias`, `horas`, `minutos`, `segundos`,
    `duracao`). Types are checked by the domain rules, which word the errors."""

    model_config = ConfigDict(extra="ignore")

    instante: Any = None
    data: Any = None
    dias: Any = None
    horas: Any = None
    minutos: Any = None
    segundos: Any = None
    duracao: Any = None


def relogio_json(empresa_id: str, estado: EstadoRelogio) -> dict:
    """`agora` in São Paulo local time without offset (as the API writes date-times), `agora_utc` with `Z`."""
    return {
        "id_empresa": empresa_id,
        "agora": estado.agora_local.isoformat(),
        "agora_utc": estado.agora.astimezone(UTC).replace(tzinfo=None).isoformat() + "Z",
        "hoje": estado.hoje.isoformat(),
        "congelado": estado.congelado,
        "deslocamento_segundos": int(estado.deslocamento.total_seconds()),
        "relogio_do_sistema": not estado.ajustado,
    }
