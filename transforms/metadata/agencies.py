"""Wire agencies: the world's and the national ones of Europe, Asia and the Americas, and the
spellings credits give them. Apart from `publishers` (which reads credits with it) so that the
cluster rules, which run in the Beam process, ask `agency` without importing the metadata layer's
line readers and name rules, which only the extractor's child runs.

  python -c 'from transforms.metadata.agencies import agency; print(agency("The Associated Press"))'
"""

from transforms.metadata.jsonld import key

# Canonical agency name -> spellings met in credits (matched whole, case-insensitive).
WIRE_AGENCIES = {
    "Associated Press": ("AP", "The Associated Press", "Associated Press", "AP News", "美联社"),
    "Reuters": ("Reuters", "Thomson Reuters", "Reuters News", "路透社"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse", "AFP News", "法新社"),
    "Xinhua": ("Xinhua", "Xinhua News Agency", "Xinhuanet", "Xinhua Net", "Xinhua News", "新华社", "新华网"),
    "dpa": ("dpa", "Deutsche Presse-Agentur", "Deutsche Presse Agentur"),
    "EFE": ("EFE", "Agencia EFE"),
    "ANSA": ("ANSA",),
    "Kyodo": ("Kyodo", "Kyodo News", "共同社"),
    "Yonhap": ("Yonhap", "Yonhap News Agency", "Yonhap News", "韩联社"),
    "PTI": ("PTI", "Press Trust of India"),
    "IANS": ("IANS",),
    "ANI": ("ANI", "Asian News International"),
    "UPI": ("UPI", "United Press International"),
    "TASS": ("TASS", "ITAR-TASS"),
    "Anadolu Agency": ("Anadolu", "Anadolu Agency", "AA"),
    "PA Media": ("PA", "PA Media", "Press Association"),
    "AAP": ("AAP", "Australian Associated Press"),
    "The Canadian Press": ("CP", "The Canadian Press", "Canadian Press"),
    "Bloomberg": ("Bloomberg", "Bloomberg News"),
    "Interfax": ("Interfax",),
    "Bernama": ("Bernama",),
    "Antara": ("Antara", "Antara News"),
    "CNS": ("CNS", "China News Service", "中新社", "中新网"),
    "ANP": ("ANP", "Algemeen Nederlands Persbureau"),
    "Belga": ("Belga",),
    "APA": ("APA", "Austria Presse Agentur"),
    "Keystone-SDA": ("Keystone-SDA", "SDA", "ATS", "Keystone-ATS"),
    "KNA": ("KNA", "Katholische Nachrichten-Agentur"),
    "epd": ("epd", "Evangelischer Pressedienst"),
    "Europa Press": ("Europa Press",),
    "Lusa": ("Lusa", "Agência Lusa"),
    "Agência Brasil": ("Agência Brasil", "Agencia Brasil"),
    "NTB": ("NTB",),
    "Ritzau": ("Ritzau",),
    "STT": ("STT",),
    "PAP": ("PAP", "Polska Agencja Prasowa"),
    "ČTK": ("ČTK", "CTK"),
    "MTI": ("MTI",),
    "Ukrinform": ("Ukrinform",),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Notimex": ("Notimex",),
    "Télam": ("Télam", "Telam"),
    "Prensa Latina": ("Prensa Latina",),
}
_AGENCY_BY_KEY = {key(s): name for name, spellings in WIRE_AGENCIES.items() for s in spellings}


def agency(name: str | None) -> str | None:
    """Canonical agency name when `name` is a spelling of a wire agency."""
    return _AGENCY_BY_KEY.get(key(name)) if name else None
