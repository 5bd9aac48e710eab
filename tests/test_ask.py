"""The ownership bot's pieces that need no index: question frames, places, the confidence model file."""

import json

import pytest

from dq_nlp.ask.confidence import MODEL_PATH, TRUST, ConfidenceModel, pick_score, vetoed
from dq_nlp.ask.features import (
    HitFeatures,
    asks_recurrence,
    name_miss,
    owner_signal,
    place_miss,
    places_in,
    question_bodies,
    recurrence_signal,
    unknown_names,
    year_signal,
    years_in,
)
from dq_nlp.ask.question import question_core
from dq_nlp.lang.terms import term_key
from dq_nlp.records import Deadline


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
    good = _features(action=0.95, sentence=0.92, sentence_gap=-0.08, nd_gap=-0.3, rcov=0.9)
    assert model.trusts(good)
    # the question says the directive's own object (rcov, round 7): a match that leaves it unsaid is trusted less
    assert model.probability(_features(rcov=0.2)) < model.probability(_features(rcov=0.8))
    # a place or a name the directive does not mention vetoes the answer, whatever the model says
    assert not model.trusts(_features(action=0.95, sentence=0.92, sentence_gap=-0.08, nd_gap=-0.3, rcov=0.9, place_miss=1.0))
    assert not model.trusts(_features(action=0.95, sentence=0.92, sentence_gap=-0.08, nd_gap=-0.3, rcov=0.9, name_miss=0.5))
    assert vetoed(_features(place_miss=0.5)) and not vetoed(_features())
    # a non-directive sentence that matches better than any directive (a negation, a foreign decision) lowers trust,
    # by embedding and by the words it shares with the question
    assert model.probability(_features(sentence_gap=0.06)) < model.probability(_features(sentence_gap=-0.06))
    assert model.probability(_features(nd_gap=0.3)) < model.probability(_features(nd_gap=-0.3))
    assert not model.trusts(_features(action=0.95, sentence=0.92, sentence_gap=-0.08, nd_gap=0.4, rcov=0.9))
    assert pick_score(_features(place_miss=1.0)) < pick_score(_features())
    # a recurring directive for "каждый месяц", the owner the question names, the year it names break ties
    assert pick_score(_features(recurrence=1.0)) > pick_score(_features(recurrence=-1.0))
    assert pick_score(_features(owner_hit=1.0)) > pick_score(_features(owner_hit=-1.0))
    assert pick_score(_features(year=1.0)) > pick_score(_features(year=-1.0))
    # round 7: the question's date against the deadline decides between twin directives, and a contradicting date
    # or a named body that owns nothing here vetoes
    assert pick_score(_features(date=1.0)) > pick_score(_features(date=0.5)) > pick_score(_features(date=-1.0))
    assert vetoed(_features(date=-1.0)) and vetoed(_features(owner_hit=-1.0))
    assert not vetoed(_features(date=0.5)) and not vetoed(_features(owner_hit=1.0))
    assert not model.trusts(_features(action=0.95, sentence=0.92, sentence_gap=-0.08, nd_gap=-0.3, rcov=0.9, date=-1.0))


def test_bodies_and_unknown_names_in_a_question():
    from dq_nlp.trace.registry import load_registry

    registry = load_registry()
    q = "Что поручено Минсельхозу и Минторговли по экспорту сахара и растительного масла?"
    assert question_bodies(registry, q, "ru") == {"msh", "mti"}
    assert question_bodies(registry, "До какого числа Министерству юстиции сдать проект?", "ru") == {"mju"}
    # the government and the akimats as a whole do not say which directive is meant
    assert question_bodies(registry, "Что поручено Правительству и акиматам?", "ru") == set()
    assert owner_signal({"msh", "mti"}, ["msh", None]) == 1.0
    assert owner_signal({"msh"}, ["akimats_all"]) == -1.0 and owner_signal(set(), ["msh"]) == 0.0
    # a name the registry knows as no body, place or programme; regions and bodies are left to their own features
    assert unknown_names(registry, "Кому поручено запустить новую подстанцию на побережье Балхаша?", "ru") == ["Балхаша"]
    assert unknown_names(registry, "Кто должен дать квартиры врачам Мангистауской области по поручению Минфина?",
                         "ru") == []
    assert unknown_names(registry, "Балхаш кім жауапты?", "kk") == []  # the first word is capitalised anyway


def test_name_miss_folds_kazakh_letters_and_reads_prefixes():
    assert name_miss(["Балхаша"], "Алакөл ауданының әкімдігі жағалаудағы қосалқы станцияны іске қосу") == 1.0
    assert name_miss(["Балхаша"], "на побережье озера Балхаш") == 0.0
    assert name_miss(["Қорғас"], "пункт пропуска «Коргас»") == 0.0
    assert name_miss(["Курык", "Актау"], "порт Актау") == 0.5
    assert name_miss([], "что угодно") == 0.0


def test_recurrence_and_year_signals():
    monthly = Deadline(text="ежемесячно", recurrence="monthly")
    dated = Deadline(text="до 1 апреля 2026 года", date="2026-04-01")
    assert asks_recurrence("Кто каждый месяц обнародует цены?") == asks_recurrence("Кім ай сайын хабарлайды?") \
        == (True, "monthly")
    assert asks_recurrence("Кто регулярно проверяет системы?") == (True, None)
    assert asks_recurrence("Кто отвечает за модернизацию ЦОНов?") == (False, None)
    assert recurrence_signal((True, "monthly"), monthly) == 1.0 and recurrence_signal((True, None), monthly) == 1.0
    assert recurrence_signal((True, "monthly"), dated) == -1.0
    # "тоқсан сайын" is not answered by a weekly report
    assert recurrence_signal((True, "quarterly"), Deadline(text="апта сайын", recurrence="weekly")) == -1.0
    assert recurrence_signal((False, None), monthly) == -0.5 and recurrence_signal((False, None), None) == 0.0
    years = years_in("Кто отвечает за то, чтобы кредиты дошли до фермеров к весеннему севу 2026 года?")
    assert years == {"2026"}
    assert year_signal(years, dated, "…") == 1.0
    assert year_signal(years, None, "в 2026 году") == 1.0
    assert year_signal(years, Deadline(text="до конца 2027 года", date="2027-12-31"), "…") == -1.0
    assert year_signal(set(), dated, "…") == 0.0


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


def test_fit_leaves_vetoed_out_and_sets_the_threshold_above_every_unanswerable():
    from types import SimpleNamespace

    from dq_nlp.ask.bot import Assessment
    from dq_nlp.eval.ask import _fit, _score

    def assessed(qid, answerable, owner, **kw):
        row = {"id": qid, "answerable": answerable, "expected_owner_ids": ["mf"] if answerable else [], "kind": "owner"}
        hit = SimpleNamespace(directive=SimpleNamespace(owner_ids=[owner], deadline=None))
        return row, Assessment(lang="ru", kind="owner", owner_filter=None, hits=[hit], features=[_features(**kw)], pick=0)

    rows = [assessed(f"r{i}", True, "mf", action=0.92 + i / 200, nd_gap=-0.3 + i / 100) for i in range(6)]
    rows += [assessed(f"w{i}", True, "mne", action=0.86 + i / 200, nd_gap=0.1) for i in range(3)]
    rows += [assessed(f"u{i}", False, "mne", action=0.85 + i / 100, nd_gap=0.05 * i) for i in range(4)]
    # a wrong-place near-miss that looks like a right answer: the veto abstains, so it must not set the threshold
    vetoed_row = assessed("v", False, "mf", action=0.95, nd_gap=-0.3, place_miss=1.0)
    model, n, n_unanswerable, _ = _fit(rows + [vetoed_row], margin=0.1)
    assert n == 13 and n_unanswerable == 4
    assert model.threshold >= max(model.probability(a.features[0]) for r, a in rows if not r["answerable"]) + 0.1 - 1e-4
    scored = _score(rows + [vetoed_row], model)
    assert scored["confident_wrong_on_unanswerable"] == 0 and scored["answerable"] == 9
    assert 0 < scored["right"] <= 6 and scored["wrong_answers_on_answerable"] == 0


def test_rarest_hit_reads_the_rarest_word_only():
    from dq_nlp.ask.features import rarest_hit, unit_terms

    rare = {term_key("ЦОНы", "ru"): 5.0}
    idf = lambda term: rare.get(term, 2.0)  # noqa: E731 — every other term is common
    words = ["закрыть", "ЦОНы"]
    assert rarest_hit(words, unit_terms("модернизировать ЦОНы", "ru"), idf, "ru") == 1.0  # the rare word is there
    assert rarest_hit(words, unit_terms("закрыть отделения", "ru"), idf, "ru") == 0.0  # only the common one
    assert rarest_hit([], unit_terms("ЦОНы", "ru"), idf, "ru") == 0.0


def test_date_signal_reads_the_questions_deadline_against_each_document():
    from dq_nlp.ask.features import date_signal, question_dates

    end_2026 = Deadline(text="до конца 2026 года", date="2026-12-31")
    q1_2026 = Deadline(text="в I квартале 2026 года", date="2026-03-31")
    dates = question_dates("Кому поручено до конца 2026 года поднять скорость интернета в школах?", "2026-01-27")
    assert date_signal(dates, end_2026) == 1.0 and date_signal(dates, q1_2026) == 0.5  # the year holds Q1 too
    q1 = question_dates("Кто должен в первом квартале 2026 года подключить сельские школы?", "2025-03-27")
    assert date_signal(q1, q1_2026) == 1.0 and date_signal(q1, end_2026) == -1.0
    assert date_signal(dates, None) == -1.0  # a dated question is not answered by an undated directive
    assert date_signal(question_dates("Кто отвечает за интернет в школах?", "2026-01-27"), q1_2026) == 0.0
    # a relative deadline is read against the directive's own document date: the October 2025 order, not the 2026 one
    month = "Әділет министрлігіне бір ай ішінде қамтамасыз ету қай күнге дейін тапсырылды?"
    assert date_signal(question_dates(month, "2025-10-15"), Deadline(text="в течение месяца", date="2025-11-15")) == 1.0
    assert date_signal(question_dates(month, "2026-02-18"), end_2026) == -1.0
    # "в 2026 году" holds any 2026 deadline
    assert date_signal(question_dates("Кто должен в 2026 году открыть площадки?", "2025-12-10"), end_2026) in (0.5, 1.0)


def test_action_coverage_is_the_share_of_the_actions_words_the_question_says():
    from dq_nlp.ask.features import action_coverage, unit_terms

    idf = lambda term: 2.0  # noqa: E731 — every term alike
    action = "предусмотреть средства на закуп компьютерной техники для фельдшерско-акушерских пунктов"
    same = unit_terms("Кто должен предусмотреть средства на закуп компьютерной техники для фельдшерско-акушерских пунктов?", "ru")
    other = unit_terms("Кто должен предусмотреть средства на закуп компьютеров для школ?", "ru")
    assert action_coverage(action, "ru", same, idf) > 0.9
    assert action_coverage(action, "ru", other, idf) < action_coverage(action, "ru", same, idf)
    assert action_coverage("", "ru", same, idf) == 0.0


def test_crossfit_scores_each_dev_file_with_a_model_fitted_on_the_others():
    from types import SimpleNamespace

    from dq_nlp.ask.bot import Assessment
    from dq_nlp.eval.ask import crossfit_assessed

    def assessed(qid, answerable, owner, **kw):
        row = {"id": qid, "answerable": answerable, "expected_owner_ids": ["mf"] if answerable else [], "kind": "owner"}
        hit = SimpleNamespace(directive=SimpleNamespace(owner_ids=[owner], deadline=None))
        return row, Assessment(lang="ru", kind="owner", owner_filter=None, hits=[hit], features=[_features(**kw)], pick=0)

    def file(tag):
        rows = [assessed(f"{tag}r{i}", True, "mf", action=0.93 + i / 200, nd_gap=-0.3 + i / 100) for i in range(5)]
        return rows + [assessed(f"{tag}u{i}", False, "mne", action=0.85 + i / 100, nd_gap=0.1 * i) for i in range(3)]

    out = crossfit_assessed({"dev_half": file("a"), "dev2": file("b"), "dev3": file("c")}, folds=2, repeats=2)
    lofo = out["leave_one_file_out"]
    assert set(lofo["per_file"]) == {"dev_half", "dev2", "dev3"} and lofo["answerable"] == 15
    assert lofo["confident_wrong_on_unanswerable"] == 0 and 0 < lofo["right"] <= 15
    assert out["pair_held_out_confident_wrong"] == 0 and out["2_fold_x2"]["folds"] == 4
