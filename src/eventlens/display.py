"""Readable terminal tables (Rich) for events and dyads."""

from __future__ import annotations

import math

from rich.console import Console
from rich.table import Table

from eventlens.ontology import cameo


def _text(v) -> str:
    """Display text for a value that may be None or a pandas NaN/NaT."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or str(v) in ("NaT", "nan", "None"):
        return ""
    return str(v)


def _short(s, n: int) -> str:
    s = " ".join(_text(s).split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def _actor(code, name, text) -> str:
    code, label = _text(code), _text(name) or _text(text)
    return f"{code or '-'} {label}".strip()


def event_table(rows: list[dict], console: Console | None = None) -> None:
    console = console or Console(width=200)
    t = Table(title=f"{len(rows)} coded events", show_lines=False, header_style="bold")
    for col in ("date", "source", "action", "target", "CAMEO", "Goldstein", "sentence"):
        t.add_column(col, no_wrap=True, justify="right" if col == "Goldstein" else "left")
    for r in rows:
        code = _text(r.get("cameo"))
        g = r.get("goldstein")
        t.add_row(
            _text(r.get("event_date"))[:10],
            _short(_actor(r.get("source_code"), r.get("source_name"), r.get("source_text")), 26),
            _short(r.get("action_text"), 12),
            _short(_actor(r.get("target_code"), r.get("target_name"), r.get("target_text")), 26),
            _short(f"{code} {cameo.name(code)}", 30),
            "" if not _text(g) else f"{g:+.1f}",
            _short(r.get("sentence"), 56),
        )
    console.print(t)


def dyad_table(df, trends: dict | None = None, console: Console | None = None) -> None:
    """Dyads with counts per quad class and, where given, mean Goldstein quarter by quarter:
    the line an analyst reads as 'relations worsened, then thawed'."""
    console = console or Console(width=200)
    t = Table(title="Dyads (source -> target): events by quad class and Goldstein",
              header_style="bold")
    cols = ["source", "target", "events", "verbal coop", "material coop", "verbal conflict",
            "material conflict", "mean Goldstein", "first", "last"]
    if trends is not None:
        cols.append("Goldstein by quarter (events)")
    for col in cols:
        t.add_column(col, justify="left" if col in ("source", "target") or "quarter" in col else "right")
    for r in df.to_dict("records"):
        row = [r["source"], r["target"], str(r["events"]), str(r["verbal_coop"]),
               str(r["material_coop"]), str(r["verbal_conflict"]), str(r["material_conflict"]),
               f"{r['mean_goldstein']:+.2f}", str(r["first"])[:10], str(r["last"])[:10]]
        if trends is not None:
            steps = trends.get((r["source"], r["target"]), [])
            row.append(" \u2192 ".join(f"{q} {g:+.1f} ({n})" for q, g, n in steps))
        t.add_row(*row)
    console.print(t)
