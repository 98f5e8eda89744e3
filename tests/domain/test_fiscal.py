"""The packaged NCM and CEST catalogs (`anil.domain.fiscal`) and the units of measure rules: data integrity,
stable ids, search, paging, CEST ↔ NCM applicability."""

from __future__ import annotations

import importlib.util
import re
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anil.domain import fiscal
from anil.domain.unidades import PADRAO, UNIDADE_ID_BASE, UnidadeMedida, filtrar, seq_da_unidade, unidade_id

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "reference" / "fiscal"
COFFEE = ["09011110", "09011190", "09011200", "09012100", "09012200", "09019000"]


def codes(items: list[fiscal.Ncm] | list[fiscal.Cest]) -> list[str]:
    return [item.codigo for item in items]


# ------------------------------------------------------------------------------------ the files ----


def test_the_data_files_ship_inside_the_package() -> None:
    folder = files("anil").joinpath("data/fiscal")
    for name in ("ncm.csv", "cest.csv", "README.md"):
        assert folder.joinpath(name).is_file()
    readme = folder.joinpath("README.md").read_text(encoding="utf-8")
    assert "Convênio ICMS 142/2018" in readme
    assert "Convênio ICMS 142/2018" in folder.joinpath("cest.csv").read_text(encoding="utf-8").splitlines()[0]


def test_ncm_has_every_eight_digit_code_in_force_once() -> None:
    ncm = fiscal.todos_ncm()
    assert len(ncm) == 10_515
    assert all(re.fullmatch(r"\d{8}", item.codigo) for item in ncm)
    assert len({item.codigo for item in ncm}) == len(ncm)
    assert codes(list(ncm)) == sorted(codes(list(ncm)))
    assert all(item.descricao and item.descricao_oficial and item.busca for item in ncm)
    # the official depth markers are gone
    assert not any(item.descricao_oficial.startswith("-") for item in ncm)


def test_cest_items_are_whole() -> None:
    cest = fiscal.todos_cest()
    assert 1_000 <= len(cest) <= 1_100
    assert all(re.fullmatch(r"\d{7}", item.codigo) for item in cest)
    assert len({item.codigo for item in cest}) == len(cest)
    assert all(item.segmento == item.codigo[:2] for item in cest)
    assert len({item.segmento for item in cest}) >= 20
    assert all(item.descricao for item in cest)


def test_cest_ncm_prefixes_parse_and_mostly_match_codes_in_force() -> None:
    starts = {item.codigo[:n] for item in fiscal.todos_ncm() for n in range(1, 9)}
    prefixes = [prefix for item in fiscal.todos_cest() for prefix in item.ncms]
    assert len(prefixes) > 1_000
    assert all(re.fullmatch(r"\d{2,8}", prefix) for prefix in prefixes)
    assert not any(prefix.startswith("00") for prefix in prefixes)
    unmatched = set(prefixes) - starts
    assert len(unmatched) <= 20  # codes the convênio lists that later NCM revisions split or renumbered
    # leading zeros lost in the reference file are back
    assert fiscal.cest_por_codigo("1709600").ncms == ("0901",)
    assert "0909" in fiscal.cest_por_codigo("1711600").ncms


def test_catch_all_cest_items_list_no_ncm() -> None:
    assert fiscal.cest_por_codigo("0199900").ncms == ()
    assert fiscal.cest_por_codigo("2899900").ncms == ()


@pytest.mark.skipif(not REFERENCE.is_dir(), reason=f"reference copies not present at {REFERENCE}")
def test_the_converter_rebuilds_the_packaged_files_byte_for_byte(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "build_fiscal_data", ROOT / "scripts" / "build_fiscal_data.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--reference", str(REFERENCE), "--out", str(tmp_path)]) == 0
    for name in ("ncm.csv", "cest.csv"):
        packaged = files("anil").joinpath(f"data/fiscal/{name}").read_bytes()
        assert (tmp_path / name).read_bytes() == packaged, name


# ------------------------------------------------------------------------------------------ ids ----


def test_ids_are_derived_from_the_codes() -> None:
    assert fiscal.ncm_por_codigo("09011110").id == 109_011_110
    assert fiscal.cest_por_codigo("17.096.00").id == 11_709_600
    for item in fiscal.todos_ncm():
        assert item.id == fiscal.NCM_ID_BASE + int(item.codigo)
    for item in fiscal.todos_cest():
        assert item.id == fiscal.CEST_ID_BASE + int(item.codigo)


def test_ids_are_unique_across_both_catalogs_and_read_back() -> None:
    ncm_ids = [item.id for item in fiscal.todos_ncm()]
    cest_ids = [item.id for item in fiscal.todos_cest()]
    assert len(set(ncm_ids) | set(cest_ids)) == len(ncm_ids) + len(cest_ids)
    for item in fiscal.todos_ncm()[::97]:
        assert fiscal.ncm_por_id(item.id) is item
    for item in fiscal.todos_cest():
        assert fiscal.cest_por_id(item.id) is item


@pytest.mark.parametrize("id_", [0, -1, 9_011_110, 99_999_999, 200_000_000, 11_709_600])
def test_unknown_ncm_ids(id_: int) -> None:
    assert fiscal.ncm_por_id(id_) is None


@pytest.mark.parametrize("id_", [0, 1_709_600, 109_011_110, 20_000_000])
def test_unknown_cest_ids(id_: int) -> None:
    assert fiscal.cest_por_id(id_) is None


def test_lookups_by_code_accept_dots_and_reject_garbage() -> None:
    assert fiscal.ncm_por_codigo("0901.21.00").codigo == "09012100"
    assert fiscal.ncm_por_codigo("0901") is None
    assert fiscal.ncm_por_codigo("café") is None
    assert fiscal.ncm_por_codigo(None) is None
    assert fiscal.cest_por_codigo("17.096.00").codigo_formatado == "17.096.00"
    assert fiscal.cest_por_codigo("17.096") is None


# -------------------------------------------------------------------------------- descriptions ----


def test_ncm_descricao_is_the_path_from_the_position() -> None:
    em_grao = fiscal.ncm_por_codigo("09011110")
    assert em_grao.descricao_oficial == "Em grão"
    assert (
        em_grao.descricao
        == "Café, mesmo torrado ou descafeinado - Café não torrado - Não descafeinado - Em grão"
    )
    assert fiscal.ncm_por_codigo("09019000").descricao == "Café, mesmo torrado ou descafeinado - Outros"
    # a level that repeats the position's text is not said twice
    assert fiscal.ncm_por_codigo("09030010").descricao == "Mate - Simplesmente cancheado"
    # a code alone under its position keeps its whole text
    assert fiscal.ncm_por_codigo("05010000").descricao.startswith("Cabelo em bruto, mesmo lavado")


# -------------------------------------------------------------------------------------- search ----


def test_cafe_finds_the_coffee_codes() -> None:
    total, items = fiscal.buscar_ncm("café", None, 0, 100)
    found = codes(items)
    assert total == len(items)
    assert set(COFFEE) <= set(found)
    assert "21011110" in found  # extratos de café
    assert not any(code.startswith("0904") for code in found)  # pepper shares the chapter, not the word


@pytest.mark.parametrize("busca", ["CAFE", "Café", "cafe", "  café  "])
def test_search_ignores_case_and_accents(busca: str) -> None:
    assert fiscal.buscar_ncm(busca, None, 0, 1000) == fiscal.buscar_ncm("café", None, 0, 1000)


def test_every_word_must_match() -> None:
    _, items = fiscal.buscar_ncm("café grão", None, 0, 100)
    assert "09011110" in codes(items)
    assert "09012100" not in codes(items)


def test_search_by_code_with_or_without_dots() -> None:
    assert codes(fiscal.buscar_ncm("0901.2", None, 0, 10)[1]) == ["09012100", "09012200"]
    assert codes(fiscal.buscar_ncm("090121", None, 0, 10)[1]) == ["09012100"]
    assert codes(fiscal.buscar_cest("17.096", None, 0, 10)[1]) == [f"17096{n:02}" for n in range(6)]


def test_codigo_is_a_prefix() -> None:
    assert codes(fiscal.buscar_ncm(None, "0901", 0, 100)[1]) == COFFEE
    assert codes(fiscal.buscar_ncm(None, "0901.11.10", 0, 100)[1]) == ["09011110"]
    assert fiscal.buscar_ncm(None, "abc", 0, 100) == (0, [])
    assert fiscal.buscar_cest(None, "x1", 0, 100) == (0, [])
    assert codes(fiscal.buscar_cest("café", "1709", 0, 100)[1]) == [f"17096{n:02}" for n in range(6)]


def test_cest_search() -> None:
    total, items = fiscal.buscar_cest("cafe torrado", None, 0, 100)
    assert codes(items) == [f"17096{n:02}" for n in range(6)]  # 17.096.05 is "Café descafeinado torrado…"
    assert total == 6
    total, items = fiscal.buscar_cest("CÁPSULAS café", None, 0, 100)
    assert codes(items) == ["1709604", "1709605", "1710701"]


def test_no_search_lists_everything_in_code_order() -> None:
    total, items = fiscal.buscar_ncm(None, None, 0, 3)
    assert total == 10_515
    assert codes(items) == ["01012100", "01012900", "01013000"]
    assert fiscal.buscar_ncm("   ", None, 0, 3) == (total, items)
    assert fiscal.buscar_cest(None, None, 0, 1)[0] == len(fiscal.todos_cest())


@given(size=st.integers(min_value=1, max_value=30))
def test_pages_cover_the_result_once(size: int) -> None:
    total, everything = fiscal.buscar_ncm("leite", None, 0, 10_000)
    pages = [fiscal.buscar_ncm("leite", None, offset, size) for offset in range(0, total + size, size)]
    assert all(page_total == total for page_total, _ in pages)
    assert [item for _, page in pages for item in page] == everything


# ----------------------------------------------------------------------------- CEST applicability ----


def test_cest_aplicavel() -> None:
    cafe = fiscal.cest_por_codigo("1709600")
    assert fiscal.cest_aplicavel(cafe, "09012100")
    assert fiscal.cest_aplicavel(cafe, "0901.21.00")
    assert not fiscal.cest_aplicavel(cafe, "22021000")
    assert not fiscal.cest_aplicavel(cafe, "not a code")
    catch_all = fiscal.cest_por_codigo("0199900")
    assert fiscal.cest_aplicavel(catch_all, "87089990")
    assert "1709600" in codes(fiscal.cests_do_ncm("09012100"))
    assert "0199900" not in codes(fiscal.cests_do_ncm("87089990"))


# ------------------------------------------------------------------------------ units of measure ----


def test_default_units_are_unique() -> None:
    assert PADRAO[0] == ("Quantidade", "UN")
    assert ("Kilograma", "Kg") in PADRAO
    assert len({d for d, _ in PADRAO}) == len({a for _, a in PADRAO}) == len(PADRAO) == 20


def test_unit_ids() -> None:
    assert unidade_id(1) == UNIDADE_ID_BASE + 1
    assert seq_da_unidade(unidade_id(448_255)) == 448_255
    assert seq_da_unidade(12) is None
    assert seq_da_unidade(UNIDADE_ID_BASE) is None


def test_unit_filters() -> None:
    units = [UnidadeMedida(unidade_id(n), d, a) for n, (d, a) in enumerate(PADRAO, start=1)]
    assert [u.descricao for u in filtrar(units, "METRO", None)] == [
        "Metro",
        "Centímetro",
        "Metro quadrado",
        "Metro cúbico",
    ]
    assert [u.descricao for u in filtrar(units, "metro cubico", None)] == ["Metro cúbico"]
    assert [u.descricao for u in filtrar(units, "pc", None)] == ["Pacote", "Peça"]
    assert [u.descricao for u in filtrar(units, None, "KG")] == ["Kilograma"]
    assert [u.descricao for u in filtrar(units, None, "m2")] == ["Metro quadrado"]
    assert filtrar(units, None, "k") == []
    assert filtrar(units, None, None) == units
