"""`/v1/pessoa*` wire models: the older Cadastro de Pessoas revision (seed 003), over the same records.

A thin mapping layer: its words (`uuid`, `registros`, `registro_geral`, `celular`, `FISICA`/`CLIENTE`,
`inscricao_nacional`, `escritorio`) to and from the neutral `anil.domain.pessoas` records. The mapping of
each word is the choice `legacy-pessoa-fields`.
"""

from __future__ import annotations

from datetime import datetime

from anil.domain.pessoas import (
    PERFIL_ROTULO,
    TIPO_ROTULO,
    Endereco,
    EnderecoEntrada,
    InscricaoEntrada,
    OutroContatoEntrada,
    PessoaDetalhe,
    PessoaEntrada,
    PessoaRegistro,
    perfil_id,
)
from anil.schemas.common import In, Money, Wire
from anil.schemas.pessoas import (
    LembreteOut,
    MensagemPagamentosAbertosOut,
    PessoaLegadoOut,
    pessoas_legado_out,
)

# ------------------------------------------------------------------------------------------ input ----


class PerfilIn(In):
    uuid: str | None = None
    tipo_perfil: str | None = None


class RegistroIn(In):
    uuid: str | None = None
    indicador_inscricao_estadual: str | None = None
    inscricao_estadual: str | None = None
    inscricao_nacional: str | None = None
    inscricao_suframa: str | None = None


class OutroContatoIn(In):
    uuid: str | None = None
    nome: str | None = None
    email: str | None = None
    telefone_comercial: str | None = None
    celular: str | None = None
    escritorio: str | None = None


class EnderecoIn(In):
    uuid: str | None = None
    cep: str | None = None
    logradouro: str | None = None
    numero: str | None = None
    complemento: str | None = None
    bairro: str | None = None
    id_cidade: int | None = None
    cidade: str | None = None
    estado: str | None = None
    pais: str | None = None


class PessoaIn(In):
    """Body of the older `POST /v1/pessoa` and `PUT /v1/pessoa/{id}`. Read-only or bookkeeping fields of
    that body (`duplicar`, `id_contato_principal`, `criado_em`, `excluido_em`, `origem`, `id_origem`) are
    accepted and ignored."""

    perfis: list[PerfilIn | None] | None = None
    registros: list[RegistroIn] | None = None
    outros_contatos: list[OutroContatoIn] | None = None
    enderecos: list[EnderecoIn] | None = None
    tipo_pessoa: str | None = None
    cnpj: str | None = None
    cpf: str | None = None
    nome: str | None = None
    codigo: str | None = None
    ativo: bool | None = None
    optante_simples: bool | None = None
    agencia_publica: bool | None = None
    nome_fantasia: str | None = None
    registro_geral: str | None = None
    data_nascimento: str | None = None
    email: str | None = None
    telefone_comercial: str | None = None
    celular: str | None = None
    observacao: str | None = None

    def entrada(self) -> PessoaEntrada:
        return PessoaEntrada(
            nome=self.nome,
            tipo_pessoa=self.tipo_pessoa,
            perfis=None if self.perfis is None else [p.tipo_perfil if p else None for p in self.perfis],
            cpf=self.cpf,
            cnpj=self.cnpj,
            nome_fantasia=self.nome_fantasia,
            rg=self.registro_geral,
            codigo=self.codigo,
            data_nascimento=self.data_nascimento,
            email=self.email,
            telefone_celular=self.celular,
            telefone_comercial=self.telefone_comercial,
            observacao=self.observacao,
            ativo=self.ativo,
            optante_simples_nacional=self.optante_simples,
            orgao_publico=self.agencia_publica,
            enderecos=None
            if self.enderecos is None
            else [
                EnderecoEntrada(
                    id=e.uuid,
                    logradouro=e.logradouro,
                    numero=e.numero,
                    complemento=e.complemento,
                    bairro=e.bairro,
                    cidade=e.cidade,
                    estado=e.estado,
                    cep=e.cep,
                    pais=e.pais,
                    id_cidade=e.id_cidade,
                )
                for e in self.enderecos
            ],
            inscricoes=None
            if self.registros is None
            else [
                InscricaoEntrada(
                    id=r.uuid,
                    indicador_inscricao_estadual=r.indicador_inscricao_estadual,
                    inscricao_estadual=r.inscricao_estadual,
                    inscricao_municipal=r.inscricao_nacional,
                    inscricao_suframa=r.inscricao_suframa,
                )
                for r in self.registros
            ],
            outros_contatos=None
            if self.outros_contatos is None
            else [
                OutroContatoEntrada(
                    id=c.uuid,
                    nome=c.nome,
                    cargo=c.escritorio,
                    email=c.email,
                    telefone_celular=c.celular,
                    telefone_comercial=c.telefone_comercial,
                )
                for c in self.outros_contatos
            ],
        )


# ----------------------------------------------------------------------------------------- output ----


class PerfilOut(Wire):
    uuid: str
    tipo_perfil: str


class RegistroOut(Wire):
    uuid: str | None
    indicador_inscricao_estadual: str | None
    inscricao_estadual: str | None
    inscricao_nacional: str | None
    inscricao_suframa: str | None


class OutroContatoOut(Wire):
    uuid: str | None
    nome: str | None
    email: str | None
    telefone_comercial: str | None
    celular: str | None
    escritorio: str | None


class EnderecoOut(Wire):
    uuid: str
    cep: str | None
    logradouro: str | None
    numero: str | None
    complemento: str | None
    bairro: str | None
    id_cidade: int | None
    cidade: str | None
    estado: str | None
    pais: str | None


class Pessoa(Wire):
    """Answer of the older `POST /v1/pessoa` and `PUT /v1/pessoa/{id}`."""

    uuid: str
    perfis: list[PerfilOut]
    registros: list[RegistroOut]
    outros_contatos: list[OutroContatoOut]
    enderecos: list[EnderecoOut]
    tipo_pessoa: str
    cnpj: str | None
    cpf: str | None
    nome: str
    codigo: str | None
    ativo: bool
    optante_simples: bool
    agencia_publica: bool
    nome_fantasia: str | None
    registro_geral: str | None
    data_nascimento: str | None
    email: str | None
    telefone_comercial: str | None
    celular: str | None
    observacao: str | None
    id_contato_principal: str | None
    criado_em: str
    excluido_em: str | None
    origem: str
    id_origem: str | None


class PessoaItem(Wire):
    """One item of the older `GET /v1/pessoa` (seed 003): `tipo_pessoa` upper case, `perfis` as labels."""

    uuid: str
    nome: str
    documento: str | None
    inscricao_estadual: str | None
    email: str | None
    telefone: str | None
    ativo: bool
    id_legado: int
    uuid_legado: str
    perfis: list[str]
    tipo_pessoa: str
    endereco: EnderecoOut | None


class PessoasPage(Wire):
    totalItems: int
    items: list[PessoaItem] | None


class _Resumo(Wire):
    uuid: str
    nome: str
    documento: str | None
    atrasos_recebimentos: Money
    recebimentos_mes_atual: Money
    atrasos_pagamentos: Money
    pagamentos_mes_atual: Money
    email: str | None
    telefone_comercial: str | None
    celular: str | None
    criado_em: str
    codigo: str | None
    perfis: list[str]
    pessoas_legado: list[PessoaLegadoOut]


class _ResumoFim(Wire):
    observacoes_gerais: str | None
    optante_simples_nacional: bool
    orgao_publico: bool
    nome_empresa: str | None
    tipo_pessoa: str


class _ResumoListas(Wire):
    lembretes_vencimento: list[LembreteOut]
    informacoes_adicionais: list[dict]
    outros_contatos: list[OutroContatoOut]
    informacoes_fiscais: list[RegistroOut]


class Resumo(_ResumoListas, _ResumoFim, _Resumo):
    """`GET /v1/pessoa/{id}/resumo`: `enderecos[]` and `mensagem_pagamentos_abertos[]` as arrays (seed)."""

    enderecos: list[EnderecoOut]
    mensagem_pagamentos_abertos: list[MensagemPagamentosAbertosOut]


class ResumoLegado(_ResumoListas, _ResumoFim, _Resumo):
    """`GET /v1/pessoa/legado/{uuidLegado}/resumo`: one `endereco` and one `mensagem_pagamentos_abertos`."""

    endereco: EnderecoOut | None
    mensagem_pagamentos_abertos: MensagemPagamentosAbertosOut


class ResultadoExclusao(Wire):
    todos: list[str]
    excluidos: list[str]
    nao_excluidos: list[str]


# ---------------------------------------------------------------------------------------- builders ----


def carimbo_utc(utc: datetime) -> str:
    """This generation's examples write instants in UTC with `Z` (`2023-01-01T12:00:00Z`)."""
    text = utc.strftime("%Y-%m-%dT%H:%M:%S")
    millis = utc.microsecond // 1000
    if millis:
        text += f".{millis:03d}".rstrip("0")
    return text + "Z"


def endereco_out(e: Endereco) -> EnderecoOut:
    return EnderecoOut(
        uuid=e.id,
        cep=e.cep,
        logradouro=e.logradouro,
        numero=e.numero,
        complemento=e.complemento,
        bairro=e.bairro,
        id_cidade=e.id_cidade,
        cidade=e.cidade,
        estado=e.estado,
        pais=e.pais,
    )


def _registros(p: PessoaRegistro) -> list[RegistroOut]:
    return [
        RegistroOut(
            uuid=i.get("id"),
            indicador_inscricao_estadual=i.get("indicador_inscricao_estadual"),
            inscricao_estadual=i.get("inscricao_estadual"),
            inscricao_nacional=i.get("inscricao_municipal"),
            inscricao_suframa=i.get("inscricao_suframa"),
        )
        for i in p.inscricoes
    ]


def _contatos(p: PessoaRegistro) -> list[OutroContatoOut]:
    return [
        OutroContatoOut(
            uuid=c.get("id"),
            nome=c.get("nome"),
            email=c.get("email"),
            telefone_comercial=c.get("telefone_comercial"),
            celular=c.get("telefone_celular"),
            escritorio=c.get("cargo"),
        )
        for c in p.outros_contatos
    ]


def pessoa(p: PessoaRegistro) -> Pessoa:
    return Pessoa(
        uuid=p.id,
        perfis=[PerfilOut(uuid=perfil_id(p.id, perfil), tipo_perfil=perfil) for perfil in p.perfis],
        registros=_registros(p),
        outros_contatos=_contatos(p),
        enderecos=[endereco_out(e) for e in p.enderecos],
        tipo_pessoa=p.tipo_pessoa,
        cnpj=p.documento if p.tipo_pessoa == "JURIDICA" else None,
        cpf=p.documento if p.tipo_pessoa == "FISICA" else None,
        nome=p.nome,
        codigo=p.codigo,
        ativo=p.ativo,
        optante_simples=p.optante_simples_nacional,
        agencia_publica=p.orgao_publico,
        nome_fantasia=p.nome_fantasia,
        registro_geral=p.rg,
        data_nascimento=p.data_nascimento.isoformat() if p.data_nascimento else None,
        email=p.email,
        telefone_comercial=p.telefone_comercial,
        celular=p.telefone_celular,
        observacao=p.observacao,
        id_contato_principal=None,
        criado_em=carimbo_utc(p.criado_em),
        excluido_em=None,
        origem=p.origem,
        id_origem=None,
    )


def pessoa_item(p: PessoaRegistro) -> PessoaItem:
    return PessoaItem(
        uuid=p.id,
        nome=p.nome,
        documento=p.documento,
        inscricao_estadual=p.primeira_inscricao_estadual,
        email=p.email,
        telefone=p.telefone_celular or p.telefone_comercial,
        ativo=p.ativo,
        id_legado=p.seq,
        uuid_legado=p.uuid_legado,
        perfis=[PERFIL_ROTULO[perfil] for perfil in p.perfis],
        tipo_pessoa=p.tipo_pessoa,
        endereco=endereco_out(p.enderecos[0]) if p.enderecos else None,
    )


def pagina(total: int, pessoas: list[PessoaRegistro]) -> PessoasPage:
    return PessoasPage(totalItems=total, items=[pessoa_item(p) for p in pessoas] or None)


def _resumo_campos(detalhe: PessoaDetalhe) -> dict:
    p, r = detalhe.pessoa, detalhe.resumo
    return {
        "uuid": p.id,
        "nome": p.nome,
        "documento": p.documento,
        "atrasos_recebimentos": r.atrasos_recebimentos,
        "recebimentos_mes_atual": r.recebimentos_mes_atual,
        "atrasos_pagamentos": r.atrasos_pagamentos,
        "pagamentos_mes_atual": r.pagamentos_mes_atual,
        "email": p.email,
        "telefone_comercial": p.telefone_comercial,
        "celular": p.telefone_celular,
        "criado_em": carimbo_utc(p.criado_em),
        "codigo": p.codigo,
        "perfis": [PERFIL_ROTULO[perfil] for perfil in p.perfis],
        "pessoas_legado": pessoas_legado_out(p),
        "observacoes_gerais": p.observacao,
        "optante_simples_nacional": p.optante_simples_nacional,
        "orgao_publico": p.orgao_publico,
        "nome_empresa": p.nome_fantasia,
        "tipo_pessoa": TIPO_ROTULO[p.tipo_pessoa],
        "lembretes_vencimento": p.lembretes_vencimento,
        "informacoes_adicionais": [],
        "outros_contatos": _contatos(p),
        "informacoes_fiscais": _registros(p),
    }


def _mensagem(detalhe: PessoaDetalhe) -> MensagemPagamentosAbertosOut:
    return MensagemPagamentosAbertosOut(
        numero=detalhe.resumo.abertos_numero, total=detalhe.resumo.abertos_total
    )


def resumo(detalhe: PessoaDetalhe) -> Resumo:
    return Resumo(
        **_resumo_campos(detalhe),
        enderecos=[endereco_out(e) for e in detalhe.pessoa.enderecos],
        mensagem_pagamentos_abertos=[_mensagem(detalhe)],
    )


def resumo_legado(detalhe: PessoaDetalhe) -> ResumoLegado:
    enderecos = detalhe.pessoa.enderecos
    return ResumoLegado(
        **_resumo_campos(detalhe),
        endereco=endereco_out(enderecos[0]) if enderecos else None,
        mensagem_pagamentos_abertos=_mensagem(detalhe),
    )
