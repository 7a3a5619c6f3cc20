"""Boilerplate stripping for plain-text page dumps (one visible text block per line).

In: a `Page` with fmt == "text". Out: an `Extraction` whose single story holds the article's body
lines (one line = one paragraph; short unpunctuated ones are marked as subheadings), and whose
`Signals` carry the headline, deck, byline/credit/date lines and breadcrumbs found above the body
(so they become metadata, not body). Raises `NoArticle` when no body is found.

Method: the shipped line classifier (`transforms.textmodel`: a bag-of-words line model stacked
under gradient-boosted trees over each line, its neighbours and the Kadane "main run" of prose
lines) keeps the lines it scores as body; without a model file, and on a dump mostly in scripts
written without spaces (Chinese, Japanese, Thai, Burmese: SPACELESS_PAGE_SHARE), the rule-based
fallback keeps the prose lines of the best-scoring contiguous run (Kadane over per-line prose scores).

  .venv/bin/python -m bench.quality --data ../shared/data/fundus-news-80 --mode text
"""

import re

import numpy as np

from schemas import Extraction, Page, Signals, Story
from transforms.errors import NoArticle
from transforms.htmlclean.paragraphs import is_byline_line
from transforms.metadata.urls import printed_replay_url
from transforms.stories import ROUNDUP
from transforms.textmodel.features import CHROME_PENALTY, best_run
from transforms.textmodel.lines import (
    BYLINE,
    DATEISH,
    PROMO,
    ends_sentence,
    has_caption,
    has_promo,
    is_chrome,
    is_footer,
    is_prose,
    normalize_lines,
    visual_len,
)
from transforms.textmodel.model import LineModel, default_model
from transforms.textstats import (
    COMMENT_LABELS,
    DECK_MAX_WORDS,
    alternation,
    donation_appeal,
    embedded_post,
    furniture_label,
    newsletter_promotion,
    photo_caption,
    rights_notice,
    spaceless_share,
    under_caption_toggle,
    word_count,
)

# A photo's credit on a line of its own ("Credit: Reuters/Jane Roe", "Photograph: Jane Roe/AP"), and the
# longest line over it that is taken for its caption (a heading-length line: longer lines are prose).
_CREDIT_LINE = re.compile(
    r"(?i)^(?:photo(?:graph)?s?|image|picture)?\s*credits?\s*:\s*\S.{0,78}$|^(?i:photograph):\s*\S.{0,78}$"
)
CAPTION_MAX_CHARS = 160
# A dump this much in scripts written without spaces (`textstats.spaceless_share`) is read by the rules,
# not the line model: the model learned from English pages, and its words and a line's shape (words
# split at spaces, title case, a sentence's end with a space after it) do not carry to such text. On
# newspaper4k's test pages (outside the dev sets) the rules take Chinese, Japanese, Thai and Burmese
# bodies the model cut short (F1 on the seven pages: see the commit); no dev-set page is near it.
SPACELESS_PAGE_SHARE = 0.5
# Cards under a stories list's heading inside the body: more lines than this are no card list.
LISTED_STORIES_MAX_LINES = 16
# A heading over a list of other stories ("Most Popular", "Related stories", "You may also like"):
# the cards under it (section, headline, author) are no article text, wherever the page sets them.
_STORIES_HEADING = re.compile(
    r"(?i)^(?:most (?:popular|read|viewed|shared)|related(?: (?:articles?|stories|content|posts?|coverage|news))?"
    r"|recommended(?: for you| reading| stories)?|you (?:may|might) (?:also )?like|more from \S.{0,40}|trending(?: now)?"
    r"|top stories|editor'?s'? picks?)\W*$"
)
# Fewer body characters than this (visual, CJK count double) and the page has no article.
MIN_BODY_CHARS = 200
# A line the line model scores this sure is body even when short and unpunctuated (a list's entry:
# "Little Simz", "Central Cee, Let Go"): the header and footer trims stop at it, unless it is a
# credit, a label ending in ":" or, at the head, headline-like (a headline the model kept). Below it
# such a line at the body's edge is a credit, a date or a deck let in. A winners list (fundus
# TheTelegraph_2) was trimmed away whole; 0.85 and 0.9 chose alike on the dev dumps, 0.95 keeps less.
SURE_BODY = 0.9
# A byline/credit/date line is short; a long line with a date in it is prose.
BYLINE_MAX_CHARS = 160
# Entries of a table of contents over the article's header, at least (`_without_contents_over_header`).
CONTENTS_MIN_ENTRIES = 3
# A byline this near the top of the body (lines) ends the header, with the deck lines over it, each
# at most DECK_MAX_WORDS long: a longer line over it is the article's. `metadata.dumps` reads decks
# with the same bound. A byline the line model left out right under a kept line counts too.
BYLINE_WITHIN = 3
# A body line this short without end punctuation reads as a subheading.
HEADING_MAX_CHARS = 100
# The headline is searched this many lines above the body at most (past that it is page chrome).
HEADER_LOOKBACK = 25
# Title-like lines in the header cluster: the headline and its deck; more is a headline list.
HEADER_TITLES = 2
# A roundup's label this near over the body, in a line of at most this many words, makes the line
# right over the body its first brief's headline (`roundup_lead`).
ROUNDUP_LABEL_LINES = 8
ROUNDUP_LABEL_MAX_WORDS = 5
# Caption/promo/chrome patterns mark a line as chrome only when it is shorter than this.
CHROME_MAX_CHARS = 300
# Line length cap (visual chars) when weighing lines for the main run: one huge line is no run.
RUN_LEN_CAP = 400
# Outside the main run of body lines, a line needs this probability to be kept (a second story part).
OUTSIDE_RUN_MIN = 0.8
# A body under this share of the dump's prose (visual chars) is starved: on a review page whose prose
# is broken up by product cards, spec tables and score lines, the line model's context features read
# every paragraph as a stray teaser and keep one late section (wcxb 4072: 830 of 40,932 prose chars).
# Then the bar drops to this share of the threshold, and the prose lines over it are kept with the
# lines kept before. On the dev dumps 5 of 793 wcxb pages and none of fundus' 80 starve.
STARVED_SHARE = 0.15
STARVED_THRESHOLD_SHARE = 0.3

_TRAILING_MARK = re.compile(r"\s+(Endi|\(END\)|END|-{2,}\s*END)\s*$")
_CRUMB_SPLIT = re.compile(r"\s+[|/>»›]\s+")
_RIGHTS = re.compile(r"(©|\ball rights reserved\b|\bcopyright\s+(\(c\)|\d{4}))", re.IGNORECASE)
_TRAIL_MARK = re.compile(r"\s[>»›→]\s")
_YOU_ARE_HERE = re.compile(r"(?i)^you are here:?\s*")
# Where a two-place trail set with " / " or " | " starts: a site's root or its top desks.
_TRAIL_ROOTS = frozenset(
    """
    home news blog sections topics categories collections articles stories features resources guides
    opinion sport sports business world politics culture lifestyle life entertainment science technology
    tech health travel food local national international education magazine
    """.split()
)
# A trail's place that is no section: a label ("Image: ...", "Place of Origin: ..."), a byline, a number
# or a price, a photo library, a reading time.
_NOT_CRUMB = re.compile(
    r"(?i)^(?:[^:]{0,25}:|by\b|[\d.,$€£%\s]*$)|\b(?:getty|unsplash|shutterstock|adobe stock|min read)\b"
)
# An opener counts once the body has this many characters and lines: an aggregator's story is two
# or three paragraphs over its comments (wcxb 0396, Slashdot: kept 87 comments with 3; 2 and 3
# choose alike on every other dev, seed, sample and corpus dump).
COMMENTS_AFTER_CHARS = 300
COMMENTS_AFTER_LINES = 2
# A comment section's opener on a line of its own, after the article: "10 comments:", "Comments (4)",
# "Load All Comments", and other languages' labels ("Kommentare"). Not "Leave a reply": on a Substack
# post it is a button with the article going on under it.
_OPENER_HINTS = (
    "omment",
    "OMMENT",
    "oment",
    "OMENT",
    "eacties",
    "EACTIES",
    "éagir",
    "ÉAGIR",
    "eageer",
    "EAGEER",
)  # cheap first test
_COMMENTS_OPENER = re.compile(
    r"(?i)^(?:\d+\s+comments?:?|comments?\s*\(\d+\):?|(?:load|show|view) (?:all )?(?:\d+ )?comments"
    rf"|(?:{alternation(COMMENT_LABELS)})(?: \(\d+\))?:?)$"
)
_SEPARATED = re.compile(r"(\s[|•·»>/]\s|\s•\s)")


def is_trail(line: str) -> bool:
    """A breadcrumb trail to read the section from: a separator only trails use ("Home » Guides",
    "Science > Physics"), or one that starts at a site's root or top desk ("Home / Guides", "News /
    Local"), or three places or more ("Blog / Topics / Marketing"). " / " and " | " also set apart
    credits, ratings, menus and labels ("Jane Roe / Getty Images", "4.5 / 5", "Contact / Help",
    "Jane Roe | May 2, 2024"): none of those is a trail."""
    line = _YOU_ARE_HERE.sub("", line)
    parts = [p.strip() for p in _CRUMB_SPLIT.split(line)]
    if not is_breadcrumb(line) or DATEISH.search(line) or any(_NOT_CRUMB.search(p) for p in parts):
        return False
    return bool(_TRAIL_MARK.search(line)) or parts[0].casefold() in _TRAIL_ROOTS or len(parts) >= 3


def is_byline(line: str) -> bool:
    return len(line) < BYLINE_MAX_CHARS and bool(BYLINE.match(line) or DATEISH.search(line))


def is_breadcrumb(line: str) -> bool:
    parts = _CRUMB_SPLIT.split(line)
    return 1 < len(parts) <= 6 and all(0 < len(p) <= 40 for p in parts) and not ends_sentence(line)


# A control's label printed as a line of its own: an image viewer's button ("View image in fullscreen"),
# an in-page anchor ("Jump to Review", "Jump to Recipe"), a paywall's badge ("For Subscribers"), a footer's
# policy link ("Ad Policy"). Checked here, over the line model's choice, not as one of its features (it
# was trained without them). On the dev dumps 21 such lines were body paragraphs, none in the truth.
_CONTROL_LABEL = re.compile(
    r"(?i)^\W*(?:view (?:image|photo|picture|gallery)(?: in full ?screen| full ?screen| larger)?|jump to(?: \w+){1,2}"
    r"|for subscribers(?: only)?|subscribers? only|subscriber exclusive|ad(?:vertising)? policy|ad ?choices)\W*$"
)


def is_body_chrome(line: str) -> bool:
    """Caption, promo, copyright, ticker, control label or one-word chrome line, even where it sits
    inside the body."""
    low = line.lower()
    if len(line) < 40 and _CONTROL_LABEL.match(line):
        return True
    if (("©" in line or "rights reserved" in low or "copyright" in low) and _RIGHTS.search(line)) or rights_notice(low):
        return True
    if line.count("•") >= 2 or line.count(" | ") >= 2:  # a ticker or a row of links
        return True
    # _ACCOUNT_WALL only where the words it needs are (its search cost 2.1 us a dump line); they hold
    # no i, s or k, so a case-blind match (İ, ſ, K) finds nothing that lower() hides
    if (
        donation_appeal(line)
        or embedded_post(line)
        or (("enter a" in low or "content" in low) and _ACCOUNT_WALL.search(line))
    ):
        return True
    if len(line) >= CHROME_MAX_CHARS:
        return False
    if photo_caption(line):  # the line model's own caption feature keeps the pattern it was trained with
        return True
    if has_promo(line, low) and not _promo_word_in_prose(line):
        return True
    return has_caption(line, low) or (len(line) < 60 and is_chrome(line))


# A call to action opens with its verb ("Sign up for ...", "Subscribe today"); a shorter line is a button.
_CALL_OPENING = re.compile(r"(?i)^\W*(?:sign up|subscribe)\b")
CALL_MIN_WORDS = 8
# A registration wall's lines in a dump (the form itself is gone): "Join Fox News for access to this
# content", "Plus special access to ... premium content with your account", a field's "Please enter
# a valid email address." None in either truth; 3 lines in our fundus dump bodies.
_ACCOUNT_WALL = re.compile(
    r"(?i)^\W*please enter a valid\b|\bfor access to this content\b|\bpremium content with your account\b"
)


def _promo_word_in_prose(line: str) -> bool:
    """A line whose only promotion words are "newsletter", "sign up" or "subscribe" and that promotes
    nothing: an article's sentence ("It's important to sign up for automatic contributions", "The
    newsletter business has never been healthier"), kept in the body. A promotion opens with its call
    ("Sign up for ...", "Subscribe today"), is a button's few words, or promotes a newsletter
    (`textstats.newsletter_promotion`). The line model still reads its promo feature as trained."""
    words = {match.group(0).lower() for match in PROMO.finditer(line)}
    if not words <= {"newsletter", "sign up", "subscribe"} or furniture_label(line):
        return False
    if words & {"sign up", "subscribe"} and (_CALL_OPENING.match(line) or len(line.split()) < CALL_MIN_WORDS):
        return False
    return "newsletter" not in words or not newsletter_promotion(line)


def _loose(line: str) -> bool:
    return (is_byline(line) or visual_len(line) <= HEADING_MAX_CHARS) and not ends_sentence(line)


def _title_like(line: str) -> bool:
    words = word_count(line) if not re.search(r"[\u3040-\u30ff\u3400-\u9fff]", line) else visual_len(line) // 3
    return (
        3 <= words <= 30
        and not is_chrome(line)
        and not is_footer(line)
        and not _SEPARATED.search(line)
        and not line.endswith(":")
    )


def read_header(lines: list[str], signals: Signals) -> None:
    """Headline, deck, byline/credit/date lines and breadcrumbs, from the lines above the body.

    Walking up from the body, the header cluster holds title-like, byline and breadcrumb lines
    (short chrome such as "Share" is stepped over); the first nav-like line ends it. The cluster's
    topmost title-like line is the headline, the next one the deck.
    """
    lines = lines[-HEADER_LOOKBACK:]
    titles: list[str] = []
    i = len(lines) - 1
    while i >= 0 and len(titles) < HEADER_TITLES:
        line = lines[i]
        if is_byline(line):
            signals.byline_lines.insert(0, line)
        elif is_breadcrumb(line):  # stepped over; a section only from a trail
            if is_trail(line):
                signals.breadcrumbs.insert(0, line)
        elif _title_like(line):
            titles.insert(0, line)
        elif not (len(line) < 40 and is_chrome(line)):
            break
        i -= 1
    signals.breadcrumbs[:0] = [ln for ln in lines[: i + 1] if is_trail(ln)][-1:]
    if titles:
        signals.title = titles[0]
        signals.subtitle = titles[1] if len(titles) > 1 else None


def rule_body(lines: list[str]) -> list[int]:
    """Fallback without a model: the prose lines of the main run of prose, less captions and
    promos, plus subheadings standing between two prose lines."""
    prose = [is_prose(ln) and not is_body_chrome(ln) for ln in lines]
    start, end = best_run([visual_len(ln) if ok else -CHROME_PENALTY for ln, ok in zip(lines, prose)])
    return [
        i
        for i in range(start, end)
        if prose[i]
        or (start < i < end - 1 and prose[i - 1] and prose[i + 1] and _title_like(lines[i]))
        or (len(lines[i].split()) >= 6 and ends_sentence(lines[i]))
    ]


def select_body(lines: list[str], probs: np.ndarray, threshold: float) -> list[int]:
    """Lines the classifier scores as body, within the main run of such lines unless very sure; on
    a starved page (under STARVED_SHARE of its prose kept) also the prose lines over a lower bar."""
    lens = np.array([visual_len(ln) for ln in lines])
    capped = np.minimum(lens, RUN_LEN_CAP)
    keep = _over(probs, threshold, capped)
    kept_chars = int(lens[keep].sum())
    if kept_chars >= STARVED_SHARE * int(lens.sum()):  # the prose is at most the whole dump: not starved
        return keep
    prose = [is_prose(ln, n) for ln, n in zip(lines, lens)]
    if kept_chars >= STARVED_SHARE * sum(n for n, ok in zip(lens, prose) if ok):
        return keep
    lower = _over(probs, threshold * STARVED_THRESHOLD_SHARE, capped)
    return sorted(set(keep) | {i for i in lower if prose[i]})


def _over(probs: np.ndarray, threshold: float, lens: np.ndarray) -> list[int]:
    """Lines over `threshold` within the main run of such lines (weighed by `lens`), or very sure."""
    start, end = best_run((probs - threshold) * lens)
    return [i for i, p in enumerate(probs) if p >= threshold and (start <= i < end or p >= OUTSIDE_RUN_MIN)]


def strip_lines(
    lines: list[str], model: LineModel | None, probs: np.ndarray | None = None, threshold: float = 0.5
) -> tuple[list[str], list[int], Signals, str | None]:
    """Body lines, their subheading indexes, the header signals of a dump's lines and, on a
    roundup's page, the first brief's headline the header took (`roundup_lead`).

    The body comes from `model`, else from given line `probs` (training), else from the rules."""
    if model is not None:
        probs, threshold = model.predict(lines), model.threshold
    keep = select_body(lines, probs, threshold) if probs is not None else rule_body(lines)
    keep = [i for i in keep if not is_body_chrome(lines[i]) and not under_caption_toggle(lines, i)]
    keep = _before_comments(lines, keep)
    keep = _without_listed_stories(lines, keep)
    keep = _without_contents_over_header(lines, keep)

    def trimmable(i: int, head: bool = False) -> bool:
        """A credit, or a short unpunctuated line that is no list entry the model is sure of; at the
        head, a headline the model kept goes to the header even so."""
        line = lines[i]
        if not _loose(line):
            return False
        entry = probs is not None and probs[i] >= SURE_BODY and not is_byline(line) and not line.endswith(":")
        return not entry or (head and _title_like(line))

    # Credit/date lines and a deck the classifier let in at the top of the body belong to the
    # header; a short unpunctuated line cannot end the body.
    while keep and trimmable(keep[0], head=True):
        keep.pop(0)
    # a byline among the first lines: it and the deck over it are the header's ("<deck>" / "By Jane Roe")
    header = _header_lines(lines, keep)
    if header is not None and all(word_count(lines[i]) <= DECK_MAX_WORDS for i in keep[:header]):
        with_byline = header < len(keep) and is_byline_line(lines[keep[header]])
        del keep[: header + 1 if with_byline else header]
        while keep and trimmable(keep[0], head=True):
            keep.pop(0)
    while keep and trimmable(keep[-1]):
        keep.pop()
    body = [lines[i] for i in keep]
    if body:
        body[-1] = _TRAILING_MARK.sub("", body[-1])
    chars = sum(visual_len(p) for p in body)
    if chars < MIN_BODY_CHARS:  # a brief the HTML path would keep (its stories need 120) is refused here
        raise NoArticle(
            f"{chars} characters of body, under the {MIN_BODY_CHARS} a page dump's article needs"
            if body
            else "no body lines found"
        )
    signals = Signals()
    read_header(lines[: keep[0]], signals)
    signals.canonical_url = printed_replay_url(lines[: keep[0]])  # a web archive's copy: its page's URL
    headings = [
        j
        for j, p in enumerate(body[:-1])
        if visual_len(p) <= HEADING_MAX_CHARS
        and not ends_sentence(p)
        and not p.endswith(":")
        and not _over_photo_credit(lines, keep[j])
    ]
    return body, headings, signals, roundup_lead(lines, keep[0])


def roundup_lead(lines: list[str], start: int) -> str | None:
    """The title-like line right over the body (which starts at line `start`) when a roundup's label
    ("News in brief", "Police blotter": `transforms.stories.ROUNDUP`, a short line of its own) stands
    within ROUNDUP_LABEL_LINES over it: there it is the first brief's headline, not the page's, and
    the story splitter gives it back to its brief. None elsewhere."""
    if start < 2 or not _title_like(lines[start - 1]) or is_byline(lines[start - 1]):
        return None
    above = lines[max(0, start - 1 - ROUNDUP_LABEL_LINES) : start - 1]
    labelled = any(len(line.split()) <= ROUNDUP_LABEL_MAX_WORDS and ROUNDUP.search(line) for line in above)
    return lines[start - 1] if labelled else None


def _without_contents_over_header(lines: list[str], keep: list[int]) -> list[int]:
    """The kept lines less a table of contents that opens them above the article's own header ("In
    this article" / "The Problem" / ... / "Summary", then the headline, byline and date, then the
    text): at least CONTENTS_MIN_ENTRIES short lines that the body prints again further down (its
    subheadings), with lines the model left out between the last of them and the text. A table
    right over the text stays (the header over it must not become its entries), and so does a list
    whose entries come again in other lists but runs on into the text (a winners list's names)."""
    last_copy = {}
    for k in range(len(keep) - 1, -1, -1):
        last_copy.setdefault(lines[keep[k]], k)
    n = 0
    while n < len(keep) and visual_len(lines[keep[n]]) <= HEADING_MAX_CHARS and last_copy[lines[keep[n]]] > n:
        n += 1
    if n < CONTENTS_MIN_ENTRIES or n >= len(keep) or keep[n] - keep[n - 1] < 2:
        return keep
    return keep[n:]


def _without_listed_stories(lines: list[str], keep: list[int]) -> list[int]:
    """The kept lines less a stories list the page sets inside its body: a heading (_STORIES_HEADING)
    between two kept lines and the run of at most LISTED_STORIES_MAX_LINES non-prose lines under it,
    up to the next prose line. WIRED prints "Most Popular" and four cards (section, headline, author)
    three times between its paragraphs (newspaper4k's wired_001), and the model kept the cards. A
    longer run is a menu or the page's tail, not a card list."""
    if not keep:
        return keep
    drop: set[int] = set()
    for i in range(keep[0] + 1, keep[-1]):
        if len(lines[i]) <= 60 and _STORIES_HEADING.match(lines[i]):
            j = i + 1
            while j < len(lines) and j - i <= LISTED_STORIES_MAX_LINES and not is_prose(lines[j]):
                j += 1
            if j - i <= LISTED_STORIES_MAX_LINES:
                drop.update(range(i + 1, j))
    return [k for k in keep if k not in drop] if drop else keep


def _before_comments(lines: list[str], keep: list[int]) -> list[int]:
    """The kept lines over the page's comment section: readers' comments read as prose, but they
    follow an opener line ("10 comments:", "Load All Comments"). An opener counts only under
    COMMENTS_AFTER_LINES kept lines and COMMENTS_AFTER_CHARS of body (over the article it is a
    link to the comments: "124 Comments" under a deck)."""
    seen = lines_seen = 0
    kept = set(keep)
    for i, line in enumerate(lines):
        opener = len(line) <= 40 and any(hint in line for hint in _OPENER_HINTS) and _COMMENTS_OPENER.match(line)
        if opener and seen >= COMMENTS_AFTER_CHARS and lines_seen >= COMMENTS_AFTER_LINES:
            return [k for k in keep if k < i]
        if i in kept:
            seen += visual_len(line)
            lines_seen += 1
    return keep


def _over_photo_credit(lines: list[str], i: int) -> bool:
    """Line `i` stands right over a photo's credit on a line of its own ("Ollie Watkins opened the
    scoring with a glancing header" / "Credit: Reuters/Peter Cziborra"): a caption, or on a review
    page a product's name over its picture, never a heading that starts a story. The credit goes as
    chrome; the caption, read as a heading, let a live page's splitter cut a match report into four
    stories (fundus-news-80 TheTelegraph_3). The line itself stays in the body: dropping such lines
    cost wcxb's review pages their product headings, which the truth keeps (text F1 0.9500 -> 0.9499)."""
    return (
        i + 1 < len(lines)
        and visual_len(lines[i]) <= CAPTION_MAX_CHARS
        and not ends_sentence(lines[i])
        and bool(_CREDIT_LINE.match(lines[i + 1]))
    )


def _header_lines(lines: list[str], keep: list[int]) -> int | None:
    """How many of the first kept lines are the header's deck: those over a byline among the first
    BYLINE_WITHIN kept lines, or over one the model left out right under them ("<deck>" / caption /
    "By Jane Roe" / <date> / body); None without such a byline."""
    for k in range(min(BYLINE_WITHIN, len(keep))):
        if is_byline_line(lines[keep[k]]):
            return k
        following = keep[k + 1] if k + 1 < len(keep) else keep[k] + 1
        if any(is_byline_line(lines[j]) for j in range(keep[k] + 1, following)):
            return k + 1
    return None


def strip_text_dump(page: Page, model: LineModel | None = None) -> Extraction:
    """Raises NoArticle when the dump holds no article; `model` defaults to the shipped one, and the
    rules read a dump mostly written without spaces (SPACELESS_PAGE_SHARE)."""
    lines = normalize_lines(page.text)
    model = model or default_model()
    if model is not None and spaceless_share(page.text) >= SPACELESS_PAGE_SHARE:
        model = None
    body, headings, signals, lead = strip_lines(lines, model)
    signals.extractor = {"name": "text_strip", "model": model is not None}
    visible = sum(len(line) for line in lines)
    story = Story(body, heading_indexes=headings, lead_heading=lead)
    return Extraction(page, [story], signals, input_chars=visible)
