"""Watch mode: the poll planner, the ledger, and the watcher as a process killed and restarted.

The crash test drops files in over time, SIGKILLs the watcher in the middle of a batch, changes and
deletes ingested files, restarts it, stops it with SIGTERM during a batch, and compares the tables
row for row (all columns but ingested_at) with one batch run over the folder's final files.
"""

import os
import shutil
import signal
import subprocess
import sys
import threading
import time

import duckdb
import pytest

from pipeline.ledger import Batch, Ledger, LedgerLocked
from pipeline.main import build_pipeline, main, parse_options
from pipeline.watch import Watcher, list_files, plan_poll

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECOND = 1_000_000


def test_plan_new_file_waits_until_it_holds_still():
    now = 100 * SECOND
    fresh = {"/in/a.html": (10, now - SECOND // 10)}
    assert plan_poll(fresh, {}, {}, now, SECOND).waiting == ["/in/a.html"]
    grown = {"/in/a.html": (25, now)}
    assert plan_poll(grown, fresh, {}, now, SECOND).waiting == ["/in/a.html"]
    assert plan_poll(grown, grown, {}, now + SECOND, SECOND).new == ["/in/a.html"]


def test_plan_old_file_seen_first_is_taken_at_once():
    now = 100 * SECOND
    assert plan_poll({"/in/a.html": (10, now - 5 * SECOND)}, {}, {}, now, SECOND).new == ["/in/a.html"]


def test_plan_changed_deleted_and_unchanged():
    now = 100 * SECOND
    index = {
        "/in/a": ("w000001", [10, 5, "h"]),
        "/in/b": ("w000001", [20, 6, "h2"]),
        "/in/c": ("w000002", [1, 1, "h3"]),
    }
    listing = {"/in/a": (10, 5), "/in/b": (21, 7)}
    plan = plan_poll(listing, listing, index, now, SECOND)
    assert (plan.new, plan.changed, plan.deleted, plan.waiting) == ([], ["/in/b"], ["/in/c"], [])


def test_ledger_pending_until_manifest_matches(tmp_path):
    ledger = Ledger(str(tmp_path)).open()
    batch = Batch(ledger.next_batch_id(), "2026-01-01T00:00:00+00:00", {"/in/a": [1, 2, "h"]})
    ledger.record(batch)
    assert batch.batch_id == "w000001" and ledger.next_batch_id() == "w000002"
    assert [b.batch_id for b in ledger.pending()] == ["w000001"]
    (tmp_path / "_manifests").mkdir()
    (tmp_path / "_manifests" / "w000001.json").write_text('{"started_at": "2026-01-01T00:00:00+00:00"}')
    assert ledger.pending() == []
    ledger.close()
    reopened = Ledger(str(tmp_path)).open()
    assert reopened.index() == {"/in/a": ("w000001", [1, 2, "h"])}
    with pytest.raises(LedgerLocked):
        Ledger(str(tmp_path)).open()
    reopened.close()


def test_a_second_watcher_on_one_output_is_a_usage_error_not_a_traceback(tmp_path, capsys):
    from pipeline.main import main

    first = Ledger(str(tmp_path / "out")).open()  # the first watcher holds the output
    try:
        assert main(["--input", f"{tmp_path}/in/*", "--output", str(tmp_path / "out"), "--watch"]) == 2
    finally:
        first.close()
    err = capsys.readouterr().err
    assert "another watcher is writing to" in err and "Traceback" not in err


def test_a_link_that_leads_nowhere_is_logged_once_then_read_when_it_leads_to_a_file(tmp_path):
    landing, lines = tmp_path / "in", []
    landing.mkdir()
    (landing / "late.html").symlink_to(tmp_path / "later.html")
    argv = ["--input", f"{landing}/*", "--output", str(tmp_path / "out"), "--watch"]
    watcher = Watcher(lambda: parse_options(argv), build_pipeline, log=lines.append)
    said = watcher._say_unreadable(watcher._say_unreadable(set(), {}), {})
    assert said == {str(landing / "late.html")} and len(lines) == 1 and "late.html" in lines[0]
    (tmp_path / "later.html").write_text("<p>Now a page.</p>")
    assert watcher._say_unreadable(said, {}) == set() and len(lines) == 1


def test_a_named_pipe_is_left_out_of_the_listing_and_logged_once(tmp_path):
    """Hashing a named pipe waits for a writer: the watcher stopped there for good."""
    landing, lines = tmp_path / "in", []
    landing.mkdir()
    os.mkfifo(landing / "pipe.html")
    (landing / "page.html").write_text("<p>A page.</p>")
    special: dict[str, str] = {}
    assert list(list_files([f"{landing}/*"], special)) == [str(landing / "page.html")]
    assert special == {str(landing / "pipe.html"): "a named pipe, not a file"}
    argv = ["--input", f"{landing}/*", "--output", str(tmp_path / "out"), "--watch"]
    watcher = Watcher(lambda: parse_options(argv), build_pipeline, log=lines.append)
    watcher._say_unreadable(watcher._say_unreadable(set(), special), special)
    assert len(lines) == 1 and "named pipe" in lines[0]


def test_a_file_deleted_or_swapped_for_a_pipe_after_the_listing_is_left_to_the_next_poll(tmp_path, samples_dir):
    """Between the listing and the batch's hashing a file may go, or turn into a named pipe: the
    hash opened the pipe and waited on it for good, and a deleted file stopped the watcher with
    FileNotFoundError. Both are left out of the batch, said in the log; the rest is ingested."""
    landing, lines = tmp_path / "in", []
    landing.mkdir()
    for name in ("harbor-gazette-ferry.html", "meridian-post-budget.html", "empty.html"):
        shutil.copy(samples_dir / name, landing / name)
    listing = list_files([f"{landing}/*"])
    os.remove(landing / "meridian-post-budget.html")
    os.remove(landing / "empty.html")
    os.mkfifo(landing / "empty.html")
    argv = ["--input", f"{landing}/*", "--output", str(tmp_path / "out"), "--watch"]
    watcher = Watcher(lambda: parse_options(argv), build_pipeline, log=lines.append)
    watcher.ledger.open()
    worker = threading.Thread(target=watcher._ingest, args=("w000001", dict.fromkeys(listing), list(listing), listing))
    worker.start()
    worker.join(timeout=60)
    try:
        assert not worker.is_alive(), "the batch waited on the pipe"
        assert list(watcher.ledger.batches["w000001"].files) == [str(landing / "harbor-gazette-ferry.html")]
        assert sum("left to the next poll" in line for line in lines) == 2
        assert watcher.ledger.pending() == []
    finally:
        if worker.is_alive():  # a writer lets the waiting open return, so the test run can end
            with open(landing / "empty.html", "wb"):
                pass
        watcher.ledger.close()


# ---- the watcher as a process -------------------------------------------------------------

WAVES = (
    ["harbor-gazette-ferry.html", "meridian-post-budget.html", "empty.html", "valley-courier-school.txt"],
    ["coastline-times-wildfire.html", "corrupt.html.gz", "meridian-post-briefs.html", "northwind-wire-storm.txt"],
    ["harbor-gazette-council.html.gz", "qinghe-daily-bridge-gbk.html"],
)


def drop(samples, landing, names, rename=None):
    upload = landing.parent / "upload"
    upload.mkdir(exist_ok=True)
    for name in names:  # written elsewhere, then renamed in: a file appears whole, as uploaders do
        shutil.copy(samples / name, upload / name)
        os.rename(upload / name, landing / (rename or name))


def start(landing, out, log):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pipeline",
            "--input",
            f"{landing}/*",
            "--output",
            str(out),
            "--watch",
            "--poll_interval",
            "0.5",
        ],
        cwd=ROOT,
        env=env,
        stdout=open(log, "a"),
        stderr=subprocess.STDOUT,
    )


def wait_for(predicate, timeout=40.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


def logged(log, text):
    return lambda: text in log.read_text()


def rows(out, table):
    return duckdb.sql(
        f"select columns(lambda c: c != 'ingested_at') from read_parquet('{out}/{table}/*/*/*.parquet', "
        "hive_partitioning=false) order by all"
    ).fetchall()


def test_killed_and_restarted_watcher_equals_one_batch_run(tmp_path, samples_dir):
    landing, out, log = tmp_path / "landing", tmp_path / "out", tmp_path / "watch.log"
    landing.mkdir()
    drop(samples_dir, landing, WAVES[0])
    proc = start(landing, out, log)
    try:
        wait_for(logged(log, "batch w000001 committed"))
        drop(samples_dir, landing, WAVES[1])
        wait_for(logged(log, "batch w000002 started"))
        wait_for(lambda: (out / "_staging" / "w000002").exists() or (out / "_manifests" / "w000002.json").exists())
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        proc.kill()
    killed_mid_batch = not (out / "_manifests" / "w000002.json").exists()
    print(f"SIGKILL landed {'before' if killed_mid_batch else 'after'} batch w000002's manifest")
    assert (out / "_ledger" / "batches" / "w000002.json").exists()

    drop(samples_dir, landing, WAVES[2])
    changed = landing / "meridian-post-budget.html"
    changed.write_bytes(
        changed.read_bytes().replace(b"<p>", b"<p>Correction: an earlier version misstated a date. ", 1)
    )
    os.remove(landing / "valley-courier-school.txt")  # deleted
    proc = start(landing, out, log)
    try:
        wait_for(logged(log, "batch w000003 started"))
        proc.send_signal(signal.SIGTERM)  # mid-batch: it must finish w000003, then exit 0
        assert proc.wait(30) == 0
    finally:
        proc.kill()
    text = log.read_text()
    assert "batch w000002 was interrupted; running it again" in text or not killed_mid_batch
    assert "batch w000003 committed" in text and text.rstrip().endswith("watch: stopped")

    batch_out = tmp_path / "batch"
    assert main(["--input", f"{landing}/*", "--output", str(batch_out)]) in (0, 2)
    for table in ("articles", "segments", "quarantine"):
        assert rows(out, table) == rows(batch_out, table), table
    ids = duckdb.sql(
        f"select article_id, count(*) from read_parquet('{out}/articles/*/*/*.parquet') group by 1 having count(*) > 1"
    ).fetchall()
    assert ids == []
    assert not [p for p in out.rglob("*") if p.is_file() and ("_staging" in str(p) or ".temp" in str(p))]


def test_latency_from_landing_to_readable_rows(tmp_path, samples_dir):
    landing, out = tmp_path / "landing", tmp_path / "out"
    landing.mkdir()
    argv = ["--input", f"{landing}/*", "--output", str(out), "--watch", "--poll_interval", "0.5"]
    watcher = Watcher(lambda: parse_options(argv), build_pipeline, log=lambda _: None)
    thread = threading.Thread(target=watcher.run)
    thread.start()
    latencies = []
    try:
        for i, name in enumerate(
            ["harbor-gazette-ferry.html", "meridian-post-budget.html", "northwind-wire-storm.txt"]
        ):
            target = landing / f"{i}-{name}"
            landed = time.monotonic()
            drop(samples_dir, landing, [name], target.name)

            def readable(target=target):
                # the partition folder can exist a moment before its first file is moved in
                if not any((out / "articles").glob("*/*/*.parquet")):
                    return False
                found = duckdb.sql(
                    f"select count(*) from read_parquet('{out}/articles/*/*/*.parquet') where source_uri = '{target}'"
                ).fetchall()
                return found[0][0] > 0

            wait_for(readable, 30)  # each file readable while the watcher runs, not at its stop
            latencies.append(time.monotonic() - landed)
    finally:
        watcher.stop()
        thread.join(30)
    # the latency itself is printed, not asserted: a bound on wall time fails on a loaded machine
    # (10.4 s seen at load 4 on 2 cores); `-s` shows it
    print(f"latency from landing to readable rows (poll 0.5 s): {', '.join(f'{s:.1f} s' for s in latencies)}")
    assert len(latencies) == 3
