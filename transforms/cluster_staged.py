"""Duplicates and syndication clusters of a batch run's staged articles: the `ClusterStaged` stage.

In:  {"facts": the staged fact files' paths, "bands": the staged band-key files' paths}, as
     `transforms.staging.StageArticleRowsFn` leaves them at bundle end.
Out: {"verdicts": (staged file name, (article_id, verdict)) for each staged file of each article
      that is an exact copy (verdict None: its rows are left out) or has a near-duplicate (verdict
      (cluster_id, canonical_article_id));
      "duplicates": the copies' duplicates records;
      "counts": (tally key, correction) pairs: copies were counted as articles when staged}.
Every other article keeps the cluster columns it was staged with (cluster_id = canonical = its
own id) and needs no verdict: nothing per article is in flight, only per copy and per member of
a cluster.

Same rules as the streaming path (`transforms.cluster`):
1. ExactCopies: one task reads the content hashes of all fact files; of the articles sharing one,
   the first by `canonical_key` keeps its row (`transforms.facts.exact_copies`).
2. BandEdges: one task per LSH band pairs the members of its shared buckets, copies left out,
   and verifies each pair on the signatures (`transforms.bands.band_edges`): verified edges, and
   each edge end's canonical key and staged files.
3. Components: union-find over the edges in one combine (`ComponentsFn`): cluster_id = the
   component's smallest article_id, which is where the streaming path's hash-to-min
   (`transforms.cluster.Components`) converges, in one stage instead of its eight shuffle rounds.
4. Canonical: the labels meet the edge ends' facts (a side input) in one task; the canonical
   article is the first by `canonical_key`; one verdict per member and staged file.

Why one task may hold the components: its accumulator is a forest over the edge ends only (one
dict entry, ~150 bytes, per article with a verified near-duplicate), never the edges, and the
runner combines each bundle's edges into such a forest before the shuffle; the verdicts task
holds the same ends' canonical keys and file names. That is less than a band task already holds
(`transforms.bands`: one band's keys of every article, and the facts, signatures included, of
every article that shares a bucket), so it adds no new bound to the run.
"""

import apache_beam as beam

from transforms.bands import band_edges
from transforms.cluster import DUPLICATES
from transforms.dedup import BANDS
from transforms.facts import copy_outputs, exact_copies
from transforms.parquet_sink import use_system_allocator
from transforms.tags import counter

COUNTS = "counts"
ENDS = "ends"


@beam.typehints.with_output_types(beam.typehints.Tuple[str, beam.typehints.Any])  # the main output
class _ExactCopiesFn(beam.DoFn):
    """[fact file paths] -> drop verdicts; DUPLICATES records and COUNTS corrections by tag."""

    def setup(self):
        use_system_allocator()
        self.copies = counter("cluster_exact_duplicates")

    def process(self, fact_paths: list[str]):
        for copy, kept in exact_copies(sorted(fact_paths)):
            self.copies.inc()
            record, drops, counts = copy_outputs(copy, kept)
            yield beam.pvalue.TaggedOutput(DUPLICATES, record)
            for count in counts:
                yield beam.pvalue.TaggedOutput(COUNTS, count)
            yield from drops


@beam.typehints.with_output_types(beam.typehints.Tuple[str, str])  # the main output: edges
class _BandEdgesFn(beam.DoFn):
    """(band, band files, fact files) -> edges (a, b), a < b; ENDS: (node, (key, files))."""

    def setup(self):
        use_system_allocator()
        self.candidates = counter("cluster_candidate_pairs")
        self.kept = counter("cluster_pairs_verified")
        self.rejected = counter("cluster_pairs_rejected")

    def process(self, task):
        band, band_paths, fact_paths = task
        edges, ends, tried = band_edges(band, band_paths, fact_paths)
        self.candidates.inc(tried)
        self.kept.inc(len(edges))
        self.rejected.inc(tried - len(edges))
        yield from edges
        for node, facts in ends.items():
            yield beam.pvalue.TaggedOutput(ENDS, (node, facts))


def band_tasks(band_paths: list[str], fact_paths: list[str]) -> list[tuple[int, list[str], list[str]]]:
    return [(band, sorted(band_paths), sorted(fact_paths)) for band in range(BANDS)] if band_paths else []


def _root(forest: dict[str, str], node: str) -> str:
    """The root of `node`'s tree (a node not in the forest is its own), halving the path on the way."""
    while forest.get(node, node) != node:
        parent = forest[node]
        forest[node] = forest.get(parent, parent)
        node = forest[node]
    return node


def union(forest: dict[str, str], a: str, b: str) -> None:
    """Join the trees of a and b; the smaller root becomes the root, so a root is always its
    component's smallest id."""
    smaller, larger = sorted((_root(forest, a), _root(forest, b)))
    forest[larger] = smaller
    forest.setdefault(smaller, smaller)


def component_labels(forest: dict[str, str]) -> dict[str, str]:
    """Every node of the forest -> its component's smallest id (the cluster_id)."""
    return {node: _root(forest, node) for node in list(forest)}


class ComponentsFn(beam.CombineFn):
    """Edges (a, b) -> {node: cluster_id} for every edge end: union-find, the accumulator a forest
    (node -> parent) over the edge ends; merging two forests joins each node with its parent."""

    def create_accumulator(self):
        return {}

    def add_input(self, forest, edge):
        union(forest, *edge)
        return forest

    def merge_accumulators(self, forests):
        forests = iter(forests)
        merged = next(forests)
        for forest in forests:
            for node, parent in forest.items():
                union(merged, node, parent)
        return merged

    def extract_output(self, forest):
        return component_labels(forest)


def cluster_verdicts(labels: dict[str, str], ends: dict[str, tuple]):
    """{node: cluster_id}, {node: (canonical key, files)} -> (file, (article_id, (cluster_id,
    canonical_article_id))) per member of every cluster and per staged file of the member."""
    members: dict[str, list[str]] = {}
    for node, cluster_id in labels.items():
        members.setdefault(cluster_id, []).append(node)
    for cluster_id, nodes in sorted(members.items()):
        canonical = min(nodes, key=lambda n: ends[n][0])
        for node in sorted(nodes):
            for name in ends[node][1]:
                yield name, (node, (cluster_id, canonical))


class ClusterStaged(beam.PTransform):
    """{"facts", "bands"} (staged file paths) -> {"verdicts", "duplicates", "counts"}."""

    def expand(self, inputs):
        facts = inputs["facts"] | "AllFactFiles" >> beam.combiners.ToList()
        exact = facts | "ExactCopies" >> beam.ParDo(_ExactCopiesFn()).with_outputs(DUPLICATES, COUNTS, main="drops")
        found = (
            inputs["bands"]
            | "AllBandFiles" >> beam.combiners.ToList()
            | "OneTaskPerBand" >> beam.FlatMap(band_tasks, beam.pvalue.AsSingleton(facts))
            | "SpreadBands" >> beam.Reshuffle()
            | "BandEdges" >> beam.ParDo(_BandEdgesFn()).with_outputs(ENDS, main="edges")
        )
        clustered = (
            found.edges
            | "Components" >> beam.CombineGlobally(ComponentsFn())
            | "Verdicts" >> beam.FlatMap(cluster_verdicts, beam.pvalue.AsDict(found[ENDS]))
        )
        return {
            "verdicts": (clustered, exact.drops) | "AllVerdicts" >> beam.Flatten(),
            "duplicates": exact[DUPLICATES],
            "counts": exact[COUNTS],
        }
