"""First start: the demo company, a demo ERP user, a registered demo app and a handful of people.

Everything goes through the services, so the same rules apply as to data written through the API.
"""

from __future__ import annotations

from dataclasses import dataclass

from faker import Faker
from sqlalchemy.orm import Session

from anil.services import admin, provisioning

DEMO_USER_EMAIL = "demo@anil.local"
DEMO_USER_PASSWORD = "anil-demo"
DEMO_PEOPLE = 8


@dataclass(frozen=True)
class DemoData:
    empresa: dict
    app: dict
    user_email: str
    user_password: str


def ensure_demo(session: Session, *, redirect_uri: str, seed: int = 2026) -> DemoData:
    """Create the demo data once; later starts reuse it."""
    empresa = admin.demo_empresa(session)
    app = admin.demo_app(session)
    if empresa is None:
        fake = Faker("pt_BR")
        fake.seed_instance(seed)
        razao = fake.company()
        empresa = admin.criar_empresa(
            session,
            razao_social=f"{razao} Comércio e Serviços Ltda",
            nome_fantasia=razao,
            email="financeiro@" + fake.domain_name(),
            demo=True,
        )
        admin.criar_usuario(
            session, email=DEMO_USER_EMAIL, senha=DEMO_USER_PASSWORD, empresa_id=empresa.id, nome="Demo"
        )
        seed_people(session, empresa.id, fake)
        provisioning.provisionar_demo(session, empresa.id)
    if app is None:
        app = admin.criar_app(session, nome="anil demo app", redirect_uris=[redirect_uri], demo=True)
    return DemoData(admin.empresa_json(empresa), admin.app_json(app), DEMO_USER_EMAIL, DEMO_USER_PASSWORD)


def seed_people(session: Session, empresa_id: str, fake: Faker, count: int = DEMO_PEOPLE) -> None:
    from anil.services import pessoas

    pessoas.seed_demo_people(session, empresa_id, fake, count)
