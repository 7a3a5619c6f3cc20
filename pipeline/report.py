"""The run report: one self-contained HTML page with charts, built from a run's output Parquet.

In: an output folder and a run id (its `_manifests/<run_id>.json`; the files it lists are read).
Out: an HTML file with inline SVG charts (matplotlib, no scripts, no fonts or links to fetch):
articles per publisher and per day, quarantine reasons, language mix, and the share of each page's
text removed as boilerplate (`boilerplate_ratio`), under the run's summary numbers.

  python -m pipeline --input 'samples/*' --output out/ --report report.html   # at the end of a run
  python -m pipeline.report --output out/ --run_id <run_id> --report report.html
"""

import argparse
import html
import io
import sys
import warnings
from collections import Counter

import matplotlib
import matplotlib.ticker
import pyarrow as pa
import pyarrow.parquet as pq
from apache_beam.io.filesystems import FileSystems
from matplotlib.figure import Figure  # the object API: no pyplot, no global figure state, no display

from transforms.accounting import conservation
from transforms.commit import read_manifest

# Labels as SVG text, not as glyph outlines from matplotlib's one bundled font (DejaVu Sans, which
# has no CJK): the browser draws a Chinese publisher's name with its own fonts.
CHART_RC = {"svg.hashsalt": "news-ingest", "font.size": 9, "svg.fonttype": "none"}
# Bars per categorical chart: past ~15 labels a bar chart stops being readable; the rest is "other".
TOP_N = 15
# Boilerplate histogram bins: tenths of the page, coarse enough for a few pages, fine for many.
RATIO_BINS = [i / 10 for i in range(11)]
COLOR, ALERT = "#3b6ea8", "#c0504d"
UNKNOWN = "(unknown)"
ARTICLE_COLUMNS = ["publisher", "published_date", "language", "boilerplate_ratio", "story_index"]


def load_tables(output: str, manifest: dict) -> dict[str, pa.Table]:
    """The run's articles (report columns only) and quarantine rows, read via the manifest's file list
    (following `compacted_into` to the merged file when compaction has run since)."""
    parts: dict[str, list[pa.Table]] = {"articles": [], "quarantine": []}
    for f in manifest.get("files", []):
        if f["table"] in parts:
            columns = ARTICLE_COLUMNS if f["table"] == "articles" else ["reason"]
            with FileSystems.open(FileSystems.join(output, f.get("compacted_into", f["path"]))) as fh:
                data = pq.read_table(fh, columns=columns)
            if "compacted_into" in f:  # merged by pipeline.compact: this run's rows are one slice of it
                data = data.slice(f["offset"], f["rows"])
            parts[f["table"]].append(data)
    return {t: pa.concat_tables(ts) if ts else pa.table({}) for t, ts in parts.items()}


def _top(counter: Counter, n: int = TOP_N) -> list[tuple[str, int]]:
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(items) > n:
        items = items[: n - 1] + [("other", sum(v for _, v in items[n - 1 :]))]
    return items


def report_data(tables: dict[str, pa.Table], manifest: dict) -> dict:
    """Aggregates shown on the page: pure, from the loaded tables and the manifest."""
    articles = tables["articles"].to_pylist() if tables["articles"].num_columns else []
    quarantine = tables["quarantine"].to_pylist() if tables["quarantine"].num_columns else []
    days = Counter(r["published_date"].isoformat() for r in articles if r["published_date"] is not None)
    ratios = [
        r["boilerplate_ratio"] for r in articles if r["boilerplate_ratio"] is not None and r["story_index"] == 0
    ]  # one per page
    return {
        "publishers": _top(Counter(r["publisher"] or UNKNOWN for r in articles)),
        "days": sorted(days.items()),
        "undated": sum(1 for r in articles if r["published_date"] is None),
        "reasons": _top(Counter(r["reason"] for r in quarantine)),
        "languages": _top(Counter(r["language"] or UNKNOWN for r in articles)),
        "ratios": ratios,
        "articles": len(articles),
        "quarantined": len(quarantine),
    }


def _svg(fig) -> str:
    buf = io.StringIO()
    with warnings.catch_warnings():  # a CJK label has no glyph in the bundled font: the browser's fonts draw it
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buf.getvalue()
    return text[text.index("<svg") :]  # drop the XML prolog and doctype: the SVG sits inside HTML


def bar_chart(title: str, items: list[tuple[str, int]], color: str = COLOR, horizontal: bool = True) -> str:
    """A labelled bar chart as inline SVG; an empty list draws a 'none' note instead of bars."""
    with matplotlib.rc_context(CHART_RC):
        fig = Figure(figsize=(6, 0.35 * max(len(items), 3) + 1) if horizontal else (7, 3.2))
        ax = fig.subplots()
        labels, values = [k for k, _ in items], [v for _, v in items]
        if not items:
            ax.text(0.5, 0.5, "none", ha="center", va="center", transform=ax.transAxes, color="grey")
            ax.set_xticks([]), ax.set_yticks([])
        elif horizontal:
            bars = ax.barh(labels[::-1], values[::-1], color=color)
            ax.bar_label(bars, padding=2)
            ax.set_xlabel("articles" if color == COLOR else "rows")
            ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        else:
            bars = ax.bar(labels, values, color=color)
            ax.bar_label(bars, padding=2)
            ax.tick_params(axis="x", labelrotation=60)
            ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        ax.set_title(title, loc="left")
        ax.spines[["top", "right"]].set_visible(False)
        return _svg(fig)


def ratio_chart(ratios: list[float]) -> str:
    """Histogram of the share of each page's visible text removed as boilerplate."""
    with matplotlib.rc_context(CHART_RC):
        fig = Figure(figsize=(6, 3))
        ax = fig.subplots()
        if ratios:
            ax.hist(ratios, bins=RATIO_BINS, color=COLOR, edgecolor="white")
            mean = sum(ratios) / len(ratios)
            ax.axvline(mean, color=ALERT, linestyle="--", label=f"mean {mean:.0%}")
            ax.legend(frameon=False)
        ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax.set_xlabel("share of the page's text removed as boilerplate")
        ax.set_ylabel("pages")
        ax.set_title(f"Boilerplate removed ({len(ratios)} pages)", loc="left")
        ax.spines[["top", "right"]].set_visible(False)
        return _svg(fig)


STYLE = """body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1400px}
h1{font-size:20px;margin:0 0 4px} .sub{color:#666;font-size:13px;margin-bottom:16px}
table.kpi{border-collapse:collapse;margin-bottom:20px} .kpi td{padding:3px 14px 3px 0;font-size:14px}
.kpi td.n{font-weight:600;text-align:right} .ok{color:#2e7d32} .bad{color:#c62828}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:18px}
figure{margin:0;border:1px solid #e3e3e3;border-radius:6px;padding:10px} figure svg{max-width:100%;height:auto}"""


def render_html(manifest: dict, data: dict) -> str:
    """The whole page: summary numbers and five charts, with nothing to fetch."""
    ok, balance = conservation(manifest.get("counts", {}))
    counts = manifest.get("counts", {})
    kpis = [
        ("pages read", counts.get("pages_in", 0)),
        ("articles", manifest.get("rows", {}).get("articles", 0)),
        ("segments", manifest.get("rows", {}).get("segments", 0)),
        ("duplicate pages", counts.get("duplicates", 0)),
        ("quarantined", data["quarantined"]),
        ("files", len(manifest.get("files", []))),
        ("bytes written", f"{sum(f.get('bytes', 0) for f in manifest.get('files', [])):,}"),
    ]
    rows = "".join(f"<tr><td>{html.escape(k)}</td><td class=n>{v}</td></tr>" for k, v in kpis)
    rows += f"<tr><td>accounting</td><td class='n {'ok' if ok else 'bad'}'>{html.escape(balance)}</td></tr>"
    undated = f", {data['undated']} undated" if data["undated"] else ""
    charts = [
        bar_chart("Articles per publisher", data["publishers"]),
        bar_chart(f"Articles per day of publication{undated}", data["days"], horizontal=False),
        bar_chart("Quarantine reasons", data["reasons"], color=ALERT),
        bar_chart("Language mix", data["languages"]),
        ratio_chart(data["ratios"]),
    ]
    figures = "".join(f"<figure class=chart>{svg}</figure>" for svg in charts)
    sub = " &middot; ".join(
        html.escape(str(x))
        for x in (
            f"output {manifest.get('output', '')}",
            f"schema {manifest.get('schema_version', '')}",
            f"{manifest.get('started_at', '')} to {manifest.get('finished_at', '')}",
        )
    )
    return (
        f"<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        f"<title>Run {html.escape(manifest['run_id'])}</title><style>{STYLE}</style></head><body>"
        f"<h1>Run {html.escape(manifest['run_id'])}</h1><div class=sub>{sub}</div>"
        f"<table class=kpi>{rows}</table><div class=grid>{figures}</div></body></html>\n"
    )


def write_report(output: str, run_id: str, path: str) -> dict:
    """Render the report of run `run_id` under `output` to `path`; returns the aggregates shown."""
    manifest = read_manifest(output, run_id)
    if manifest is None:
        raise FileNotFoundError(f"run {run_id} has no manifest under {output}")
    data = report_data(load_tables(output, manifest), manifest)
    with FileSystems.create(path) as fh:
        fh.write(render_html(manifest, data).encode("utf-8"))
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.report", description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", required=True, help="the pipeline's --output folder")
    parser.add_argument("--run_id", required=True, help="the run to report on (its manifest's name)")
    parser.add_argument("--report", required=True, help="where to write the HTML page")
    args = parser.parse_args(argv)
    data = write_report(args.output, args.run_id, args.report)
    print(f"report: {args.report} ({data['articles']} articles, {data['quarantined']} quarantined)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
