"""The ownership bot's pieces that need no index: question frames, places, the confidence model file."""

import json

import pytest

from dq_nlp.ask.confidence import MODEL_PATH, TRUST, ConfidenceModel, pick_score
from dq_nlp.ask.features import HitFeatures, place_miss, places_in
from dq_nlp.ask.question import question_core


@pytest.mark.parametrize("question,core", [
    ("Кто должен внедрить блокировку номеров мошенников?", "внедрить блокировку номеров мошенников"),
    ("Какой срок у оснащения сельских медпунктов?", "оснащения сельских медпунктов"),
    ("Кому поручено построить метро в Шымкенте?", "построить метро в Шымкенте"),
    ("Ауылдық мектептерді интернетке қосу кімге тапсырылды?", "Ауылдық мектептерді интернетке қосу"),
    ("GPT Education платформасын енгізу мерзімі қандай?", "GPT Education платформасын енгізу"),
])
def test_question_core_strips_the_frame(question, core):
    assert question_core(question) == core


def test_question_core_keeps_an_unrecognised_question():
    assert question_core("Цифровизация?") == "Цифровизация"


def test_places_are_language_neutral():
    assert places_in("Алматыдағы аялдамалар") == {"almaty"}
    assert places_in("акиматам Атырауской и Мангистауской областей") == {"atyrau", "mangystau"}
    assert places_in("Шығыс Қазақстан облысы") == places_in("Восточно-Казахстанской области") == {"east_kazakhstan"}
    assert places_in("по всему Казахстану в городах") == set()  # the country and generic words are not places
    assert place_miss({"almaty"}, "Астана қаласының әкімдігіне аялдамаларды жабдықтау") == 1.0
    assert place_miss({"astana"}, "Астана қаласының әкімдігіне") == 0.0


def _features(**kw) -> HitFeatures:
    base = dict(action=0.9, sentence=0.85, sentence_gap=-0.05, coverage=0.5, programme=0.0, place_miss=0.0, rank=0.0)
    return HitFeatures(**{**base, **kw})


def test_shipped_model_trusts_a_clear_match_and_not_a_wrong_place():
    model = ConfidenceModel.load()
    assert model.features == TRUST and 0 < model.threshold < 1
    good = _features(action=0.95, sentence=0.92, sentence_gap=-0.08)
    assert model.probability(good) >= model.threshold
    assert model.probability(_features(action=0.95, sentence=0.92, sentence_gap=-0.08, place_miss=1.0)) < model.threshold
    # a non-directive sentence that matches better than any directive (a negation, a foreign decision) lowers trust
    assert model.probability(_features(sentence_gap=0.06)) < model.probability(_features(sentence_gap=-0.06))
    assert pick_score(_features(place_miss=1.0)) < pick_score(_features())


def test_model_file_fitted_on_other_features_is_refused(tmp_path):
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["features"] = ["action", "bogus"]
    path = tmp_path / "confidence.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="refit"):
        ConfidenceModel.load(path)


@pytest.mark.parametrize("question, programme", [
    ("Кто отвечает за проекты-ледоколы?", "icebreakers"),
    ("«Мұзжарғыш» жобаларына кім жауапты?", "icebreakers"),
    ("Кто отвечает за цифровой тенге?", "digital_tenge"),
    ("Кто отвечает за проекты-ледоколы в Туркменистане?", None),  # more than the programme: similarity decides
    ("Кто должен внедрить цифровой тенге в бюджетные выплаты?", None),
])
def test_a_question_about_a_whole_programme(question, programme):
    from dq_nlp.ask.bot import whole_programme
    from dq_nlp.trace.registry import load_registry

    assert whole_programme(load_registry(), question_core(question)) == programme


def test_kazakh_frame_does_not_eat_word_endings():
    assert question_core("Кто отвечает за проекты-ледоколы в Туркменистане?").endswith("Туркменистане")
