"""Protocols (§3.13): reading one, and the sandbox's control of how long they stay PENDING."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from anil.domain.eventos import ModoPendencia, modo_pendencia
from anil.errors import NotFound
from anil.storage.repositories import jobs as repo
from anil.storage.repositories.base import Reader
from anil.storage.repositories.jobs import PendenteRegistro, ProtocoloRegistro

NAO_ENCONTRADO = "Protocolo não encontrado"


def obter(reader: Reader, tenant_id: str, protocolo_id: str) -> ProtocoloRegistro:
    registro = repo.protocolo(reader, tenant_id, protocolo_id)
    if registro is None:
        raise NotFound(NAO_ENCONTRADO)
    return registro


def modo(reader: Reader, tenant_id: str, padrao: str) -> ModoPendencia:
    """The company's PENDING mode: its own when set through `/_anil/`, else the server's setting."""
    return modo_pendencia(padrao)


def pendentes(reader: Reader, tenant_id: str) -> list[PendenteRegistro]:
    return repo.pendentes(reader, tenant_id)


def liberar(session: Session, tenant_id: str, agora: datetime, protocolo_id: str | None = None) -> int:
    return repo.liberar(session, tenant_id, agora, protocolo_id)
