"""Properties of the financial core over random histories (issue 4 acceptance), through HTTP, both engines.

A history is a random sequence of: new receivables and payables (1–3 installments, due in the past or the
future), settlements (partial, full, too large, with interest, fines, discounts and fees, on one of two
accounts), settlement edits (amount and account, sometimes with a stale version), settlement deletions,
losses set and cleared, gross-value edits of installments, and transfers between the accounts. A small
model predicts each answer (200, or the 400/409 the rules give) and the final state; then, for every
installment, `sum(baixas.valor_bruto) + nao_pago == valor_bruto`, its status follows the rules on the
company's today, and every account's `saldo-atual` equals its initial balance + transfers in − transfers
out + net settlements in − net settlements out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anil.domain.clock import MovableClock, local_today
from tests.api.baixas_builders import (
    DESPESA,
    RECEITA,
    alterar_baixa,
    alterar_parcela,
    baixar,
    evento,
    excluir_baixa,
    fixtures_financeiras,
    parcela,
    parcelas,
    saldo,
)
from tests.api.contas_builders import create_account, create_transfer
from tests.helpers import create_company

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
INICIAIS = (Decimal("1000.00"), Decimal("0.00"))


def reais(centavos: int) -> Decimal:
    return (Decimal(centavos) * CENT).quantize(CENT)


# --------------------------------------------------------------------------------------- model ----


@dataclass
class BaixaM:
    id: str
    bruto: Decimal
    liquido: Decimal
    conta: int
    versao: int = 1


@dataclass
class ParcelaM:
    id: str
    tipo: str
    bruto: Decimal
    vencimento: date
    perda: Decimal | None = None
    baixas: dict[str, BaixaM] = field(default_factory=dict)

    @property
    def pago(self) -> Decimal:
        return sum((b.bruto for b in self.baixas.values()), ZERO)

    @property
    def aberto(self) -> Decimal:
        return self.bruto - self.pago

    def status(self, hoje: date) -> str:
        if self.perda is not None:
            return "PERDIDO"
        if self.aberto <= ZERO:
            return "QUITADO"
        if self.pago > ZERO:
            return "RECEBIDO_PARCIAL"
        return "ATRASADO" if self.vencimento < hoje else "PENDENTE"


# ----------------------------------------------------------------------------------- strategies ----

dinheiro = st.integers(min_value=1, max_value=50_000)  # cents: R$ 0,01 … R$ 500,00
pequeno = st.integers(min_value=0, max_value=800)
escolha = st.integers(min_value=0, max_value=10_000)  # picks among what exists, modulo its count
conta = st.integers(min_value=0, max_value=1)

operacao = st.one_of(
    st.tuples(
        st.just("evento"),
        st.sampled_from([RECEITA, DESPESA]),
        st.lists(st.tuples(dinheiro, st.integers(min_value=-40, max_value=40)), min_size=1, max_size=3),
        conta,
    ),
    st.tuples(
        st.just("baixa"),
        escolha,
        st.one_of(st.just("tudo"), dinheiro),
        st.tuples(pequeno, pequeno, pequeno, pequeno),  # juros, multa, desconto, taxa
        conta,
        st.integers(min_value=0, max_value=15),  # paid this many days ago
    ),
    st.tuples(st.just("editar"), escolha, dinheiro, conta, st.booleans()),  # the flag: send a stale version
    st.tuples(st.just("excluir"), escolha),
    st.tuples(st.just("perda"), escolha, st.one_of(st.none(), dinheiro)),
    st.tuples(st.just("bruto"), escolha, dinheiro),
    st.tuples(st.just("transferir"), conta, dinheiro),
)


def _pick(items: list, index: int):  # type: ignore[no-untyped-def]
    return items[index % len(items)] if items else None


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(historia=st.lists(operacao, min_size=1, max_size=14))
def test_random_histories_keep_installments_and_balances_exact(
    client: TestClient, clock: MovableClock, historia: list[tuple]
) -> None:
    hoje = local_today(clock)
    company = create_company(client)
    f = fixtures_financeiras(client, company)
    contas = [
        create_account(client, company, "Conta A", saldo_inicial=str(INICIAIS[0]))["id"],
        create_account(client, company, "Conta B", saldo_inicial=str(INICIAIS[1]))["id"],
    ]
    movido = [ZERO, ZERO]  # transfers and net settlements, per account
    modelo: list[ParcelaM] = []
    baixas_m: list[tuple[ParcelaM, BaixaM]] = []

    def fluxo(tipo: str, liquido: Decimal) -> Decimal:
        return liquido if tipo == RECEITA else -liquido

    for passo in historia:
        acao = passo[0]
        if acao == "evento" or not modelo:
            _, tipo, itens, c = passo if acao == "evento" else ("evento", RECEITA, [(10_000, 5)], 0)
            vencimentos = [(hoje + timedelta(days=dias), reais(v)) for v, dias in itens]
            evento_id = evento(
                client, company, f, tipo, [(d.isoformat(), str(v)) for d, v in vencimentos], conta=contas[c]
            )
            for item, (vencimento, bruto) in zip(
                parcelas(client, company, evento_id), vencimentos, strict=True
            ):
                modelo.append(ParcelaM(item["id"], tipo, bruto, vencimento))
            if acao == "evento":
                continue
        if acao == "baixa":
            _, i, valor, (juros, multa, desconto, taxa), c, dias = passo
            p = _pick(modelo, i)
            bruto = p.aberto if valor == "tudo" else reais(valor)
            partes = {
                "juros": reais(juros),
                "multa": reais(multa),
                "desconto": reais(desconto),
                "taxa": reais(taxa),
            }
            liquido = bruto + partes["juros"] + partes["multa"] - partes["desconto"] - partes["taxa"]
            response = baixar(
                client,
                company,
                p.id,
                str(bruto),
                contas[c],
                data=(hoje - timedelta(days=dias)).isoformat(),
                **{k: str(v) for k, v in partes.items()},
            )
            if liquido < ZERO or p.perda is not None or p.aberto <= ZERO or bruto > p.aberto:
                assert response.status_code == 400, (passo, response.text)
                continue
            assert response.status_code == 200, (passo, response.text)
            b = BaixaM(response.json()["id"], bruto, liquido, c)
            p.baixas[b.id] = b
            baixas_m.append((p, b))
            movido[c] += fluxo(p.tipo, liquido)
        elif acao == "editar":
            _, i, valor, c, velha = passo
            alvo = _pick(baixas_m, i)
            if alvo is None:
                continue
            p, b = alvo
            body = {
                "versao": b.versao - 1 if velha and b.versao > 1 else (b.versao + 1 if velha else b.versao),
                "composicao_valor": {"valor_bruto": str(reais(valor))},
                "conta_financeira": contas[c],
            }
            response = alterar_baixa(client, company, b.id, body)
            if velha:
                assert response.status_code == 409, (passo, response.text)
                continue
            if p.perda is not None or reais(valor) > p.aberto + b.bruto:
                assert response.status_code == 400, (passo, response.text)
                continue
            assert response.status_code == 200, (passo, response.text)
            movido[b.conta] -= fluxo(p.tipo, b.liquido)
            b.bruto, b.liquido, b.conta, b.versao = reais(valor), reais(valor), c, b.versao + 1
            movido[c] += fluxo(p.tipo, b.liquido)
        elif acao == "excluir":
            alvo = _pick(baixas_m, passo[1])
            if alvo is None:
                continue
            p, b = alvo
            assert excluir_baixa(client, company, b.id).status_code == 200
            baixas_m.remove(alvo)
            del p.baixas[b.id]
            movido[b.conta] -= fluxo(p.tipo, b.liquido)
        elif acao == "perda":
            _, i, valor = passo
            p = _pick(modelo, i)
            atual = parcela(client, company, p.id)
            body = {"versao": atual["versao"], "composicao_valor": {"valor_bruto": str(p.bruto)}}
            body["perda"] = None if valor is None else {"data": hoje.isoformat(), "valor": str(reais(valor))}
            response = alterar_parcela(client, company, p.id, body)
            if valor is not None and reais(valor) > p.aberto:
                assert response.status_code == 400, (passo, response.text)
                continue
            assert response.status_code == 200, (passo, response.text)
            p.perda = None if valor is None else reais(valor)
        elif acao == "bruto":
            _, i, valor = passo
            p = _pick(modelo, i)
            atual = parcela(client, company, p.id)
            response = alterar_parcela(
                client,
                company,
                p.id,
                {"versao": atual["versao"], "composicao_valor": {"valor_bruto": str(reais(valor))}},
            )
            if reais(valor) < p.pago or (p.perda is not None and p.perda > reais(valor) - p.pago):
                assert response.status_code == 400, (passo, response.text)
                continue
            assert response.status_code == 200, (passo, response.text)
            p.bruto = reais(valor)
        elif acao == "transferir":
            _, de, valor = passo
            create_transfer(client, company, contas[de], contas[1 - de], str(reais(valor)))
            movido[de] -= reais(valor)
            movido[1 - de] += reais(valor)

    for p in modelo:
        lida = parcela(client, company, p.id)
        pagos = sum((Decimal(str(b["valor_composicao"]["valor_bruto"])) for b in lida["baixas"]), ZERO)
        valor_bruto = Decimal(str(lida["valor_composicao"]["valor_bruto"]))
        nao_pago = Decimal(str(lida["nao_pago"]))
        assert pagos + nao_pago == valor_bruto, lida
        assert Decimal(str(lida["valor_pago"])) == pagos
        assert (valor_bruto, nao_pago, pagos) == (p.bruto, p.aberto, p.pago), (p, lida)
        assert {b["id"] for b in lida["baixas"]} == set(p.baixas)
        assert lida["status"] == p.status(hoje), (p, lida)
    for indice, conta_id in enumerate(contas):
        assert saldo(client, company, conta_id) == INICIAIS[indice] + movido[indice], indice
