"""A React page streamed from the server, put in order as its scripts would: parts sent late are
moved to the places they were sent for.

React's streaming server render (Next.js's App Router and others) sends a page before its slow
parts are ready. In each slow part's place it writes a Suspense boundary with a fallback
("<!--$?--><template id="B:0"></template><div>Loading paragraph...</div><!--/$-->"), or a bare
placeholder ("<template id="P:7"></template>"). The part itself comes later in the response, at the
end of the body, in a hidden div ("<div hidden id="S:0">...</div>"), followed by a script call that
moves it: `$RC("B:0","S:0")` (or `$RR`, the same with style sheets) swaps a boundary's fallback for
it, `$RS("S:7","P:7")` fills a placeholder. The calls run in document order, and a part may fill a
placeholder inside another part that has not moved yet.

Without scripts the article comes out in pieces: its first paragraphs in place, the rest in hidden
divs at the page's end, in the order the server finished them (wcxb 0046, a Motley Fool article, is
eleven such parts; trafilatura kept five, in the wrong order). `relocate_streamed` runs the calls on
the lxml tree. It needs the tree's comments (they close a boundary's fallback), so a page that has
such calls is parsed with them and loses them afterwards.
"""

import re

from lxml import etree

# A call that moves a streamed part: completeBoundary ($RC), the same with style sheets ($RR), and
# completeSegment ($RS), with their first two arguments (ids: React writes them as JSON strings).
CALL = re.compile(r'\$R([CRS])\("([^"\\]{1,64})","([^"\\]{1,64})"')
# The marker comments React writes around a Suspense boundary: "$" (done), "$?" (pending), "$!"
# (client-rendered) open one, "/$" closes it.
_OPENS = frozenset({"$", "$?", "$!"})
_CLOSES = "/$"
# Bounds on what one page can make this do (a hostile page of unclosed boundaries in one parent would
# otherwise cost calls x siblings): calls run, and nodes read for a boundary's fallback (a spinner or
# a skeleton: a few; more and the boundary counts as unclosed). Real pages: 1-100 calls.
MAX_CALLS = 2000
MAX_FALLBACK_NODES = 500


# What `has_streamed_parts` looks for: a call's name and its parenthesis.
_CALL_START = re.compile(r"\$R[CRS]\(")


def has_streamed_parts(text: str) -> bool:
    """Whether the page may have streamed parts to move ("$RC(", "$RS(" or "$RR(" in it): one
    literal-prefix regex pass, 0.21 ms on a 230 KB page where `"$R" in text` alone took 0.34 ms
    (a page with any non-ASCII character is 2 bytes a character, where str.find is slow)."""
    return _CALL_START.search(text) is not None


def relocate_streamed(tree, text: str) -> int:
    """Move the streamed parts of a tree parsed from `text` (comments kept) to their places, as the
    page's `$RC`/`$RR`/`$RS` calls would; returns how many parts moved. A call whose ids are not
    both in the tree is skipped, as the browser skips it."""
    calls = CALL.findall(text)[:MAX_CALLS]
    if not calls:
        return 0
    ids = {first for _, first, _ in calls} | {second for _, _, second in calls}
    by_id: dict = {}
    for el in tree.iter():
        if isinstance(el.tag, str) and el.get("id") in ids:
            by_id.setdefault(el.get("id"), el)  # the first of a repeated id, as getElementById gives
    moved = 0
    for kind, first, second in calls:
        part_id, place_id = (first, second) if kind == "S" else (second, first)  # $RS(part, place)
        part, place = by_id.get(part_id), by_id.get(place_id)
        if part is None or place is None or place is part or _holds(part, place):
            continue
        if kind != "S":
            _drop_fallback(place)
        _replace_with_children(place, part)
        del by_id[part_id], by_id[place_id]
        moved += 1
    return moved


def _holds(outer, inner) -> bool:
    return any(ancestor is outer for ancestor in inner.iterancestors())


def _drop_fallback(template) -> None:
    """Remove what a boundary shows until its part comes: the siblings after its template up to the
    comment that closes the boundary (nested boundaries counted). With no closing comment (within
    MAX_FALLBACK_NODES), nothing but the template goes."""
    fallback, depth = [], 0
    for count, sibling in enumerate(template.itersiblings()):
        if count == MAX_FALLBACK_NODES:
            return
        if sibling.tag is etree.Comment:
            marker = (sibling.text or "").strip()
            if marker == _CLOSES:
                if depth == 0:
                    break
                depth -= 1
            elif marker in _OPENS:
                depth += 1
        fallback.append(sibling)
    else:
        return
    for node in fallback:
        node.getparent().remove(node)
    template.tail = None


def _replace_with_children(place, part) -> None:
    """Put `part`'s content (its text and children) where `place` is; `place` goes, its tail stays;
    `part` leaves the tree."""
    part_parent = part.getparent()
    if part_parent is not None:
        _remove_keeping_tail(part)
    parent = place.getparent()
    if parent is None:
        return
    index = parent.index(place)
    _append_text(place.getprevious(), parent, part.text)
    children = list(part)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    last_tail = place.tail
    parent.remove(place)
    if children:
        children[-1].tail = (children[-1].tail or "") + (last_tail or "") or None
    else:
        _append_text(parent[index - 1] if index > 0 else None, parent, last_tail)


def _remove_keeping_tail(node) -> None:
    parent = node.getparent()
    _append_text(node.getprevious(), parent, node.tail)
    parent.remove(node)


def _append_text(previous, parent, text: str | None) -> None:
    """Add `text` after `previous` (into its tail), or at the start of `parent` when it has none."""
    if not text:
        return
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
