from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack

import pytest
from fastapi.testclient import TestClient

from anil.api.app import create_app
from anil.config import Settings
from anil.domain.clock import MovableClock
from anil.storage.engine import Database
from tests.conftest import ADMIN_KEY


@pytest.fixture
def client_with(settings: Settings, db: Database, clock: MovableClock) -> Iterator[Callable[..., TestClient]]:
    """Another app on the same database and clock, with some settings changed."""
    with ExitStack() as stack:

        def build(**overrides: object) -> TestClient:
            app = create_app(settings.model_copy(update=overrides), db=db, clock=clock, admin_key=ADMIN_KEY)
            return stack.enter_context(TestClient(app))

        yield build
