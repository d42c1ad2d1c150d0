"""Checks on the shipped CAMEO ontology table, data/ontology/cameo.tsv.

The table is read with the csv module directly so that these tests do not depend
on the loader (eventlens.ontology.cameo).

Tests that compare against the third-party reference files need the sibling folder
../shared (relative to the repository root); they are skipped when it is absent.
"""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TABLE = REPO / "data" / "ontology" / "cameo.tsv"
SHARED = REPO.parent / "shared"
REFERENCE = SHARED / "reference"

COLUMNS = [
    "code",
    "name",
    "goldstein",
    "quad_class",
    "plover_event",
    "plover_mode",
    "plover_context",
    "description",
]

ROOTS = [f"{n:02d}" for n in range(1, 21)]

PLOVER_EVENTS = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}

# Modes each PLOVER 2.0 event type defines; event types without modes map to an empty set.
PLOVER_MODES = {
    "AGREE": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "SUPPORT": set(),
    "CONCEDE": set(),
    "COOPERATE": set(),
    "AID": set(),
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {
        "seize",
        "restrict",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "misinformation",
        "cyber",
    },
    "ASSAULT": {
        "abduct",
        "beat",
        "torture",
        "sexual",
        "targeted",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "aerial",
        "drone",
        "heavy-weapons",
        "crowd-control",
        "unconventional",
    },
}

PLOVER_CONTEXTS = {
    "military",
    "intelligence",
    "executive",
    "legislative",
    "election",
    "political_institutions",
    "pro_democracy",
    "pro_autocracy",
    "economic",
    "legal",
    "reparations",
    "human_rights",
    "rights_freedoms",
    "repression",
    "human_security",
    "gender",
    "lgbt",
    "religion_ethnicity",
    "inequality",
    "diplomatic",
    "territory",
    "peacekeeping",
    "health",
    "asylum",
    "migration",
    "disasters",
    "natural_resource",
    "environment",
    "technology",
    "terrorism",
    "cbrn",
    "cyber",
    "misinformation",
    "crime",
    "corruption",
    "illegal_drugs",
    "trafficking",
}

CODE_RE = re.compile(r"^\d{2,4}$")


def expected_quad(code: str) -> int:
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def split_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def read_rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        assert reader.fieldnames == COLUMNS, f"unexpected header: {reader.fieldnames}"
        return list(reader)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return read_rows()


@pytest.fixture(scope="module")
def by_code(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in rows}


def reference_file(name: str) -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared not present: {SHARED} is missing, reference checks skipped")
    path = REFERENCE / name
    if not path.is_file():
        pytest.skip(f"../shared not present: {path} is missing, reference check skipped")
    return path


def read_reference_goldstein() -> dict[str, float]:
    path = reference_file("cameo_goldstein.tsv")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        header = next(reader)
        assert [h.strip() for h in header[:2]] == ["CAMEOEVENTCODE", "GOLDSTEINSCALE"]
        return {code.strip(): float(value) for code, value, *_ in reader if code.strip()}


# Label lines look like "LABEL: 0211= ..."; ICEWS variants use "LABELi:" and a few
# codes carry a trailing "i" marking an ICEWS wording of the same code.
LABEL_RE = re.compile(r"^LABEL[iI]?:\s*([0-9A-Za-z]+)\s*=")


def read_codefile_codes() -> tuple[set[str], set[str]]:
    path = reference_file("CAMEO_codefile_0.7b5.txt")
    codes: set[str] = set()
    unparsed: set[str] = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        match = LABEL_RE.match(line.strip())
        if not match:
            continue
        token = match.group(1)
        base = token[:-1] if re.fullmatch(r"\d{3,4}i", token) else token
        if re.fullmatch(r"\d{3,4}", base):
            codes.add(base)
        else:
            unparsed.add(token)
    return codes, unparsed


# ---------------------------------------------------------------------------
# Tests that need only the shipped table
# ---------------------------------------------------------------------------


def test_table_exists_and_has_rows(rows: list[dict[str, str]]) -> None:
    assert TABLE.is_file()
    assert 250 <= len(rows) <= 400, f"unexpected row count {len(rows)}"


def test_codes_unique_and_well_formed(rows: list[dict[str, str]]) -> None:
    codes = [row["code"] for row in rows]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    assert not duplicates, f"duplicate codes: {duplicates}"
    malformed = [c for c in codes if not CODE_RE.match(c)]
    assert not malformed, f"codes must be 2-4 digits with leading zeros: {malformed}"
    bad_roots = [c for c in codes if not 1 <= int(c[:2]) <= 20]
    assert not bad_roots, f"codes outside roots 01-20: {bad_roots}"


def test_all_roots_present(by_code: dict[str, dict[str, str]]) -> None:
    missing = [root for root in ROOTS if root not in by_code]
    assert not missing, f"missing root rows: {missing}"


def test_every_code_has_root_and_parent(by_code: dict[str, dict[str, str]]) -> None:
    no_root = sorted(c for c in by_code if c[:2] not in by_code)
    assert not no_root, f"codes without a root row: {no_root}"
    no_parent = sorted(c for c in by_code if len(c) == 4 and c[:3] not in by_code)
    assert not no_parent, f"4-digit codes without their 3-digit parent: {no_parent}"


def test_quad_class_derives_from_root(rows: list[dict[str, str]]) -> None:
    wrong = [
        f"{row['code']}: {row['quad_class']!r} (expected {expected_quad(row['code'])})"
        for row in rows
        if row["quad_class"] != str(expected_quad(row["code"]))
    ]
    assert not wrong, "quad_class does not follow the root:\n" + "\n".join(wrong)


def test_goldstein_is_float_in_range(rows: list[dict[str, str]]) -> None:
    bad = []
    for row in rows:
        try:
            value = float(row["goldstein"])
        except ValueError:
            bad.append(f"{row['code']}: not a number {row['goldstein']!r}")
            continue
        if math.isnan(value) or not -10.0 <= value <= 10.0:
            bad.append(f"{row['code']}: {value} outside [-10, 10]")
    assert not bad, "bad goldstein values:\n" + "\n".join(bad)


def test_plover_event_is_empty_or_known(rows: list[dict[str, str]]) -> None:
    bad = [
        f"{row['code']}: {row['plover_event']!r}"
        for row in rows
        if row["plover_event"] and row["plover_event"] not in PLOVER_EVENTS
    ]
    assert not bad, "unknown PLOVER event types:\n" + "\n".join(bad)


def test_plover_modes_belong_to_event(rows: list[dict[str, str]]) -> None:
    bad = []
    for row in rows:
        modes = split_list(row["plover_mode"])
        if modes and not row["plover_event"]:
            bad.append(f"{row['code']}: mode {modes} without an event type")
            continue
        allowed = PLOVER_MODES.get(row["plover_event"], set())
        unknown = [m for m in modes if m not in allowed]
        if unknown:
            bad.append(f"{row['code']}: {unknown} not a mode of {row['plover_event']}")
    assert not bad, "invalid PLOVER modes:\n" + "\n".join(bad)


def test_plover_contexts_are_known(rows: list[dict[str, str]]) -> None:
    bad = []
    for row in rows:
        unknown = [c for c in split_list(row["plover_context"]) if c not in PLOVER_CONTEXTS]
        if unknown:
            bad.append(f"{row['code']}: {unknown}")
    assert not bad, "unknown PLOVER contexts:\n" + "\n".join(bad)


def test_names_and_descriptions_present(rows: list[dict[str, str]]) -> None:
    bad = [
        row["code"]
        for row in rows
        if not row["name"].strip()
        or not row["description"].strip()
        or row["name"] != row["name"].strip()
        or row["description"] != row["description"].strip()
    ]
    assert not bad, f"missing or padded name/description: {bad}"


# ---------------------------------------------------------------------------
# Tests against the reference files in ../shared/reference
# ---------------------------------------------------------------------------


def test_goldstein_matches_reference(by_code: dict[str, dict[str, str]]) -> None:
    reference = read_reference_goldstein()
    assert len(reference) > 250, f"reference table looks truncated ({len(reference)} codes)"
    missing = sorted(code for code in reference if code not in by_code)
    differing = []
    for code, expected in sorted(reference.items()):
        if code in by_code:
            ours = float(by_code[code]["goldstein"])
            if abs(ours - expected) >= 1e-6:
                differing.append(f"{code}: ours {ours} != reference {expected}")
    problems = []
    if missing:
        problems.append(f"{len(missing)} reference codes missing from our table: {missing}")
    if differing:
        problems.append(f"{len(differing)} Goldstein values differ:\n" + "\n".join(differing))
    assert not problems, "\n".join(problems)


def test_codes_without_reference_value_inherit_parent(
    by_code: dict[str, dict[str, str]],
) -> None:
    # A few codebook codes have no value in the reference Goldstein table; our table
    # gives them the value of their 3-digit parent.
    reference = read_reference_goldstein()
    bad = []
    for code, row in sorted(by_code.items()):
        if code in reference:
            continue
        parent = code[:3] if len(code) == 4 else code[:2]
        if parent not in reference:
            bad.append(f"{code}: parent {parent} has no reference value either")
        elif abs(float(row["goldstein"]) - reference[parent]) >= 1e-6:
            bad.append(f"{code}: {row['goldstein']} != parent {parent} value {reference[parent]}")
    assert not bad, "\n".join(bad)


def test_every_codefile_code_is_in_table(by_code: dict[str, dict[str, str]]) -> None:
    codes, _unparsed = read_codefile_codes()
    assert len(codes) > 250, f"codebook parse found only {len(codes)} codes"
    missing = sorted(code for code in codes if code not in by_code)
    assert not missing, f"{len(missing)} codebook codes missing from our table: {missing}"


def read_reference_plover() -> dict[str, str]:
    """Code -> PLOVER event type from OEDA's CAMEO2PLOVER conversion table."""
    path = reference_file("CAMEO2PLOVER-2021.txt")
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Za-z]+)", line.split("#")[0].strip())
        if match:
            out[match.group(1)] = match.group(2).upper()
    return out


def test_plover_event_follows_the_oeda_conversion_table(
    by_code: dict[str, dict[str, str]],
) -> None:
    # Our PLOVER column follows OEDA's published CAMEO -> PLOVER table wherever it
    # has the code (01x/02x statements and appeals are absent there by design).
    reference = read_reference_plover()
    assert len(reference) > 200, f"conversion table parse found only {len(reference)} codes"
    differing = [f"{code}: ours {by_code[code]['plover_event']!r} != {event!r}"
                 for code, event in sorted(reference.items())
                 if code in by_code and by_code[code]["plover_event"] != event]
    assert not differing, "\n".join(differing)
