"""Readable terminal tables (Rich) for events and dyads."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from eventlens.ontology import cameo


def _short(s: str | None, n: int) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def event_table(rows: list[dict], console: Console | None = None) -> None:
    console = console or Console(width=200)
    t = Table(title=f"{len(rows)} coded events", show_lines=False, header_style="bold")
    for col in ("date", "source", "action", "target", "CAMEO", "Goldstein", "sentence"):
        t.add_column(col, overflow="fold")
    for r in rows:
        code = r.get("cameo") or ""
        d = r.get("event_date")
        t.add_row(
            str(d)[:10] if d is not None and str(d) not in ("NaT", "None") else "",
            _short(f"{r.get('source_code') or '-'} {r.get('source_name') or r.get('source_text') or ''}", 28),
            _short(r.get("action_text"), 14),
            _short(f"{r.get('target_code') or '-'} {r.get('target_name') or r.get('target_text') or ''}", 28),
            _short(f"{code} {cameo.name(code)}", 34),
            "" if r.get("goldstein") is None else f"{r['goldstein']:+.1f}",
            _short(r.get("sentence"), 60),
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
