"""Serviços use cases (catalog §3.3). Each takes an open session and the tenant, flushes, never commits."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from anil.domain.clock import utc_to_sao_paulo
from anil.domain.servicos import (
    ServicoEntrada,
    ServicoRegistro,
    ServicoValido,
    mesclar,
    termo_busca,
    validar,
)
from anil.errors import NotFound
from anil.storage.repositories import servicos as repo
from anil.storage.repositories.base import Reader
from anil.storage.types import new_uuid

NAO_ENCONTRADO = "Serviço não encontrado"


def _registro(dados: ServicoValido, seq: int, servico_id: str, **fiscais: object) -> ServicoRegistro:
    """The record just written, without reading it back."""
    return ServicoRegistro(
        seq=seq,
        id=servico_id,
        descricao=dados.descricao,
        status=dados.status,
        tipo_servico=dados.tipo_servico,
        codigo=dados.codigo,
        preco=dados.preco,
        custo=dados.custo,
        **fiscais,  # type: ignore[arg-type]
    )


def preparar(entrada: ServicoEntrada) -> ServicoValido:
    """A new service's rules need no database: checked before the write transaction begins."""
    return validar(entrada)


def criar(
    session: Session, tenant_id: str, entrada: ServicoEntrada | ServicoValido, agora: datetime
) -> ServicoRegistro:
    dados = entrada if isinstance(entrada, ServicoValido) else validar(entrada)
    servico_id = new_uuid()
    seq = repo.inserir(session, tenant_id, servico_id, dados, agora)
    return _registro(dados, seq, servico_id)


def obter(reader: Reader, tenant_id: str, servico_id: str) -> ServicoRegistro:
    servico = repo.por_id(reader, tenant_id, servico_id)
    if servico is None:
        raise NotFound(NAO_ENCONTRADO)
    return servico


def listar(
    reader: Reader, tenant_id: str, busca_textual: str | None, offset: int, limit: int
) -> tuple[int, list[ServicoRegistro]]:
    return repo.listar(reader, tenant_id, termo_busca(busca_textual), offset, limit)


def atualizar(
    session: Session,
    tenant_id: str,
    servico_id: str,
    alteracoes: ServicoEntrada,
    enviados: Collection[str],
    agora: datetime,
) -> None:
    """PATCH: only what was sent changes; the result must still be a valid service. A deleted service
    can still be patched, as it can still be read (choice `servico-patch`)."""
    atual = obter(session, tenant_id, servico_id)
    dados = validar(mesclar(atual.entrada(), alteracoes, enviados))
    repo.atualizar(session, tenant_id, atual.seq, dados, agora)


def excluir(session: Session, tenant_id: str, ids_servico: Sequence[int], agora: datetime) -> int:
    """Logical delete by `id_servico`; unknown, foreign and already deleted ids are skipped."""
    return repo.excluir(session, tenant_id, ids_servico, agora)


# -------------------------------------------------------------------------------------- demo data ----

_MUNICIPIO_SP = {"codigo": 3550308, "nome": "São Paulo", "uf": "SP"}

# (descricao, codigo, status, tipo_servico, preco, custo, codigo_cnae, lei_116, ISS %, ISS retido)
_DEMO = (
    (
        "Consultoria em gestão financeira (hora)",
        "SRV-001",
        "ATIVO",
        "PRESTADO",
        "350.00",
        "120.00",
        "7020-4/00",
        "17.01",
        2,
        False,
    ),
    (
        "Instalação e configuração de equipamentos",
        "SRV-002",
        "ATIVO",
        "PRESTADO",
        "480.00",
        "150.00",
        "3321-0/00",
        "14.06",
        5,
        False,
    ),
    (
        "Manutenção preventiva mensal",
        "SRV-003",
        "ATIVO",
        "AMBOS",
        "890.00",
        "410.00",
        "3314-7/99",
        "14.01",
        5,
        True,
    ),
    (
        "Treinamento de equipe (turma)",
        "SRV-004",
        "INATIVO",
        "PRESTADO",
        "1200.00",
        "300.00",
        "8599-6/04",
        "8.02",
        2,
        False,
    ),
    (
        "Serviço de contabilidade terceirizada",
        "SRV-005",
        "ATIVO",
        "TOMADO",
        "0.00",
        "1500.00",
        None,
        "17.19",
        None,
        False,
    ),
)


def seed_demo_servicos(session: Session, empresa_id: str) -> None:
    """A few services for the demo company, through the same rules as the API; the ones with a CNAE also
    get what only the ERP writes (Lei 116 item, municipality, one ISS tax scenario)."""
    agora = datetime.now(UTC).replace(tzinfo=None)
    for descricao, codigo, status, tipo, preco, custo, cnae, lei, iss, retido in _DEMO:
        dados = validar(ServicoEntrada(descricao, status, tipo, codigo, Decimal(preco), Decimal(custo)))
        fiscais: dict[str, object] = {"lei_116": lei}
        if cnae is not None:
            fiscais |= {
                "codigo_cnae": cnae,
                "codigo_municipio_servico": str(_MUNICIPIO_SP["codigo"]),
                "lista_cenario_tributario": [
                    {
                        "id": new_uuid(),
                        "iss_aliquota": iss,
                        "iss_retido": retido,
                        "inss_aliquota": 0,
                        "municipio": dict(_MUNICIPIO_SP),
                        "nome_usuario": "Demo",
                        "ultima_atualizacao": utc_to_sao_paulo(agora).isoformat(timespec="seconds"),
                    }
                ],
            }
        repo.inserir(session, empresa_id, new_uuid(), dados, agora, **fiscais)
