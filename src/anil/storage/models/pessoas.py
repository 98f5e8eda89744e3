"""People (clientes, fornecedores, transportadoras) and their addresses.

`seq` is both the primary key and the `id_legado` the API shows. Addresses are rows (the list filters by
city, state and country); the other sub-objects are read and written whole, so they are JSON.

`nome_busca`, `busca`, `inscricoes_*` and `cidade_busca` are keys computed on write by
`anil.domain.pessoas` (case- and accent-free), so that matching and ordering are the same on SQLite and
PostgreSQL whatever their collations.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from anil.storage.base import Base
from anil.storage.types import JSONColumn, UUIDStr, new_uuid, utcnow


class Pessoa(Base):
    __tablename__ = "pessoas"
    __table_args__ = (
        Index("ix_pessoas_tenant_nome", "tenant_id", "nome_busca", "seq"),
        Index("ix_pessoas_tenant_documento", "tenant_id", "documento"),
        Index("ix_pessoas_tenant_alteracao", "tenant_id", "data_alteracao"),
        Index("ix_pessoas_tenant_uuid_legado", "tenant_id", "uuid_legado"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(UUIDStr, unique=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    uuid_legado: Mapped[str] = mapped_column(UUIDStr, default=new_uuid)
    nome: Mapped[str] = mapped_column(String(255))
    nome_busca: Mapped[str] = mapped_column(String(255))
    busca: Mapped[str] = mapped_column(Text)
    nome_fantasia: Mapped[str | None] = mapped_column(String(255))
    tipo_pessoa: Mapped[str] = mapped_column(String(16))  # FISICA | JURIDICA | ESTRANGEIRA
    documento: Mapped[str | None] = mapped_column(String(14))
    rg: Mapped[str | None] = mapped_column(String(32))
    codigo: Mapped[str | None] = mapped_column(String(64))
    data_nascimento: Mapped[date | None] = mapped_column(Date)
    email: Mapped[str | None] = mapped_column(String(1024))
    telefone_celular: Mapped[str | None] = mapped_column(String(32))
    telefone_comercial: Mapped[str | None] = mapped_column(String(32))
    ativo: Mapped[bool] = mapped_column(Boolean, default=True)
    optante_simples_nacional: Mapped[bool] = mapped_column(Boolean, default=False)
    orgao_publico: Mapped[bool] = mapped_column(Boolean, default=False)
    observacao: Mapped[str | None] = mapped_column(Text)
    perfil_cliente: Mapped[bool] = mapped_column(Boolean, default=False)
    perfil_fornecedor: Mapped[bool] = mapped_column(Boolean, default=False)
    perfil_transportadora: Mapped[bool] = mapped_column(Boolean, default=False)
    inscricoes: Mapped[list] = mapped_column(JSONColumn, default=list)
    inscricoes_estaduais: Mapped[str | None] = mapped_column(Text)  # "|ie1|ie2|"
    inscricoes_municipais: Mapped[str | None] = mapped_column(Text)
    outros_contatos: Mapped[list] = mapped_column(JSONColumn, default=list)
    contato_cobranca_faturamento: Mapped[dict | None] = mapped_column(JSONColumn)
    lembretes_vencimento: Mapped[list] = mapped_column(JSONColumn, default=list)
    origem: Mapped[str] = mapped_column(String(32), default="API")
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    data_alteracao: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    ativado_em: Mapped[datetime | None] = mapped_column(
        DateTime
    )  # last activation: older list's data_ativacao


class PessoaVersao(Base):
    """Per company, a number every write to its people bumps: the data version that each worker's list
    caches (totals, page checkpoints) are keyed by, so that a write in one process is seen by all."""

    __tablename__ = "pessoas_versoes"

    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"), primary_key=True)
    versao: Mapped[int] = mapped_column(Integer, default=0)


class PessoaEndereco(Base):
    __tablename__ = "pessoa_enderecos"
    __table_args__ = (
        Index("ix_pessoa_enderecos_pessoa", "pessoa_seq", "posicao"),
        Index("ix_pessoa_enderecos_tenant_cidade", "tenant_id", "cidade_busca"),
    )

    id: Mapped[str] = mapped_column(UUIDStr, primary_key=True, default=new_uuid)
    pessoa_seq: Mapped[int] = mapped_column(ForeignKey("pessoas.seq", ondelete="CASCADE"))
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    posicao: Mapped[int] = mapped_column(Integer, default=0)
    logradouro: Mapped[str | None] = mapped_column(String(255))
    numero: Mapped[str | None] = mapped_column(String(32))
    complemento: Mapped[str | None] = mapped_column(String(255))
    bairro: Mapped[str | None] = mapped_column(String(255))
    cidade: Mapped[str | None] = mapped_column(String(255))
    cidade_busca: Mapped[str | None] = mapped_column(String(255))
    estado: Mapped[str | None] = mapped_column(String(2))
    cep: Mapped[str | None] = mapped_column(String(9))
    pais: Mapped[str | None] = mapped_column(String(64))
    id_cidade: Mapped[int | None] = mapped_column(Integer)
