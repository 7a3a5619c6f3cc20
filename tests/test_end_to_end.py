"""The whole job through `main()` on the bundled samples, read back with DuckDB and pyarrow."""

import json
import re
import shutil
import subprocess
import sys

import duckdb
import pyarrow.dataset as ds
import pytest

from pipeline.main import main
from pipeline.options import stray_argument_problem
from pipeline.summary import format_summary
from schemas import ARTICLE_SCHEMA, QUARANTINE_SCHEMA, SEGMENT_SCHEMA


def sql(query: str):
    return duckdb.sql(query).fetchall()


def table(out, name):
    return f"read_parquet('{out}/{name}/*/*/*.parquet', hive_partitioning=true)"


@pytest.fixture(scope="module")
def run(tmp_path_factory, samples_dir):
    work = tmp_path_factory.mktemp("e2e")
    inputs = work / "in"
    shutil.copytree(samples_dir, inputs)
    out = work / "out"
    argv = ["--input", f"{inputs}/*", "--output", str(out)]
    assert main(argv) == 0
    first = snapshot(out)
    assert main(argv) == 0  # a rerun of the same command into the same folder
    return out, first, inputs


def snapshot(out):
    return {
        "articles": sorted(
            sql(f"select article_id, title, text, authors, published_date from {table(out, 'articles')}")
        ),
        "segments": sorted(sql(f"select article_id, kind, index, char_start, char_end from {table(out, 'segments')}")),
        "quarantine": sorted(sql(f"select source_uri, reason from {table(out, 'quarantine')}")),
    }


def test_every_input_ends_as_articles_or_quarantine(run, golden):
    out, _, _ = run
    pages = {r[0].rsplit("/", 1)[1] for r in sql(f"select distinct source_uri from {table(out, 'articles')}")}
    bad = {r[0].rsplit("/", 1)[1]: r[1] for r in sql(f"select source_uri, reason from {table(out, 'quarantine')}")}
    assert pages | set(bad) == set(golden)
    assert not pages & set(bad)
    assert bad == {name: g["quarantine"] for name, g in golden.items() if g["quarantine"]}


def test_rerun_is_idempotent(run):
    out, first, _ = run
    assert snapshot(out) == first
    assert len(list(out.glob("_manifests/*.json"))) == 1


def test_no_file_is_left_in_a_temp_or_staging_folder(run):
    out, _, _ = run
    leftovers = [p for p in out.rglob("*") if p.is_file() and (".temp" in str(p) or "_staging" in str(p))]
    assert leftovers == []
    assert all(re.fullmatch(r"part-[0-9a-f]{16}-\d{5}\.parquet", p.name) for p in out.rglob("*.parquet"))


def test_schemas_read_back_as_declared(run):
    out, _, _ = run
    for name, schema in (("articles", ARTICLE_SCHEMA), ("segments", SEGMENT_SCHEMA), ("quarantine", QUARANTINE_SCHEMA)):
        dataset = ds.dataset(out / name, format="parquet", partitioning="hive")
        for field in schema:
            assert dataset.schema.field(field.name).type == field.type, (name, field.name)
    types = dict(sql(f"select column_name, column_type from (describe select * from {table(out, 'articles')})"))
    assert types["published_at"] == "TIMESTAMP WITH TIME ZONE"
    assert types["authors"] == "VARCHAR[]"
    assert types["story_index"] == "INTEGER"


def test_segments_slice_their_articles(run):
    out, _, _ = run
    bad = sql(f"""select count(*) from {table(out, "segments")} s join {table(out, "articles")} a using (article_id)
                  where substr(a.text, s.char_start + 1, s.char_end - s.char_start) != s.text""")
    assert bad == [(0,)]
    orphans = sql(
        f"select count(*) from {table(out, 'segments')} where article_id not in "
        f"(select article_id from {table(out, 'articles')})"
    )
    assert orphans == [(0,)]


def test_articles_partitioned_by_date_and_language(run):
    out, _, _ = run
    rows = sql(f"select pub_date, lang, published_date, language from {table(out, 'articles')}")
    for pub_date, lang, published_date, language in rows:
        assert str(pub_date) == (published_date.isoformat() if published_date else "unknown")
        assert lang == (language or "unknown")


def test_manifest_accounts_for_every_page(run, golden):
    out, _, _ = run
    manifest = json.loads(next(out.glob("_manifests/*.json")).read_text())
    counts = manifest["counts"]
    assert counts["pages_in"] == len(golden)
    assert counts["pages_in"] == counts["pages_with_articles"] + counts["quarantined"] + counts.get("duplicates", 0)
    on_disk = sum(1 for _ in out.rglob("*.parquet"))
    assert len(manifest["files"]) == on_disk
    assert manifest["rows"]["articles"] == sql(f"select count(*) from {table(out, 'articles')}")[0][0]


def test_the_summary_says_when_the_output_was_committed():
    manifest = {"run_id": "r1", "output": "out", "rows": {}, "started_at": "2026-01-02T03:04:05+00:00"}
    text, _ = format_summary({**manifest, "finished_at": "2026-01-02T03:04:07.5+00:00"}, 3.04)
    assert text.endswith("elapsed:             3.0 s (committed at 2.5 s)")
    text, _ = format_summary(manifest, 3.04)  # a manifest without its commit time: no claim
    assert text.endswith("elapsed:             3.0 s")


def norm(text):
    return " ".join(re.sub(r"[‘’“”]", "'", text or "").split())


def test_golden_samples(run, golden):
    out, _, _ = run
    rows = sql(f"select source_uri, story_index, title, text, language from {table(out, 'articles')} order by 1, 2")
    by_file = {}
    for uri, _index, title, text, language in rows:
        by_file.setdefault(uri.rsplit("/", 1)[1], []).append((title, text, language))
    for name, g in golden.items():
        if g["quarantine"]:
            continue
        stories = by_file[name]
        assert len(stories) == g["stories"], name
        title, text, language = stories[0]
        assert language == g["language"], name
        for line in g["boilerplate"]:
            assert all(line not in t for _, t, _ in stories), (name, line)
        if g["stories"] == 1:
            assert norm(title) == norm(g["title"]), name
            assert norm(text).startswith(norm(g["first_words"])), name
            assert norm(text).endswith(norm(g["last_words"])), name
        else:
            assert [norm(t) for t, _, _ in stories] == [norm(t) for t in g["story_titles"]], name


def test_copies_are_accounted_and_syndication_clustered(tmp_path, samples_dir):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("coastline-times-wildfire.html", "coastline-times-wildfire-copy.html", "valley-courier-school.txt"):
        shutil.copy(samples_dir / name, inputs / name)
    shutil.copy(samples_dir / "valley-courier-school.txt", inputs / "mirror of the school story.txt")
    out = tmp_path / "out"
    assert main(["--input", f"{inputs}/*", "--output", str(out)]) == 0
    articles = {
        uri.rsplit("/", 1)[1]: (aid, cluster, canonical)
        for uri, aid, cluster, canonical in sql(
            f"select source_uri, article_id, cluster_id, canonical_article_id from {table(out, 'articles')}"
        )
    }
    dups = sql(f"select source_uri, duplicate_of from read_parquet('{out}/duplicates/*/*.parquet')")
    assert len(articles) == 3 and len(dups) == 1
    copy_uri, kept_id = dups[0]
    assert copy_uri.rsplit("/", 1)[1] in ("valley-courier-school.txt", "mirror of the school story.txt")
    assert kept_id in {a for a, _, _ in articles.values()}
    segment_ids = {r[0] for r in sql(f"select distinct article_id from {table(out, 'segments')}")}
    assert segment_ids == {a for a, _, _ in articles.values()}  # the copy's segments left with its row
    original, syndicated = articles["coastline-times-wildfire.html"], articles["coastline-times-wildfire-copy.html"]
    assert original[1] == syndicated[1]  # one cluster
    assert original[2] == syndicated[2] == original[0]  # the earlier-published original is canonical
    school = next(v for k, v in articles.items() if "school" in k)
    assert school[1] != original[1]


def test_a_folder_or_a_missing_plain_path_is_a_usage_error(tmp_path, samples_dir, capsys):
    for given, said in ((str(samples_dir), "is a folder: give a glob"), (str(tmp_path / "nope.html"), "no such file")):
        with pytest.raises(SystemExit) as exit_:
            main(["--input", given, "--output", str(tmp_path / "out")])
        assert exit_.value.code == 2 and said in capsys.readouterr().err
    assert not (tmp_path / "out").exists()  # nothing built, nothing written
    page = samples_dir / "harbor-gazette-ferry.html"  # an unquoted glob: its second file taken for --output
    with pytest.raises(SystemExit) as exit_:
        main(["--input", str(samples_dir / "coastline-times-wildfire.html"), "--output", str(page)])
    assert exit_.value.code == 2 and "is a file: give a folder" in capsys.readouterr().err
    # a glob may match nothing: an empty run, not an error, that says so
    assert main(["--input", f"{tmp_path}/none-yet/*", "--output", str(tmp_path / "empty")]) == 0
    assert f"no input file matched: {tmp_path}/none-yet/*" in capsys.readouterr().out


def test_a_glob_without_a_star_may_match_nothing_and_a_file_named_like_a_glob_is_read(tmp_path, samples_dir, capsys):
    """Beam lets a pattern match nothing only when it holds a '*': 'day?.html' or 'page[12].html'
    matching nothing stopped the run with a traceback (ValueError: ALLOW_IF_WILDCARD). A page
    saved as "Ferry fares [updated].html", given by its own name, was such a pattern: its brackets
    read as a character class that matched nothing, so the file that was there was never read."""
    for pattern in ("day?.html", "page[12].html"):
        assert main(["--input", f"{tmp_path}/{pattern}", "--output", str(tmp_path / "empty")]) == 0
        assert f"no input file matched: {tmp_path}/{pattern}" in capsys.readouterr().out
    for name in ("Ferry fares [updated].html", "ferry?.html", "ferry*.html"):
        (tmp_path / "in").mkdir(exist_ok=True)
        shutil.copy(samples_dir / "harbor-gazette-ferry.html", tmp_path / "in" / name)
        out = tmp_path / f"out-{len(name)}"
        assert main(["--input", str(tmp_path / "in" / name), "--output", str(out), "--run_id", "named"]) == 0
        assert "OK: 1 pages in = 1 with articles" in capsys.readouterr().out, name
        uris = duckdb.sql(f"select source_uri from read_parquet('{out}/articles/**/*.parquet')").fetchall()
        assert uris == [(str(tmp_path / "in" / name),)]


def test_a_stray_argument_or_a_mistyped_flag_is_a_usage_error_not_a_default_run(tmp_path, samples_dir, capsys):
    first, second = sorted(str(p) for p in samples_dir.glob("*.html"))[:2]
    out = str(tmp_path / "out")
    for argv, said in (
        (["--input", first, second, "--output", out], "quote a glob given as --input"),  # the shell's expansion
        (
            ["--input", first, "--output", out, "--fail_on_quarantine_rat", "0.1"],
            "did you mean --fail_on_quarantine_rate",
        ),
        (["--input", first, "--output", out, "--max_file_byte=100"], "did you mean --max_file_bytes"),
    ):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 2 and said in capsys.readouterr().err, argv
    assert not (tmp_path / "out").exists()


def test_a_runners_own_flags_pass_and_a_stray_word_after_a_known_flag_does_not():
    base = ["--input", "pages/*", "--output", "out"]
    for flags in (["--checkpointing_interval", "5"], ["--flink_conf_dir", "d"], ["--object_reuse"], ["--x", "v"]):
        assert stray_argument_problem(base + flags) is None, flags  # Flink's, and any unknown flag's value
    assert "unexpected argument 'b.html'" in stray_argument_problem(base + ["--x", "--watch", "b.html"])
    assert "did you mean --runner" in stray_argument_problem(base + ["--runer", "DirectRunner"])


def test_one_input_spelled_relative_or_absolute_is_one_run_with_the_same_ids(tmp_path, samples_dir, monkeypatch):
    monkeypatch.chdir(samples_dir.parent)
    out = tmp_path / "out"
    for pattern in (f"{samples_dir.name}/*.html", f"./{samples_dir.name}/*.html", f"{samples_dir}/*.html"):
        assert main(["--input", pattern, "--output", str(out)]) == 0
    assert len(list((out / "_manifests").glob("*.json"))) == 1
    ((rows, ids, relative),) = sql(
        f"select count(*), count(distinct article_id), count(*) filter (where source_uri not like '/%') "
        f"from {table(out, 'articles')}"
    )
    assert rows == ids and relative == 0


def test_the_extractors_children_start_early_only_where_the_strip_stage_runs_in_this_process(monkeypatch):
    from pipeline.main import extractors_in_this_process, parse_options

    monkeypatch.setattr(sys, "executable", "/opt/py/bin/python3")  # a checkout under "My Projects" too
    local = ["--input", "in/*", "--output", "out"]
    assert extractors_in_this_process(parse_options(local)) == 1
    threads = [*local, "--direct_running_mode=multi_threading"]
    assert extractors_in_this_process(parse_options(threads)) == 1
    assert extractors_in_this_process(parse_options([*threads, "--direct_num_workers=2"])) == 2
    assert not extractors_in_this_process(parse_options([*local, "--direct_running_mode=multi_processing"]))
    assert not extractors_in_this_process(parse_options([*local, "--doc_timeout_seconds=0"]))


def test_worker_processes_from_a_python_whose_path_the_shell_splits_are_a_usage_error(monkeypatch, capsys):
    """Beam's local runner starts multi_processing workers through a shell with the interpreter's
    path unquoted: from "/home/me/My Projects/.venv/bin/python" every worker exited with status 127
    and the run waited for them forever. It is a usage error before anything is built; threads,
    which start no process, still run."""
    from pipeline.main import parse_options

    monkeypatch.setattr(sys, "executable", "/home/me/My Projects/news/.venv/bin/python")
    local = ["--input", "in/*", "--output", "out"]
    with pytest.raises(SystemExit) as stopped:
        parse_options([*local, "--direct_num_workers=2", "--direct_running_mode=multi_processing"])
    assert stopped.value.code == 2
    assert "'/home/me/My Projects/news/.venv/bin/python'" in capsys.readouterr().err
    assert parse_options([*local, "--direct_num_workers=2", "--direct_running_mode=multi_threading"])
    assert parse_options(local)
    monkeypatch.setattr(sys, "executable", "/home/me/projects/news-1.2_x/.venv/bin/python3.12")
    assert parse_options([*local, "--direct_num_workers=2", "--direct_running_mode=multi_processing"])


def test_run_local_reads_and_writes_relative_to_the_folder_it_is_run_in(tmp_path, samples_dir):
    """`run_local.sh` run from another folder, one that holds a package of its own named "pipeline":
    relative paths are that folder's (they were the checkout's: 'in/*' matched nothing there and
    the output landed in the checkout), and the project's package is the one that runs."""
    (tmp_path / "in").mkdir()
    shutil.copy(samples_dir / "harbor-gazette-ferry.html", tmp_path / "in")
    (tmp_path / "pipeline").mkdir()
    (tmp_path / "pipeline" / "__init__.py").write_text("raise ImportError('a namesake, not the project')\n")
    script = samples_dir.parent / "run_local.sh"
    done = subprocess.run(
        ["bash", str(script), "in/*", "out"], cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "OK: 1 pages in = 1 with articles" in done.stdout
    assert len(list((tmp_path / "out" / "_manifests").glob("*.json"))) == 1


def test_an_output_folder_named_with_brackets_commits_and_a_rerun_replaces_it(tmp_path, samples_dir):
    """Beam's FileSystems.match and .delete read every path as a glob: under "out [x]" the commit
    matched none of the files it had just moved ("IndexError: list index out of range"), then failed
    to delete its intent file and staging folder, and a rerun's search for the earlier run's files
    would have found none of them to replace."""
    out = tmp_path / "news out [x]"
    given = ["--input", str(samples_dir / "*.html"), "--output", str(out)]
    assert main(given) == 0
    first = sorted(p.relative_to(out) for p in out.rglob("*.parquet"))
    assert main(given) == 0
    assert sorted(p.relative_to(out) for p in out.rglob("*.parquet")) == first
    assert [p.suffix for p in (out / "_manifests").iterdir()] == [".json"]
    assert not any((out / "_staging").iterdir())
    ids = ds.dataset(out / "articles", format="parquet", partitioning="hive").to_table().column("article_id")
    assert len(ids) == len(set(ids.to_pylist())) > 0  # the rerun's rows replaced the first run's


def test_an_output_folder_that_cannot_be_made_or_written_is_a_usage_error(tmp_path, samples_dir, capsys, monkeypatch):
    """It was a traceback from the first staged file (NotADirectoryError, PermissionError), the
    pages already read; now it is said before anything is built."""
    page = str(samples_dir / "harbor-gazette-ferry.html")
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(SystemExit) as stopped:
        main(["--input", page, "--output", str(tmp_path / "a-file" / "out")])
    assert stopped.value.code == 2 and f"cannot be made: {tmp_path / 'a-file'} is a file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stopped:  # the report was written after the commit: a traceback, exit 1
        main(["--input", page, "--output", str(tmp_path / "out"), "--report", str(tmp_path / "a-file" / "r.html")])
    assert stopped.value.code == 2 and "--report's folder" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    monkeypatch.setattr("os.access", lambda path, mode: path != str(tmp_path))  # as a user who may not write there
    with pytest.raises(SystemExit) as stopped:
        main(["--input", page, "--output", str(tmp_path / "new" / "out")])
    assert stopped.value.code == 2 and f"no permission to write in {tmp_path}" in capsys.readouterr().err
    assert not (tmp_path / "new").exists()


def test_an_input_glob_that_reaches_the_output_folder_is_a_usage_error(tmp_path, samples_dir, capsys):
    """'data/**' with --output data/out: a rerun read its own Parquet files and manifests as pages
    (52 pages in for 2 files) and replaced its rows with what it made of them. A glob whose files
    cannot be the run's own ('data/*', 'data/**/*.html', 'data/*/*.parquet') still runs, and a
    rerun of 'data/*' reads its one page again, not its output."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(samples_dir / "harbor-gazette-ferry.html", data)
    for pattern in ("**", "**/*.parquet", "**/*.json"):
        with pytest.raises(SystemExit) as stopped:
            main(["--input", f"{data}/{pattern}", "--output", str(data / "out")])
        assert stopped.value.code == 2 and "reaches the run's own output" in capsys.readouterr().err
    for pattern in ("*", "*.html", "**/*.html", "*/*.parquet"):
        assert main(["--input", f"{data}/{pattern}", "--output", str(data / "out"), "--run_id", "own"]) == 0
        pages = 1 if "/" not in pattern else 0  # Beam's '**/' needs a folder between: no page there
        assert f"OK: {pages} pages in = {pages} with articles" in capsys.readouterr().out, pattern
