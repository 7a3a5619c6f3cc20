"""The header of a plain-text page dump: its headline line and the credit lines around it.

In: the dump's text (one visible block per line) and the body's first paragraph (from the text
stripper). Out: (headline or None, the credit lines around it: between the headline and the body, a
few over the headline, a few under a one-paragraph standfirst; when none is dated, a labelled date
or a signature right under the body, else the first dated credit line over the body). The header is
the run of lines before the body; the headline is the line in it that reads most like one: followed
closely by a byline or date line (or right under one), near the body, five to sixteen words, the
end of a breadcrumb or another header line, not a sentence, a menu entry, a caption, a credit, an
author's name or role, a list of names, glued menu entries or a list item (the body's first
paragraph itself, when short and no sentence, is a candidate too); a line over it that scores as
well is the headline over its deck (a photo's credit may sit between them; a long headline over a
shorter deck counts as one of headline length). News pages print more between the masthead and the
headline: photo captions (cut short with "…", ending in "(AP Photo/...)", over a "Credit:" line),
ticker and live entries ("2h agoSome Name says ...", a line under "7:16pm"), the publisher between
the byline and the date, trending topics and kickers over the headline (a short line loses its
byline to a longer headline-like line under it): none is the headline. A lone "By" or "Published:"
is joined to the next line, and a name alone over its date or role becomes "By <name>" (a dump
splits inline elements apart). Used when a dump's `Signals` lack a headline or credit lines, or
name a worse one (`normalize_metadata`).

  .venv/bin/python -m bench.metadata --data ../shared/data/wcxb-dev-articles --mode text
"""

import re
from collections.abc import Iterator
from functools import lru_cache

from transforms.metadata.names import ROLE_WORDS, person_name
from transforms.metadata.titles import CUT_SHORT

# How many lines before the body are read as the header.
HEADER_LINES = 40
# How far over the body a labelled credit ("Published: <date>", "Written by <name>") is still the
# page's: past long tables of contents and product boxes (40 and 60: author 0.609 on the dev dumps, 100: 0.613).
LABELLED_LINES = 100
# How many lines after a candidate may hold the byline/date that marks it as the headline, and its score for
# one. A line of at most KICKER_WORDS words with a longer headline-like line between it and the byline loses it
# (`_shadowed`): news pages set menu entries, trending topics and kickers over the headline (5 to 8 chose
# alike on the dev dumps and fundus-news-80, 4 worse).
CREDIT_REACH = 4
CREDIT_BONUS = 3.0
KICKER_WORDS = 6
# An author's role line ("Executive Editor, Example Health Letter") has at most this many words
# before its first comma or "and".
MAX_ROLE_WORDS = 5
# How many lines under the body's last paragraph may hold its labelled publication date (a site's
# article footer: "Published" / "<date>" / "Author" / "<name>"); further down are related stories.
AFTER_BODY_LINES = 4
# How many lines before the headline may hold its date ("May 2, 2024" over the headline).
CREDIT_BEFORE = 4
# How many lines after the body's first paragraph may still be its credit lines (the first
# paragraph was a standfirst), and how long such a line may be (body sentences are longer).
CREDIT_BELOW = 4
MAX_BELOW_CHARS = 80
# Score for a date or byline line right over a line with none under it (a blog's "May 2, 2024" over its
# title): less than the 3.0 for one under it, the commoner layout (2.0 and 3.0 chose worse on the dev dumps).
BEFORE_BONUS = 2.5
# Score for a line that another header line ends with (`_is_tail`): the headline is repeated in the
# breadcrumb and in labels, but so are menu entries (1.0 and up chose worse on the dev dumps).
TAIL_BONUS = 0.5
# Score for a line printed again over the body with the site's name after it (`_is_title_head`).
HEAD_BONUS = 1.0
# The body's first paragraph may be the headline (a stripper keeps a lone h1 over the text): a short
# one with no sentence's end is a candidate, scored as if a line over the body, less this (the dev
# dumps: 0.5 and 1.5 chose worse).
FIRST_MAX_WORDS = 16
FIRST_COST = 1.0
# A line printed this many times in a page is a menu entry, not a byline's name.
MENU_REPEATS = 3
# Score lost per line between a candidate and the body: the headline usually sits right over the
# article (0.07 moved 23 of 793 dev dumps to the right headline, 0.02 and 0.2 fewer).
DISTANCE_COST = 0.07
# Weight of title case (share of capitalised words): many headlines are in sentence case, and
# menu entries are in title case, so it only breaks ties (1.5 chose worse on the dev dumps).
TITLE_CASE_WEIGHT = 0.75
# Headline length in words: fewer is a menu entry or a label, more is a paragraph.
MIN_WORDS, MAX_WORDS = 3, 25
# Lines between the headline and the body longer than this are a standfirst or a caption.
MAX_CREDIT_CHARS = 120
# A headline sits over its deck: the line over the best one is the headline when it scores within
# this of it (the same evidence, the deck only nearer the body) and has at least DECK_HEAD_WORDS
# words (a shorter line over a headline is a kicker or a menu entry).
DECK_MARGIN = 0.25
DECK_HEAD_WORDS = 5
# Lines of five to this many words score this much more: a headline's length (longer ones are paragraphs and
# lists more often than headlines, but not over a shorter deck: a news headline runs to 20 words and more).
LONG_HEAD_WORDS = 16
LONG_HEAD_BONUS = 1.0
# A line under the headline this long is its deck: a name alone under it is the byline.
MIN_DECK_WORDS = 8

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE = (rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?[,.]?\s+(?:19|20)\d\d(?:(?!\d)|(?=\d{{1,2}}:\d\d))|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?:19|20)\d\d"
         r"|(?:19|20)\d\d-\d\d-\d\d|\b\d{1,2}/\d{1,2}/(?:19|20)?\d\d\b|\b\d{1,2}\.\d{1,2}\.(?:19|20)\d\d\b")
_CREDIT = re.compile(rf"(?i)^(?:by|written by|authored by|posted|published|originally published|updated|"
                     rf"last updated|reviewed by|edited by)\b|^author:|(?-i:^By(?=[A-Z][a-z]))"
                     rf"|^(?:written|posted|authored|reviewed|edited) by(?-i:(?=[A-Z]))|^contribut(?:ions?|ed) (?:from|by)\b|^contributors?:"
                     rf"|^(?:last )?modified\b|^(?:an?|\d+) (?:minute|hour|day|week|month|year)s? ago$"
                     rf"|\bmin(?:ute)?s? read\b|reading time|{_DATE}")
_DATE_LINE = re.compile(_DATE, re.IGNORECASE)
_LABELLED = re.compile(rf"(?i)^(?:(?:originally )?(?:published|posted)(?: on)?:?\s*(?:{_DATE})|(?:written|authored) by\b)")
# Words that make a lone capitalised line over a date a category or a link, not a person: nouns of
# action and field ("Recruiting", "Development", "Strategy"), acronyms and single letters.
_LABEL_WORD = re.compile(r"(?:tion|sion|ment|ity|ics|gy|ship)$")
# Endings that are surnames' too ("King", "Fleming", "Kindness", "Davies"): a label's only when the page
# writes the word in lower case.
_SOFT_LABEL_WORD = re.compile(r"(?:ing|ness|ies)$")
# Credentials after a name: "MD", "CPP, PSP", "Ph.D.".
_CREDENTIALS = re.compile(r"(?:,?\s+(?:[A-Z]{2,5}|Ph\.\s?D\.?|M\.D\.))+$")
_ACRONYM = re.compile(r"^[A-Z]{2,}$|^[A-Z]$")
# Words of buttons, links and section labels that read like a name in title case ("Get Started", "Order Now",
# "All Insights", "Key Takeaways", "Access Calculator", "Show Sidebar").
_BUTTON_WORDS = {"get", "started", "order", "now", "request", "demo", "start", "trial", "free", "try", "book", "buy",
                 "download", "join", "explore", "discover", "learn", "see", "watch", "shop", "all", "apply", "donate",
                 "register", "schedule", "call", "visit", "find", "insights", "resources", "latest", "popular", "related",
                 "key", "takeaways", "quick", "insight", "summary", "overview", "contents", "introduction", "highlights",
                 "access", "calculator", "tool", "tools", "show", "hide"}
# A word with a capital glued to lower-case letters ("HomeNews"): menu entries run together.
_GLUED = re.compile(r"[a-z]{2}[A-Z]")
# Job titles that end a role line (the head noun), and desks that sign as a team.
_ROLE_NOUNS = {w for w in ROLE_WORDS if w not in {"head", "chief", "senior", "lead", "former", "research", "managing",
                                                   "executive", "deputy", "marketing", "tech", "verified", "contributing",
                                                   "trending", "featured", "guest", "visiting", "partner"}}
_ROLE_NOUNS |= {"team", "staff", "desk", "editors", "writers", "reporters", "contributors"}
# Symbols set before an interface label ("🔊 Listen to this article", "» Read more").
_LEAD_SYMBOLS = re.compile(r"^[^\w\"'‘“(]+")
# A date's label alone on its line ("Published:", "Last updated"): the dump split it from its date.
_DATE_LABEL_ONLY = re.compile(r"(?i)(?:originally |first |last )?(?:published|posted|updated|modified)(?: on)?:?")
# A publication label ("Published", "Posted on:"), alone on its line or opening it.
_PUBLISHED_LABEL = re.compile(r"(?i)(?:originally |first )?(?:published|posted)(?: on)?:?(?=\s|$)")
_BYLINE = re.compile(r"(?i)(?:(?:written |posted |authored )?by\b|author:)")
# Menu entries run together inside a name-like line: "DIYHome Decor", "NewsOpinion".
_GLUED_NAME = re.compile(r"[A-Z]{2}[a-z]|[a-z][A-Z]")
# "By ops@example.com": a mailbox, not a person; a byline further on may name one.
_EMAIL_BYLINE = re.compile(r"(?i)(?:(?:written|posted|authored) )?by:?\s+\S+@\S+\.\w+")
_BY_WHAT = re.compile(r"(?i)(?:(?:written|posted|authored) )?by:?\s+(.+)")
# A sentence's end inside a line: with a lower-case first letter, the line is a wrapped paragraph's middle.
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?] [A-Z]")
_GLUED_BY = re.compile(r"^By(?=[A-Z][a-z])")
# Inline elements a dump glued together inside a credit line: "Jane RoeMar 5, 2025", "Posted byJane",
# "Jane RoeUpdated: ...", "Jan 4, 202620 Mins Read", "Dec 30, 2024Posted in". A space goes back where the dump lost it
# (credit lines only: the body's lines must stay as the stripper saw them).
_FULL_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_SHORT_MONTH = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
# ... and in capitals ("Local NewsJULY 8, 2024Updated: ..."): a theme's upper-case date line.
_FULL_MONTH += "|" + _FULL_MONTH.upper()
_SHORT_MONTH += "|" + _SHORT_MONTH.upper()
_UNGLUE = [
    (re.compile(rf"(?<=[a-z])(?=(?:{_FULL_MONTH}|{_SHORT_MONTH})\.? \d{{1,2}}\b)"), " "),
    (re.compile(rf"((?<![A-Za-z])(?:{_FULL_MONTH}|{_SHORT_MONTH})\.? \d{{1,2}}(?:st|nd|rd|th)?, (?:19|20)\d\d)(?=[\dA-Z])"), r"\1 "),
    (re.compile(r"(?<=[a-z])(?=(?:Updated|Published|Posted|Last [Uu]pdated)\b)"), " "),
    (re.compile(r"\b([Pp]osted by|[Ww]ritten by)(?=[A-Z][a-z])"), r"\1 "),
    # "Jane RoeStaff Writer", "Ann LeeSenior Editor": a name glued to the role under it
    (re.compile(r"(?<=[a-z])(?=(?:Staff|Senior|Contributing|Editor|Reporter|Correspondent|Writer|Columnist|"
                r"Freelance|Associate|Deputy|Chief|Managing|Executive)\b)"), " "),
]
# What every _UNGLUE pattern needs: a lower-case letter before a capital, a digit before a digit or capital.
_MAYBE_GLUED = re.compile(r"[a-z][A-Z]|\d[\dA-Z]")
# A short line opening with one of these verbs is a button ("Get a Demo", "Start free trial"); "Learn ..."
# heads courses' titles too.
_CALL_TO_ACTION = re.compile(r"(?i)(?:get|book|request|start|try|schedule|download|buy|shop|order|contact|call|apply|"
                             r"register|watch|explore|discover|see|view|find|browse|claim)\b")
# What separates a credit line's inline parts: "Jane Roe • May 2, 2024 | 5 min read".
_CREDIT_SEPARATORS = re.compile(r"\s*[•·|⋅]\s*|\s[–—-]\s")
_LABEL_HINT = re.compile(r"(?i)publish|posted|written|authored")
# A credit line that opens with its label or byline: "By Jane Roe | Updated May 2, 2024", "Last updated on ...".
_CREDIT_OPENING = re.compile(r"(?i)^(?:(?:written |posted )?by\s+(?-i:[A-Z])|(?:last\s+)?updated\b|published\b|posted\b)")
_LEAD_ONLY = re.compile(r"(?i)(?:(?:written|posted|words|article|story) )?by:?|author:?")
_NOT_HEADLINE = re.compile(r"(?i)^(?:share|advertisement|home(?:\s*$|\s*[/>»›|-])|menu|search|skip to|log ?in|sign ?in|subscribe|"
                           r"read more|click|image|photo|credit|back to\b|send\b|pin\b|copy\b|print\b|email\b|"
                           r"listen\b|learn about\b|join\b|enter your\b|sign up\b|member\b|this article is\b)|getty images|\bcourtesy\b|opens in new window"
                           r"|»|›|>|\s/\s|[|•·@]|https?:|\.com\b|^\d+\.\s|^you are here"
                           r"|\b(?:image|photo|photograph|illustration|graphic|video)s? (?:by|courtesy)\b|\s[#¶]$"
                           r"|^tweet\b|\bon (?:facebook|twitter|x|linkedin|pinterest|reddit|whatsapp|threads|bluesky|instagram)$")

# A photo's credit, alone or at a caption's end: "(AP Photo/Jane Roe)", "Credit: HENRY NICHOLLS / AFP/Getty",
# "Illustration: Jane Roe/The Guardian", "Photograph: Reuters".
_PHOTO_CREDIT = re.compile(r"(?i)^(?:credits?|illustrations?|photograph|photos?|pictures?|images?)(?: by)?:|\((?:AP|AFP|EPA) Photo\b"
                           r"|\b(?:AP|AFP|EPA|Reuters) Photo/|/\s?(?:Getty|AFP|Reuters|Shutterstock|Alamy)\b|getty images")
# "UPDATED: Trump counter-offer ... SHOT DOWN": a kicker before a headline, not an update's date.
_UPDATE_KICKER = re.compile(r"(?i)updated:(?=(?:\s+\S+){4})\s+[^\W\d][^\d]*$")
# A ticker entry's age before it, glued or not: "2h agoSome Name says ...", "49m ago Thames Water ...".
_TICKER_AGE = re.compile(r"^(?:\d+\s?(?:[smhd]|mins?|hrs?)|(?:[Aa]n?|\d+) (?:second|minute|hour|day)s?) ?ago(?=[A-Z\s]|$)")
# A clock time or an age alone on its line: the live entry or ticker item under it is no headline ("7:16pm", "2h ago").
_TIME_ALONE = re.compile(r"(?i)\d{1,2}[:.]\d\d\s?(?:[ap]\.?m\.?)?(?:\s?[a-z]{2,4})?|\d+\s?(?:[smhd]|mins?|hrs?) ago")


@lru_cache(maxsize=4096)
def _is_credit(line: str) -> bool:
    return _CREDIT.search(line) is not None and not _UPDATE_KICKER.match(line)


@lru_cache(maxsize=4096)
def _has_date(line: str) -> bool:
    return _DATE_LINE.search(line) is not None


def _lines(dump: str) -> list[str]:
    return [line for line in (" ".join(raw.split()) for raw in dump.splitlines()) if line]


def _printed_at(lines: list[str], paragraph: str) -> Iterator[int]:
    """The lines that print this paragraph of the body, in order (a long one may be cut in the dump)."""
    text = " ".join(paragraph.split())
    if text:
        yield from (i for i, line in enumerate(lines) if line == text or (len(text) > 40 and line.startswith(text[:40])))


def _body_start(lines: list[str], first_paragraph: str) -> int | None:
    return next(_printed_at(lines, first_paragraph), None)


def _credit_name(line: str) -> bool:
    """"Jane Roe, Senior Editor": an author's name and role, not a headline."""
    head = line.split(",")[0]
    return "," in line and len(line.split()) <= 8 and person_name(head) is not None


def _role_line(line: str) -> bool:
    """"Senior Science Editor", "Math Editor, The Weekly", "Life and Trends Reporter": a job title under
    a byline, not a headline."""
    for part in (re.split(r",| and | & ", line)[0], line.split(",")[0]):
        words = part.split()
        if (0 < len(words) <= MAX_ROLE_WORDS and words[-1].lower() in _ROLE_NOUNS
                and all(w[0].isupper() or w in ("and", "of", "&", "for") for w in words)):
            return True
    return False


def _names_list(line: str) -> bool:
    """"Ana Ruiz, Lee Park & Sam Cho": three or more authors' names, not a headline."""
    pieces = [p for p in re.split(r"\s*(?:,|&|\band\b)\s*", line) if p]
    return len(pieces) >= 3 and all(2 <= len(p.split()) <= 3 and person_name(p) for p in pieces)


def _is_tail(line: str, header: str) -> bool:
    """Another line of the header ends with this one: a breadcrumb's last item ("Home » Guides »
    <headline>"), "2 Comments on <headline>", a kicker glued to it ("Video: <headline>").
    `header`: the header's lines case-folded, each ended by a newline."""
    target = line.casefold() + "\n"
    at = header.find(target)
    while at != -1:
        if at > 0 and header[at - 1] != "\n":
            return True
        at = header.find(target, at + 1)
    return False


def _is_title_head(line: str, top: str) -> bool:
    """A line over the body is this one with the site's name after a separator: the page's title
    printed ("<headline> | Section | Site", "<headline> — Site"). `top`: the lines over the body
    case-folded, each after a newline and ended by one."""
    target = "\n" + line.casefold() + " "
    at = top.find(target)
    while at != -1:
        if top[at + len(target): at + len(target) + 1] in ("|", "–", "—", "-", "·", "•", ":"):
            return True
        at = top.find(target, at + 1)
    return False


def _caption_or_ticker(lines: list[str], i: int) -> bool:
    """Line `i` is a photo's caption or credit, a ticker's or a live page's entry, or a byline's name or
    publisher, not a headline: it carries a photo's credit, or it is a caption over one (with no byline under
    it); it is cut short ("…": a caption or a teaser); it opens with its age ("2h agoSome Name says ...") or sits
    under a clock time (not a date's: "7:16pm" / <live entry>); or it sits between a byline and a date ("By Jane
    Roe" / "-" / "The Daily Ledger" / "-" / "May 2, 2024"; "By" / "Jane Roe Fox News" / "Published")."""
    line = lines[i]
    if _PHOTO_CREDIT.search(line) or CUT_SHORT.search(line) or _TICKER_AGE.match(line):
        return True
    if (i + 1 < len(lines) and _PHOTO_CREDIT.match(lines[i + 1])  # a caption over its photo's credit, no byline under
            and not any(_is_credit(under) for under in lines[i + 2: i + 2 + CREDIT_REACH])):
        return True
    k = _neighbour(lines, i, -1)
    over = lines[k] if k is not None else ""
    return bool((_TIME_ALONE.fullmatch(over) and not _is_credit(_line_at(lines, _neighbour(lines, k, -1))))  # not a date's time
                or (_BYLINE.match(over) and _is_credit(over) and len(over.split()) <= 6
                    and _is_credit(_line_at(lines, _neighbour(lines, i, 1)))))


def _neighbour(lines: list[str], i: int | None, step: int) -> int | None:
    """The nearest line over (`step` -1) or under (1) line `i` that is not a separator ("-", "|": a dump
    sets inline parts apart on lines of their own); None past the page's edge."""
    if i is None:
        return None
    k = i + step
    while 0 <= k < len(lines) and not any(c.isalnum() for c in lines[k]):
        k += step
    return k if 0 <= k < len(lines) else None


def _line_at(lines: list[str], k: int | None) -> str:
    return lines[k] if k is not None else ""


def _credit_under(i: int, end: int, credit: dict[int, bool]) -> int | None:
    """The first credit line within reach under line `i` (before `end`, the body)."""
    return next((k for k in range(i + 1, min(end, i + CREDIT_REACH) + 1) if credit[k]), None)


def _adjacent(lines: list[str], i: int, j: int) -> bool:
    """Lines `i` and `j` (i < j) have nothing between them but photo credits and separators."""
    return all(_PHOTO_CREDIT.search(line) or not any(c.isalnum() for c in line) for line in lines[i + 1: j])


def _long_headline(line: str) -> bool:
    """Longer than most headlines, and with a word in lower case ("... after primary victories in 3 counties"):
    menu entries run together are in title case throughout ("Our Data Sample Profile User Reviews ...")."""
    words = line.split()
    return LONG_HEAD_WORDS < len(words) <= MAX_WORDS and any(w[0].islower() for w in words)


def _shadowed(scored: list[tuple[float, int]], lines: list[str], end: int, credit: dict[int, bool]) -> list[tuple[float, int]]:
    """The scores, less the byline's bonus for a short line (a kicker, a menu entry, a trending topic) with a
    longer headline-like line between it and the byline ("Wendy's surge pricing" / "World News" / <headline> /
    <photo caption> / "By ..."; "Support Us With a Donation" / "Store" / <headline> / "by ..."), unless that
    line is right under it (a short headline over its deck)."""
    at = sorted(i for _, i in scored)
    out = []
    for score, i in scored:
        words = len(lines[i].split())
        k = _credit_under(i, end + 1 if i == end else end, credit)
        if k is not None and words <= KICKER_WORDS:
            longer = [j for j in at if i < j < k and len(lines[j].split()) >= max(DECK_HEAD_WORDS, words + 1)
                      and not lines[j].endswith((".", ":"))]  # no sentence, no lead-in
            if longer and not (len(longer) == 1 and words >= DECK_HEAD_WORDS and _adjacent(lines, i, longer[0])):
                score -= CREDIT_BONUS
        out.append((score, i))
    return out


def _score(lines: list[str], i: int, end: int, folded: str, top: str, credit: dict[int, bool]) -> float | None:
    """How much line `i` reads like the headline (None: it cannot be one). `folded`: the header
    case-folded (`_is_tail`), `top`: all lines over the body so (`_is_title_head`); `credit`: which
    lines around it are credit lines."""
    line = lines[i]
    words = [w for w in line.split() if any(c.isalnum() for c in w)]  # "&", "—", "|" are no words
    if (not MIN_WORDS <= len(words) <= MAX_WORDS or credit[i] or _NOT_HEADLINE.search(_LEAD_SYMBOLS.sub("", line))
            or _credit_name(line) or len(_GLUED.findall(line)) >= 2 or _role_line(line) or _names_list(line)
            or line[0] in ",;/|>»›"  # a line opening with a comma goes on from the one before, a slash a breadcrumb
            or (i > 0 and lines[i - 1].endswith(","))  # and so does a line under one ending with a comma: a list's item
            or (line[0].islower() and _SENTENCE_INSIDE.search(line))  # a wrapped paragraph's middle
            or (len(words) <= 4 and _CALL_TO_ACTION.match(line))  # a button: "Book a Demo", "View Full Profile"
            or _caption_or_ticker(lines, i)):
        return None
    alpha = [w for w in words if w[0].isalpha()]
    score = TITLE_CASE_WEIGHT * sum(w[0].isupper() for w in alpha) / max(1, len(alpha))  # title case
    if _credit_under(i, end, credit) is not None:
        score += CREDIT_BONUS  # a byline or a date follows the headline
    elif i > 0 and credit[i - 1]:
        score += BEFORE_BONUS  # a date or a byline right over it
    if line.endswith((".", ":", ",")):
        score -= 2.0  # a sentence or a lead-in
    if 5 <= len(words) <= LONG_HEAD_WORDS:
        score += LONG_HEAD_BONUS
    if _is_tail(line, folded):
        score += TAIL_BONUS
    if _is_title_head(line, top):
        score += HEAD_BONUS
    return score - DISTANCE_COST * (end - i)  # nearer the body is likelier


def _unglue(line: str) -> str:
    if not _MAYBE_GLUED.search(line):
        return line
    for pattern, repl in _UNGLUE:
        line = pattern.sub(repl, line)
    return line


def _lower_words(line: str, prose: str) -> bool:
    """Every word of a capitalised line is also written in lower case in the page ("Electrical Safety",
    "Key Takeaways"): a label in title case, not a person's name."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", line)]
    return bool(words) and all(w in prose and re.search(rf"(?:^|(?<=[\s(])){re.escape(w)}(?=[\s,;:!?)]|\.(?:\s|$)|$)", prose)
                               for w in words)  # the substring test first: it is quick, and most names fail it


def _name_alone(line: str, prose: str = "") -> bool:
    """A line that is only a person's name (not a label, a button or an interface line); a name set
    in capitals ("JANE ROE") is read in title case. A word with a noun's ending ("Development",
    "Community") is a label's; one with an ending surnames share ("Planning" / "King", "Davies") is
    unless `prose` (the page) never writes it in lower case and the line is not repeated like a menu's."""
    if line.isupper() and len(line.split()) >= 2:
        line = line.title()
    line = _CREDENTIALS.sub("", line)  # "Jane Roe, MD", "Jane Roe CPP, PSP": credentials after the name
    return (len(line.split()) <= 4 and person_name(line) is not None and not _NOT_HEADLINE.search(line)
            and not any(word.lower() in _BUTTON_WORDS or _ACRONYM.search(word) or _LABEL_WORD.search(word)
                        or (_SOFT_LABEL_WORD.search(word) and (not prose or _lower_words(word, prose)
                                                               or prose.count("\n" + line + "\n") >= MENU_REPEATS))
                        for word in line.split()))


def _credits(region: list[str], max_chars: int, names: bool | str = False, prose: str = "") -> list[str]:
    """The credit lines of a header region. A dump splits "By <a>Jane Roe</a>" into two lines and
    sets a name alone beside its date: "By" is joined to the next line, and a line that is only a
    person's name next to a date or credit line becomes "By <name>" (with `names="next"`, only a name
    right over its date, or over a count or a dash over it: over the headline). With
    `names="under"` (the lines between the headline and the body), a name alone right under the
    headline, under its deck or under credit lines only ("May 2, 2024" / "Jane Roe"), or a
    "Name, Role" line, is the byline when no other line is; its
    words must not be written in lower case in `prose` (the page: "Electrical Safety" is a label)."""
    out, fallback = [], []
    region = [_unglue(_GLUED_BY.sub("By ", line)) for line in region]  # "ByJane Roe": inline elements glued
    for i, line in enumerate(region):
        nxt = region[i + 1] if i + 1 < len(region) else ""
        if ((_LEAD_ONLY.fullmatch(line) and nxt and not _is_credit(nxt))
                or (_DATE_LABEL_ONLY.fullmatch(line) and _has_date(nxt))):  # "By" / "Published:" split off
            out.append(f"{line} {nxt}")
        elif (len(line) <= max_chars or _LABELLED.match(line)) and _is_credit(line):  # "Posted on <date> in <long tag list>"
            out.append(line)
        elif (names and (_has_date(nxt)
                         or (i + 2 < len(region) and _has_date(region[i + 2])
                             and (names != "next" or not re.search(r"[^\W\d_]", nxt)))  # a count or a dash between
                         or (names != "next" and _role_line(nxt)))
              and _name_alone(line, prose)):
            out.append(f"By {line}")
        elif names == "under" and (
                (i == 0 or (i == 1 and len(region[0].split()) >= MIN_DECK_WORDS)  # under the headline or its deck
                 or all(_is_credit(r) for r in region[:i]))  # or under its date and credit lines
                and _name_alone(line, prose) and not _GLUED_NAME.search(line) and not _lower_words(line, prose)
                or _credit_name(line) and not _NOT_HEADLINE.search(line)  # "Jane Roe, Senior Editor"
                and _role_line(line.split(",", 1)[1].strip()) and not _lower_words(line.split(",")[0], prose)):
            fallback.append(f"By {line}")
    found = out + fallback if not any(_BYLINE.match(line) for line in out) else out
    return [line for line in found if not (prose and _label_byline(line, prose)) and not _EMAIL_BYLINE.fullmatch(line)]


def _label_byline(line: str, prose: str) -> bool:
    """"By Use Case", "By Manufacturer": a menu or a filter label after "By", not a byline (its
    words are written in lower case in the page)."""
    m = _BY_WHAT.match(line)
    return (bool(m) and len(m[1].split()) <= 4 and not m[1].islower() and not re.search(r"\d", m[1])
            and _lower_words(m[1], prose))


def _names_in_credits(credits: list[str], prose: str) -> list[str]:
    """"Jane Roe • May 2, 2024", "May 2, 2024 · 5 min · Jane Roe": a name beside the date in a credit line
    its inline elements share, as "By <name>" (one name only; not a label in title case)."""
    out = []
    for line in credits:
        if not _has_date(line):
            continue
        pieces = [p.strip() for p in _CREDIT_SEPARATORS.split(line) if p.strip()]
        names = [p for p in (re.sub(r"\s+in$", "", p) for p in pieces)
                 if not _has_date(p) and not _is_credit(p) and not _GLUED_NAME.search(p) and _name_alone(p, prose)
                 and not any(_lower_words(w, prose) for w in p.split())]  # any word of it in lower case: a label
        if len(pieces) >= 2 and len(names) == 1 and f"By {names[0]}" not in out:
            out.append(f"By {names[0]}")
    return out


def _after_body(lines: list[str], last_paragraph: str, prose: str = "") -> list[str]:
    """A publication date labelled in the lines right under the body ("Published" / "August 30,
    2024" under the last paragraph), else a signature's (`_signature`): many sites print the
    article's date in its footer."""
    ends = list(_printed_at(lines, last_paragraph))
    if not ends:
        return []
    region = lines[ends[-1] + 1: ends[-1] + 1 + AFTER_BODY_LINES]
    out = []
    for i, line in enumerate(region):
        nxt = region[i + 1] if i + 1 < len(region) else ""
        if _PUBLISHED_LABEL.fullmatch(line) and _DATE_LINE.fullmatch(nxt):  # the label over its date
            out.append(f"{line} {nxt}")
        elif _PUBLISHED_LABEL.match(line) and _LABELLED.match(line):
            out.append(line)
    return out or _signature(region, prose)


def _signature(region: list[str], prose: str) -> list[str]:
    """The date of a signature right under the body: the author's name over its date ("Jane Roe" /
    "May 2, 2024") or beside it ("Jane RoeMay 2, 2024", glued by the dump), a blog's sign-off. Only the
    first line under the body: further down are related stories' cards and comments, name over date too."""
    first, second = (_unglue(line) for line in (region + ["", ""])[:2])
    if _name_alone(first, prose) and _DATE_LINE.fullmatch(second):
        return [second]
    match = _DATE_LINE.search(first)
    if match and match.end() == len(first) and match.start() > 0 and _name_alone(first[:match.start()].strip(), prose):
        return [match.group(0)]
    return []


def dump_header(dump: str, first_paragraph: str, last_paragraph: str = "") -> tuple[str | None, list[str]]:
    """(headline, credit lines after it) of a text dump; (None, []) when the body is not found.
    With the body's last paragraph, a labelled publication date or a signature's date under the body
    joins the credits when the header itself prints no date; without those, the page's first dated
    credit line over the body does."""
    lines = _lines(dump)
    end = _body_start(lines, first_paragraph)
    if end is None:
        return None, []
    start = max(0, end - HEADER_LINES)
    folded = "".join(line.casefold() + "\n" for line in lines[start: end + 1])
    page_top = "\n" + "".join(line.casefold() + "\n" for line in lines[:start]) + folded
    credit = {k: _is_credit(lines[k]) for k in range(max(0, start - 1), min(len(lines), end + 2))}
    scored = [(s, i) for i in range(start, end) if (s := _score(lines, i, end, folded, page_top, credit)) is not None]
    if (end + 1 < len(lines) and len(lines[end].split()) <= FIRST_MAX_WORDS and not lines[end].endswith((".", "!", ":", ",", ";"))
            and (s := _score(lines, end, end + 1, folded, page_top, credit)) is not None):
        scored.append((s - FIRST_COST, end))  # the stripper took the headline for the body's first paragraph
    if not scored:
        return None, []
    scored = _shadowed(scored, lines, end, credit)
    top, best = max(scored)
    up, over = max(((i, s) for s, i in scored if i < best), default=(-1, None))
    if (over is not None and _adjacent(lines, up, best) and len(lines[up].split()) >= DECK_HEAD_WORDS
            and over + (LONG_HEAD_BONUS if _long_headline(lines[up]) else 0.0) >= top - DECK_MARGIN
            and not lines[up].endswith(lines[best])):  # "Guides Headline" over "Headline": a glued kicker
        best = up  # the best line is the deck under its headline (a photo's credit may sit between them)
    after = _credits(lines[best + 1: end], MAX_CREDIT_CHARS, names="under", prose=dump)
    # a date line over the headline, and a name right over its date ("Jane Roe" / "May 2, 2024" / headline)
    before = _credits(lines[max(0, best - CREDIT_BEFORE): best], MAX_CREDIT_CHARS, names="next", prose=dump)
    below = _credits(lines[end + 1: end + 1 + CREDIT_BELOW], MAX_BELOW_CHARS, names=True, prose=dump)  # a byline under a one-line standfirst
    found = after + before + below
    region = lines[max(0, end - LABELLED_LINES): end]
    labelled = []  # "Published: <date>", "Written by <name>" anywhere in the header
    for i, line in enumerate(region):
        if _LABEL_HINT.search(line):  # only such a line (or one split from its date or name) can be one
            labelled += [c for c in _credits(region[i: i + 2], MAX_CREDIT_CHARS, prose=dump)[:1]
                         if _LABELLED.match(c) and c not in found and c not in labelled]
    credits = found + labelled
    if not any(_BYLINE.match(line) for line in credits):  # no byline: a name among a credit line's parts
        credits += _names_in_credits(credits, dump)
    if not any(_DATE_LINE.search(line) for line in credits):
        credits += _after_body(lines, last_paragraph, dump)
    if not any(_DATE_LINE.search(line) for line in credits):
        credits += _first_dated_credit(lines[:end])
    return lines[best], credits


def _first_dated_credit(lines: list[str]) -> list[str]:
    """The page's first dated credit line over the body, when the header holds none (a body found
    far down the article leaves its byline out of the header)."""
    for line in lines:
        line = _unglue(line)
        if len(line) <= MAX_CREDIT_CHARS and _CREDIT_OPENING.match(line) and _has_date(line):
            return [line]
    return []
