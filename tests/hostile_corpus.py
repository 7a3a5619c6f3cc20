"""The hostile corpus: files that try to crash, hang or escape the pipeline, generated on demand.

`write_corpus(folder)` writes every case into `folder` (nothing binary is checked in) and returns
{file name: Case}; `Case.expect` is "article" or the quarantine reason the file must end with.
Also here: misbehaving extractors for the time-limit tests (module-level, so the guard's child
process can import them by name). All text is invented.
"""

import gzip
import json
import os
import random
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# Marker that makes `hang_on_marker` loop forever.
HANG_MARKER = "PLEASE-HANG-HERE"
# A word that would only reach the output if an entity were expanded.
LAUGH = "lol"
# A path no page may name a folder with.
TRAVERSAL = "../../escaped"

EN = (
    "The county council voted on Tuesday to rebuild the old stone bridge over the river, "
    "ending a debate that has divided the valley for more than a decade. Engineers told the "
    "meeting that the crossing can no longer carry lorries, and that repairs would cost almost "
    "as much as a new span. Residents who opposed the plan said the works would close the main "
    "road for two summers. The council promised a temporary footbridge and a shuttle bus while "
    "the river crossing is rebuilt, and said construction could begin next spring."
)
ZH = (
    "青河县政府周二宣布，将在明年春天重建横跨青河的老石桥。工程师在会议上表示，这座桥已经无法承载"
    "大型货车，维修费用几乎与新建一座桥相当。反对该计划的居民说，施工将使主要道路关闭两个夏天。"
    "县政府承诺在施工期间修建临时人行桥，并开通免费接驳巴士，方便沿河村庄的居民出行和上学。"
)
ZH_T = (
    "青河縣政府週二宣布，將在明年春天重建橫跨青河的老石橋。工程師在會議上表示，這座橋已經無法承載"
    "大型貨車，維修費用幾乎與新建一座橋相當。反對該計劃的居民說，施工將使主要道路關閉兩個夏天。"
    "縣政府承諾在施工期間修建臨時人行橋，並開通免費接駁巴士，方便沿河村莊的居民出行和上學。"
)
JA = (
    "青河町は火曜日、川に架かる古い石橋を来年の春に建て替えると発表した。技術者によると、橋は"
    "もう大型トラックを支えることができず、修理費用は新しい橋を造るのとほぼ同じだという。計画に反対"
    "する住民は、工事で幹線道路が二度の夏にわたって閉鎖されると話した。町は工事の間、仮設の歩道橋と"
    "無料のシャトルバスを用意すると約束した。"
)
ES = (
    "El ayuntamiento aprobó el martes la reconstrucción del viejo puente de piedra sobre el río, "
    "después de años de debate en el valle. Los ingenieros explicaron que la pasarela ya no "
    "soporta camiones y que la reparación costaría casi tanto como un puente nuevo. Los vecinos "
    "que se oponían dijeron que las obras cerrarán la carretera principal durante dos veranos. "
    "El alcalde prometió una pasarela provisional y un autobús gratuito mientras duren las obras, "
    "que podrían empezar la próxima primavera según el calendario municipal."
)


# Thai, hand-segmented: "|" between words as a dictionary segmenter splits them (compounds such as
# ผู้สูงอายุ whole), a space where Thai puts one, between clauses and sentences. 137 words, 590 letters.
TH_SEGMENTED = (
    "ห้องสมุด|ชุมชน|แห่ง|ใหม่|ใน|อำเภอ|เมือง|เปิด|ให้|บริการ|แก่|ประชาชน|เมื่อ|วัน|เสาร์|ที่|ผ่าน|มา "
    "หลังจาก|ที่|ชาวบ้าน|ร่วมกัน|ระดม|ทุน|มา|เป็น|เวลา|กว่า|สอง|ปี",
    "นายกเทศมนตรี|กล่าว|ใน|พิธี|เปิด|ว่า|อาคาร|หลัง|นี้|มี|หนังสือ|มากกว่า|ห้า|พัน|เล่ม "
    "และ|มี|มุม|สำหรับ|เด็กเล็ก|ที่|พ่อแม่|สามารถ|พา|ลูก|มา|อ่าน|นิทาน|ได้|ทุก|วัน",
    "อาสาสมัคร|กลุ่ม|หนึ่ง|จะ|สอน|การ|ใช้|คอมพิวเตอร์|ให้|ผู้สูงอายุ|ทุก|บ่าย|วันพุธ|โดย|ไม่|เก็บ|ค่าใช้จ่าย "
    "และ|จะ|เพิ่ม|ชั้นเรียน|ภาษาอังกฤษ|ใน|เดือน|หน้า",
    "เจ้าหน้าที่|ห้องสมุด|บอก|ว่า|ใน|สัปดาห์|แรก|มี|ผู้|สมัคร|เป็น|สมาชิก|แล้ว|เกือบ|สาม|ร้อย|คน ซึ่ง|มากกว่า|ที่|คาด|ไว้|ถึง|สอง|เท่า",
    "ชาวบ้าน|หลาย|คน|หวัง|ว่า|ห้องสมุด|จะ|เป็น|ที่|พบปะ|ของ|คน|ทุก|วัย และ|ช่วย|ให้|เด็ก|ๆ|ใช้|เวลาว่าง|อย่าง|มี|ประโยชน์|มาก|ขึ้น",
)
TH = tuple(p.replace("|", "") for p in TH_SEGMENTED)  # as Thai is written
TH_WORDS = sum(len(clause.split("|")) for p in TH_SEGMENTED for clause in p.split())
TH_TITLE = "ห้องสมุดชุมชนแห่งใหม่เปิดให้บริการ"


_PLACES = (
    "Northfield",
    "the harbour town",
    "Elm Valley",
    "Stonebridge",
    "the county seat",
    "Millbrook",
    "the river district",
    "Highmoor",
    "Eastwick",
    "the old mill quarter",
    "Fernhill",
    "Lowater",
)
_BODIES = (
    "The council",
    "The school board",
    "A group of farmers",
    "The transit authority",
    "Local traders",
    "The water company",
    "A hospital trust",
    "The fire service",
    "Parents",
    "The planning committee",
)
_ACTS = (
    "approved a plan to replace",
    "voted against a proposal to close",
    "asked for money to repair",
    "opened an inquiry into",
    "agreed to sell",
    "postponed a decision on",
    "published a review of",
    "promised to extend",
)
_THINGS = (
    "the public library",
    "two bus routes",
    "the flooded cycle path",
    "a disused railway shed",
    "the market square",
    "its night ambulance service",
    "the village pool",
    "a grain silo",
    "the football ground",
    "eleven street lights",
    "the ferry landing",
    "the primary school roof",
)
_WHEN = (
    "on Monday",
    "after a long meeting on Tuesday",
    "late on Wednesday",
    "on Thursday morning",
    "at a crowded hearing on Friday",
    "over the weekend",
)
_THEN = (
    "Officials said work could begin within {n} weeks.",
    "The cost was put at {n} thousand pounds.",
    "About {n} residents signed a petition against it.",
    "A final vote is expected in {n} days.",
    "Critics said the figures had been revised {n} times.",
    "The site has been empty for {n} years.",
)


def story(key: str, sentences: int = 7) -> str:
    """Invented news prose, different for every key (so deduplication keeps each case apart)."""
    rng = random.Random(key)
    out = []
    for _ in range(sentences):
        out.append(
            f"{rng.choice(_BODIES)} in {rng.choice(_PLACES)} {rng.choice(_ACTS)} {rng.choice(_THINGS)} "
            f"{rng.choice(_WHEN)}."
        )
        out.append(rng.choice(_THEN).format(n=rng.randint(2, 999)))
    return " ".join(out)


def article(key: str) -> bytes:
    return page(paragraphs(story(key)), title=f"Report {key}").encode()


@dataclass(frozen=True)
class Case:
    build: Callable[[], bytes]
    expect: str  # "article" or a quarantine reason
    why: str
    phrase: str | None = None  # text the article must contain (proves the decoding)


def page(body: str, head: str = "", lang: str = "en", title: str = "Valley bridge to be rebuilt") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>{title}</title>{head}</head><body>'
        f'<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>{title}</h1>'
        f"{body}</article><footer>Contact us</footer></body></html>"
    )


def paragraphs(text: str) -> str:
    return "".join(f"<p>{s.strip()}.</p>" for s in text.split(".") if s.strip())


def _gzip_bomb(size: int = 40 << 20) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"\0" * (1 << 20)
    return b"".join(packer.compress(chunk) for _ in range(size >> 20)) + packer.flush()


def _json_bomb(size: int = 40 << 20) -> bytes:
    """A JSON Lines export whose first record's page is 40 MB of zeros, in 40 KB of gzip."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"0" * (1 << 20)
    body = b"".join(packer.compress(chunk) for _ in range(size >> 20))
    return packer.compress(b'{"html": "') + body + packer.compress(b'"}\n') + packer.flush()


def _truncated_gzip() -> bytes:
    data = gzip.compress(article("truncated"))
    return data[: len(data) // 2]


def _deep() -> bytes:
    body = paragraphs(story("deep-20000"))
    return ("<html><body>" + "<div>" * 20000 + body + "</div>" * 20000 + "</body></html>").encode()


def _nested_article(key: str, levels: int) -> bytes:
    """An article inside `levels` <font>s opened right after <article> (libxml2's default limit is 256)."""
    return article(key).replace(b"<article>", b"<article>" + b"<font>" * levels, 1)


def _unclosed() -> bytes:
    return (
        "<html><head><title>Valley bridge</title><body><div><article><h1>Valley bridge to be rebuilt"
        + "".join(f"<p>{s.strip()}.<b><i>" for s in story("unclosed").split(".") if s.strip())
        + "</td></tr><div <span class="
    ).encode()


def _control_chars() -> bytes:
    """NUL and other C0 bytes deep in a long page, past the head that binary sniffing reads."""
    raw = page(paragraphs(story("control", 40))).encode()
    head, tail = raw[:6000], raw[6000:]
    return head + tail.replace(b"<p>", b"<p>\x00\x01\x08\x1b", 3)


def _nav_only() -> bytes:
    links = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(60))
    return f"<html><body><nav><ul>{links}</ul></nav><footer>Copyright</footer></body></html>".encode()


def _minified(megabytes: int) -> bytes:
    """A whole page on one line: many short teasers with links and inline markup, as a minified
    front page (~4 s of extraction a MB: small elements, not long paragraphs, make the work)."""
    teaser = (
        '<div class="teaser"><h2>Story</h2><p>Rain <b>fell</b> on <a href="/x">the</a> town.</p>'
        "<p>It <i>did</i>.</p></div>"
    )
    return ("<html><body><main>" + teaser * ((megabytes << 20) // len(teaser)) + "</main></body></html>").encode()


def _entities(key: str, subset: str, xml_decl: bool = False) -> bytes:
    decl = '<?xml version="1.0" encoding="utf-8"?>' if xml_decl else ""
    doc = page(paragraphs(story(key)) + "<p>Ref: &xxe; &lol9;</p>")
    return (decl + doc.replace("<!DOCTYPE html>", f"<!DOCTYPE html [{subset}]>", 1)).encode()


_XXE = '<!ENTITY xxe SYSTEM "file:///etc/passwd">'
_LAUGHS = f'<!ENTITY lol "{LAUGH}">' + "".join(
    f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' if i > 1 else f'<!ENTITY lol1 "{"&lol;" * 10}">'
    for i in range(1, 10)
)


def _traversal() -> bytes:
    head = (
        f'<meta property="og:site_name" content="{TRAVERSAL}"><meta property="article:section" '
        f'content="{TRAVERSAL}/section"><meta name="language" content="{TRAVERSAL}">'
        f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", "inLanguage": TRAVERSAL, "publisher": {"name": TRAVERSAL}, "datePublished": TRAVERSAL, "articleSection": TRAVERSAL})}</script>'
    )
    return page(paragraphs(story("traversal")), head, lang=TRAVERSAL).encode()


def _dated(key: str, stamp: str, word_count: str = "350") -> bytes:
    head = (
        f'<meta property="article:published_time" content="{stamp}"><script type="application/ld+json">'
        f"{json.dumps({'@type': 'NewsArticle', 'datePublished': stamp, 'wordCount': word_count})}</script>"
    )
    return page(paragraphs(story(key)), head).encode()


def _text_dump(key: str) -> bytes:
    body = story(key)
    return (
        "Home | News | Sport\nValley bridge to be rebuilt\nBy Ana Field\n"
        + "\n".join(s.strip() + "." for s in body.split(".") if s.strip())
        + "\nShare this story\n"
    ).encode()


def _thai_page() -> bytes:
    """A Thai article: no spaces between words, so a whitespace word count saw a few "words" a paragraph."""
    body = "<p>โดย สมศรี ใจดี</p>" + "".join(f"<p>{p}</p>" for p in TH)
    return page(body, '<meta charset="utf-8">', "th", TH_TITLE).encode()


def _thai_dump() -> bytes:
    return ("หน้าแรก | ข่าว | กีฬา\n" + TH_TITLE + "\nโดย สมศรี ใจดี\n\n" + "\n\n".join(TH) + "\nแชร์ข่าวนี้\n").encode()


def _bad_utf8() -> bytes:
    raw = page(
        paragraphs(EN.replace("bridge", "bridge café")) + paragraphs(story("bad-utf8")), '<meta charset="utf-8">'
    ).encode()
    return raw.replace("café".encode(), b"caf\xe9", 1)  # one Latin-1 byte in a UTF-8 page


ARTICLE_HTML = page(paragraphs(EN)).encode()  # for unit tests
ODD_NAMES = (
    "odd name with spaces.html",
    "odd 'quote\" name.html",
    "odd-ünïcødé-新闻.html",
    "odd#hash.html",
    "odd?query.html",
    "odd*star.html",
    "odd[bracket].html",
)

CASES: dict[str, Case] = {
    "empty.html": Case(lambda: b"", "empty", "zero bytes"),
    "whitespace.txt": Case(lambda: b" \n\t\r\n   \n", "empty", "whitespace only"),
    "image.png": Case(lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "not_a_page", "binary image"),
    "paper.pdf": Case(
        lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\n" * 50, "not_a_page", "PDF"
    ),
    "data.json": Case(
        lambda: json.dumps({"items": [{"id": i, "title": EN[:80]} for i in range(50)]}).encode(), "not_a_page", "JSON"
    ),
    "table.csv": Case(
        lambda: ("id,title,views\n" + "".join(f"{i},Story {i},{i * 7}\n" for i in range(40))).encode(),
        "not_a_page",
        "CSV",
    ),
    "feed.xml": Case(
        lambda: (
            '<?xml version="1.0"?><rss><channel>' + f"<item><title>{EN[:60]}</title></item>" * 20 + "</channel></rss>"
        ).encode(),
        "not_a_page",
        "RSS feed",
    ),
    "truncated.html.gz": Case(_truncated_gzip, "decode_error", "gzip cut in half"),
    "bomb.html.gz": Case(_gzip_bomb, "too_large", "40 MB of zeros in 40 KB of gzip"),
    "huge-50mb.html": Case(lambda: article("huge") + b"<!-- pad -->" * ((50 << 20) // 12), "too_large", "50 MB page"),
    "minified-10mb-one-line.html": Case(
        lambda: _minified(10), "too_large", "10 MB on one line: over the HTML size guard"
    ),
    "minified-7mb-one-line.html": Case(lambda: _minified(7), "timeout", "7 MB on one line: extraction needs ~27 s"),
    # libxml2 stops at depth 256: these are read flattened (`html_parser.flatten_nesting`)
    "deep-20000.html": Case(_deep, "article", "article under 20,000 nested divs"),
    "deep-260.html": Case(lambda: _nested_article("deep-260", 260), "article", "article under 260 nested <font>s"),
    "deep-100000.html": Case(
        lambda: _nested_article("deep-100000", 100_000), "article", "article under 100,000 nested <font>s"
    ),
    "unclosed.html": Case(_unclosed, "article", "unclosed tags everywhere"),
    "nav-only.html": Case(_nav_only, "no_article", "navigation, no article"),
    "gbk.html": Case(
        lambda: page(paragraphs(ZH.replace("。", ".")), '<meta charset="gb2312">', "zh").encode("gbk"),
        "article",
        "GBK declared as gb2312",
        "临时人行桥",
    ),
    "big5-undeclared.html": Case(
        lambda: page(paragraphs(ZH_T.replace("。", ".")), "", "zh").encode("big5"),
        "article",
        "Big5, no declaration",
        "臨時人行橋",
    ),
    "shift-jis.html": Case(
        lambda: page(
            paragraphs(JA.replace("。", ".")),
            '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">',
            "ja",
        ).encode("shift_jis"),
        "article",
        "Shift-JIS",
        "シャトルバス",
    ),
    "thai.html": Case(_thai_page, "article", "Thai, no spaces between words", "ผู้สูงอายุ"),
    "thai-dump.txt": Case(_thai_dump, "article", "a Thai page's text dump", "เวลาว่าง"),
    "latin1-undeclared.html": Case(
        lambda: page(paragraphs(ES), "", "es").encode("latin-1"),
        "article",
        "Latin-1, no declaration",
        "próxima primavera",
    ),
    "utf16-bom.html": Case(lambda: page(paragraphs(EN)).encode("utf-16"), "article", "UTF-16 with BOM", "lorries"),
    "bad-utf8.html": Case(_bad_utf8, "article", "one invalid byte in a UTF-8 page", "lorries"),
    "xxe.html": Case(lambda: _entities("xxe", _XXE), "article", "external entity declaration"),
    "xxe.xhtml": Case(lambda: _entities("xhtml", _XXE, xml_decl=True), "article", "XHTML with XML declaration + XXE"),
    "billion-laughs.html": Case(lambda: _entities("laughs", _LAUGHS), "article", "entity expansion bomb"),
    "traversal.html": Case(_traversal, "article", "../../ in every metadata field"),
    "future-date.html": Case(lambda: _dated("future", "2999-01-01T10:00:00Z"), "article", "published in 2999"),
    "ancient-date.html": Case(lambda: _dated("ancient", "1066-10-14T09:00:00Z", "-5"), "article", "published in 1066"),
    "absurd-wordcount.html": Case(
        lambda: _dated("wordcount", "2024-03-14T09:00:00Z", "1" * 400), "article", "wordCount of 400 digits"
    ),
    "text-dump.txt": Case(lambda: _text_dump("text-dump"), "article", "plain text page dump"),
    "export.jsonl": Case(
        lambda: (json.dumps({"url": "https://valley.example/a", "html": article("export").decode()}) + "\n").encode(),
        "article",
        "a scraper's JSON Lines export",
    ),
    "export-bomb.jsonl.gz": Case(_json_bomb, "too_large", "a JSON line of 40 MB of zeros in 40 KB of gzip"),
    "export-deep.json": Case(lambda: b'{"html": ' + b"[" * 200_000, "no_article", "200,000 open brackets"),
    "control-chars.html": Case(_control_chars, "article", "NUL and control bytes past the sniffed head"),
    **{name: Case(lambda name=name: article(name), "article", "odd file name") for name in ODD_NAMES},
}


# Symbolic links the glob matches but nothing can read (Beam's own match drops them unsaid).
LINKS: dict[str, tuple[str, Case]] = {
    "dangling-link.html": ("gone.html", Case(lambda: b"", "read_error", "a symbolic link to a missing file")),
    "loop-a.html": ("loop-b.html", Case(lambda: b"", "read_error", "a symbolic link in a loop")),
    "loop-b.html": ("loop-a.html", Case(lambda: b"", "read_error", "a symbolic link in a loop")),
}


# Files that are no regular files: opening a named pipe waits for a writer (the run stopped for good).
SPECIAL = {"pipe.html": Case(lambda: b"", "not_a_page", "a named pipe")}


def write_corpus(folder: Path) -> dict[str, Case]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, case in CASES.items():
        (folder / name).write_bytes(case.build())
    for name, (target, _) in LINKS.items():
        (folder / name).symlink_to(target)
    for name in SPECIAL:
        os.mkfifo(folder / name)
    return CASES | {name: case for name, (_, case) in LINKS.items()} | SPECIAL


# Misbehaving extractors for the time-limit tests.


def hang_on_marker(page):
    """The real extractor, except that a page with HANG_MARKER spins forever (in Python)."""
    from transforms.extract import extract_page  # here, so the other extractors' children start fast

    if HANG_MARKER in page.text:
        while True:
            pass
    return extract_page(page)


def metadata_hangs_on_marker(page):
    """The strip stage's real function (`extract_articles`: the extraction and the article rows),
    except that the metadata layer spins forever on a page with HANG_MARKER, after the extraction:
    as a super-linear regex in a byline or a date would."""
    from transforms import articles
    from transforms.extract import extract_articles

    if not getattr(articles.normalize_metadata, "hangs", False):
        normalize = articles.normalize_metadata

        def hanging(page, *args):
            while HANG_MARKER in page.text:
                pass
            return normalize(page, *args)

        hanging.hangs = True
        articles.normalize_metadata = hanging
    return extract_articles(page)


def sleep_forever(page):
    time.sleep(10_000)


def die_hard(page):
    os._exit(9)  # as a segfault or an OOM kill would: no exception, the process is gone


def own_oom_score_adj(page):
    with open("/proc/self/oom_score_adj") as adj:
        return int(adj.read())


def echo_length(page):
    return len(page.text)
