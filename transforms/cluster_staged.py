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
3. Components: hash-to-min over the edges (`transforms.cluster.Components`): cluster_id = the
   component's smallest article_id.
4. Canonical: labels joined with the edge ends' facts, grouped by cluster; the canonical article
   is the first by `canonical_key`; one verdict per member and staged file.
"""

import apache_beam as beam

from transforms.bands import band_edges
from transforms.cluster import DUPLICATES, Components
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
    """(band, band files, fact files) -> edges (node, other) both ways; ENDS: (node, (key, files))."""

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
        for a, b in edges:
            yield a, b
            yield b, a
        for node, facts in ends.items():
            yield beam.pvalue.TaggedOutput(ENDS, (node, facts))


def band_tasks(band_paths: list[str], fact_paths: list[str]) -> list[tuple[int, list[str], list[str]]]:
    return [(band, sorted(band_paths), sorted(fact_paths)) for band in range(BANDS)] if band_paths else []


def node_in_cluster(element):
    """(node, {label: [cluster_id], end: [(key, files)...]}) -> (cluster_id, (node, key, files))."""
    node, grouped = element
    labels, ends = list(grouped["label"]), list(grouped["end"])
    if labels and ends:
        key, files = ends[0]
        yield labels[0], (node, key, files)


def cluster_verdicts(element):
    """(cluster_id, members) -> (file, (article_id, (cluster_id, canonical_article_id))) per member and file."""
    cluster_id, members = element
    members = list(members)
    canonical = min(members, key=lambda m: m[1])[0]
    for node, _, files in members:
        for name in files:
            yield name, (node, (cluster_id, canonical))


class ClusterStaged(beam.PTransform):
    """{"facts", "bands"} (staged file paths) -> {"verdicts", "duplicates", "counts"}."""

    def expand(self, inputs):
        # Without defaults: a run that staged no article has no list at all instead of an empty
        # one, and nothing to do with it (no copies, no band tasks), and the two lists cost no
        # stage each to make that empty default.
        facts = inputs["facts"] | "AllFactFiles" >> beam.combiners.ToList().without_defaults()
        exact = facts | "ExactCopies" >> beam.ParDo(_ExactCopiesFn()).with_outputs(DUPLICATES, COUNTS, main="drops")
        found = (
            inputs["bands"]
            | "AllBandFiles" >> beam.combiners.ToList().without_defaults()
            | "OneTaskPerBand" >> beam.FlatMap(band_tasks, beam.pvalue.AsSingleton(facts, default_value=[]))
            | "SpreadBands" >> beam.Reshuffle()
            | "BandEdges" >> beam.ParDo(_BandEdgesFn()).with_outputs(ENDS, main="edges")
        )
        labels = found.edges | "Components" >> Components()
        clustered = (
            {"label": labels, "end": found[ENDS]}
            | "JoinEnds" >> beam.CoGroupByKey()
            | "KeyByCluster" >> beam.FlatMap(node_in_cluster)
            | "GroupByCluster" >> beam.GroupByKey()
            | "Verdicts" >> beam.FlatMap(cluster_verdicts)
        )
        return {
            "verdicts": (clustered, exact.drops) | "AllVerdicts" >> beam.Flatten(),
            "duplicates": exact[DUPLICATES],
            "counts": exact[COUNTS],
        }
