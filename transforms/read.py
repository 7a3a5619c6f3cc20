"""Read stage: file patterns in, decoded `Page`s out (and `Failure`s for what cannot be read).

  patterns -> MatchFiles (each) -> Flatten -> distinct files -> spans -> Reshuffle -> ReadPageFn -> pages
  patterns -> files the match drops (dangling symbolic links) -> read failures

Paths go through Beam's FileSystems, so `gs://` works on Dataflow. Every file is read with a size
cap (raw and decompressed) and gunzipped by its magic bytes, not its name. A WARC file (known by
its first bytes, see `transforms/warc.py`) is read as a stream of records instead: one page per
HTML response, the cap per record, and the records that are no pages counted as `warc_skipped`.
A JSON or JSON Lines export of a scraper or crawl dataset (`transforms/jsonl.py`) gives a page per
record that holds one, the cap per line. A file of HTML pages fetched into it end to end (`wget -O`
with several URLs) gives a page per document (`transforms/documents.py`), a Parquet dataset a page
per row (`transforms/parquet_source.py`), a tar or zip archive what each member file gives, read as
a file of its own (`transforms/archives.py`).
Work splits across workers by file (the Reshuffle of files), WARCs included: a WARC's records are
processed where the file is read, in the same fused stage as everything after the read. An
uncompressed JSON Lines file over 64 MiB splits further, into byte spans that the Reshuffle spreads
alike, and a Parquet file over 64 MiB into runs of its row groups. Pages are never shuffled: a
shuffle of pages (or a Flatten of two page streams) is held whole in memory by the in-process runner. A crawl of many WARC files (CC-NEWS: ~1 GB each) spreads by
file; one huge WARC, or one huge gzipped export, runs on one worker. A file compressed with zstd,
bzip2 or xz (`transforms/compression.py`) is read as what it holds, on one worker.

  python -m transforms.read crawl.warc.gz export.jsonl.zst pages.tar.gz   # what files hold, by kind
"""

import fnmatch
import io
import os
import re
import sys
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

import apache_beam as beam
from apache_beam.io import fileio
from apache_beam.io.fileio import EmptyMatchTreatment
from apache_beam.io.filesystem import FileSystem
from apache_beam.io.filesystems import FileSystems

from schemas import Failure, Page
from transforms.archives import archive_kind, tar_members, zip_members
from transforms.compression import Decompressed, codec
from transforms.decode import GZIP_MAGIC, decode_page, read_capped
from transforms.documents import html_documents
from transforms.errors import NotAFile, TooLarge, error_text
from transforms.exports import EXTRACTED_FIELDS
from transforms.globs import is_glob
from transforms.jsonl import SPAN_BYTES, file_spans, iter_json, iter_json_span, starts_like_json
from transforms.opening import open_input, special_file
from transforms.parquet_source import PARQUET_MAGIC, is_parquet, iter_parquet, row_group_spans
from transforms.tags import FAILED, counter
from transforms.warc import SKIP_REASONS, SNIFF_BYTES, PrefixedStream, Skipped, is_warc, iter_warc

SKIPPED = "skipped"  # tally keys of WARC records that are no pages


def read_documents(
    path: str, max_bytes: int, start: int = 0, end: int | None = None, extracted: tuple[str, ...] = EXTRACTED_FIELDS
) -> Iterator[Page | Failure | Skipped]:
    """The page of one plain file, or every record of a WARC file or JSON export, every row of a
    Parquet table, every member of a tar or zip archive, as Pages, Failures and Skipped; with `end`,
    a span of `spans_of` (a Parquet table's row groups start..end-1, else the records of a JSON Lines
    file that start at bytes start..end-1). `extracted`: the export fields whose text is an article
    already (`transforms/exports.py`). Never raises on bad input; a WARC, JSON Lines file or tar
    archive is streamed, never held whole. A named pipe, socket or device file is not opened (a pipe
    waits for a writer: the run stopped there for good), nor read when a file was swapped for one
    after that look (`transforms/opening.py`)."""
    if kind := special_file(path):
        yield Failure(path, "read", "not_a_page", f"a {kind}, not a file: not read")
        return
    try:
        with open_input(path) as stream:
            if end is not None:
                if is_parquet(stream.read(len(PARQUET_MAGIC))):
                    stream.seek(0)
                    yield from iter_parquet(stream, path, max_bytes, extracted, (start, end))
                else:
                    yield from iter_json_span(stream, path, max_bytes, start, end, extracted)
                return
            yield from _read_stream(stream, path, max_bytes, extracted, archives=True)
    except NotAFile as err:  # one swapped for a pipe after the look above
        yield Failure(path, "read", "not_a_page", str(err))
    except TooLarge as err:
        yield Failure(path, "read", "too_large", str(err))
    except (ValueError, EOFError, zlib.error) as err:
        yield Failure(path, "read", "decode_error", error_text(err))
    except OSError as err:
        yield Failure(path, "read", "read_error", error_text(err), "", f"byte-{start}" if end is not None else "")


def _read_stream(stream, path: str, max_bytes: int, extracted: tuple[str, ...], archives: bool) -> Iterator:
    """What one file's stream (seekable, at its start) holds, by its first bytes; raises TooLarge,
    ValueError or OSError for the file as a whole. `archives`: open a tar or zip archive (not inside
    one)."""
    head = stream.read(SNIFF_BYTES)
    seekable = stream
    if name := codec(head):  # zstd, bzip2, xz: what the file holds is sniffed, and capped, as any file
        stream = Decompressed(name, PrefixedStream(head, stream))
        head = stream.read(SNIFF_BYTES)
        seekable = None
    kind = archive_kind(head)
    if kind:
        if not archives:
            yield Failure(path, "read", "not_a_page", f"a {kind} archive inside an archive: not opened")
        elif kind == "zip" and seekable is None:  # a zip compressed again: read whole, within the cap
            archive = io.BytesIO(read_capped(PrefixedStream(head, stream), max_bytes))
            yield from _archive_items(zip_members(archive, path, max_bytes), path, max_bytes, extracted)
        else:
            if kind == "zip":
                seekable.seek(0)
            members = (
                zip_members(seekable, path, max_bytes)
                if kind == "zip"
                else tar_members(PrefixedStream(head, stream), path, max_bytes)
            )
            yield from _archive_items(members, path, max_bytes, extracted)
        return
    if is_warc(head):
        yield from _named_when_no_page(
            unique_record_ids(iter_warc(PrefixedStream(head, stream), path, max_bytes)), path
        )
        return
    if is_parquet(head):  # a dataset of pages or articles (cc_news, FineWeb): read from its footer
        if seekable is None:
            yield Failure(path, "read", "not_a_page", f"a Parquet file inside {stream.name}: decompress it")
            return
        seekable.seek(0)
        yield from iter_parquet(seekable, path, max_bytes, extracted)
        return
    if starts_like_json(head):  # a scraper's or crawl dataset's export, or a dump opening with "["
        yield from iter_json(PrefixedStream(head, stream), path, max_bytes, extracted)
        return
    raw = read_capped(PrefixedStream(head, stream), max_bytes)
    if raw[:2] == GZIP_MAGIC:  # gzipped twice (a server's Content-Encoding over a .gz): one level more
        raw = read_capped(io.BytesIO(raw), max_bytes)
    if archives and archive_kind(raw[:SNIFF_BYTES]) == "zip":  # a gzipped zip ("pages.zip.gz"), within the cap
        yield from _archive_items(zip_members(io.BytesIO(raw), path, max_bytes), path, max_bytes, extracted)
        return
    documents = html_documents(raw)
    if len(documents) == 1:
        yield decode_page(path, raw)
        return
    for offset, document in documents:  # pages fetched into one file, end to end
        yield decode_page(path, document, record_id=f"byte-{offset}")


def _named_when_no_page(items: Iterator, path: str) -> Iterator:
    """A WARC's items, and one not_a_page Failure naming the file when all its records were skipped
    (requests, revisits, images, redirects only) or it held none: every input file ends as articles
    or as a quarantine row, and its skipped records stay counted by reason."""
    skipped: Counter = Counter()
    for item in items:
        if not isinstance(item, Skipped):
            skipped = None
        elif skipped is not None:
            skipped[item.reason] += 1
        yield item
    if skipped is not None:
        held = ", ".join(f"{n} {reason}" for reason, n in sorted(skipped.items()))
        detail = f"its records skipped: {held}" if held else "no records"
        yield Failure(path, "read", "not_a_page", f"a WARC file with no HTML response ({detail})"[:2000])


def unique_record_ids(items: Iterator) -> Iterator:
    """The items with a record id that repeats within the file made unique by its ordinal ("<id>#2"):
    a WARC that holds two records with one WARC-Record-ID, a tar with a member added twice (`tar -r`)
    would give two pages one article id. An id given so is never one the file holds itself (members
    "a.html", "a.html", "a.html#2": the third is "a.html#2#2"). The ids seen are kept for the file (a
    WARC's ~40,000 of CC-NEWS take ~5 MB); ids by position (JSON Lines offsets, Parquet rows) need no
    such check."""
    seen: dict[str, int] = {}
    given: set[str] = set()
    for item in items:
        count = seen.get(item.record_id, 0) + 1
        record_id = item.record_id if count == 1 else f"{item.record_id}#{count}"
        while record_id in given:
            count += 1
            record_id = f"{item.record_id}#{count}"
        seen[item.record_id] = count
        given.add(record_id)
        yield item if record_id == item.record_id else _with_record_id(item, record_id)


def _archive_items(members, path: str, max_bytes: int, extracted: tuple[str, ...]) -> Iterator:
    """What an archive's members hold (`_read_members`), each record id unique in the archive."""
    return unique_record_ids(_read_members(members, path, max_bytes, extracted))


def _read_members(members, path: str, max_bytes: int, extracted: tuple[str, ...]) -> Iterator:
    """Each archive member read as a file of its own, its items' record ids under the member's name
    ("pages/a.html", "shard.jsonl#byte-0")."""
    for member in members:
        if isinstance(member, Failure):
            yield member
            continue
        name, data = member
        try:
            for item in _read_stream(io.BytesIO(data), path, max_bytes, extracted, archives=False):
                inner = item.record_id
                yield _with_record_id(item, f"{name}#{inner}" if inner else name)
        except TooLarge as err:
            yield Failure(path, "read", "too_large", str(err), "", name)
        except (ValueError, OSError, EOFError, zlib.error) as err:  # a member's broken gzip stream too
            yield Failure(path, "read", "decode_error", error_text(err), "", name)


def _with_record_id(item, record_id: str):
    return item._replace(record_id=record_id) if isinstance(item, Skipped) else replace(item, record_id=record_id)


class ReadPageFn(beam.DoFn):
    """path -> pages (main), failures (FAILED); with `skipped_tag` the tally key of every skipped
    WARC record goes there. `extracted`: the export fields whose text is an article already."""

    def __init__(self, max_bytes: int, skipped_tag: str | None = None, extracted: tuple[str, ...] = EXTRACTED_FIELDS):
        self._max_bytes, self._skipped_tag, self._extracted = max_bytes, skipped_tag, tuple(extracted)
        self._pages = counter("pages_read")
        self._failed = counter("read_failed")
        self._skipped = counter("warc_skipped")
        self._skip_reasons = {reason: counter(f"warc_skipped_{reason}") for reason in SKIP_REASONS}

    def process(self, element: str | tuple[str, int, int | None]):
        """element: a path (the whole file), or a (path, start, end) span of `file_spans`."""
        path, start, end = (element, 0, None) if isinstance(element, str) else element
        try:
            for item in read_documents(path, self._max_bytes, start, end, self._extracted):
                yield from self._route(item)
        except Exception as err:  # a bug, not bad input: still a quarantine row, never a lost file
            yield from self._route(Failure(path, "read", "internal_error", error_text(err)))

    def _route(self, item):
        if isinstance(item, Failure):
            self._failed.inc()
            yield beam.pvalue.TaggedOutput(FAILED, item)
        elif isinstance(item, Skipped):
            self._skipped.inc()
            self._skip_reasons[item.reason].inc()
            if self._skipped_tag:
                yield beam.pvalue.TaggedOutput(self._skipped_tag, f"warc_skipped.{item.reason}")
        else:
            self._pages.inc()
            yield item


def spans_of(file: tuple[str, int], max_bytes: int, span_bytes: int) -> list[tuple[str, int, int | None]]:
    """(path, size) -> how ReadPageFn reads it: whole, a big Parquet table's runs of row groups, or a
    big JSON Lines export's byte spans. Only files bigger than a span are opened here; any error
    leaves the file whole, for the read to report."""
    path, size = file
    if size > span_bytes:
        try:
            with open_input(path) as stream:
                groups = row_group_spans(stream, span_bytes) if is_parquet(stream.read(len(PARQUET_MAGIC))) else None
        except Exception:  # unreadable here is unreadable in the read stage, which says why
            groups = None
        if groups:
            return [(path, start, end) for start, end in groups]
    return file_spans(path, size, max_bytes, span_bytes)


def unlisted_files(patterns: tuple[str, ...]) -> list[Failure]:
    """A read_error Failure for each local file the patterns match that Beam's match drops without a
    word: a symbolic link to a missing file or in a loop, which its listing cannot size, and a
    folder the glob reaches that cannot be listed (no permission: its files are never seen). The
    listing is Beam's own (the glob's folder walked, its regex matched against each path), so
    exactly the paths it left out are reported; remote patterns have no such files."""
    failures = {}
    for pattern in patterns:
        prefix = re.match(r"[^[*?]*", pattern).group(0)
        if FileSystems.get_scheme(pattern) is not None or prefix == pattern:  # a plain path: `validate` checked it
            continue
        matches = re.compile(FileSystem.translate_pattern(pattern)).match
        unlisted: list[OSError] = []
        for folder, _, names in os.walk(os.path.dirname(prefix) or ".", onerror=unlisted.append):
            for name in names:
                path = os.path.join(folder, name)
                if path in failures or not matches(path) or os.path.exists(path):
                    continue
                target = os.readlink(path) if os.path.islink(path) else "?"
                failures[path] = Failure(
                    path,
                    "read",
                    "read_error",
                    f"a symbolic link that leads nowhere (a missing file or a loop): {target}"[:2000],
                )
        for err in unlisted:
            if isinstance(err, FileNotFoundError | NotADirectoryError):  # nothing there: a glob may match nothing
                continue
            folder = err.filename or ""
            if folder and folder not in failures and _may_hold_matches(folder, pattern):
                failures[folder] = Failure(
                    folder, "read", "read_error", f"a folder the glob reaches could not be listed: {err.strerror}"
                )
    return [failures[path] for path in sorted(failures)]


def _may_hold_matches(folder: str, pattern: str) -> bool:
    """Whether files under `folder` could match `pattern`, compared a path part at a time: a '**'
    part may stand for any folders, a pattern's last part names files, not folders."""
    wanted = pattern.split("/")
    for depth, part in enumerate(folder.split("/")):
        if depth < len(wanted) and "**" in wanted[depth]:
            return True
        if depth >= len(wanted) - 1 or not fnmatch.fnmatchcase(part, wanted[depth]):
            return False
    return True


def skipped_keys(key: str) -> list[tuple[str, int]]:
    return [("warc_skipped", 1), (key, 1)]


def _empty_match(pattern: str) -> str:
    """A glob may match nothing (an empty run says so); a plain path must match. Beam's default
    allows an empty match only to a pattern with a '*', and stopped the run with a traceback on
    'day?.html' or 'page[12].html' matching nothing."""
    return EmptyMatchTreatment.ALLOW if is_glob(pattern) else EmptyMatchTreatment.ALLOW_IF_WILDCARD


class ReadPages(beam.PTransform):
    """PBegin -> (pages, failures), or with tally_skipped=True (pages, failures, skipped tallies):
    (key, count) pairs `warc_skipped` and `warc_skipped.<reason>`, for the run's tallies."""

    def __init__(
        self,
        patterns: list[str],
        max_bytes: int,
        tally_skipped: bool = False,
        span_bytes: int = SPAN_BYTES,
        extracted: tuple[str, ...] = EXTRACTED_FIELDS,
    ):
        super().__init__()
        self._patterns = list(patterns)
        self._max_bytes = max_bytes
        self._tally_skipped = tally_skipped
        self._span_bytes = span_bytes
        self._extracted = tuple(extracted)

    def expand(self, pbegin):
        matched = [
            pbegin | f"Match[{i}]" >> fileio.MatchFiles(p, empty_match_treatment=_empty_match(p))
            for i, p in enumerate(self._patterns)
        ]
        outputs = (
            matched
            | "FlattenMatches" >> beam.Flatten()
            | "Files" >> beam.Map(lambda metadata: (metadata.path, metadata.size_in_bytes))
            | "DistinctFiles" >> beam.Distinct()
            | "Spans" >> beam.FlatMap(spans_of, self._max_bytes, self._span_bytes)
            | "SpreadFiles" >> beam.Reshuffle()
            | "ReadFiles"
            >> beam.ParDo(ReadPageFn(self._max_bytes, SKIPPED, self._extracted)).with_outputs(
                FAILED, SKIPPED, main="pages"
            )
        )
        unlisted = (
            pbegin | "Patterns" >> beam.Create([tuple(self._patterns)]) | "Unlisted" >> beam.FlatMap(unlisted_files)
        )
        pages, failed = outputs.pages, (outputs[FAILED], unlisted) | "FlattenFailed" >> beam.Flatten()
        if not self._tally_skipped:
            return pages, failed
        skipped = (
            outputs[SKIPPED] | "SkippedKeys" >> beam.FlatMap(skipped_keys) | "SumSkipped" >> beam.CombinePerKey(sum)
        )
        return pages, failed, skipped


def main(argv: list[str]) -> int:
    """Tally what the read stage makes of each file given: pages, failures and skipped records by reason."""
    counts: Counter = Counter()
    for path in argv:
        for item in read_documents(path, 16 << 20):
            counts["pages" if isinstance(item, Page) else f"{type(item).__name__.lower()}.{item.reason}"] += 1
    print(dict(sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
