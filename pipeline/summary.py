"""The end-of-run summary, rendered from the run's manifest."""

from datetime import datetime

from transforms.accounting import conservation, quarantine_rate


def format_summary(manifest: dict, elapsed: float) -> tuple[str, bool]:
    counts = manifest.get("counts", {})
    reasons = {k.split(".", 1)[1]: v for k, v in counts.items() if k.startswith("quarantine.")}
    partitions: dict[str, set] = {}
    for f in manifest.get("files", []):
        partitions.setdefault(f["table"], set()).add(f["path"].rsplit("/", 1)[0])
    ok, balance = conservation(counts)
    rows_ok, rows = rows_written(manifest)
    ok = ok and rows_ok
    lines = [
        f"run {manifest['run_id']} -> {manifest['output']}",
        f"  pages read:          {counts.get('pages_in', 0)}",
        f"  pages with articles: {counts.get('pages_with_articles', 0)}",
        f"  articles written:    {manifest['rows'].get('articles', 0)}",
        f"  segments written:    {manifest['rows'].get('segments', 0)}",
        f"  duplicate pages:     {counts.get('duplicates', 0)} ({counts.get('duplicate_articles', 0)} articles, "
        f"in duplicates/)",
        f"  quarantined:         {counts.get('quarantined', 0)}"
        + (" (" + ", ".join(f"{r} {n}" for r, n in sorted(reasons.items())) + ")" if reasons else ""),
        "  partitions written:  " + (", ".join(f"{t} {len(p)}" for t, p in sorted(partitions.items())) or "none"),
        f"  files written:       {len(manifest.get('files', []))}"
        + (f" (replaced {manifest['replaced_files']} from an earlier run)" if manifest.get("replaced_files") else ""),
        f"  accounting:          {'OK' if ok else 'MISMATCH'}: {balance}; {rows}",
        f"  elapsed:             {elapsed:.1f} s" + _committed(manifest),
    ]
    # every file read gives a page or a quarantine row (an empty archive, a WARC of skipped records:
    # one row each), so no page in means no file matched: a glob may match nothing, and says so
    if not counts.get("pages_in"):
        lines.insert(1, "  no input file matched: " + ", ".join(manifest.get("inputs", [])))
    return "\n".join(lines), ok


def _committed(manifest: dict) -> str:
    """When the run's output was complete: its commit, counted from the run's start. The rest of
    `elapsed` is the runner shutting down (with 2 local worker processes ~1 s: each exits its SDK
    harness; the output is already whole)."""
    try:
        seconds = (
            datetime.fromisoformat(manifest["finished_at"]) - datetime.fromisoformat(manifest["started_at"])
        ).total_seconds()
    except (KeyError, TypeError, ValueError):
        return ""
    return f" (committed at {seconds:.1f} s)"


def rows_written(manifest: dict) -> tuple[bool, str]:
    """(holds, explanation): the rows in the run's files are the rows its tallies counted."""
    counts, rows = manifest.get("counts", {}), manifest.get("rows", {})
    pairs = [(table, counts.get(table, 0), rows.get(table, 0)) for table in ("articles", "segments")]
    if "segments" not in counts:  # a manifest written before segments were tallied
        pairs = pairs[:1]
    bad = [f"{table}: {counted} counted, {written} in files" for table, counted, written in pairs if counted != written]
    return not bad, "; ".join(bad) if bad else "rows in files = rows counted"


def quarantine_rate_breach(counts: dict, max_rate: float | None) -> str | None:
    """Why the run breaks --fail_on_quarantine_rate, or None when it does not (or no limit is set)."""
    if max_rate is None:
        return None
    rate = quarantine_rate(counts)
    if rate <= max_rate:
        return None
    reasons = sorted(((v, k.split(".", 1)[1]) for k, v in counts.items() if k.startswith("quarantine.")), reverse=True)
    top = ", ".join(f"{reason} {count}" for count, reason in reasons[:3])
    return (
        f"{counts.get('quarantined', 0)} of {counts.get('pages_in', 0)} pages quarantined ({rate:.1%}), "
        f"over --fail_on_quarantine_rate {max_rate:g}" + (f" (most: {top})" if top else "")
    )
