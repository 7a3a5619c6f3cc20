"""A page's visible text as a scraper's text dump: the benchmark corpus's text-dump pages.

In: an HTML page (str). Out: its text as a copy of the page's visible text holds it, every block on
its own line (`visible_text`): scripts, styles, svgs, templates and the head gone, hidden elements
kept (a scraper does not run the CSS). The same shape as the dev sets' dumps
(../shared/tools/make_text_dumps.py), written without BeautifulSoup.
"""

import lxml.html

# Tags whose content is never shown; tags that start a new line.
INVISIBLE = {"script", "style", "noscript", "template", "svg", "head", "iframe"}
BLOCK = {
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "br",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "ul",
    "ol",
    "table",
    "blockquote",
    "figcaption",
    "form",
    "dd",
    "dt",
    "pre",
    "main",
    "figure",
    "label",
    "option",
    "button",
}


def visible_text(page: str) -> str:
    """What a copy of the page's text holds: scripts, styles, svgs and templates gone, hidden
    elements kept (a scraper does not run the CSS), every block on its own line."""
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else None
        if tag and tag not in INVISIBLE:
            block = tag in BLOCK
            parts.append("\n" if block else "")
            parts.append(el.text or "")
            for child in el:
                walk(child)
            parts.append("\n" if block else "")
        parts.append(el.tail or "")

    walk(lxml.html.document_fromstring(page))
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line) + "\n"
