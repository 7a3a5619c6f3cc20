"""Multi-story pages: one Story per distinct story, headline-only navigation dropped.

In:  the stories of one extraction (`schemas.Story`: paragraphs, title, heading_indexes: the
     paragraphs flagged as headings, by the HTML extractor from h2-h6, by the text stripper from
     short lines without a sentence's end).
Out: `split_stories(stories)` -> stories. A page that carries several distinct stories (news briefs,
     an "in brief" roundup, a live page with dated entries, each with its own headline and body)
     becomes one Story per section, titled by its headline; a single story with subheadings stays one.
     Headings with no body under them (a list of headlines: navigation) are dropped.

How a page is judged to hold several stories, from its sections (heading + body up to the next one):
- signs of separate stories: a section's body opens with its own dateline ("OSLO (AP) —"), byline
  ("By Ann Lee") or timestamp line ("10:42 a.m. ET", "March 3, 2024"), or one stands right before its
  heading; at least MIN_SIGNED_SECTIONS sections and half of them carry one; or
- a live page: LIVE_MIN_UPDATES sections (and half of them) stamped with a clock time ("13:20"),
  however short their updates (in HTML the time is often a <time> element the extractor drops: the
  extractor flags the headings printed under one, `Story.stamped_indexes`); or
- briefs: on a page whose headline names a roundup (ROUNDUP: "News in brief", "Morning digest"), at
  least MIN_BRIEFS sections, every body short (<= BRIEF_MAX_CHARS), headlines that read like
  headlines (>= HEADLINE_MIN_WORDS words) and no long lede before the first heading.
Where nothing is flagged, short title-like lines followed by a longer body are taken as headings,
only for this decision, and such a page is split only on signs (the briefs rule needs flagged
headings: an unflagged guess is too weak to cut a page on length alone).

    python -c "from transforms.stories import *; from schemas import Story; print(split_stories([Story(['A'])]))"
"""

import re
from dataclasses import replace

from schemas import Story

# Signed sections needed to split: 2 dated/bylined sections are already two reports.
MIN_SIGNED_SECTIONS = 2
# A signed section counts only with a real body: dated teaser lists ("related stories") have one line.
SIGNED_BODY_MIN_CHARS = 250
# Unsigned briefs: 3+ short sections with headline-like heads are a roundup, fewer may be subheads.
MIN_BRIEFS = 3
# A brief's body is a few paragraphs; a feature's subsection often runs longer.
BRIEF_MAX_CHARS = 1200
# Headlines have 4+ words; subheadings are often 1-3 ("Background", "What happens next").
HEADLINE_MIN_WORDS = 4
# A lede this long before the first heading means one story with subheadings, not briefs.
LEDE_MAX_CHARS = 400
# A live page's updates: this many sections stamped with a clock time (and half of them at least)
# split the page even when each update is a line or two (a dated teaser list has dates, not times).
LIVE_MIN_UPDATES = 4
CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*(?i:[ap]\.?m\.?))?(?:\s*[A-Z]{2,4})?")  # "13:20", "1:20 p.m. ET"
# Unsigned briefs are split only on a page whose headline names a roundup: short sections under
# headline-like heads are far more often a listicle's or a guide's ("1. Set realistic goals", "Tip #2:
# ...", "What is a normal amount of sleep?"): on the dev sets 16 HTML pages and 8 dumps, none of
# them a roundup, were cut into 4 to 24 stories by the length rule alone.
ROUNDUP = re.compile(
    r"(?i)\b(?:briefs?|in brief|round-?up|digest|news summary|headlines|recap|blotter|notebook"
    r"|what (?:you )?need to know|(?:morning|evening|daily) (?:report|briefing|update)"
    r"|live(?: updates?| blog|:)|as it happened|latest updates|minute[- ]by[- ]minute)(?!\w)"
)
# The preamble of a split page is kept as a story only when it has this much text (else an intro line).
PREAMBLE_MIN_CHARS = 200
# A text-dump line counts as a heading when it is this short and ends without sentence punctuation.
TEXT_HEADING_MAX_CHARS = 120
TEXT_HEADING_MAX_WORDS = 16

_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]+(?:[ ,][A-Z][A-Za-z.'’-]*)*,?\s*(?:" + _MONTHS + r"\s+\d{1,2}\s*)?"
    r"(?:\([^)]{1,40}\))?\s*(?:--|[—–-])\s+\S"
)
BYLINE = re.compile(r"^(?:by|von|par|por|di)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\b", re.I)
TIMESTAMP = re.compile(
    r"^(?:(?:updated|posted|published)[: ]\s*)?(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?|"
    + _MONTHS
    + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+"
    + _MONTHS
    + r"\s+\d{4}|\d{4}-\d{2}-\d{2})\b",
    re.I,
)
_SIGN_LINE_MAX_CHARS = 80  # a standalone byline/timestamp line is short


def split_stories(stories: list[Story], page_title: str | None = None, live: bool = False) -> list[Story]:
    """Each story split into its distinct stories when it is a multi-story page; navigation dropped.
    `page_title`: the page's headline, for a story that carries none (see ROUNDUP); `live`: the page
    says it is a live blog (a JSON-LD LiveBlogPosting), which allows the briefs rule as a roundup does."""
    return [part for story in stories for part in _split(story, story.title or page_title, live)]


def _split(story: Story, title: str | None = None, roundup: bool = False) -> list[Story]:
    """`roundup`: the page is known to be a roundup or a live page (the briefs rule applies)."""
    if story.lead_heading:  # a roundup's dump: its first brief's headline went to the page's header
        led = Story(
            [story.lead_heading, *story.paragraphs],
            story.title,
            [0, *(i + 1 for i in story.heading_indexes)],
            [i + 1 for i in story.stamped_indexes],
        )
        parts = _split(led, title, roundup=True)
        if len(parts) > 1:
            return parts
    flagged = sorted(i for i in set(story.heading_indexes) if 0 <= i < len(story.paragraphs))
    headings = flagged or _text_headings(story.paragraphs)
    preamble, sections = _sections(story.paragraphs, headings)
    with_body = [s for s in sections if s[1]]
    briefs_allowed = bool(flagged) and (roundup or ROUNDUP.search(title or "") is not None)
    stamped = frozenset(story.stamped_indexes)
    if _is_multi_story(story.paragraphs, preamble, with_body, briefs_allowed=briefs_allowed, stamped=stamped):
        parts = []
        if len("".join(preamble)) >= PREAMBLE_MIN_CHARS:
            parts.append(Story(preamble, story.title))
        for head, body in with_body:
            title, body = _headline_under_clock(story.paragraphs[head], body)
            parts.append(Story([p for p in body if not _is_sign_line(p)] or body, title))
        return parts
    if not flagged:
        return [story]
    return [_without_navigation(story, flagged)]


def _headline_under_clock(heading: str, body: list[str]) -> tuple[str, list[str]]:
    """A live update's headline where the section's heading is its clock time alone ("9:06PM" over
    "How is Kylie feeling?": a question's mark kept the dump stripper from flagging the headline, so
    the clock stood as the story's title and its headline as the body's first paragraph)."""
    first = body[0].strip() if body else ""
    if (
        CLOCK.fullmatch(heading.strip())
        and len(body) > 1
        and first
        and len(first) <= TEXT_HEADING_MAX_CHARS
        and len(first.split()) <= TEXT_HEADING_MAX_WORDS
        and not _is_sign_line(first)
    ):
        return first, body[1:]
    return heading, body


def _sections(paragraphs: list[str], headings: list[int]) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Paragraphs before the first heading, and (heading index, body paragraphs) per heading."""
    if not headings:
        return list(paragraphs), []
    bounds = [*headings, len(paragraphs)]
    sections = [(h, paragraphs[h + 1 : bounds[k + 1]]) for k, h in enumerate(headings)]
    return paragraphs[: headings[0]], sections


def _is_multi_story(
    paragraphs: list[str],
    preamble: list[str],
    sections: list[tuple[int, list[str]]],
    briefs_allowed: bool,
    stamped: frozenset[int] = frozenset(),
) -> bool:
    if len(sections) < MIN_SIGNED_SECTIONS:
        return False
    signed = sum(
        1
        for head, body in sections
        if _has_sign(paragraphs, head, body) and len("\n".join(body)) >= SIGNED_BODY_MIN_CHARS
    )
    if signed >= MIN_SIGNED_SECTIONS and signed * 2 >= len(sections):
        return True
    # a live page: updates stamped with a clock time, however short ("13:20" over each headline)
    clocked = sum(1 for head, body in sections if head in stamped or _clock_stamped(paragraphs, head, body))
    if clocked >= LIVE_MIN_UPDATES and clocked * 2 >= len(sections):
        return True
    return (
        briefs_allowed
        and len(sections) >= MIN_BRIEFS
        and len("\n".join(preamble)) <= LEDE_MAX_CHARS
        and all(len("\n".join(body)) <= BRIEF_MAX_CHARS for _, body in sections)
        and all(len(paragraphs[head].split()) >= HEADLINE_MIN_WORDS for head, _ in sections)
    )


def _clock_stamped(paragraphs: list[str], head: int, body: list[str]) -> bool:
    """The section's headline stands under a clock time, or its body opens with one."""
    before = paragraphs[head - 1].strip() if head > 0 else ""
    return bool(CLOCK.fullmatch(before) or CLOCK.fullmatch(body[0].strip()))


def _has_sign(paragraphs: list[str], head: int, body: list[str]) -> bool:
    first = body[0].strip()
    before = paragraphs[head - 1].strip() if head > 0 else ""
    return bool(
        DATELINE.match(first)
        or _is_sign_line(first)
        or _is_sign_line(before)
        or (BYLINE.match(first) and len(first) <= _SIGN_LINE_MAX_CHARS)
    )


def _is_sign_line(text: str) -> bool:
    """A standalone byline or timestamp line (not a sentence that merely starts with a date)."""
    text = text.strip()
    return len(text) <= _SIGN_LINE_MAX_CHARS and bool(TIMESTAMP.match(text) or BYLINE.fullmatch(text))


def _text_headings(paragraphs: list[str]) -> list[int]:
    """Indexes of title-like lines followed by a longer body line (text dumps flag no headings)."""
    found = []
    for i, text in enumerate(paragraphs[:-1]):
        text = text.strip()
        words = text.split()
        if (
            2 <= len(words) <= TEXT_HEADING_MAX_WORDS
            and len(text) <= TEXT_HEADING_MAX_CHARS
            and text[0].isupper()
            and text[-1] not in '.!,;:"”’)'
            and not _is_sign_line(text)
            and len(paragraphs[i + 1]) > max(2 * len(text), 80)
        ):
            found.append(i)
    return found


def _without_navigation(story: Story, headings: list[int]) -> Story:
    """Drops headings with no body under them (the next paragraph is a heading too, or none)."""
    heading_set = set(headings)
    empty = {h for h in headings if h + 1 >= len(story.paragraphs) or h + 1 in heading_set}
    return without_paragraphs(replace(story, heading_indexes=headings), empty) if empty else story


def without_paragraphs(story: Story, dropped: set[int]) -> Story:
    """The story less the paragraphs at `dropped`; its heading and stamp indexes follow the
    paragraphs they point at (those of dropped paragraphs go)."""
    kept = [i for i in range(len(story.paragraphs)) if i not in dropped]
    new_index = {old: new for new, old in enumerate(kept)}
    return replace(
        story,
        paragraphs=[story.paragraphs[i] for i in kept],
        heading_indexes=[new_index[i] for i in story.heading_indexes if i in new_index],
        stamped_indexes=[new_index[i] for i in story.stamped_indexes if i in new_index],
    )
