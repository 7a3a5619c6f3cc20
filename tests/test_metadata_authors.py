"""Author choice rules (transforms.metadata.authors), on invented pages."""

from schemas import Signals
from transforms.metadata.authors import choose_authors


def test_a_first_name_that_two_kinds_of_author_element_give_is_the_author():
    signals = Signals(author_texts=[("link", "Maribel"), ("box", "Maribel"), ("class", "Maribel 4/5/2025")])
    assert choose_authors(signals, set()) == ["Maribel"]
    one_kind = Signals(author_texts=[("link", "Maribel"), ("link", "Maribel")])
    assert choose_authors(one_kind, set()) == []
    label = Signals(author_texts=[("link", "Staff"), ("box", "Staff")])
    assert choose_authors(label, set()) == []
