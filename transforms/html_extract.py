"""Main text of an HTML page: trafilatura over a parsed tree, then a boilerplate post-filter.

In: a `Page` with fmt == "html". Out: an `Extraction` with one `Story` (body paragraphs, one per
block or list item, subheadings flagged in `heading_indexes`) and the page's `Signals`, or raises
`NoArticle` when the page has no article text (`TooLarge` for a page past the size guard).

Steps: lxml parse; `html_signals` on the untouched tree; trafilatura in balanced mode without
comments (precision mode loses too much on non-news pages; the post-filter takes over its job);
`transforms.htmlclean.paragraphs` drops the residual boilerplate (headline, prompts, credits,
related-story blocks, author bios).

  python -m bench.quality --data ../shared/data/fundus-news-80 --mode html
"""

import lxml.html
import trafilatura

from schemas import Extraction, Page, Story
from transforms.errors import NoArticle, TooLarge
from transforms.html_signals import html_signals
from transforms.htmlclean import rescue
from transforms.htmlclean.paragraphs import body_paragraphs, filter_paragraphs

# Pages past this many characters are not parsed: no article needs it, and trafilatura's time
# grows with the tree. (Deep nesting is capped by libxml2 itself at 256 levels.)
MAX_HTML_CHARS = 8_000_000
# trafilatura settings: no comments; balanced focus, tables kept (they are article content more
# often than not); metadata off: `transforms.metadata` reads the page itself, and trafilatura's
# metadata pass (htmldate above all) was most of its cost.
TRAFILATURA_KWARGS = {"include_comments": False, "include_tables": True, "with_metadata": False,
                      "output_format": "python"}
# A text with no sentence-long paragraph and few words in all is a menu or a link list.
MIN_LONGEST_PARAGRAPH_WORDS = 10
MIN_WORDS_WITHOUT_LONG_PARAGRAPH = 100
EXTRACTOR_FIELDS = ("title", "author", "date", "sitename", "categories", "url", "description")


def parse_html(text: str):
    return lxml.html.document_fromstring(text)


def _headlines(signals, doc) -> list[str]:
    """Texts that, as an opening paragraph, are the headline rather than body."""
    return [h for h in [*signals.headings, signals.title, getattr(doc, "title", None) if doc else None] if h]


def _extract(tree, page: Page, **kwargs):
    return trafilatura.bare_extraction(tree, url=page.url, **{**TRAFILATURA_KWARGS, **kwargs})


def _paragraphs(doc, anchors) -> list[tuple[str, bool]]:
    if doc is None or doc.body is None:
        return []
    return rescue.insert_subheadings(body_paragraphs(doc.body), anchors)


def extract_html(page: Page) -> Extraction:
    if len(page.text) > MAX_HTML_CHARS:
        raise TooLarge(f"{len(page.text)} characters of HTML")
    tree = parse_html(page.text)
    # read before trafilatura, which prunes the tree it is given
    signals = html_signals(tree)
    visible_text = " ".join(tree.body.text_content().split()) if tree.body is not None else ""
    anchors = rescue.subheading_anchors(tree)
    prose_words = rescue.prose_words(tree)
    doc = _extract(tree, page)
    headlines = _headlines(signals, doc)
    raw = _paragraphs(doc, anchors)
    paras = filter_paragraphs(raw, headlines)
    if rescue.looks_short(paras, prose_words, rescue.skipped_sections(raw, anchors)):
        # sections may be missing: recall mode on a fresh tree, metadata already known
        second = _extract(parse_html(page.text), page, favor_recall=True, with_metadata=False)
        second_paras = filter_paragraphs(_paragraphs(second, anchors), headlines)
        if rescue.better_by_length(paras, second_paras):
            paras = second_paras
    paras = rescue.jsonld_paragraphs(rescue.jsonld_body(signals.jsonld), paras) or paras
    if doc is not None:
        signals.extractor = {k: getattr(doc, k, None) for k in EXTRACTOR_FIELDS}
    words = [rescue.text_words(text) for text, _ in paras]
    if not paras or (max(words) < MIN_LONGEST_PARAGRAPH_WORDS and sum(words) < MIN_WORDS_WITHOUT_LONG_PARAGRAPH):
        raise NoArticle("no article text left after boilerplate filtering")
    story = Story([text for text, _ in paras], heading_indexes=[i for i, (_, h) in enumerate(paras) if h])
    return Extraction(page, [story], signals, input_chars=len(visible_text))
