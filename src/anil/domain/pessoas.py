"""Cadastro de Pessoas: the rules both API generations share (catalog §3.1 and seed 003).

The two generations name the same things differently (`Física` vs `FISICA`, `rg` vs `registro_geral`,
`inscricoes` vs `registros`). A `Vocabulario` holds one generation's words; every rule here is written
once, over neutral data (`PessoaEntrada` in, `PessoaValida` out), and speaks to the client in the words
of the generation it came through.

Stored codes: `tipo_pessoa` ∈ FISICA|JURIDICA|ESTRANGEIRA, perfis ∈ CLIENTE|FORNECEDOR|TRANSPORTADORA.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from anil.domain import documentos, enderecos
from anil.domain.money import ZERO, quantize
from anil.domain.texto import chave
from anil.errors import InvalidInput

FISICA, JURIDICA, ESTRANGEIRA = "FISICA", "JURIDICA", "ESTRANGEIRA"
TIPOS = (FISICA, JURIDICA, ESTRANGEIRA)
CLIENTE, FORNECEDOR, TRANSPORTADORA = "CLIENTE", "FORNECEDOR", "TRANSPORTADORA"
PERFIS = (CLIENTE, FORNECEDOR, TRANSPORTADORA)
TIPO_ROTULO = {FISICA: "Física", JURIDICA: "Jurídica", ESTRANGEIRA: "Estrangeira"}
PERFIL_ROTULO = {CLIENTE: "Cliente", FORNECEDOR: "Fornecedor", TRANSPORTADORA: "Transportadora"}
INDICADORES_IE = ("NAO CONTRIBUINTE", "CONTRIBUINTE", "ISENTO")
ORDENACOES = ("NOME", "EMAIL", "DOCUMENTO", "ATIVO")
DIRECOES = ("ASC", "DESC")
ORIGEM_API = "API"

# Namespace of the derived `perfis[].id` (choice `perfil-ids`): uuid5(namespace, "<pessoa id>:<PERFIL>").
_PERFIL_NS = uuid.UUID("5b0d7c8e-3f52-4c1a-9a57-5e0f2c1d8a11")
_EMAIL = re.compile(r"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Vocabulario:
    """One API generation's words: enum values on the wire → stored codes, and field renames."""

    tipos: dict[str, str]
    perfis: dict[str, str]
    campos: dict[str, str] = field(default_factory=dict)

    def nome(self, caminho: Sequence[str | int]) -> str:
        text = ""
        for part in caminho:
            if isinstance(part, int):
                text += f"[{part}]"
            else:
                word = self.campos.get(part, part)
                text += f".{word}" if text else word
        return text

    def rotulo_tipo(self, codigo: str) -> str:
        return next(wire for wire, stored in self.tipos.items() if stored == codigo)

    def rotulo_perfil(self, codigo: str) -> str:
        return next(wire for wire, stored in self.perfis.items() if stored == codigo)


ATUAL = Vocabulario(
    tipos={label: code for code, label in TIPO_ROTULO.items()},
    perfis={label: code for code, label in PERFIL_ROTULO.items()},
)
LEGADO = Vocabulario(
    tipos={code: code for code in TIPOS},
    perfis={code: code for code in PERFIS},
    campos={
        "rg": "registro_geral",
        "telefone_celular": "celular",
        "inscricoes": "registros",
        "inscricao_municipal": "inscricao_nacional",
        "cargo": "escritorio",
        "optante_simples_nacional": "optante_simples",
        "orgao_publico": "agencia_publica",
    },
)


# ----------------------------------------------------------------------------------------- input ----


@dataclass
class EnderecoEntrada:
    id: str | None = None
    logradouro: str | None = None
    numero: str | None = None
    complemento: str | None = None
    bairro: str | None = None
    cidade: str | None = None
    estado: str | None = None
    cep: str | None = None
    pais: str | None = None
    id_cidade: int | None = None  # the older generation may send it; the current one only reads it


@dataclass
class InscricaoEntrada:
    id: str | None = None
    indicador_inscricao_estadual: str | None = None
    inscricao_estadual: str | None = None
    inscricao_municipal: str | None = None
    inscricao_suframa: str | None = None


@dataclass
class OutroContatoEntrada:
    id: str | None = None
    nome: str | None = None
    cargo: str | None = None
    email: str | None = None
    telefone_celular: str | None = None
    telefone_comercial: str | None = None


@dataclass
class ContatoCobrancaEntrada:
    emails: list[str] | None = None
    whatsapp: str | None = None


@dataclass
class LembreteEntrada:
    email: str
    ativo: bool = True
    id: str | None = None


@dataclass
class PessoaEntrada:
    """What a client sent, in neutral names, values still as written (enum labels, masked documents)."""

    nome: str | None = None
    tipo_pessoa: str | None = None
    perfis: list[str | None] | None = None
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
    optante_simples_nacional: bool | None = None
    orgao_publico: bool | None = None
    contato_cobranca_faturamento: ContatoCobrancaEntrada | None = None
    enderecos: list[EnderecoEntrada] | None = None
    inscricoes: list[InscricaoEntrada] | None = None
    outros_contatos: list[OutroContatoEntrada] | None = None
    lembretes_vencimento: list[LembreteEntrada] | None = None  # not writable through the API


# ----------------------------------------------------------------------------------------- output ----


@dataclass(frozen=True, slots=True)
class Endereco:
    id: str
    logradouro: str | None
    numero: str | None
    complemento: str | None
    bairro: str | None
    cidade: str | None
    estado: str | None
    cep: str | None
    pais: str | None
    id_cidade: int | None

    @property
    def cidade_busca(self) -> str | None:
        return chave(self.cidade) or None


@dataclass(frozen=True)
class PessoaValida:
    """A person as stored: codes, normalized document, parsed date, sub-objects with ids."""

    nome: str
    tipo_pessoa: str
    perfis: frozenset[str]
    documento: str | None
    nome_fantasia: str | None
    rg: str | None
    codigo: str | None
    data_nascimento: date | None
    email: str | None
    telefone_celular: str | None
    telefone_comercial: str | None
    observacao: str | None
    ativo: bool
    optante_simples_nacional: bool
    orgao_publico: bool
    contato_cobranca_faturamento: dict | None
    enderecos: tuple[Endereco, ...]
    inscricoes: list[dict]
    outros_contatos: list[dict]
    lembretes_vencimento: list[dict] | None  # None: keep what is stored

    @property
    def nome_busca(self) -> str:
        return chave(self.nome)

    @property
    def busca(self) -> str:
        """What `busca`/`termo_busca` matches: name, trade name and document, as one key."""
        parts = [chave(self.nome), chave(self.nome_fantasia), (self.documento or "").lower()]
        return " | ".join(part for part in parts if part)

    @property
    def inscricoes_estaduais(self) -> str | None:
        return _lista_busca(i.get("inscricao_estadual") for i in self.inscricoes)

    @property
    def inscricoes_municipais(self) -> str | None:
        return _lista_busca(i.get("inscricao_municipal") for i in self.inscricoes)


@dataclass(slots=True)
class PessoaRegistro:
    """A stored person as read back, in neutral names; each generation's schemas render it."""

    seq: int
    id: str
    uuid_legado: str
    nome: str
    tipo_pessoa: str
    ativo: bool
    perfis: tuple[str, ...]
    criado_em: datetime
    data_alteracao: datetime
    nome_fantasia: str | None = None
    documento: str | None = None
    rg: str | None = None
    codigo: str | None = None
    data_nascimento: date | None = None
    email: str | None = None
    telefone_celular: str | None = None
    telefone_comercial: str | None = None
    observacao: str | None = None
    optante_simples_nacional: bool = False
    orgao_publico: bool = False
    origem: str = ORIGEM_API
    inscricoes: list[dict] = field(default_factory=list)
    outros_contatos: list[dict] = field(default_factory=list)
    contato_cobranca_faturamento: dict | None = None
    lembretes_vencimento: list[dict] = field(default_factory=list)
    enderecos: list[Endereco] = field(default_factory=list)

    @property
    def primeira_inscricao_estadual(self) -> str | None:
        for inscricao in self.inscricoes:
            if inscricao.get("inscricao_estadual"):
                return inscricao["inscricao_estadual"]
        return None

    def entrada(self) -> PessoaEntrada:
        """Back to the current generation's words: the base a PATCH is applied to."""
        return PessoaEntrada(
            nome=self.nome,
            tipo_pessoa=TIPO_ROTULO[self.tipo_pessoa],
            perfis=[PERFIL_ROTULO[p] for p in self.perfis],
            cpf=self.documento if self.tipo_pessoa == FISICA else None,
            cnpj=self.documento if self.tipo_pessoa == JURIDICA else None,
            nome_fantasia=self.nome_fantasia,
            rg=self.rg,
            codigo=self.codigo,
            data_nascimento=self.data_nascimento.isoformat() if self.data_nascimento else None,
            email=self.email,
            telefone_celular=self.telefone_celular,
            telefone_comercial=self.telefone_comercial,
            observacao=self.observacao,
            ativo=self.ativo,
            optante_simples_nacional=self.optante_simples_nacional,
            orgao_publico=self.orgao_publico,
            contato_cobranca_faturamento=(
                ContatoCobrancaEntrada(**self.contato_cobranca_faturamento)
                if self.contato_cobranca_faturamento is not None
                else None
            ),
            enderecos=[
                EnderecoEntrada(
                    id=e.id,
                    logradouro=e.logradouro,
                    numero=e.numero,
                    complemento=e.complemento,
                    bairro=e.bairro,
                    cidade=e.cidade,
                    estado=e.estado,
                    cep=e.cep,
                    pais=e.pais,
                )
                for e in self.enderecos
            ],
            inscricoes=[InscricaoEntrada(**i) for i in self.inscricoes],
            outros_contatos=[OutroContatoEntrada(**c) for c in self.outros_contatos],
        )

    def ids(self) -> frozenset[str]:
        """Ids of the sub-objects, which a replacement may send back to keep them."""
        found = {e.id for e in self.enderecos}
        for items in (self.inscricoes, self.outros_contatos, self.lembretes_vencimento):
            found.update(item["id"] for item in items if item.get("id"))
        return frozenset(found)


def _lista_busca(values: Iterable[str | None]) -> str | None:
    """`["12.3", "45"]` → `"|123|45|"`: exact matching of any element with one LIKE on both engines."""
    keys = [valor_inscricao(v) for v in values if v and valor_inscricao(v)]
    return "|" + "|".join(keys) + "|" if keys else None


def valor_inscricao(value: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", value).upper()


def perfil_id(pessoa_id: str, perfil: str) -> str:
    return str(uuid.uuid5(_PERFIL_NS, f"{pessoa_id}:{perfil}"))


# ------------------------------------------------------------------------------------- validation ----


class _Validador:
    def __init__(self, vocab: Vocabulario, completo: bool, ids_existentes: Container[str]) -> None:
        self.vocab = vocab
        self.completo = completo
        self.ids = ids_existentes

    def erro(self, caminho: Sequence[str | int], texto: str) -> InvalidInput:
        nome = self.vocab.nome(caminho)
        return InvalidInput(texto.format(campo=nome), campo=nome)

    def obrigatorio(self, caminho: Sequence[str | int]) -> InvalidInput:
        return self.erro(caminho, "O campo '{campo}' é obrigatório")

    def invalido(self, caminho: Sequence[str | int]) -> InvalidInput:
        return self.erro(caminho, "O campo '{campo}' é inválido")

    def texto(self, caminho: Sequence[str | int], value: str | None, exigido: bool = False) -> str | None:
        value = value.strip() if value is not None else None
        if not value:
            if exigido:
                raise self.obrigatorio(caminho)
            return None
        return value

    def lista(self, caminho: Sequence[str | int], items: list | None, exigido: bool) -> list:
        if not items:
            if exigido:
                raise self.erro(caminho, "O campo '{campo}' deve conter ao menos 1 item")
            return []
        return items

    def enum(self, caminho: Sequence[str | int], value: str | None, allowed: dict[str, str]) -> str:
        if value is None or not value.strip():
            raise self.obrigatorio(caminho)
        if value not in allowed:
            raise self.erro(
                caminho, "O campo '{campo}' deve ser um dos seguintes valores: " + ", ".join(allowed)
            )
        return allowed[value]

    def novo_id(self, given: str | None) -> str:
        return given if given and given in self.ids else str(uuid.uuid4())


def validar(
    entrada: PessoaEntrada,
    vocab: Vocabulario = ATUAL,
    *,
    completo: bool = False,
    ids_existentes: Container[str] = frozenset(),
) -> PessoaValida:
    """Check a person whole, field by field in the order production reports them, first failure only.

    `completo=True` is PUT's full replacement, which production validates as the ERP form does: for a
    Física person `nome, tipo_pessoa, perfis, cpf, codigo, rg, data_nascimento, email, telefone_comercial,
    observacao`, then non-empty `inscricoes`, `outros_contatos` (each with `telefone_celular`) and
    `enderecos` (each with `complemento`). Jurídica and Estrangeira drop what does not apply to them
    (choice `pessoa-put-required`). Sub-object ids the client sends back are kept when they are
    `ids_existentes` of this person; anything else gets a new id.
    """
    v = _Validador(vocab, completo, ids_existentes)
    nome = v.texto(("nome",), entrada.nome, exigido=True)
    assert nome is not None
    tipo = v.enum(("tipo_pessoa",), entrada.tipo_pessoa, vocab.tipos)
    perfis_raw = v.lista(("perfis",), entrada.perfis, exigido=True)
    perfis = frozenset(
        v.enum(("perfis", index, "tipo_perfil"), value, vocab.perfis)
        for index, value in enumerate(perfis_raw)
    )
    documento = _documento(v, tipo, entrada)
    codigo = v.texto(("codigo",), entrada.codigo, exigido=completo)
    rg = v.texto(("rg",), entrada.rg, exigido=completo and tipo == FISICA)
    nascimento = _data(v, ("data_nascimento",), entrada.data_nascimento, exigido=completo and tipo == FISICA)
    email = v.texto(("email",), entrada.email, exigido=completo)
    if email is not None and not emails_validos(email):
        raise v.invalido(("email",))
    telefone_comercial = v.texto(("telefone_comercial",), entrada.telefone_comercial, exigido=completo)
    observacao = v.texto(("observacao",), entrada.observacao, exigido=completo)
    inscricoes = [
        _inscricao(v, index, item)
        for index, item in enumerate(
            v.lista(("inscricoes",), entrada.inscricoes, exigido=completo and tipo != ESTRANGEIRA)
        )
    ]
    contatos = [
        _outro_contato(v, index, item)
        for index, item in enumerate(v.lista(("outros_contatos",), entrada.outros_contatos, exigido=completo))
    ]
    lista_enderecos = tuple(
        _endereco(v, tipo, index, item)
        for index, item in enumerate(v.lista(("enderecos",), entrada.enderecos, exigido=completo))
    )
    cobranca = _cobranca(v, entrada.contato_cobranca_faturamento)
    lembretes = (
        None
        if entrada.lembretes_vencimento is None
        else [
            {"id": v.novo_id(item.id), "ativo": item.ativo, "email": item.email}
            for item in entrada.lembretes_vencimento
        ]
    )
    return PessoaValida(
        nome=nome,
        tipo_pessoa=tipo,
        perfis=perfis,
        documento=documento,
        nome_fantasia=v.texto(("nome_fantasia",), entrada.nome_fantasia),
        rg=rg,
        codigo=codigo,
        data_nascimento=nascimento,
        email=email,
        telefone_celular=v.texto(("telefone_celular",), entrada.telefone_celular),
        telefone_comercial=telefone_comercial,
        observacao=observacao,
        ativo=True if entrada.ativo is None else entrada.ativo,
        optante_simples_nacional=bool(entrada.optante_simples_nacional),
        orgao_publico=bool(entrada.orgao_publico),
        contato_cobranca_faturamento=cobranca,
        enderecos=lista_enderecos,
        inscricoes=inscricoes,
        outros_contatos=contatos,
        lembretes_vencimento=lembretes,
    )


def emails_validos(value: str) -> bool:
    """`email` holds one address or several separated by commas (catalog §3.1)."""
    parts = [part.strip() for part in value.split(",")]
    return all(_EMAIL.match(part) for part in parts)


def _documento(v: _Validador, tipo: str, entrada: PessoaEntrada) -> str | None:
    """Física → `cpf`, Jurídica → `cnpj` (numeric or alphanumeric), Estrangeira → neither."""
    cpf = v.texto(("cpf",), entrada.cpf, exigido=v.completo and tipo == FISICA)
    cnpj = v.texto(("cnpj",), entrada.cnpj, exigido=v.completo and tipo == JURIDICA)
    rotulo = v.vocab.rotulo_tipo(tipo)
    if cpf is not None and tipo != FISICA:
        raise v.erro(("cpf",), "O campo '{campo}' não deve ser informado para pessoa " + rotulo)
    if cnpj is not None and tipo != JURIDICA:
        raise v.erro(("cnpj",), "O campo '{campo}' não deve ser informado para pessoa " + rotulo)
    if cpf is not None:
        if not documentos.cpf_valido(cpf):
            raise v.erro(("cpf",), "O CPF informado é inválido")
        return documentos.normalizar(cpf)
    if cnpj is not None:
        if not documentos.cnpj_valido(cnpj):
            raise v.erro(("cnpj",), "O CNPJ informado é inválido")
        return documentos.normalizar(cnpj)
    return None


def _data(v: _Validador, caminho: Sequence[str | int], value: str | None, exigido: bool) -> date | None:
    text = v.texto(caminho, value, exigido=exigido)
    if text is None:
        return None
    if not _DATE.match(text):
        raise v.invalido(caminho)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise v.invalido(caminho) from None


def _inscricao(v: _Validador, index: int, item: InscricaoEntrada) -> dict:
    caminho = ("inscricoes", index)
    indicador = v.texto((*caminho, "indicador_inscricao_estadual"), item.indicador_inscricao_estadual)
    if indicador is not None:
        allowed = {value: value for value in INDICADORES_IE}
        indicador = v.enum((*caminho, "indicador_inscricao_estadual"), indicador.upper(), allowed)
    return {
        "id": v.novo_id(item.id),
        "indicador_inscricao_estadual": indicador,
        "inscricao_estadual": v.texto((*caminho, "inscricao_estadual"), item.inscricao_estadual),
        "inscricao_municipal": v.texto((*caminho, "inscricao_municipal"), item.inscricao_municipal),
        "inscricao_suframa": v.texto((*caminho, "inscricao_suframa"), item.inscricao_suframa),
    }


def _outro_contato(v: _Validador, index: int, item: OutroContatoEntrada) -> dict:
    caminho = ("outros_contatos", index)
    email = v.texto((*caminho, "email"), item.email)
    if email is not None and not emails_validos(email):
        raise v.invalido((*caminho, "email"))
    return {
        "id": v.novo_id(item.id),
        "nome": v.texto((*caminho, "nome"), item.nome),
        "cargo": v.texto((*caminho, "cargo"), item.cargo),
        "email": email,
        "telefone_celular": v.texto(
            (*caminho, "telefone_celular"), item.telefone_celular, exigido=v.completo
        ),
        "telefone_comercial": v.texto((*caminho, "telefone_comercial"), item.telefone_comercial),
    }


def _endereco(v: _Validador, tipo: str, index: int, item: EnderecoEntrada) -> Endereco:
    caminho = ("enderecos", index)
    complemento = v.texto((*caminho, "complemento"), item.complemento, exigido=v.completo)
    cidade = v.texto((*caminho, "cidade"), item.cidade)
    estado = v.texto((*caminho, "estado"), item.estado)
    pais = v.texto((*caminho, "pais"), item.pais)
    if pais is None and tipo != ESTRANGEIRA:
        pais = enderecos.PAIS_BRASIL
    brasileiro = pais is not None and chave(pais) == "brasil"
    if cidade is None and item.id_cidade is not None:
        found = enderecos.municipio_por_codigo(item.id_cidade)
        if found is not None and brasileiro:
            cidade, estado = found.nome, estado or found.uf
    if estado is not None and brasileiro:
        sigla = enderecos.uf(estado)
        if sigla is None:
            raise v.invalido((*caminho, "estado"))
        estado = sigla
    cep = v.texto((*caminho, "cep"), item.cep)
    if cep is not None and brasileiro:
        normalized = enderecos.normalizar_cep(cep)
        if normalized is None:
            raise v.invalido((*caminho, "cep"))
        cep = normalized
    municipio = enderecos.municipio(cidade, estado) if brasileiro else None
    return Endereco(
        id=v.novo_id(item.id),
        logradouro=v.texto((*caminho, "logradouro"), item.logradouro),
        numero=v.texto((*caminho, "numero"), item.numero),
        complemento=complemento,
        bairro=v.texto((*caminho, "bairro"), item.bairro),
        cidade=cidade,
        estado=estado,
        cep=cep,
        pais=pais,
        id_cidade=municipio.codigo if municipio else None,
    )


def _cobranca(v: _Validador, item: ContatoCobrancaEntrada | None) -> dict | None:
    if item is None:
        return None
    emails: list[str] = []
    for index, email in enumerate(item.emails or []):
        text = v.texto(("contato_cobranca_faturamento", "emails", index), email)
        if text is None:
            continue
        if not emails_validos(text):
            raise v.invalido(("contato_cobranca_faturamento", "emails", index))
        emails.append(text)
    return {
        "emails": emails,
        "whatsapp": v.texto(("contato_cobranca_faturamento", "whatsapp"), item.whatsapp),
    }


# ------------------------------------------------------------------------------------------ lists ----


@dataclass(frozen=True)
class FiltroPessoas:
    """Both generations' list filters, in neutral terms. Date-times are naive UTC; ranges are `[de, ate)`
    except `alterado_*`, which is inclusive at both ends as the API's date-times are."""

    busca: str | None = None
    ids: tuple[str, ...] = ()
    documentos: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    nomes: tuple[str, ...] = ()
    telefones: tuple[str, ...] = ()
    codigos: tuple[str, ...] = ()
    cidades: tuple[str, ...] = ()
    ufs: tuple[str, ...] = ()
    paises: tuple[str, ...] = ()
    tipos: tuple[str, ...] = ()
    perfis: tuple[str, ...] = ()
    inscricoes_estaduais: tuple[str, ...] = ()
    inscricoes_municipais: tuple[str, ...] = ()
    ativo: bool | None = None
    criado_de: datetime | None = None
    criado_ate: datetime | None = None
    alterado_de: datetime | None = None
    alterado_ate: datetime | None = None
    ativado_de: datetime | None = None
    ativado_ate: datetime | None = None
    com_endereco: bool = False
    ordenacao: str = "NOME"
    descendente: bool = False


# ------------------------------------------------------------------------------------------ PATCH ----


def mesclar(atual: PessoaEntrada, alteracoes: PessoaEntrada, enviados: Container[str]) -> PessoaEntrada:
    """PATCH: the fields sent replace the stored ones (an explicit null clears an optional field).

    Changing `tipo_pessoa` without sending the document of the new type drops the stored document,
    which belonged to the old type (choice `pessoa-patch-tipo`).
    """
    changes = {
        name: getattr(alteracoes, name) for name in PessoaEntrada.__dataclass_fields__ if name in enviados
    }
    merged = replace(atual, **changes)
    if "tipo_pessoa" in enviados and alteracoes.tipo_pessoa != atual.tipo_pessoa:
        if "cpf" not in enviados:
            merged.cpf = None
        if "cnpj" not in enviados:
            merged.cnpj = None
    return merged


# ------------------------------------------------------------------------------- financial summary ----


class TipoParcela(Enum):
    RECEITA = "RECEITA"  # a recebimento: the person owes the company
    DESPESA = "DESPESA"  # a pagamento: the company owes the person


@dataclass(frozen=True, slots=True)
class ParcelaAberta:
    """One installment of a financial event whose `contato` is the person, with what is still unpaid."""

    tipo: TipoParcela
    data_vencimento: date
    valor_aberto: Decimal


@dataclass(frozen=True, slots=True)
class ResumoFinanceiro:
    atrasos_pagamentos: Decimal
    atrasos_recebimentos: Decimal
    pagamentos_mes_atual: Decimal
    recebimentos_mes_atual: Decimal
    abertos_numero: int
    abertos_total: Decimal


def resumo_financeiro(parcelas: Iterable[ParcelaAberta], hoje: date) -> ResumoFinanceiro:
    """The person's financial summary as the ERP shows it on the person's page (choice `pessoa-resumo`).

    - `atrasos_*`: open amount of installments due before `hoje` (São Paulo date).
    - `*_mes_atual`: open amount of installments due in `hoje`'s calendar month, overdue ones included.
    - `mensagem_pagamentos_abertos`: how many receivable installments are open and their open total,
      what a collection message to the customer would state.
    Each open amount is rounded to cents first; installments with nothing open are ignored.
    """
    atrasos = {TipoParcela.RECEITA: ZERO, TipoParcela.DESPESA: ZERO}
    mes = {TipoParcela.RECEITA: ZERO, TipoParcela.DESPESA: ZERO}
    abertos_numero = 0
    abertos_total = ZERO
    for parcela in parcelas:
        valor = quantize(parcela.valor_aberto)
        if valor <= ZERO:
            continue
        vencimento = parcela.data_vencimento
        if vencimento < hoje:
            atrasos[parcela.tipo] += valor
        if (vencimento.year, vencimento.month) == (hoje.year, hoje.month):
            mes[parcela.tipo] += valor
        if parcela.tipo is TipoParcela.RECEITA:
            abertos_numero += 1
            abertos_total += valor
    return ResumoFinanceiro(
        atrasos_pagamentos=atrasos[TipoParcela.DESPESA],
        atrasos_recebimentos=atrasos[TipoParcela.RECEITA],
        pagamentos_mes_atual=mes[TipoParcela.DESPESA],
        recebimentos_mes_atual=mes[TipoParcela.RECEITA],
        abertos_numero=abertos_numero,
        abertos_total=abertos_total,
    )


@dataclass(frozen=True, slots=True)
class PessoaDetalhe:
    """What `GET` by id shows: the person and its financial summary."""

    pessoa: PessoaRegistro
    resumo: ResumoFinanceiro
