"""Text-dump headers (`transforms.metadata.dumps`): headline, deck and credit lines.

Every line here is invented, in the shapes met in plain-text page dumps.
"""

from transforms.metadata.dumps import dump_header

FIRST = "The county opened its third cooling centre on Monday as temperatures climbed past forty."
MORE = "More text of the article follows in this paragraph, long enough to be body text."


def _header(lines: list[str]) -> tuple[str | None, list[str]]:
    return dump_header("\n".join(lines + [FIRST, MORE]), FIRST)


def test_a_headline_over_its_deck():
    lines = ["Menu", "Cooling centres open across the county", "Here is where to go when the heat returns",
             "By Tomas Reyes", "July 8, 2024"]
    assert _header(lines)[0] == "Cooling centres open across the county"
    # a short line over the headline is a kicker or a menu entry, not the headline
    lines[1:2] = ["Local News"]
    assert _header(lines)[0] == "Here is where to go when the heat returns"
    # a label glued to the headline stays a label
    lines[1:3] = ["County Guides Cooling Centres Open Across the County", "Cooling Centres Open Across the County"]
    assert _header(lines)[0] == "Cooling Centres Open Across the County"


def test_menu_entries_glued_together_are_not_a_headline():
    lines = ["HomeLocal NewsWeather Alerts", "Cooling centres open across the county", "July 8, 2024"]
    assert _header(lines)[0] == "Cooling centres open across the county"
    lines[1:2] = []
    assert _header(lines)[0] is None


def test_role_lines_and_interface_labels_behind_symbols_are_not_headlines():
    lines = ["Cooling centres open across the county", "By Tomas Reyes", "Senior Weather Editor and Storm Chaser",
             "July 8, 2024"]
    assert _header(lines)[0] == "Cooling centres open across the county"
    lines[2] = "Deputy Editor, The Valley Ledger"
    assert _header(lines)[0] == "Cooling centres open across the county"
    lines[2:2] = ["\U0001F50A Listen to this article"]
    assert _header(lines)[0] == "Cooling centres open across the county"
