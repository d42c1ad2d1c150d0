"""Actor dictionaries loaded from YAML data files (ours under data/actors, plus the user's).

A user dictionary is one YAML file with any of the top-level keys `countries`, `agents`,
`organisations` and `people`, each in the format of our own file of that name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from eventlens.paths import data_dir, read_yaml

SECTIONS = ("countries", "agents", "organisations", "people", "stop")


@dataclass(frozen=True)
class Role:
    title: str | None
    country: str | None
    sector: str | None
    start: date | None
    end: date | None

    def active(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True)
class Actor:
    """A dictionary actor an alias points to."""

    name: str
    kind: str  # country | capital | adjective | people | organisation | person | stop
    country: str | None
    sector: str | None
    code: str | None = None
    roles: tuple[Role, ...] = ()
    default_sector: str | None = None

    def coded(self, on: date | None, title_sector: str | None = None) -> tuple[str | None, str | None]:
        """(country, sector) of this actor on a date; a person's roles are dated. Out of
        office, a title written with the name ("General Bajwa") beats the default sector."""
        if self.kind != "person":
            return self.country, self.sector
        if on is not None:
            for r in self.roles:
                if r.active(on):
                    return r.country or self.country, r.sector
            return self.country, title_sector or self.default_sector
        # Undated text: the most recent role is the best guess.
        if self.roles:
            r = self.roles[-1]
            return r.country or self.country, r.sector
        return self.country, title_sector or self.default_sector


@dataclass
class Dictionary:
    aliases: dict[str, list[Actor]] = field(default_factory=dict)  # case-sensitive surface forms
    roles: dict[tuple[str, ...], str] = field(default_factory=dict)  # lowercased words -> sector

    def add_alias(self, alias: str, actor: Actor) -> None:
        alias = " ".join(str(alias).split())
        if alias:
            bucket = self.aliases.setdefault(alias, [])
            if actor not in bucket:
                bucket.append(actor)


def _date(v: Any) -> date | None:
    if v in (None, ""):
        return None
    if isinstance(v, date):
        return v
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _list(v: Any) -> list[str]:
    if v is None:
        return []
    return [str(x) for x in (v if isinstance(v, list) else [v]) if x not in (None, "")]


# ISO alpha-3 codes that are also English words or common abbreviations in capitals
# ("CAN", "PER", "ETH Zurich"): not matched as countries.
_CODE_NOT_ALIAS = {"AND", "ARE", "CAN", "COD", "FIN", "GIN", "LIE", "MAR", "PER", "POL", "TUN",
                   "COM", "TON", "BEN", "KEN", "DOM", "CUB", "GUY", "NOR", "SEN", "PAN", "HUN",
                   "ETH", "IND", "MAC", "ASM", "ATA", "BOL", "GEO", "SUR", "TGO", "MLI", "NIC",
                   "PRY", "CHE", "SOM", "BRB", "SYC", "MUS", "NAM", "NRU", "PLW", "VAT", "FRO"}


def _add_countries(d: Dictionary, entries: Iterable[dict]) -> None:
    for e in entries:
        code, name = e["code"], e.get("name") or e["code"]
        country = Actor(name, "country", code, None, code)
        for a in _list(e.get("aliases")) + [name]:
            d.add_alias(a, country)
        for a in _list(e.get("adjectives")):
            d.add_alias(a, Actor(name, "adjective", code, None, code))
        for a in _list(e.get("people")):
            d.add_alias(a, Actor(name, "people", code, "CVL", code + "CVL"))
        for a in _list(e.get("capitals")) + _list(e.get("government_metonyms")):
            d.add_alias(a, Actor(name, "capital", code, "GOV", code + "GOV"))
        for a in _list(e.get("military_metonyms")):
            d.add_alias(a, Actor(name, "capital", code, "MIL", code + "MIL"))


def _add_agents(d: Dictionary, entries: Iterable[dict]) -> None:
    for e in entries:
        sector = e["sector"]
        for noun in _list(e.get("nouns")) + _list(e.get("titles")):
            d.roles[tuple(noun.lower().split())] = sector


def _add_organisations(d: Dictionary, entries: Iterable[dict]) -> None:
    for e in entries:
        country = e.get("country")
        sector = e.get("sector")
        code = e.get("code") or ((country or "") + (sector or "")) or None
        org = Actor(e["name"], "organisation", country, sector, code)
        for a in _list(e.get("aliases")) + [e["name"]]:
            d.add_alias(a, org)


def _add_people(d: Dictionary, entries: Iterable[dict]) -> None:
    for e in entries:
        roles = tuple(
            Role(r.get("title"), r.get("country"), r.get("sector"), _date(r.get("start")),
                 _date(r.get("end")))
            for r in (e.get("roles") or [])
        )
        roles = tuple(sorted(roles, key=lambda r: r.start or date.min))
        person = Actor(e["name"], "person", e.get("country"), None, None, roles,
                       e.get("default_sector"))
        for a in _list(e.get("aliases")) + [e["name"]]:
            d.add_alias(a, person)


def _add_stop(d: Dictionary, entries: Iterable[str]) -> None:
    """Phrases that swallow a country name inside them and code as no actor."""
    for phrase in entries:
        d.add_alias(str(phrase), Actor(str(phrase), "stop", None, None, None))


_ADDERS = {
    "countries": _add_countries,
    "agents": _add_agents,
    "organisations": _add_organisations,
    "people": _add_people,
    "stop": _add_stop,
}


def load_user_dictionary(d: Dictionary, path: Path) -> None:
    """Merge a user's dictionary file into `d`; raises ValueError with a one-line reason."""
    try:
        doc = read_yaml(path)
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot read dictionary: {' '.join(str(exc).split())}") from exc
    if not isinstance(doc, dict) or not set(doc) & (set(SECTIONS) | {"patterns"}):
        raise ValueError(f"{path}: a dictionary needs one of the keys {', '.join(SECTIONS)}")
    for key in SECTIONS:
        try:
            _ADDERS[key](d, doc.get(key) or [])
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}: malformed entry under '{key}': {exc}") from exc


@cache
def _builtin() -> Dictionary:
    d = Dictionary()
    base = data_dir() / "actors"
    for key in SECTIONS:
        path = base / f"{key}.yaml"
        if path.exists():
            doc = read_yaml(path)
            entries = doc.get(key, []) if isinstance(doc, dict) else (doc or [])
            _ADDERS[key](d, entries)
    return d


def _add_iso_codes(d: Dictionary) -> None:
    """ISO alpha-3 codes ("PAK and AFG signed") as the weakest aliases: only where no name,
    acronym or user entry already claims the letters (NLD is Suu Kyi's party, BRN a
    Thai insurgent group) and the code is not an English word."""
    countries = {a.country: a for bucket in list(d.aliases.values()) for a in bucket
                 if a.kind == "country" and a.country}
    for code, actor in countries.items():
        if code.isalpha() and code.isupper() and len(code) == 3 and code not in _CODE_NOT_ALIAS \
                and code not in d.aliases:
            d.add_alias(code, actor)


def load(user_files: tuple[str, ...] = ()) -> Dictionary:
    """Our dictionaries plus the user's files (later entries add to earlier ones)."""
    return _load(user_files) if user_files else _load_ours()


@cache
def _load_ours() -> Dictionary:
    return _load(())


def _load(user_files: tuple[str, ...]) -> Dictionary:
    base = _builtin()
    d = Dictionary({k: list(v) for k, v in base.aliases.items()}, dict(base.roles))
    for f in user_files:
        load_user_dictionary(d, Path(f))
    _add_iso_codes(d)
    return d
