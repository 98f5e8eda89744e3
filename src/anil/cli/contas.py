"""`anil accounts create|list` and `anil transfers create|list`: the financial accounts and transfers that
`/v1/conta-financeira` and `/v1/financeiro/transferencias` read, which Conta Azul's API cannot create.
Straight on the database, like the admin commands (works while the server runs); same JSON as `/_anil/`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated

import typer

from anil.cli._database import Company, DatabaseUrl, Json, empresa_alvo, run_on_database
from anil.cli._output import emit, fail


def _valor(texto: str | None, opcao: str, as_json: bool) -> Decimal | None:
    if texto is None:
        return None
    try:
        return Decimal(texto.replace(",", "."))
    except InvalidOperation:
        fail(f"{opcao}: informe um valor como 1500.75", as_json=as_json)
        raise  # unreachable: fail exits


def _data(texto: str | None, opcao: str, as_json: bool) -> date | None:
    if texto is None:
        return None
    try:
        return date.fromisoformat(texto)
    except ValueError:
        fail(f"{opcao}: informe a data como AAAA-MM-DD", as_json=as_json)
        raise  # unreachable: fail exits


def _hoje(session, empresa_id: str) -> date:  # type: ignore[no-untyped-def]
    """The company's today: its clock (`anil clock`), else the system's."""
    from anil.domain.clock import SystemClock
    from anil.services import relogios

    return relogios.hoje(session, empresa_id, SystemClock())


def register(app: typer.Typer) -> None:
    accounts = typer.Typer(help="Financial accounts (contas financeiras) of a company.", no_args_is_help=True)
    transfers = typer.Typer(help="Transfers between a company's financial accounts.", no_args_is_help=True)
    app.add_typer(accounts, name="accounts")
    app.add_typer(transfers, name="transfers")

    @accounts.command("create")
    def accounts_create(
        name: Annotated[str, typer.Option("--name", help="Account name (nome).")],
        tipo: Annotated[
            str | None, typer.Option("--type", help="«TIPO_CONTA_FINANCEIRA» (default CONTA_CORRENTE).")
        ] = None,
        banco: Annotated[
            str | None,
            typer.Option("--bank", help="«BANCO», e.g. ITAU (default OUTROS; NAO_BANCO for CAIXINHA)."),
        ] = None,
        codigo_banco: Annotated[
            int | None, typer.Option("--bank-code", help="codigo_banco (default: the bank's COMPE code).")
        ] = None,
        agencia: Annotated[str | None, typer.Option("--agency", help="Agência.")] = None,
        numero: Annotated[str | None, typer.Option("--number", help="Account number.")] = None,
        saldo_inicial: Annotated[
            str | None, typer.Option("--initial-balance", help="Initial balance, e.g. 1500.75 (default 0).")
        ] = None,
        data_saldo_inicial: Annotated[
            str | None, typer.Option("--initial-balance-date", help="YYYY-MM-DD (default today).")
        ] = None,
        padrao: Annotated[bool, typer.Option("--default", help="Make it the default account.")] = False,
        inativa: Annotated[bool, typer.Option("--inactive", help="Create it inactive.")] = False,
        boleto: Annotated[
            bool, typer.Option("--boleto", help="possui_config_boleto_bancario = true.")
        ] = False,
        company: Company = None,
        as_json: Json = False,
        database_url: DatabaseUrl = None,
    ) -> None:
        """Create a financial account with its initial balance."""
        from anil.domain.contas import ContaEntrada
        from anil.schemas import contas as schemas
        from anil.services import contas as svc

        entrada = ContaEntrada(
            nome=name,
            tipo=tipo,
            banco=banco,
            codigo_banco=codigo_banco,
            agencia=agencia,
            numero=numero,
            ativo=not inativa,
            conta_padrao=padrao,
            possui_config_boleto_bancario=boleto,
            saldo_inicial=_valor(saldo_inicial, "--initial-balance", as_json),
            data_saldo_inicial=_data(data_saldo_inicial, "--initial-balance-date", as_json),
        )

        def work(session, _):  # type: ignore[no-untyped-def]
            empresa_id = empresa_alvo(session, company)
            hoje = _hoje(session, empresa_id)
            conta = svc.criar_conta(session, empresa_id, entrada, hoje)
            return schemas.conta_controle(conta, svc.saldos(session, empresa_id, [conta], hoje)[conta.id])

        emit(run_on_database(database_url, work, as_json=as_json), as_json=as_json)

    @accounts.command("list")
    def accounts_list(
        company: Company = None, as_json: Json = False, database_url: DatabaseUrl = None
    ) -> None:
        """List a company's financial accounts with their current balances, by name."""
        from anil.schemas import contas as schemas
        from anil.services import contas as svc

        def work(session, _):  # type: ignore[no-untyped-def]
            empresa_id = empresa_alvo(session, company)
            hoje = _hoje(session, empresa_id)
            return [schemas.conta_controle(c, s) for c, s in svc.contas_da_empresa(session, empresa_id, hoje)]

        result = run_on_database(database_url, work, as_json=as_json, write=False)
        emit(
            result,
            as_json=as_json,
            columns=("id", "nome", "tipo", "banco", "ativo", "conta_padrao", "saldo_inicial", "saldo_atual"),
        )

    @transfers.command("create")
    def transfers_create(
        origem: Annotated[str, typer.Option("--from", help="id of the origin account.")],
        destino: Annotated[str, typer.Option("--to", help="id of the destination account.")],
        valor: Annotated[str, typer.Option("--amount", help="Amount, e.g. 250.00 (> 0).")],
        data: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default today).")] = None,
        descricao: Annotated[str | None, typer.Option("--description", help="Descrição.")] = None,
        company: Company = None,
        as_json: Json = False,
        database_url: DatabaseUrl = None,
    ) -> None:
        """Transfer money between two accounts of the same company."""
        from anil.domain.contas import TransferenciaEntrada
        from anil.schemas import contas as schemas
        from anil.services import contas as svc

        entrada = TransferenciaEntrada(
            conta_origem=origem,
            conta_destino=destino,
            valor=_valor(valor, "--amount", as_json),
            data=_data(data, "--date", as_json),
            descricao=descricao,
        )

        def work(session, _):  # type: ignore[no-untyped-def]
            empresa_id = empresa_alvo(session, company)
            hoje = _hoje(session, empresa_id)
            return schemas.transferencia_controle(svc.criar_transferencia(session, empresa_id, entrada, hoje))

        emit(run_on_database(database_url, work, as_json=as_json), as_json=as_json)

    @transfers.command("list")
    def transfers_list(
        company: Company = None, as_json: Json = False, database_url: DatabaseUrl = None
    ) -> None:
        """List a company's transfers, by date."""
        from anil.domain.contas import FiltroTransferencias
        from anil.schemas import contas as schemas
        from anil.services import contas as svc

        def work(session, _):  # type: ignore[no-untyped-def]
            empresa_id = empresa_alvo(session, company)
            rows = svc.transferencias_da_empresa(session, empresa_id, FiltroTransferencias())
            return [schemas.transferencia_controle(r) for r in rows]

        result = run_on_database(database_url, work, as_json=as_json, write=False)
        rows = [
            {
                "id": r["id"],
                "data": r["data"],
                "valor": r["valor"],
                "origem": r["origem"]["conta_financeira"]["nome"],
                "destino": r["destino"]["conta_financeira"]["nome"],
                "descricao": r["descricao"],
            }
            for r in result
        ]
        emit(result if as_json else rows, as_json=as_json)
