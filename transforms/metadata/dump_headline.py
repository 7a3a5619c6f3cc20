"""Which line of a plain-text page dump's header is its headline.

In: the dump's lines and the line where its body starts. Out: the headline's index (`headline_index`),
None when no line can be one. The header is the run of HEADER_LINES lines before the body; the headline
is the line in it that reads most like one: followed closely by a byline or date line (or right under
one), near the body, five to sixteen words, the end of a breadcrumb or another header line, not a
sentence, a menu entry, a caption, a credit, an author's name or role, a list of names, glued menu
entries or a list item (the body's first paragraph itself, when short and no sentence, is a candidate
too); a line over it that scores as well is the headline over its deck (a photo's credit may sit between
them; a long headline over a shorter deck counts as one of headline length), unless the line under it is
longer and in title case (decks are sentences: that is the headline under its section), or in title case and
names the body better than the line over it while sharing few of its words (that is a teaser). News pages print
more between the masthead and the headline: photo captions and credits (cut short with "…", ending in "(AP Photo/...)", "Jane Roe/The Ledger",
over a "Credit:" line), ticker and live entries ("2h agoSome Name says ...", a line under "7:16pm"), the
publisher between the byline and the date, trending topics and kickers over the headline (a short line
loses its byline to a longer headline-like line under it, but not a
short title-case headline to its sentence-case deck, which names the body less): none is the headline. A
label before the chosen line ("Video: <headline>", "Transcript: ...") is dropped where the headline stands
alone further up: that line is the headline. `dumps.dump_header`
reads the credit lines around it.

  .venv/bin/python -m bench.metadata --data ../shared/data/wcxb-dev-articles --mode text
"""

import re
from functools import lru_cache

from transforms.metadata.dump_credits import BYLINE, LABELLED, MAX_CREDIT_CHARS, label_byline
from transforms.metadata.dump_lines import NOT_HEADLINE, credit_name, is_credit, names_list, role_line
from transforms.metadata.names import person_name
from transforms.metadata.titles import CUT_SHORT
from transforms.textstats import (
    HAN_KANA,
    WRITTEN_WITHOUT_SPACES,
    characters_of,
    rights_notice,
    under_caption_toggle,
    word_count,
)

# How many lines before the body are read as the header.
HEADER_LINES = 40
# How many lines after a candidate may hold the byline/date that marks it as the headline (share buttons between,
# "Share to LinkedIn" / "Copy link" / "Email this article", not counted: `_SHARE`), and its score for
# one. A line of at most KICKER_WORDS words with a longer headline-like line between it and the byline loses it
# (`_shadowed`): news pages set menu entries, trending topics and kickers over the headline (5 to 8 chose
# alike on the dev dumps and fundus-news-80, 4 worse).
CREDIT_REACH = 4
CREDIT_BONUS = 3.0
KICKER_WORDS = 6
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
# Score lost per line between a candidate and the body: the headline usually sits right over the
# article (0.07 moved 23 of 793 dev dumps to the right headline, 0.02 and 0.2 fewer).
DISTANCE_COST = 0.07
# Weight of title case (share of capitalised words): many headlines are in sentence case, and
# menu entries are in title case, so it only breaks ties (1.5 chose worse on the dev dumps).
TITLE_CASE_WEIGHT = 0.75
# A line this long or longer in title case is a headline even with a full stop after it.
TITLE_CASE_MIN_WORDS = 5
# Words on each side of the one pipe of a headline in two halves (`_not_headline`).
PIPED_HALF_WORDS = 4
# Words on each side of the one slash of a headline naming alternatives (a trail's parts are shorter).
SLASHED_HALF_WORDS = 3
# ... or a headline and its section after a pipe ("How meditation rewires brains | Opinion").
SECTION_TAIL_WORDS = 2
# Headline length in words: fewer is a menu entry or a label, more is a paragraph.
MIN_WORDS, MAX_WORDS = 3, 25
# A headline sits over its deck: the line over the best one is the headline when it scores within
# this of it (the same evidence, the deck only nearer the body) and has at least DECK_HEAD_WORDS
# words (a shorter line over a headline is a kicker or a menu entry).
DECK_MARGIN = 0.25
DECK_HEAD_WORDS = 5
# Lines of five to this many words score this much more: a headline's length (longer ones are paragraphs and
# lists more often than headlines, but not over a shorter deck: a news headline runs to 20 words and more).
LONG_HEAD_WORDS = 16
LONG_HEAD_BONUS = 1.0
# A headline names what its article is about: a line scores this much more per share of its words (three
# letters or more) that the body's first lines repeat (`ABOUT_LINES`). A deck shares even more of them, so
# headline and deck are told apart without it (the rule above). On the dev dumps 1.0 chose the right line on
# 4 more even and 6 more odd pages of wcxb, none fewer on fundus-news-80 (0.5 and 1.5 fewer on the even
# half); a related story's or a menu's line shares few words with the article.
ABOUT_WEIGHT = 1.0
ABOUT_LINES = 3
# A title-case line under the best one sharing less than this share of its words with it is no
# restatement of it: the line over is another story's teaser (`_teaser_over_headline`).
TEASER_SHARED = 0.5

# A headline with a label before it ("Video: <headline>", "Transcript: <headline>", "Introduction: <headline>").
_LABELLED_HEAD = re.compile(r"^[A-Z][a-z]+: (.+)$")
# A share button or link on its own line ("Share to LinkedIn", "Copy link", "Email", "Print").
_SHARE = re.compile(
    r"(?i)(?:(?:share|e-?mail|print|save)(?: this)?(?: (?:article|story|post|page))?"
    r"|share (?:on|to|via) \w+|copy(?: the)? link|tweet|pin it|"
    r"facebook|twitter|x|linkedin|whatsapp|reddit|bluesky|threads|pinterest|more information|comments?)"
)
# A word with a capital glued to lower-case letters ("HomeNews"): menu entries run together.
_GLUED = re.compile(r"[a-z]{2}[A-Z]")
# Symbols set before an interface label ("🔊 Listen to this article", "» Read more").
_LEAD_SYMBOLS = re.compile(r"^[^\w\"'‘“(]+")
# A rights notice: "© Jane Roe 2024", "Copyright © 2024 The Ledger", "... All rights reserved." A
# headline may open with the word ("Copyright Office rejects ..."): only a symbol or a year after it counts.
_RIGHTS = re.compile(r"(?i)^\W*(?:©|copyright\s*(?:©|\(c\)|\d{4}))|©\s*\d{4}|\ball rights reserved\b")
# A sentence's end inside a line: with a lower-case first letter, the line is a wrapped paragraph's middle.
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?] [A-Z]")
# A short line opening with one of these verbs is a button ("Get a Demo", "Start free trial"); "Learn ..."
# heads courses' titles too.
_CALL_TO_ACTION = re.compile(
    r"(?i)(?:get|book|request|start|try|schedule|download|buy|shop|order|contact|call|apply|"
    r"register|watch|explore|discover|see|view|find|browse|claim)\b"
)

# A photo's credit, alone or at a caption's end: "(AP Photo/Jane Roe)", "(Photo: Jane Roe/Agency)",
# "Credit: HENRY NICHOLLS / AFP/Getty", "Illustration: Jane Roe/The Guardian", "Photograph: Reuters".
PHOTO_CREDIT = re.compile(
    r"(?i)^(?:credits?|illustrations?|photograph|photos?|pictures?|images?)(?: by)?:|\((?:AP|AFP|EPA) Photo\b"
    r"|\((?:credits?|illustrations?|photograph|photos?|pictures?|images?)(?: by)?:"
    r"|\b(?:AP|AFP|EPA|Reuters) Photo/|/\s?(?:Getty|AFP|Reuters|Shutterstock|Alamy)\b|getty images"
)
# A photo's credit that names its photographer and outlet ("Jane Roe/The Ledger", "Jane Roe / Getty Images;
# Lee Park for The Ledger", "Jane Roe/The Ledger via AP"): a person's name of two or three words right
# before the slash (read by `person_name`).
_NAME_SLASH = re.compile(r"^([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2}) ?/ ?[A-Z]")
# A ticker entry's age before it, glued or not: "2h agoSome Name says ...", "49m ago Thames Water ...".
_TICKER_AGE = re.compile(
    r"^(?:\d+\s?(?:[smhd]|mins?|hrs?)|(?:[Aa]n?|\d+) (?:second|minute|hour|day)s?) ?ago(?=[A-Z\s]|$)"
)
# A clock time or an age alone on its line: the live entry or ticker item under it is no headline ("7:16pm", "2h ago").
_TIME_ALONE = re.compile(r"(?i)\d{1,2}[:.]\d\d\s?(?:[ap]\.?m\.?)?(?:\s?[a-z]{2,4})?|\d+\s?(?:[smhd]|mins?|hrs?) ago")
# The words a headline and its article share: three letters or more, any script ("the", "of", "a" drop out).
_ABOUT_WORD = re.compile(r"\w{3,}")


def _about_words(text: str) -> set[str]:
    return set(_ABOUT_WORD.findall(text.casefold()))


def _about(line: str, body_words: set[str]) -> float:
    """Share of the line's words (three letters or more) that the body's first lines use too."""
    words = _about_words(line)
    return len(words & body_words) / len(words) if words else 0.0


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
        if top[at + len(target) : at + len(target) + 1] in ("|", "–", "—", "-", "·", "•", ":"):
            return True
        at = top.find(target, at + 1)
    return False


def _caption_or_ticker(lines: list[str], i: int) -> bool:
    """Line `i` is a photo's caption or credit, a ticker's or a live page's entry, or a byline's name or
    publisher, not a headline: it carries a photo's credit, or it is a caption over one (with no byline under
    it), or a video's under its player's caption toggle (`textstats.under_caption_toggle`); it is cut short ("…": a caption or a teaser); it opens with its age ("2h agoSome Name says ...") or sits
    under a clock time (not a date's: "7:16pm" / <live entry>); or it sits between a byline and a date ("By Jane
    Roe" / "-" / "The Daily Ledger" / "-" / "May 2, 2024"; "By" / "Jane Roe Fox News" / "Published")."""
    line = lines[i]
    if (m := _NAME_SLASH.match(line)) and person_name(m[1]):
        return True  # a photo's credit: "Jane Roe/The Ledger; Lee Park for The Ledger"
    if PHOTO_CREDIT.search(line) or CUT_SHORT.search(line) or _TICKER_AGE.match(line) or under_caption_toggle(lines, i):
        return True
    if (
        i + 1 < len(lines)
        and PHOTO_CREDIT.match(lines[i + 1])  # a caption over its photo's credit, no byline under
        and not any(is_credit(under) for under in lines[i + 2 : i + 2 + CREDIT_REACH])
    ):
        return True
    k = neighbour(lines, i, -1)
    over = lines[k] if k is not None else ""
    return bool(
        (_TIME_ALONE.fullmatch(over) and not is_credit(line_at(lines, neighbour(lines, k, -1))))  # not a date's time
        or (
            BYLINE.match(over)
            and is_credit(over)
            and len(over.split()) <= 6
            and is_credit(line_at(lines, neighbour(lines, i, 1)))
        )
    )


def neighbour(lines: list[str], i: int | None, step: int) -> int | None:
    """The nearest line over (`step` -1) or under (1) line `i` that is not a separator ("-", "|": a dump
    sets inline parts apart on lines of their own); None past the page's edge."""
    if i is None:
        return None
    k = i + step
    while 0 <= k < len(lines) and not any(c.isalnum() for c in lines[k]):
        k += step
    return k if 0 <= k < len(lines) else None


def line_at(lines: list[str], k: int | None) -> str:
    return lines[k] if k is not None else ""


def _credit_under(i: int, end: int, credit: dict[int, bool], lines: list[str]) -> int | None:
    """The first credit line within reach under line `i` (before `end`, the body): CREDIT_REACH lines,
    not counting share buttons between ("Share to LinkedIn", "Copy link")."""
    reach = i + CREDIT_REACH
    k = i + 1
    while k <= min(end, reach):
        if credit[k]:
            return k
        if _SHARE.fullmatch(lines[k]):
            reach += 1
        k += 1
    return None


def _adjacent(lines: list[str], i: int, j: int) -> bool:
    """Lines `i` and `j` (i < j) have nothing between them but photo credits and separators."""
    return all(PHOTO_CREDIT.search(line) or not any(c.isalnum() for c in line) for line in lines[i + 1 : j])


def _long_headline(line: str) -> bool:
    """Longer than most headlines, and with a word in lower case ("... after primary victories in 3 counties"):
    menu entries run together are in title case throughout ("Our Data Sample Profile User Reviews ...")."""
    words = line.split()
    return LONG_HEAD_WORDS < len(words) <= MAX_WORDS and any(w[0].islower() for w in words)


def title_cased(words: list[str]) -> bool:
    """Five words or more, each capitalised but the short ones ("a", "of", "the"): a headline's casing,
    which no sentence is written in, so a full stop after it does not make it one."""
    return len(words) >= TITLE_CASE_MIN_WORDS and all(w[0].isupper() or len(w) <= 3 for w in words)


def _shadowed(
    scored: list[tuple[float, int]], lines: list[str], end: int, credit: dict[int, bool], opening: set[str]
) -> list[tuple[float, int]]:
    """The scores, less the byline's bonus for a short line (a kicker, a menu entry, a trending topic) with a
    longer headline-like line between it and the byline ("Wendy's surge pricing" / "World News" / <headline> /
    <photo caption> / "By ..."; "Support Us With a Donation" / "Store" / <headline> / "by ..."), unless that
    line is right under it (a short headline over its deck)."""
    at = sorted(i for _, i in scored)
    out = []
    for score, i in scored:
        words = len(lines[i].split())
        k = _credit_under(i, end + 1 if i == end else end, credit, lines)
        if k is not None and words <= KICKER_WORDS:
            longer = [
                j
                for j in at
                if i < j < k
                and len(lines[j].split()) >= max(DECK_HEAD_WORDS, words + 1)
                and not lines[j].endswith((".", ":"))
            ]  # no sentence, no lead-in
            if longer and not (
                len(longer) == 1
                and _adjacent(lines, i, longer[0])
                and (words >= DECK_HEAD_WORDS or _short_head_over_deck(lines[i], lines[longer[0]], opening))
            ):
                score -= CREDIT_BONUS
        out.append((score, i))
    return out


def _not_headline(line: str) -> bool:
    """NOT_HEADLINE, but a headline in two long halves set apart by one pipe ("Top 10 Cameras of
    2025 Under $2500 | The Best Mirrorless Cameras on the Market") may be one: menus, credits and
    labels set apart by pipes have short parts ("Home | News", "Jane Roe | May 2, 2024"); and so may one
    naming alternatives with one slash between halves of SLASHED_HALF_WORDS words or more ("21 Best
    Movers / Moving Companies in Austin (2024)"; a trail has more slashes or shorter parts)."""
    if not NOT_HEADLINE.search(line):
        return False
    slashed = line.split(" / ")
    if (
        len(slashed) == 2
        and all(len(half.split()) >= SLASHED_HALF_WORDS for half in slashed)
        and not NOT_HEADLINE.search(" ".join(slashed))
    ):
        return False  # "21 Best Movers / Moving Companies in Austin (2024)": alternatives, no trail
    halves = line.split(" | ")
    return not (
        len(halves) == 2
        and (
            all(len(half.split()) >= PIPED_HALF_WORDS for half in halves)
            or (len(halves[0].split()) > PIPED_HALF_WORDS and len(halves[1].split()) <= SECTION_TAIL_WORDS)
        )
        and not NOT_HEADLINE.search(" ".join(halves))
    )


# A character str.isalnum() takes: sre's \w is that or "_"; and a letter, of any script.
_ALNUM = re.compile(r"[^\W_]")
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=4096)  # the headline's choice asks it twice of each candidate, and again for each story of a dump
def _words(line: str) -> tuple[str, ...]:
    """The line's words, those with a letter or a digit: "&", "—", "|" are none."""
    return tuple(w for w in line.split() if _ALNUM.search(w))


def headline_words(line: str) -> int:
    """A line's words for the headline's bounds. In text written without spaces, textstats' count (a
    CJK character a word, a Thai run its estimated words) with a CJK word taken as two characters: a
    Chinese headline of 15 characters is ~8 words, where the spaces split it into one."""
    words = _words(line)
    if line.isascii() or not WRITTEN_WITHOUT_SPACES.search(line):
        return len(words)
    return word_count(line) - characters_of(HAN_KANA, line) // 2


def headline_shaped(lines: list[str], i: int, is_credit_line: bool) -> bool:
    """Line `i` may be a headline: MIN_WORDS to MAX_WORDS words (`headline_words`), no credit line,
    menu entry, caption, name, role, button, list item, link target or a wrapped paragraph's middle."""
    line = lines[i]
    return not (
        not MIN_WORDS <= headline_words(line) <= MAX_WORDS
        or not _LETTER.search(line)  # a time stamp ("2023 11/ 17 20:52:15"), a score, a phone number
        or "javascript:" in line  # a link's target printed as its text
        or is_credit_line
        or _not_headline(_LEAD_SYMBOLS.sub("", line))
        or _RIGHTS.search(line)
        or rights_notice(line.lower())
        or credit_name(line)
        or len(_GLUED.findall(line)) >= 2
        or role_line(line)
        or names_list(line)
        or line[0] in ",;/|>»›"  # a line opening with a comma goes on from the one before, a slash a breadcrumb
        or (i > 0 and lines[i - 1].endswith(","))  # and so does a line under one ending with a comma: a list's item
        or (line[0].islower() and _SENTENCE_INSIDE.search(line))  # a wrapped paragraph's middle
        or (len(_words(line)) <= 4 and _CALL_TO_ACTION.match(line))  # a button: "Book a Demo", "View Full Profile"
        or _caption_or_ticker(lines, i)
    )


def _score(lines: list[str], i: int, end: int, folded: str, top: str, credit: dict[int, bool]) -> float | None:
    """How much line `i` reads like the headline (None: it cannot be one). `folded`: the header
    case-folded (`_is_tail`), `top`: all lines over the body so (`_is_title_head`); `credit`: which
    lines around it are credit lines."""
    if not headline_shaped(lines, i, credit[i]):
        return None
    line = lines[i]
    words = _words(line)
    alpha = [w for w in words if w[0].isalpha()]
    score = TITLE_CASE_WEIGHT * sum(w[0].isupper() for w in alpha) / max(1, len(alpha))  # title case
    if _credit_under(i, end, credit, lines) is not None:
        score += CREDIT_BONUS  # a byline or a date follows the headline
    elif i > 0 and credit[i - 1]:
        score += BEFORE_BONUS  # a date or a byline right over it
    if line.endswith((":", ",")) or (line.endswith(".") and not title_cased(alpha)):
        score -= 2.0  # a sentence or a lead-in (not a headline in title case that ends with a full stop)
    if 5 <= len(words) <= LONG_HEAD_WORDS:
        score += LONG_HEAD_BONUS
    if _is_tail(line, folded):
        score += TAIL_BONUS
    if _is_title_head(line, top):
        score += HEAD_BONUS
    return score - DISTANCE_COST * (end - i)  # nearer the body is likelier


def headline_index(lines: list[str], end: int) -> int | None:
    """The index of the headline among `lines` (see the module's doc), `end` being the body's first line
    (itself a candidate); None when no line can be one."""
    start = max(0, end - HEADER_LINES)
    folded = "".join(line.casefold() + "\n" for line in lines[start : end + 1])
    page_top = "\n" + "".join(line.casefold() + "\n" for line in lines[:start]) + folded
    prose = "\n".join(lines)
    credit = {
        k: is_credit(lines[k])
        and not label_byline(lines[k], prose)  # "By Manufacturer": a filter's label
        and (len(lines[k]) <= MAX_CREDIT_CHARS or LABELLED.match(lines[k]) is not None)
        for k in range(max(0, start - 1), min(len(lines), end + 2))
    }
    scored = [(s, i) for i in range(start, end) if (s := _score(lines, i, end, folded, page_top, credit)) is not None]
    if (
        end + 1 < len(lines)
        and len(lines[end].split()) <= FIRST_MAX_WORDS
        and not lines[end].endswith((".", "!", ":", ",", ";"))
        and (s := _score(lines, end, end + 1, folded, page_top, credit)) is not None
    ):
        scored.append((s - FIRST_COST, end))  # the stripper took the headline for the body's first paragraph
    if not scored:
        return None
    opening = _about_words(" ".join(lines[end : end + ABOUT_LINES]))
    scored = _shadowed(scored, lines, end, credit, opening)
    after_first = _about_words(" ".join(lines[end + 1 : end + 1 + ABOUT_LINES]))  # for the first paragraph itself
    _, best = max((s + ABOUT_WEIGHT * _about(lines[i], after_first if i == end else opening), i) for s, i in scored)
    base = {i: s for s, i in scored}  # headline or deck: decided without the shared words
    top = base[best]
    up, over = max(((i, s) for s, i in scored if i < best), default=(-1, None))
    if (
        over is not None
        and _adjacent(lines, up, best)
        and len(lines[up].split()) >= DECK_HEAD_WORDS
        and over + (LONG_HEAD_BONUS if _long_headline(lines[up]) else 0.0) >= top - DECK_MARGIN
        and not lines[up].endswith(lines[best])  # "Guides Headline" over "Headline": a glued kicker
        and not _headline_under_kicker(lines[up], lines[best])
        and not _teaser_over_headline(lines[up], lines[best], opening)
    ):
        best = up  # the best line is the deck under its headline (a photo's credit may sit between them)
    label = _LABELLED_HEAD.match(lines[best])
    if label:  # "Video: <headline>" with "<headline>" a line of its own over it: the label is the player's
        bare = [k for k in range(best) if lines[k] == label[1]]
        if bare:
            return bare[-1]
    return best


def _headline_under_kicker(over: str, line: str) -> bool:
    """`line` is longer than the line over it and in title case: a headline under its section or
    kicker, not a deck (decks are written as sentences). On the wcxb dumps: +4 / -1 titles."""
    alpha = [w for w in line.split() if w[0].isalpha()]
    return title_cased(alpha) and len(line.split()) > len(over.split())


def _teaser_over_headline(over: str, line: str, opening: set[str]) -> bool:
    """`line` is in title case (no deck: decks are sentences), names what the body's opening is about
    better than the line over it, and shares less than TEASER_SHARED of its words with it: the line over
    it is another story's teaser (a related post's card over the headline), not the headline over its
    deck. On the wcxb dumps: +2 odd, 0 even (a shorter restatement in title case under the headline,
    "A Guide to ..." under "A Complete Guide to ...", stays a deck)."""
    alpha = [w for w in line.split() if w[0].isalpha()]
    return (
        title_cased(alpha)
        and not line.endswith(".")
        and _about(over, opening) < _about(line, opening)
        and _about(line, _about_words(over)) < TEASER_SHARED
    )


def _short_head_over_deck(over: str, line: str, opening: set[str]) -> bool:
    """`over`, a short line in title case ("Your Car Upkeep Checklist"), sits right over `line`, a longer
    one in sentence case that shares fewer of its words with the body's opening: the headline over its
    deck, not a kicker over the headline."""
    head = [w for w in over.split() if w[0].isalpha()]
    words = line.split()
    lower = [w for w in words if w[0].islower() and len(w) > 3]
    return (
        MIN_WORDS <= len(over.split()) < DECK_HEAD_WORDS
        and all(w[0].isupper() or len(w) <= 3 for w in head)
        and len(lower) * 3 >= len(words)
        and _about(over, opening) > _about(line, opening)
    )
