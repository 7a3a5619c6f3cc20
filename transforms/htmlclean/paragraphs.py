"""trafilatura's body tree to clean paragraphs: one per block or list item, boilerplate dropped.

In: the `<body>` element trafilatura returns (p / head / list / quote / table children) and a few
page facts (headline candidates). Out: `(text, is_heading)` pairs in reading order, minus
residual boilerplate (lengths in `textstats.word_count`'s words, so that a paragraph of Chinese or
Thai, without spaces, is not one short "word"): the headline repeated as first line, date, byline, label and kicker lines
before the first real paragraph, runs of truncated teasers, share / subscribe / newsletter
prompts, affiliate disclosures, photo credits, "Advertisement", related-story tails, author bios
at the end.
"""

import re

from trafilatura.xml import xmltotxt

from transforms.metadata.datetexts import find_printed
from transforms.textstats import (
    AD_LABELS,
    COMMENT_LABELS,
    READ_ALSO,
    SHARE_LABELS,
    affiliate_disclosure,
    alternation,
    donation_appeal,
    embedded_post,
    newsletter_promotion,
    photo_caption,
    prose_sentence,
    rights_notice,
    word_count,
)
from transforms.textstats import word_key as _norm

# A line of links between pipes with this many items or more, each this short, is a menu (a week's
# table header, "Week | Monday | ... | Sunday", has eight).
MENU_MIN_ITEMS, MENU_ITEM_MAX_WORDS = 9, 3
_MENU_BREAKER = re.compile(r"[\d%$]")
# A prompt or credit line is short: longer paragraphs are body text even when they say "subscribe".
PROMPT_MAX_WORDS = 30
# Loose text right after the page's h1 or before the body's first block is kept as body from this
# many words (a paragraph, not a widget's label).
LOOSE_MIN_WORDS = 12
# A related-stories heading drops the short lines after it (link titles, teasers); the first
# paragraph longer than this is prose again and ends the dropped block.
LINK_BLOCK_MAX_WORDS = 30
# Such a block is dropped when it runs to the end and holds at most this share of the words ...
LINK_BLOCK_MAX_SHARE = 0.3
# ... or when prose resumes after at most this many lines (a teaser box inside the article).
LINK_BLOCK_MAX_LINES = 4
# An author's section under the article: its label ("About the Author", "Written by", "About the
# Reviewer", "Medically reviewed by"), then a few short paragraphs (names, roles, a bio, links to
# their posts, a disclaimer). At 12 paragraphs and 400 words: wcxb HTML 7 pages up, none down,
# fundus unchanged; 8 and 250 left two of them (0496, 4058), 25 and 1,000 chose the same. Not used
# on dumps: there it cut the one section the truth keeps (wcxb 4688, text 0.976 -> 0.941), no other.
AUTHOR_LABEL_MAX_CHARS = 40
AUTHOR_SECTION_MAX_PARAGRAPHS = 12
AUTHOR_SECTION_MAX_WORDS = 400
# Author bios are looked for among the last few paragraphs only.
BIO_LAST_PARAGRAPHS = 3
BIO_MAX_WORDS = 90
# An affiliate disclosure is a short notice; a longer paragraph mentioning commissions is body text.
DISCLOSURE_MAX_WORDS = 60

# Before the first paragraph longer than this, a short line that is a printed date (a masthead's
# "Town, Sunday 12 May 2024", a "Published ..." stamp) is page furniture, not body.
OPENING_MAX_WORDS = 20
DATE_LINE_MAX_WORDS = 8
# ... and so is a bare label ("Posted:") or an all-caps kicker ("STATE NEWS") of this many words.
LABEL_MAX_WORDS = 3

# A run of this many short lines that each end in an ellipsis is a list of truncated teasers
# ("Every January, companies promise themselves..."), not the article.
TEASER_RUN = 3
TEASER_MAX_WORDS = 40

# trafilatura's rendering of h2-h4: the subheadings a later step may split a page on.
SUBHEADING_RENDS = ("h2", "h3", "h4")

# A byline alone on its line: "By Jane Roe", "Written by Jane Q. Roe and John Doe" (a capital after
# "by": "By the numbers" is a heading), no sentence's end in it.
BYLINE_LINE = re.compile(r"^(?i:by|written by|posted by|words by)\s+[A-Z]")
BYLINE_MAX_WORDS = 10
_SENTENCE_END_INSIDE = re.compile(r"[a-z]{2}[.!?](?:\s|$)")
_BULLET = re.compile(r"^\s*[-*•]\s+")
_ALNUM = re.compile(r"[^\W_]")

# Whole-line boilerplate (short lines only): calls to action, ad slots, photo credits.
_PROMPT = re.compile(
    r"^((?:advertisement\s*)+|advertising|sponsored( content)?|story continues below( advertisement)?|loading\W*"
    # ad labels, share buttons and "read also" pointers in other languages (`transforms.textstats`)
    rf"|{alternation(AD_LABELS | SHARE_LABELS)}|(?:{alternation(READ_ALSO)})\s*:.*"
    r"|continue reading|(read|see|show|load) more\W*|(read|see) (more|also|next)\s*:.*|share( this)?( article| post| story| page)?"
    # a pointer to another story and the post's tag list: "Related: <headline>", "Tags: A, B, C"
    r"|related( stories| articles| posts| reading)?\s*:.*|(tags?|tagged( with)?|filed under)\s*:.*"
    r"|share (on|via) \w+|(photo|image|picture|illustration|photograph)s?( credit)?\s*:.*|credits?\s*:.*"
    r"|(photo|image|picture)s? (by|from|via|courtesy( of)?)\b.*|(table of )?contents|in this article|jump to( section)?"
    r"|(sign up|subscribe|join|follow us|download (the|our)|click here|tap here|want to bookmark"
    r"|thanks for subscribing)\b.*|.*\bcommenting forum\b.*|(?:our |the )?newsletters?"
    r"|our (?:editorial )?standards\s*:.*)$",  # the newsroom's policy link under a story (Reuters)
    re.IGNORECASE,
)
# A heading (or short line) that opens a list of other stories, not more of this one.
_TAIL_HEADING = re.compile(
    r"^(related( \w+)?|more from\b.*|more (stories|news|articles)\b.*|read (more|next)( (from|on|about)\b.*)?|read this next"
    r"|recommended( for you| reading| stories| articles)?|you (may|might) (also )?like\b.*|(most )?popular( \w+)?|most read|trending( now| (on|in) .+| \w+)?"
    r"|(sponsored|promoted|partner) (content|stories|links|posts)( from\b.*)?|(from|around) the web"
    r"|other (posts|articles|stories)|(latest|recent) (news|stories|articles|posts)|also read|see also|keep reading|top stories"
    r"|(more )?must[- ]reads?( from\b.*)?|editor'?s'? (picks?|choice)|don'?t miss|most (viewed|shared|emailed|commented)"
    # a comment section's opener (the comments themselves are never article text), a few languages
    r"|(add|post|leave|write) (a )?(comment|reply)|comments?( \(\d+\))?|añadir (un )?comentario|deja (un|tu) comentario"
    r"|comentarios?( \(\d+\))?|laisser un commentaire|commentaires?( \(\d+\))?|kommentare?( schreiben)?"
    r"|lascia un commento|commenti|deixe (um|seu) comentário|comentários?"
    rf"|(?:{alternation(COMMENT_LABELS)})( \(\d+\))?|{alternation(READ_ALSO)})\W*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\"”»]$")
_COPYRIGHT_OPENING = re.compile(r"\W*copyright\s*(?:\(c\)|\d{4})", re.IGNORECASE)
_AUTHOR_SECTION = re.compile(
    r"\W*(?:(?:about|meet) the (?:authors?|writers?|reviewers?|experts?|contributors?)|author bio"
    r"|(?:written|(?:medically )?reviewed|fact[- ]checked|edited) by)\W*",
    re.IGNORECASE,
)
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)\s*$")
_BIO = re.compile(
    r"^([A-Z][\w.'’-]+ ){1,3}(is|was|has been|serves as) (a|an|the)\b.{0,120}?\b(writer|reporter|editor"
    r"|correspondent|journalist|contributor|columnist|author|producer|critic|director|intern|fellow)\b"
)


def body_paragraphs(body) -> list[tuple[str, bool]]:
    """(text, is_subheading) per top-level block of trafilatura's body; one line per list item.
    Loose text between the blocks is body text too: trafilatura leaves a <div>'s text run after its
    <h1> ("<h1>Headline</h1>First paragraph<br><br>Second ...") as the headline's tail, and text
    before the first block as the body's own. There, only prose counts (LOOSE_MIN_WORDS): on the dev
    sets the text right after an h1 was a widget's ("Save and categorize content ...", "View PDF")."""
    out: list[tuple[str, bool]] = []

    def add(text: str, heading: bool, least: int = 0) -> None:
        for line in text.split("\n"):
            line = " ".join(_BULLET.sub("", line).split())
            if line and (not least or word_count(line) >= least):
                out.append((line, heading))

    add(body.text or "", False, LOOSE_MIN_WORDS)
    for child in body:
        rend = child.get("rend") or ""
        if child.tag != "head":
            add(xmltotxt(child, False), False)  # the block and the text after it (a line of its own)
            continue
        if rend != "h1":  # a subheading; the page headline (h1) is metadata, not body
            tail, child.tail = child.tail, None
            try:
                add(xmltotxt(child, False), rend in SUBHEADING_RENDS)
            finally:
                child.tail = tail
        add(child.tail or "", False, LOOSE_MIN_WORDS if rend == "h1" else 0)  # the text after a heading is no heading
    return out


def _is_prompt(text: str) -> bool:
    words = word_count(text)
    if not _ALNUM.search(text):
        return True
    if words <= DISCLOSURE_MAX_WORDS and affiliate_disclosure(text):
        return True
    # a newsletter's promotion, not an article about newsletters ("The newsletter industry has never
    # been healthier"): the line asks the reader to do something, or is the site's own ("our newsletter")
    short = words <= PROMPT_MAX_WORDS
    return (
        (short and (bool(_PROMPT.match(text)) or newsletter_promotion(text) or _rights_notice(text)))
        or photo_caption(text)
        or donation_appeal(text)
        or embedded_post(text)
        or _menu_line(text)
    )


def _menu_line(text: str) -> bool:
    """A site's menu set as one line of links between pipes ("Home | Video | World | U.S. | ...",
    old CNN pages, in English and Arabic alike): MENU_MIN_ITEMS items or more of at most
    MENU_ITEM_MAX_WORDS words, no digit, "%" or "$" in the line. A table's row is rendered
    between pipes ("| a | b |"), and a header row of words alone has fewer columns."""
    if text.count(" | ") < MENU_MIN_ITEMS - 1 or text.startswith("|") or _MENU_BREAKER.search(text):
        return False
    return all(0 < len(item.split()) <= MENU_ITEM_MAX_WORDS for item in text.split(" | "))


def _rights_notice(text: str) -> bool:
    """The site's copyright line under the story ("Copyright © 2025 WABC-TV. All Rights Reserved.",
    "© Copyright Acme 2025."), as the dump stripper drops it (`text_strip.is_body_chrome`): a "©", an
    "all rights reserved" (in the languages of `textstats.RIGHTS_RESERVED` too), or a line opening with
    "Copyright" and a year or a symbol. A sentence about copyright ("Copyright law protects ...") stays."""
    low = text.lower()
    return "©" in text or "all rights reserved" in low or bool(_COPYRIGHT_OPENING.match(text)) or rights_notice(low)


def _is_date_line(text: str) -> bool:
    return word_count(text) <= DATE_LINE_MAX_WORDS and not _SENTENCE_END.search(text) and find_printed(text) is not None


def is_byline_line(text: str) -> bool:
    """A short line that is a byline and nothing else ("By Jane Roe"): the header's, not the body's."""
    return (
        word_count(text) <= BYLINE_MAX_WORDS and bool(BYLINE_LINE.match(text)) and not _SENTENCE_END_INSIDE.search(text)
    )


def _is_furniture(text: str, furniture: set[str], first: bool) -> bool:
    """A line of the page's header block: date stamp, byline, a bare label ("Posted:"), one of
    the page's own credit lines, or (as the very first line) an all-caps kicker ("STATE NEWS")."""
    short = word_count(text) <= LABEL_MAX_WORDS
    return (
        _is_date_line(text)
        or (_norm(text) in furniture and not _body_sentence(text))
        or (short and text.endswith(":"))
        or is_byline_line(text)
        or (first and short and text.isupper() and not _SENTENCE_END.search(text))
    )


def _body_sentence(text: str) -> bool:
    """A sentence of the body that the page's metadata took for a credit line for the date or the
    "published" in it ("The report was published late on Wednesday by the council."): prose, not a
    credit (`textstats.prose_sentence`), with a date or "publish" in it. A deck or a description,
    which the furniture holds too, has no date: it goes as before."""
    return prose_sentence(text) and ("publish" in text.lower() or find_printed(text) is not None)


def _drop_opening_furniture(paras: list[tuple[str, bool]], furniture: set[str]) -> list[tuple[str, bool]]:
    opening = next((k for k, (t, _) in enumerate(paras) if word_count(t) > OPENING_MAX_WORDS), len(paras))
    return [p for k, p in enumerate(paras) if k >= opening or not _is_furniture(p[0], furniture, k == 0)]


def _drop_link_blocks(paras: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Drop related-stories blocks: such a heading and the run of short lines after it, when the
    run ends the text (and is a minor part of it) or is only a few lines inside it."""
    words = [word_count(t) for t, _ in paras]
    total = sum(words) or 1
    drop: set[int] = set()
    i = 0
    while i < len(paras):
        if words[i] > 6 or not _TAIL_HEADING.match(paras[i][0]):
            i += 1
            continue
        j = i + 1
        while j < len(paras) and words[j] <= LINK_BLOCK_MAX_WORDS:
            j += 1
        at_end = j == len(paras) and sum(words[i:j]) <= LINK_BLOCK_MAX_SHARE * total
        if at_end or j - i <= LINK_BLOCK_MAX_LINES:
            drop.update(range(i, j))
        i = j
    return [p for k, p in enumerate(paras) if k not in drop]


def _drop_teaser_runs(paras: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    teaser = [bool(_ELLIPSIS_END.search(t)) and word_count(t) <= TEASER_MAX_WORDS for t, _ in paras]
    drop: set[int] = set()
    i = 0
    while i < len(paras):
        j = i
        while j < len(paras) and teaser[j]:
            j += 1
        if j - i >= TEASER_RUN:
            drop.update(range(i, j))
        i = max(j, i + 1)
    return [p for k, p in enumerate(paras) if k not in drop]


def filter_paragraphs(
    paras: list[tuple[str, bool]], headlines: list[str], furniture: list[str] = ()
) -> list[tuple[str, bool]]:
    """Drop residual boilerplate from extracted paragraphs; order of the rest is kept.
    `furniture`: the page's own metadata lines (byline / credit lines, deck), dropped where they
    open the text."""
    titles = {_norm(h) for h in headlines if h and _norm(h)}
    kept = list(paras)
    # the headline is metadata, not body: drop it when it opens the text
    while kept and kept[0] and _norm(kept[0][0]) in titles:
        kept.pop(0)
    kept = _drop_opening_furniture(kept, {_norm(f) for f in furniture if f and _norm(f)})
    # a related-stories heading in the tail ends the article
    kept = _drop_link_blocks(kept)
    kept = [(t, h) for t, h in _drop_teaser_runs(kept) if not _is_prompt(t)]
    # author bio lines at the end
    while len(kept) > 1:
        tail = kept[-BIO_LAST_PARAGRAPHS:]
        bio = next((j for j, (t, _) in enumerate(tail) if word_count(t) <= BIO_MAX_WORDS and _BIO.match(t)), None)
        if bio is None:
            break
        del kept[len(kept) - len(tail) + bio]
    # the author's section under the article ("About the Author" and what follows it)
    section = author_section_start([t for t, _ in kept])
    return kept if section is None else kept[:section]


def author_section_start(paragraphs: list[str]) -> int | None:
    """Where the text's closing author section starts (its label, see _AUTHOR_SECTION), or None: the
    label is not the first paragraph, and what follows it is short."""
    for i, text in enumerate(paragraphs):
        if i and len(text) <= AUTHOR_LABEL_MAX_CHARS and _AUTHOR_SECTION.fullmatch(text.strip()):
            rest = paragraphs[i + 1 :]
            if (
                len(rest) <= AUTHOR_SECTION_MAX_PARAGRAPHS
                and sum(word_count(t) for t in rest) <= AUTHOR_SECTION_MAX_WORDS
            ):
                return i
    return None
