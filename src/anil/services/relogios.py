"""Each company's clock (issue 4): what "now" and "today" mean for a company's date rules (due,
overdue, "this month", the alterações stamps). The system clock unless the company's clock was frozen or
moved through `/_anil/` or the CLI (`anil.domain.relogios` has the rules of those inputs).

Reads take the unit of work's reader: one primary-key lookup, a statement built once. Token expiry never
comes here: it reads the base clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session

from anil.domain.clock import Clock, local_today
from anil.domain.relogios import EstadoRelogio, avancar, conferir_instante
from anil.errors import NotFound
from anil.storage.repositories import relogios as repo
from anil.storage.repositories.base import Reader


def relogio(reader: Reader, tenant_id: str, base: Clock) -> Clock:
    return repo.relogio(reader, tenant_id, base)


def hoje(reader: Reader, tenant_id: str, base: Clock) -> date:
    """The company's today, in São Paulo."""
    return local_today(repo.relogio(reader, tenant_id, base))


def agora_utc(reader: Reader, tenant_id: str, base: Clock) -> datetime:
    """The company's now as the naive UTC the database columns hold."""
    return repo.naive_utc(repo.relogio(reader, tenant_id, base).now())


# ------------------------------------------------------------------------ sandbox control (`/_anil/`) ----


def _empresa(reader: Reader, empresa_id: str) -> None:
    if not repo.empresa_existe(reader, empresa_id):
        raise NotFound(f"Empresa {empresa_id} não encontrada")


def _estado(linha: tuple[datetime | None, int] | None, base: Clock) -> EstadoRelogio:
    if linha is None:
        return EstadoRelogio(
            agora=base.now().astimezone(UTC), congelado=False, deslocamento=timedelta(0), ajustado=False
        )
    congelado, segundos = linha
    agora = repo.de_ajuste(base, congelado, segundos).now().astimezone(UTC)
    return EstadoRelogio(
        agora=agora, congelado=congelado is not None, deslocamento=timedelta(seconds=segundos), ajustado=True
    )


def estado(reader: Reader, empresa_id: str, base: Clock) -> EstadoRelogio:
    """What the company's clock shows now (404 for an unknown company)."""
    _empresa(reader, empresa_id)
    return _estado(repo.ajuste(reader, empresa_id), base)


def congelar(session: Session, empresa_id: str, instante: datetime, base: Clock) -> EstadoRelogio:
    """Stop the company's clock at `instante` (aware); any earlier shift is dropped."""
    _empresa(session, empresa_id)
    congelado = repo.naive_utc(instante)
    repo.definir(session, empresa_id, congelado, 0, repo.naive_utc(base.now()))
    return _estado((congelado, 0), base)


def avancar_relogio(session: Session, empresa_id: str, passo: timedelta, base: Clock) -> EstadoRelogio:
    """Move the company's clock `passo` forward (frozen: its instant; running: its shift)."""
    _empresa(session, empresa_id)
    congelado, segundos = repo.ajuste(session, empresa_id) or (None, 0)
    novo_congelado, novo_deslocamento = avancar(congelado, timedelta(seconds=segundos), passo)
    linha = (novo_congelado, int(novo_deslocamento.total_seconds()))
    resultado = _estado(linha, base)
    conferir_instante(resultado.agora)
    repo.definir(session, empresa_id, linha[0], linha[1], repo.naive_utc(base.now()))
    return resultado


def restaurar(session: Session, empresa_id: str, base: Clock) -> EstadoRelogio:
    """Back to the system clock."""
    _empresa(session, empresa_id)
    repo.remover(session, empresa_id)
    return _estado(None, base)
