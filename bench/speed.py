"""Speed and memory: the whole pipeline against the bare trafilatura loop, on the same pages.

In: the generated corpus (`bench/corpus.py`, made in a temp folder unless --corpus is given) and,
when present, the dev sets under --data (skipped cleanly when absent). Out: a table, per input set
(the corpus, the corpus's HTML pages alone, each dev set's HTML pages), of docs/s for the bare
`trafilatura.extract` loop, the same loop split over two processes at once (how far this machine's
two cores scale such work: the ceiling for 2 workers / 1), the pipeline on 1 worker and on 2 workers
(multi_processing), their ratios, and peak memory of the pipeline at 1x and 10x the input.

Every run is a subprocess, measured from outside: wall time, CPU time and peak RSS (os.wait4, the
largest process), plus the peak RSS summed over the process tree (sampled from /proc) and the CPU
time the hypervisor stole from the VM meanwhile (both cores; printed per run). The
pipeline's docs/s uses its own reported elapsed time (graph build to the run's end, its workers'
shutdown included), the loop's its own timer: both leave out interpreter start and imports. The
pipeline's time to its commit (when its output is whole) is read too: the rest is the runner shutting
down its workers. Runs are interleaved (loop, two loops, 1 worker, 2 workers, per round) so machine
load hits them alike; the best round counts.

A run's fixed cost (building the graph, starting worker processes and their extractor children,
the stages' set-up and the commit) is measured apart: each round also runs the pipeline on the set's
first page alone, on 1 and on 2 workers. A set's steady rate is then its other pages over the time
they added, (N - 1) / (t(N) - t(1)): what the pipeline does per page, the start-up left out, as the
loop's own timer leaves out its imports.

  .venv/bin/python -m bench.speed                         # corpus of 2,000 pages + dev sets
  .venv/bin/python -m bench.speed --pages 300 --rounds 1 --no-dev --memory_base 30   # quick look
"""

import argparse
import gzip
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import threading
import time

from bench.corpus import write_corpus

# The baseline the pipeline is measured against (the exact call).
BASELINE_KWARGS = {"include_comments": False, "favor_precision": True, "with_metadata": True}
TWO_WORKERS = ["--direct_num_workers=2", "--direct_running_mode=multi_processing"]
# /proc sampling period for the process-tree RSS: short runs still get several samples.
SAMPLE_SECONDS = 0.2
PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")


def steal_seconds() -> float | None:
    """CPU time the hypervisor gave to other guests so far, all cores (/proc/stat), None off Linux.
    On this VM it comes in bursts that slow a run by half: the rounds table shows it per run."""
    try:
        with open("/proc/stat") as stat:
            fields = stat.readline().split()
        return int(fields[8]) / TICK
    except (OSError, IndexError, ValueError):
        return None


def bare_loop(files: list[str]) -> dict:
    """The baseline, run inside its own process: read, gunzip, decode, trafilatura.extract."""
    import trafilatura

    started = time.perf_counter()
    for name in files:
        raw = pathlib.Path(name).read_bytes()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        trafilatura.extract(raw.decode("utf-8", errors="replace"), **BASELINE_KWARGS)
    return {"seconds": time.perf_counter() - started, "docs": len(files)}


def tree_rss(root: int) -> int:
    """Bytes resident in `root` and all its descendants, now."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = pathlib.Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            total += int(pathlib.Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        except OSError:
            pass
        todo.extend(children.get(pid, []))
    return total


def measure(cmd: list[str]) -> dict:
    """Run a command; its wall and CPU seconds, largest-process and whole-tree peak RSS, output."""
    with tempfile.TemporaryFile() as out:
        stolen = steal_seconds()
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        peak, done = [0], threading.Event()

        def sample():
            while not done.wait(SAMPLE_SECONDS):
                peak[0] = max(peak[0], tree_rss(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
        out.seek(0)
        text = out.read().decode("utf-8", errors="replace")
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd[:4])}... exited {proc.returncode}:\n{text[-3000:]}")
        wall, now_stolen = time.perf_counter() - started, steal_seconds()
        return {
            "wall": wall,
            "cpu": usage.ru_utime + usage.ru_stime,
            "max_rss": usage.ru_maxrss * 1024,
            "tree_rss": peak[0],
            "output": text,
            "steal": now_stolen - stolen if stolen is not None and now_stolen is not None else None,
        }


def run_baseline(files: list[str], work: pathlib.Path) -> dict:
    listing = work / "files.json"
    listing.write_text(json.dumps(files))
    result = measure([sys.executable, "-m", "bench.speed", "--_baseline", str(listing)])
    timing = json.loads(result["output"].strip().splitlines()[-1])
    return {**result, "seconds": timing["seconds"], "docs": timing["docs"]}


def run_two_loops(files: list[str], work: pathlib.Path) -> dict:
    """The baseline split over two processes started together (alternate files to each): docs/s
    over the slower one's own timer, CPU summed."""
    halves, results = [files[0::2], files[1::2]], [None, None]

    def one(k: int) -> None:
        listing = work / f"files-{k}.json"
        listing.write_text(json.dumps(halves[k]))
        results[k] = measure([sys.executable, "-m", "bench.speed", "--_baseline", str(listing)])

    threads = [threading.Thread(target=one, args=(k,)) for k in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if None in results:
        raise RuntimeError("a baseline process failed (see above)")
    seconds = max(json.loads(r["output"].strip().splitlines()[-1])["seconds"] for r in results)
    return {"seconds": seconds, "docs": len(files), "cpu": sum(r["cpu"] for r in results), "steal": None}


def run_pipeline(pattern: str, docs: int, work: pathlib.Path, extra: list[str]) -> dict:
    out = pathlib.Path(tempfile.mkdtemp(dir=work))
    result = measure([sys.executable, "-m", "pipeline", "--input", pattern, "--output", str(out), *extra])
    found = re.search(r"elapsed:\s+([\d.]+) s", result["output"])
    committed = re.search(r"committed at ([\d.]+) s", result["output"])
    pages = re.search(r"pages read:\s+(\d+)", result["output"])
    assert pages and int(pages.group(1)) == docs, result["output"][-2000:]
    subprocess.run(["rm", "-rf", str(out)], check=True)
    seconds = float(found.group(1)) if found else result["wall"]
    return {
        **result,
        "seconds": seconds,
        "committed": float(committed.group(1)) if committed else seconds,
        "docs": docs,
    }


def link_subset(files: list[str], folder: pathlib.Path) -> str:
    """A folder of symlinks to `files`, as one glob for --input."""
    folder.mkdir(parents=True)
    for f in files:
        (folder / pathlib.Path(f).name).symlink_to(f)
    return str(folder / "*")


def input_sets(args, work: pathlib.Path) -> dict[str, list[str]]:
    corpus = args.corpus or work / "corpus"
    if not args.corpus or not any(corpus.iterdir()):
        write_corpus(corpus, args.pages, args.seed)
    sets = {"corpus": sorted(str(p) for p in corpus.iterdir())[: args.pages]}
    # The bare loop spends next to nothing on a text dump (trafilatura finds no HTML and returns),
    # while the pipeline extracts its article: the HTML pages alone compare like with like.
    sets["corpus (html pages)"] = [f for f in sets["corpus"] if not f.endswith(".txt")]
    if not args.no_dev:
        for name in ("fundus-news-80", "wcxb-dev-articles"):
            folder = args.data / name / "html"
            if folder.is_dir():
                sets[f"{name} (html)"] = sorted(str(p) for p in folder.iterdir())[: args.limit]
            else:
                print(f"SKIP {name}: {folder} not found")
    return sets


def rate(run: dict) -> float:
    return run["docs"] / run["seconds"]


def commit_rate(run: dict) -> float:
    return run["docs"] / run["committed"]


def _steal(run: dict) -> str:
    return f" (steal {run['steal']:.1f} s)" if run.get("steal") is not None else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=pathlib.Path, help="an existing corpus folder (default: generate one)")
    parser.add_argument("--pages", type=int, default=2000, help="corpus pages (default %(default)s)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--data", type=pathlib.Path, default=pathlib.Path(__file__).resolve().parents[2] / "shared" / "data"
    )
    parser.add_argument("--limit", type=int, default=None, help="at most this many pages of each dev set")
    parser.add_argument("--no-dev", action="store_true", help="the generated corpus only")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds; the best counts")
    parser.add_argument("--memory_base", type=int, default=200, help="pages at 1x for the memory check (10x too)")
    parser.add_argument("--_baseline", type=pathlib.Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args._baseline:
        print(json.dumps(bare_loop(json.loads(args._baseline.read_text()))))
        return 0

    with tempfile.TemporaryDirectory(prefix="speed-") as tmp:
        work = pathlib.Path(tmp)
        load = os.getloadavg()
        rows, paired, steady = [], [], []
        sets = input_sets(args, work)
        for name, files in sets.items():
            pattern = link_subset(files, work / f"in-{len(rows)}")
            first = link_subset(files[:1], work / f"first-{len(rows)}")
            runs = {"loop": [], "2 loops": [], "1w": [], "2w": [], "1w, 1 page": [], "2w, 1 page": []}
            for r in range(args.rounds):
                runs["loop"].append(run_baseline(files, work))
                runs["2 loops"].append(run_two_loops(files, work))
                runs["1w"].append(run_pipeline(pattern, len(files), work, []))
                runs["2w"].append(run_pipeline(pattern, len(files), work, TWO_WORKERS))
                runs["1w, 1 page"].append(run_pipeline(first, 1, work, []))
                runs["2w, 1 page"].append(run_pipeline(first, 1, work, TWO_WORKERS))
                print(
                    f"  {name} round {r + 1}: "
                    + ", ".join(f"{k} {rate(v[-1]):.1f} docs/s{_steal(v[-1])}" for k, v in runs.items()),
                    flush=True,
                )
            best = {k: max(v, key=rate) for k, v in runs.items()}
            rows.append((name, len(files), best))
            paired.append(
                (
                    name,
                    [rate(one) / rate(loop) for one, loop in zip(runs["1w"], runs["loop"])],
                    [rate(two) / rate(one) for two, one in zip(runs["2w"], runs["1w"])],
                    [rate(two) / rate(one) for two, one in zip(runs["2 loops"], runs["loop"])],
                    [commit_rate(two) / commit_rate(one) for two, one in zip(runs["2w"], runs["1w"])],
                )
            )
            steady.append((name, [steady_round(runs, r) for r in range(args.rounds)]))
        memory = {}
        corpus = sets["corpus"]
        for scale in (1, 10):  # 1 worker, on the first N pages of the same corpus (the same page mix)
            count = min(args.memory_base * scale, len(corpus))
            if count == len(corpus):  # the corpus run above is this run already
                memory[scale] = rows[0][2]["1w"]
            else:
                memory[scale] = run_pipeline(link_subset(corpus[:count], work / f"mem-{scale}"), count, work, [])
        print_table(rows, memory, args, load)
        print_rounds(paired)
        print_steady(steady)
    return 0


def print_table(rows, memory, args, load) -> None:
    mb = 1 / 1e6
    print(
        f"\nload average before the runs: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores; "
        f"best of {args.rounds} interleaved rounds\n"
    )
    print(
        "| input | pages | bare loop docs/s | pipeline 1 worker docs/s | 1w / loop | 2 workers docs/s | 2w / 1w "
        "| 2w / 1w to commit | 2 loops / loop | 1w CPU s/doc | loop CPU s/doc |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, pages, best in rows:
        loop, loops, one, two = best["loop"], best["2 loops"], best["1w"], best["2w"]
        print(
            f"| {name} | {pages} | {rate(loop):.1f} | {rate(one):.1f} | {rate(one) / rate(loop):.2f} | "
            f"{rate(two):.1f} | {rate(two) / rate(one):.2f} | {commit_rate(two) / commit_rate(one):.2f} | "
            f"{rate(loops) / rate(loop):.2f} | {one['cpu'] / pages:.4f} | {loop['cpu'] / pages:.4f} |"
        )
    one, ten = memory[1], memory[10]
    print("\n| memory, 1 worker | pages | largest process peak RSS MB | process tree peak RSS MB |\n|---|---|---|---|")
    for scale, run in ((1, one), (10, ten)):
        print(f"| {scale}x | {run['docs']} | {run['max_rss'] * mb:.0f} | {run['tree_rss'] * mb:.0f} |")
    print(f"| 10x / 1x | | {ten['max_rss'] / one['max_rss']:.2f} | {ten['tree_rss'] / max(one['tree_rss'], 1):.2f} |")


def steady_round(runs: dict, r: int) -> dict:
    """One round's start-up (the 1-page runs) and steady rates (the other pages over the time they
    added), each against that round's loop."""
    loop, one, two = rate(runs["loop"][r]), runs["1w"][r], runs["2w"][r]
    one_up, two_up = runs["1w, 1 page"][r]["seconds"], runs["2w, 1 page"][r]["seconds"]
    pages = one["docs"] - 1
    one_rate = pages / max(one["seconds"] - one_up, 1e-9)
    two_rate = pages / max(two["seconds"] - two_up, 1e-9)
    return {"up1": one_up, "up2": two_up, "one": one_rate, "two": two_rate, "loop": loop}


def print_steady(steady) -> None:
    """Start-up apart: what one page more costs, per round (rounds run minutes apart)."""
    print(
        "\n| input | start-up s, 1w / 2w (1-page runs) | steady docs/s, 1w / 2w | steady 1w / loop "
        "| steady 2w / 1w |\n|---|---|---|---|---|"
    )
    for name, rounds in steady:
        cells = [
            ", ".join(f"{s['up1']:.1f} / {s['up2']:.1f}" for s in rounds),
            ", ".join(f"{s['one']:.1f} / {s['two']:.1f}" for s in rounds),
            ", ".join(f"{s['one'] / s['loop']:.2f}" for s in rounds),
            ", ".join(f"{s['two'] / s['one']:.2f}" for s in rounds),
        ]
        print(f"| {name} | " + " | ".join(cells) + " |")


def print_rounds(paired) -> None:
    """The ratios within each round (runs minutes apart): this VM's speed drifts between rounds, and
    the best-of table above may pair a fast round of one side with a slow one of the other."""
    print(
        "\n| input | 1w / loop, per round | 2w / 1w, per round | 2 loops / loop, per round "
        "| 2w / 1w to commit, per round |\n|---|---|---|---|---|"
    )
    for name, *ratios in paired:
        print(f"| {name} | " + " | ".join(" ".join(f"{r:.2f}" for r in column) for column in ratios) + " |")


if __name__ == "__main__":
    raise SystemExit(main())
