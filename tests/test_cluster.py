"""ClusterArticles on the in-process runner, and its plain helpers."""

from datetime import UTC, datetime

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to

from transforms.cluster import ClusterArticles
from transforms.cluster_rules import ALL_PAIRS_MAX, bucket_pairs, canonical_key, is_wire_original
from transforms.dedup import content_hash

STORY = (
    "Fishermen in the northern port of Halvik brought in a record catch of herring this week, the harbour "
    "office said on Friday, as cold currents pushed large shoals closer to the coast than in previous years. "
    "Prices at the morning auction fell by almost a third as buyers struggled to keep up with the landings.\n\n"
    "Local processing plants added extra night shifts and hired students on short contracts to handle the "
    "volume. The regional fisheries board said the stock remained healthy and that quotas would not be "
    "raised, despite calls from some skippers who want to take advantage of the unusual season."
)
SAME_TOPIC = (
    "A dispute over herring quotas in the Halvik region deepened on Thursday when two fishing associations "
    "walked out of talks with the regional fisheries board. The associations argue that the board relies "
    "on outdated surveys and underestimates how many fish are in coastal waters this year.\n\nThe board "
    "said its scientists would publish new figures in the autumn and that it would not change the rules "
    "before then. Several skippers said they would keep their boats in port for a day in protest."
)
UNRELATED = (
    "The national library reopened its main reading room after a two-year renovation that replaced the "
    "roof, restored the painted ceiling and added a climate system to protect old manuscripts. Visitors "
    "queued from early morning, and staff handed out free guides to the new exhibition on early printing."
)


def _article(article_id, text, day, publisher="Daily Paper", wire=None):
    return {
        "article_id": article_id,
        "text": text,
        "published_at": datetime(2024, 3, day, 12, tzinfo=UTC),
        "publisher": publisher,
        "wire_agency": wire,
        "content_hash": content_hash(text),
    }


def _variant(text):
    words = text.replace("record catch", "very large catch").replace("Friday", "Thursday").split()
    return "HALVIK (AP) — " + " ".join(words[: int(len(words) * 0.75)]) + "\n\nSign up for our newsletter."


def _articles():
    return [
        _article("a3", STORY, 5, publisher="Associated Press", wire="AP"),
        _article("a1", _variant(STORY), 4, publisher="Coast Herald", wire="AP"),
        _article("a7", "HALVIK (AP) -- " + STORY.upper(), 3, publisher="Valley News", wire="AP"),  # exact copy
        _article("a2", SAME_TOPIC, 2),
        _article("a9", UNRELATED, 1),
    ]


def test_clusters_syndicated_copies_and_keeps_topics_apart():
    options = PipelineOptions(["--runner=FnApiRunner"])
    with BeamTestPipeline(options=options) as p:
        articles, duplicates = p | beam.Create(_articles()) | ClusterArticles()
        summary = articles | beam.Map(lambda a: (a["article_id"], a["cluster_id"], a["canonical_article_id"]))
        assert_that(
            summary,
            equal_to(
                [
                    ("a3", "a1", "a3"),  # the wire's own version is canonical; the smallest id names the cluster
                    ("a1", "a1", "a3"),
                    ("a2", "a2", "a2"),  # same topic, distinct story
                    ("a9", "a9", "a9"),
                ]
            ),
            label="CheckArticles",
        )
        assert_that(
            duplicates | beam.Map(lambda d: (d["article_id"], d["duplicate_of"])),
            equal_to([("a7", "a3")]),
            label="CheckDuplicates",
        )


def test_rows_pass_through_unchanged_besides_the_cluster_columns():
    options = PipelineOptions(["--runner=FnApiRunner"])
    with BeamTestPipeline(options=options) as p:
        articles, _ = p | beam.Create(_articles()[3:]) | ClusterArticles()
        texts = articles | beam.Map(lambda a: (a["article_id"], a["text"], sorted(a)))
        keys = sorted([*_articles()[0], "cluster_id", "canonical_article_id"])
        assert_that(texts, equal_to([("a2", SAME_TOPIC, keys), ("a9", UNRELATED, keys)]))


def test_canonical_key_prefers_wire_original_then_earliest():
    wire = _article("b", STORY, 9, publisher="Associated Press", wire="AP")
    early = _article("c", STORY, 1)
    undated = {**_article("a", STORY, 1), "published_at": None}
    assert sorted([undated, early, wire], key=canonical_key) == [wire, early, undated]
    assert is_wire_original({"publisher": "Reuters", "wire_agency": "Reuters"})
    assert is_wire_original({"publisher": "Agence France-Presse", "wire_agency": "AFP"})
    assert not is_wire_original({"publisher": "Coast Herald", "wire_agency": "AP"})
    assert not is_wire_original({"publisher": None, "wire_agency": "AP"})
    # the agency's own site: the agency is the publisher, with no wire credit apart from it
    assert is_wire_original({"publisher": "Associated Press", "wire_agency": None})
    assert not is_wire_original({"publisher": "Coast Herald", "wire_agency": None})


def test_bucket_pairs_all_pairs_small_and_linear_big():
    assert bucket_pairs((0, "x"), ["c", "a", "b"]) == [("a", "b"), ("a", "c"), ("b", "c")]
    members = [f"id{i:04d}" for i in range(1000)]
    pairs = bucket_pairs((3, "y"), members)
    assert len(pairs) <= 2 * len(members)
    assert all(a < b for a, b in pairs)
    assert bucket_pairs((3, "y"), list(reversed(members))) == pairs
    assert len(bucket_pairs((0, "z"), members[:ALL_PAIRS_MAX])) == ALL_PAIRS_MAX * (ALL_PAIRS_MAX - 1) // 2


def test_chain_of_variants_forms_one_cluster_and_big_buckets_stay_connected():
    """Forty light variants of one story: one cluster named by the smallest id, one canonical."""
    rows = []
    for i in range(40):
        words = STORY.split()
        words[i % len(words)] = "changed"
        words[(i * 7) % len(words)] = "edited"
        rows.append(_article(f"v{i:02d}", " ".join(words), 1 + i % 20))
    options = PipelineOptions(["--runner=FnApiRunner"])
    with BeamTestPipeline(options=options) as p:
        articles, _ = p | beam.Create(rows) | ClusterArticles()
        clusters = articles | beam.Map(lambda a: (a["cluster_id"], a["canonical_article_id"])) | beam.Distinct()
        assert_that(clusters, equal_to([("v00", "v00")]))


def _staged(tmp_path, articles) -> tuple[list[str], list[str]]:
    """The articles' facts and band keys staged as two bundles would (one staged file each: "<id>.parquet")."""
    from transforms.bands import BandFile
    from transforms.dedup import signature
    from transforms.facts import FactFile, fact_row

    fact_paths, band_paths = [], []
    for part, bundle in enumerate((articles[::2], articles[1::2])):
        facts = FactFile(str(tmp_path / f"facts-{part}.parquet"))
        bands = BandFile(str(tmp_path / f"bands-{part}.parquet"))
        for a in bundle:
            sig = signature(a["text"])
            facts.add(
                fact_row(
                    {"source_uri": f"u:{a['article_id']}", "story_index": 0, **a},
                    [f"/staging/pre/{a['article_id']}.parquet"],
                    3,
                    sig,
                )
            )
            if sig is not None:
                bands.add(a["article_id"], sig)
        facts.close(), bands.close()
        fact_paths.append(facts.path), band_paths.append(bands.path)
    return fact_paths, band_paths


def test_staged_clustering_gives_the_streaming_paths_clusters(tmp_path):
    from transforms.cluster_staged import ClusterStaged

    fact_paths, band_paths = _staged(tmp_path, _articles())
    with BeamTestPipeline(options=PipelineOptions(["--runner=FnApiRunner"])) as p:
        out = {
            "facts": p | "Facts" >> beam.Create(fact_paths),
            "bands": p | "Bands" >> beam.Create(band_paths),
        } | ClusterStaged()
        assert_that(
            out["verdicts"],
            equal_to(
                [  # a2 and a9 stand alone: no verdict, their rows stay as staged
                    ("a3.parquet", ("a3", ("a1", "a3"))),
                    ("a1.parquet", ("a1", ("a1", "a3"))),
                    ("a7.parquet", ("a7", None)),  # the exact copy: its rows are left out
                ]
            ),
            label="Verdicts",
        )
        assert_that(
            out["duplicates"] | beam.Map(lambda d: (d["article_id"], d["duplicate_of"], d["source_uri"])),
            equal_to([("a7", "a3", "u:a7")]),
            label="Duplicates",
        )
        assert_that(
            out["counts"], equal_to([("articles", -1), ("segments", -3), ("pages_with_articles", -1)]), label="Counts"
        )


def test_band_edges_verify_pairs_and_leave_copies_out(tmp_path):
    from transforms.bands import band_edges
    from transforms.dedup import BANDS
    from transforms.facts import exact_copies

    fact_paths, band_paths = _staged(tmp_path, _articles())
    edges, ends = set(), {}
    for band in range(BANDS):
        found, band_ends, tried = band_edges(band, band_paths, fact_paths)
        assert len(found) <= tried
        edges.update(found), ends.update(band_ends)
    assert edges == {("a1", "a3")}  # a7 (a3's exact copy) never pairs; a2 shares a topic, not a text
    assert ends["a3"][0] < ends["a1"][0] and ends["a1"][1] == ["a1.parquet"]  # canonical key, staged files
    assert [(c["article_id"], k["article_id"]) for c, k in exact_copies(fact_paths)] == [("a7", "a3")]
    assert exact_copies(fact_paths[1:]) == []  # a1 and a2: no copies
