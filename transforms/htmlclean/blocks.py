"""An article split over several blocks of one kind, read whole.

Modern CMSes write an article as a run of same-class blocks (Storyblok's and Webflow's rich-text
blocks, news sites' "article-body-text" components, one block between each pair of images or
ads). trafilatura reads the first element its body rules match, so it keeps the first block
only. When an extraction looks short against the page's prose, `sibling_blocks` finds the
blocks of the element the extraction came from; the caller extracts them together.

Not a page builder's grid: the blocks must sit inside one element below <body> and hold at least
half of its text (a page's widgets and cards share a class across the whole page and leave much
of their common ancestor's text to other elements).

When the extraction missed the article altogether (trafilatura's class rules match words inside
longer names: its "bar" for a menu also matches a rich-text block's "bard"), `blocks_around` starts
from the page's densest prose instead (`rescue.densest_prose`).
"""

import copy

from lxml import etree

from transforms.html_parser import document_fromstring
from transforms.textstats import squeezed

# How much of an extracted paragraph identifies its element in the tree.
PROBE_CHARS = 40
# Share of the blocks' common ancestor's text that the blocks must hold.
MIN_BLOCKS_SHARE = 0.5


def _source_element(body, paragraphs: list[str]):
    """The element whose own text starts the extraction's longest paragraph, or None."""
    probe = squeezed(max(paragraphs, key=len))[:PROBE_CHARS]
    if not probe:
        return None
    return next((el for el in body.iter(etree.Element) if probe in squeezed(el.text)), None)


def _common_ancestor(elements):
    paths = [list(reversed(list(el.iterancestors()))) for el in elements]
    common = None
    for level in zip(*paths):
        if any(node is not level[0] for node in level):
            break
        common = level[0]
    return common


def _text_chars(el) -> int:
    return len(squeezed(el.text_content()))


def sibling_blocks(tree, paragraphs: list[str]) -> list | None:
    """The same-class blocks (in page order) that hold the extraction's source element, when
    there are several and they make up most of one element below <body>; else None."""
    body = tree.body
    hit = _source_element(body, paragraphs) if body is not None and paragraphs else None
    return None if hit is None else blocks_around(body, hit)


def blocks_around(body, hit) -> list | None:
    """The same-class blocks (in page order) of `hit` or of its nearest classed ancestor that has
    such siblings, when they make up most of one element below <body>; else None."""
    for el in (hit, *hit.iterancestors()):
        if el.tag in ("body", "html"):
            return None
        mark = el.get("class")
        if not mark:
            continue
        same = [other for other in body.iter(el.tag) if other.get("class") == mark]
        if len(same) < 2:
            continue
        found = set(same)
        blocks = [block for block in same if not any(up in found for up in block.iterancestors())]
        common = _common_ancestor(blocks) if el in blocks and len(blocks) >= 2 else None
        if common is None or common.tag in ("body", "html"):
            return None
        if sum(_text_chars(block) for block in blocks) < MIN_BLOCKS_SHARE * _text_chars(common):
            return None
        return blocks
    return None


def joined_document(blocks: list):
    """A document whose one <article> holds copies of `blocks`, their own class left out (so that
    an extractor's class rules do not pick the first block again)."""
    doc = document_fromstring("<html><body><article></article></body></html>")
    article = doc.body[0]
    for block in blocks:
        piece = copy.deepcopy(block)
        piece.tail = None
        piece.attrib.pop("class", None)
        article.append(piece)
    return doc
