"""The article's authors: person names from bylines, author elements and structured data.

In: `Signals` (JSON-LD author, author elements found in the HTML, visible byline lines, <meta>
author) and names that are organisations (site, publisher, agencies).
Out: a de-duplicated list of person names, possibly empty: better no author than a wrong one.

Bylines: "By X and Y", "X, Y and Z", "By NAME | Outlet | Updated: ...", "Written by X on <date>";
what follows a separator, a date or a word like "Updated" is not a name. Sources are tried in
order of trust and the first that yields a person wins.
"""

import re
from itertools import pairwise

from schemas import Signals
from transforms.metadata.jsonld import article_objects, credited
from transforms.metadata.names import NOT_PERSON_WORDS, OTHER_CREDIT, ROLE_WORDS, person_name, recase
from transforms.metadata.publishers import AUTHOR_META_KEYS
from transforms.metadata.titles import key

# More names than this in one credit is a list of related authors, not a byline.
MAX_AUTHORS = 8

_LEAD = re.compile(
    r"^\s*(?:(?:(?:article|post|story)\s+)?(?:written|words|story|article|text|posted|published|reported|reporting|compiled|opinion|analysis|review|interview|commentary)\s+by|by|von|por|par|author|authors|writer|byline|contributors?|本报记者|记者|作者|撰文|文)\b\s*[:：\-/]?\s*",
    re.IGNORECASE,
)
_CUT = re.compile(
    r"(?<=[a-z])(?=(?:Published|Updated|Posted|Last|Reviewed|Fact|Modified)\b)|\s+[|•·]\s*|\s+[-–—]\s+|"
    r"\s+(?:at|on)\s+(?=\w+\.?\s+\d|\d)|\s+(?:in|for)\s+(?-i:(?=[A-Z]))|\s*\b(?:updated|published|posted|last\s+updated|modified|on\s+(?=\w+\s+\d)|"
    rf"{OTHER_CREDIT}\s+by|"
    r"\d+\s*min(?:ute)?s?\s+read|reading\s+time|follow|share|email|e-mail|twitter|read\s+more|on\s+behalf\s+of)\b"
    r"|\s*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b"
    r"|\s*\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}"
    r"|\s*\b(?:19|20)\d{2}[-/.]\d|\s*\b\d{1,2}[/.]\d{1,2}[/.]\d{2}",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|;|\s&\s|\b(?:and|AND)\b|\bund\b|\by\b|\bet\b)\s*")
# Where a co-author's name follows, a reporter's place is left out: "By Jane Roe in London and John Doe in
# Paris" names both (_CUT ends the byline at its last place, " in Paris").
_PLACE_THEN_NAME = re.compile(
    r"\s+in\s+(?-i:[A-Z])[\w.'-]*(?:\s+(?-i:[A-Z])[\w.'-]*){0,2}(?=\s*(?:,|;|\s&\s|\band\s))", re.IGNORECASE
)
# A credit inside a line: "Published <date> Author Jane Roe", "<date> · by Jane Roe".
_INNER = re.compile(r"(?:^|[\s·•|,])(?:[Bb]y|BY|[Aa]uthor:?|[Ww]ritten [Bb]y|[Pp]osted [Bb]y)\s+(?=[A-Z])")
# Right before an inner "by": a credit of someone other than the writer (`names.OTHER_CREDIT`). It
# loses to a writer's in the same line; alone, it is the page's only credit and stays (a reviewed
# page's truth names its reviewer).
_OTHER_CREDIT = re.compile(rf"(?i)\b{OTHER_CREDIT}\s*$")
# A date (and separator) that opens a credit line: "Dec 26, 2025 • Jane Roe".
_DATE_LEAD = re.compile(
    r"^(?:\w{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
    r"\s*[·•|\-–—]?\s*(?=[A-Z])"
)
# Several words, "&", one word: "Tax & Accounting" (see `_is_firm`).
_FIRM = re.compile(r"([^,;&]+\s[^,;&]+?)\s+&\s+[^\W\d_]+\.?")
_DATEISH = re.compile(r"\b(?:19|20)\d{2}\b")
# A desk or team credit ("Editorial Team", "Resy Staff", "Our Editors", "News Desk"): an organisation.
_DESK = re.compile(r"(?i)\b(?:team|staff|editors|editorial|desk|newsroom)\s*$")
# A CMS account name: one token of letters (dots, dashes, underscores inside), no digits or spaces.
_HANDLE = re.compile(r"(?=.*[a-z])[^\W\d_](?:[^\W\d]|[._-](?=[^\W\d_])){2,39}")  # "CNN": an outlet
_DOMAIN = re.compile(r"(?i)\.(?:com|net|org|io|co|info|biz|app|ai|us|uk|de|fr|ca|au)$")
# Sources read again from another one (the handle is the <meta> author's; a first name is the elements').
_DERIVED = ("handle", "first name")
# Sources a reader does not see (the <meta> author, and names read again from it).
_UNSEEN = ("jsonld", "meta", *_DERIVED)


def parse_byline(
    line: str, orgs: set[str], single_word_ok: bool = False, strict: bool = False, led: bool = False
) -> list[str]:
    """Person names in one credit line; [] when it names none.

    The first name must come first: "By following these tips, ..." is a sentence, not a byline.
    `strict`: every piece must be a name (a clean list of co-authors), else [].
    `led`: the text is known to follow a credit ("By"), so a first name alone is a name.
    """
    text = " ".join(line.split()).lstrip("&+ ")
    written_lead = bool(_LEAD.match(text))  # "By" on the page itself, not a field's label
    led = led or written_lead
    text = _LEAD.sub("", text, count=1)
    text = _CUT.split(_PLACE_THEN_NAME.sub("", text), maxsplit=1)[0]
    if _is_firm(text):
        return []
    out = []
    for i, piece in enumerate(_SPLIT.split(text)):
        # "By Linny and Peter": after a lone first name, a co-author's first name alone is a name too
        first_names = led and (i == 0 or (len(out) == 1 and " " not in out[0]))
        name = None if _DESK.search(piece) else person_name(piece, single_word_ok=single_word_ok or first_names)
        if name is None and i == 0 and led and not strict:
            name = _name_prefix(piece) or (_led_handle(piece, text) if written_lead else None)
        if i > 0 and name and _is_role(piece) and len(piece.split()) > len(name.split()):
            break  # "Jane Roe, Capitol Hill Correspondent": a beat and a role, not a co-author
        if name and key(name) not in orgs:
            out.append(name)
        elif (i == 0 or strict) and key(piece) not in orgs:
            return []
        elif _is_role(piece):
            break  # "Jane Roe, Senior Editor, Outlet": what follows a role is the affiliation
    return out


def _is_firm(text: str) -> bool:
    """ "Thomson Reuters Tax & Accounting", "Smith Barney & Co": a name of several words joined by
    "&" to one more word is a firm's name; two people are "Jane Roe & Ann Lee" ("Jane Roe Founder
    & CEO" is a person and her role: her name ends before the role word)."""
    match = _FIRM.fullmatch(text.strip())
    if not match:
        return False
    name = person_name(match[1])
    return name is not None and len(name.split()) == len(match[1].split())


def _is_desk(text: str) -> bool:
    """A named desk or team ("Resy Staff", "The Editorial Team"); a lone "Staff" is a menu link."""
    return 2 <= len(text.split()) <= 6 and bool(_DESK.search(text))


def _is_role(piece: str) -> bool:
    return any(w.lower().strip(".,") in ROLE_WORDS or w.lower().strip(".,") in NOT_PERSON_WORDS for w in piece.split())


def _led_handle(piece: str, text: str) -> str | None:
    """ "Posted by jroe on ...": an account name that is the whole credit after "by"."""
    piece = piece.strip()
    if piece == text.strip() and _HANDLE.fullmatch(piece) and piece.lower() not in NOT_PERSON_WORDS:
        return piece
    return None


def _name_prefix(piece: str) -> str | None:
    """'Jane Roe Content Writer at Outlet' -> 'Jane Roe': a name followed by other words."""
    words = piece.split()
    if len(words) < 3 or _DESK.search(piece):
        return None
    three = person_name(" ".join(words[:3])) if words[2] != words[0] else None
    initial = re.fullmatch(r"(?:[A-Z]\.)+", words[1]) is not None  # "Jane Q. Roe", "Jane Q.R. Roe"
    if three and (len(words) == 3 or initial or not words[3][:1].isupper() or words[3] == words[0]):
        return three
    return person_name(" ".join(words[:2]))


def _structured(name: str) -> str:
    """A name typed in lower case into a CMS field ("jane roe") is still a name; one lower-case
    word ("jroe") stays a handle."""
    return recase(name) if name.islower() and len(name.split()) >= 2 else name


def _dedupe(found: list[str]) -> list[str]:
    seen, out = set(), []
    for name in found:
        k = key(name)
        if k and k not in seen:
            seen.add(k)
            out.append(name)
    return out[:MAX_AUTHORS] if len(out) <= MAX_AUTHORS else []


def _jsonld_authors(signals: Signals, orgs: set[str]) -> list[str] | None:
    for obj in article_objects(signals):
        found, named = [], credited(signals, obj)
        if not named:
            continue
        for name, kind in named:
            if kind in ("", "person"):
                parsed = parse_byline(_structured(name), orgs, single_word_ok=True)
                if not found and not parsed and _is_desk(name):
                    return None  # "Editorial Team" typed as a Person: the page credits no one
                found += parsed
        if found:
            return found
        if all(key(name) in orgs for name, _ in named):
            return None  # the outlet or a wire agency is the author ("Reuters" as a Person): no one
    return []


def _first_credit(texts: list[str], orgs: set[str], single_word_ok: bool) -> list[str] | None:
    """Names of the first text that credits anyone; None when the first credit is not a person
    ("By Staff"): author boxes further down a page belong to teasers, not to this article."""
    for text in texts:
        names = parse_byline(text, orgs, single_word_ok=single_word_ok)
        if names:
            return names
        if _is_desk(text) or (_LEAD.match(text) and _LEAD.sub("", text, count=1).strip() and len(text.split()) <= 6):
            return None
    return []


def _extend(names: list[str], texts: list[str], orgs: set[str]) -> list[str]:
    """Co-authors: one credit line that names all of `names` and more wins over them."""
    keys = {key(n) for n in names}
    for text in texts:
        found = parse_byline(text, orgs, strict=True)
        if len(found) > len(names) and keys <= {key(n) for n in found} and len(found) <= MAX_AUTHORS:
            return found
    return names


def _co_authors(names: list[str], ranked: list[tuple[str, list[str] | None]]) -> list[str]:
    """Co-authors: another source's credit that names all of `names` and more wins over them
    when a second source also names each of the others (the <meta> author and the byline line
    naming them together); one source alone may be a teaser's card or a stray field."""
    keys = {key(n) for n in names}
    named = [{key(n) for n in found or []} for source, found in ranked if source not in _DERIVED]
    for source, found in ranked:
        found = _dedupe(found or [])
        others = {key(n) for n in found} - keys
        if (
            source not in _DERIVED
            and len(found) > len(names)
            and keys <= {key(n) for n in found}
            and all(sum(k in kinds for kinds in named) >= 2 for k in others)
        ):
            return found
    return names


def writer_credits(line: str) -> list[re.Match]:
    """The credits inside a line ("Published <date> by Jane Roe") that are a writer's: not right after
    "Reviewed", "Edited", "Photos", ..."""
    return [m for m in _INNER.finditer(line) if not _OTHER_CREDIT.search(line[: m.start() + 1])]


def _loose_credits(lines: list[str], orgs: set[str]) -> list[str]:
    """Names from credit lines without a leading "By" (and the description's first line, which on
    wire pages is the story's "By Jane Roe"): a credit inside the line, a date first ("Dec 26, 2025
    · Jane Roe"), or "Jane Roe | Senior Writer | July 2, 2025"."""
    for line in lines:
        inner = next(iter(writer_credits(line) or _INNER.finditer(line)), None)
        if inner:
            found = parse_byline(line[inner.end() :], orgs, led=True)
            if found:
                return found
        date_lead = _DATE_LEAD.match(line)
        if date_lead:
            found = parse_byline(line[date_lead.end() :], orgs)
            if found:
                return found
        parts = re.split(r"\s+[|·•]\s+", line)
        if len(parts) > 1 and any(_DATEISH.search(p) for p in parts[1:]):
            found = parse_byline(parts[0], orgs, strict=True)
            if found:
                return found
    return []


def _box_name(texts: list[str], orgs: set[str]) -> list[str]:
    """The first text of an author box that is a full name ("Jane Roe", then her bio); a label
    ("Author Spotlight", "About the author") or a single word is not."""
    for text in texts:
        name = person_name(text)
        if name and " " in name and key(name) not in orgs:
            return [name]
    return []


def _meta_credits(signals: Signals, orgs: set[str]) -> list[str]:
    found = []
    for meta_key in AUTHOR_META_KEYS:
        value = signals.meta.get(meta_key)
        if value and "://" not in value:
            for item in value.split(";"):  # repeated <meta>s arrive joined with "; "
                if meta_key.startswith("citation_author") and item.count(",") == 1:  # "Roe, Jane"
                    item = " ".join(reversed(item.split(",")))
                found += parse_byline(_structured(item), orgs, single_word_ok=True)
    for n in "12345":  # Yoast's "Written by" label/data pairs
        if re.match(r"(?i)^(written by|author|interview(?:ed)? by)", signals.meta.get(f"twitter:label{n}", "")):
            found += parse_byline(signals.meta.get(f"twitter:data{n}", ""), orgs, led=True)
    return found


def _agreed_first_name(signals: Signals, orgs: set[str]) -> list[str]:
    """A one-word name ("By Yucy") that two kinds of author element give whole (a link to the
    author's page and the author box, say): the site credits its writers by first name."""
    kinds: dict[str, set[str]] = {}
    for source, text in signals.author_texts:
        name = person_name(text, single_word_ok=True)
        if name and " " not in name and key(name) not in orgs:
            kinds.setdefault(name, set()).add("itemprop" if source == "rel" else source)
    return next(([name] for name, found in kinds.items() if len(found) >= 2), [])


def _handle(signals: Signals, orgs: set[str]) -> list[str]:
    """The CMS account in <meta name="author"> ("jroe", "JaneR") when nothing else names anyone: the
    page's own credit, as written. Role accounts ("admin", "webmaster"), ids and addresses are not."""
    value = (signals.meta.get("author") or "").strip()
    if not _HANDLE.fullmatch(value) or value.lower() in NOT_PERSON_WORDS or key(value) in orgs or _DOMAIN.search(value):
        return []
    return [value]


def candidates(signals: Signals, orgs: set[str]) -> list[tuple[str, list[str] | None]]:
    """(source, names) in order of trust; names None when the source credits a non-person."""
    texts: dict[str, list[str]] = {}
    for source, text in signals.author_texts:
        texts.setdefault("itemprop" if source == "rel" else source, []).append(text)
    by_lines = [line for line in signals.byline_lines if _LEAD.match(line)]
    other_lines = [line for line in signals.byline_lines if not _LEAD.match(line)]
    description = signals.meta.get("description", "")
    return [
        ("jsonld", _jsonld_authors(signals, orgs)),
        ("itemprop", _first_credit(texts.get("itemprop", []), orgs, True)),
        ("byline", _first_credit(by_lines, orgs, False)),
        ("link", _first_credit(texts.get("link", []), orgs, False)),
        ("meta", _meta_credits(signals, orgs)),
        ("class", _first_credit(texts.get("class", []), orgs, False)),
        ("credit", _first_credit(texts.get("credit", []), orgs, False)),
        ("box", _box_name(texts.get("box", []), orgs)),
        ("loose", _loose_credits(other_lines + texts.get("class", []) + [description.split("\n")[0][:200]], orgs)),
        ("first name", _agreed_first_name(signals, orgs)),
        ("handle", _handle(signals, orgs)),
    ]


def _agreed(found: list[str], by_source: dict[str, list[str] | None]) -> list[str]:
    """An itemprop's or a link's name loses to the <meta> author that the page's author element
    also names: itemprop authors and links to author pages also sit in teasers and sidebars
    ("By <span itemprop=author>..." on every related card), two sources agreeing do not."""
    meta, classed = by_source.get("meta") or [], by_source.get("class") or []
    meta_keys, found_keys = {key(n) for n in meta}, {key(n) for n in found}
    if meta and not meta_keys & found_keys and meta_keys <= {key(n) for n in classed}:
        return meta
    return found


def _link_pairs(signals: Signals) -> dict[str, tuple[str, str]]:
    """Adjacent author links by the `key` of their texts read together ("Jane Roe Ann Lee")."""
    links = [text for source, text in signals.author_texts if source in ("link", "rel", "itemprop")]
    return {key(f"{a} {b}"): (a, b) for a, b in pairwise(links) if key(a) != key(b)}


def _unglued(found: list[str], pairs: dict[str, tuple[str, str]]) -> list[str]:
    """ "Jane Roe Ann Lee" read from "By <a>Jane Roe</a><a>Ann Lee</a>": two author links side by
    side with no separator in the text (`_link_pairs`); the links name them apart."""
    out = []
    for name in found:
        pair = pairs.get(key(name)) if len(name.split()) >= 4 else None
        names = [person_name(part) for part in pair] if pair else []
        out += names if names and all(names) else [name]
    return out


def _link_names(signals: Signals) -> list[str]:
    """Names given whole by author links, longest first."""
    links = [text for source, text in signals.author_texts if source in ("link", "rel", "itemprop")]
    names = {name for name in map(person_name, links) if name and " " in name}
    return sorted(names, key=len, reverse=True)


def _trimmed(found: list[str], link_names: list[str]) -> list[str]:
    """ "Jane Roe Global Commons" read from "by <a>Jane Roe</a> <a>Global Commons</a>": a byline
    name that runs on past an author link's whole name ends where the link ends."""
    out = []
    for name in found:
        words = name.split()
        out.append(
            next((n for n in link_names if words[: len(n.split())] == n.split() and len(words) > len(n.split())), name)
        )
    return out


def _shown_first(ranked: list[tuple[str, list[str] | None]]) -> list[tuple[str, list[str] | None]]:
    """JSON-LD persons that no visible credit names lose to the page's own "By" line when that
    names someone else: a guest post filed under a staff account, a template's default author."""
    by_source = dict(ranked)
    jsonld, byline = by_source.get("jsonld"), by_source.get("byline")
    if not jsonld or not byline:
        return ranked
    shown = {key(n) for source, names in ranked if source not in _UNSEEN and names for n in names}
    if shown & {key(n) for n in jsonld}:
        return ranked
    return [pair for pair in ranked if pair[0] != "jsonld"]


def choose_authors(signals: Signals, orgs: set[str], outlets: set[str] = frozenset()) -> list[str]:
    """`outlets`: the site's names in `key` form; never beside a person ("By Jane Roe, Outlet",
    an <meta> author naming the site before the "Interview by" person), though a personal blog's
    name may be its only author."""
    # co-authors come from a credit line that names the author and more (`_extend`): the lines around
    # the headline and the author links, not any element with "author" in its class, which is also
    # every related story's card ("Jane Roe, Prem Thakker" in a "Most read" list)
    lines = [text for source, text in signals.author_texts if source != "class"] + signals.byline_lines
    ranked = _shown_first(candidates(signals, orgs))
    pairs, link_names = _link_pairs(signals), _link_names(signals)
    ended = False
    for source, found in ranked:
        if found is None:
            ended = True  # "By Staff": no person, unless an author box says "Written by" a full name
            continue
        found = _dedupe(_trimmed(_unglued(found, pairs), link_names))
        if ended and (source != "credit" or not all(" " in n for n in found)):
            continue
        if found:
            if source in ("itemprop", "link"):
                found = _dedupe(_agreed(found, dict(ranked)))
            found = _co_authors(_dedupe(_extend(found, lines, orgs)), ranked)
            return [n for n in found if key(n) not in outlets] or found[:1]
    return []


# A wire story's closing credit: "Reporting by Jane Roe, John Doe in Bengaluru; Editing by Ann Lee",
# "Writing by Jane Roe". Its reporters and writers are the story's authors, its editors are not.
_WIRE_CREDIT = re.compile(r"^(?:(?:additional )?reporting|writing) by\s", re.IGNORECASE)
_WIRE_PART = re.compile(r"^(?:reporting|writing) by\s+(.+)$", re.IGNORECASE)
# Its parts, after a semicolon or run together ("Reporting by Jane Roe Writing by John Doe").
_WIRE_PARTS = re.compile(
    r";|(?<!\badditional)\s+(?=(?:additional reporting|reporting|writing|editing) by\s)", re.IGNORECASE
)
# The closing credit is among the body's last paragraphs, and short.
WIRE_CREDIT_PARAGRAPHS = 3
MAX_WIRE_CREDIT_CHARS = 250


def wire_credit_authors(paragraphs: list[str], orgs: set[str], after: list[str] = ()) -> list[str]:
    """Reporters and writers a wire story's closing credit names (its "Additional reporting by" and
    editors left out), or []: read where the page credits no one else. `after`: a dump's lines right
    under the body (a stripper may leave the credit out of it)."""
    found = []
    for text in [*paragraphs[-WIRE_CREDIT_PARAGRAPHS:], *after]:
        if len(text) > MAX_WIRE_CREDIT_CHARS or not _WIRE_CREDIT.match(text):
            continue
        for part in _WIRE_PARTS.split(text):
            match = _WIRE_PART.match(part.strip())
            if match:
                found += parse_byline("By " + match.group(1), orgs)
    return _dedupe(found)
