"""People: tenant-scoped reads and writes, SQLAlchemy Core over the ORM tables.

A person and its addresses come back in one statement (pessoa LEFT JOIN enderecos), built once at import
time. A list is one page query plus one count, both made cheap at scale by `listas.CacheListas`, keyed
by the company's data version (`pessoas_versoes`, bumped by every write, last in its transaction): the
total counted once per version and filter, deep pages seeking from remembered sort keys.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    exists,
    false,
    func,
    insert,
    or_,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.types import Integer

from anil.domain import documentos
from anil.domain.pessoas import (
    CLIENTE,
    FORNECEDOR,
    TRANSPORTADORA,
    Endereco,
    FiltroPessoas,
    PessoaRegistro,
    PessoaValida,
    valor_inscricao,
)
from anil.domain.texto import chave
from anil.storage.models import Empresa, Pessoa, PessoaEndereco
from anil.storage.models.pessoas import PessoaVersao
from anil.storage.repositories import listas
from anil.storage.repositories.base import (
    TENANT,
    Reader,
    core,
    fetch,
    owned,
    scope,
    scoped_delete,
    scoped_select,
    scoped_update,
    write_raw,
    write_raw_uma_vez,
)
from anil.storage.repositories.listas import CacheListas, parametros

P = Pessoa.__table__
E = PessoaEndereco.__table__
EMPRESAS = Empresa.__table__
V = PessoaVersao.__table__
_EA = E.alias("ea")  # the addresses an EXISTS filter looks at, apart from the one a page shows

_PERFIL_COLUNA = {
    CLIENTE: P.c.perfil_cliente,
    FORNECEDOR: P.c.perfil_fornecedor,
    TRANSPORTADORA: P.c.perfil_transportadora,
}

# Column order matters: rows are read by position in `_pessoa()`.
_RESUMO = (
    P.c.seq,
    P.c.id,
    P.c.uuid_legado,
    P.c.nome,
    P.c.tipo_pessoa,
    P.c.ativo,
    P.c.perfil_cliente,
    P.c.perfil_fornecedor,
    P.c.perfil_transportadora,
    P.c.criado_em,
    P.c.data_alteracao,
    P.c.nome_fantasia,
    P.c.documento,
    P.c.email,
    P.c.telefone_celular,
    P.c.telefone_comercial,
    P.c.observacao,
    P.c.inscricoes,
)
_DETALHE = (
    *_RESUMO,
    P.c.rg,
    P.c.codigo,
    P.c.data_nascimento,
    P.c.optante_simples_nacional,
    P.c.orgao_publico,
    P.c.origem,
    P.c.outros_contatos,
    P.c.contato_cobranca_faturamento,
    P.c.lembretes_vencimento,
)
_ENDERECO = (
    E.c.id,
    E.c.logradouro,
    E.c.numero,
    E.c.complemento,
    E.c.bairro,
    E.c.cidade,
    E.c.estado,
    E.c.cep,
    E.c.pais,
    E.c.id_cidade,
)
_N_RESUMO, _N_DETALHE = len(_RESUMO), len(_DETALHE)

_COM_ENDERECOS = P.outerjoin(E, E.c.pessoa_seq == P.c.seq)
_COM_PRIMEIRO_ENDERECO = P.outerjoin(E, and_(E.c.pessoa_seq == P.c.seq, E.c.posicao == 0))
_POR_ID = (
    select(*_DETALHE, *_ENDERECO)
    .select_from(_COM_ENDERECOS)
    .where(owned(P), P.c.id == bindparam("id"))
    .order_by(E.c.posicao)
)
_POR_UUID_LEGADO = (
    select(*_DETALHE, *_ENDERECO)
    .select_from(_COM_ENDERECOS)
    .where(owned(P), P.c.uuid_legado == bindparam("uuid_legado"))
    .order_by(P.c.seq, E.c.posicao)
)
_VERSAO = select(V.c.versao).where(owned(V))
_BUMP = {
    name: dialect_insert(V)
    .values(tenant_id=bindparam("t"), versao=1)
    .on_conflict_do_update(index_elements=[V.c.tenant_id], set_={"versao": V.c.versao + 1})
    for name, dialect_insert in (("sqlite", sqlite.insert), ("postgresql", postgresql.insert))
}
_COLUNAS_PESSOA = (
    "id", "tenant_id", "uuid_legado", "nome", "nome_busca", "busca", "nome_fantasia", "tipo_pessoa", "documento",
    "rg", "codigo", "data_nascimento", "email", "telefone_celular", "telefone_comercial", "ativo",
    "optante_simples_nacional", "orgao_publico", "observacao", "perfil_cliente", "perfil_fornecedor",
    "perfil_transportadora", "inscricoes", "inscricoes_estaduais", "inscricoes_municipais", "outros_contatos",
    "contato_cobranca_faturamento", "lembretes_vencimento", "origem", "criado_em", "data_alteracao", "ativado_em",
)  # fmt: skip
_COLUNAS_ENDERECO = (
    "id", "pessoa_seq", "tenant_id", "posicao", "logradouro", "numero", "complemento", "bairro", "cidade",
    "cidade_busca", "estado", "cep", "pais", "id_cidade",
)  # fmt: skip
_INSERIR_PESSOA = (
    insert(P)
    .values({name: bindparam(name, type_=P.c[name].type) for name in _COLUNAS_PESSOA})
    .returning(P.c.seq)
)
_INSERIR_ENDERECO = insert(E).values(
    {name: bindparam(name, type_=E.c[name].type) for name in _COLUNAS_ENDERECO}
)
_EMPRESA = select(
    EMPRESAS.c.id,
    EMPRESAS.c.documento,
    EMPRESAS.c.razao_social,
    EMPRESAS.c.nome_fantasia,
    EMPRESAS.c.data_fundacao,
    EMPRESAS.c.email,
).where(EMPRESAS.c.id == TENANT)


def _pessoa(row: Sequence[Any], detalhe: bool) -> PessoaRegistro:
    perfis = tuple(
        perfil for perfil, flag in ((CLIENTE, row[6]), (FORNECEDOR, row[7]), (TRANSPORTADORA, row[8])) if flag
    )
    pessoa = PessoaRegistro(
        seq=row[0],
        id=row[1],
        uuid_legado=row[2],
        nome=row[3],
        tipo_pessoa=row[4],
        ativo=row[5],
        perfis=perfis,
        criado_em=row[9],
        data_alteracao=row[10],
        nome_fantasia=row[11],
        documento=row[12],
        email=row[13],
        telefone_celular=row[14],
        telefone_comercial=row[15],
        observacao=row[16],
        inscricoes=row[17] or [],
    )
    if detalhe:
        pessoa.rg = row[18]
        pessoa.codigo = row[19]
        pessoa.data_nascimento = row[20]
        pessoa.optante_simples_nacional = row[21]
        pessoa.orgao_publico = row[22]
        pessoa.origem = row[23]
        pessoa.outros_contatos = row[24] or []
        pessoa.contato_cobranca_faturamento = row[25]
        pessoa.lembretes_vencimento = row[26] or []
    return pessoa


def _endereco(row: Sequence[Any], start: int) -> Endereco | None:
    if row[start] is None:
        return None
    return Endereco(*row[start : start + len(_ENDERECO)])


def _agrupar(rows: Sequence[Sequence[Any]]) -> PessoaRegistro | None:
    if not rows:
        return None
    pessoa = _pessoa(rows[0], detalhe=True)
    for row in rows:
        endereco = _endereco(row, _N_DETALHE)
        if endereco is not None:
            pessoa.enderecos.append(endereco)
    return pessoa


def por_id(reader: Reader, tenant_id: str, pessoa_id: str) -> PessoaRegistro | None:
    return _agrupar(fetch(reader, _POR_ID, scope(tenant_id, id=pessoa_id)))


def por_uuid_legado(reader: Reader, tenant_id: str, uuid_legado: str) -> PessoaRegistro | None:
    rows = fetch(reader, _POR_UUID_LEGADO, scope(tenant_id, uuid_legado=uuid_legado))
    if rows:
        rows = [row for row in rows if row[0] == rows[0][0]]
    return _agrupar(rows)


def empresa(reader: Reader, tenant_id: str) -> Sequence[Any] | None:
    rows = fetch(reader, _EMPRESA, scope(tenant_id))
    return rows[0] if rows else None


# ---------------------------------------------------------------------------------------- writes ----


def _colunas(dados: PessoaValida) -> dict[str, Any]:
    return {
        "nome": dados.nome,
        "nome_busca": dados.nome_busca,
        "busca": dados.busca,
        "nome_fantasia": dados.nome_fantasia,
        "tipo_pessoa": dados.tipo_pessoa,
        "documento": dados.documento,
        "rg": dados.rg,
        "codigo": dados.codigo,
        "data_nascimento": dados.data_nascimento,
        "email": dados.email,
        "telefone_celular": dados.telefone_celular,
        "telefone_comercial": dados.telefone_comercial,
        "ativo": dados.ativo,
        "optante_simples_nacional": dados.optante_simples_nacional,
        "orgao_publico": dados.orgao_publico,
        "observacao": dados.observacao,
        "perfil_cliente": CLIENTE in dados.perfis,
        "perfil_fornecedor": FORNECEDOR in dados.perfis,
        "perfil_transportadora": TRANSPORTADORA in dados.perfis,
        "inscricoes": dados.inscricoes,
        "inscricoes_estaduais": dados.inscricoes_estaduais,
        "inscricoes_municipais": dados.inscricoes_municipais,
        "outros_contatos": dados.outros_contatos,
        "contato_cobranca_faturamento": dados.contato_cobranca_faturamento,
    }


def _inserir_enderecos(session: Session, tenant_id: str, seq: int, dados: PessoaValida) -> None:
    if not dados.enderecos:
        return
    write_raw(
        session,
        _INSERIR_ENDERECO,
        [
            {
                "id": e.id,
                "pessoa_seq": seq,
                "tenant_id": tenant_id,
                "posicao": posicao,
                "logradouro": e.logradouro,
                "numero": e.numero,
                "complemento": e.complemento,
                "bairro": e.bairro,
                "cidade": e.cidade,
                "cidade_busca": e.cidade_busca,
                "estado": e.estado,
                "cep": e.cep,
                "pais": e.pais,
                "id_cidade": e.id_cidade,
            }
            for posicao, e in enumerate(dados.enderecos)
        ],
    )


def inserir(
    session: Session, tenant_id: str, pessoa_id: str, uuid_legado: str, dados: PessoaValida, agora: datetime
) -> int:
    values = _colunas(dados)
    values.update(
        id=pessoa_id,
        tenant_id=tenant_id,
        uuid_legado=uuid_legado,
        lembretes_vencimento=dados.lembretes_vencimento or [],
        origem="API",
        criado_em=agora,
        data_alteracao=agora,
        ativado_em=agora if dados.ativo else None,
    )
    seq = write_raw(session, _INSERIR_PESSOA, values)[0][0]
    _inserir_enderecos(session, tenant_id, seq, dados)
    _nova_versao(session, tenant_id)
    return seq


def substituir(
    session: Session, tenant_id: str, atual: PessoaRegistro, dados: PessoaValida, agora: datetime
) -> None:
    """Rewrite every column and the addresses of a person read in the same transaction."""
    values = _colunas(dados)
    values["data_alteracao"] = agora
    if dados.ativo and not atual.ativo:
        values["ativado_em"] = agora
    if dados.lembretes_vencimento is not None:
        values["lembretes_vencimento"] = dados.lembretes_vencimento
    session.execute(scoped_update(P, tenant_id).where(P.c.seq == atual.seq).values(**values))
    session.execute(scoped_delete(E, tenant_id).where(E.c.pessoa_seq == atual.seq))
    _inserir_enderecos(session, tenant_id, atual.seq, dados)
    _nova_versao(session, tenant_id)


def situacoes(session: Session, tenant_id: str, ids: Sequence[str]) -> dict[str, bool]:
    """`{id: ativo}` of those of `ids` that belong to the tenant."""
    stmt = scoped_select(P, tenant_id, P.c.id, P.c.ativo).where(P.c.id.in_(ids))
    return {row[0]: row[1] for row in session.execute(stmt)}


def definir_ativo(session: Session, tenant_id: str, ids: Sequence[str], ativo: bool, agora: datetime) -> None:
    values: dict[str, Any] = {"ativo": ativo, "data_alteracao": agora}
    if ativo:
        values["ativado_em"] = agora
    if not ids:
        return
    stmt = scoped_update(P, tenant_id).where(P.c.id.in_(ids), P.c.ativo != ativo).values(**values)
    session.execute(stmt)
    _nova_versao(session, tenant_id)


def excluir(session: Session, tenant_id: str, ids: Sequence[str]) -> set[str]:
    """Physical delete (addresses go by ON DELETE CASCADE); returns the ids that existed."""
    stmt = scoped_delete(P, tenant_id).where(P.c.id.in_(ids)).returning(P.c.id)
    deleted = {row[0] for row in session.execute(stmt)}
    if deleted:
        _nova_versao(session, tenant_id)
    return deleted


def _nova_versao(session: Session, tenant_id: str) -> None:
    """Bump the company's data version; last statement of a write, so its row lock is held briefly (once
    per transaction where SQLite's group commit batches writes: `write_raw_uma_vez`)."""
    write_raw_uma_vez(session, _BUMP[session.get_bind().dialect.name], {"t": tenant_id})


# ----------------------------------------------------------------------------------------- lists ----

_LIKE_SAFE = re.compile(r"^[0-9a-z ]+$")


def _contem(column: Any, text: str) -> ColumnElement[bool]:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(f"%{escaped}%", escape="\\")


def _digitos(column: Any) -> Any:
    for char in ("(", ")", "-", " ", "+", "."):
        column = func.replace(column, char, "")
    return column


def _condicoes(filtro: FiltroPessoas) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if filtro.busca:
        termo = chave(filtro.busca)
        documento = documentos.normalizar(filtro.busca).lower()
        options = [_contem(P.c.busca, termo)] if termo else []
        if documento and documento != termo and _LIKE_SAFE.match(documento):
            options.append(_contem(P.c.busca, documento))
        conds.append(or_(*options) if options else false())
    if filtro.ids:
        conds.append(P.c.id.in_(filtro.ids))
    if filtro.documentos:
        conds.append(P.c.documento.in_([documentos.normalizar(d) for d in filtro.documentos]))
    if filtro.emails:
        conds.append(or_(*(_contem(func.lower(P.c.email), e.strip().lower()) for e in filtro.emails)))
    if filtro.nomes:
        conds.append(or_(*(_contem(P.c.nome_busca, chave(n)) for n in filtro.nomes)))
    if filtro.telefones:
        options = []
        for telefone in filtro.telefones:
            digits = re.sub(r"\D", "", telefone)
            if digits:
                options += [_contem(_digitos(P.c.telefone_celular), digits)]
                options += [_contem(_digitos(P.c.telefone_comercial), digits)]
        conds.append(or_(*options) if options else false())
    if filtro.codigos:
        conds.append(P.c.codigo.in_(filtro.codigos))
    if filtro.tipos:
        conds.append(P.c.tipo_pessoa.in_(filtro.tipos))
    if filtro.perfis:
        conds.append(or_(*(_PERFIL_COLUNA[p].is_(True) for p in filtro.perfis)))
    for values, column in (
        (filtro.inscricoes_estaduais, P.c.inscricoes_estaduais),
        (filtro.inscricoes_municipais, P.c.inscricoes_municipais),
    ):
        if values:
            keys = [valor_inscricao(v) for v in values if valor_inscricao(v)]
            conds.append(or_(*(column.like(f"%|{key}|%") for key in keys)) if keys else false())
    if filtro.cidades or filtro.ufs or filtro.paises:
        address = [_EA.c.pessoa_seq == P.c.seq, _EA.c.tenant_id == P.c.tenant_id]
        if filtro.cidades:
            address.append(_EA.c.cidade_busca.in_([chave(c) for c in filtro.cidades]))
        if filtro.ufs:
            address.append(_EA.c.estado.in_([u.strip().upper() for u in filtro.ufs]))
        if filtro.paises:
            address.append(func.lower(_EA.c.pais).in_([p.strip().lower() for p in filtro.paises]))
        conds.append(exists().where(*address))
    if filtro.ativo is not None:
        conds.append(P.c.ativo.is_(filtro.ativo))
    if filtro.criado_de is not None and filtro.criado_ate is not None:
        conds += [P.c.criado_em >= filtro.criado_de, P.c.criado_em < filtro.criado_ate]
    if filtro.alterado_de is not None and filtro.alterado_ate is not None:
        conds += [P.c.data_alteracao >= filtro.alterado_de, P.c.data_alteracao <= filtro.alterado_ate]
    if filtro.ativado_de is not None and filtro.ativado_ate is not None:
        conds += [P.c.ativado_em >= filtro.ativado_de, P.c.ativado_em < filtro.ativado_ate]
    return conds


def _ordem(filtro: FiltroPessoas) -> list[Any]:
    desc = filtro.descendente
    nome = [P.c.nome_busca.desc(), P.c.seq.desc()] if desc else [P.c.nome_busca.asc(), P.c.seq.asc()]
    if filtro.ordenacao == "NOME":
        return nome
    column = {"EMAIL": func.lower(P.c.email), "DOCUMENTO": P.c.documento, "ATIVO": P.c.ativo}[
        filtro.ordenacao
    ]
    first = column.desc() if desc else column.asc()
    return [first.nulls_last(), P.c.nome_busca.asc(), P.c.seq.asc()]


def versao(reader: Reader, tenant_id: str) -> int:
    rows = fetch(reader, _VERSAO, scope(tenant_id))
    return rows[0][0] if rows else 0


def _numerados(tenant: Any, conds: list, desc: bool) -> Select:
    """Sort keys of rows 0, CHECKPOINT, 2·CHECKPOINT, … of the filter in name order: one window query."""
    order = [P.c.nome_busca.desc(), P.c.seq.desc()] if desc else [P.c.nome_busca.asc(), P.c.seq.asc()]
    numbered = (
        select(P.c.nome_busca, P.c.seq, func.row_number().over(order_by=order).label("n"))
        .where(P.c.tenant_id == tenant, *conds)
        .subquery()
    )
    return (
        select(numbered.c.nome_busca, numbered.c.seq)
        .where((numbered.c.n - 1) % bindparam("p_cada", type_=Integer) == 0)
        .order_by(numbered.c.n)
    )


def _desde(key: tuple[Any, Any], desc: bool) -> ColumnElement[bool]:
    """Rows at or after a sort key. Written `nome >= k AND (nome > k OR seq >= s)`, so that both engines
    seek the (tenant, nome_busca, seq) index to `k` (the row-value form and a bare OR scan from the
    start of the tenant's rows on SQLite)."""
    nome, seq = key
    if desc:
        return and_(P.c.nome_busca <= nome, or_(P.c.nome_busca < nome, P.c.seq <= seq))
    return and_(P.c.nome_busca >= nome, or_(P.c.nome_busca > nome, P.c.seq >= seq))


def _pagina(
    filtro: FiltroPessoas, tenant: Any, conds: list, desde: tuple[Any, Any] | None, offset: Any, limit: Any
) -> Select:
    """A page as a deferred join: the rows skipped by OFFSET are walked in the (tenant, name, seq) index
    only, and just the page's rows are read whole (with their first address when asked)."""
    ordem = _ordem(filtro)
    chaves = select(P.c.seq).where(P.c.tenant_id == tenant, *conds)
    if desde is not None:
        chaves = chaves.where(_desde(desde, filtro.descendente))
    chaves = chaves.order_by(*ordem).offset(offset).limit(limit).correlate(None)
    if filtro.com_endereco:
        stmt = select(*_RESUMO, *_ENDERECO).select_from(_COM_PRIMEIRO_ENDERECO)
    else:
        stmt = select(*_RESUMO)
    return stmt.where(P.c.seq.in_(chaves.scalar_subquery())).order_by(*ordem)


class _Padrao:
    """The unfiltered list in name order, the common case: its statements built once per shape and run on
    the fast path, with the tenant, offsets and keys as bound parameters."""

    CONTAR = select(func.count()).select_from(P).where(owned(P))

    def __init__(self) -> None:
        self.statements: dict[tuple, Select] = {}
        for descendente in (False, True):  # all built up front: no race between threads
            self.numerados(descendente)
            for com_endereco in (False, True):
                for keyset in (False, True):
                    for com_versao in (False, True):
                        filtro = FiltroPessoas(com_endereco=com_endereco, descendente=descendente)
                        self.pagina(filtro, keyset, com_versao)

    @staticmethod
    def aplica(filtro: FiltroPessoas) -> bool:
        return filtro.ordenacao == "NOME" and filtro == FiltroPessoas(
            com_endereco=filtro.com_endereco, descendente=filtro.descendente
        )

    def pagina(self, filtro: FiltroPessoas, keyset: bool, com_versao: bool = False) -> Select:
        """`com_versao` adds the company's data version as the last column of every row."""
        key = ("pagina", filtro.com_endereco, filtro.descendente, keyset, com_versao)
        stmt = self.statements.get(key)
        if stmt is None:
            desde = (bindparam("k_nome"), bindparam("k_seq")) if keyset else None
            offset, limit = bindparam("p_offset", type_=Integer), bindparam("p_limit", type_=Integer)
            stmt = _pagina(filtro, TENANT, [], desde, offset, limit)
            if com_versao:
                stmt = stmt.add_columns(func.coalesce(_VERSAO.scalar_subquery(), 0))
            self.statements[key] = stmt
        return stmt

    def numerados(self, desc: bool) -> Select:
        key = ("numerados", desc)
        stmt = self.statements.get(key)
        if stmt is None:
            stmt = self.statements[key] = _numerados(TENANT, [], desc)
        return stmt


_padrao = _Padrao()


def _checkpoints(
    reader: Reader, tenant_id: str, filtro: FiltroPessoas, padrao: bool, conds: list
) -> list[tuple[str, int]]:
    if padrao:
        rows = fetch(
            reader, _padrao.numerados(filtro.descendente), scope(tenant_id, p_cada=listas.CHECKPOINT)
        )
    else:
        stmt = _numerados(tenant_id, conds, filtro.descendente)
        rows = core(reader).execute(stmt, {"p_cada": listas.CHECKPOINT}).all()
    return [(row[0], row[1]) for row in rows]


_cache = CacheListas()


def listar(
    reader: Reader, tenant_id: str, filtro: FiltroPessoas, offset: int, limit: int
) -> tuple[int, list[PessoaRegistro]]:
    padrao = _Padrao.aplica(filtro)
    if padrao and (vista := _cache.versoes_vistas.get(tenant_id)) is not None:
        lista = _cache.get((tenant_id, vista, filtro))
        if (
            lista is not None
            and 0 <= offset < lista.total
            and (offset < listas.KEYSET_FROM or lista.checkpoints)
        ):
            desde, resto = lista.posicao(offset)
            stmt = _padrao.pagina(filtro, desde is not None, com_versao=True)
            rows = fetch(reader, stmt, parametros(tenant_id, desde, resto, limit))
            if rows and rows[0][-1] == vista:
                return lista.total, _registros(filtro, rows)
    conds = [] if padrao else _condicoes(filtro)
    atual = versao(reader, tenant_id)
    if padrao:
        _cache.versoes_vistas[tenant_id] = atual
    key = (tenant_id, atual, filtro)

    def contar() -> int:
        if padrao:
            return fetch(reader, _Padrao.CONTAR, scope(tenant_id))[0][0]
        return core(reader).execute(scoped_select(P, tenant_id, func.count()).where(*conds)).scalar_one()

    lista = _cache.lista(reader, key, contar)
    if lista.total == 0 or offset >= lista.total:
        return lista.total, []
    if filtro.ordenacao == "NOME" and offset >= listas.KEYSET_FROM:
        _cache.checkpoints(reader, key, lista, lambda: _checkpoints(reader, tenant_id, filtro, padrao, conds))
    desde, resto = lista.posicao(offset) if filtro.ordenacao == "NOME" else (None, offset)
    if padrao:
        stmt = _padrao.pagina(filtro, desde is not None)
        rows = fetch(reader, stmt, parametros(tenant_id, desde, resto, limit))
    else:
        rows = core(reader).execute(_pagina(filtro, tenant_id, conds, desde, resto, limit)).all()
    return lista.total, _registros(filtro, rows)


def _registros(filtro: FiltroPessoas, rows: Sequence[Sequence[Any]]) -> list[PessoaRegistro]:
    pessoas = []
    for row in rows:
        pessoa = _pessoa(row, detalhe=False)
        if filtro.com_endereco:
            endereco = _endereco(row, _N_RESUMO)
            if endereco is not None:
                pessoa.enderecos.append(endereco)
        pessoas.append(pessoa)
    return pessoas
