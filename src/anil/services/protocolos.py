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
    proprio = repo.modo(reader, tenant_id)
    if proprio is None:
        return modo_pendencia(padrao)
    return ModoPendencia(*proprio)


def modo_da_empresa(reader: Reader, tenant_id: str) -> ModoPendencia | None:
    proprio = repo.modo(reader, tenant_id)
    return ModoPendencia(*proprio) if proprio is not None else None


def definir_modo(session: Session, tenant_id: str, modo: ModoPendencia | None, agora: datetime) -> None:
    _empresa(session, tenant_id)
    if modo is None:
        repo.definir_modo(session, tenant_id, None, 0, agora)
    else:
        repo.definir_modo(session, tenant_id, modo.modo, modo.segundos, agora)


def _empresa(reader: Reader, tenant_id: str) -> None:
    from anil.storage.models import Empresa

    if reader.get(Empresa, tenant_id) is None:
        raise NotFound(f"Empresa {tenant_id} não encontrada")


def pendentes(reader: Reader, tenant_id: str) -> list[PendenteRegistro]:
    _empresa(reader, tenant_id)
    return repo.pendentes(reader, tenant_id)


def liberar(session: Session, tenant_id: str, agora: datetime, protocolo_id: str | None = None) -> int:
    return repo.liberar(session, tenant_id, agora, protocolo_id)
