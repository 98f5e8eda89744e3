"""Bulk seeding of the financial core for the search benchmark (`--endpoints buscar`; issue 4).

1,000,000 installments (`--parcelas`) over 5 companies, one (the demo company) holding 70% and the other
four 7.5% each, due on the days of one calendar year; each event has 1 to 7 installments (4 on average), a
month apart, one or two rateio lines (a category of the company's plan of the event's kind) and, where the
company has cost centers, cost-center lines for a third of them; 60% of the events are receivables.
Installments due before today are partly settled (in full or in part, with their settlements in `baixas`,
the installment's `valor_pago`/`nao_pago`/`data_pagamento` consistent with them) and a few are lost; some
are cancelled or renegotiated. Contacts, accounts and categories are the companies' own rows, so every
reference in the API's answers resolves.

As the people seeder (design/performance.md rule 6): rows built from the live schema (the tables are
reflected; columns the seeder does not set take the model's defaults), column by column, each value encoded
once for the engine, in forked processes a batch ahead of the load (one for SQLite, whose load is the
slow side; two for PostgreSQL). The batches follow a plan in the order of the installments' search index
(company, kind, first due date; `_plano`), each with its own random stream, ids and rateio seqs, so the data
are the same whichever process builds it. Ids are laid out as the application's UUIDv7, ascending in the
order each table is written, so the indexes they lead fill by appending or build from sorted rows.

SQLite: one transaction of `executemany`, 50 rows an INSERT, values the same in every row written as
literals, without a journal and with CHECK constraints not evaluated row by row (the rows satisfy them by
construction; the bare connection has foreign keys off); the secondary indexes, except those led by a
parent's id (which fill by appending), are dropped before and built at the end of that transaction.

PostgreSQL: `COPY … (FORMAT BINARY)` on one connection per table side by side, foreign-key triggers off
for the load as `pg_restore --disable-triggers` does; every index is dropped before the load and built
after it (primary keys and unique constraints too, except those a foreign key references), from the
definitions the database itself reports (so the ones a migration adds come back too), on two connections,
after `VACUUM ANALYZE` of the installments and `ANALYZE` of the other tables. The installments are written
in their search index's order (a batch's installments due after its window wait for the batch of their
window), into the table emptied in the same transaction and `FREEZE` (so no page's leftover space is filled
out of order, and nothing is left for the vacuum): the search index's build then finds them sorted.

Everything from the first row built to the last index is timed: <= 15 s on each engine.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import random
import sqlite3
import struct
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import chain, repeat
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from bench.seed import _default, _is_serial_pk, _model_table, _neutral, libpq_url, seed_people

EVENTOS = "eventos_financeiros"
RATEIOS = "rateios"
CENTROS = "rateios_centros_custo"
PARCELAS = "parcelas"
BAIXAS = "baixas"
VERSOES = "financeiro_versoes"
TABLES = (EVENTOS, RATEIOS, CENTROS, PARCELAS, BAIXAS)

SHARES = (0.70, 0.075, 0.075, 0.075, 0.075)
RECEITA_SHARE = 0.6  # of events: receivables; the rest payables
ANO = 2026
CHUNK = 50_000  # installments per batch (the first one is built before anything loads)
CONSTRUTORES_SQLITE = 1  # builder processes: SQLite's load is the slow side, one keeps ahead of it
CONSTRUTORES_PG = 2  # the COPYs are the fast side: two builders, one a core
RATEIOS_POR_LOTE = 2 * CHUNK  # rateio seqs kept for a batch: at most two lines an event, an event a row
ROWS_PER_INSERT = 50  # SQLite: rows per INSERT statement
# SQLite: indexes led by the parent's id, which the rows arrive sorted by (ids ascend, children follow their
# event or installment): kept during the load, as they fill by appending, cheaper than sorting them afterwards.
MANTIDOS = frozenset(
    {"ix_parcelas_evento", "ix_rateios_evento", "ix_rateios_centros_custo_evento", "ix_baixas_parcela"}
)
PEOPLE_PER_OTHER_COMPANY = 2_000

_DESCRICOES_RECEITA = (
    "Venda de produtos", "Prestação de serviços", "Mensalidade", "Consultoria", "Assinatura", "Aluguel recebido",
    "Manutenção", "Projeto", "Licença de software", "Treinamento",
)  # fmt: skip
_DESCRICOES_DESPESA = (
    "Aluguel", "Energia elétrica", "Fornecedor de insumos", "Folha de pagamento", "Internet", "Contabilidade",
    "Frete", "Material de escritório", "Impostos", "Manutenção de equipamentos",
)  # fmt: skip
_NOMES = _DESCRICOES_RECEITA + _DESCRICOES_DESPESA
# "Aluguel (2/3)" by (name, j, k) = name * 64 + j * 8 + k: an event has at most 7 installments
_ROTULOS = [f"{_NOMES[c // 64]} ({c // 8 % 8}/{c % 8})" for c in range(len(_NOMES) * 64)]
_METODOS = ("PIX_PAGAMENTO_INSTANTANEO", "BOLETO_BANCARIO", "TRANSFERENCIA_BANCARIA", "DINHEIRO", None)


@dataclass
class ParcelasSeedReport:
    engine: str
    parcelas: int = 0
    eventos: int = 0
    rateios: int = 0
    centros: int = 0
    baixas: int = 0
    companies: list[dict[str, Any]] = field(default_factory=list)
    seconds_setup: float = 0.0  # the 4 extra companies and their people (not part of the acceptance)
    seconds_build: float = 0.0  # building rows in Python (on PostgreSQL, overlapped with COPY)
    seconds_insert: float = 0.0
    seconds_indexes: float = 0.0  # PostgreSQL: VACUUM ANALYZE included
    seconds_total: float = 0.0  # wall clock from the first row built to the end of the analysis
    seconds_steps: dict[str, float] = field(default_factory=dict)  # SQLite: each index build, the commit

    def line(self) -> str:
        pg = self.engine != "sqlite"
        return (
            f"seeded {self.parcelas:,} installments ({self.eventos:,} events, {self.rateios:,} rateio lines, "
            f"{self.centros:,} cost-center lines, {self.baixas:,} settlements) over {len(self.companies)} companies "
            f"on {self.engine} in {self.seconds_total:.2f} s (build {self.seconds_build:.2f} s, "
            f"{'COPY' if pg else 'executemany'} {self.seconds_insert:.2f} s, "
            f"{'VACUUM ANALYZE + indexes' if pg else 'indexes'} {self.seconds_indexes:.2f} s); setup of the "
            f"other companies {self.seconds_setup:.1f} s (not timed)"
        )


# ------------------------------------------------------------------------------------- the companies


def extra_companies(url: str, demo_tenant: str, count: int = 4) -> list[str]:
    """The demo company first, then `count` companies made by the application's own service (each with the
    default plan of categories and the Caixinha account), each with a few people."""
    from anil.services.admin import criar_empresa
    from anil.storage.engine import Database

    db = Database(url, pool_size=1)
    try:
        ids = db.run_write(
            lambda s: [
                criar_empresa(s, razao_social=f"Empresa Bench {n} Ltda").id for n in range(1, count + 1)
            ]
        )
    finally:
        db.dispose()
    return [demo_tenant, *ids]


@dataclass
class _Refs:
    tenant: str
    contatos: list[str]
    contas: list[str]
    categorias: dict[str, list[str]]  # tipo → ids
    centros: list[str]


def _refs(engine: sa.Engine, tenant: str) -> _Refs:
    md = sa.MetaData()
    pessoas = sa.Table("pessoas", md, autoload_with=engine)
    contas = sa.Table("contas_financeiras", md, autoload_with=engine)
    categorias = sa.Table("categorias", md, autoload_with=engine)
    centros = sa.Table("centros_de_custo", md, autoload_with=engine)
    with engine.connect() as conn:
        contatos = [r[0] for r in conn.execute(sa.select(pessoas.c.id).where(pessoas.c.tenant_id == tenant))]
        conta_ids = [r[0] for r in conn.execute(sa.select(contas.c.id).where(contas.c.tenant_id == tenant))]
        cats: dict[str, list[str]] = {"RECEITA": [], "DESPESA": []}
        stmt = sa.select(categorias.c.id, categorias.c.tipo).where(
            categorias.c.tenant_id == tenant, categorias.c.categoria_pai.is_not(None)
        )
        for cat_id, tipo in conn.execute(stmt.order_by(categorias.c.seq)):
            cats.setdefault(tipo, []).append(cat_id)
        centro_ids = [
            r[0] for r in conn.execute(sa.select(centros.c.id).where(centros.c.tenant_id == tenant))
        ]
    return _Refs(tenant, contatos, conta_ids, cats, centro_ids)


# ------------------------------------------------------------------------------------------ the rows


# Kinds of the generated values, one letter a column: U a uuid (or None), T text of a few distinct values (or
# None), I integer, D a day (index from 1 January, or None), M money in cents (or None), S a timestamp (a code
# of `_Codec.stamps`), X already encoded (an event's value its installments repeat: encoded once per event).
_EVENTO = [("id", "X"), ("tenant_id", "T"), ("tipo", "X"), ("data_competencia", "X"), ("valor", "M"),
           ("descricao", "T"), ("contato_id", "X"), ("conta_financeira_id", "X"), ("criado_em", "X"),
           ("alterado_em", "X")]  # fmt: skip
_RATEIO = [("seq", "I"), ("tenant_id", "T"), ("evento_id", "X"), ("posicao", "I"), ("categoria_id", "T"),
           ("valor", "M")]  # fmt: skip
_CENTRO = [("tenant_id", "T"), ("evento_id", "X"), ("rateio_seq", "I"), ("posicao", "I"),
           ("centro_custo_id", "T"), ("valor", "M")]  # fmt: skip
_PARCELA = [("id", "U"), ("evento_id", "X"), ("tipo", "X"), ("contato_id", "X"), ("data_competencia", "X"),
            ("conta_financeira_id", "X"), ("criado_em", "X"), ("indice", "I"), ("descricao", "T"),
            ("data_vencimento", "D"), ("metodo_pagamento", "T"), ("valor_bruto", "M"), ("valor_pago", "M"),
            ("nao_pago", "M"), ("data_pagamento", "D"), ("perda_data", "D"), ("perda_valor", "M"),
            ("situacao", "T"), ("alterado_em", "S"), ("tenant_id", "T")]  # fmt: skip
# PostgreSQL: the six values an installment copies from its event go as one block, joined once per event
_DO_EVENTO = ("evento_id", "tipo", "contato_id", "data_competencia", "conta_financeira_id", "criado_em")
_PARCELA_PG = [("id", "U"), (_DO_EVENTO, "X"), *_PARCELA[7:]]
_BAIXA = [("id", "U"), ("tenant_id", "T"), ("parcela_id", "U"), ("evento_id", "X"), ("tipo", "X"),
          ("data_pagamento", "D"), ("valor_bruto", "M"), ("conta_financeira_id", "X"), ("metodo_pagamento", "T"),
          ("criado_em", "S"), ("atualizado_em", "S")]  # fmt: skip

_EPOCH = date(2000, 1, 1)  # PostgreSQL's binary dates and timestamps count from here
_NULL = b"\xff\xff\xff\xff"
_PGCOPY = b"PGCOPY\n\xff\r\n\x00" + b"\x00\x00\x00\x00" * 2  # binary COPY signature, flags, no extension


def _field(payload: bytes) -> bytes:
    return struct.pack(">i", len(payload)) + payload


_NUM_3 = struct.Struct(">ihhhhhhh")  # field length, ndigits, weight, sign, dscale, three base-10000 digits


def _numeric(cents: int) -> bytes:
    """PostgreSQL's binary NUMERIC of `cents / 100` with scale 2: base-10000 digits, weight, sign, dscale."""
    if 1_000_000 <= cents < 1_000_000_000 and cents % 100 and (cents // 100) % 10_000:
        inteiro, fracao = divmod(cents, 100)  # 10,000.01 to 9,999,999.99: the events' totals, straight
        alto, baixo = divmod(inteiro, 10_000)
        return _NUM_3.pack(14, 3, 1, 0, 2, alto, baixo, fracao * 100)
    sign = 0x4000 if cents < 0 else 0
    inteiro, fracao = divmod(abs(cents), 100)
    grupos: list[int] = []
    while inteiro:
        inteiro, resto = divmod(inteiro, 10_000)
        grupos.append(resto)
    grupos.reverse()
    weight = len(grupos) - 1
    digitos = [*grupos, fracao * 100]
    while digitos and digitos[-1] == 0:
        digitos.pop()
    while digitos and digitos[0] == 0:
        digitos.pop(0)
        weight -= 1
    if not digitos:
        weight, sign = 0, 0
    return _field(struct.pack(f">hhhh{len(digitos)}h", len(digitos), weight, sign, 2, *digitos))


class _Codec:
    """How one engine's bulk path wants each kind of value: SQLite's `executemany` parameters as SQLAlchemy
    would bind them (dates and timestamps as text, money as a float), or PostgreSQL's binary COPY fields
    (the server then parses nothing). Every value a calendar day or a timestamp can take is encoded once."""

    def __init__(self, sqlite: bool, inicio: date, dias: int) -> None:
        self.sqlite = sqlite
        days = [inicio + timedelta(days=d - _ANTES) for d in range(dias + _ANTES + 10)]
        stamps = [
            datetime.combine(d, datetime.min.time()) + timedelta(hours=hora, minutes=minuto)
            for d in days
            for hora, minuto in ((11, 7), (15, 30))
        ]
        if sqlite:
            self.days: list[Any] = [d.isoformat() for d in days]
            self.stamps: list[Any] = [t.strftime("%Y-%m-%d %H:%M:%S.%f") for t in stamps]
            self.null: Any = None
        else:
            self.days = [_field(struct.pack(">i", (d - _EPOCH).days)) for d in days]
            epoch = datetime.combine(_EPOCH, datetime.min.time())
            self.stamps = [
                _field(struct.pack(">q", (t - epoch) // timedelta(microseconds=1))) for t in stamps
            ]
            self.null = _NULL
            self._money = [_numeric(c) for c in range(MONEY_CACHE)]
            self._ints = [_field(struct.pack(">i", i)) for i in range(INT_CACHE)]
            self._texts: dict[str, bytes] = {}

    def column(self, kind: str, values: Any) -> Any:
        """A column of generated values, encoded; `repeat(value)` (the company's id) stays a repeat."""
        if kind == "X":
            return values
        if isinstance(values, repeat):
            return repeat(self.column(kind, [next(values)])[0])
        null = self.null
        if kind == "D":
            days = self.days
            if None not in values:
                return [days[d + _ANTES] for d in values]
            return [days[d + _ANTES] if d is not None else null for d in values]
        if kind == "S":
            stamps = self.stamps
            return [stamps[s] for s in values]
        if self.sqlite:
            if kind == "M":
                return [c / 100 if c is not None else None for c in values]
            return values  # U, T, I: as they are
        if kind == "M":
            cache, limit = self._money, MONEY_CACHE
            try:
                if min(values) >= 0:
                    return [cache[c] for c in values]
            except (TypeError, ValueError, IndexError):  # a None, no values, a value beyond the cache
                pass
            return [(cache[c] if 0 <= c < limit else _numeric(c)) if c is not None else _NULL for c in values]
        if kind == "I":
            ints, limit = self._ints, INT_CACHE
            return [ints[i] if 0 <= i < limit else _field(struct.pack(">i", i)) for i in values]
        if kind == "U":
            prefix = _UUID_LENGTH
            return [prefix + text.encode() if text is not None else _NULL for text in values]
        # T: a few distinct strings, each encoded once
        texts = self._texts
        # (`difference` with a dict looks up this batch's values only, not the whole dict)
        for text in set(values).difference(texts):
            texts[text] = _field(text.encode()) if text is not None else _NULL
        return [texts[text] for text in values]


_UUID_LENGTH = struct.pack(">i", 36)
MONEY_CACHE = 500_000  # binary NUMERICs precomputed for 0.00 to 4,999.99
INT_CACHE = 1_000


class _Table:
    """One table as the database has it: the insert columns in the order `varying + constants`, so that a
    row is the varying values followed by the constant ones, encoded once. Columns the seeder does not set
    take the model's default (or NULL)."""

    def __init__(
        self, engine: sa.Engine, name: str, varying: list[tuple[str, str]], constants: dict[str, Any]
    ) -> None:
        self.name = name
        self.sqlite = engine.dialect.name == "sqlite"
        db_table = sa.Table(name, sa.MetaData(), autoload_with=engine)
        model = _model_table(name)
        # a generated column may stand for several database columns (already joined: PostgreSQL's blocks)
        self.varying = [
            c for column, _ in varying for c in ((column,) if isinstance(column, str) else column)
        ]
        self.kinds = [kind for _, kind in varying]
        missing = [c for c in self.varying if c not in db_table.c]
        if missing:
            raise RuntimeError(
                f"{name}: columns {missing} are gone from the schema; update bench/seed_parcelas.py"
            )
        names = [c.name for c in db_table.columns if not _is_serial_pk(c, db_table) or c.name in self.varying]
        values: dict[str, Any] = {}
        for n in names:
            if n in self.varying:
                continue
            if n in constants:
                values[n] = constants[n]
                continue
            mc = model.c[n] if model is not None and n in model.c else None
            has_default, value = _default(mc)
            if has_default:
                values[n] = value
            elif not db_table.c[n].nullable:
                values[n] = _neutral(mc if mc is not None else db_table.c[n])
            # nullable without a default: left out of the insert (NULL)
        self.constant_names = list(values)
        self.columns = self.varying + self.constant_names
        types = {
            c.name: (model.c[c.name].type if model is not None and c.name in model.c else c.type)
            for c in db_table.columns
        }
        dialect = engine.dialect
        if self.sqlite:
            self.constants: Any = tuple(
                _sqlite_value(values[n], types[n], dialect) for n in self.constant_names
            )
        else:
            self.constants = b"".join(_binary_value(values[n], types[n]) for n in self.constant_names)
            self.header = struct.pack(">h", len(self.columns))

    def quoted_columns(self) -> str:
        return ", ".join(f'"{c}"' for c in self.columns)

    def encode(self, codec: _Codec, columns: list[Any]) -> list[Any]:
        return [codec.column(kind, column) for kind, column in zip(self.kinds, columns, strict=True)]

    def sqlite_inserts(self, columns: list[Any]) -> list[tuple[str, Iterator[tuple[Any, ...]]]]:
        """The INSERTs and their parameters (encoded columns): values the same in every row (the constants,
        the company's id) are literals in the statement, so that only what varies is bound; rows go
        `ROWS_PER_INSERT` to a statement (`VALUES (…), (…), …`: one step for many rows), the rest one by one."""
        names, slots, bound = [], [], []
        for name, column in zip(self.varying, columns, strict=True):
            names.append(f'"{name}"')
            if isinstance(column, repeat):
                slots.append(_sqlite_literal(next(column)))
            else:
                slots.append("?")
                bound.append(column)
        for name, value in zip(self.constant_names, self.constants, strict=True):
            names.append(f'"{name}"')
            slots.append(_sqlite_literal(value))
        row = f"({', '.join(slots)})"
        head = f'INSERT INTO "{self.name}" ({", ".join(names)}) VALUES '
        per = max(1, min(ROWS_PER_INSERT, 32_000 // max(1, len(bound))))
        rows = list(zip(*bound, strict=True))
        full = len(rows) - len(rows) % per
        flat = chain.from_iterable
        return [
            (head + ", ".join([row] * per), (tuple(flat(rows[i : i + per])) for i in range(0, full, per))),
            (head + row, iter(rows[full:])),
        ]

    def copy_binary(self, columns: list[Any]) -> bytes:
        """Binary COPY tuples (encoded columns): field count, the varying fields, the constant ones."""
        return b"".join(self._fields(columns))

    def copy_binary_por_dia(self, columns: list[Any], dias: list[int]) -> list[tuple[int, bytes]]:
        """The tuples of rows in ascending order of `dias` (one per row), cut where the day changes:
        (day, that day's tuples)."""
        fields = self._fields(columns)
        width = len(fields) // len(dias) if dias else 0
        cortes = [i for i in range(1, len(dias)) if dias[i] != dias[i - 1]]
        return [
            (dias[a], b"".join(fields[a * width : b * width]))
            for a, b in zip([0, *cortes], [*cortes, len(dias)], strict=True)
        ] if dias else []  # fmt: skip

    def _fields(self, columns: list[Any]) -> list[bytes]:
        """Row by row: the header, the varying fields, the tail (trailing values the same in every row, the
        company's id, a `repeat`, joined to the constants)."""
        columns = list(columns)
        tail = self.constants
        while columns and isinstance(columns[-1], repeat):
            tail = next(columns.pop()) + tail
        n = _size(columns)
        width = len(columns) + 2
        fields = [self.header] * (width * n)
        for k, column in enumerate(columns, 1):
            fields[k::width] = [next(column)] * n if isinstance(column, repeat) else column
        fields[width - 1 :: width] = [tail] * n
        return fields


def _sqlite_value(value: Any, kind: sa.types.TypeEngine, dialect: sa.Dialect) -> Any:
    if value is None:
        return None
    if isinstance(kind, sa.JSON):
        import json

        return json.dumps(value)
    processor = kind.dialect_impl(dialect).bind_processor(dialect)
    return processor(value) if processor else value


def _binary_value(value: Any, kind: sa.types.TypeEngine) -> bytes:
    """A constant in PostgreSQL's binary COPY format, by the column's type."""
    if value is None:
        return _NULL
    if isinstance(kind, sa.Boolean):
        return _field(b"\x01" if value else b"\x00")
    if isinstance(kind, sa.BigInteger):
        return _field(struct.pack(">q", value))
    if isinstance(kind, sa.Integer):
        return _field(struct.pack(">i", value))
    if isinstance(kind, sa.Numeric):
        return _numeric(int(Decimal(value).scaleb(kind.scale or 0)))
    if isinstance(kind, sa.DateTime):
        epoch = datetime.combine(_EPOCH, datetime.min.time())
        return _field(struct.pack(">q", (value - epoch) // timedelta(microseconds=1)))
    if isinstance(kind, sa.Date):
        return _field(struct.pack(">i", (value - _EPOCH).days))
    if isinstance(kind, sa.JSON):
        raise RuntimeError("a JSON constant column: update bench/seed_parcelas.py")
    return _field(str(value).encode())


def _sqlite_literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _uuids(rng: random.Random, ordem: list[int]) -> list[str]:
    """Ids laid out as the application's own (UUID version 7, `storage.types.new_uuid`), whose leading
    48-bit time field orders them: here `ordem`, the place of each row in the order the load writes its
    table, so that the ids ascend with it; 72 random bits from the seeded generator follow. Each index led
    by an id is then filled by appending (the unique ones kept during the load) or built from rows already
    in its order (the others), without sorting anything."""
    n = len(ordem)
    if not n:
        return []
    # one buffer of all the ids, filled column by column of characters (C loops, not one string per id)
    tempo = (("%012x" * n) % tuple(ordem)).encode()
    acaso = rng.randbytes(9 * n).hex().encode()
    ids = bytearray(36 * n)
    for k in range(12):  # xxxxxxxx-xxxx: the time field
        ids[k + k // 8 :: 36] = tempo[k::12]
    ids[8::36] = ids[13::36] = ids[18::36] = ids[23::36] = b"-" * n
    ids[14::36] = b"7" * n  # the version
    ids[19::36] = b"a" * n  # the variant
    for k, posicao in enumerate([15, 16, 17, 20, 21, 22, *range(24, 36)]):
        ids[posicao::36] = acaso[k::18]
    texto = ids.decode()
    return [texto[i : i + 36] for i in range(0, 36 * n, 36)]


def _ordem(numero: int, n: int) -> list[int]:
    """The time field of a batch's `n` rows written in batch order: the batch's number, then the row's."""
    base = numero << _BITS_LINHA
    return list(range(base, base + n))


_BITS_LINHA = 20  # rows a batch may have: 2**20
_BITS_LOTE = 12  # batches: 2**12
_BITS_DIA = 9  # days of the year
MAX_PARCELAS_POR_EVENTO = 7  # 1 to 7 installments per event, 4 on average
PAGO_INTEIRO, PAGO_PARCIAL, PERDIDO = 0.15, 0.18, 0.19  # of installments past due (cumulative shares)
CANCELADO, RENEGOCIADO = 0.01, 0.015  # of all installments (cumulative)
_ANTES = 30  # days before 1 January that competência dates may fall on


@dataclass
class _Fatia:
    """What one batch holds: `n` installments of one company (`empresa`, its index in the seed's list) and
    one kind, of the events whose first installment falls due in [`inicio`, `fim`) (days from 1 January);
    `ultima`: the last batch of that company and kind."""

    refs: _Refs
    n: int
    empresa: int
    receita: bool
    inicio: int
    fim: int
    ultima: bool
    grupo: int  # the place of its company and kind in the plan


def _plano(
    refs: list[_Refs], shares: list[int], ordem_empresas: list[int], receita_antes: bool, dias: int
) -> list[_Fatia]:
    """The batches in the order the installments' search index sorts them: company (`ordem_empresas`, the
    companies' places in the order of their ids), kind (`receita_antes`: RECEITA sorts before DESPESA),
    first due date. Each company's installments of a kind are cut into windows of first due dates of about
    `CHUNK` installments each; an event's later installments fall due in the windows after its own."""
    plano: list[_Fatia] = []
    for k, empresa in enumerate(ordem_empresas):
        total = shares[empresa]
        receitas = round(total * RECEITA_SHARE)
        for m, receita in enumerate((receita_antes, not receita_antes)):
            grupo = 2 * k + m
            n = receitas if receita else total - receitas
            janelas = max(1, -(-n // CHUNK))
            for w in range(janelas):
                plano.append(
                    _Fatia(refs[empresa], n * (w + 1) // janelas - n * w // janelas, empresa, receita,
                           dias * w // janelas, dias * (w + 1) // janelas, w == janelas - 1, grupo)
                )  # fmt: skip
    return [f for f in plano if f.n]


@dataclass
class _Lote:
    """One batch of rows, column by column, encoded for the engine; `dias`: the installments' due days, in
    their (ascending) order."""

    eventos: list[Any]
    rateios: list[Any]
    centros: list[Any]
    parcelas: list[Any]
    baixas: list[Any]
    dias: list[int]


class _Generator:
    """Rows built column by column (list comprehensions over precomputed values: a few hundred ns per row)."""

    def __init__(self, engine: sa.Engine, hoje: date, seed: int) -> None:
        self.sqlite = engine.dialect.name == "sqlite"
        self.seed = seed
        self.rng = random.Random(seed)
        self.hoje = hoje
        common = {"versao": 1}
        self.t_eventos = _Table(engine, EVENTOS, _EVENTO, {**common, "origem": "LANCAMENTO_FINANCEIRO",
                                "revisao": 1, "agendado": False, "observacao": "Carga do benchmark"})  # fmt: skip
        self.t_rateios = _Table(engine, RATEIOS, _RATEIO, {})
        self.t_centros = _Table(engine, CENTROS, _CENTRO, {})
        self.t_parcelas = _Table(engine, PARCELAS, _PARCELA if self.sqlite else _PARCELA_PG, {**common, "baixa_agendada": False,
                                 "conciliado": False, "multa": 0, "juros": 0, "desconto": 0, "taxa": 0})  # fmt: skip
        self.t_baixas = _Table(engine, BAIXAS, _BAIXA, {**common, "origem": "LANCAMENTO_FINANCEIRO",
                               "multa": 0, "juros": 0, "desconto": 0, "taxa": 0})  # fmt: skip
        self.tables = [self.t_eventos, self.t_rateios, self.t_centros, self.t_parcelas, self.t_baixas]
        self.rateio_base = 0  # the largest rateio seq before the load
        self.rateio_seq = 0
        self.inicio = date(ANO, 1, 1)
        self.dias = (date(ANO + 1, 1, 1) - self.inicio).days
        self.hoje_dia = (hoje - self.inicio).days
        self.codec = _Codec(self.sqlite, self.inicio, self.dias)

    def lote(self, fatia: _Fatia, numero: int) -> _Lote:
        """A batch's installments, with their events, rateio and cost-center lines, settlements, encoded for
        the engine: batch `numero` of the plan, the same whichever process builds it (its own random stream,
        its own range of rateio seqs, above the previous batch's)."""
        self.rng = rng = random.Random(self.seed * 1_000 + numero)
        self.rateio_seq = self.rateio_base + numero * RATEIOS_POR_LOTE
        rnd = rng.random
        dias, hoje = self.dias, self.hoje_dia
        refs, n = fatia.refs, fatia.n
        tenant = repeat(refs.tenant)

        # events: 1 to MAX_PARCELAS_POR_EVENTO installments each, the first due in the batch's window
        ks: list[int] = []
        total = 0
        while total < n:
            k = min(1 + int(rnd() * MAX_PARCELAS_POR_EVENTO), n - total)
            ks.append(k)
            total += k
        ne = len(ks)
        tipo_ev = ["RECEITA" if fatia.receita else "DESPESA"] * ne
        inicio, largura = fatia.inicio, fatia.fim - fatia.inicio
        primeiro = [inicio + int(rnd() * largura) for _ in range(ne)]
        competencia = [p - int(rnd() * 20) for p in primeiro]
        desc_ev = [int(rnd() * 10) for _ in range(ne)]
        contatos, contas = refs.contatos or [None], refs.contas or [None]
        nc, na = len(contatos), len(contas)
        contato_ev = [contatos[int(rnd() * nc)] for _ in range(ne)]
        conta_ev = [contas[int(rnd() * na)] for _ in range(ne)]
        evento_ids = _uuids(rng, _ordem(numero, ne))
        nome_ev = [(0 if fatia.receita else len(_DESCRICOES_RECEITA)) + i for i in desc_ev]  # in _NOMES
        nomes = [_NOMES[c] for c in nome_ev]
        # stamp codes: created at 11:07 on the competência day, or today for a competência still ahead
        criado_ev = [2 * (min(c, hoje) + _ANTES) for c in competencia]

        # installments, event by event
        ev_of: list[int] = []
        indice: list[int] = []
        for e, k in enumerate(ks):
            ev_of.extend([e] * k)
            indice.extend(range(1, k + 1))
        # a month apart; those past the year's end fall due in its last 28 days (never before the first)
        vencimento = [
            d if (d := primeiro[e] + 30 * (j - 1)) < dias else dias - 1 - int(rnd() * min(28, dias - primeiro[e]))
            for e, j in zip(ev_of, indice, strict=True)
        ]  # fmt: skip
        if not self.sqlite:
            # in due-date order, the search index's after company and kind, in which the PostgreSQL load
            # writes them (SQLite's load, batch by batch, keeps them event by event, so that the index by
            # event it keeps during the load fills by appending)
            ordem = sorted(range(n), key=vencimento.__getitem__)
            ev_of = [ev_of[i] for i in ordem]
            indice = [indice[i] for i in ordem]
            vencimento = [vencimento[i] for i in ordem]
        bruto = [1_000 + int(rnd() * 499_000) for _ in range(n)]
        valor_ev = [0] * ne
        for e, b in zip(ev_of, bruto, strict=True):
            valor_ev[e] += b
        sorte = [rnd() for _ in range(n)]
        situacao = [
            "CANCELADO" if x < CANCELADO else "RENEGOCIADO" if x < RENEGOCIADO else "NORMAL" for x in sorte
        ]
        # past due: the same draw (rescaled) decides settled in full, in part, lost or open
        pago = [
            0 if x < RENEGOCIADO or d >= hoje else
            b if (y := (x - RENEGOCIADO) / (1 - RENEGOCIADO)) < PAGO_INTEIRO else
            b // 2 if y < PAGO_PARCIAL else 0
            for x, d, b in zip(sorte, vencimento, bruto, strict=True)
        ]  # fmt: skip
        perda = [
            b - p if x >= RENEGOCIADO and d < hoje and PAGO_PARCIAL <= (x - RENEGOCIADO) / (1 - RENEGOCIADO) < PERDIDO
            else None
            for x, d, b, p in zip(sorte, vencimento, bruto, pago, strict=True)
        ]  # fmt: skip
        dia_pago = [
            (min(d + int(rnd() * 9) - 3, hoje) if p else None) for d, p in zip(vencimento, pago, strict=True)
        ]
        if self.sqlite:  # written batch by batch
            parcela_ids = _uuids(rng, _ordem(numero, n))
        else:  # written group by group, due day by day, each day's rows batch by batch
            alto = fatia.grupo << _BITS_DIA
            assert fatia.grupo < 1 << (48 - _BITS_DIA - _BITS_LOTE - _BITS_LINHA) and numero < 1 << _BITS_LOTE
            parcela_ids = _uuids(
                rng,
                [(((alto | d) << _BITS_LOTE | numero) << _BITS_LINHA) | i for i, d in enumerate(vencimento)],
            )
        metodos = _METODOS
        metodo = [metodos[int(rnd() * len(metodos))] for _ in range(n)]
        # "Aluguel (2/3)": one string object per distinct text (the codec encodes it once, by identity)
        rotulos = _ROTULOS
        descricao = [rotulos[nome_ev[e] * 64 + j * 8 + ks[e]] for e, j in zip(ev_of, indice, strict=True)]

        # the event's values its installments, rateio lines and settlements repeat: encoded once, here
        codec = self.codec
        e_id, e_tipo = codec.column("U", evento_ids), codec.column("T", tipo_ev)
        e_contato, e_conta = codec.column("T", contato_ev), codec.column("T", conta_ev)
        e_comp, e_criado = codec.column("D", competencia), codec.column("S", criado_ev)
        eventos = [e_id, tenant, e_tipo, e_comp, valor_ev, nomes, e_contato, e_conta, e_criado, e_criado]
        if self.sqlite:
            do_evento = [
                [e_id[e] for e in ev_of], [e_tipo[e] for e in ev_of], [e_contato[e] for e in ev_of],
                [e_comp[e] for e in ev_of], [e_conta[e] for e in ev_of], [e_criado[e] for e in ev_of],
            ]  # fmt: skip
        else:
            bloco = [
                b"".join(t) for t in zip(e_id, e_tipo, e_contato, e_comp, e_conta, e_criado, strict=True)
            ]
            do_evento = [[bloco[e] for e in ev_of]]
        parcelas = [
            parcela_ids, *do_evento, indice, descricao, vencimento, metodo, bruto, pago,
            [b - p for b, p in zip(bruto, pago, strict=True)], dia_pago,
            [hoje if x is not None else None for x in perda], perda, situacao,
            [2 * (d + _ANTES) + 1 if d is not None else criado_ev[e] for d, e in zip(dia_pago, ev_of, strict=True)],
            tenant,
        ]  # fmt: skip

        # settlements of the installments with something paid (15:30 on the payment day)
        pagas = [i for i, p in enumerate(pago) if p]
        momento = [2 * (dia_pago[i] + _ANTES) + 1 for i in pagas]  # type: ignore[operator]
        baixas = [
            _uuids(rng, _ordem(numero, len(pagas))), tenant, [parcela_ids[i] for i in pagas], [e_id[ev_of[i]] for i in pagas],
            [e_tipo[ev_of[i]] for i in pagas], [dia_pago[i] for i in pagas], [pago[i] for i in pagas],
            [e_conta[ev_of[i]] for i in pagas], [metodo[i] for i in pagas], momento, momento,
        ]  # fmt: skip

        # rateio: one line (80%) or two halves; cost-center lines for a third of them, where there are any
        receitas = refs.categorias.get("RECEITA") or [None]
        despesas = refs.categorias.get("DESPESA") or [None]
        nr, nd = len(receitas), len(despesas)
        ra_ev: list[int] = []
        ra_pos: list[int] = []
        ra_val: list[int] = []
        for e, v in enumerate(valor_ev):
            if rnd() < 0.8 or v < 2:
                ra_ev.append(e)
                ra_pos.append(0)
                ra_val.append(v)
            else:
                ra_ev += (e, e)
                ra_pos += (0, 1)
                ra_val += (v // 2, v - v // 2)
        first_seq = self.rateio_seq + 1
        self.rateio_seq += len(ra_ev)
        assert len(ra_ev) <= RATEIOS_POR_LOTE
        ra_seq = list(range(first_seq, self.rateio_seq + 1))
        plano_de_contas, npc = (receitas, nr) if fatia.receita else (despesas, nd)
        categoria = [plano_de_contas[int(rnd() * npc)] for _ in ra_ev]
        rateios = [ra_seq, tenant, [e_id[e] for e in ra_ev], ra_pos, categoria, ra_val]
        centros_ids = refs.centros
        com_centro = [i for i in range(len(ra_ev)) if centros_ids and rnd() < 0.33]
        ncc = len(centros_ids) or 1
        centros = [
            tenant, [e_id[ra_ev[i]] for i in com_centro], [ra_seq[i] for i in com_centro],
            [0] * len(com_centro), [centros_ids[int(rnd() * ncc)] for _ in com_centro],
            [ra_val[i] for i in com_centro],
        ]  # fmt: skip
        encoded = [
            table.encode(codec, columns)
            for table, columns in zip(self.tables, (eventos, rateios, centros, parcelas, baixas), strict=True)
        ]
        return _Lote(*encoded, vencimento)


def _size(columns: list[Any]) -> int:
    for column in columns:
        if isinstance(column, list):
            return len(column)
    return 0


# ------------------------------------------------------------------------------------------ indexes


@dataclass
class _Indice:
    """An index the load drops and builds again: its table, name and CREATE statement, as the database has
    them, and, for one backing a primary key or unique constraint (PostgreSQL), the constraint's kind."""

    table: str
    name: str
    sql: str
    constraint: str | None = None  # "PRIMARY KEY" or "UNIQUE"


def _deferred_indexes(engine: sa.Engine) -> list[_Indice]:
    """The indexes of the loaded tables built after the load instead of row by row during it. SQLite: the
    secondary ones, except those led by a parent's id (`MANTIDOS`). PostgreSQL: every index, constraints'
    included, except the unique ones a foreign key references (dropping those would mean dropping and
    validating the foreign keys again): a sorted build costs a fraction of a million single inserts."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            rows = conn.exec_driver_sql(
                "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            ).all()
            return [_Indice(t, n, s) for t, n, s in rows if t in TABLES and n not in MANTIDOS]
        rows = conn.exec_driver_sql(
            "SELECT t.relname, x.relname, pg_get_indexdef(i.indexrelid), c.contype FROM pg_index i "
            "JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid "
            "LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.contype IN ('p', 'u') "
            "WHERE t.relnamespace = current_schema()::regnamespace "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid)"
        ).all()
    kinds = {"p": "PRIMARY KEY", "u": "UNIQUE", None: None}
    return [_Indice(t, n, s, kinds[k]) for t, n, s, k in rows if t in TABLES]


def _drop_indexes(engine: sa.Engine, indexes: list[_Indice]) -> None:
    with engine.begin() as conn:
        for ix in indexes:
            if ix.constraint:
                conn.exec_driver_sql(f'ALTER TABLE "{ix.table}" DROP CONSTRAINT "{ix.name}"')
            else:
                conn.exec_driver_sql(f'DROP INDEX "{ix.name}"')


def _create_indexes(url: str, indexes: list[_Indice]) -> None:
    """PostgreSQL, after the load (SQLite builds them in the load's own transaction, `_sqlite_load`).

    Two connections, one a core, take the work from one list, largest table first: each table is first
    analysed (the planner's statistics) and the installments also vacuumed (the visibility map their
    searches' index-only scans need; the other tables are left to autovacuum, as after any import), before
    its indexes exist, so that reads the heap alone; then its index builds, which a connection takes only
    once that is done (it would wait for the table's lock otherwise) and the other may run side by side on
    the same table. The constraints' indexes are built as plain unique ones and then attached to their
    constraint (`ADD CONSTRAINT … USING INDEX`: a catalogue change, but under a lock no build may share)."""
    import threading

    import psycopg

    ordem = {t: n for n, t in enumerate((PARCELAS, EVENTOS, RATEIOS, BAIXAS, CENTROS))}
    fila: list[tuple[str, str, bool]] = [  # (table, statement, is the table's maintenance)
        (t, f'VACUUM ANALYZE "{t}"' if t == PARCELAS else f'ANALYZE "{t}"', True)
        for t in sorted(ordem, key=ordem.get)
    ]
    # within a table, the widest indexes (the longest sorts) first
    for ix in sorted(indexes, key=lambda ix: (ordem[ix.table], -ix.sql.count(","))):
        fila.append((ix.table, ix.sql, False))
    prontas: set[str] = set()  # tables whose maintenance is done
    cond = threading.Condition()
    falhas: list[BaseException] = []

    def proxima() -> tuple[str, str, bool] | None:
        with cond:
            while fila and not falhas:
                for n, (table, _, manutencao) in enumerate(fila):
                    if manutencao or table in prontas:
                        return fila.pop(n)
                cond.wait()
            return None

    def run() -> None:
        try:
            with psycopg.connect(libpq_url(url), autocommit=True) as conn:
                conn.execute("SET maintenance_work_mem = '512MB'")
                conn.execute("SET max_parallel_maintenance_workers = 0")
                while (job := proxima()) is not None:
                    table, sql, manutencao = job
                    conn.execute(sql)
                    if manutencao:
                        with cond:
                            prontas.add(table)
                            cond.notify_all()
        except BaseException as exc:
            with cond:
                falhas.append(exc)
                cond.notify_all()
            raise

    with ThreadPoolExecutor(max_workers=2) as pool:
        for future in [pool.submit(run) for _ in range(2)]:
            future.result()
    with psycopg.connect(libpq_url(url)) as conn:
        for ix in indexes:
            if ix.constraint:
                conn.execute(
                    f'ALTER TABLE "{ix.table}" ADD CONSTRAINT "{ix.name}" {ix.constraint} USING INDEX "{ix.name}"'
                )


# ---------------------------------------------------------------------------------------------- load


def seed_parcelas(
    url: str,
    demo_tenant: str,
    total: int = 1_000_000,
    *,
    companies: int = 5,
    seed: int = 2028,
    hoje: date | None = None,
    work_dir: Path | None = None,
) -> tuple[ParcelasSeedReport, list[str]]:
    """Seed `total` installments over the demo company and `companies − 1` new ones; the report and the
    company ids (the demo company first)."""
    engine = sa.create_engine(url)
    sqlite = engine.dialect.name == "sqlite"
    report = ParcelasSeedReport(engine.dialect.name)
    try:
        started = time.perf_counter()
        tenants = extra_companies(url, demo_tenant, companies - 1)
        for n, tenant in enumerate(tenants[1:], 1):
            ids_path = (work_dir or Path(tempfile.gettempdir())) / f"bench-people-{n}.txt"
            seed_people(url, tenant, PEOPLE_PER_OTHER_COMPANY, ids_path, seed=4000 + n)
        refs = [_refs(engine, t) for t in tenants]
        indexes = _deferred_indexes(engine)
        with engine.connect() as conn:
            first_rateio = conn.exec_driver_sql(f'SELECT COALESCE(MAX(seq), 0) FROM "{RATEIOS}"').scalar_one()
        if not sqlite:
            # What the earlier seeds (people, products, the other companies) left in shared buffers and
            # WAL is written out now, before the clock starts: a checkpoint they would have triggered in
            # the middle of this load is not this load's cost (it rewrote its pages in full).
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("CHECKPOINT")
        # Likewise what the steps before (those seeds, the other engine's run) left in the system's page
        # cache: its writeback would compete with this load's own writes and WAL flushes.
        os.sync()
        report.seconds_setup = time.perf_counter() - started

        from anil.domain.clock import SystemClock, local_today

        today = hoje or local_today(SystemClock())
        if companies == len(SHARES):
            shares = [int(total * s) for s in SHARES]
        else:
            shares = [total // companies] * companies
        shares[0] += total - sum(shares)

        # Millions of fresh tuples would run the cyclic garbage collector over and over (none of them is
        # garbage, let alone cyclic): off for the load.
        gc.collect()
        gc.disable()
        started = time.perf_counter()
        gen = _Generator(engine, today, seed)
        gen.rateio_base = int(first_rateio)
        _drop_indexes(engine, indexes)
        ordem_empresas = _ordenados(engine, tenants)
        receita_antes = _ordenados(engine, ["RECEITA", "DESPESA"])[0] == 0
        plano = _plano(refs, shares, ordem_empresas, receita_antes, gen.dias)
        engine.dispose()  # SQLite changes its journal mode for the load: no other connection may be open
        if sqlite:
            _sqlite_load(url, gen, plano, report, indexes)
        else:
            _pg_load(url, gen, plano, report)
            t = time.perf_counter()
            _create_indexes(url, indexes)
            report.seconds_indexes = time.perf_counter() - t
        if not sqlite:
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{RATEIOS}', 'seq'), (SELECT MAX(seq) FROM {RATEIOS}))"
                )
        report.seconds_total = time.perf_counter() - started
        _bump_versions(engine, tenants)
        return report, tenants
    finally:
        gc.enable()
        engine.dispose()


def _ordenados(engine: sa.Engine, valores: list[str]) -> list[int]:
    """The positions in `valores` in the order the database sorts them (its collation, the indexes')."""
    if engine.dialect.name == "sqlite":  # BINARY: code points, as Python
        return sorted(range(len(valores)), key=valores.__getitem__)
    linhas = ", ".join(f"(:v{i}, {i})" for i in range(len(valores)))
    with engine.connect() as conn:
        return list(
            conn.execute(
                sa.text(f"SELECT n FROM (VALUES {linhas}) AS t(v, n) ORDER BY v"),
                {f"v{i}": v for i, v in enumerate(valores)},
            ).scalars()
        )


def _tables(gen: _Generator) -> list[_Table]:
    return [gen.t_eventos, gen.t_rateios, gen.t_centros, gen.t_parcelas, gen.t_baixas]


def _columns(lote: _Lote) -> list[list[Any]]:
    return [lote.eventos, lote.rateios, lote.centros, lote.parcelas, lote.baixas]


@dataclass
class _Pacote:
    """One batch as the builder process hands it over: its slice of the plan, per table its row count and
    its data (SQLite: the encoded columns; PostgreSQL: the binary COPY tuples, the installments' cut by due
    day, `Table.copy_binary_por_dia`)."""

    fatia: _Fatia
    tamanhos: list[int]
    dados: list[Any]


_REPETE = "__repete__"  # a `repeat(value)` column travels as (_REPETE, value)


def _produzir(gen: _Generator, plano: list[_Fatia], construtores: int) -> Iterator[_Pacote]:
    """The plan's batches, built in `construtores` forked processes (batch i by process i mod
    construtores) and handed over pickled through one pipe each, read back in plan order: they build the
    next batches while this one loads the last (every core at work; each pipe holds its process back once
    a batch ahead)."""
    ctx = multiprocessing.get_context("fork")
    construtores = max(1, min(construtores, len(plano)))
    pipes = [ctx.Pipe(duplex=False) for _ in range(construtores)]

    def construir(k: int) -> None:
        escrita = pipes[k][1]
        for leitura_, _ in pipes:
            leitura_.close()
        for numero in range(k, len(plano), construtores):
            fatia = plano[numero]
            lote = gen.lote(fatia, numero)
            colunas = _columns(lote)
            tamanhos = [_size(c) for c in colunas]
            if gen.sqlite:
                dados: list[Any] = [
                    [(_REPETE, next(c)) if isinstance(c, repeat) else c for c in cols] for cols in colunas
                ]
            else:
                dados = [
                    (table.copy_binary_por_dia(cols, lote.dias) if table is gen.t_parcelas else table.copy_binary(cols))
                    if size else b""
                    for table, cols, size in zip(gen.tables, colunas, tamanhos, strict=True)
                ]  # fmt: skip
            # the batch's number stands for its slice of the plan (whose company's references are large)
            escrita.send_bytes(pickle.dumps((numero, tamanhos, dados), protocol=5))
        escrita.close()

    processos = [
        ctx.Process(target=construir, args=(k,), name=f"seed-parcelas-{k}", daemon=True)
        for k in range(construtores)
    ]
    for processo in processos:
        processo.start()
    for _, escrita in pipes:
        escrita.close()
    try:
        for numero in range(len(plano)):
            k = numero % construtores
            try:
                data = pipes[k][0].recv_bytes()
            except EOFError:
                raise RuntimeError(f"row builder {k} stopped (exit code {processos[k].exitcode})") from None
            numero_recebido, tamanhos, dados = pickle.loads(data)
            pacote = _Pacote(plano[numero_recebido], tamanhos, dados)
            if gen.sqlite:
                pacote.dados = [
                    [repeat(c[1]) if isinstance(c, tuple) and c and c[0] == _REPETE else c for c in cols]
                    for cols in pacote.dados
                ]
            yield pacote
    finally:
        for leitura, _ in pipes:
            leitura.close()
        for processo in processos:
            processo.join(timeout=30)
            if processo.is_alive():
                processo.kill()


def _conta(report: ParcelasSeedReport, pacote: _Pacote) -> None:
    eventos, rateios, centros, parcelas, baixas = pacote.tamanhos
    report.eventos += eventos
    report.rateios += rateios
    report.centros += centros
    report.parcelas += parcelas
    report.baixas += baixas
    por_empresa = {c["id"]: c for c in report.companies}
    empresa = por_empresa.get(pacote.fatia.refs.tenant)
    if empresa is None:
        report.companies.append({"id": pacote.fatia.refs.tenant, "parcelas": parcelas, "eventos": eventos})
    else:
        empresa["parcelas"] += parcelas
        empresa["eventos"] += eventos


def _sqlite_load(
    url: str,
    gen: _Generator,
    plano: list[_Fatia],
    report: ParcelasSeedReport,
    indexes: list[_Indice],
) -> None:
    """`executemany` per table and batch as the batches arrive, then the secondary indexes, all in one
    transaction on one connection (the pages are written once, at the commit, and the index builds read the
    tables from its cache). The bulk connection writes without a journal (the file is fresh; a failed load is
    thrown away) and puts WAL back afterwards."""
    t = time.perf_counter()
    conn = sqlite3.connect(make_url(url).database or "", isolation_level=None)
    espera = 0.0
    try:
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-3000000")  # 3 GB: the whole load stays in memory until the commit
        # CHECK constraints are not evaluated row by row during the load (the rows satisfy them by
        # construction; foreign keys are off on a bare connection too): a third of the insert's cost
        conn.execute("PRAGMA ignore_check_constraints=ON")
        conn.execute("BEGIN IMMEDIATE")
        pacotes = _produzir(gen, plano, CONSTRUTORES_SQLITE)
        while True:
            w = time.perf_counter()
            pacote = next(pacotes, None)
            espera += time.perf_counter() - w
            if pacote is None:
                break
            _conta(report, pacote)
            for table, columns, size in zip(_tables(gen), pacote.dados, pacote.tamanhos, strict=True):
                if size:
                    for sql, params in table.sqlite_inserts(columns):
                        conn.executemany(sql, params)
        report.seconds_build = espera  # waiting for the builder process; the rest of its work overlapped
        report.seconds_insert = time.perf_counter() - t - espera
        t = time.perf_counter()
        # The index builds' sorts with a helper thread (the builder processes are done by now, so the
        # second core is free): 8.98 → 7.62 s and 7.66 → 6.42 s for the six indexes, two pairs measured.
        conn.execute("PRAGMA threads=2")
        for ix in indexes:
            passo = time.perf_counter()
            conn.execute(ix.sql)
            report.seconds_steps[ix.name] = round(time.perf_counter() - passo, 3)
        passo = time.perf_counter()
        conn.execute("COMMIT")
        report.seconds_steps["COMMIT"] = round(time.perf_counter() - passo, 3)
        conn.execute("PRAGMA journal_mode=WAL")
        report.seconds_indexes = time.perf_counter() - t
    finally:
        conn.close()


def _pg_load(url: str, gen: _Generator, plano: list[_Fatia], report: ParcelasSeedReport) -> None:
    """Batches in PostgreSQL's binary COPY format (no text for the server to parse), from the builder
    processes, streamed to one COPY per table, each on its own connection, side by side.

    The installments go in the order of their search index (`ix_parcelas_busca`: company, kind, due date,
    seq), so that its build finds them sorted (a fraction of its cost otherwise): the plan's batches come in
    that order, and a batch's installments due after its window wait for the batch of their window
    (`_Dias`). For the table to keep that order, its COPY must not fill earlier pages' leftover space
    (which the free space map offers): it skips that map when the table is emptied in the COPY's own
    transaction, as `pg_restore --single-transaction` does; so when the installments and settlements are
    empty (the bench's fresh database), they are truncated first and copied `FREEZE` (written frozen and
    all-visible: nothing left for the vacuum after the load), batch by batch, the settlements after the
    installments on the same connection."""
    import psycopg

    tables = _tables(gen)
    conexoes = {t: psycopg.connect(libpq_url(url)) for t in tables}
    started = time.perf_counter()
    espera = 0.0
    dias = _Dias(gen.dias)
    try:
        for c in conexoes.values():
            # Foreign keys are not checked row by row during the load (the rows are consistent by
            # construction, as pg_restore --disable-triggers assumes): the COPYs run side by side.
            c.execute("SET session_replication_role = replica")
        principal = conexoes[gen.t_parcelas]
        vazias = not principal.execute(
            f'SELECT EXISTS (SELECT 1 FROM "{PARCELAS}") OR EXISTS (SELECT 1 FROM "{BAIXAS}")'
        ).fetchone()[0]  # type: ignore[index]
        if vazias:
            principal.execute(f'TRUNCATE "{PARCELAS}", "{BAIXAS}"')
            conexoes.pop(gen.t_baixas).close()
        # one COPY per table for the whole load; with the tables emptied, the installments' and settlements'
        # connection runs a COPY FREEZE of each per batch instead, one after the other
        continuas = [t for t in tables if not (vazias and t in (gen.t_parcelas, gen.t_baixas))]
        copies = [
            conexoes[t].cursor().copy(f'COPY "{t.name}" ({t.quoted_columns()}) FROM STDIN (FORMAT BINARY)')
            for t in continuas
        ]
        writers = [cm.__enter__() for cm in copies]
        for w in writers:
            w.write(_PGCOPY)

        def congeladas(parcelas: bytes, baixas: bytes) -> None:
            for table, data in ((gen.t_parcelas, parcelas), (gen.t_baixas, baixas)):
                if data:
                    sql = f'COPY "{table.name}" ({table.quoted_columns()}) FROM STDIN (FORMAT BINARY, FREEZE)'
                    with principal.cursor().copy(sql) as copy:
                        copy.write(_PGCOPY + data)

        with ThreadPoolExecutor(max_workers=len(writers) + 1) as pool:
            pending: list[Any] = []
            pacotes = _produzir(gen, plano, CONSTRUTORES_PG)
            while True:
                w0 = time.perf_counter()
                pacote = next(pacotes, None)
                espera += time.perf_counter() - w0
                if pacote is None:
                    break
                _conta(report, pacote)
                dados = dict(zip(tables, pacote.dados, strict=True))
                dados[gen.t_parcelas] = dias.seguintes(pacote.fatia, dados[gen.t_parcelas])
                for f in pending:
                    f.result()
                pending = [
                    pool.submit(w.write, dados[t])
                    for w, t in zip(writers, continuas, strict=True)
                    if dados[t]
                ]
                if vazias:
                    pending.append(pool.submit(congeladas, dados[gen.t_parcelas], dados[gen.t_baixas]))
            for f in pending:
                f.result()
        for cm in copies:
            cm.__exit__(None, None, None)
        for c in conexoes.values():
            c.commit()
    finally:
        for c in conexoes.values():
            c.close()
    report.seconds_build = espera
    report.seconds_insert = time.perf_counter() - started - espera


class _Dias:
    """The installments of one company and kind, released in due-date order as the batches arrive (in
    the plan's order): a batch holds the installments of the events whose first due date is in its window,
    so once it is here no installment due before its window's end is still to come. Each day's rows go
    batch by batch, as their ids ascend."""

    def __init__(self, dias: int) -> None:
        self.dias = dias
        self.retidos: list[dict[int, bytes]] = []  # per batch of the group so far: day → its rows
        self.proximo = 0  # the first day not yet released

    def seguintes(self, fatia: _Fatia, por_dia: list[tuple[int, bytes]]) -> bytes:
        """What `fatia`'s arrival releases (its batch's rows cut by day, `_Table.copy_binary_por_dia`)."""
        self.retidos.append(dict(por_dia))
        ate = self.dias if fatia.ultima else fatia.fim
        partes = [
            parte for dia in range(self.proximo, ate) for retido in self.retidos if (parte := retido.pop(dia, None))
        ]  # fmt: skip
        self.proximo = ate
        if fatia.ultima:
            assert not any(self.retidos), "installments due outside the year"
            self.retidos, self.proximo = [], 0
        return b"".join(partes)


def _bump_versions(engine: sa.Engine, tenants: list[str]) -> None:
    """The data changed behind the application's back: a new financial data version for every company."""
    versoes = sa.Table(VERSOES, sa.MetaData(), autoload_with=engine)
    with engine.begin() as conn:
        for tenant in tenants:
            updated = conn.execute(
                versoes.update().where(versoes.c.tenant_id == tenant).values(versao=versoes.c.versao + 1)
            ).rowcount
            if not updated:
                conn.execute(versoes.insert().values(tenant_id=tenant, versao=1))
