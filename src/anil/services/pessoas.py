"""Cadastro de Pessoas use cases, shared by `/v1/pessoas` and the older `/v1/pessoa*` generation.

Each takes an open session and the tenant, flushes, never commits. Input arrives as neutral
`PessoaEntrada` plus the `Vocabulario` of the generation it came through, so rules and error messages are
written once in `anil.domain.pessoas`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from faker import Faker
from sqlalchemy.orm import Session

from anil.domain import documentos, enderecos
from anil.domain.clock import Clock, local_today
from anil.domain.pessoas import (
    ATUAL,
    CLIENTE,
    FISICA,
    FORNECEDOR,
    JURIDICA,
    PERFIL_ROTULO,
    TIPO_ROTULO,
    TRANSPORTADORA,
    ContatoCobrancaEntrada,
    EnderecoEntrada,
    FiltroPessoas,
    InscricaoEntrada,
    LembreteEntrada,
    OutroContatoEntrada,
    ParcelaAberta,
    PessoaDetalhe,
    PessoaEntrada,
    PessoaRegistro,
    PessoaValida,
    ResumoFinanceiro,
    Vocabulario,
    mesclar,
    validar,
)
from anil.errors import NotFound
from anil.storage.repositories import pessoas as repo
from anil.storage.repositories import relogios, resumos
from anil.storage.repositories.base import Reader
from anil.storage.types import new_uuid

NAO_ENCONTRADA = "Pessoa não encontrada"


@dataclass(frozen=True, slots=True)
class Lote:
    """A batch answer: every id asked for (`todos`, duplicates dropped) and those the action reached."""

    todos: list[str]
    afetados: list[str]

    @property
    def nao_afetados(self) -> list[str]:
        reached = set(self.afetados)
        return [pessoa_id for pessoa_id in self.todos if pessoa_id not in reached]


# ------------------------------------------------------------------------------- financial summary ----


def parcelas_abertas(reader: Reader, tenant_id: str, pessoa: PessoaRegistro) -> Sequence[ParcelaAberta]:
    """Open installments of the tenant's financial events whose `contato` is this person: in the normal
    flow (`situacao` NORMAL), no loss registered, something still unpaid (`nao_pago`), both kinds.

    `anil.domain.pessoas.resumo_financeiro` over these is the summary's rule; `resumo` computes the same
    summary in one SQL aggregate (a test holds the two together).
    """
    return resumos.parcelas_abertas(reader, tenant_id, pessoa.id)


def resumo(reader: Reader, tenant_id: str, pessoa: PessoaRegistro, base: Clock) -> ResumoFinanceiro:
    """The person's financial summary on the company's today (its clock, `services.relogios`).

    One statement on the GET fast path (`reader` a `RawReader`): the aggregate for the base clock's today
    also brings the company's clock setting; only when something is open and that setting names another
    day does the aggregate run again for it.
    """
    hoje = local_today(base)
    calculado, abertas, congelado, deslocamento = resumos.resumo(reader, tenant_id, pessoa.id, hoje)
    if not abertas or (congelado is None and not deslocamento):
        return calculado  # nothing open is nothing open on any day
    do_relogio = local_today(relogios.de_ajuste(base, congelado, deslocamento))
    if do_relogio == hoje:
        return calculado
    return resumos.resumo(reader, tenant_id, pessoa.id, do_relogio)[0]


def _detalhe(reader: Reader, tenant_id: str, pessoa: PessoaRegistro, base: Clock) -> PessoaDetalhe:
    return PessoaDetalhe(pessoa, resumo(reader, tenant_id, pessoa, base))


# ----------------------------------------------------------------------------------------- reads ----


def obter(reader: Reader, tenant_id: str, pessoa_id: str, relogio: Clock) -> PessoaDetalhe:
    """The person and its financial summary; `relogio` is the base clock (the company's applies on top)."""
    pessoa = repo.por_id(reader, tenant_id, pessoa_id)
    if pessoa is None:
        raise NotFound(NAO_ENCONTRADA)
    return _detalhe(reader, tenant_id, pessoa, relogio)


def obter_por_legado(reader: Reader, tenant_id: str, uuid_legado: str, relogio: Clock) -> PessoaDetalhe:
    pessoa = repo.por_uuid_legado(reader, tenant_id, uuid_legado)
    if pessoa is None:
        raise NotFound(NAO_ENCONTRADA)
    return _detalhe(reader, tenant_id, pessoa, relogio)


def listar(
    reader: Reader, tenant_id: str, filtro: FiltroPessoas, offset: int, limit: int
) -> tuple[int, list[PessoaRegistro]]:
    return repo.listar(reader, tenant_id, filtro, offset, limit)


def conta_conectada(reader: Reader, tenant_id: str) -> Sequence[Any]:
    empresa = repo.empresa(reader, tenant_id)
    if empresa is None:  # the token outlived its company
        raise NotFound("Empresa não encontrada")
    return empresa


# ---------------------------------------------------------------------------------------- writes ----


def _registro(
    dados: PessoaValida, seq: int, pessoa_id: str, uuid_legado: str, agora: datetime
) -> PessoaRegistro:
    """The record just written, without reading it back."""
    return PessoaRegistro(
        seq=seq,
        id=pessoa_id,
        uuid_legado=uuid_legado,
        nome=dados.nome,
        tipo_pessoa=dados.tipo_pessoa,
        ativo=dados.ativo,
        perfis=tuple(p for p in (CLIENTE, FORNECEDOR, TRANSPORTADORA) if p in dados.perfis),
        criado_em=agora,
        data_alteracao=agora,
        nome_fantasia=dados.nome_fantasia,
        documento=dados.documento,
        rg=dados.rg,
        codigo=dados.codigo,
        data_nascimento=dados.data_nascimento,
        email=dados.email,
        telefone_celular=dados.telefone_celular,
        telefone_comercial=dados.telefone_comercial,
        observacao=dados.observacao,
        optante_simples_nacional=dados.optante_simples_nacional,
        orgao_publico=dados.orgao_publico,
        inscricoes=dados.inscricoes,
        outros_contatos=dados.outros_contatos,
        contato_cobranca_faturamento=dados.contato_cobranca_faturamento,
        lembretes_vencimento=dados.lembretes_vencimento or [],
        enderecos=list(dados.enderecos),
    )


def preparar(entrada: PessoaEntrada, vocab: Vocabulario = ATUAL) -> PessoaValida:
    """A new person's rules need no database: check them before the write transaction begins, so that
    the transaction (and SQLite's single write lock) is held for the INSERTs only."""
    return validar(entrada, vocab)


def criar(
    session: Session,
    tenant_id: str,
    entrada: PessoaEntrada | PessoaValida,
    agora: datetime,
    vocab: Vocabulario = ATUAL,
) -> PessoaRegistro:
    dados = entrada if isinstance(entrada, PessoaValida) else validar(entrada, vocab)
    pessoa_id, uuid_legado = new_uuid(), new_uuid()
    seq = repo.inserir(session, tenant_id, pessoa_id, uuid_legado, dados, agora)
    return _registro(dados, seq, pessoa_id, uuid_legado, agora)


def substituir(
    session: Session,
    tenant_id: str,
    pessoa_id: str,
    entrada: PessoaEntrada,
    agora: datetime,
    relogio: Clock,
    vocab: Vocabulario = ATUAL,
) -> PessoaDetalhe:
    """PUT: validated as a whole (the ERP form's required fields), then every field replaced."""
    atual = repo.por_id(session, tenant_id, pessoa_id)
    if atual is None:
        raise NotFound(NAO_ENCONTRADA)
    if entrada.ativo is None:
        entrada.ativo = atual.ativo  # choice `pessoa-put-ativo`
    dados = validar(entrada, vocab, completo=True, ids_existentes=atual.ids())
    repo.substituir(session, tenant_id, atual, dados, agora)
    pessoa = _registro(dados, atual.seq, atual.id, atual.uuid_legado, atual.criado_em)
    pessoa.data_alteracao = agora
    pessoa.origem = atual.origem
    pessoa.lembretes_vencimento = atual.lembretes_vencimento
    return _detalhe(session, tenant_id, pessoa, relogio)


def atualizar(
    session: Session,
    tenant_id: str,
    pessoa_id: str,
    alteracoes: PessoaEntrada,
    enviados: Collection[str],
    agora: datetime,
) -> None:
    """PATCH: only what was sent changes; the result must still be a valid person."""
    atual = repo.por_id(session, tenant_id, pessoa_id)
    if atual is None:
        raise NotFound(NAO_ENCONTRADA)
    dados = validar(mesclar(atual.entrada(), alteracoes, enviados), ATUAL, ids_existentes=atual.ids())
    repo.substituir(session, tenant_id, atual, dados, agora)


def _definir_ativo(
    session: Session, tenant_id: str, ids: Sequence[str], ativo: bool, agora: datetime
) -> Lote:
    todos = list(dict.fromkeys(ids))
    existentes = repo.situacoes(session, tenant_id, todos)
    repo.definir_ativo(session, tenant_id, [i for i, a in existentes.items() if a != ativo], ativo, agora)
    return Lote(todos, [i for i in todos if i in existentes])


def ativar(session: Session, tenant_id: str, ids: Sequence[str], agora: datetime) -> Lote:
    return _definir_ativo(session, tenant_id, ids, True, agora)


def inativar(session: Session, tenant_id: str, ids: Sequence[str], agora: datetime) -> Lote:
    return _definir_ativo(session, tenant_id, ids, False, agora)


def excluir(session: Session, tenant_id: str, ids: Sequence[str]) -> Lote:
    todos = list(dict.fromkeys(ids))
    excluidos = repo.excluir(session, tenant_id, todos)
    return Lote(todos, [i for i in todos if i in excluidos])


# -------------------------------------------------------------------------------------- demo data ----

_CARGOS = ("Financeiro", "Compras", "Gerente comercial", "Sócio", "Contas a pagar", "Logística")
_OBSERVACOES = (
    "Prefere receber boleto por e-mail.",
    "Entregas somente no período da manhã.",
    "Cliente desde a inauguração da loja.",
    "Solicitar pedido de compra antes de faturar.",
    "Pagamento habitual via Pix.",
    "Enviar nota fiscal junto com a mercadoria.",
)


def seed_demo_people(session: Session, empresa_id: str, fake: Faker, count: int) -> list[PessoaRegistro]:
    """Realistic people for a demo company, created through `criar` so every rule applies: valid
    CPF/CNPJ, a real municipality with a CEP inside its UF's range and a phone with its DDD."""
    rng = fake.random
    agora = datetime.now(UTC).replace(tzinfo=None)
    criadas = []
    for index in range(count):
        municipio = rng.choice(enderecos.municipios())
        fisica = index % 5 in (0, 2, 4)
        ddd = municipio.ddd
        celular = f"({ddd}) 9{rng.randint(6000, 9999)}-{rng.randint(0, 9999):04d}"
        fixo = f"({ddd}) {rng.randint(2000, 5999)}-{rng.randint(0, 9999):04d}"
        endereco = EnderecoEntrada(
            logradouro=fake.street_name(),
            numero=str(rng.randint(1, 3999)),
            complemento=rng.choice([None, f"Apto {rng.randint(11, 184)}", f"Sala {rng.randint(1, 40)}"]),
            bairro=fake.bairro(),
            cidade=municipio.nome,
            estado=municipio.uf,
            cep=enderecos.gerar_cep(municipio.uf, rng),
            pais=enderecos.PAIS_BRASIL,
        )
        if fisica:
            nome = fake.name()
            email = fake.free_email()
            entrada = PessoaEntrada(
                nome=nome,
                tipo_pessoa=TIPO_ROTULO[FISICA],
                perfis=[PERFIL_ROTULO[CLIENTE]],
                cpf=_documento_valido(documentos.gerar_cpf, documentos.cpf_valido),
                rg=str(rng.randint(10_000_000, 99_999_999)),
                data_nascimento=fake.date_of_birth(minimum_age=18, maximum_age=85).isoformat(),
                email=email,
                telefone_celular=celular,
                inscricoes=[InscricaoEntrada(indicador_inscricao_estadual="NAO CONTRIBUINTE")],
            )
        else:
            razao = fake.company()
            dominio = fake.domain_name()
            perfis = rng.choice(
                [[CLIENTE], [FORNECEDOR], [CLIENTE, FORNECEDOR], [FORNECEDOR, TRANSPORTADORA]]
            )
            email = f"contato@{dominio}"
            entrada = PessoaEntrada(
                nome=razao,
                tipo_pessoa=TIPO_ROTULO[JURIDICA],
                perfis=[PERFIL_ROTULO[p] for p in perfis],
                cnpj=_documento_valido(documentos.gerar_cnpj, documentos.cnpj_valido),
                nome_fantasia=razao.split(" ")[0],
                codigo=f"{index + 1:04d}",
                email=email,
                telefone_comercial=fixo,
                optante_simples_nacional=rng.random() < 0.5,
                inscricoes=[
                    InscricaoEntrada(
                        indicador_inscricao_estadual="CONTRIBUINTE",
                        inscricao_estadual=str(rng.randint(10**8, 10**12)),
                    )
                ],
                outros_contatos=[
                    OutroContatoEntrada(
                        nome=fake.name(),
                        cargo=rng.choice(_CARGOS),
                        email=f"{fake.user_name()}@{dominio}",
                        telefone_celular=celular,
                    )
                ],
                contato_cobranca_faturamento=ContatoCobrancaEntrada(
                    emails=[f"financeiro@{dominio}"], whatsapp=celular
                ),
            )
        entrada.observacao = rng.choice(_OBSERVACOES)
        entrada.enderecos = [endereco]
        if rng.random() < 0.5:
            entrada.lembretes_vencimento = [LembreteEntrada(email=email)]
        criadas.append(criar(session, empresa_id, entrada, agora))
    return criadas


def _documento_valido(gerar, valido) -> str:  # type: ignore[no-untyped-def]
    while True:  # validate-docbr may, in theory, draw a repeated-digit number, which it then rejects
        value = gerar()
        if valido(value):
            return value
