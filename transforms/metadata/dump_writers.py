"""Where a text dump's header names no author: an author's box anywhere in the page.

In: the dump's lines and the page's text (`prose`: a name must read as a person's there). Out: one
credit line "By <names>", or []: an author's label with the names under it or after it ("Written
by" / "Jane Roe", "Authors: Ana Ruiz and Lee Park"), a name alone over its bio ("Jane Roe" / "Jane
writes about ..."), a writer's bio anywhere ("Jane Roe is a reporter for ..."), a "By" line over a
job title ("By Jane Roe" / "Senior Editor"), a link to her archive ("View all posts by Jane Roe"), a
personal blog named after its owner ("Jane Roe's Blog"). `dumps.dump_header` tries them in this order, after the
header's own credits and the lines under the body (`dump_fallbacks`), while nothing names a writer.

  .venv/bin/python -m bench.metadata --data ../shared/data/wcxb-dev-articles --mode text
"""

import re

from transforms.metadata.dump_credits import MAX_CREDIT_CHARS
from transforms.metadata.dump_lines import CREDENTIALS, lower_words, name_alone, role_line
from transforms.metadata.names import ROLE_WORDS

# An author's label on its own line, the name on the next ("Written by" / "Jane Roe", "Author:" /
# "Jane Roe, MD"): a dump splits an author box's label from its names. Not a bare "By": teasers'
# cards print "By" / name too.
_AUTHOR_LABEL_LINE = re.compile(
    r"(?i)(?:(?:(?:article|post|story)\s+)?(?:written|authored)\s+by|(?:article|text|words|post|story|recipe)\s+by"
    r"|author\(s\)"
    r"|authors?(?:\s+of\s+this\s+(?:article|post))?|contributors?|about\s+the\s+author)\s*:?"
)
# A label with the names after it on its line: "Text by Jane Roe", "Authors: Ana Ruiz and Lee Park". Not
# "Written by": related stories' cards print it (on the dev dumps it named a card's author twice).
_AUTHOR_LABEL_LEAD = re.compile(
    r"(?i)(?:(?:article|text|words|story|recipe)\s+by|this (?:post|article|story) was written by|author\(s\)"
    r"|authors?\s*:)\s*(?=(?-i:[A-Z]))"
)
# What a dump leaves on its own line between co-authors' names.
_NAME_SEPARATOR = re.compile(r"[,;&]|and")
# More names than this under a label are a list of the site's authors (a menu), not a byline.
MAX_LABELLED_NAMES = 8


def _names_under(lines: list[str], prose: str) -> list[str]:
    """The names on the lines from the first on, one a line ("Jane Roe, Senior Editor" gives "Jane Roe"),
    lone separators, an avatar's initials over a name ("JR" / "Jane Roe") and a job title under one
    skipped, up to the first line that is none of these."""
    names = []
    for i, line in enumerate(lines):
        if _NAME_SEPARATOR.fullmatch(line.strip()):
            continue
        if _initials_over_name(line, lines[i + 1] if i + 1 < len(lines) else ""):
            continue  # an avatar's initials over the name: "JR" / "Jane Roe"
        if names and role_line(line):
            continue  # the name's job title under it: "Jane Roe" / "Staff Engineer, The Ledger" / "Lee Park"
        head = CREDENTIALS.sub("", line.split(",")[0].strip())
        if len(line) > MAX_CREDIT_CHARS or not name_alone(head, prose) or lower_words(head, prose):
            break
        names.append(head)
    return names


def _initials_over_name(line: str, under: str) -> bool:
    """ "JR" over "Jane Roe": an avatar's initials, the dump printing its text."""
    words = under.split()
    return 2 <= len(line) <= 3 and line.isupper() and line.isalpha() and line == "".join(w[0] for w in words)


def labelled_byline(lines: list[str], prose: str) -> list[str]:
    """The first author's label anywhere in the dump with persons' names on the lines under it, or on
    its own line after a label that only credits writers ("Text by Jane Roe", "Authors: Ana Ruiz and
    Lee Park"; not "Written by", which related stories' cards print too), as "By <names>": an author
    box that neither the header nor the lines under the body hold."""
    for i, line in enumerate(lines):
        if len(line) <= 40 and _AUTHOR_LABEL_LINE.fullmatch(line):
            names = _names_under(lines[i + 1 : i + 2 * MAX_LABELLED_NAMES + 2], prose)
        elif len(line) <= MAX_CREDIT_CHARS and (lead := _AUTHOR_LABEL_LEAD.match(line)):  # names on its line
            pieces = [p.strip() for p in re.split(r",|;|\band\b|&", line[lead.end() :])]
            names = []
            for piece in pieces:
                if not name_alone(piece, prose) or lower_words(piece, prose):
                    break
                names.append(piece)
        else:
            continue
        if 0 < len(names) <= MAX_LABELLED_NAMES:
            return ["By " + ", ".join(names)]
    return []


# A bio under an author's name has at least this many words ("Jane is a science writer who ...").
MIN_BIO_WORDS = 8
# How many lines under the name its bio may start (a role line may sit between them).
BIO_LINES = 3


# What follows the name's first word at a bio's opening: "Jane is ...", "Jane writes about ...".
_BIO_OPENING = re.compile(
    r"\s(?:is|was|has|writes|covers|joined|leads|holds|lives|loves|explores|specializes|specialises|"
    r"serves|works|brings|started|founded|graduated|grew|comes|came)\b"
)


# A job title in parentheses set before a bio, and its dash: "(Editor / Journalist) – Jane comes from ...".
_ROLE_FIRST = re.compile(r"^\([^()]{2,60}\)\s*[–—-]\s*")
# A job title in a bio's first sentence: what tells "Jane Roe is the head of research" (a person) from
# "Apache Spark is a data tool" (a product) when the bio opens with the whole name.
_ROLE_WORD = re.compile(rf"(?i)\b(?:{'|'.join(sorted(ROLE_WORDS))})\b")
# ... and a brand's description, even one that calls it a designer, speaks of "its" or "the brand".
_THING_WORDS = re.compile(r"(?i)\b(?:its|the (?:brand|company|firm|studio|agency|label))\b")


def bio_byline(lines: list[str], prose: str) -> list[str]:
    """The first name alone on its line with its bio right under it ("Jane Roe" / "Senior Editor" /
    "Jane writes about ..."): an author's box anywhere in the dump, as "By <name>". The bio opens with
    the name's first word and a verb of a life ("is", "joined", "writes"), or with the whole name or
    "I'm" and a job title in its first sentence: a product's or a brand's description opens with its
    whole name too ("Apache Spark is a data tool", "Vela is a jewellery designer; the brand ..."). A
    heading whose later words the page writes in lower case ("Dollar Car Rental", "Plant Size") is no
    name."""
    for i, line in enumerate(lines):
        if (
            2 <= len(line.split()) <= 4
            and any(_bio_of(line, below) for below in lines[i + 1 : i + 1 + BIO_LINES])  # cheap: first
            and name_alone(line, prose)
            and not any(lower_words(w, prose) for w in line.split()[1:])
        ):
            return [f"By {line}"]
    return []


def _bio_of(name: str, text: str) -> bool:
    """`text` opens a bio of `name` (see `bio_byline`)."""
    if len(text.split()) < MIN_BIO_WORDS:
        return False
    text = _ROLE_FIRST.sub("", text)  # "(Editor / Journalist) – Jane comes from ...": the role before the bio
    first, sentence = name.split()[0], text.split(". ")[0]
    if text.startswith(first + " ") and _BIO_OPENING.match(text[len(first) :]):
        return True
    if text.startswith(("I'm ", "I’m ", "I am ")):  # first person: "I'm the founder of ..."
        return bool(_ROLE_WORD.search(sentence))
    return bool(
        text.startswith(name + " ")
        and _BIO_OPENING.match(text[len(name) :])
        and _ROLE_WORD.search(sentence)
        and not _THING_WORDS.search(text)
    )


# A bio's first sentence naming a writer's trade: "Jane Roe is a reporter for ...", "Jane Roe has been a
# freelance writer ...", "The Ledger's Jane Roe is the author of ..."; not the trade after a preposition
# ("... is a platform for writers").
_WRITER_BIO = re.compile(
    r"^(?:[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}['’]s )?"  # "The Ledger's "
    r"(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}) (?:is|was|has been) "
    r"(?:a|an|the)\b(?:(?!\b(?:of|for|to|with|by|from|among|on|in|at)\b)[^.;:]){0,60}?"
    r"\b(?:writer|reporter|correspondent|editor|journalist|contributor|columnist|author)\b"
)


def writer_bio_byline(lines: list[str], prose: str) -> list[str]:
    """The first line that opens like a writer's bio ("Jane Roe is a reporter for the Ledger ...", an
    author's box or a note under the article), as "By <name>": the name must read as a person's."""
    for line in lines:
        match = _WRITER_BIO.match(line) if len(line.split()) >= MIN_BIO_WORDS else None
        if match and name_alone(match.group("name"), prose):
            return [f"By {match.group('name')}"]
    return []


# "By Jane Roe" and what may follow the name on its line: a separator and her job title.
_BY_NAME = re.compile(r"By:?\s+(?P<name>[^⋅•·|,]+?)(?:\s*[⋅•·|,]\s*(?P<role>.+))?")


def byline_over_role(lines: list[str], prose: str) -> list[str]:
    """The first "By <name>" anywhere with the name's job title on the next line or after a separator
    on its own ("By Jane Roe" / "Senior Editor", "By Jane Roe ⋅ Review Editor"): an author box. A
    related story's card prints "By <name>" over a date or a title, never over a job."""
    for i, line in enumerate(lines):
        match = _BY_NAME.fullmatch(line) if len(line) <= MAX_CREDIT_CHARS else None
        if not match or not name_alone(match["name"], prose):
            continue
        role = match["role"] or (lines[i + 1] if i + 1 < len(lines) else "")
        if role_line(role):
            return [f"By {match['name']}"]
    return []


# A link to a writer's archive, which an author's box prints under her name: "View all posts by Jane
# Roe", "Read all articles by Jane Roe" (`own`: only writers have such archives); "More by Jane Roe",
# "More from Jane Roe" name outlets, bands and novelists too ("More by Taylor Swift", "More from Top
# Gear"): those count where the page also credits the name (`_credited`).
_ARCHIVE_LINK = re.compile(
    r"(?i)(?:(?P<own>(?:view|see|read|browse)\s+(?:all|more)\s+(?:posts|articles|stories|blogs)\s+by"
    r"|(?:read\s+)?more\s+(?:posts|articles|stories)\s+by|all\s+(?:posts|articles|stories)\s+by)"
    r"|more\s+by|more\s+from)\s+(?P<name>(?-i:[A-Z])[^→»›>|:]*?)\s*[→»›>]?"
)
# What a "by" credits when it is no writer's byline: a photo, an illustration, a publication, or the
# archive link itself ("More by ...", "All posts by ...").
_NOT_WRITER_BY = re.compile(
    r"(?i)\b(?:photo(?:graph)?s?|images?|pictures?|illustrations?|graphics?|videos?|credits?|published|produced|"
    r"courtesy|sponsored|presented|powered|more|posts|articles|stories|blogs)\s+(?:\w+\s+)?by\s*$"
)


def _credited(name: str, prose: str) -> bool:
    """The page credits `name` with a "by" that is no photo's, illustration's or publication's."""
    return any(
        not _NOT_WRITER_BY.search(
            prose[max(0, m.start() - 40) : m.end() - len(name)].rsplit("\n", 1)[-1].rstrip() + " "
        )
        for m in re.finditer(rf"(?i:\bby)\s+{re.escape(name)}\b", prose)
    )


def archive_link_byline(lines: list[str], prose: str) -> list[str]:
    """The link to a writer's archive ("View all posts by Jane Roe"; "More from Jane Roe" where the page
    credits "by Jane Roe" too) whose name reads as a person's whole name, as "By <name>": a theme's
    author box. Links to several people's archives are a list of the site's writers: none is taken."""
    names = []
    for line in lines:
        if len(names) > 1:
            return []  # a list of the site's writers: read no further
        match = _ARCHIVE_LINK.fullmatch(line) if len(line) <= MAX_CREDIT_CHARS else None
        name = match and CREDENTIALS.sub("", match["name"].split(",")[0]).strip()
        if (
            name
            and name not in names
            and len(name.split()) >= 2
            and name_alone(name, prose)
            and not lower_words(name, prose)
            and (match["own"] or _credited(name, prose))
        ):
            names.append(name)
    return [f"By {names[0]}"] if len(names) == 1 else []


# A personal blog's name, its owner's: "Jane Roe's Blog", "Jane Roe's Tech Blog", "Jane Roe's weblog", on a
# line of its own (the site's header) or opening its footer ("Jane Roe's blog. Powered by ...").
_OWNERS_BLOG = re.compile(
    r"(?P<name>[^\W\d][\w'’.-]*(?: [^\W\d][\w'’.-]*){1,2})['’]s(?: [^\W\d]+){0,2} (?i:blog|weblog)(?:\. .*)?"
)


def owners_blog_byline(lines: list[str], prose: str) -> list[str]:
    """The owner of a personal blog whose name is hers ("Jane Roe's Blog", "Jane Roe's Tech Blog"), as
    "By <name>": where the page credits no one else, the blog's owner wrote it. Not a blog named in a
    sentence ("Jane Roe's blog is a goldmine ...") or a link to one of its posts ("Jane Roe's Weblog:
    <title>"); the name must read as a person's whole name."""
    for line in lines:
        match = _OWNERS_BLOG.fullmatch(line) if len(line) <= MAX_CREDIT_CHARS else None
        name = match and match["name"]
        if name and name_alone(name, prose) and not any(lower_words(w, prose) for w in name.split()):
            return [f"By {name}"]
    return []
