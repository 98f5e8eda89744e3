"""Build the packaged fiscal catalogs (`src/anil/data/fiscal/ncm.csv`, `cest.csv`) from the reference copies.

    .venv/bin/python scripts/build_fiscal_data.py [--reference ../shared/reference/fiscal] [--out src/anil/data/fiscal]

Inputs (see `shared/reference/fiscal/README.md` for where they come from):

* `ncm/Tabela_NCM_Vigente.csv`: the official Siscomex NCM table, every level of the hierarchy. Written out
  as `ncm.csv` (`codigo,descricao`): every row, codes as digits without dots (2, 4, 5, 6, 7 or 8 of them),
  descriptions without the official leading `-`/`--` depth markers, `<i>` tags and doubled spaces. The
  8-digit rows are the catalog; the shorter ones are the hierarchy that `anil.domain.fiscal` searches and
  describes the codes with.
* `cest/l10n_br_fiscal.cest.csv`: used only as a reference for the facts of Convênio ICMS 142/2018 (code,
  description, NCM/SH prefixes); the file itself is not shipped. Written out in the project's own format as
  `cest.csv` (`codigo,segmento,descricao,ncms`): the code as 7 digits, the segment as the code's first two
  digits (the convênio's numbering, not the reference file's own `segment` index), NCM prefixes separated by
  spaces. Prefixes lost their leading zero in that file (`901` for 0901): a prefix is given its zero back
  when it does not fit the NCM hierarchy as written and does with the zero (`"00909"` → `0909`, a chapter
  `00` not existing). Prefixes that match no NCM code in force are kept as the convênio lists them and
  reported.

The output is deterministic (sorted by code, `\\n` line ends, UTF-8 without BOM), so a rebuild from the same
inputs gives byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference" / "fiscal"
DEFAULT_OUT = ROOT / "src" / "anil" / "data" / "fiscal"

NCM_SOURCE = "ncm/Tabela_NCM_Vigente.csv"
CEST_SOURCE = "cest/l10n_br_fiscal.cest.csv"
NCM_LEVELS = (2, 4, 5, 6, 7, 8)

_MARKERS = re.compile(r"^[-–—\s]+")
_TAGS = re.compile(r"</?[a-zA-Z]+>")
_SPACES = re.compile(r"\s+")
_CEST_CODE = re.compile(r"^(\d{2})\.(\d{3})\.(\d{2})$")


def limpar(texto: str) -> str:
    """Official text without depth markers, HTML tags, non-breaking or doubled spaces."""
    texto = _TAGS.sub("", texto).replace("\xa0", " ")
    return _SPACES.sub(" ", _MARKERS.sub("", texto)).strip()


# ---------------------------------------------------------------------------------------------- NCM ----


def ler_ncm(path: Path) -> tuple[list[str], dict[str, str]]:
    """The title lines (vigência, last act) and `{digits: description}` for every row of the table."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Código;Descrição"))
    titulo = [cell for line in lines[:header] if (cell := line.split(";")[0].strip())]
    tabela: dict[str, str] = {}
    for row in csv.reader(lines[header + 1 :], delimiter=";"):
        if not row or not row[0].strip():
            continue
        codigo = row[0].strip().replace(".", "")
        if not codigo.isdigit() or len(codigo) not in NCM_LEVELS:
            raise SystemExit(f"unexpected NCM code {row[0]!r}")
        if codigo in tabela:
            raise SystemExit(f"NCM code {row[0]!r} twice")
        tabela[codigo] = limpar(row[1])
    return titulo, tabela


def escrever_ncm(out: Path, titulo: list[str], tabela: dict[str, str]) -> None:
    buffer = io.StringIO()
    buffer.write(f"# {' '.join(titulo)}. Fonte: Siscomex, Nomenclatura Comum do Mercosul (ato oficial).\n")
    buffer.write("# Every level of the hierarchy; the 8-digit rows are the catalog. See README.md.\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["codigo", "descricao"])
    for codigo in sorted(tabela):
        writer.writerow([codigo, tabela[codigo]])
    (out / "ncm.csv").write_text(buffer.getvalue(), encoding="utf-8")


# --------------------------------------------------------------------------------------------- CEST ----


def prefixo_ncm(bruto: str, inicios: set[str]) -> tuple[str, str]:
    """One NCM prefix of the reference file, fixed for lost leading zeros: (prefix, what was done).
    `inicios`: every prefix of every 8-digit code in force."""

    def casa(prefixo: str) -> bool:
        return len(prefixo) in NCM_LEVELS and prefixo in inicios

    if bruto.startswith("00"):  # there is no chapter 00: one zero too many
        return bruto[1:], "zero"
    if casa(bruto):
        return bruto, ""
    if casa("0" + bruto):
        return "0" + bruto, "zero"
    return bruto, "sem-ncm"


def ler_cest(path: Path, ncm: dict[str, str]) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    inicios = {codigo[:n] for codigo in ncm if len(codigo) == 8 for n in range(1, 9)}
    linhas: list[tuple[str, str, str, str]] = []
    avisos: list[str] = []
    zeros = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            match = _CEST_CODE.match(row["code"].strip())
            if not match:
                raise SystemExit(f"unexpected CEST code {row['code']!r}")
            codigo = "".join(match.groups())
            prefixos: list[str] = []
            for bruto in row["ncms"].replace("\xa0", " ").split(","):
                bruto = bruto.strip().replace(".", "")
                if not bruto:
                    continue
                if not bruto.isdigit():
                    raise SystemExit(f"unexpected NCM prefix {bruto!r} in CEST {row['code']}")
                prefixo, feito = prefixo_ncm(bruto, inicios)
                zeros += feito == "zero"
                if prefixo not in inicios:
                    avisos.append(f"CEST {row['code']}: prefix {prefixo} matches no NCM code in force")
                if prefixo not in prefixos:
                    prefixos.append(prefixo)
            linhas.append((codigo, match.group(1), limpar(row["name"]), " ".join(prefixos)))
    if len({linha[0] for linha in linhas}) != len(linhas):
        raise SystemExit("a CEST code appears twice")
    avisos.insert(0, f"{zeros} NCM prefixes given back their leading zero")
    return sorted(linhas), avisos


def escrever_cest(out: Path, linhas: list[tuple[str, str, str, str]]) -> None:
    buffer = io.StringIO()
    buffer.write(
        "# CEST (Código Especificador da Substituição Tributária). Fonte: Convênio ICMS 142/2018 (CONFAZ) "
        "e alterações.\n"
    )
    buffer.write(
        "# codigo: 7 digits (SS.III.DD without dots); segmento: SS; ncms: NCM/SH prefixes the item covers, "
        "space-separated. See README.md.\n"
    )
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["codigo", "segmento", "descricao", "ncms"])
    writer.writerows(linhas)
    (out / "cest.csv").write_text(buffer.getvalue(), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    titulo, ncm = ler_ncm(args.reference / NCM_SOURCE)
    escrever_ncm(args.out, titulo, ncm)
    oitos = sum(len(codigo) == 8 for codigo in ncm)
    print(f"ncm.csv: {len(ncm)} rows, {oitos} eight-digit codes ({' '.join(titulo)})")

    cest, avisos = ler_cest(args.reference / CEST_SOURCE, ncm)
    escrever_cest(args.out, cest)
    print(f"cest.csv: {len(cest)} codes, {len({linha[1] for linha in cest})} segments")
    for aviso in avisos:
        print(f"  {aviso}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
