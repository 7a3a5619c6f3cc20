"""Story prose for the benchmark corpus (`bench.corpus`): headlines, bylines, dates and paragraphs.

In: a seeded `random.Random`. Out: a story dict (title, author, date, section, place, its cast and
paragraphs) or its pieces. Each story has its own cast of invented names (see `cast`) set in
clauses of common English words, so distinct stories share few 3-word shingles, as real ones do.
"""

import random

# Body size in paragraphs: short briefs to long reads.
PARAGRAPHS = (4, 28)
# A daily crawl: most pages are from the last few days, the rest archive pages from any day of the year.
RECENT_SHARE, RECENT_DAYS = 0.85, 3
NAMES = (
    "Marta Velasquez",
    "Oren Hadley",
    "Priya Ramanathan",
    "Tomasz Wilk",
    "Ines Duarte",
    "Kofi Mensah",
    "Lena Sørvik",
    "Daniel Okafor",
    "Ruth Abernathy",
    "Sami Haddad",
    "Elif Aydın",
    "Jonah Whitcombe",
)
PLACES = (
    "Port Aldine",
    "Carrow Falls",
    "Westmere",
    "Lindqvist Bay",
    "New Halden",
    "Osterby",
    "Fenmoor",
    "Ridgecrest County",
    "Saltmarsh",
    "Brennan Heights",
)
BODIES = (
    "the city council",
    "the regional transit authority",
    "the water board",
    "the port commission",
    "the state university",
    "the county health department",
    "the harbour pilots' union",
    "the planning committee",
    "the schools trust",
    "the fire service",
)
VERBS = ("approved", "postponed", "rejected", "reviewed", "announced", "defended", "questioned", "unveiled")
THINGS = (
    "a revised budget",
    "the new ferry timetable",
    "a plan to widen the coastal road",
    "emergency repairs to the old bridge",
    "a pilot scheme for electric buses",
    "the housing strategy",
    "a review of school catchment areas",
    "a ban on overnight parking",
    "the flood defence upgrade",
)
QUOTES = (
    "We have listened, and this is the result",
    "Nobody pretends this is cheap",
    "The numbers simply did not add up",
    "It is a start, not the finish line",
    "People deserve a straight answer on this",
)
INSTITUTIONS = ("council", "board", "authority", "commission", "trust", "committee", "union", "agency", "court")
OBJECTS = ("plan", "budget", "project", "scheme", "review", "contract", "timetable", "strategy", "inquiry", "levy")
SECTIONS = ("Local", "Politics", "Business", "Transport", "Education", "Environment", "Health", "Sport")
# Invented words (syllable pairs and triples) for each story's names and clauses (see `cast`): real
# distinct stories share few 3-word shingles. Prose from small phrase lists had made unrelated
# briefs near-duplicates (one "cluster" of 298 articles in 600 pages) and, after that fix, still
# ten LSH candidate pairs per article, which made clustering, not extraction, dominate.
SYLLABLES = (
    "ka",
    "ro",
    "len",
    "mi",
    "tor",
    "va",
    "sel",
    "du",
    "ari",
    "bo",
    "nesh",
    "pal",
    "ur",
    "fi",
    "gan",
    "te",
    "lom",
    "zi",
    "har",
    "em",
    "qua",
    "vin",
    "os",
    "bre",
    "ly",
    "dam",
    "ce",
    "jor",
    "wil",
    "nu",
)
DETAIL_WORDS = (3, 9)
# Common English words for the rest of each clause: news prose is in a language, and a language
# detector takes two to four times as long on invented words as on real ones (3.9 against 1.7 ms
# a text), which no real crawl costs. Drawn at random, 3-word shingles of two stories still rarely meet.
VOCABULARY = tuple(
    """
    about after again against ahead almost along already also although always among another answer anyone around
    asked away back because before began behind being believe below better between beyond both brought building
    business called came cannot care case cause certain change children city clear close coming community
    company continue cost could council country course court cover current daily data deal decision deep demand
    despite difference district during each early economic effect either else end enough even evening every
    evidence expected experience face fact fair family far field final find first floor follow food force former
    forward found free friday full future given going good government great ground group growing half hand hard
    having health heard help high history hold home hope hospital hours house however hundred idea important
    increase inside instead interest issue itself just keep kind known land large last late later leader least
    left less level life light likely line little local long looking made main major make many market matter
    maybe measure meeting member might million minister moment money month more morning most move much must
    nation national near nearly need never news next night none north nothing number offer office often older
    once only open order other outside over owner paid part party past people perhaps period person place plan
    point police policy power present press price private problem process program project public question
    quickly quite rather reach ready real reason recent record region report rest result return right river road
    rule safety same school second season seen service several share short should side since small social
    something soon south speaking spring staff start state station still street strong study summer support sure
    system taken talks team than their there these thing think those though three through time today together
    told toward town trade training travel under union until update upon used usual valley various village visit
    voice wait water weather week weekend west where whether which while whole wider winter within without women
    work worker world would year years young
    """.split()
)


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randrange(2, 4)))


def detail(rng: random.Random) -> str:
    """A clause of common words drawn at random: the part of each sentence that is this story's own."""
    return " ".join(rng.choice(VOCABULARY) for _ in range(rng.randrange(*DETAIL_WORDS)))


def cast(rng: random.Random) -> dict:
    """A story's own names: who, where, what. Real stories share few 3-word shingles (the wcxb gold
    bodies: estimated Jaccard of a random pair 0.001 on average, 0.016 at the 99th percentile);
    sentences built around shared stock phrases made every generated story a near-miss candidate
    of ten others (0.056 / 0.17), which no crawl shows."""
    return {
        "body": f"the {word(rng)} {rng.choice(INSTITUTIONS)}",
        "place": word(rng).capitalize(),
        "person": f"{word(rng).capitalize()} {word(rng).capitalize()}",
        "thing": f"the {word(rng)} {rng.choice(OBJECTS)}",
    }


def sentence(rng: random.Random, c: dict | None = None) -> str:
    c = c or cast(rng)
    kind = rng.random()
    if kind < 0.5:
        core = f"{c['body'].capitalize()} in {c['place']} {rng.choice(VERBS)} {c['thing']}"
    elif kind < 0.75:
        core = f"\u201c{detail(rng).capitalize()},\u201d said {c['person']}"
    else:
        core = (
            f"{c['thing'].capitalize()} {rng.choice(('rose', 'fell', 'came'))} to {rng.randrange(3, 980)} "
            f"{rng.choice(('million', 'thousand', 'per cent'))} in {rng.randrange(2015, 2026)}, "
            f"{rng.choice(('according to', 'figures from', 'a report by'))} {c['body']} show"
        )
    return f"{core}, {detail(rng)}."


def paragraph(rng: random.Random, c: dict | None = None) -> str:
    return " ".join(sentence(rng, c) for _ in range(rng.randrange(2, 6)))


def story(rng: random.Random, n: int) -> dict:
    if rng.random() < RECENT_SHARE:
        day = f"2025-06-{28 - rng.randrange(RECENT_DAYS):02d}"
    else:
        day = f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    c = cast(rng)
    title = f"{c['body'].capitalize()} {rng.choice(VERBS)} {c['thing']}"
    return {
        "title": title,
        "author": rng.choice(NAMES),
        "date": day,
        "time": f"{rng.randrange(6, 22):02d}:{rng.randrange(60):02d}",
        "section": rng.choice(SECTIONS),
        "place": c["place"],
        "id": n,
        "cast": c,
        "paragraphs": [paragraph(rng, c) for _ in range(rng.randrange(*PARAGRAPHS))],
    }


def story_title(rng: random.Random) -> str:
    return f"{rng.choice(PLACES)}: {rng.choice(BODIES)} {rng.choice(VERBS)} {rng.choice(THINGS)}"
