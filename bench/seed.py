"""Bulk seeding of people for the benchmark (design/performance.md rule 6).

The rows are built from the schema rather than from a hard-coded column list, so that columns added to
`pessoas` later do not break the seeder:

* a *template* is one real row of the tenant, preferably made by the application's own service on first
  start (the demo people); failing that, the model's defaults (`anil.storage.models.Pessoa.__table__`);
  failing that, a neutral value per column type for every NOT NULL column;
* the fields that identify or describe a person (ids, name, CPF, e-mail, dates) vary per row;
* SQLite gets one `executemany` in one transaction (`sqlite3`), PostgreSQL gets `COPY` (psycopg 3).

One address per person goes to `pessoa_enderecos` when that table exists.
"""

from __future__ import annotations

import importlib
import inspect
import json
import operator
import random
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import make_url

PESSOAS = "pessoas"
ENDERECOS = "pessoa_enderecos"
# Domain classes whose properties compute derived columns (search keys) from a row's other values.
PEOPLE_DOMAIN = "anil.domain.pessoas.PessoaValida"
ADDRESS_DOMAIN = "anil.domain.pessoas.Endereco"

# CPF bases (the first 9 digits) of seeded people: 100_000_000 + 7*i. The POST script uses 500_000_000 and
# up, so that the documents it sends never collide with the seeded ones nor with each other.
SEED_CPF_BASE = 100_000_000
SEED_CPF_STEP = 7

_FIRST = [
    "Ana",
    "Maria",
    "João",
    "José",
    "Pedro",
    "Paulo",
    "Lucas",
    "Mariana",
    "Beatriz",
    "Gabriel",
    "Rafael",
    "Fernanda",
    "Juliana",
    "Carlos",
    "Luiz",
    "Camila",
    "Bruno",
    "Larissa",
    "Felipe",
    "Amanda",
    "Gustavo",
    "Letícia",
    "Rodrigo",
    "Patrícia",
    "Marcelo",
    "Aline",
    "Thiago",
    "Renata",
    "Eduardo",
    "Vanessa",
    "Diego",
    "Carolina",
    "André",
    "Bianca",
    "Ricardo",
    "Tatiane",
    "Fábio",
    "Priscila",
    "Leonardo",
    "Daniela",
]
_LAST = [
    "Silva",
    "Santos",
    "Oliveira",
    "Souza",
    "Rodrigues",
    "Ferreira",
    "Alves",
    "Pereira",
    "Lima",
    "Gomes",
    "Costa",
    "Ribeiro",
    "Martins",
    "Carvalho",
    "Almeida",
    "Lopes",
    "Soares",
    "Fernandes",
    "Vieira",
    "Barbosa",
    "Rocha",
    "Dias",
    "Nascimento",
    "Andrade",
    "Moreira",
    "Nunes",
    "Marques",
    "Machado",
    "Mendes",
    "Freitas",
    "Cardoso",
    "Ramos",
    "Gonçalves",
    "Santana",
    "Teixeira",
    "Araújo",
    "Pinto",
    "Correia",
]
_CIDADES = (
    ("São Paulo", "SP", "01310-100"),
    ("Rio de Janeiro", "RJ", "20040-002"),
    ("Belo Horizonte", "MG", "30130-110"),
    ("Curitiba", "PR", "80010-000"),
    ("Porto Alegre", "RS", "90010-150"),
    ("Salvador", "BA", "40020-000"),
    ("Recife", "PE", "50030-230"),
    ("Fortaleza", "CE", "60060-440"),
    ("Florianópolis", "SC", "88010-400"),
    ("Goiânia", "GO", "74003-010"),
)


_W1 = (10, 9, 8, 7, 6, 5, 4, 3, 2)
_W2 = (11, 10, 9, 8, 7, 6, 5, 4, 3, 2)


def cpf_from_base(base: int) -> str:
    """The 11-digit CPF whose first 9 digits are `base` (zero-padded), with its two check digits."""
    text = f"{base % 1_000_000_000:09d}"
    digits = [ord(c) - 48 for c in text]
    rest = sum(map(operator.mul, _W1, digits)) % 11
    d1 = 0 if rest < 2 else 11 - rest
    digits.append(d1)
    rest = sum(map(operator.mul, _W2, digits)) % 11
    d2 = 0 if rest < 2 else 11 - rest
    return f"{text}{d1}{d2}"


@dataclass
class SeedReport:
    engine: str
    people: int
    addresses: int
    template: str  # where the constant columns came from
    seconds_build: float = 0.0
    seconds_people: float = 0.0
    seconds_addresses: float = 0.0
    seconds_analyze: float = 0.0
    columns: list[str] = field(default_factory=list)
    derived: list[str] = field(default_factory=list)  # computed per row by the domain's properties

    @property
    def seconds_total(self) -> float:
        return self.seconds_build + self.seconds_people + self.seconds_addresses + self.seconds_analyze


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _model_table(name: str) -> sa.Table | None:
    try:
        from anil.storage.base import Base
        from anil.storage.models import Pessoa  # noqa: F401  (registers every model on the metadata)
    except Exception:
        return None
    return Base.metadata.tables.get(name)


def _neutral(column: sa.Column) -> Any:
    """A value for a NOT NULL column that neither the template nor a default fills."""
    kind = column.type
    if isinstance(kind, sa.JSON):
        return []
    if isinstance(kind, sa.Boolean):
        return False
    if isinstance(kind, sa.DateTime):
        return datetime(2026, 1, 1)
    if isinstance(kind, sa.Date):
        return date(2026, 1, 1)
    if isinstance(kind, (sa.Integer, sa.Numeric, sa.Float)):
        return 0
    return ""


def _default(column: sa.Column | None) -> tuple[bool, Any]:
    if column is None or column.default is None:
        return False, None
    default = column.default
    if getattr(default, "is_scalar", False):
        return True, default.arg
    if getattr(default, "is_callable", False):
        return True, default.arg(None)
    return False, None


def _is_serial_pk(column: sa.Column, table: sa.Table) -> bool:
    pk = list(table.primary_key.columns)
    return len(pk) == 1 and pk[0] is column and isinstance(column.type, sa.Integer)


class _Target:
    """One table as it is in the database, with the model's column types where the model has them."""

    def __init__(self, engine: sa.Engine, name: str) -> None:
        self.db_table = sa.Table(name, sa.MetaData(), autoload_with=engine)
        self.model = _model_table(name)
        self.name = name

    def model_column(self, name: str) -> sa.Column | None:
        if self.model is not None and name in self.model.c:
            return self.model.c[name]
        return None

    def typed_column(self, name: str) -> sa.Column:
        column = self.model_column(name)
        return column if column is not None else self.db_table.c[name]

    def insert_columns(self) -> list[str]:
        return [c.name for c in self.db_table.columns if not _is_serial_pk(c, self.db_table)]

    def unique_columns(self) -> set[str]:
        names: set[str] = set()
        for constraint in self.db_table.constraints:
            if isinstance(constraint, sa.UniqueConstraint) and len(constraint.columns) == 1:
                names.update(c.name for c in constraint.columns)
        for index in self.db_table.indexes:
            if index.unique and len(index.columns) == 1:
                names.update(c.name for c in index.columns)
        return names

    def template(self, engine: sa.Engine, where: Iterable[sa.ColumnElement[bool]]) -> dict[str, Any] | None:
        """One existing row, read with the model's types (JSON decoded, dates parsed)."""
        table = self.db_table
        # Select the reflected columns, decoded with the model's types (JSON, DateTime on SQLite).
        stmt = sa.select(
            *[sa.type_coerce(c, self.typed_column(c.name).type).label(c.name) for c in table.columns]
        )
        for clause in where:
            stmt = stmt.where(clause)
        pk = list(table.primary_key.columns)
        if pk:
            stmt = stmt.order_by(pk[0])
        with engine.connect() as conn:
            row = conn.execute(stmt.limit(1)).mappings().first()
        return dict(row) if row is not None else None

    def base_values(self, template: dict[str, Any] | None) -> dict[str, Any]:
        """Constant values for every insert column: template, else model default, else NULL/neutral."""
        values: dict[str, Any] = {}
        for name in self.insert_columns():
            db_column = self.db_table.c[name]
            if template is not None and name in template:
                values[name] = template[name]
                continue
            has_default, value = _default(self.model_column(name))
            if has_default:
                values[name] = value
            elif db_column.nullable or db_column.server_default is not None:
                values[name] = None
            else:
                values[name] = _neutral(self.typed_column(name))
        # A server default applies only when the column is left out; a NULL we send would override it.
        for name in list(values):
            if values[name] is None and self.db_table.c[name].server_default is not None:
                del values[name]
        return values


class _RowFactory:
    """Rows ready for the driver's bulk path. Every column takes the constant base value, encoded once,
    except the `varying` ones, given per row, and the `derived` ones (search keys and the like), computed
    per row by the domain's own code from the row's values. Encoding: JSON as text, SQLite dates the way
    SQLAlchemy stores them; psycopg's COPY adapts the rest."""

    def __init__(
        self,
        target: _Target,
        dialect: sa.Dialect,
        base: dict[str, Any],
        varying: list[str],
        derived: dict[str, Callable[[Any], Any]] | None = None,
    ) -> None:
        self.columns = list(base)
        fns = {name: _encoder(target.typed_column(name).type, dialect) for name in self.columns}
        self.template = [None if base[c] is None else fns[c](base[c]) for c in self.columns]
        self.slots = [
            (name, self.columns.index(name) if name in base else None, fns.get(name, _identity))
            for name in varying
        ]
        self.derived = [
            (self.columns.index(name), fns[name], getter)
            for name, getter in (derived or {}).items()
            if name in base and name not in varying
        ]
        self.derived_names = [self.columns[slot] for slot, _, _ in self.derived]
        self._row = SimpleNamespace(**base)  # the current row's values, as the domain code sees them

    def make(self, values: tuple[Any, ...]) -> tuple[Any, ...]:
        """`values` in the order of `varying`; names absent from the table only feed derived columns."""
        row = list(self.template)
        current = self._row
        for (name, slot, fn), value in zip(self.slots, values, strict=True):
            setattr(current, name, value)
            if slot is not None:
                row[slot] = None if value is None else fn(value)
        for slot, fn, getter in self.derived:
            value = getter(current)
            row[slot] = None if value is None else fn(value)
        return tuple(row)


def _domain_properties(dotted: str, columns: Iterable[str]) -> dict[str, Callable[[Any], Any]]:
    """Getters of the properties of the domain class `dotted` that share a name with a column: how the
    application computes derived columns (e.g. `nome_busca`) from the others on write."""
    module_name, _, class_name = dotted.rpartition(".")
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError):
        return {}
    found = {}
    for name in columns:
        attr = inspect.getattr_static(cls, name, None)
        if isinstance(attr, property) and attr.fget is not None:
            found[name] = attr.fget
    return found


def _encoder(column_type: sa.types.TypeEngine, dialect: sa.Dialect) -> Callable[[Any], Any]:
    if isinstance(column_type, sa.JSON):
        return _json_text
    if dialect.name == "sqlite":
        return column_type.dialect_impl(dialect).bind_processor(dialect) or _identity
    return _identity


def _identity(value: Any) -> Any:
    return value


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _uuid4(rng: random.Random) -> str:
    """A random (version 4) UUID from the seeded generator: reproducible, and cheaper than uuid.uuid4()."""
    h = (rng.getrandbits(128) & ~(0xF000 << 64) & ~(0xC000 << 48)) | (0x4000 << 64) | (0x8000 << 48)
    x = f"{h:032x}"
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


def _bulk_insert(url: str, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    parsed = make_url(url)
    quoted = ", ".join(f'"{c}"' for c in columns)
    if parsed.get_backend_name() == "sqlite":
        conn = sqlite3.connect(parsed.database or "", isolation_level=None)
        try:
            conn.execute("PRAGMA busy_timeout=30000")
            conn.execute("BEGIN IMMEDIATE")
            placeholders = ", ".join("?" for _ in columns)
            conn.executemany(f'INSERT INTO "{table}" ({quoted}) VALUES ({placeholders})', rows)
            conn.execute("COMMIT")
        finally:
            conn.close()
        return
    import psycopg

    with psycopg.connect(libpq_url(url)) as conn, conn.cursor() as cur:
        with cur.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
        conn.commit()


def libpq_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


_PEOPLE_VARYING = ["id", "uuid_legado", "nome", "documento", "email", "codigo", "criado_em", "data_alteracao"]


def _people_rows(
    count: int, factory: _RowFactory, unique: set[str], has_codigo: bool, seed: int
) -> tuple[list[tuple[Any, ...]], list[str]]:
    rng = random.Random(seed)
    now = datetime(2026, 11, 1, 12, 0, 0)
    extra_unique = sorted(unique - set(_PEOPLE_VARYING) - {"tenant_id"})
    extra = [(factory.columns.index(c), c) for c in extra_unique if c in factory.columns]
    first_names = [(f, _ascii(f)) for f in _FIRST]
    last_names = [(n, _ascii(n)) for n in _LAST]
    rows: list[tuple[Any, ...]] = []
    ids: list[str] = []
    for i in range(count):
        (first, first_a), (last1, last1_a), (last2, _) = (
            rng.choice(first_names),
            rng.choice(last_names),
            rng.choice(last_names),
        )
        pessoa_id = _uuid4(rng)
        created = now - timedelta(minutes=5 * (count - i))
        row = factory.make(
            (
                pessoa_id,
                _uuid4(rng),
                f"{first} {last1} {last2}",
                cpf_from_base(SEED_CPF_BASE + SEED_CPF_STEP * i),
                f"{first_a}.{last1_a}{i}@exemplo.com.br",
                f"B{i:07d}" if has_codigo else None,
                created,
                created,
            )
        )
        if extra:
            mutable = list(row)
            for slot, _name in extra:
                mutable[slot] = f"{i}-{pessoa_id}"[:36]
            row = tuple(mutable)
        rows.append(row)
        ids.append(pessoa_id)
    return rows, ids


def seed_people(url: str, tenant_id: str, count: int, ids_path: Path, *, seed: int = 2026) -> SeedReport:
    """Insert `count` people (and one address each) for `tenant_id`; write their ids to `ids_path`."""
    engine = sa.create_engine(url)
    try:
        return _seed(engine, url, tenant_id, count, ids_path, seed)
    finally:
        engine.dispose()


def _seed(engine: sa.Engine, url: str, tenant_id: str, count: int, ids_path: Path, seed: int) -> SeedReport:
    started = time.perf_counter()
    people = _Target(engine, PESSOAS)
    t = people.db_table
    where = [t.c.tenant_id == tenant_id] if "tenant_id" in t.c else []
    template = None
    source = "schema defaults"
    if "tipo_pessoa" in t.c:
        template = people.template(engine, [*where, t.c.tipo_pessoa == "FISICA"])
    template = template or people.template(engine, where)
    if template is not None:
        source = f"row seq={template.get('seq')} of the tenant (made by the app on first start)"
    base = people.base_values(template)
    constants = {"tenant_id": tenant_id, "tipo_pessoa": "FISICA", "ativo": True, "perfil_cliente": True}
    base.update({k: v for k, v in constants.items() if k in base})
    derived = _domain_properties(PEOPLE_DOMAIN, base)
    factory = _RowFactory(people, engine.dialect, base, _PEOPLE_VARYING, derived)
    report = SeedReport(engine.dialect.name, count, 0, source, columns=factory.columns)
    report.derived = list(factory.derived_names)
    has_codigo = base.get("codigo") is not None
    encoded, ids = _people_rows(count, factory, people.unique_columns(), has_codigo, seed)
    report.seconds_build = time.perf_counter() - started

    started = time.perf_counter()
    _bulk_insert(url, PESSOAS, factory.columns, encoded)
    report.seconds_people = time.perf_counter() - started
    del encoded
    ids_path.write_text("\n".join(ids) + "\n")

    if sa.inspect(engine).has_table(ENDERECOS):
        started = time.perf_counter()
        report.addresses = _seed_addresses(engine, url, tenant_id, ids, seed)
        report.seconds_addresses = time.perf_counter() - started

    if engine.dialect.name == "postgresql":
        # What autovacuum does soon after a bulk load: statistics for the planner, and the visibility map
        # that lets the list's index-only scans skip the heap. VACUUM cannot run inside a transaction.
        started = time.perf_counter()
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text(f'VACUUM ANALYZE "{PESSOAS}"'))
            if report.addresses:
                conn.execute(sa.text(f'VACUUM ANALYZE "{ENDERECOS}"'))
        report.seconds_analyze = time.perf_counter() - started
    return report


def _seed_addresses(engine: sa.Engine, url: str, tenant_id: str, ids: list[str], seed: int) -> int:
    addresses = _Target(engine, ENDERECOS)
    a = addresses.db_table
    if "pessoa_seq" not in a.c:
        return 0  # the address table changed shape: skip rather than guess the link
    p = sa.Table(PESSOAS, sa.MetaData(), autoload_with=engine)
    wanted = set(ids)
    with engine.connect() as conn:
        seqs = {
            pid: seq
            for seq, pid in conn.execute(sa.select(p.c.seq, p.c.id).where(p.c.tenant_id == tenant_id))
            if pid in wanted
        }
    template = addresses.template(engine, [a.c.tenant_id == tenant_id] if "tenant_id" in a.c else [])
    base = addresses.base_values(template)
    constants = {"tenant_id": tenant_id, "posicao": 0, "bairro": "Centro", "pais": "Brasil"}
    base.update({k: v for k, v in constants.items() if k in base})
    varying = ["id", "pessoa_seq", "logradouro", "numero", "cidade", "estado", "cep"]
    derived = _domain_properties(ADDRESS_DOMAIN, base)
    factory = _RowFactory(addresses, engine.dialect, base, varying, derived)
    rng = random.Random(seed + 1)
    streets = [f"Rua {name}" for name in _LAST]
    rows = []
    for n, pid in enumerate(ids):
        cidade, estado, cep = rng.choice(_CIDADES)
        row = factory.make(
            (_uuid4(rng), seqs[pid], rng.choice(streets), str(1 + n % 2000), cidade, estado, cep)
        )
        rows.append(row)
    _bulk_insert(url, ENDERECOS, factory.columns, rows)
    return len(rows)
