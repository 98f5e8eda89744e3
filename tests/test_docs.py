"""The README is the layout's and the configuration's single description; keep it true."""

from __future__ import annotations

import re
from pathlib import Path

from anil.api.choices import CHOICES
from anil.config import Settings

README = (Path(__file__).parent.parent / "README.md").read_text()


def test_every_choice_is_in_the_readme_table() -> None:
    rows = set(re.findall(r"^\| `([a-z0-9-]+)` \|", README, flags=re.M))
    assert rows == {choice.key for choice in CHOICES}


def test_every_setting_is_documented() -> None:
    documented = set(re.findall(r"`(ANIL_[A-Z_]+)`", README))
    settings = {f"ANIL_{name.upper()}" for name in Settings.model_fields}
    assert settings <= documented
    assert {"ANIL_TEST_DATABASE_URL", "ANIL_REQUIRE_PG"} <= documented


def test_the_readme_starts_with_the_two_commands() -> None:
    block = README.split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["pip install -e '.[server]' && anil serve", "pip install -e '.[dev]' && pytest"]
