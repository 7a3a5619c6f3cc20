"""Counting words in any script, and the wording the HTML and dump paths share (decks, offers, furniture).

Chinese, Japanese and Korean are written without spaces, so each CJK character counts as a word;
Thai, Lao, Khmer, Myanmar and Tibetan are too, and a run of their letters counts as its length over
the script's characters per word (UNSPACED_CHARS_PER_WORD); every other whitespace-separated token
counts once. `word_key` is the one normal form the HTML
clean-up compares lines by (headline, deck, subheading anchors); `squeezed` is text as a reader
sees it, whitespace runs as one space (the extractor's character counts). `DECK_MAX_WORDS` is the
longest deck (standfirst) the text stripper and the dump header reader both accept; `OFFER` the
wording of an offer or a form, which neither the HTML signal reader nor the metadata takes for a deck;
`CREDIT_START` an author box's credit label, read in HTML and in dumps alike; `furniture_label` and
`rights_notice` the page furniture of other languages than English ("Anzeige", "Lire aussi : ...",
"Kommentare (12)", "Tous droits réservés", "京ICP备13028878号"), `photo_caption` a caption by its
photo's credit, `donation_appeal` a newsroom's appeal for readers' money and `embedded_post` a
tweet's text, which the HTML clean-up and the dump stripper all drop; `spaceless_share` how much of a
text is in scripts written without spaces.
"""

import re
from functools import lru_cache

# Han and kana: the CJK writing without spaces between words (Korean's Hangul has them).
_HAN_KANA_RANGES = "\u3040-\u30ff\u3400-\u9fff"
_CJK_RANGES = f"{_HAN_KANA_RANGES}\uac00-\ud7af"
CJK_CHAR = re.compile(f"[{_CJK_RANGES}]")
HAN_KANA = re.compile(f"[{_HAN_KANA_RANGES}]")
# Scripts written without spaces between words (spaces, where there are any, end a clause or a
# sentence), and how many characters (code points, marks included) a word of theirs has on average.
# No segmenter is installed (no dictionary, no ICU), so a run's words are estimated from its length.
# Thai: 4.3 on 137 hand-segmented words of news prose (TH_SEGMENTED in tests/hostile_corpus.py),
# compounds such as ผู้สูงอายุ kept whole as a dictionary does; 4 rounds down, so a short paragraph is
# not cut for too few words. Lao: the same, an alphabet of the same shape (not measured). Khmer,
# Myanmar, Tibetan: 6, not measured: subscript consonants (coeng), medials and stacked letters add
# code points to every syllable, and the tsheg follows each Tibetan one.
UNSPACED_CHARS_PER_WORD = {"thai": 4, "lao": 4, "tibetan": 6, "myanmar": 6, "khmer": 6}
_UNSPACED_SCRIPTS = {
    "thai": "\u0e00-\u0e7f",
    "lao": "\u0e80-\u0eff",
    "tibetan": "\u0f00-\u0fff",
    "myanmar": "\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f",
    "khmer": "\u1780-\u17ff\u19e0-\u19ff",
}
UNSPACED_RUN = re.compile("|".join(f"[{chars}]+" for chars in _UNSPACED_SCRIPTS.values()))
# Any letter of those scripts, or a CJK one: one character class, which a search runs through ~15x
# faster than UNSPACED_RUN's alternation (1.5 against 26 us on a 500-character English paragraph
# with curly quotes), so text without them is told apart before anything else is done.
UNSPACED_CHAR = re.compile(f"[{''.join(_UNSPACED_SCRIPTS.values())}]")
_SPACELESS_CHAR = re.compile(f"[{_CJK_RANGES}{''.join(_UNSPACED_SCRIPTS.values())}]")
# How much of a text `spaceless_share` reads: a page's script shows in its first characters.
SHARE_SAMPLE_CHARS = 100_000
# The letters of the scripts written without spaces between words: Han, kana and UNSPACED_CHAR's.
WRITTEN_WITHOUT_SPACES = re.compile(f"[{_HAN_KANA_RANGES}{''.join(_UNSPACED_SCRIPTS.values())}]")
# A word of a spaced alphabet, with its space, in characters: 6.05 over the 88,076 words of the
# fundus-news-80 truth (English and German news). The dump stripper's length bars (prose, headings,
# a body's least length) are in such characters: a Thai run counts as its words' worth of them.
SPACED_CHARS_PER_WORD = 6
_RUN_SCRIPT = re.compile("|".join(f"(?P<{name}>[{chars}])" for name, chars in _UNSPACED_SCRIPTS.items()))
_WORD = re.compile(r"\w+")
# A deck (standfirst) runs to at most this many words: a longer line under a headline is the article's.
# Here, not in text_strip or metadata.dumps, so that neither imports the other.
DECK_MAX_WORDS = 60
# The wording of an offer or a form, never a deck. Here, not in metadata.normalize, so that the HTML
# signal reader (in the extractor's process) does not import the whole metadata layer.
OFFER = re.compile(
    r"(?i)\b(?:sign up|subscribe|newsletter|free of charge|premium content|inbox|enter a valid|"
    r"emailed about|save this story|log in|sign in|create (?:an|your) account)\b"
)

# An author box's credit label ("Written by", "Posted by", "Words by", "Contributors:", "Author:"; not a
# bare "By", which related stories' cards print too): the HTML signal reader reads author boxes by it
# and the dump reader dates a page by the date under its one such line. Here so that both read one
# pattern and the extractor's process imports no metadata module.
CREDIT_START = re.compile(
    r"^\s*((?:(?:article|post|story)\s+)?written by|(?:article|posted|words|story) by|contributors?:|author:)\s*:?\s*",
    re.IGNORECASE,
)

# Page furniture in the other languages news comes in (German, French, Spanish, Italian, Portuguese,
# Dutch, the Nordic ones), for the HTML clean-up and the dump stripper alike; each keeps the English
# wording in its own patterns. Whole lines, lower case: an ad slot's label, a share button, a comment
# section's opener, the site's menu, search, legal and subscription links; a "read also" pointer to
# another story (alone, or before a colon and the story's title); a rights notice (inside a line).
AD_LABELS = frozenset(
    """anzeige werbung publicité publicite publicidad anuncio publicidade pubblicità pubblicita advertentie
    reclame reklame annons annonse annonce mainos reklama реклама 广告 広告""".split()
)
SHARE_LABELS = frozenset(
    {"teilen", "artikel teilen", "beitrag teilen", "partager", "partager l'article", "partager l’article"}
    | {"partager cet article", "compartir", "compartilhe", "compartilhar", "condividi", "deel dit artikel"}
    | {"dela artikeln", "del artikkelen"}
)
COMMENT_LABELS = frozenset(
    """kommentar kommentare commentaire commentaires réagir comentario comentarios commenti reacties
    kommentarer comentário comentários""".split()
    # the form's call as its heading: "Comentar" (es, pt), "Commenter", "Commenta", "Kommentieren"
    + "comentar commenter commenta kommentieren kommentera kommenter reageer".split()
    + ["jetzt kommentieren", "kommentar schreiben"]
)
SITE_LABELS = frozenset(
    """startseite suche accueil recherche inicio buscar zoeken sök søk pesquisar impressum datenschutz
    datenschutzerklärung abonnieren abonnez-vous suscríbete abbonati iscriviti abonneren prenumerera
    assine""".split()
    + ["mentions légales", "aviso legal", "nach oben", "haut de page", "volver arriba", "torna su"]
    + ["newsletter abonnieren", "jetzt abonnieren", "s'abonner", "s’abonner"]
)
READ_ALSO = frozenset(
    {"lesen sie auch", "lesen sie mehr", "mehr zum thema", "weiterlesen", "lire aussi", "à lire aussi"}
    | {"a lire aussi", "sur le même sujet", "voir aussi", "lire la suite", "lee también", "leer más"}
    | {"te puede interesar", "noticias relacionadas", "leggi anche", "leggi di più", "potrebbe interessarti"}
    | {"articoli correlati", "lees ook", "lees meer", "läs även", "läs mer", "les også", "les mer"}
    | {"leia também", "leia mais", "saiba mais"}
)
# A site's rights or registration notice in other languages than English: "all rights reserved",
# "no reproduction without permission" and, on every site in mainland China, the ICP and public
# security registration numbers ("京ICP备13028878号", "京公网安备11010502032503号"). Phrases that prose
# does not use: "版权所有" (all rights reserved) also opens "版权所有者" (the rights holder), and such a
# line mostly holds a "©" anyway.
RIGHTS_RESERVED = (
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "tutti i diritti riservati",
    "alle rechten voorbehouden",
    "todos os direitos reservados",
    "alla rättigheter förbehållna",
    "alle rettigheder forbeholdes",
    "alle rettigheter reservert",
    "kaikki oikeudet pidätetään",
    "wszelkie prawa zastrzeżone",
    "všechna práva vyhrazena",
    "všetky práva vyhradené",
    "minden jog fenntartva",
    "toate drepturile rezervate",
    "sva prava pridržana",
    "sva prava zadržana",
    "vse pravice pridržane",
    "visos teisės saugomos",
    "visas tiesības aizsargātas",
    "kõik õigused kaitstud",
    "tüm hakları saklıdır",
    "tüm haklari saklidir",  # str.lower() of "TÜM HAKLARI SAKLIDIR"
    "hak cipta dilindungi",
    "bảo lưu mọi quyền",
    "все права защищены",
    "всі права захищені",
    "усі права захищені",
    "всички права запазени",
    "сва права задржана",
    "με επιφύλαξη παντός δικαιώματος",
    "جميع الحقوق محفوظة",
    "כל הזכויות שמורות",
    "सर्वाधिकार सुरक्षित",
    "สงวนลิขสิทธิ์",
    "禁止转载",
    "不得转载",
    "禁止轉載",
    "不得轉載",
    "icp备",
    "icp證",
    "icp证",
    "公网安备",
    "公網安備",
    "無断転載",
    "無断複製",
    "무단 전재",
    "무단전재",
    "no reproduction without permission",
)
# The ones tried on a line by what it holds besides ASCII: nothing else or only punctuation and
# symbols (curly quotes, dashes, currency signs, emoji), Latin letters, other letters. Prose in any
# Latin language is mostly the first two, and trying them all took a non-ASCII line 5x longer.
_ASCII_RIGHTS_RESERVED = tuple(part for part in RIGHTS_RESERVED if part.isascii())
_LATIN_RIGHTS_RESERVED = tuple(part for part in RIGHTS_RESERVED if max(part) < "\u0250")
_LETTER_BEYOND_ASCII = re.compile(r"[^\x00-\xbf\u2000-\u2bff\U0001f000-\U0001faff]")
_NOT_LATIN = re.compile(r"[^\x00-\u024f\u2000-\u2bff\U0001f000-\U0001faff]")

# A photo's credit closing a line makes the line a caption: "... (AP Photo/Jane Roe)", "... (Photo:
# Getty Images)", "... (Picture credit: Getty)", "... Photograph: Jane Roe/Reuters" (The Guardian),
# "... [Photo/Xinhua]", "... [Weitu.sdodo.com]" (Chinese outlets set the photo library's domain in brackets).
CAPTION_MAX_WORDS = 60
_CREDIT_END = re.compile(
    r"(?:\((?:AP|AFP|EPA|Reuters|Xinhua) Photo\b[^()]{0,80}\)"
    r"|\((?i:photo|image|picture|photograph)s?(?i: credit)?(?::| by)[^()]{1,80}\)"
    r"|\bPhotograph: [^.!?()]{2,80}"
    r"|\[(?i:photo|image|picture)s?\b[^\[\]]{0,80}\]"
    r"|\[[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\])\s*$"
)
_CREDIT_HINTS = (")", "]", "Photograph: ")
_FURNITURE = AD_LABELS | SHARE_LABELS | COMMENT_LABELS | SITE_LABELS | READ_ALSO
# What may follow a furniture label on its line: a count ("Kommentare (12)"), a colon, an arrow.
_LABEL_TAIL = re.compile(r"\s*(?:\(\d+\)|\d+)?\s*[:»›>→]?\s*$")
_TAIL_ENDS = frozenset(")0123456789:»›>→")
# The longest furniture label, in characters (longer lines are never one: a cheap first test).
_FURNITURE_MAX_CHARS = max(map(len, _FURNITURE)) + 8


# What makes a line that names a newsletter its promotion, not an article about newsletters ("The
# newsletter industry has never been healthier"): a call to act, or the site's own ("our newsletter").
NEWSLETTER_CUES = (
    r"\bsign(?:ing)? ?up\b|\bsubscrib(?:e|ing)\b|\binbox\b|\bget (?:it|our|the)\b|\bjoin\b|\bforward"
    r"|\bshare (?:it|this)\b|\btell your friends\b|\brate this\b|\bwatch this\b|\bwant more\b|\blike what\b"
    r"|\blove \w+\?|\bthank you for\b|\bdeliver|\bthe #1\b|\bour\b|\bfollow\b|https?://"
)
_NEWSLETTER_CUE = re.compile(NEWSLETTER_CUES, re.IGNORECASE)


def newsletter_promotion(line: str) -> bool:
    """A line naming a newsletter ("Newsletter", "NEWSLETTER", "eNewsletter") that promotes it (see
    NEWSLETTER_CUES). The one definition for HTML paragraphs and dump lines."""
    return "newsletter" in line.lower() and bool(_NEWSLETTER_CUE.search(line))


# Affiliate / editorial-independence disclosures, a line of their own.
DISCLOSURE = re.compile(
    r"(contains?|may contain|uses|includes?|use) (some )?affiliate links"
    r"|(purchases?|buy|click) (made )?(through|via|from) (our|these|my|the|one of) (affiliate )?links.{0,60}\b(earn|commission|compensat)"
    r"|independently (selected|chosen|reviewed|curated)\b.{0,80}\bcommission|\bwe may earn\b|\bmay (earn|receive) a (small )?commission",
    re.IGNORECASE,
)
DISCLOSURE_STEMS = ("affiliate", "earn", "commission", "compensat")


def affiliate_disclosure(text: str) -> bool:
    """The site's affiliate or sponsorship disclosure ("If you buy through our links, we may earn a
    commission"): the HTML clean-up drops it as a paragraph, the metadata as a deck."""
    low = text.lower()
    return any(stem in low for stem in DISCLOSURE_STEMS) and bool(DISCLOSURE.search(text))


# A newsroom's appeal for readers' money, under the story: "we have a small favor to ask", "This story
# is funded by readers like you", "kept alive by reader donations", "👉 Donate today", and "your one-off
# or monthly donations" where the newsroom speaks ("... supporting our work"). On the dev sets 8 such
# lines in our bodies and none in the truth (a sentence that only mentions donating, or asks for it
# mid-sentence, is no appeal).
# Three patterns, each searched only where the words it needs are (a case-blind search of a whole
# paragraph cost ~4.6 us, these ~2.5): "favo", " by ", and the third anchored at the line's start.
_FAVOUR_ASKED = re.compile(r"\b(?:we|i) (?:have|\W?ve got) a (?:small |little |quick )?favou?r to ask", re.IGNORECASE)
_FUNDED_BY_READERS = re.compile(
    r"\b(?:kept alive|funded|sustained|made possible|powered) (?:entirely |only |solely |mostly )?by (?:our )?"
    r"(?:readers?|listeners?|viewers?|members?)\W?s? (?:donations?|support|contributions?|like you)",
    re.IGNORECASE,
)
_GIVE_NOW = re.compile(r"^\W*(?:please )?(?:donate|give) (?:today|now)\b", re.IGNORECASE)
_YOUR_GIFT = re.compile(
    r"\byour (?:(?:one-off|one-time|monthly|recurring|tax-deductible)(?: or |, | )?)+(?:donation|gift|contribution)",
    re.IGNORECASE,
)
_WE = re.compile(r"\b(?:we|us|our)\b", re.IGNORECASE)
APPEAL_MAX_WORDS = 80


# An embedded post's text as a page prints it: it ends with the post's own short link ("... this
# week. https://t.co/XWG9ipatpS", "... Hero. #LUTAVL pic.twitter.com/lOJCMXrI2i"). No dev-set truth
# holds such a line (873 pages); the extraction kept seven.
_EMBEDDED_POST_END = re.compile(r"(?:https?://t\.co/|pic\.twitter\.com/)\w+\s*$")


def embedded_post(line: str) -> bool:
    """The text of an embedded post (a tweet) under or inside an article, by the link it ends with."""
    return ("t.co/" in line or "pic.twitter.com/" in line) and _EMBEDDED_POST_END.search(line) is not None


def donation_appeal(line: str) -> bool:
    """A line that asks the reader for money to fund the newsroom (the patterns above)."""
    low = line.lower()
    if not ("favo" in low or " by " in low or "your " in low or "donate" in low or "give" in low):
        return False
    if word_count(line) > APPEAL_MAX_WORDS:
        return False
    return bool(
        ("favo" in low and _FAVOUR_ASKED.search(line))
        or (" by " in low and _FUNDED_BY_READERS.search(line))
        or _GIVE_NOW.match(line)
        or ("your " in low and _YOUR_GIFT.search(line) and _WE.search(line))
    )


def alternation(words) -> str:
    """A regex alternation of these labels, longest first (for the HTML clean-up's patterns)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=8192)
def furniture_label(line: str) -> bool:
    """A whole line that is another language's page furniture ("Anzeige", "Kommentare (12)", "Lire
    aussi"), or a "read also" pointer ("Lesen Sie auch: <another story>"). Cached: the dump stripper
    asks of each line several times."""
    if len(line) > _FURNITURE_MAX_CHARS:
        head, colon, _ = line.partition(":")
        return bool(colon) and len(head) <= _FURNITURE_MAX_CHARS and head.strip().lower() in READ_ALSO
    low = line.lower().strip()
    if low in _FURNITURE:
        return True
    head, colon, _ = low.partition(":")
    if colon and head.strip() in READ_ALSO:
        return True
    return low[-1:] in _TAIL_ENDS and _LABEL_TAIL.sub("", low) in _FURNITURE


def photo_caption(line: str) -> bool:
    """A line of at most CAPTION_MAX_WORDS words that ends with a photo's credit: a caption, not the
    article's text, wherever it sits."""
    tail = line.rstrip()[-120:]
    return (
        any(hint in tail for hint in _CREDIT_HINTS)
        and bool(_CREDIT_END.search(tail))
        and word_count(line) <= CAPTION_MAX_WORDS
    )


# What screen readers say after a link, which a dump of the page's text keeps (visually hidden on the
# page): ", opens new tab" (Reuters), "(opens in a new tab)", "(opens in new window)", a lone "Open in
# a new tab".
_LINK_LABEL = re.compile(
    r"(?i),? opens? (?:in )?(?:a )?new (?:tab|window)\b|\s*\(opens? (?:in )?(?:a )?new (?:tab|window)\)"
    r"|^\s*open (?:in )?(?:a )?new (?:tab|window)\s*$"
)


def without_link_labels(line: str) -> str:
    """The line without screen readers' link labels (see _LINK_LABEL); "" when it was only one."""
    if "ew " not in line or ("new tab" not in line and "new window" not in line and "New " not in line):
        return line
    return " ".join(_LINK_LABEL.sub("", line).split())


# A media player's caption toggle ("Show Caption" / "Hide Caption": the USA TODAY Network's pages). A dump
# prints the video's title, description and credit under it, at most CAPTION_LINES short lines over the
# article's text: neither headline nor body.
_CAPTION_TOGGLE = re.compile(r"(?i)^(?:show|hide) caption$")
CAPTION_LINES = 3
_CAPTION_LINE_MAX_CHARS = 160


def under_caption_toggle(lines: list[str], i: int) -> bool:
    """Line `i` is one of the short lines a dump prints under a player's caption toggle."""
    if len(lines[i]) > _CAPTION_LINE_MAX_CHARS:
        return False
    for k in range(i - 1, max(-1, i - 1 - CAPTION_LINES), -1):
        if _CAPTION_TOGGLE.match(lines[k]):
            return True
        if len(lines[k]) > _CAPTION_LINE_MAX_CHARS:
            return False
    return False


def holds_any(text: str, parts: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `parts`. A plain loop: the line model asks this up to six times
    of each line, and any() over a generator takes twice as long."""
    for part in parts:  # noqa: SIM110 (the loop is the point)
        if part in text:
            return True
    return False


def rights_notice(low: str) -> bool:
    """A lower-cased line holds a rights or registration notice of RIGHTS_RESERVED ("Alle Rechte
    vorbehalten", "京ICP备13028878号")."""
    if low.isascii() or not _LETTER_BEYOND_ASCII.search(low):
        return holds_any(low, _ASCII_RIGHTS_RESERVED)
    return holds_any(low, RIGHTS_RESERVED if _NOT_LATIN.search(low) else _LATIN_RIGHTS_RESERVED)


def characters_of(char_class: re.Pattern, text: str) -> int:
    """How many characters of `text` a one-character class matches, counted as what removing them
    takes away: a list of the matches held 4 million strings on a 12 MB CJK dump."""
    return len(text) - len(char_class.sub("", text))


def spaceless_share(text: str) -> float:
    """Share of a text's non-space characters in the scripts written without spaces between words
    (WRITTEN_WITHOUT_SPACES): 0.73-0.89 on Chinese, Japanese, Thai and Burmese pages' dumps, 0 on
    English and Arabic ones. Read on the first SHARE_SAMPLE_CHARS (`characters_of` over the whole of
    a 4-million-character CJK dump took 433 ms; a list of them also 335 MB)."""
    sample = text[:SHARE_SAMPLE_CHARS]
    if sample.isascii():
        return 0.0
    visible = len(sample) - sum(sample.count(space) for space in " \n\t")
    return characters_of(WRITTEN_WITHOUT_SPACES, sample) / visible if visible else 0.0


def squeezed(text: str | None) -> str:
    """Whitespace runs as one space, no space at either end; None as ''."""
    return " ".join((text or "").split())


def word_key(text: str) -> str:
    """Lower-cased word characters joined by single spaces: a line's identity for comparisons,
    whatever its punctuation, case and spacing."""
    return " ".join(_WORD.findall(text.lower()))


def unspaced_words(run: str) -> int:
    """The words in a run of one script written without spaces (UNSPACED_CHARS_PER_WORD), at least one."""
    script = _RUN_SCRIPT.match(run).lastgroup
    return max(1, round(len(run) / UNSPACED_CHARS_PER_WORD[script]))


def unspaced_widening(text: str) -> int:
    """How many characters longer `text` reads than it is, its runs of scripts without spaces each
    as its words' length in a spaced alphabet (SPACED_CHARS_PER_WORD): 0 for text without them."""
    if text.isascii() or not UNSPACED_CHAR.search(text):
        return 0
    return sum(unspaced_words(run) * SPACED_CHARS_PER_WORD - len(run) for run in UNSPACED_RUN.findall(text))


def word_count(text: str) -> int:
    """Whitespace words, with each CJK character counted as a word (a CJK run is not one more) and
    a run of Thai, Lao, Khmer, Myanmar or Tibetan as its estimated words (`unspaced_words`)."""
    words = text.split()
    # the common cases, in C: ASCII, or curly quotes and accents (a character loop cost ~2 ms per article)
    if text.isascii() or not _SPACELESS_CHAR.search(text):
        return len(words)
    cjk = characters_of(CJK_CHAR, text)
    estimated = sum(unspaced_words(run) for run in UNSPACED_RUN.findall(text)) if UNSPACED_CHAR.search(text) else 0
    return cjk + estimated + sum(1 for w in words if not _SPACELESS_CHAR.search(w))


# A sentence of prose, not a credit line, though it may hold a date, "published" or an opening "By"
# ("By the way, ..."): SENTENCE_WORDS words or more, a sentence's end, LOWER_WORDS words in lower case
# (a credit line is names and titles: "Jane Roe, Senior Reporter at the Gazette, May 2, 2024"), and
# no credit's opening ("By Jane Roe", "Published ...", "Reporting by ...", "This article was ...").
SENTENCE_WORDS = 8
LOWER_WORDS = 5
_LOWER_WORD = re.compile(r"(?<![\w.])[a-z]{2,}\b(?!\.)")
_CREDIT_OPENING = re.compile(
    r"\s*(?:(?i:by|written by|words by|posted by|photos? by)\s+[A-Z]"
    r"|(?i:published|updated|posted|first published|last updated|originally|photos?|credit|source|reporting"
    r"|additional reporting|editing|story|text|this (?:article|story|post|page) (?:was|is|has))\b)"
)


def prose_sentence(text: str) -> bool:
    """`text` reads as a sentence of prose, not as a credit line (see SENTENCE_WORDS)."""
    return (
        len(text.split()) >= SENTENCE_WORDS
        and text.rstrip("\"'”’) ").endswith((".", "!", "?"))
        and len(_LOWER_WORD.findall(text)) >= LOWER_WORDS
        and not _CREDIT_OPENING.match(text)
    )
