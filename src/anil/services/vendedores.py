"""Vendedores: listed by the API (catalog §3.4), created only by anil's `/_anil/` and CLI (Conta Azul's API
cannot create them), referenced by sales. Each takes an open session, flushes, never commits."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from anil.domain.texto import chave
from anil.errors import InvalidInput, NotFound
from anil.storage.repositories import vendedores as repo
from anil.storage.repositories.base import Reader
from anil.storage.repositories.vendedores import VendedorRegistro
from anil.storage.types import new_uuid

NAO_ENCONTRADO = "Vendedor não encontrado"
NOME_MAX = 255
# The demo company's sellers (`provisioning._PASSOS_DEMO`).
DEMO = ("Ana Beatriz Lima", "Carlos Eduardo Souza", "Fernanda Rocha")


def _agora() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _empresa(reader: Reader, empresa_id: str) -> None:
    if not repo.empresa_existe(reader, empresa_id):
        raise NotFound(f"Empresa {empresa_id} não encontrada")


def criar(session: Session, empresa_id: str, nome: str | None) -> VendedorRegistro:
    """A seller of `empresa_id` (which must exist): `nome` required, at most 255 characters."""
    nome = (nome or "").strip()
    if not nome:
        raise InvalidInput("O campo 'nome' é obrigatório")
    if len(nome) > NOME_MAX:
        raise InvalidInput(f"O campo 'nome' deve ter no máximo {NOME_MAX} caracteres")
    _empresa(session, empresa_id)
    vendedor_id = new_uuid()
    seq = repo.inserir(session, empresa_id, vendedor_id, nome, chave(nome), _agora())
    return VendedorRegistro(vendedor_id, nome, seq)


def listar(reader: Reader, empresa_id: str) -> list[VendedorRegistro]:
    return repo.listar(reader, empresa_id)


def listar_da_empresa(reader: Reader, empresa_id: str) -> list[VendedorRegistro]:
    """`listar` for the control paths, where the company comes from the caller and may not exist."""
    _empresa(reader, empresa_id)
    return repo.listar(reader, empresa_id)


def obter(reader: Reader, empresa_id: str, vendedor_id: str) -> VendedorRegistro:
    """One seller of the company, by uuid (for the groups that reference sellers, e.g. sales)."""
    vendedor = repo.por_id(reader, empresa_id, vendedor_id)
    if vendedor is None:
        raise NotFound(NAO_ENCONTRADO)
    return vendedor


def vendedor_json(vendedor: VendedorRegistro, empresa_id: str) -> dict:
    """What `/_anil/` and the CLI answer for a seller."""
    return {
        "id": vendedor.id,
        "nome": vendedor.nome,
        "id_legado": vendedor.id_legado,
        "id_empresa": empresa_id,
    }


def seed_demo_vendedores(session: Session, empresa_id: str) -> None:
    for nome in DEMO:
        criar(session, empresa_id, nome)
