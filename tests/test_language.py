"""Language detection: deterministic, script-aware for CJK, silent on too little text."""

import threading

from transforms.language import detect_language, language_tag

ENGLISH = "The city council voted on Tuesday to delay a decision on the new harbor bridge until spring."


def test_english_is_detected():
    assert detect_language(ENGLISH)[0] == "en"


def test_chinese_is_zh_not_korean():
    text = "清河二桥今天正式通车，市民从南岸到北岸的通行时间由原来的四十分钟缩短到十分钟左右。"
    assert detect_language(text) == ("zh", 1.0)


def test_japanese_and_korean_by_script():
    assert detect_language("市役所は今日、新しいバス路線の計画を発表しました。住民の生活が便利になります。")[0] == "ja"
    assert detect_language("시청은 오늘 새로운 버스 노선 계획을 발표했습니다. 주민들의 생활이 편리해집니다.")[0] == "ko"


def test_too_short_gives_no_language():
    assert detect_language("OK 12") == (None, None)


def test_same_text_same_answer_across_threads():
    short = "Ciao a tutti, oggi piove."  # short strings are where an unseeded detector flips
    results = set()

    def work():
        for _ in range(20):
            results.add(detect_language(short))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 1


def test_declared_language_tags_in_canonical_case():
    assert language_tag("en_us") == language_tag("EN-us") == "en-US"
    assert language_tag("zh-hant-tw") == "zh-Hant-TW"
    assert language_tag("es-419") == "es-419"
    assert language_tag("de-DE, en") == "de-DE"  # a Content-Language list: the first
    assert language_tag("en-US-x-house") == "en-US"  # private use dropped
    for no_tag in ("{{lang}}", "x", "und", "english", "", None):
        assert language_tag(no_tag) is None, no_tag


def test_trials_give_langdetects_own_probabilities_bit_for_bit():
    """`language_trials.probabilities` is langdetect's detection made cheaper: every float equal."""
    import random

    from langdetect import detector_factory
    from langdetect.lang_detect_exception import LangDetectException

    from transforms import language
    from transforms.language_trials import probabilities

    language.load()
    factory = detector_factory._factory
    texts = [
        ENGLISH,
        "Der Stadtrat hat am Dienstag beschlossen, die Entscheidung über die neue Brücke zu vertagen.",
        "Le conseil municipal a voté mardi pour reporter la décision sur le nouveau pont du port.",
        "Городской совет во вторник проголосовал за то, чтобы отложить решение по новому мосту.",
        "Hội đồng thành phố đã bỏ phiếu vào thứ Ba để hoãn quyết định về cây cầu mới.",  # Vietnamese marks
        "Consiliul a votat marți: ședința ține până la ora șase.",  # Romanian comma-below letters
        "NASA and the ESA said   the LAUNCH of JWST-2 is   set (see https://example.org/x or mail a@b.co).",
        "مجلس المدينة صوت يوم الثلاثاء على تأجيل القرار بشأن الجسر الجديد، یک",
        "Ελληνικά κείμενα with some English words mixed in, and 日本語 too.",
        "!!! ... 123 ---",  # no n-gram the profiles know
    ]
    rand = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ  éüßøçñ ąęłśź ПРИВЕТ привет ṃḍ ắẳ"
    texts += ["".join(rand.choice(letters) for _ in range(rand.randint(1, 400))) for _ in range(200)]

    def outcome(detect):
        try:
            return [(found.lang, found.prob) for found in detect()]
        except LangDetectException as error:
            return error.code

    for text in texts:
        detector = factory.create()
        detector.n_trial = language.N_TRIAL
        detector.append(text)
        expected = outcome(detector.get_probabilities)
        assert outcome(lambda text=text: probabilities(factory, text, language.N_TRIAL)) == expected, text
