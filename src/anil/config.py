"""Server settings, read from `ANIL_*` environment variables (every one is listed in the README)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("anil", appauthor=False))


OnOff = Literal["on", "off"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ANIL_", extra="ignore")

    data_dir: Path = default_data_dir()
    database_url: str = ""
    public_url: str = "http://localhost:8000"
    sandbox: OnOff = "on"
    rate_limit: OnOff = "on"
    quirks: OnOff = "on"
    redis_url: str = ""
    refresh_token_days: int = 14
    access_token_seconds: int = 3600
    authorization_code_seconds: int = 180
    # How many server processes share the rate limit when no Redis is configured (set by `anil serve`).
    workers: int = 1
    # Enables GET /_bench/baseline, the B endpoint of the benchmark protocol (bench/ sets it).
    bench: OnOff = "off"
    # The job queue's worker (financial events' protocols): in every server process, or not at all
    # (then `anil worker` processes drain the queue).
    worker: Literal["inprocess", "off"] = "inprocess"
    # How long a new protocol stays PENDING: `immediate`, a number of seconds, or `manual` (until released
    # through /_anil/companies/{id}/protocolos); a company's own mode set there wins.
    protocol_delay: str = "immediate"
    worker_lease_seconds: float = 30.0
    worker_poll_ms: int = 100
    # Tests only: seconds a worker waits inside a job's transaction before committing it (PostgreSQL path),
    # so that a test can kill it mid-job.
    worker_test_sleep: float = 0.0

    @field_validator("sandbox", "rate_limit", "quirks", "bench", mode="before")
    @classmethod
    def _on_off(cls, value: object) -> object:
        if isinstance(value, bool):
            return "on" if value else "off"
        if isinstance(value, str):
            lowered = value.strip().lower()
            if lowered in {"1", "true", "yes", "on"}:
                return "on"
            if lowered in {"0", "false", "no", "off"}:
                return "off"
        return value

    @field_validator("protocol_delay", mode="before")
    @classmethod
    def _protocol_delay(cls, value: object) -> object:
        texto = str(value).strip().lower()
        if texto in {"immediate", "manual"} or (texto.isdigit() and int(texto) <= 86400):
            return texto
        raise ValueError("ANIL_PROTOCOL_DELAY must be 'immediate', 'manual' or whole seconds (0 to 86400)")

    @cached_property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'anil.db'}"

    @property
    def sandbox_on(self) -> bool:
        return self.sandbox == "on"

    @property
    def quirks_on(self) -> bool:
        return self.quirks == "on"

    @property
    def rate_limit_on(self) -> bool:
        return self.rate_limit == "on"

    @property
    def admin_key_path(self) -> Path:
        return self.data_dir / "admin-key"

    @property
    def signing_key_path(self) -> Path:
        return self.data_dir / "signing-key.json"
