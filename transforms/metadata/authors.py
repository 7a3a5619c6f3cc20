"""The article's authors: person names from bylines, author elements and structured data.

In: `Signals` (JSON-LD author, author elements found in the HTML, visible byline lines, <meta>
author) and names that are organisations (site, publisher, agencies).
Out: a de-duplicated list of person names, possibly empty: better no author than a wrong one.

Sources are tried in order of trust and the first that yields a person wins; each credit line is
read by `bylines.parse_byline`.
"""

import re
from itertools import pairwise

from schemas import Signals
from transforms.metadata.bylines import (
    BYLINE_LEAD,
    HANDLE,
    INNER_BY,
    MAX_AUTHORS,
    dedupe,
    first_name_first,
    is_desk,
    parse_byline,
    writer_credits,
)
from transforms.metadata.jsonld import article_objects, credited
from transforms.metadata.names import NOT_PERSON_WORDS, person_name, recase
from transforms.metadata.publishers import AUTHOR_META_KEYS
from transforms.metadata.titles import key

# A date (and separator) that opens a credit line: "Dec 26, 2025 • Jane Roe".
_DATE_LEAD = re.compile(
    r"^(?:\w{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
    r"\s*[·•|\-–—]?\s*(?=[A-Z])"
)
_DATEISH = re.compile(r"\b(?:19|20)\d{2}\b")
_DOMAIN = re.compile(r"(?i)\.(?:com|net|org|io|co|info|biz|app|ai|us|uk|de|fr|ca|au)$")
# Sources read again from another one (the handle is the <meta> author's; a first name is the elements').
_DERIVED = ("handle", "first name")
# Sources a reader does not see (the <meta> author, and names read again from it).
_UNSEEN = ("jsonld", "meta", *_DERIVED)


def _structured(name: str) -> str:
    """A name typed in lower case into a CMS field ("jane roe") is still a name; one lower-case
    word ("jroe") stays a handle."""
    return recase(name) if name.islower() and len(name.split()) >= 2 else name


def _jsonld_authors(signals: Signals, orgs: set[str]) -> list[str] | None:
    for obj in article_objects(signals):
        found, named = [], credited(signals, obj)
        if not named:
            continue
        for name, kind in named:
            if kind in ("", "person"):
                parsed = parse_byline(_structured(name), orgs, single_word_ok=True)
                if not found and not parsed and is_desk(name):
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
        if is_desk(text) or (
            BYLINE_LEAD.match(text) and BYLINE_LEAD.sub("", text, count=1).strip() and len(text.split()) <= 6
        ):
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
        found = dedupe(found or [])
        others = {key(n) for n in found} - keys
        if (
            source not in _DERIVED
            and len(found) > len(names)
            and keys <= {key(n) for n in found}
            and all(sum(k in kinds for kinds in named) >= 2 for k in others)
        ):
            return found
    return names


def _loose_credits(lines: list[str], orgs: set[str]) -> list[str]:
    """Names from credit lines without a leading "By" (and the description's first line, which on
    wire pages is the story's "By Jane Roe"): a credit inside the line, a date first ("Dec 26, 2025
    · Jane Roe"), or "Jane Roe | Senior Writer | July 2, 2025"."""
    for line in lines:
        inner = next(iter(writer_credits(line) or INNER_BY.finditer(line)), None)
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
            for item in first_name_first(value).split(";"):  # repeated <meta>s arrive joined with "; "
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
    if not HANDLE.fullmatch(value) or value.lower() in NOT_PERSON_WORDS or key(value) in orgs or _DOMAIN.search(value):
        return []
    return [value]


def candidates(signals: Signals, orgs: set[str]) -> list[tuple[str, list[str] | None]]:
    """(source, names) in order of trust; names None when the source credits a non-person."""
    texts: dict[str, list[str]] = {}
    for source, text in signals.author_texts:
        texts.setdefault("itemprop" if source == "rel" else source, []).append(text)
    by_lines = [line for line in signals.byline_lines if BYLINE_LEAD.match(line)]
    other_lines = [line for line in signals.byline_lines if not BYLINE_LEAD.match(line)]
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


# A title's label before its colon ("Deconstructed: Patrice Lumumba, the CIA, ..."): a column's or a
# podcast's name, which some sites also set as the author.
_TITLE_LABEL = re.compile(r"^\s*([^\W\d_][\w'’-]*)\s*:\s+\S")


def _series_names(signals: Signals) -> set[str]:
    """The one-word labels that open the page's titles (<title>, og:title, h1, JSON-LD headline):
    "Deconstructed" in "Deconstructed: Patrice Lumumba, ..." names a series, not a writer."""
    titles = [signals.title, signals.meta.get("og:title"), *signals.headings]
    titles += [obj.get("headline") for obj in article_objects(signals)]
    return {key(m[1]) for t in titles if isinstance(t, str) and (m := _TITLE_LABEL.match(t))}


def _without_series(ranked: list[tuple[str, list[str] | None]], series: set[str]) -> list[tuple[str, list[str] | None]]:
    """Each source's names without the series' names; a source that named only the series credits
    no one (None, as "By Staff" does): a related story's card further down is not the writer."""
    out = []
    for source, names in ranked:
        kept = names if names is None else [n for n in names if " " in n.strip() or key(n) not in series]
        out.append((source, None if names and not kept else kept))
    return out


def choose_authors(signals: Signals, orgs: set[str], outlets: set[str] = frozenset()) -> list[str]:
    """`outlets`: the site's names in `key` form; never beside a person ("By Jane Roe, Outlet",
    an <meta> author naming the site before the "Interview by" person), though a personal blog's
    name may be its only author."""
    # co-authors come from a credit line that names the author and more (`_extend`): the lines around
    # the headline and the author links, not any element with "author" in its class, which is also
    # every related story's card ("Jane Roe, Prem Thakker" in a "Most read" list)
    lines = [text for source, text in signals.author_texts if source != "class"] + signals.byline_lines
    ranked = _without_series(_shown_first(candidates(signals, orgs)), _series_names(signals))
    pairs, link_names = _link_pairs(signals), _link_names(signals)
    ended = False
    for source, found in ranked:
        if found is None:
            ended = True  # "By Staff": no person, unless an author box says "Written by" a full name
            continue
        found = dedupe(_trimmed(_unglued(found, pairs), link_names))
        if ended and (source != "credit" or not all(" " in n for n in found)):
            continue
        if found:
            if source in ("itemprop", "link"):
                found = dedupe(_agreed(found, dict(ranked)))
            found = _co_authors(dedupe(_extend(found, lines, orgs)), ranked)
            return [n for n in found if key(n) not in outlets] or found[:1]
    return []
