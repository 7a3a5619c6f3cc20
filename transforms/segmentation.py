"""Segment stage: article rows in, paragraph and sentence segment rows out.

Each segment row carries its article's partition values, so segments land beside their article.
The paragraph and sentence spans come with the article row (`segment_spans`, made in the
extractor's child under its time limit); an article row without them is segmented here.
"""

import apache_beam as beam

from schemas import ARTICLES, SCHEMA_VERSION, SEGMENTS, TableRow, partition_values
from transforms.segment import segment_article
from transforms.tags import counter


def segment_rows(article: dict) -> list[TableRow]:
    partition = partition_values(ARTICLES, article)
    article_id = article["article_id"]
    # the spans the row builder made in the extractor's child (`transforms.articles`), if it did
    segments = segment_article(article["text"], article.get("segment_spans"))
    for seg in segments:  # dicts made for this call: the two columns join them in place, not in a copy
        seg["article_id"] = article_id
        seg["schema_version"] = SCHEMA_VERSION
    return [TableRow(SEGMENTS, partition, seg) for seg in segments]


class SegmentArticleFn(beam.DoFn):
    def __init__(self):
        self._segments = counter("segments")

    def process(self, article: dict):
        rows = segment_rows(article)
        self._segments.inc(len(rows))
        yield from rows


class SegmentArticles(beam.PTransform):
    """article rows -> segment TableRows."""

    def expand(self, articles):
        return articles | "SegmentArticle" >> beam.ParDo(SegmentArticleFn())
