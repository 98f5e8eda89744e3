"""Bulk seeding of products for the product-list benchmark (`--endpoints produtos-list`).

As the people seeder (`bench.seed`): rows built from the live schema, the constant columns taken from a
real row the application made on first start (one of the demo company's simple products), else from the
model's defaults; the columns that identify or describe a product vary per row, and the search keys are
computed by the domain's own functions (`anil.domain.texto.chave`, `anil.domain.produtos.chave_busca`).
SQLite gets one `executemany` in one transaction, PostgreSQL gets `COPY`.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

import sqlalchemy as sa

from bench.seed import _bulk_insert, _RowFactory, _Target, _uuid4

PRODUTOS = "produtos"

_ITENS = (
    "Caderno", "Caneta", "Lápis", "Borracha", "Régua", "Grampeador", "Mouse", "Teclado", "Monitor", "Cabo USB",
    "Camiseta", "Calça", "Meia", "Boné", "Mochila", "Garrafa", "Caneca", "Toalha", "Lençol", "Travesseiro",
    "Parafuso", "Porca", "Arruela", "Martelo", "Chave de fenda", "Alicate", "Fita isolante", "Lâmpada LED",
)  # fmt: skip
_QUALIFICADORES = (
    "Azul", "Preto", "Branco", "Vermelho", "Verde", "Pequeno", "Médio", "Grande", "Premium", "Básico", "Inox",
    "Algodão", "Universitário", "Sem fio", "Reforçado", "Compacto",
)  # fmt: skip


@dataclass
class ProdutosSeedReport:
    engine: str
    products: int
    template: str
    seconds_build: float = 0.0
    seconds_insert: float = 0.0
    seconds_analyze: float = 0.0

    @property
    def seconds_total(self) -> float:
        return self.seconds_build + self.seconds_insert + self.seconds_analyze


_VARYING = [
    "id",
    "nome",
    "nome_busca",
    "busca",
    "codigo_sku",
    "codigo_ean",
    "valor_venda",
    "custo_medio",
    "quantidade_disponivel",
    "estoque_minimo",
    "estoque_maximo",
    "criado_em",
    "ultima_atualizacao",
]


def _ean13(n: int) -> str:
    body = f"789{n:09d}"
    soma = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - soma % 10) % 10)


def seed_products(url: str, tenant_id: str, count: int, *, seed: int = 2027) -> ProdutosSeedReport:
    """Insert `count` simple, top-level products for `tenant_id`."""
    from anil.domain.produtos import chave_busca
    from anil.domain.texto import chave

    engine = sa.create_engine(url)
    try:
        started = time.perf_counter()
        target = _Target(engine, PRODUTOS)
        t = target.db_table
        template = target.template(
            engine, [t.c.tenant_id == tenant_id, t.c.tipo == "PRODUTO", t.c.formato == "SIMPLES"]
        )
        source = "schema defaults"
        if template is not None:
            source = f"product seq={template.get('seq')} of the tenant (made by the app on first start)"
        base = target.base_values(template)
        constants = {
            "tenant_id": tenant_id,
            "id_pai": None,
            "tipo": "PRODUTO",
            "formato": "SIMPLES",
            "status": "ATIVO",
            "versao": 0,
            "contagem_agregacao": 0,
            "variacao_tipos": None,
            "variacao_opcoes": None,
            "descricao": None,
        }
        base.update({k: v for k, v in constants.items() if k in base})
        factory = _RowFactory(target, engine.dialect, base, _VARYING)
        report = ProdutosSeedReport(engine.dialect.name, count, source)
        rng = random.Random(seed)
        now = datetime(2026, 11, 1, 12, 0, 0)
        rows = []
        for i in range(count):
            nome = f"{rng.choice(_ITENS)} {rng.choice(_QUALIFICADORES)} {i:05d}"
            sku = f"B{i:07d}"
            ean = _ean13(i)
            valor = Decimal(rng.randint(100, 99_999)) / 100
            disponivel = Decimal(rng.randint(0, 500))
            minimo = Decimal(rng.choice((0, 5, 10, 20)))
            created = now - timedelta(minutes=3 * (count - i))
            rows.append(
                factory.make(
                    (
                        _uuid4(rng),
                        nome,
                        chave(nome),
                        chave_busca(nome, sku, ean),
                        sku,
                        ean,
                        valor,
                        (valor * Decimal("0.55")).quantize(Decimal("0.01")),
                        disponivel,
                        minimo,
                        minimo * 20 if minimo else None,
                        created,
                        created,
                    )
                )
            )
        report.seconds_build = time.perf_counter() - started

        started = time.perf_counter()
        _bulk_insert(url, PRODUTOS, factory.columns, rows)
        report.seconds_insert = time.perf_counter() - started
        if engine.dialect.name == "postgresql":
            started = time.perf_counter()
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(sa.text(f'VACUUM ANALYZE "{PRODUTOS}"'))
            report.seconds_analyze = time.perf_counter() - started
        return report
    finally:
        engine.dispose()
