"""Syndication clustering benchmark: pair precision and recall on scripted variants of dev-set articles.

In:  the dev sets' ground-truth bodies (`ground-truth.aeb.json` of each --data folder). Out: printed
pair precision / recall / F1 of (1) the pure functions with an in-memory union-find, (2) the real
`ClusterArticles` transform on the in-process FnApiRunner as a streaming job runs it and (3) as a
batch run does (staged facts and band keys, `transforms.cluster_staged.ClusterStaged`). Goal: >= 0.95 both.

Every --sources-th article gets --variants scripted copies: a rewritten headline line, boilerplate
swapped in or out, wire credits and datelines added, the ending trimmed, light word edits, and now and
then an exact copy (case and spacing only). All the other dev-set articles stay as distractors, many on
the same topics. True pairs are an article and its copies; originals that are themselves near-duplicates
(exact shingle Jaccard >= the threshold) are counted as true pairs too, and listed.

    python -m bench.clusters --data ../shared/data/fundus-news-80 --data ../shared/data/wcxb-dev-articles
    python -m bench.clusters --sources 80 --variants 1000   # one wire story carried 1,000 times
"""

import argparse
import json
import pathlib
import random
import tempfile
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta

from bench.common import skip
from transforms.cluster_rules import MIN_JACCARD, bucket_pairs, canonical_key
from transforms.dedup import band_keys, content_hash, estimated_jaccard, exact_jaccard, signature

BOILERPLATE = [
    "Sign up for our morning newsletter and get the day's top stories in your inbox.",
    "Follow us on social media for the latest updates.",
    "This article has been updated with additional information.",
    "Copyright 2024. All rights reserved. This material may not be published or redistributed.",
    "Have a news tip? Contact our newsroom by email.",
]
CREDITS = ["(AP) — ", "(Reuters) - ", "(AFP) -- ", "(Xinhua) -- "]
FILLER = ["very", "also", "now", "reportedly", "still", "new", "local", "recent"]


def make_variant(text: str, rng: random.Random) -> str:
    """One syndicated copy of `text`, by a random mix of the edits syndicators make."""
    if rng.random() < 0.15:
        return "  ".join(text.upper().split(" "))  # an exact copy but for case and spacing
    paragraphs = [p for p in text.split("\n\n") if p.strip()] or [text]
    if rng.random() < 0.6 and len(paragraphs) > 3:  # trim the ending
        paragraphs = paragraphs[: max(3, int(len(paragraphs) * rng.uniform(0.6, 0.95)))]
    paragraphs = [_edit_words(p, rng) for p in paragraphs]
    if rng.random() < 0.5:  # wire credit in a dateline
        paragraphs[0] = f"{rng.choice(['LONDON', 'NEW YORK', 'BERLIN', 'SYDNEY'])} {rng.choice(CREDITS)}{paragraphs[0]}"
    if rng.random() < 0.5:  # a rewritten headline line on top
        head = paragraphs[0].split()[:10]
        rng.shuffle(head)
        paragraphs.insert(0, " ".join(head).capitalize())
    if rng.random() < 0.6:  # boilerplate swapped in
        paragraphs.append(rng.choice(BOILERPLATE))
    if rng.random() < 0.3:
        paragraphs.append("Reporting by Jane Roe; Editing by John Doe")
    return "\n\n".join(paragraphs)


def _edit_words(paragraph: str, rng: random.Random) -> str:
    words = paragraph.split(" ")
    for _ in range(max(0, int(len(words) * rng.uniform(0.0, 0.03)))):
        i = rng.randrange(len(words))
        action = rng.random()
        if action < 0.4:
            words[i] = rng.choice(FILLER)
        elif action < 0.7 and len(words) > 1:
            del words[i]
        else:
            words.insert(i, rng.choice(FILLER))
    return " ".join(words)


def build_corpus(data_dirs: list[pathlib.Path], sources: int, variants: int, seed: int):
    """(articles, group of each article_id): the dev-set originals plus the scripted copies."""
    rng = random.Random(seed)
    articles, group = [], {}
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for data_dir in data_dirs:
        truth_path = data_dir / "ground-truth.aeb.json"
        if not truth_path.exists():
            skip(f"{truth_path} not found (the dev sets live in ../shared/data)")
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        for n, (page_id, entry) in enumerate(sorted(truth.items())):
            text = (entry.get("articleBody") or "").strip()
            if len(text) < 200:
                continue
            origin = f"{data_dir.name}/{page_id}"
            copies = [text] + ([make_variant(text, rng) for _ in range(variants)] if n % sources == 0 else [])
            for k, body in enumerate(copies):
                article_id = f"{origin}#{k}"
                group[article_id] = origin
                articles.append(
                    {
                        "article_id": article_id,
                        "text": body,
                        "content_hash": content_hash(body),
                        "published_at": start + timedelta(hours=rng.randrange(10_000)),
                        "publisher": rng.choice(["Associated Press", "Daily Paper", "Coast Herald"]),
                        "wire_agency": "AP" if k else None,
                    }
                )
    return articles, group


def cluster_in_memory(articles: list[dict]) -> dict[str, str]:
    """article_id -> cluster_id with the pure functions (the Beam stage's logic, on one machine)."""
    parent: dict[str, str] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        ra, rb = find(a), find(b)
        parent[max(ra, rb)] = min(ra, rb)

    by_hash = defaultdict(list)
    for a in articles:
        by_hash[a["content_hash"]].append(a)
    keepers = []
    for copies in by_hash.values():
        copies.sort(key=canonical_key)
        keepers.append(copies[0])
        for c in copies[1:]:
            union(c["article_id"], copies[0]["article_id"])
    sigs = {a["article_id"]: s for a in keepers if (s := signature(a["text"])) is not None}
    buckets = defaultdict(list)
    for article_id, sig in sigs.items():
        for key in band_keys(sig):
            buckets[key].append(article_id)
    pairs = {p for key, members in buckets.items() if len(members) > 1 for p in bucket_pairs(key, members)}
    for a, b in pairs:
        if estimated_jaccard(sigs[a], sigs[b]) >= MIN_JACCARD:
            union(a, b)
    return {a["article_id"]: find(a["article_id"]) for a in articles}


def cluster_with_beam(articles: list[dict], staged: bool = False) -> dict[str, str]:
    """`ClusterArticles` as streaming runs it (band keys grouped), or with `staged=True` as a batch
    run does (facts and band keys staged in four bundles' files, `ClusterStaged`)."""
    import apache_beam as beam
    from apache_beam.options.pipeline_options import PipelineOptions

    from transforms.bands import BandFile
    from transforms.cluster import ClusterArticles
    from transforms.cluster_staged import ClusterStaged
    from transforms.facts import FactFile, fact_row

    with tempfile.TemporaryDirectory() as tmp:
        with beam.Pipeline(options=PipelineOptions(["--runner=FnApiRunner"])) as p:
            if staged:
                facts = [FactFile(f"{tmp}/facts-{i}.parquet") for i in range(4)]
                bands = [BandFile(f"{tmp}/bands-{i}.parquet") for i in range(4)]
                for i, a in enumerate(articles):
                    sig = signature(a["text"])
                    row = {"source_uri": a["article_id"], "story_index": 0, **a}
                    facts[i % 4].add(fact_row(row, [f"{a['article_id']}.parquet"], 0, sig))
                    if sig is not None:
                        bands[i % 4].add(a["article_id"], sig)
                out = {
                    "facts": p | "Facts" >> beam.Create([f.path for f in facts if f.close()]),
                    "bands": p | "Bands" >> beam.Create([b.path for b in bands if b.close()]),
                } | ClusterStaged()
                verdicts = out["verdicts"] | "Clustered" >> beam.Filter(lambda v: v[1][1] is not None)
                rows = verdicts | "Rows" >> beam.Map(lambda v: json.dumps([v[1][0], v[1][1][0]]))
                duplicates = out["duplicates"]
            else:
                kept, duplicates = p | beam.Create(articles) | ClusterArticles()
                rows = kept | "Rows" >> beam.Map(lambda a: json.dumps([a["article_id"], a["cluster_id"]]))
            dups = duplicates | "Dups" >> beam.Map(lambda d: json.dumps([d["article_id"], d["duplicate_of"]]))
            rows | "WriteRows" >> beam.io.WriteToText(f"{tmp}/rows")
            dups | "WriteDups" >> beam.io.WriteToText(f"{tmp}/dups")
        clusters, dup_of = _read_pairs(tmp, "rows"), _read_pairs(tmp, "dups")
    for a in articles:  # a batch run gives no verdict to an article that stands alone
        clusters.setdefault(a["article_id"], a["article_id"])
    clusters.update({a: clusters[k] for a, k in dup_of.items()})
    return clusters


def _read_pairs(folder: str, prefix: str) -> dict[str, str]:
    return dict(json.loads(line) for path in pathlib.Path(folder).glob(f"{prefix}*") for line in path.open())


def _pairs(sizes) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def pair_scores(predicted: dict[str, str], truth: dict[str, str]) -> tuple[float, float, float]:
    """Pair precision, recall and F1 from cluster and group sizes (no O(n^2) pair listing)."""
    both = _pairs(Counter((predicted[a], truth[a]) for a in truth).values())
    pred, true = _pairs(Counter(predicted.values()).values()), _pairs(Counter(truth.values()).values())
    precision, recall = (both / pred if pred else 1.0), (both / true if true else 1.0)
    return precision, recall, (2 * precision * recall / (precision + recall) if both else 0.0)


def merge_true_near_duplicates(articles: list[dict], group: dict[str, str]) -> list[tuple[str, str]]:
    """Originals that really are near-duplicates (exact Jaccard) become one true group; returns them."""
    originals = [a for a in articles if a["article_id"].endswith("#0")]
    predicted = cluster_in_memory(originals)
    by_cluster = defaultdict(list)
    for a in originals:
        by_cluster[predicted[a["article_id"]]].append(a)
    merged = []
    for first, *others in (m for m in by_cluster.values() if len(m) > 1):
        for other in others:
            if exact_jaccard(first["text"], other["text"]) >= MIN_JACCARD:
                merged.append((group[first["article_id"]], group[other["article_id"]]))
    rename = {b: a for a, b in merged}
    for article_id, origin in group.items():
        group[article_id] = rename.get(origin, origin)
    return merged


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", action="append", type=pathlib.Path, help="dev-set folder (repeatable)")
    parser.add_argument("--sources", type=int, default=3, help="every Nth article gets copies")
    parser.add_argument("--variants", type=int, default=4, help="copies per source article")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-beam", action="store_true", help="only the pure functions")
    args = parser.parse_args(argv)
    data_dirs = args.data or [pathlib.Path("../shared/data/fundus-news-80")]
    articles, group = build_corpus(data_dirs, args.sources, args.variants, args.seed)
    originals_merged = merge_true_near_duplicates(articles, group)
    print(
        f"{len(articles)} articles, {len(set(group.values()))} true groups; "
        f"near-duplicate originals merged: {originals_merged}"
    )
    runs = [("pure", cluster_in_memory)] + (
        [] if args.no_beam else [("beam", cluster_with_beam), ("batch", lambda a: cluster_with_beam(a, staged=True))]
    )
    for name, run in runs:
        started = time.perf_counter()
        predicted = run(articles)
        precision, recall, f1 = pair_scores(predicted, group)
        print(
            f"{name:5s} pair precision {precision:.4f}  recall {recall:.4f}  F1 {f1:.4f}  "
            f"({time.perf_counter() - started:.1f} s)"
        )


if __name__ == "__main__":
    main()
