"""`/v1/pessoas` wire models (catalog §3.1), field names exactly as the API, and their mapping to and
from the neutral records of `anil.domain.pessoas`.

Request fields are all optional at the type level: which ones are required, and in which order the
API reports them, is a domain rule (`validar`), one field at a time.
"""

from __future__ import annotations

from datetime import date

from anil.domain.pessoas import (
    PERFIL_ROTULO,
    TIPO_ROTULO,
    ContatoCobrancaEntrada,
    Endereco,
    EnderecoEntrada,
    InscricaoEntrada,
    OutroContatoEntrada,
    PessoaDetalhe,
    PessoaEntrada,
    PessoaRegistro,
    perfil_id,
)
from anil.schemas.common import In, Money, Wire, carimbo

# ------------------------------------------------------------------------------------------ input ----


class PerfilIn(In):
    tipo_perfil: str | None = None


class EnderecoIn(In):
    id: str | None = None
    logradouro: str | None = None
    numero: str | None = None
    complemento: str | None = None
    bairro: str | None = None
    cidade: str | None = None
    estado: str | None = None
    cep: str | None = None
    pais: str | None = None

    def entrada(self) -> EnderecoEntrada:
        return EnderecoEntrada(
            id=self.id,
            logradouro=self.logradouro,
            numero=self.numero,
            complemento=self.complemento,
            bairro=self.bairro,
            cidade=self.cidade,
            estado=self.estado,
            cep=self.cep,
            pais=self.pais,
        )


class InscricaoIn(In):
    id: str | None = None
    indicador_inscricao_estadual: str | None = None
    inscricao_estadual: str | None = None
    inscricao_municipal: str | None = None
    inscricao_suframa: str | None = None

    def entrada(self) -> InscricaoEntrada:
        return InscricaoEntrada(**self.model_dump())


class OutroContatoIn(In):
    id: str | None = None
    nome: str | None = None
    cargo: str | None = None
    email: str | None = None
    telefone_celular: str | None = None
    telefone_comercial: str | None = None

    def entrada(self) -> OutroContatoEntrada:
        return OutroContatoEntrada(**self.model_dump())


class ContatoCobrancaIn(In):
    emails: list[str] | None = None
    whatsapp: str | None = None

    def entrada(self) -> ContatoCobrancaEntrada:
        return ContatoCobrancaEntrada(emails=self.emails, whatsapp=self.whatsapp)


def _perfis(perfis: list[PerfilIn | None] | None) -> list[str | None] | None:
    return None if perfis is None else [p.tipo_perfil if p is not None else None for p in perfis]


class PessoaIn(In):
    """Body of `POST /v1/pessoas` and `PUT /v1/pessoas/{id}` (SDK `PessoaRequest`)."""

    nome: str | None = None
    tipo_pessoa: str | None = None
    perfis: list[PerfilIn | None] | None = None
    cpf: str | None = None
    cnpj: str | None = None
    nome_fantasia: str | None = None
    rg: str | None = None
    codigo: str | None = None
    data_nascimento: str | None = None
    email: str | None = None
    telefone_celular: str | None = None
    telefone_comercial: str | None = None
    observacao: str | None = None
    ativo: bool | None = None
    optante_simples: bool | None = None
    agencia_publica: bool | None = None
    contato_cobranca_faturamento: ContatoCobrancaIn | None = None
    enderecos: list[EnderecoIn] | None = None
    inscricoes: list[InscricaoIn] | None = None
    outros_contatos: list[OutroContatoIn] | None = None

    def entrada(self) -> PessoaEntrada:
        return PessoaEntrada(
            nome=self.nome,
            tipo_pessoa=self.tipo_pessoa,
            perfis=_perfis(self.perfis),
            cpf=self.cpf,
            cnpj=self.cnpj,
            nome_fantasia=self.nome_fantasia,
            rg=self.rg,
            codigo=self.codigo,
            data_nascimento=self.data_nascimento,
            email=self.email,
            telefone_celular=self.telefone_celular,
            telefone_comercial=self.telefone_comercial,
            observacao=self.observacao,
            ativo=self.ativo,
            optante_simples_nacional=self.optante_simples,
            orgao_publico=self.agencia_publica,
            contato_cobranca_faturamento=(
                self.contato_cobranca_faturamento.entrada() if self.contato_cobranca_faturamento else None
            ),
            enderecos=None if self.enderecos is None else [e.entrada() for e in self.enderecos],
            inscricoes=None if self.inscricoes is None else [i.entrada() for i in self.inscricoes],
            outros_contatos=None
            if self.outros_contatos is None
            else [c.entrada() for c in self.outros_contatos],
        )


class PessoaPatchIn(PessoaIn):
    """Body of `PATCH /v1/pessoas/{id}` (SDK `AtualizacaoParcialPessoa`): its own names
    `nome_empresa` and `optante_simples_nacional`, plus the POST names as aliases (choice
    `pessoa-patch-names`); the SDK's name wins when both are sent."""

    nome_empresa: str | None = None
    optante_simples_nacional: bool | None = None

    def alteracoes(self) -> tuple[PessoaEntrada, set[str]]:
        entrada = self.entrada()
        sent = self.model_fields_set
        enviados = {name for name in sent if name in PessoaEntrada.__dataclass_fields__}
        if "nome_empresa" in sent:
            entrada.nome_fantasia = self.nome_empresa
            enviados.add("nome_fantasia")
        if "optante_simples_nacional" in sent or "optante_simples" in sent:
            value = (
                self.optante_simples_nacional if "optante_simples_nacional" in sent else self.optante_simples
            )
            entrada.optante_simples_nacional = value
            enviados.add("optante_simples_nacional")
        if "agencia_publica" in sent:
            enviados.add("orgao_publico")
        # a null flag means "not sent": flags are never empty
        for flag in ("ativo", "optante_simples_nacional", "orgao_publico"):
            if getattr(entrada, flag) is None:
                enviados.discard(flag)
        return entrada, enviados


class UuidsIn(In):
    """`{"uuids": [...]}` of ativar / inativar / excluir (and the older generation's batches)."""

    uuids: list[str] | None = None


# ----------------------------------------------------------------------------------------- output ----


class EnderecoOut(Wire):
    id: str
    id_cidade: int | None
    logradouro: str | None
    numero: str | None
    complemento: str | None
    bairro: str | None
    cidade: str | None
    estado: str | None
    cep: str | None
    pais: str | None


class InscricaoOut(Wire):
    id: str | None
    indicador_inscricao_estadual: str | None
    inscricao_estadual: str | None
    inscricao_municipal: str | None
    inscricao_suframa: str | None


class OutroContatoOut(Wire):
    id: str | None
    nome: str | None
    cargo: str | None
    email: str | None
    telefone_celular: str | None
    telefone_comercial: str | None


class ContatoCobrancaOut(Wire):
    emails: list[str]
    whatsapp: str | None


class LembreteOut(Wire):
    id: str | None
    ativo: bool
    email: str | None


class PerfilOut(Wire):
    id: str
    tipo_perfil: str


class PessoaLegadoOut(Wire):
    id: int
    perfil: str
    uuid: str


class MensagemPagamentosAbertosOut(Wire):
    numero: int
    total: Money


class Pessoa(Wire):
    """`GET /v1/pessoas/{id}`, `GET /v1/pessoas/legado/{id}` and the answer of `PUT` (SDK `Pessoa`)."""

    id: str
    nome: str
    nome_empresa: str | None
    tipo_pessoa: str
    codigo: str | None
    documento: str | None
    rg: str | None
    data_nascimento: str | None
    email: str | None
    telefone_celular: str | None
    telefone_comercial: str | None
    ativo: bool
    optante_simples_nacional: bool
    orgao_publico: bool
    observacao: str | None
    criado_em: str
    data_alteracao: str
    atrasos_pagamentos: Money
    atrasos_recebimentos: Money
    pagamentos_mes_atual: Money
    recebimentos_mes_atual: Money
    contato_cobranca_faturamento: ContatoCobrancaOut | None
    mensagem_pagamentos_abertos: MensagemPagamentosAbertosOut
    enderecos: list[EnderecoOut]
    inscricoes: list[InscricaoOut]
    lembretes_vencimento: list[LembreteOut]
    outros_contatos: list[OutroContatoOut]
    perfis: list[PerfilOut]
    pessoas_legado: list[PessoaLegadoOut]


class PessoaItem(Wire):
    """One of `items` of `GET /v1/pessoas` (SDK `ItemPessoaResumo`)."""

    id: str
    id_legado: int
    uuid_legado: str
    nome: str
    tipo_pessoa: str
    documento: str | None
    email: str | None
    telefone: str | None
    ativo: bool
    observacoes_gerais: str | None
    perfis: list[str]
    endereco: EnderecoOut | None
    data_criacao: str
    data_alteracao: str


class PessoasPage(Wire):
    totalItems: int
    items: list[PessoaItem] | None


class PessoaCriada(Wire):
    """Answer of `POST /v1/pessoas` (SDK `ResumoPessoa`): identity plus the echo of the written fields."""

    id: str
    tipo_pessoa: str
    nome: str
    ativo: bool
    origem: str
    perfis: list[PerfilOut]
    estrangeiro: bool
    nome_fantasia: str | None
    cpf: str | None
    cnpj: str | None
    rg: str | None
    codigo: str | None
    data_nascimento: str | None
    email: str | None
    telefone_celular: str | None
    telefone_comercial: str | None
    observacao: str | None
    optante_simples: bool
    agencia_publica: bool
    contato_cobranca_faturamento: ContatoCobrancaOut | None
    enderecos: list[EnderecoOut]
    inscricoes: list[InscricaoOut]
    outros_contatos: list[OutroContatoOut]


class ResultadoAtivacao(Wire):
    """`{todos, ativos, inativos}`: the bucket that does not apply is null (catalog §3.1)."""

    todos: list[str]
    ativos: list[str] | None
    inativos: list[str] | None


class ContaConectada(Wire):
    id_empresa: str
    documento: str
    razao_social: str
    nome_fantasia: str | None
    data_fundacao: str | None
    email: str | None


# ---------------------------------------------------------------------------------------- builders ----


def endereco_out(e: Endereco) -> EnderecoOut:
    return EnderecoOut(
        id=e.id,
        id_cidade=e.id_cidade,
        logradouro=e.logradouro,
        numero=e.numero,
        complemento=e.complemento,
        bairro=e.bairro,
        cidade=e.cidade,
        estado=e.estado,
        cep=e.cep,
        pais=e.pais,
    )


def perfis_out(p: PessoaRegistro) -> list[PerfilOut]:
    return [PerfilOut(id=perfil_id(p.id, perfil), tipo_perfil=PERFIL_ROTULO[perfil]) for perfil in p.perfis]


def pessoas_legado_out(p: PessoaRegistro) -> list[PessoaLegadoOut]:
    """One legacy record per profile, as the ERP kept them (choice `pessoas-legado`)."""
    return [PessoaLegadoOut(id=p.seq, perfil=perfil, uuid=p.uuid_legado) for perfil in p.perfis]


def _cobranca(p: PessoaRegistro) -> ContatoCobrancaOut | None:
    c = p.contato_cobranca_faturamento
    return ContatoCobrancaOut(emails=c.get("emails") or [], whatsapp=c.get("whatsapp")) if c else None


def pessoa(detalhe: PessoaDetalhe) -> Pessoa:
    p, resumo = detalhe.pessoa, detalhe.resumo
    return Pessoa(
        id=p.id,
        nome=p.nome,
        nome_empresa=p.nome_fantasia,
        tipo_pessoa=TIPO_ROTULO[p.tipo_pessoa],
        codigo=p.codigo,
        documento=p.documento,
        rg=p.rg,
        data_nascimento=p.data_nascimento.isoformat() if p.data_nascimento else None,
        email=p.email,
        telefone_celular=p.telefone_celular,
        telefone_comercial=p.telefone_comercial,
        ativo=p.ativo,
        optante_simples_nacional=p.optante_simples_nacional,
        orgao_publico=p.orgao_publico,
        observacao=p.observacao,
        criado_em=carimbo(p.criado_em),
        data_alteracao=carimbo(p.data_alteracao),
        atrasos_pagamentos=resumo.atrasos_pagamentos,
        atrasos_recebimentos=resumo.atrasos_recebimentos,
        pagamentos_mes_atual=resumo.pagamentos_mes_atual,
        recebimentos_mes_atual=resumo.recebimentos_mes_atual,
        contato_cobranca_faturamento=_cobranca(p),
        mensagem_pagamentos_abertos=MensagemPagamentosAbertosOut(
            numero=resumo.abertos_numero, total=resumo.abertos_total
        ),
        enderecos=[endereco_out(e) for e in p.enderecos],
        inscricoes=p.inscricoes,
        lembretes_vencimento=p.lembretes_vencimento,
        outros_contatos=p.outros_contatos,
        perfis=perfis_out(p),
        pessoas_legado=pessoas_legado_out(p),
    )


def pessoa_item(p: PessoaRegistro) -> PessoaItem:
    return PessoaItem(
        id=p.id,
        id_legado=p.seq,
        uuid_legado=p.uuid_legado,
        nome=p.nome,
        tipo_pessoa=TIPO_ROTULO[p.tipo_pessoa],
        documento=p.documento,
        email=p.email,
        telefone=p.telefone_celular or p.telefone_comercial,
        ativo=p.ativo,
        observacoes_gerais=p.observacao,
        perfis=[PERFIL_ROTULO[perfil] for perfil in p.perfis],
        endereco=endereco_out(p.enderecos[0]) if p.enderecos else None,
        data_criacao=carimbo(p.criado_em),
        data_alteracao=carimbo(p.data_alteracao),
    )


def pagina(total: int, pessoas: list[PessoaRegistro]) -> PessoasPage:
    return PessoasPage(totalItems=total, items=[pessoa_item(p) for p in pessoas] or None)


def pessoa_criada(p: PessoaRegistro) -> PessoaCriada:
    return PessoaCriada(
        id=p.id,
        tipo_pessoa=TIPO_ROTULO[p.tipo_pessoa],
        nome=p.nome,
        ativo=p.ativo,
        origem=p.origem,
        perfis=perfis_out(p),
        estrangeiro=p.tipo_pessoa == "ESTRANGEIRA",
        nome_fantasia=p.nome_fantasia,
        cpf=p.documento if p.tipo_pessoa == "FISICA" else None,
        cnpj=p.documento if p.tipo_pessoa == "JURIDICA" else None,
        rg=p.rg,
        codigo=p.codigo,
        data_nascimento=p.data_nascimento.isoformat() if p.data_nascimento else None,
        email=p.email,
        telefone_celular=p.telefone_celular,
        telefone_comercial=p.telefone_comercial,
        observacao=p.observacao,
        optante_simples=p.optante_simples_nacional,
        agencia_publica=p.orgao_publico,
        contato_cobranca_faturamento=_cobranca(p),
        enderecos=[endereco_out(e) for e in p.enderecos],
        inscricoes=p.inscricoes,
        outros_contatos=p.outros_contatos,
    )


def conta_conectada(
    id_empresa: str,
    documento: str,
    razao_social: str,
    nome_fantasia: str | None,
    data_fundacao: date | None,
    email: str | None,
) -> ContaConectada:
    return ContaConectada(
        id_empresa=id_empresa,
        documento=documento,
        razao_social=razao_social,
        nome_fantasia=nome_fantasia,
        data_fundacao=data_fundacao.isoformat() if data_fundacao else None,
        email=email,
    )
