"""Bulk seeding of the financial core for the search benchmark (`--endpoints buscar`; issue 4).

1,000,000 installments (`--parcelas`) over 5 companies, one (the demo company) holding 70% and the other
four 7.5% each, due on the days of one calendar year; each event has 1 to 3 installments, one or two
rateio lines (a category of the company's plan of the event's kind) and, where the company has cost
centers, cost-center lines for a third of them. Installments due before today are mostly settled (whole or
in part, with their settlements in `baixas`, the installment's `valor_pago`/`nao_pago`/`data_pagamento`
consistent with them); a few are cancelled, renegotiated or lost. Contacts, accounts and categories are the
companies' own rows, so every reference of the API's answers resolves.

As the people seeder (design/performance.md rule 6): rows built from the live schema (the tables are
reflected; columns the seeder does not set take the model's defaults), SQLite gets one `executemany` per
table in one transaction, PostgreSQL gets `COPY` (text format, streamed in chunks while the next ones are
built; foreign-key triggers off for the load, as `pg_restore --disable-triggers`, since the rows are
consistent by construction; SQLite's bulk connection never turns foreign keys on). The secondary indexes are dropped before the load and created again after it (what a bulk import
does; the index definitions are read back from the database, so the ones a migration adds come back too);
PostgreSQL then gets `VACUUM ANALYZE` (planner statistics and the visibility map that index-only scans
need). Everything from the first row built to the last index and the analysis is timed: the acceptance is
<= 15 s on each engine.
"""

from __future__ import annotations

import gc
import os
import random
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import repeat
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
CHUNK = 100_000  # installments per COPY batch
PEOPLE_PER_OTHER_COMPANY = 2_000

_DESCRICOES_RECEITA = (
    "Venda de produtos", "Prestação de serviços", "Mensalidade", "Consultoria", "Assinatura", "Aluguel recebido",
    "Manutenção", "Projeto", "Licença de software", "Treinamento",
)  # fmt: skip
_DESCRICOES_DESPESA = (
    "Aluguel", "Energia elétrica", "Fornecedor de insumos", "Folha de pagamento", "Internet", "Contabilidade",
    "Frete", "Material de escritório", "Impostos", "Manutenção de equipamentos",
)  # fmt: skip
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
    seconds_indexes: float = 0.0
    seconds_analyze: float = 0.0
    seconds_total: float = 0.0  # wall clock from the first row built to the end of the analysis

    def line(self) -> str:
        return (
            f"seeded {self.parcelas:,} installments ({self.eventos:,} events, {self.rateios:,} rateio lines, "
            f"{self.centros:,} cost-center lines, {self.baixas:,} settlements) over {len(self.companies)} companies "
            f"on {self.engine} in {self.seconds_total:.2f} s (build {self.seconds_build:.2f} s, "
            f"{'executemany' if self.engine == 'sqlite' else 'COPY'} {self.seconds_insert:.2f} s, indexes "
            f"{self.seconds_indexes:.2f} s"
            + (f", VACUUM ANALYZE {self.seconds_analyze:.2f} s" if self.seconds_analyze else "")
            + f"); setup of the other companies {self.seconds_setup:.1f} s (not timed)"
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


class _Table:
    """One table as the database has it: the insert columns in the order `varying + constants`, so that a
    row is the varying values followed by the constant ones, encoded once (a tuple for SQLite, a text
    suffix for PostgreSQL's COPY). Columns the seeder does not set take the model's default (or NULL)."""

    def __init__(self, engine: sa.Engine, name: str, varying: list[str], constants: dict[str, Any]) -> None:
        self.name = name
        db_table = sa.Table(name, sa.MetaData(), autoload_with=engine)
        model = _model_table(name)
        missing = [c for c in varying if c not in db_table.c]
        if missing:
            raise RuntimeError(
                f"{name}: columns {missing} are gone from the schema; update bench/seed_parcelas.py"
            )
        names = [c.name for c in db_table.columns if not _is_serial_pk(c, db_table) or c.name in varying]
        self.varying = varying
        values: dict[str, Any] = {}
        for n in names:
            if n in varying:
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
        self.columns = varying + self.constant_names
        types = {
            c.name: (model.c[c.name].type if model is not None and c.name in model.c else c.type)
            for c in db_table.columns
        }
        dialect = engine.dialect
        if dialect.name == "sqlite":
            self.constants: Any = tuple(
                _sqlite_value(values[n], types[n], dialect) for n in self.constant_names
            )
        else:
            self.constants = "\t".join(_copy_text(values[n]) for n in self.constant_names)

    def quoted_columns(self) -> str:
        return ", ".join(f'"{c}"' for c in self.columns)

    def sqlite_insert(self, columns: list[Any]) -> tuple[str, Iterator[tuple[Any, ...]]]:
        """The INSERT and its rows: values the same in every row (the constants, the company's id) are
        literals in the statement, so that only what varies is bound (binding is most of the cost)."""
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
        sql = f'INSERT INTO "{self.name}" ({", ".join(names)}) VALUES ({", ".join(slots)})'
        return sql, zip(*bound, strict=True)

    def copy_text(self, columns: list[Any]) -> str:
        # the company's id comes as `repeat(...)`: zip stops at the shortest, the real columns
        tail = [repeat(self.constants)] if self.constants else []
        lines = map("\t".join, zip(*columns, *tail, strict=False))
        return "\n".join(lines) + "\n"


def _sqlite_literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _sqlite_value(value: Any, kind: sa.types.TypeEngine, dialect: sa.Dialect) -> Any:
    if value is None:
        return None
    if isinstance(kind, sa.JSON):
        import json

        return json.dumps(value)
    processor = kind.dialect_impl(dialect).bind_processor(dialect)
    return processor(value) if processor else value


def _copy_text(value: Any) -> str:
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


_V4 = (0x4 << 76) | (0x8 << 60)
_V4_MASK = ~((0xF << 76) | (0xC << 60)) & ((1 << 128) - 1)


def _uuids(rng: random.Random, n: int) -> list[str]:
    """`n` random version-4 UUIDs from the seeded generator, in ascending order: each table's unique index
    on `id` is then filled by appending (the ids are as random as uuid4's; only their order is chosen)."""
    values = sorted((rng.getrandbits(128) & _V4_MASK) | _V4 for _ in range(n))
    out = []
    for x in values:
        h = f"{x:032x}"
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


_EVENTO_VARYING = ["id", "tenant_id", "tipo", "data_competencia", "valor", "descricao", "contato_id",
                   "conta_financeira_id", "criado_em", "alterado_em"]  # fmt: skip
_RATEIO_VARYING = ["seq", "tenant_id", "evento_id", "posicao", "categoria_id", "valor"]
_CENTRO_VARYING = ["tenant_id", "evento_id", "rateio_seq", "posicao", "centro_custo_id", "valor"]
_PARCELA_VARYING = ["id", "tenant_id", "evento_id", "tipo", "contato_id", "data_competencia", "indice",
                    "descricao", "data_vencimento", "conta_financeira_id", "metodo_pagamento", "valor_bruto",
                    "valor_pago", "nao_pago", "data_pagamento", "perda_data", "perda_valor", "situacao",
                    "criado_em", "alterado_em"]  # fmt: skip
_BAIXA_VARYING = ["id", "tenant_id", "parcela_id", "evento_id", "tipo", "data_pagamento", "valor_bruto",
                  "conta_financeira_id", "metodo_pagamento", "criado_em", "atualizado_em"]  # fmt: skip

MAX_PARCELAS_POR_EVENTO = 5  # 1 to 5 installments per event, 3 on average
PAGO_INTEIRO, PAGO_PARCIAL, PERDIDO = 0.15, 0.18, 0.19  # of installments past due (cumulative shares)
CANCELADO, RENEGOCIADO = 0.01, 0.015  # of all installments (cumulative)
_ANTES = 30  # days before 1 January that competência dates may fall on


@dataclass
class _Lote:
    """One batch of rows, column by column, encoded for the engine."""

    eventos: list[Any]
    rateios: list[Any]
    centros: list[Any]
    parcelas: list[Any]
    baixas: list[Any]

    def sizes(self) -> tuple[int, int, int, int, int]:
        return tuple(len(cols[0]) if isinstance(cols[0], list) else 0 for cols in  # type: ignore[return-value]
                     (self.eventos, self.rateios, self.centros, self.parcelas, self.baixas))  # fmt: skip


class _Generator:
    """Rows built column by column (list comprehensions over precomputed values: a few hundred ns per row)."""

    def __init__(self, engine: sa.Engine, hoje: date, seed: int) -> None:
        self.sqlite = sqlite = engine.dialect.name == "sqlite"
        self.rng = random.Random(seed)
        self.hoje = hoje
        common = {"versao": 1}
        self.t_eventos = _Table(engine, EVENTOS, _EVENTO_VARYING, {**common, "origem": "LANCAMENTO_FINANCEIRO",
                                "revisao": 1, "agendado": False, "observacao": "Carga do benchmark"})  # fmt: skip
        self.t_rateios = _Table(engine, RATEIOS, _RATEIO_VARYING, {})
        self.t_centros = _Table(engine, CENTROS, _CENTRO_VARYING, {})
        self.t_parcelas = _Table(engine, PARCELAS, _PARCELA_VARYING, {**common, "baixa_agendada": False,
                                 "conciliado": False, "multa": 0, "juros": 0, "desconto": 0, "taxa": 0})  # fmt: skip
        self.t_baixas = _Table(engine, BAIXAS, _BAIXA_VARYING, {**common, "origem": "LANCAMENTO_FINANCEIRO",
                               "multa": 0, "juros": 0, "desconto": 0, "taxa": 0})  # fmt: skip
        self.rateio_seq = 0
        self.inicio = date(ANO, 1, 1)
        self.dias = (date(ANO + 1, 1, 1) - self.inicio).days
        # every calendar value a row can take, encoded once: day d of the year is DIAS[d + _ANTES]
        days = [self.inicio + timedelta(days=d - _ANTES) for d in range(self.dias + _ANTES + 10)]
        self.DIAS = [d.isoformat() for d in days]
        fmt = "%Y-%m-%d %H:%M:%S.%f" if sqlite else "%Y-%m-%d %H:%M:%S"
        self.CRIADO = [
            (datetime.combine(d, datetime.min.time()) + timedelta(hours=11, minutes=7)).strftime(fmt)
            for d in days
        ]
        self.PAGO = [
            (datetime.combine(d, datetime.min.time()) + timedelta(hours=15, minutes=30)).strftime(fmt)
            for d in days
        ]
        self.hoje_dia = (hoje - self.inicio).days
        self.null = None if sqlite else "\\N"

    def _money(self, cents: list[int]) -> list[Any]:
        if self.sqlite:
            return [c / 100 for c in cents]
        return [f"{c // 100}.{c % 100:02d}" for c in cents]

    def _int(self, values: list[int]) -> list[Any]:
        return values if self.sqlite else [str(v) for v in values]

    def lote(self, refs: _Refs, n: int) -> _Lote:
        """`n` installments of one company, with their events, rateio and cost-center lines, settlements."""
        rng = self.rng
        rnd = rng.random
        null = self.null
        dias, hoje, antes = self.dias, self.hoje_dia, _ANTES
        DIAS, CRIADO, PAGO = self.DIAS, self.CRIADO, self.PAGO
        tenant = repeat(refs.tenant)

        # events: 1 to 5 installments each
        ks: list[int] = []
        total = 0
        while total < n:
            k = min(1 + int(rnd() * MAX_PARCELAS_POR_EVENTO), n - total)
            ks.append(k)
            total += k
        ne = len(ks)
        receita = [rnd() < RECEITA_SHARE for _ in range(ne)]
        tipo_ev = ["RECEITA" if r else "DESPESA" for r in receita]
        primeiro = [int(rnd() * dias) for _ in range(ne)]
        competencia = [p - int(rnd() * 20) for p in primeiro]
        desc_ev = [int(rnd() * 10) for _ in range(ne)]
        contatos, contas = refs.contatos or [None], refs.contas or [None]
        nc, na = len(contatos), len(contas)
        contato_ev = [contatos[int(rnd() * nc)] for _ in range(ne)]
        conta_ev = [contas[int(rnd() * na)] for _ in range(ne)]
        evento_ids = _uuids(rng, ne)

        # installments, event by event
        ev_of: list[int] = []
        indice: list[int] = []
        for e, k in enumerate(ks):
            ev_of.extend([e] * k)
            indice.extend(range(1, k + 1))
        vencimento = [
            d if (d := primeiro[e] + 30 * (j - 1)) < dias else dias - 1 - int(rnd() * 28)
            for e, j in zip(ev_of, indice, strict=True)
        ]
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
        parcela_ids = _uuids(rng, n)
        metodos = _METODOS
        metodo = [metodos[int(rnd() * len(metodos))] for _ in range(n)]
        nomes = [
            (_DESCRICOES_RECEITA if r else _DESCRICOES_DESPESA)[i]
            for r, i in zip(receita, desc_ev, strict=True)
        ]
        descricao = [f"{nomes[e]} ({j}/{ks[e]})" for e, j in zip(ev_of, indice, strict=True)]

        money, ints = self._money, self._int
        eventos = [
            evento_ids, tenant, tipo_ev, [DIAS[c + antes] for c in competencia], money(valor_ev),
            [(_DESCRICOES_RECEITA if r else _DESCRICOES_DESPESA)[i] for r, i in zip(receita, desc_ev, strict=True)],
            contato_ev, conta_ev, [CRIADO[c + antes] for c in competencia], [CRIADO[c + antes] for c in competencia],
        ]  # fmt: skip
        parcelas = [
            parcela_ids, tenant, [evento_ids[e] for e in ev_of], [tipo_ev[e] for e in ev_of],
            [contato_ev[e] for e in ev_of], [DIAS[competencia[e] + antes] for e in ev_of], ints(indice), descricao,
            [DIAS[d + antes] for d in vencimento], [conta_ev[e] for e in ev_of],
            [m if m is not None else null for m in metodo], money(bruto), money(pago),
            money([b - p for b, p in zip(bruto, pago, strict=True)]),
            [DIAS[d + antes] if d is not None else null for d in dia_pago],
            [DIAS[hoje + antes] if x is not None else null for x in perda],
            [money([x])[0] if x is not None else null for x in perda], situacao,
            [CRIADO[competencia[e] + antes] for e in ev_of],
            [PAGO[d + antes] if d is not None else CRIADO[competencia[e] + antes] for d, e in zip(dia_pago, ev_of, strict=True)],
        ]  # fmt: skip

        # settlements of the installments with something paid
        pagas = [i for i, p in enumerate(pago) if p]
        baixas = [
            _uuids(rng, len(pagas)), tenant, [parcela_ids[i] for i in pagas], [evento_ids[ev_of[i]] for i in pagas],
            [tipo_ev[ev_of[i]] for i in pagas], [DIAS[dia_pago[i] + antes] for i in pagas],  # type: ignore[operator]
            money([pago[i] for i in pagas]), [conta_ev[ev_of[i]] for i in pagas],
            [metodo[i] if metodo[i] is not None else null for i in pagas],
            [PAGO[dia_pago[i] + antes] for i in pagas], [PAGO[dia_pago[i] + antes] for i in pagas],  # type: ignore[operator]
        ]  # fmt: skip

        # rateio: one line (80%) or two halves; cost-center lines for a third of them, where there are any
        receitas, despesas = (
            refs.categorias.get("RECEITA") or [None],
            refs.categorias.get("DESPESA") or [None],
        )
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
        ra_seq = list(range(first_seq, self.rateio_seq + 1))
        categoria = [receitas[int(rnd() * nr)] if receita[e] else despesas[int(rnd() * nd)] for e in ra_ev]
        rateios = [
            ints(ra_seq), tenant, [evento_ids[e] for e in ra_ev], ints(ra_pos), categoria, money(ra_val),
        ]  # fmt: skip
        centros_ids = refs.centros
        com_centro = [i for i in range(len(ra_ev)) if centros_ids and rnd() < 0.33]
        ncc = len(centros_ids) or 1
        centros = [
            tenant, [evento_ids[ra_ev[i]] for i in com_centro], ints([ra_seq[i] for i in com_centro]),
            ints([0] * len(com_centro)), [centros_ids[int(rnd() * ncc)] for _ in com_centro],
            money([ra_val[i] for i in com_centro]),
        ]  # fmt: skip
        return _Lote(eventos, rateios, centros, parcelas, baixas)


def _size(columns: list[Any]) -> int:
    for column in columns:
        if isinstance(column, list):
            return len(column)
    return 0


# ------------------------------------------------------------------------------------------ indexes


def _secondary_indexes(engine: sa.Engine) -> list[tuple[str, str, str]]:
    """(table, index name, CREATE statement) of every index of the loaded tables that is not a primary key
    or unique constraint, as the database has them."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            rows = conn.exec_driver_sql(
                "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            ).all()
        else:
            rows = conn.exec_driver_sql(
                "SELECT i.tablename, i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"
            ).all()
    return [(t, n, s) for t, n, s in rows if t in TABLES]


def _create_indexes(url: str, indexes: list[tuple[str, str, str]], sqlite: bool) -> None:
    if sqlite:
        conn = sqlite3.connect(make_url(url).database or "", isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            conn.execute("PRAGMA cache_size=-1000000")
            conn.execute("PRAGMA threads=2")  # the sorter's helper threads: both cores
            conn.execute("BEGIN IMMEDIATE")
            for _, name, sql in indexes:
                t0 = time.perf_counter()
                conn.execute(sql)
                if os.environ.get("SEED_DEBUG"):
                    print(name, round(time.perf_counter() - t0, 2))
            conn.execute("COMMIT")
            conn.execute("PRAGMA journal_mode=WAL")
        finally:
            conn.close()
        return
    import psycopg

    def build(sql: str) -> None:
        with psycopg.connect(libpq_url(url), autocommit=True) as conn:
            conn.execute("SET maintenance_work_mem = '512MB'")
            conn.execute("SET max_parallel_maintenance_workers = 0")
            conn.execute(sql)

    # the biggest first, two at a time (one per core)
    order = sorted(indexes, key=lambda i: (i[0] != PARCELAS, i[0] != EVENTOS))
    with ThreadPoolExecutor(max_workers=2) as pool:
        for future in [pool.submit(build, sql) for _, _, sql in order]:
            future.result()


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
        indexes = _secondary_indexes(engine)
        with engine.connect() as conn:
            first_rateio = conn.exec_driver_sql(f'SELECT COALESCE(MAX(seq), 0) FROM "{RATEIOS}"').scalar_one()
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
        gen.rateio_seq = int(first_rateio)
        _drop_indexes(engine, indexes)
        engine.dispose()  # SQLite changes its journal mode for the load: no other connection may be open
        if sqlite:
            _sqlite_load(url, gen, refs, shares, report)
        else:
            _pg_load(url, gen, refs, shares, report)
        t = time.perf_counter()
        _create_indexes(url, indexes, sqlite)
        report.seconds_indexes = time.perf_counter() - t
        t = time.perf_counter()
        if not sqlite:
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{RATEIOS}', 'seq'), (SELECT MAX(seq) FROM {RATEIOS}))"
                )
                for table in TABLES:
                    conn.exec_driver_sql(f'VACUUM ANALYZE "{table}"')
        report.seconds_analyze = time.perf_counter() - t
        report.seconds_total = time.perf_counter() - started
        _bump_versions(engine, tenants)
        return report, tenants
    finally:
        gc.enable()
        engine.dispose()


def _drop_indexes(engine: sa.Engine, indexes: list[tuple[str, str, str]]) -> None:
    with engine.begin() as conn:
        for _, name, _ in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')


def _tables(gen: _Generator) -> list[_Table]:
    return [gen.t_eventos, gen.t_rateios, gen.t_centros, gen.t_parcelas, gen.t_baixas]


def _columns(lote: _Lote) -> list[list[Any]]:
    return [lote.eventos, lote.rateios, lote.centros, lote.parcelas, lote.baixas]


def _account(report: ParcelasSeedReport, lote: _Lote) -> None:
    eventos, rateios, centros, parcelas, baixas = (_size(c) for c in _columns(lote))
    report.eventos += eventos
    report.rateios += rateios
    report.centros += centros
    report.parcelas += parcelas
    report.baixas += baixas


def _sqlite_load(
    url: str, gen: _Generator, refs: list[_Refs], shares: list[int], report: ParcelasSeedReport
) -> None:
    """All rows built, then one `executemany` per table in one transaction. The bulk connection writes
    without a journal (the file is fresh; a failed load is thrown away) and puts WAL back afterwards."""
    t = time.perf_counter()
    lotes = []
    for r, n in zip(refs, shares, strict=True):
        lote = gen.lote(r, n)
        _account(report, lote)
        report.companies.append({"id": r.tenant, "parcelas": n, "eventos": _size(lote.eventos)})
        lotes.append(lote)
    report.seconds_build = time.perf_counter() - t
    t = time.perf_counter()
    conn = sqlite3.connect(make_url(url).database or "", isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-1000000")
        conn.execute("BEGIN IMMEDIATE")
        for i, table in enumerate(_tables(gen)):
            for lote in lotes:
                columns = _columns(lote)[i]
                if _size(columns):
                    t0 = time.perf_counter()
                    conn.executemany(*table.sqlite_insert(columns))
                    if os.environ.get("SEED_DEBUG"):
                        print(table.name, _size(columns), round(time.perf_counter() - t0, 2))
        conn.execute("COMMIT")
    finally:
        conn.close()
    report.seconds_insert = time.perf_counter() - t


def _pg_load(
    url: str, gen: _Generator, refs: list[_Refs], shares: list[int], report: ParcelasSeedReport
) -> None:
    """Rows built in batches and streamed to five COPYs at once (one connection per table): the server
    ingests a batch while Python builds the next."""
    import psycopg

    tables = _tables(gen)
    conns = [psycopg.connect(libpq_url(url)) for _ in tables]
    started = time.perf_counter()
    build = 0.0
    try:
        for c in conns:
            # Foreign keys are not checked row by row during the load (the rows are consistent by
            # construction, as pg_restore --disable-triggers assumes): the five COPYs run side by side.
            c.execute("SET session_replication_role = replica")
        cursors = [c.cursor() for c in conns]
        copies = [
            cur.copy(f'COPY "{t.name}" ({t.quoted_columns()}) FROM STDIN')
            for cur, t in zip(cursors, tables, strict=True)
        ]
        writers = [cm.__enter__() for cm in copies]
        with ThreadPoolExecutor(max_workers=len(tables)) as pool:
            pending: list[Any] = []
            for r, n in zip(refs, shares, strict=True):
                remaining = n
                eventos = 0
                while remaining > 0:
                    t = time.perf_counter()
                    lote = gen.lote(r, min(CHUNK, remaining))
                    texts = [
                        table.copy_text(columns) if _size(columns) else ""
                        for table, columns in zip(tables, _columns(lote), strict=True)
                    ]
                    build += time.perf_counter() - t
                    remaining -= _size(lote.parcelas)
                    eventos += _size(lote.eventos)
                    _account(report, lote)
                    for f in pending:
                        f.result()
                    pending = [
                        pool.submit(w.write, text) for w, text in zip(writers, texts, strict=True) if text
                    ]
                report.companies.append({"id": r.tenant, "parcelas": n, "eventos": eventos})
            for f in pending:
                f.result()
        for cm in copies:
            cm.__exit__(None, None, None)
        for c in conns:
            c.commit()
    finally:
        for c in conns:
            c.close()
    report.seconds_build = build
    report.seconds_insert = time.perf_counter() - started - build


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
