"""Title choice rules (transforms.metadata.titles), on invented pages."""

from schemas import Signals
from transforms.metadata.titles import choose_title


def test_a_capitals_h1_keeps_its_punctuation_when_the_seo_title_differs_in_more_than_case():
    shouting = Signals(headings=["TIDE TABLES VS. WEATHER APPS"], meta={"og:title": "Tide Tables vs Weather Apps"})
    assert choose_title(shouting, []) == "TIDE TABLES VS. WEATHER APPS"
    same_words = Signals(headings=["TIDE TABLES VS. WEATHER APPS"], meta={"og:title": "Tide Tables vs. Weather Apps"})
    assert choose_title(same_words, []) == "Tide Tables vs. Weather Apps"
