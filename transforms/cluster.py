"""Duplicates and syndication clusters over the whole article set: the `ClusterArticles` stage.

In:  a PCollection of article dicts with at least article_id, text, published_at, publisher,
     wire_agency and content_hash.
Out: a pair (articles, duplicates): the same dicts with `cluster_id` and `canonical_article_id` set,
     and one {article_id, duplicate_of} record for every exact copy (of the articles that share a
     content hash only the canonical one keeps its row; the others are accounted in `duplicates`).

Steps (all keyed shuffles, no global state):
1. ExactDuplicates: GroupByKey on content_hash; the canonical member is kept.
2. Candidates: every kept article's MinHash band keys; GroupByKey on (band, digest); buckets emit id
   pairs (all pairs for a small bucket; in a big one each member is paired with its next CHAIN_LINKS
   members in a band-specific order, so a wire story carried by 10,000 sites costs O(n) pairs per
   band, not O(n^2), while 42 bands keep the component connected); Distinct.
3. Verify: signatures are joined to both ends of each pair (two CoGroupByKeys on article_id, so a
   signature is shuffled twice, not once per band) and pairs at estimated Jaccard >= MIN_JACCARD stay.
4. Components: hash-to-min (Rastogi et al., "Finding connected components in map-reduce in
   logarithmic rounds"): every node keeps a set C(v), sends C(v) to min C(v) and min C(v) to each
   member; COMPONENT_ROUNDS GroupByKey rounds. At the fixed point each node's min is the component's
   smallest article_id, which is the cluster_id. Sets are at most a component's size, so memory is
   bounded by the largest syndication cluster, not by the corpus: at 100M articles the shuffles
   scale with the number of near-duplicate edges, which is a small multiple of the article count.
   Nodes that still changed in the last round are counted (`cluster_components_not_converged`).
5. Canonical: GroupByKey on cluster_id; canonical = the wire agency's own version, else the earliest
   published, ties by article_id (`canonical_key`).
6. Apply: one CoGroupByKey of the whole rows with their decisions (cluster columns, or "copy of").
Steps 1-5 move only light records (ids, canonical-choice fields, signature: `light_record`); the
rows themselves, text and all, are shuffled once, in step 6. This is the streaming path, whose
windows are small; a batch run clusters staged facts instead, with the same rules and no
per-article record in flight (`transforms.cluster_staged`). The rules themselves, as plain functions:
`transforms.cluster_rules`.

Distinct stories on one topic share few 3-word shingles (Jaccard well under 0.1) and do not link.
Run the benchmark: `python -m bench.clusters --data ../shared/data/fundus-news-80`.
"""

import apache_beam as beam

from transforms.cluster_rules import (
    MIN_JACCARD,
    bucket_pairs,
    canonical_key,
    duplicate_record,
    hash_to_min_messages,
    light_record,
)
from transforms.dedup import band_keys, estimated_jaccard
from transforms.tags import counter

DUPLICATES = "duplicates"
# Hash-to-min rounds: converges in about 2*log2(diameter) rounds; 8 covers diameters far beyond
# what the all-pairs buckets and the chained big buckets produce.
COMPONENT_ROUNDS = 8


class _KeepCanonicalCopyFn(beam.DoFn):
    """(content_hash, copies) -> the canonical copy; the others to DUPLICATES."""

    def setup(self):
        self.copies = counter("cluster_exact_duplicates")

    def process(self, element):
        _, copies = element
        copies = sorted(copies, key=canonical_key)
        yield copies[0]
        for copy in copies[1:]:
            self.copies.inc()
            yield beam.pvalue.TaggedOutput(DUPLICATES, duplicate_record(copy, copies[0]))


def _keyed_by_id(article: dict) -> tuple[str, dict]:
    """(article_id, the record without its signature): joins past the pair step carry no signature."""
    if "signature" in article:
        article = {k: v for k, v in article.items() if k != "signature"}
    return article["article_id"], article


def _signature_of(light: dict):
    sig = light["signature"]
    return [] if sig is None else [(light["article_id"], sig)]


def _first_end(element):
    """(a, {sig: [...], pair: [b...]}) -> (b, (a, sig_a)) per pair."""
    node, grouped = element
    for sig in grouped["sig"]:
        for other in grouped["pair"]:
            yield other, (node, sig)


class _VerifyPairsFn(beam.DoFn):
    """(b, {sig: [sig_b], half: [(a, sig_a)...]}) -> verified edges (a, b) and (b, a)."""

    def setup(self):
        self.kept = counter("cluster_pairs_verified")
        self.rejected = counter("cluster_pairs_rejected")

    def process(self, element):
        node, grouped = element
        for sig in grouped["sig"]:
            for other, other_sig in grouped["half"]:
                if estimated_jaccard(sig, other_sig) >= MIN_JACCARD:
                    self.kept.inc()
                    yield node, other
                    yield other, node
                else:
                    self.rejected.inc()


def first_messages(node: str, others) -> list[tuple[str, tuple[frozenset, bool]]]:
    """A node's first hash-to-min messages: its set is itself and its neighbours."""
    return hash_to_min_messages(node, frozenset([node, *others]))


@beam.typehints.with_output_types(beam.typehints.Tuple[str, beam.typehints.Any])  # messages, then labels
class _HashToMinRoundFn(beam.DoFn):
    """One hash-to-min round past its GroupByKey: (node, messages) -> the union of the sets the node
    received, sent on as the next round's messages, or after the last round (node, cluster_id), the
    union's smallest id; counts the nodes that still changed in the last round. (Merging a round's
    sets and sending the next round's messages in one step: one DoFn per round, not two.)"""

    def __init__(self, last: bool):
        super().__init__()
        self.last = last

    def setup(self):
        self.unconverged = counter("cluster_components_not_converged")

    def process(self, element):
        node, messages = element
        merged, old = set(), None
        for members, own in messages:
            if own:
                old = members  # the node's set of the previous round: for the convergence count only
            else:
                merged |= members
        if not self.last:
            yield from hash_to_min_messages(node, frozenset(merged))
            return
        if old is not None and frozenset(merged) != old:
            self.unconverged.inc()
        yield node, min(merged)


def _with_cluster(element):
    article_id, grouped = element
    labels = list(grouped["label"])
    for light in grouped["light"]:
        yield (labels[0] if labels else article_id), light


def _set_canonical(element):
    """(cluster_id, light records) -> (article_id, (cluster_id, canonical_article_id)) per member."""
    cluster_id, members = element
    members = list(members)
    canonical = min(members, key=canonical_key)["article_id"]
    for light in members:
        yield light["article_id"], (cluster_id, canonical)


@beam.typehints.with_output_types(dict)  # the main output; copies leave by the DUPLICATES tag
class _ApplyDecisionFn(beam.DoFn):
    """(article_id, {article, cluster, duplicate}) -> the row with its cluster columns, or DUPLICATES."""

    def process(self, element):
        _, grouped = element
        duplicates = list(grouped["duplicate"])
        if duplicates:
            yield beam.pvalue.TaggedOutput(DUPLICATES, duplicates[0])
            return
        decisions = list(grouped["cluster"])
        for article in grouped["article"]:
            cluster_id, canonical = decisions[0] if decisions else (article["article_id"], article["article_id"])
            yield {**article, "cluster_id": cluster_id, "canonical_article_id": canonical}


class Components(beam.PTransform):
    """Verified edges, (node, other) in both directions -> (node, cluster_id) for every node of an
    edge: hash-to-min over COMPONENT_ROUNDS rounds (step 4 of the module doc)."""

    def expand(self, edges):
        messages = edges | "GroupNeighbours" >> beam.GroupByKey() | "FirstMessages" >> beam.FlatMapTuple(first_messages)
        for round_index in range(COMPONENT_ROUNDS):
            messages = (
                messages
                | f"GroupMessages{round_index}" >> beam.GroupByKey()
                | f"Round{round_index}" >> beam.ParDo(_HashToMinRoundFn(round_index == COMPONENT_ROUNDS - 1))
            )
        return messages  # after the last round: (node, cluster_id)


class ClusterArticles(beam.PTransform):
    """Articles -> articles with cluster_id and canonical_article_id, plus DUPLICATES (exact copies).

    The streaming path's clustering, on whole rows; a batch run clusters its staged facts instead
    (`transforms.cluster_staged.ClusterStaged`), with the same rules.
    """

    def expand(self, articles):
        lights = articles | "Light" >> beam.Map(light_record)
        exact = (
            lights
            | "KeyByContentHash" >> beam.Map(lambda a: (a.get("content_hash") or a["article_id"], a))
            | "GroupByContentHash" >> beam.GroupByKey()
            | "KeepCanonicalCopy" >> beam.ParDo(_KeepCanonicalCopyFn()).with_outputs(DUPLICATES, main="kept")
        )
        kept = exact.kept
        signatures = kept | "Sign" >> beam.FlatMap(_signature_of)
        pairs = (
            signatures
            | "BandKeys" >> beam.FlatMap(lambda kv: [(key, kv[0]) for key in band_keys(kv[1])])
            | "GroupByBand" >> beam.GroupByKey()
            | "BucketPairs" >> beam.FlatMap(lambda kv: bucket_pairs(kv[0], list(kv[1])))
            | "DistinctPairs" >> beam.Distinct()
        )
        halves = (
            {"sig": signatures, "pair": pairs}
            | "JoinFirstEnd" >> beam.CoGroupByKey()
            | "FirstEnd" >> beam.FlatMap(_first_end)
        )
        edges = (
            {"sig": signatures, "half": halves}
            | "JoinSecondEnd" >> beam.CoGroupByKey()
            | "VerifyPairs" >> beam.ParDo(_VerifyPairsFn())
        )
        labels = edges | "Components" >> Components()
        decisions = (
            {"light": kept | "KeyById" >> beam.Map(_keyed_by_id), "label": labels}
            | "JoinLabels" >> beam.CoGroupByKey()
            | "KeyByCluster" >> beam.FlatMap(_with_cluster)
            | "GroupByCluster" >> beam.GroupByKey()
            | "SetCanonical" >> beam.FlatMap(_set_canonical)
        )
        result = (
            {
                "article": articles | "KeyRowsById" >> beam.Map(_keyed_by_id),
                "cluster": decisions,
                "duplicate": exact[DUPLICATES] | "KeyCopiesById" >> beam.Map(lambda d: (d["article_id"], d)),
            }
            | "JoinDecisions" >> beam.CoGroupByKey()
            | "ApplyDecision" >> beam.ParDo(_ApplyDecisionFn()).with_outputs(DUPLICATES, main="articles")
        )
        return result.articles, result[DUPLICATES]
