"""Charts an analyst puts in a report (matplotlib, Agg backend, PNG).

`dyad`: the dyad series of `queries.dyad_series` (both directions): mean Goldstein per
period on top, stacked quad-class counts per direction below. `network`: the edges of
`queries.network`, countries on a circle, arrows as wide as the event count and coloured
by mean Goldstein (red conflict, yellow neutral, blue cooperation).
"""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.colors import TwoSlopeNorm  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402

QUADS = [("verbal_coop", "verbal cooperation", "#9ecae1"),
         ("material_coop", "material cooperation", "#3182bd"),
         ("verbal_conflict", "verbal conflict", "#fdae6b"),
         ("material_conflict", "material conflict", "#e6550d")]
_WIDTH_DAYS = {"day": 0.8, "week": 5, "month": 24, "quarter": 75, "year": 300}


def dyad(df: pd.DataFrame, a: str, b: str, freq: str, out: Path) -> Path:
    """Two panels sharing the time axis; one line/bar group per direction."""
    df = df.copy()
    df["period"] = pd.to_datetime(df["period"])
    directions = [f"{a}->{b}", f"{b}->{a}"]
    fig, (top, *bars) = plt.subplots(3, 1, figsize=(11, 8.5), sharex=True,
                                     gridspec_kw={"height_ratios": [1.2, 1, 1]})
    styles = {directions[0]: ("#1b7837", "o"), directions[1]: ("#762a83", "s")}
    for d in directions:
        sub = df[df["direction"] == d]
        if sub.empty:
            continue
        colour, marker = styles[d]
        top.plot(sub["period"], sub["mean_goldstein"], marker=marker, color=colour,
                 label=f"{d} mean Goldstein")
        top.bar(sub["period"], sub["total_goldstein"], width=_WIDTH_DAYS[freq] * 0.45,
                color=colour, alpha=0.18, align="edge" if d == directions[0] else "center")
    top.axhline(0, color="grey", lw=0.8)
    top.set_ylabel("Goldstein (line: mean,\nshaded: sum)")
    top.set_title(f"{a} \u2194 {b}: events per {freq} (de-duplicated), both directions")
    top.legend(loc="best", fontsize=8)
    width = _WIDTH_DAYS[freq]
    for ax, d in zip(bars, directions, strict=True):
        sub = df[df["direction"] == d]
        bottom = pd.Series(0, index=sub.index, dtype=float)
        for col, label, colour in QUADS:
            ax.bar(sub["period"], sub[col], width=width, bottom=bottom, color=colour, label=label)
            bottom = bottom + sub[col]
        ax.set_ylabel(f"{d}\nevents")
        ax.yaxis.get_major_locator().set_params(integer=True)
    bars[0].legend(loc="upper left", fontsize=8, ncol=4)
    bars[-1].set_xlabel(freq)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return Path(out)


def _opposite_slots(nodes: list[str], edges: pd.DataFrame) -> dict[str, int]:
    """Circle slots putting the partners of the heaviest edges opposite each other, so the
    busiest dyads get the longest, most readable arrows."""
    n = len(nodes)
    free = list(range(n))
    slot: dict[str, int] = {}

    def take(near: int) -> int:
        best = min(free, key=lambda k: (min(abs(k - near), n - abs(k - near)), k))
        free.remove(best)
        return best

    for r in edges.sort_values(["events", "source", "target"], ascending=[False, True, True]
                               ).itertuples(index=False):
        for a, b in ((r.source, r.target), (r.target, r.source)):
            if a not in slot:
                slot[a] = take(slot[b] + n // 2 if b in slot else free[0])
    for node in nodes:
        if node not in slot:
            slot[node] = take(free[0])
    return slot


def network(edges: pd.DataFrame, out: Path, max_nodes: int = 40) -> Path:
    """Nodes on a circle ordered by activity; directed, curved edges."""
    deg: dict[str, int] = {}
    for r in edges.itertuples(index=False):
        deg[r.source] = deg.get(r.source, 0) + r.events
        deg[r.target] = deg.get(r.target, 0) + r.events
    nodes = sorted(deg, key=lambda n: (-deg[n], n))[:max_nodes]
    keep = set(nodes)
    edges = edges[edges["source"].isin(keep) & edges["target"].isin(keep)]
    slot = _opposite_slots(nodes, edges)
    pos = {n: (math.cos(2 * math.pi * slot[n] / len(nodes)),
               math.sin(2 * math.pi * slot[n] / len(nodes))) for n in nodes}
    fig, ax = plt.subplots(figsize=(10, 10))
    lo = min(-1.0, float(edges["mean_goldstein"].min()))
    hi = max(1.0, float(edges["mean_goldstein"].max()))
    norm = TwoSlopeNorm(vmin=lo, vcenter=0.0, vmax=hi)
    cmap = plt.get_cmap("RdYlBu")  # no white middle: neutral edges stay visible
    top = max(1, int(edges["events"].max()))
    for r in edges.itertuples(index=False):
        arrow = FancyArrowPatch(pos[r.source], pos[r.target], connectionstyle="arc3,rad=0.15",
                                arrowstyle="-|>", mutation_scale=14,
                                lw=0.8 + 6 * r.events / top, color=cmap(norm(r.mean_goldstein)),
                                alpha=0.85, shrinkA=16, shrinkB=16)
        ax.add_patch(arrow)
        if r.events >= max(2, top // 4):  # label the heavy edges with their count
            (x1, y1), (x2, y2) = pos[r.source], pos[r.target]
            # a third of the way from the source: labels do not pile up in the centre
            ax.annotate(str(r.events), (x1 + (x2 - x1) * 0.3 + (y2 - y1) * 0.06,
                                        y1 + (y2 - y1) * 0.3 - (x2 - x1) * 0.06),
                        fontsize=8, ha="center", va="center", color="#222",
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                              "alpha": 0.8})
    big = max(deg[n] for n in nodes)
    for n in nodes:
        x, y = pos[n]
        ax.scatter([x], [y], s=300 + 1500 * deg[n] / big, color="#f0f0f0", edgecolor="#333",
                   zorder=3)
        ax.annotate(n, (x, y), ha="center", va="center", fontsize=9, weight="bold", zorder=4)
    sm = plt.cm.ScalarMappable(norm=norm, cmap=cmap)
    fig.colorbar(sm, ax=ax, shrink=0.6, label="mean Goldstein of the edge's events")
    ax.set_title(f"Actor network: {len(edges)} directed edges among {len(nodes)} actors\n"
                 "(arrow source \u2192 target; width = events; node size = events involved)")
    ax.set_xlim(-1.3, 1.3)
    ax.set_ylim(-1.3, 1.3)
    ax.set_aspect("equal")
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return Path(out)
