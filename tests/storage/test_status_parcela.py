"""The installment status rule in SQL (`repositories.financeiro.status_sql`), evaluated by each database
over stored rows, equals the rule in Python (`domain.financeiro.status_parcela`) for random installment
states and todays; and the person's financial summary aggregated in SQL (`repositories.resumos`) equals
`domain.pessoas.resumo_financeiro` over the open installments. Both engines."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import bindparam, delete, insert, select

from anil.domain.financeiro import Situacao, TipoEvento, status_parcela
from anil.domain.pessoas import resumo_financeiro
from anil.storage.async_reads import AsyncReads
from anil.storage.engine import Database
from anil.storage.models import Empresa, EventoFinanceiro, Parcela
from anil.storage.repositories import resumos
from anil.storage.repositories.base import RawReader
from anil.storage.repositories.financeiro import status_sql

P = Parcela.__table__

DINHEIRO = st.decimals(min_value=Decimal("0.00"), max_value=Decimal("99999.99"), places=2)
HOJE = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def estado(draw: st.DrawFn) -> dict:
    """An installment as it may be stored: any situation, with or without a loss, paid nothing, part,
    all or (never written by anil, still covered by the rule) more than its value, due around today."""
    bruto = draw(DINHEIRO)
    pago = draw(st.one_of(st.just(Decimal("0.00")), st.just(bruto), DINHEIRO))
    return {
        "situacao": draw(st.sampled_from([s.value for s in Situacao] + [Situacao.NORMAL.value] * 3)),
        "perda_valor": draw(st.one_of(st.none(), st.none(), DINHEIRO)),
        "valor_bruto": bruto,
        "valor_pago": pago,
        "nao_pago": bruto - pago,
        "dias": draw(st.integers(min_value=-40, max_value=40)),  # due this many days from today
        "tipo": draw(st.sampled_from([TipoEvento.RECEITA.value, TipoEvento.DESPESA.value])),
        "contato": draw(st.sampled_from(["a", "a", "b", None])),
    }


def _empresa_e_evento(db: Database) -> tuple[str, str, dict[str, str]]:
    tenant, evento = str(uuid.uuid4()), str(uuid.uuid4())
    contatos = {"a": str(uuid.uuid4()), "b": str(uuid.uuid4())}
    with db.engine.begin() as conn:
        conn.execute(
            insert(Empresa.__table__).values(
                id=tenant,
                razao_social="Paridade Ltda",
                documento="11222333000181",
                demo=False,
                criado_em=datetime(2026, 1, 1),
            )
        )
        conn.execute(
            insert(EventoFinanceiro.__table__).values(
                id=evento,
                tenant_id=tenant,
                tipo=TipoEvento.RECEITA.value,
                data_competencia=date(2026, 1, 1),
                valor=Decimal("1.00"),
                descricao="Paridade",
            )
        )
    return tenant, evento, contatos


def _gravar(
    db: Database, tenant: str, evento: str, contatos: dict[str, str], estados: list[dict], hoje: date
) -> None:
    with db.engine.begin() as conn:
        conn.execute(delete(P).where(P.c.tenant_id == tenant))
        if not estados:
            return
        conn.execute(
            insert(P),
            [
                {
                    "id": str(uuid.uuid4()),
                    "tenant_id": tenant,
                    "evento_id": evento,
                    "tipo": e["tipo"],
                    "contato_id": contatos.get(e["contato"] or ""),
                    "data_competencia": date(2026, 1, 1),
                    "indice": i,
                    "descricao": f"Parcela {i}",
                    "data_vencimento": hoje + timedelta(days=e["dias"]),
                    "valor_bruto": e["valor_bruto"],
                    "valor_pago": e["valor_pago"],
                    "nao_pago": e["nao_pago"],
                    "perda_valor": e["perda_valor"],
                    "situacao": e["situacao"],
                }
                for i, e in enumerate(estados, 1)
            ],
        )


def rapido(db: Database, work: Callable) -> object:  # type: ignore[type-arg]
    """`work` on the GET fast path: `RawReader` on SQLite, asyncpg (`GreenletReader`) on PostgreSQL."""
    if db.async_reads is None:
        with RawReader(db.engine) as reader:
            return work(reader)
    reads = AsyncReads(db.url)

    async def scenario() -> object:
        try:
            return await reads.run(work)
        finally:
            await reads.close()

    return asyncio.run(scenario())


def test_status_sql_is_status_parcela(db: Database) -> None:
    tenant, evento, contatos = _empresa_e_evento(db)
    por_indice = select(P.c.indice, status_sql(bindparam("hoje", type_=P.c.data_vencimento.type))).where(
        P.c.tenant_id == bindparam("tenant")
    )
    literal_hoje: dict[date, object] = {}

    @settings(max_examples=60, deadline=None)
    @given(st.lists(estado(), min_size=1, max_size=25), HOJE)
    def check(estados: list[dict], hoje: date) -> None:
        _gravar(db, tenant, evento, contatos, estados, hoje)
        esperado = {
            i: status_parcela(
                situacao=e["situacao"],
                perda_valor=e["perda_valor"],
                valor_pago=e["valor_pago"],
                nao_pago=e["nao_pago"],
                data_vencimento=hoje + timedelta(days=e["dias"]),
                hoje=hoje,
            ).value
            for i, e in enumerate(estados, 1)
        }
        with db.engine.connect() as conn:
            bound = dict(conn.execute(por_indice, {"hoje": hoje, "tenant": tenant}).all())
            # `status_sql(hoje)` with a date (a literal in the statement), as the searches build it
            literal_hoje[hoje] = dict(
                conn.execute(select(P.c.indice, status_sql(hoje)).where(P.c.tenant_id == tenant)).all()
            )
        assert bound == esperado
        assert literal_hoje[hoje] == esperado

    check()


def test_the_summary_aggregate_is_resumo_financeiro(db: Database) -> None:
    tenant, evento, contatos = _empresa_e_evento(db)

    @settings(max_examples=60, deadline=None)
    @given(st.lists(estado(), max_size=25), HOJE)
    def check(estados: list[dict], hoje: date) -> None:
        _gravar(db, tenant, evento, contatos, estados, hoje)
        lidos = rapido(
            db,
            lambda r: {
                c: (resumos.resumo(r, tenant, c, hoje), resumos.parcelas_abertas(r, tenant, c))
                for c in contatos.values()
            },
        )
        for contato, ((resumo, quantas, congelado, deslocamento), abertas) in lidos.items():  # type: ignore[union-attr]
            sessao = db.run_read(lambda s, c=contato: resumos.resumo(s, tenant, c, hoje)[0])  # a Session
            assert resumo == sessao == resumo_financeiro(abertas, hoje)
            assert (congelado, deslocamento) == (None, None)  # no clock row for this company
            assert quantas == len(abertas)
            # what is open, by the rule's own words, and nothing else
            esperadas = sorted(
                (e["tipo"], hoje + timedelta(days=e["dias"]), e["nao_pago"])
                for e in estados
                if contatos.get(e["contato"] or "") == contato
                and e["situacao"] == Situacao.NORMAL.value
                and e["perda_valor"] is None
                and e["nao_pago"] > 0
            )
            assert sorted((a.tipo.value, a.data_vencimento, a.valor_aberto) for a in abertas) == esperadas

    check()
