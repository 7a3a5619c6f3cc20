"""Markdown page dumps (what Firecrawl, crawl4ai, Jina Reader or html2text make of a page) read as
plain-text dumps.

In: a dump's text. Out: `looks_like_markdown(text)`, the sniff `decode` uses, and
`markdown_dump(text)`: the same page as a plain-text dump, one block a line, as a copy of the
rendered page reads (a heading, a paragraph, a list item, a table row each a line; a paragraph's
soft line breaks joined; link texts kept, link targets, images and markup dropped). The text
stripper and the dump metadata then read it as any dump: "# Headline" is a headline line, "**By
[Jane Roe](/staff/jane)** | May 2, 2024" the byline "By Jane Roe | May 2, 2024". markdown-it-py
parses (CommonMark and tables): emphasis, escapes, entities and nesting are its job.

  .venv/bin/python -c "from transforms.markdown import markdown_dump; print(markdown_dump('# Hi\\n\\n[a](/b) c'))"
"""

import re
from functools import cache

# A link or an image with its target, and an ATX heading: plain dumps hardly ever print these.
_LINK = re.compile(r"\[[^\]\n]{0,500}\]\((?:https?://|/|#|\.|mailto:)[^)\s]*(?:\s+\"[^\"\n]*\")?\)")
_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
# A dump is markdown with MANY_LINKS links, or MIN_LINKS and a heading. Headings alone are not
# enough: "# " opens the comment lines of code samples in plain dumps of tech blogs (7 wcxb dumps).
MANY_LINKS = 10
MIN_LINKS = 3
# Markdown sets its blocks apart with blank lines; a plain dump (one block a line) that quotes some
# markdown has few (wcxb 4258, a page showing its article's markdown source): read as markdown, its
# lines would run together into paragraphs. The share of blank lines a markdown dump has at least:
MIN_BLANK_SHARE = 0.1
# Characters of the dump the sniff reads.
SNIFF_CHARS = 20_000
_TAG = re.compile(r"<[^>]*>")


@cache
def _parser():
    """markdown-it-py, imported on the first Markdown dump: its import (~30 ms) would otherwise be
    paid by every worker and extractor process, the sniff above needs none of it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def looks_like_markdown(text: str) -> bool:
    """A dump written in Markdown: MANY_LINKS links ([text](target)), or MIN_LINKS and a "#"
    heading, in its first SNIFF_CHARS characters, with its blocks set apart by blank lines."""
    head = text[:SNIFF_CHARS]
    if "](" not in head:
        return False
    lines = head.splitlines()
    if sum(not line.strip() for line in lines) < MIN_BLANK_SHARE * len(lines):
        return False
    links = len(_LINK.findall(head))
    return links >= MANY_LINKS or (links >= MIN_LINKS and _HEADING.search(head) is not None)


def markdown_dump(text: str) -> str:
    """The page as a plain-text dump: one block a line (see the module's doc)."""
    lines: list[str] = []
    row: list[str] | None = None
    for token in _parser().parse(text):
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            lines.append(" ".join(cell for cell in row if cell))
            row = None
        elif token.type == "inline":
            words = _inline_text(token.children or [])
            if row is not None:
                row.append(words)
            else:
                lines.extend(words.split("\n"))
        elif token.type in ("fence", "code_block"):
            lines.extend(token.content.splitlines())
        elif token.type == "html_block":
            lines.extend(_without_tags(token.content).splitlines())
    kept = (" ".join(line.split()) for line in lines)
    return "".join(line + "\n" for line in kept if line)


def _without_tags(html: str) -> str:
    """Each tag of an HTML block as a line break. Only the text up to the block's last ">" is
    searched: a "<" after it has no ">" to close it, so it stays text, as it did when the pattern
    tried each such "<" and read on to the block's end (quadratic in a run of them)."""
    end = html.rfind(">") + 1
    return _TAG.sub("\n", html[:end]) + html[end:]


def _inline_text(children) -> str:
    """An inline run's text: words and code kept, a soft break a space, a hard break a new line;
    link targets, images, emphasis and inline HTML tags left out."""
    out = []
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "softbreak":
            out.append(" ")
        elif child.type == "hardbreak":
            out.append("\n")
    return "".join(out)
