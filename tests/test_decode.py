"""Bytes to pages: gzip with caps, charsets, format sniffing, reasons for what is not a page."""

import gzip
import io
import quopri
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from schemas import Failure, Page
from transforms import mojibake
from transforms.charsets import decode_text
from transforms.decode import decode_page, is_binary, read_capped, sniff_format, utf16_bom
from transforms.errors import TooLarge
from transforms.read import read_documents

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = "<html><head><title>T</title></head><body><p>" + "Word " * 50 + "</p></body></html>"


def test_plain_bytes_pass_through_under_the_cap():
    assert read_capped(io.BytesIO(b"abc"), 10) == b"abc"


def test_raw_file_over_the_cap_is_too_large():
    with pytest.raises(TooLarge):
        read_capped(io.BytesIO(b"x" * 11), 10)


class _Trickle(io.RawIOBase):
    """A stream that hands out at most 7 bytes a read, as network streams may."""

    def __init__(self, data: bytes):
        self._data = data

    def readable(self):
        return True

    def read(self, size=-1):
        size = 7 if size is None or size < 0 else min(size, 7)
        out, self._data = self._data[:size], self._data[size:]
        return out


def test_plain_file_is_read_whole_across_short_reads_and_chunks():
    data = bytes(range(256)) * 5000  # 1.28 MB: more than one read chunk
    assert read_capped(io.BytesIO(data), len(data)) == data  # exactly at the cap is allowed
    assert read_capped(_Trickle(b"<html>" * 10), 60) == b"<html>" * 10
    with pytest.raises(TooLarge):
        read_capped(_Trickle(b"x" * 61), 60)
    with pytest.raises(TooLarge):  # over the cap in the two bytes read to sniff for gzip
        read_capped(io.BytesIO(b"\x00\x00"), 1)


def test_gzip_is_detected_by_magic_not_name():
    assert read_capped(io.BytesIO(gzip.compress(b"hello page")), 100) == b"hello page"


def test_concatenated_gzip_members_are_read_whole():
    assert read_capped(io.BytesIO(gzip.compress(b"ab") + gzip.compress(b"cd")), 100) == b"abcd"


def test_truncated_gzip_is_an_error_not_a_partial_page():
    data = gzip.compress(ARTICLE.encode() * 20)
    with pytest.raises(ValueError, match="truncated"):
        read_capped(io.BytesIO(data[: len(data) // 2]), 10**6)


def test_gzip_bomb_stops_at_the_cap_without_inflating_it_all():
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024))
    with pytest.raises(TooLarge):
        read_capped(io.BytesIO(bomb), 1024 * 1024)


def test_garbage_after_magic_is_an_error():
    with pytest.raises(ValueError):
        read_capped(io.BytesIO(b"\x1f\x8b" + b"not a gzip stream at all" * 10), 10**6)


@pytest.mark.parametrize(
    "text,encoding",
    [
        ("<meta charset='gb2312'><p>北京市今天举行了新闻发布会，介绍了城市交通建设的最新进展。</p>", "gbk"),
        (
            "<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'><p>東京都は今日、新しい交通計画を発表しました。</p>",
            "shift_jis",
        ),
        ("<meta charset=big5><p>台北市政府今天舉行記者會，說明城市交通建設的最新進展情況。</p>", "big5"),
    ],
)
def test_declared_charsets_are_honoured(text, encoding):
    decoded, _ = decode_text(text.encode(encoding))
    assert decoded == text


def test_gbk_without_declaration_is_detected():
    text = "北京市今天举行了新闻发布会，介绍了城市交通建设的最新进展情况。市交通委员会负责人表示，全市新建道路一百二十公里。"
    assert decode_text(text.encode("gbk"))[0] == text


def test_latin1_without_declaration_is_detected():
    text = "El mercado municipal reabrió el sábado tras dos años de obras; los vecinos celebraron la reapertura con música y pañuelos."
    assert decode_text(text.encode("latin-1"))[0] == text


def test_utf16_with_bom():
    text = "<html><body><p>Überall Grüße</p></body></html>"
    decoded, encoding = decode_text(text.encode("utf-16"))
    assert decoded == text and encoding.startswith("utf-16")


def test_a_few_invalid_bytes_inside_utf8_keep_the_page_utf8():
    raw = ("Grüße aus Köln. " * 200).encode("utf-8") + b"\xff" + ("Straße " * 10).encode("utf-8")
    decoded, encoding = decode_text(raw)
    assert encoding == "utf-8" and "Grüße" in decoded and "\ufffd" in decoded


def test_sniffing_by_content():
    assert sniff_format("<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert sniff_format("  \n<div class='a'><p>Hello</p></div>") == "html"
    assert sniff_format("Headline\nBy Someone\nA paragraph of prose that runs on.") == "text"
    assert sniff_format('{"a": [1, 2, 3]}') == "not_a_page"
    assert sniff_format("a,b,c\n1,2,3\n4,5,6\n7,8,9\n10,11,12\n") == "not_a_page"
    assert sniff_format('<?xml version="1.0"?><rss><channel></channel></rss>') == "not_a_page"
    for feed in (  # saved without the XML declaration: still a feed, a sitemap, not a page
        '<rss version="2.0"><channel><title>Ledger - Top stories</title><item><title>A</title></item></channel></rss>',
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title><entry><title>A</title></entry></feed>',
        "<!-- generated --><urlset><url><loc>https://ledger.example/a</loc></url></urlset>",
    ):
        assert sniff_format(feed) == "not_a_page", feed
    assert (
        sniff_format('callback({"headline": "Council approves budget", "body": "The council voted."});') == "not_a_page"
    )


def test_binary_content_is_recognised():
    assert is_binary(b"%PDF-1.7\n...")
    assert is_binary(b"\x89PNG\r\n\x1a\n\0\0\0")
    assert not is_binary(b"Plain words only.")
    assert is_binary(bytes(range(256)) * 16)  # no magic, but control bytes throughout


def test_a_stray_nul_or_nul_padding_does_not_make_a_page_binary():
    page = b"<html><head><title>Ferry</title></head><body>" + b"<p>The ferry runs again on Monday.</p>" * 20
    for raw in (
        page.replace(b"<head>", b"<head>\x00", 1),  # a crawler's stray NUL in the head
        page + b"</body></html>" + bytes(3000),  # padding after the page (a preallocated file)
    ):
        decoded = decode_page("page.html", raw)
        assert isinstance(decoded, Page) and decoded.fmt == "html", decoded
        assert "\x00" not in decoded.text and "The ferry runs again" in decoded.text


@pytest.mark.parametrize(
    "raw,reason",
    [
        (b"", "empty"),
        (b"   \n\t  \n", "empty"),
        (b"%PDF-1.4 binary", "not_a_page"),
        (b'{"headline": "not a page"}', "not_a_page"),
    ],
)
def test_decode_page_reasons(raw, reason):
    result = decode_page("file:///x", raw)
    assert isinstance(result, Failure) and result.reason == reason and result.stage == "read"


def test_decode_page_gives_a_page():
    page = decode_page("file:///x.html", ARTICLE.encode())
    assert isinstance(page, Page) and page.fmt == "html" and page.encoding == "utf-8"


def _double_encoded(text: str) -> str:
    """What a CMS that re-encodes UTF-8 read as Latin-1 stores."""
    return text.encode("utf-8").decode("latin-1")


def test_a_sites_double_encoded_utf8_is_repaired_line_by_line():
    html = (
        "<html><head><meta charset='utf-8'><title>"
        + _double_encoded("Weather isn’t kind – yet")
        + "</title></head><body><p>Crème brûlée “as is”, café’s menu.</p><p>"
        + _double_encoded("Farmers’ “spring” arrives — early")
        + "</p><p>"
        + _double_encoded("By Zofia Jaroń")
        + "</p></body></html>"
    )
    page = decode_page("mojibake.html", html.encode("utf-8"))
    assert isinstance(page, Page) and page.encoding == "utf-8"
    assert "Weather isn’t kind – yet" in page.text
    assert "Farmers’ “spring” arrives — early" in page.text and "By Zofia Jaroń" in page.text
    assert "Crème brûlée “as is”, café’s menu." in page.text  # real accents untouched


def test_real_accents_and_legacy_charsets_are_not_repaired():
    text = "Le café’s crème à 5 €… Señor Ñandú: «Ärger» — Ångström"
    assert mojibake.repair(text) == text  # "é’" passes the cheap screen; ftfy keeps it
    # a page declared Windows-1252 means what it writes, "Ã©" too, unless all its bytes read as UTF-8
    html = "<html><head><meta charset='windows-1252'></head><body><p>Ã© and Â® as printed, café</p></body></html>"
    page = decode_page("legacy.html", html.encode("cp1252"))
    assert isinstance(page, Page) and page.encoding == "cp1252" and "Ã© and Â® as printed" in page.text


def test_mojibake_repair_is_bounded_on_a_hostile_page():
    # a page of nothing but suspect lines: the repair stops after MAX_REPAIR_CHARS, the rest stays
    line = "Caf\u00c3\u00a9 au lait, cr\u00c3\u00a8me\n"
    text = line * (2 * mojibake.MAX_REPAIR_CHARS // len(line))
    repaired = mojibake.repair(text)
    assert len(repaired) < len(text)
    assert repaired.startswith("Café au lait, crème\n") and repaired.endswith(line)


def _mhtml(html: bytes, parts: str = "text/html") -> bytes:
    """A page as Chrome saves it as one file: MIME headers, the HTML part in quoted-printable."""
    body = quopri.encodestring(html).decode("ascii").replace("\n", "\r\n")
    return (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://harbor.example/news/bridge\r\n"
        "Subject: Tidal bridge opens\r\nDate: Thu, 14 Mar 2024 15:00:00 -0000\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----Boundary--x"\r\n\r\n\r\n'
        f"------Boundary--x\r\nContent-Type: {parts}\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: https://harbor.example/news/bridge\r\n\r\n{body}\r\n"
        "------Boundary--x\r\nContent-Type: text/css\r\nContent-Location: https://harbor.example/a.css\r\n\r\n"
        "p { color: red }\r\n------Boundary--x--\r\n"
    ).encode("ascii")


def test_an_mhtml_file_is_read_as_the_page_it_saved():
    html = (
        "<html><head><meta charset='utf-8'><title>Tidal bridge opens</title></head><body><p>QUELLMERE — The "
        + "footbridge over the harbour opened on Saturday after four years of delays and two contractors. " * 3
        + "</p></body></html>"
    ).encode()
    page = decode_page("bridge.mhtml", _mhtml(html))
    assert isinstance(page, Page) and page.fmt == "html"
    assert page.text == html.decode()  # quoted-printable undone: no "=E2=80=94", no "= " line cuts
    assert page.url == "https://harbor.example/news/bridge"
    assert page.crawled_at == datetime(2024, 3, 14, 15, 0, tzinfo=UTC)  # when it was saved: no publication date
    only_css = decode_page("styles.mhtml", _mhtml(b"p { color: blue }", parts="text/css"))
    assert isinstance(only_css, Failure) and only_css.reason == "not_a_page"
    # a snapshot location that names an image part, not the HTML part: the HTML part's own location
    no_location = _mhtml(html).replace(
        b"quoted-printable\r\nContent-Location: https://harbor.example/news/bridge\r\n", b"quoted-printable\r\n"
    )
    assert decode_page("bridge.mhtml", no_location).url == "https://harbor.example/news/bridge"  # the snapshot's
    misplaced = _mhtml(html).replace(
        b"Snapshot-Content-Location: https://harbor.example/news/bridge",
        b"Snapshot-Content-Location: https://harbor.example/a.css",
    )
    assert decode_page("bridge.mhtml", misplaced).url == "https://harbor.example/news/bridge"
    # a page that only shows MIME headers is still that page
    shown = b"<html><body><pre>\nMIME-Version: 1.0\nContent-Type: multipart/related\n</pre></body></html>"
    assert decode_page("mime.html", shown).text == shown.decode()


def test_utf16_without_a_byte_order_mark_is_read_not_called_binary():
    html = "<html><body><p>Fähre fährt wieder – “Straße” für 4 €.</p>" + "<p>Word word.</p>" * 10 + "</body></html>"
    for codec in ("utf-16-le", "utf-16-be"):
        page = decode_page("saved-by-notepad.html", html.encode(codec))
        assert isinstance(page, Page) and page.text == html and page.encoding == codec, codec
    for raw in (bytes(4096), b"\x89PNG\r\n\x1a\n" + bytes(200), b"a\x00" * 10):  # NULs alone, an image, too short
        assert isinstance(decode_page("x.bin", raw), Failure)
    cyrillic = f"<html><head><title>{_RU[:40]}</title></head><body><h1>{_RU[:60]}</h1><p>{_RU * 30}</p></body></html>"
    for codec in ("utf-16-le", "utf-16-be"):  # NUL in a sixth of the pairs only: the markup
        page = decode_page("saved-by-notepad.html", cyrillic.encode(codec))
        assert isinstance(page, Page) and page.text == cyrillic and page.encoding == codec, codec
    # a fifth of the high bytes NUL, the rest and the low bytes noise: binary still
    noise = bytes(b for i in range(4096) for b in (0 if i % 5 == 0 else (i * 7919 + 13) % 251 or 1, i % 255 + 1))
    assert utf16_bom(noise) is None and isinstance(decode_page("x.bin", noise), Failure)


def test_a_page_gzipped_twice_is_read(tmp_path):
    page = b"<html><head><title>Ferry</title></head><body>" + b"<p>The ferry runs again on Monday.</p>" * 20
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(gzip.compress(page)))  # Content-Encoding over a .gz
    (decoded,) = read_documents(str(tmp_path / "page.html.gz"), 1 << 20)
    assert isinstance(decoded, Page) and "The ferry runs again" in decoded.text
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(gzip.compress(bytes(3 << 20))))
    (capped,) = read_documents(str(tmp_path / "bomb.html.gz"), 1 << 20)  # the cap holds at each level
    assert isinstance(capped, Failure) and capped.reason == "too_large"


_RU = "Президент подписал закон о бюджете на следующий год, а министр финансов назвал его сбалансированным. "
_JA = "東京都は今日、新しい交通計画を発表しました。都内の鉄道とバスの接続を改善することが目的です。" * 3
_FR = "Le maire a annoncé que les travaux du théâtre reprendront après l'été; les élèves déçus attendront. "
_IS = "Þjóðvegurinn var lokaður í gær vegna óveðurs, sagði lögreglan á Suðurlandi. "


def _declaring(charset: str, body: str) -> str:
    return f'<html><head><meta charset="{charset}"><title>t</title></head><body><p>{body * 4}</p></body></html>'


@pytest.mark.parametrize(
    "declared,body,codec,read_as",
    [
        ("iso-8859-1", _RU, "cp1251", "cp1251"),  # Cyrillic bytes read as Latin would be "Ïðåçèäåíò"
        ("windows-1252", _RU, "koi8_r", "koi8-r"),
        ("iso-8859-1", _RU, "utf-8", "utf-8"),  # valid multi-byte UTF-8 is never chance
        ("iso-8859-1", "Die Fähre über den Fluß fährt wieder. ", "utf-8", "utf-8"),
        ("utf-8", _JA, "shift_jis", "cp932"),  # most bytes invalid under the declaration
        ("shift_jis", _JA, "euc_jp", "euc_jp"),  # ~3% invalid: EUC-JP pairs are mostly valid Shift_JIS too
    ],
)
def test_a_declaration_the_bytes_contradict_is_passed_over(declared, body, codec, read_as):
    text = _declaring(declared, body)
    decoded, encoding = decode_text(text.encode(codec))
    assert decoded == text and encoding == read_as


def test_a_declaration_the_bytes_agree_with_is_kept():
    for body in (_FR, _IS):
        assert decode_text(_declaring("iso-8859-1", body).encode("cp1252")) == (
            _declaring("iso-8859-1", body),
            "cp1252",
        )
    stray = _declaring("windows-1252", _FR).encode("cp1252").replace(b"</p>", b"\x81</p>")  # undefined in cp1252
    decoded, encoding = decode_text(stray)
    assert encoding == "cp1252" and "théâtre" in decoded and decoded.count("\ufffd") == 1


def test_control_characters_between_words_leave_a_space():
    """Records joined by NUL ran together ("weekend.The site"); beside markup or spaces they just go."""
    page = decode_page("joined.txt", b"The ferry runs again this weekend.\x00The site reopens on Monday. " * 5)
    assert isinstance(page, Page) and "weekend. The site" in page.text and "\x00" not in page.text
    records = decode_page("records.txt", b"Record one of the export\x1eRecord two of the export here. " * 5)
    assert "export Record two" in records.text
    # inside a word a control is a lost byte (a curly quote's low byte), not a space
    lost = decode_page("lost.txt", b"It\x19s a fine day on the harbour, don\x19t you think? " * 5)
    assert "It s" not in lost.text and "Its a fine day" in lost.text
    # a vertical tab is whitespace: Word's manual line break ran two lines' words together
    broken = decode_page("word.txt", b"The ferry leaves at noon\x0bthe bus at one, the council said. " * 5)
    assert "noon the bus" in broken.text and "\x0b" not in broken.text
    html = b"<html><body><p>\x00\x01The ferry runs.</p>" + b"<p>More words in the body of the page.</p>" * 20
    assert "<p>The ferry runs.</p>" in decode_page("x.html", html).text


def test_a_dumps_invisible_characters_go_as_in_html():
    """Soft hyphens and zero-width spaces stayed in a text dump's article and not in the same page's HTML
    (found by an adversarial-input helper); zero-width joiners, which Persian spells with, stay."""
    text = "The exem\u00adplary ferry service in Zürich\u200b resumed on Monday after the strike.\n" * 5
    page = decode_page("dump.txt", (text + "می\u200cخواهم\n").encode())
    assert "exemplary" in page.text and "Zürich resumed" in page.text and "\u200c" in page.text


def test_comments_before_no_feed_root_are_read_once():
    """A run of comments opening a file with no feed's root after it: the feed test split the run in
    2**n ways and tried each (22 comments 1.2 s, 40 for days; the regex holds the GIL and the read
    stage has no time limit, so the call runs in a child that a timeout can stop). The file is read
    as before: a page after the comments, a feed when its root follows them."""
    script = """if True:
        from transforms.decode import sniff_format
        print(sniff_format("<!-- a -->" * 40 + " text"))
        print(sniff_format("<!-- a --> " * 40 + "<rss version='2.0'>"))
        print(sniff_format("<!-- a --> x --> <feed xmlns='x'>"))  # a later "-->" may close the comment
    """
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["html", "not_a_page", "not_a_page"]


def test_a_long_run_of_vertical_tabs_is_read_once():
    """A run of vertical tabs between two words with no separator's end after it: the control
    pattern tried each tab as the separator and read the rest of the run after each (32,000 tabs
    10.8 s, quadratic; decoding has no time limit and the regex holds the GIL, so the call runs in a
    child that a timeout can stop). The run is still one space."""
    script = """if True:
        from transforms.decode import decode_page
        words = " Some more words follow here." * 10
        for raw in (b"one" + b"\\x0b" * 200000 + b"two" + words.encode(), b"Done." + b"\\x0b" * 200000 + b" next" + words.encode()):
            print(decode_page("file:///x/a.txt", raw).text.split()[:2])
    """
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["['one', 'two']", "['Done.', 'next']"]
