"""Metadata quality: title, authors and publication date vs the dev set's ground truth.

  python -m bench.metadata --data ../shared/data/wcxb-dev-articles --mode html
  python -m bench.metadata --data ../shared/data/wcxb-dev-articles --mode text --limit 200
  python -m bench.metadata --data ../shared/data/wcxb-dev-articles --show date --limit 100
  python -m bench.metadata --data ../shared/data/wcxb-dev-articles --split parity
  python -m bench.metadata --data ../shared/data/wcxb-dev-articles --timing 100
  python -m bench.metadata --data ../shared/data/wcxb-dev-articles --mode export --split parity

Runs the real path (`decode_page` -> `extract_page` -> `normalize_metadata`) and prints exact-match
accuracy per field, side by side with trafilatura's own metadata from the same run (HTML mode:
the `bare_extraction(with_metadata=True)` call inside `extract_html`; text mode has no baseline).
Matching: title after whitespace/case/quote normalization; authors as a set of names (split on
",", ";", "and", "&", credentials such as "MD" or "Ph.D." dropped, case-folded), a null gold
author must get no author; date: same calendar day (same month for a month-only gold), a null
gold date must get a null prediction. Skips cleanly when the data is absent.

In text mode a row "truth in dump" gives the share of dumps that print the truth at all (the
title as a line of its own, every author's name, the date within one line in a form our date
reader knows, or no date where the truth has none): about the most a reader of the dumps could get
right (ours gets some dates split over two lines too). The wcxb dumps
were made without <head> (`../shared/tools/make_text_dumps.py`), so <title> and <meta> are gone.

`--mode export` reads each text dump as a scraper's JSON record holding it beside its HTML page's
<title> (the record's "title") and <meta> tags (its "metadata" object, as Firecrawl keeps them),
through the JSON reader (`transforms/jsonl.py`, `transforms/exports.py`): what the pipeline gets
of such an export. Compare with `--mode text`, the same dumps bare.

`--split parity` also prints the even-numbered and odd-numbered page ids apart (rules are tuned
on the even half; the odd half is the check). `--timing N` times `html_signals` against
trafilatura's `bare_extraction` on the same parsed trees of the first N pages (each page timed
for both in turn, best of 3 rounds per page, so a busy machine disturbs the ratio less) and prints
both and their ratio.
"""

import argparse
import io
import json
import pathlib
import re
import time

from bench.common import load_truth, page_files, read_bytes
from schemas import Failure, Signals
from transforms.decode import decode_page
from transforms.errors import NoArticle
from transforms.extract import extract_page
from transforms.html_head import head_signals
from transforms.html_parser import document_fromstring
from transforms.jsonl import iter_json
from transforms.metadata import normalize_metadata
from transforms.metadata.datetexts import find_printed_all
from transforms.textmodel.lines import normalize_lines

FIELDS = ("title", "author", "date")
_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"', "«": '"', "»": '"'}
)
_SPLIT = re.compile(r"\s*(?:[,;&/]|\band\b)\s*", re.IGNORECASE)
# A piece of an author string that is a credential, not a name: "MD", "Ph.D.", "E-RYT 200".
_CREDENTIAL = re.compile(r"^(?:(?:[A-Z][A-Za-z]?\.){2,}|[A-Z][A-Z\d\-®. ]{0,11}|Jr\.?|Sr\.?|[A-Z]\.[A-Z]\.\s*[A-Z]+)$")


def norm_title(value) -> str:
    return " ".join(str(value or "").translate(_QUOTES).split()).casefold()


def norm_authors(value) -> frozenset:
    if not value:
        return frozenset()
    items = value if isinstance(value, list) else [value]
    names = set()
    for item in items:
        for piece in _SPLIT.split(item.translate(_QUOTES)):
            piece = " ".join(piece.split()).strip(" ")
            if not piece or _CREDENTIAL.match(piece) or _CREDENTIAL.match(piece.strip(".")):
                continue
            words = piece.split()
            while len(words) > 1 and any(c.islower() for c in piece) and re.fullmatch(r"[A-Z]{2,5}", words[-1]):
                words.pop()  # "Jane Roe MD" -> "Jane Roe"
            piece = " ".join(words).strip(" .")
            names.add(re.sub(r"^(?:dr|prof)\.?\s+", "", piece.casefold()))
    return frozenset(names)


def date_match(gold, predicted) -> bool:
    if not gold:
        return not predicted
    if not predicted:
        return False
    return str(predicted)[: len(gold)] == gold


def export_record(html: bytes, dump: bytes) -> bytes:
    """A dump as a scraper's JSON record: {"text", "title", "metadata"} with its page's <title> and
    <meta> tags (none when the page does not decode or parse)."""
    record = {"text": dump.decode("utf-8", errors="replace")}
    page = decode_page("page.html", html)
    if not isinstance(page, Failure) and page.fmt == "html":
        signals = Signals()
        try:
            head_signals(document_fromstring(page.text), signals)
        except ValueError:  # lxml on a page it cannot parse
            signals = Signals()
        record.update(title=signals.title or "", metadata=signals.meta)
    return json.dumps(record).encode()


def predict(raw: bytes, uri: str) -> tuple[dict, dict]:
    """(our fields, trafilatura's fields), each with title/author/date; empty on failure. A JSON
    record (`export_record`) is read as the pipeline reads an export's records."""
    page = next(iter_json(io.BytesIO(raw), uri, len(raw) + 1)) if raw[:1] == b"{" else decode_page(uri, raw)
    if isinstance(page, Failure):
        return {}, {}
    try:
        extraction = extract_page(page)
    except NoArticle:
        return {}, {}
    paragraphs = [p for story in extraction.stories for p in story.paragraphs]
    fields, _ = normalize_metadata(extraction.page, extraction.signals, paragraphs)
    ours = {"title": fields["title"], "author": fields["authors"], "date": fields["published_date"], "_all": fields}
    import trafilatura

    doc = trafilatura.bare_extraction(page.text, with_metadata=True, include_comments=False)
    ex = {k: getattr(doc, k, None) for k in ("title", "author", "date")} if doc else {}
    theirs = (
        {
            "title": ex.get("title"),
            "author": (ex.get("author") or "").split("; ") if ex.get("author") else [],
            "date": ex.get("date"),
        }
        if ex
        else {}
    )
    return ours, theirs


def print_seeds(folder: pathlib.Path) -> None:
    """Every metadata field of each file in `folder`, and the body's first words, for eyeballing."""
    for path in sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []:
        page = decode_page(path.name, read_bytes(path))
        if isinstance(page, Failure):
            print(f"{path.name}: {page.reason}")
            continue
        extraction = extract_page(page)
        paragraphs = [p for story in extraction.stories for p in story.paragraphs]
        fields, body = normalize_metadata(extraction.page, extraction.signals, paragraphs)
        print(path.name)
        for name, value in fields.items():
            print(f"  {name:26} {value!r}")
        print(f"  {'body starts':26} {(body[0] if body else '')[:60]!r}")


def in_dump(gold: dict, dump: str) -> dict[str, bool]:
    """Per field, whether the dump prints the truth at all (a null truth counts as printed)."""
    lines = normalize_lines(dump)
    title = gold.get("title")
    days = {str(stamp.day) for line in lines if any(c.isdigit() for c in line) for _, stamp in find_printed_all(line)}
    folded = dump.casefold()
    return {
        "title": not title or norm_title(title) in {norm_title(line) for line in lines},
        "author": all(name in folded for name in norm_authors(gold.get("author"))),
        "date": not gold.get("publish_date") or any(day.startswith(gold["publish_date"]) for day in days),
    }


def timing(files: list[pathlib.Path], rounds: int = 3) -> None:
    """ms per page of html_signals and of trafilatura on the same trees, and their ratio."""
    import trafilatura

    from transforms.html_extract import TRAFILATURA_KWARGS, parse_html
    from transforms.html_signals import html_signals

    texts = [p.text for p in (decode_page(f.name, read_bytes(f)) for f in files) if not isinstance(p, Failure)]

    signals_s = [float("inf")] * len(texts)
    extractor_s = [float("inf")] * len(texts)
    for _ in range(rounds):  # interleaved per page, best of the rounds: load changes hit both alike
        for i, text in enumerate(texts):
            tree = parse_html(text)  # the pipeline's parser; fresh: trafilatura prunes the tree it is given
            start = time.perf_counter()
            html_signals(tree)
            middle = time.perf_counter()
            trafilatura.bare_extraction(tree, **TRAFILATURA_KWARGS)
            signals_s[i] = min(signals_s[i], middle - start)
            extractor_s[i] = min(extractor_s[i], time.perf_counter() - middle)
    signals_ms = sum(signals_s) * 1000 / max(len(texts), 1)
    extractor_ms = sum(extractor_s) * 1000 / max(len(texts), 1)
    print(
        f"pages={len(texts)} html_signals {signals_ms:.2f} ms/page, trafilatura {extractor_ms:.1f} ms/page, "
        f"ratio {signals_ms / extractor_ms:.3f}"
    )


def matches(field: str, gold: dict, pred: dict) -> bool:
    if field == "title":
        return norm_title(gold.get("title")) == norm_title(pred.get("title"))
    if field == "author":
        return norm_authors(gold.get("author")) == norm_authors(pred.get("author"))
    return date_match(gold.get("publish_date"), pred.get("date"))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="a dev-set folder with html/, text/ and ground-truth.aeb.json")
    ap.add_argument(
        "--mode",
        choices=("html", "text", "export"),
        default="html",
        help="which input to read (export: each dump as a JSON record with its page's <title> and <meta> tags)",
    )
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (0: all)")
    ap.add_argument("--offset", type=int, default=0, help="skip the first N pages")
    ap.add_argument("--show", choices=FIELDS, help="list our misses on this field")
    ap.add_argument("--seeds", help="also print every field for the text dumps in this folder")
    ap.add_argument("--split", choices=("parity",), help="also score even and odd page ids apart")
    ap.add_argument("--timing", type=int, default=0, help="time html_signals vs trafilatura on N pages, then stop")
    args = ap.parse_args(argv)
    if args.seeds:
        print_seeds(pathlib.Path(args.seeds))
    data = pathlib.Path(args.data)
    truth = load_truth(data)
    files = page_files(data, "text" if args.mode == "export" else args.mode)
    pages = page_files(data, "html") if args.mode == "export" else {}
    ids = [i for i in truth if i in files][args.offset :][: args.limit or None]
    if args.timing:
        timing([files[i] for i in ids[: args.timing]])
        return
    groups = {"all": ids}
    if args.split:
        groups.update(even=[i for i in ids if int(i) % 2 == 0], odd=[i for i in ids if int(i) % 2 == 1])
    hits = {(g, s): dict.fromkeys(FIELDS, 0) for g in groups for s in ("ours", "trafilatura", "truth in dump")}
    misses, start = [], time.perf_counter()
    for page_id in ids:
        gold = truth[page_id]
        raw = read_bytes(files[page_id])
        if args.mode == "export":
            raw = export_record(read_bytes(pages[page_id]), raw) if page_id in pages else raw
        ours, theirs = predict(raw, page_id)
        printed = in_dump(gold, raw.decode("utf-8", errors="replace")) if args.mode == "text" else {}
        for group, members in groups.items():
            if group != "all" and page_id not in members:
                continue
            for field in FIELDS:
                hits[(group, "ours")][field] += matches(field, gold, ours)
                hits[(group, "trafilatura")][field] += matches(field, gold, theirs)
                hits[(group, "truth in dump")][field] += printed.get(field, False)
        if args.show and not matches(args.show, gold, ours):
            key = {"title": "title", "author": "author", "date": "publish_date"}[args.show]
            misses.append(
                (page_id, gold.get(key), ours.get(args.show), (ours.get("_all") or {}).get("published_source"))
            )
    seconds = time.perf_counter() - start
    print(f"{data.name} mode={args.mode} pages={len(ids)} ({len(ids) / seconds:.1f} docs/s)")
    print(f"{'system':26} " + " ".join(f"{f:>7}" for f in FIELDS))
    systems = {"html": ("ours", "trafilatura"), "text": ("ours", "truth in dump"), "export": ("ours",)}[args.mode]
    for group, members in groups.items():
        for system in systems:
            label = system if group == "all" else f"{system} {group}({len(members)})"
            print(f"{label:26} " + " ".join(f"{hits[(group, system)][f] / max(len(members), 1):7.3f}" for f in FIELDS))
    for page_id, gold, pred, source in misses:
        print(f"  {page_id}  gold={gold!r}  ours={pred!r}  source={source}")


if __name__ == "__main__":
    main()
