"""Categorias (+ DRE), centros de custo, contas financeiras, eventos financeiros (contas a receber e a
pagar, buscas, parcelas, baixas, alterações, saldos iniciais, transferências) and protocolos (catalog
§3.7–§3.13)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from anil.sdk.resources._base import Call, Resource, body_of, endpoint
from anil.sdk.resources.models import (
    Baixa,
    Categoria,
    CentroDeCusto,
    ContaFinanceira,
    Parcela,
    Protocolo,
)
from anil.sdk.types import (
    BaixaCreate,
    BaixaEscrita,
    BaixaUpdate,
    CentroDeCustoCreate,
    ConfiguracaoPadrao,
    ContaAPagarItem,
    ContaAReceberItem,
    EventoAlterado,
    EventoFinanceiroCreate,
    ItemDre,
    ParcelaAtualizada,
    ParcelaUpdate,
    ProtocoloCriado,
    SaldoAtual,
    SaldoInicial,
    Transferencia,
)

__all__ = [
    "Baixas",
    "Categorias",
    "CentrosDeCusto",
    "ContasAPagar",
    "ContasAReceber",
    "ContasFinanceiras",
    "Financeiro",
    "Parcelas",
    "Protocolos",
]

EVENTOS = "/v1/financeiro/eventos-financeiros"


class Categorias(Resource):
    """`/v1/categorias` (the financial categories), their default configuration and the DRE tree."""

    name = "categorias"

    @endpoint("GET", "/v1/categorias", returns=Categoria, paginated=True)
    def list(self, **filtros: Any) -> Call:
        return Call.listing(filtros)

    @endpoint("GET", "/v1/categorias/configuracao-padrao", returns=ConfiguracaoPadrao)
    def configuracao_padrao(self) -> Call:
        return Call()

    @endpoint("GET", "/v1/financeiro/categorias-dre", returns=ItemDre, paginated=True)
    def dre(self, **filtros: Any) -> Call:
        """The DRE Gerencial tree (`{itens}`), its nodes with the categories attached."""
        return Call.listing(filtros)


class CentrosDeCusto(Resource):
    """`/v1/centro-de-custo`."""

    name = "centros_de_custo"

    @endpoint("GET", "/v1/centro-de-custo", returns=CentroDeCusto, paginated=True)
    def list(self, **filtros: Any) -> Call:
        return Call.listing(filtros)

    @endpoint("POST", "/v1/centro-de-custo", returns=CentroDeCusto)
    def create(self, body: CentroDeCustoCreate | Mapping[str, Any] | None = None, **fields: Any) -> Call:
        return Call(json=body_of(body, **fields))


class ContasFinanceiras(Resource):
    """`/v1/conta-financeira` and each account's current balance."""

    name = "contas_financeiras"

    @endpoint("GET", "/v1/conta-financeira", returns=ContaFinanceira, paginated=True)
    def list(self, **filtros: Any) -> Call:
        """Accounts (`tipos`, `nome`, `apenas_ativo`, `esconde_conta_digital`, `mostrar_caixinha`)."""
        return Call.listing(filtros)

    @endpoint("GET", "/v1/conta-financeira/{id_conta_financeira}/saldo-atual", returns=SaldoAtual)
    def saldo_atual(self, conta_id: Any) -> Call:
        return Call(path={"id_conta_financeira": conta_id})


def _protocol_id(protocolo: Any) -> str:
    for key in ("protocolo", "protocolId", "id"):
        value = protocolo.get(key) if isinstance(protocolo, dict) else getattr(protocolo, key, None)
        if value:
            return str(value)
    return str(protocolo)


class Protocolos(Resource):
    """`GET /v1/protocolo/{id}` and a waiter for the 202 writes (catalog §2.10)."""

    name = "protocolos"

    @endpoint("GET", "/v1/protocolo/{id}", returns=Protocolo)
    def get(self, protocolo_id: Any) -> Call:
        return Call(path={"id": _protocol_id(protocolo_id)})

    def wait(self, protocolo: Any, *, timeout: float = 60.0, interval: float = 0.5) -> Any:
        """The protocol once `SUCCESS` (`evento_financeiro_id` set); `ProtocolFailed` on `ERROR`,
        `ProtocolTimeout` when still `PENDING` after `timeout` seconds (the client's `wait_protocol`, its
        injectable `sleep`). `protocolo` is the id or the 202's answer."""
        return self._client.wait_protocol(_protocol_id(protocolo), timeout=timeout, interval=interval)


class ContasAReceber(Resource):
    """`…/contas-a-receber`: creation (202 with a protocol) and the installments' search."""

    @endpoint("POST", f"{EVENTOS}/contas-a-receber", returns=ProtocoloCriado)
    def create(self, body: EventoFinanceiroCreate | Mapping[str, Any] | None = None, **fields: Any) -> Call:
        """202: the protocol (`protocolo`, `status` PENDING); `financeiro.wait_protocol(answer)` waits for
        the event."""
        return Call(json=body_of(body, **fields))

    @endpoint("GET", f"{EVENTOS}/contas-a-receber/buscar", returns=ContaAReceberItem, paginated=True)
    def buscar(self, **filtros: Any) -> Call:
        """Installments due in the required window (`data_vencimento_de`, `data_vencimento_ate`) and any
        other filter; `.page(1).raw["totais"]` the sums per situation."""
        return Call.listing(filtros)


class ContasAPagar(Resource):
    """`…/contas-a-pagar`: creation (202 with a protocol) and the installments' search."""

    @endpoint("POST", f"{EVENTOS}/contas-a-pagar", returns=ProtocoloCriado)
    def create(self, body: EventoFinanceiroCreate | Mapping[str, Any] | None = None, **fields: Any) -> Call:
        return Call(json=body_of(body, **fields))

    @endpoint("GET", f"{EVENTOS}/contas-a-pagar/buscar", returns=ContaAPagarItem, paginated=True)
    def buscar(self, **filtros: Any) -> Call:
        return Call.listing(filtros)


class Parcelas(Resource):
    """An event's installments, one installment, its edit."""

    @endpoint("GET", f"{EVENTOS}/{{id_evento}}/parcelas", returns=Parcela, paginated=True)
    def list(self, evento_id: Any, **filtros: Any) -> Call:
        """The installments of the event (its uuid or legacy id)."""
        return Call.listing(filtros, id_evento=evento_id)

    @endpoint("GET", f"{EVENTOS}/parcelas/{{id}}", returns=Parcela)
    def get(self, parcela_id: Any) -> Call:
        return Call(path={"id": parcela_id})

    @endpoint("PATCH", f"{EVENTOS}/parcelas/{{id}}", returns=ParcelaAtualizada)
    def update(
        self, parcela_id: Any, body: ParcelaUpdate | Mapping[str, Any] | None = None, **fields: Any
    ) -> Call:
        """Send the current `versao` (409 `Conflict` when stale)."""
        return Call(path={"id": parcela_id}, json=body_of(body, **fields))


class Baixas(Resource):
    """The settlements of an installment."""

    @endpoint("GET", f"{EVENTOS}/parcelas/{{parcela_id}}/baixa", returns=Baixa, paginated=True)
    def list(self, parcela_id: Any, **filtros: Any) -> Call:
        return Call.listing(filtros, parcela_id=parcela_id)

    @endpoint("POST", f"{EVENTOS}/parcelas/{{parcela_id}}/baixa", returns=BaixaEscrita)
    def create(
        self, parcela_id: Any, body: BaixaCreate | Mapping[str, Any] | None = None, **fields: Any
    ) -> Call:
        return Call(path={"parcela_id": parcela_id}, json=body_of(body, **fields))

    @endpoint("GET", f"{EVENTOS}/parcelas/baixa/{{baixa_id}}", returns=Baixa)
    def get(self, baixa_id: Any) -> Call:
        return Call(path={"baixa_id": baixa_id})

    @endpoint("PATCH", f"{EVENTOS}/parcelas/baixa/{{baixa_id}}", returns=BaixaEscrita)
    def update(
        self, baixa_id: Any, body: BaixaUpdate | Mapping[str, Any] | None = None, **fields: Any
    ) -> Call:
        """Send the current `versao` (409 `Conflict` when stale)."""
        return Call(path={"baixa_id": baixa_id}, json=body_of(body, **fields))

    @endpoint("DELETE", f"{EVENTOS}/parcelas/baixa/{{baixa_id}}")
    def delete(self, baixa_id: Any) -> Call:
        return Call(path={"baixa_id": baixa_id})


class Financeiro(Resource):
    """`/v1/financeiro`: `contas_a_receber`, `contas_a_pagar`, `parcelas`, `baixas`, the alterações, the
    initial balances, the transfers and `wait_protocol`."""

    name = "financeiro"
    children = {
        "contas_a_receber": ContasAReceber,
        "contas_a_pagar": ContasAPagar,
        "parcelas": Parcelas,
        "baixas": Baixas,
    }

    @endpoint("GET", f"{EVENTOS}/alteracoes", returns=EventoAlterado, paginated=True)
    def alteracoes(self, **filtros: Any) -> Call:
        """The events touched in a São Paulo window (`data_inicio`, `data_fim`, ISO without offset)."""
        return Call.listing(filtros)

    @endpoint("GET", f"{EVENTOS}/saldo-inicial", returns=SaldoInicial, paginated=True)
    def saldo_inicial(self, **filtros: Any) -> Call:
        return Call.listing(filtros)

    @endpoint("GET", "/v1/financeiro/transferencias", returns=Transferencia, paginated=True)
    def transferencias(self, **filtros: Any) -> Call:
        return Call.listing(filtros)

    def wait_protocol(self, protocolo: Any, *, timeout: float = 60.0, interval: float = 0.5) -> Any:
        """`protocolos.wait`: the protocol of a 202 write once `SUCCESS` (see `Protocolos.wait`)."""
        return self._client.wait_protocol(_protocol_id(protocolo), timeout=timeout, interval=interval)
