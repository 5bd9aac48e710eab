"""The spaCy Kazakh language: tokenizer, stop words, like_num, stemmer — on real Kazakh government sentences."""

from __future__ import annotations

import pytest
import spacy

import dq_nlp.lang.kk  # noqa: F401  (registers "kk")
from dq_nlp.lang.kk import Kazakh
from dq_nlp.lang.kk.lex_attrs import like_num
from dq_nlp.lang.kk.stemmer import stem


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("kk")


def test_registered(nlp: spacy.language.Language) -> None:
    assert isinstance(nlp, Kazakh)
    assert spacy.util.get_lang_class("kk") is Kazakh


def test_government_sentence_tokens(nlp: spacy.language.Language) -> None:
    text = (
        "ҚР Президенті Қасым-Жомарт Тоқаев Үкіметке 2025 жылғы 1 желтоқсанға дейін "
        "цифрландыру бағдарламасын әзірлеуді тапсырды."
    )
    toks = [t.text for t in nlp(text)]
    assert toks == [
        "ҚР", "Президенті", "Қасым-Жомарт", "Тоқаев", "Үкіметке", "2025", "жылғы", "1", "желтоқсанға", "дейін",
        "цифрландыру", "бағдарламасын", "әзірлеуді", "тапсырды", ".",
    ]


def test_abbreviations_and_money(nlp: spacy.language.Language) -> None:
    doc = nlp("Жобаға 2026 ж. республикалық бюджеттен 1,5 млрд. теңге, т.б. қаражат бөлінеді.")
    texts = [t.text for t in doc]
    assert "ж." in texts and "млрд." in texts and "т.б." in texts
    by_text = {t.text: t for t in doc}
    assert by_text["млрд."].norm_ == "миллиард"
    assert by_text["ж."].norm_ == "жыл"
    assert by_text["т.б."].norm_ == "тағы басқа"
    assert by_text["1,5"].like_num and by_text["млрд."].like_num


def test_hyphen_and_apostrophe_forms_stay_whole(nlp: spacy.language.Language) -> None:
    doc = nlp("ҚР-ның Ұлттық банкі инфляцияны 2025-жылы 15%-ке дейін төмендетті, сондай-ақ Apple'дың ұсынысын қарады.")
    texts = [t.text for t in doc]
    for tok in ("ҚР-ның", "2025-жылы", "15%-ке", "сондай-ақ", "Apple'дың"):
        assert tok in texts
    assert doc[0].norm_ == "қр"


def test_dash_still_splits(nlp: spacy.language.Language) -> None:
    assert [t.text for t in nlp("Астана—Алматы")] == ["Астана", "—", "Алматы"]


def test_stop_words(nlp: spacy.language.Language) -> None:
    doc = nlp("Министрлік және әкімдіктер бойынша бұл жұмыс үшін қаражат бар")
    stops = {t.text for t in doc if t.is_stop}
    assert {"және", "бойынша", "бұл", "үшін", "бар"} <= stops
    assert "Министрлік" not in stops and "қаражат" not in stops


@pytest.mark.parametrize(
    "word",
    ["бір", "тоғыз", "он", "жиырма", "тоқсан", "жүз", "мың", "миллион", "миллиард", "бірінші", "екінші",
     "алтыншы", "жүзінші", "мыңға", "екеу", "12", "1 500", "3,5", "1/2", "2-нші", "15%-ке"],
)
def test_like_num_true(word: str) -> None:
    assert like_num(word)


@pytest.mark.parametrize("word", ["министрлік", "бюджет", "Астана", "онда", "бірақ", "%"])
def test_like_num_false(word: str) -> None:
    assert not like_num(word)


def test_like_num_on_tokens(nlp: spacy.language.Language) -> None:
    doc = nlp("Екі жүз мың теңге бөлінді")
    assert [t.like_num for t in doc] == [True, True, True, False, False]


@pytest.mark.parametrize(
    "forms",
    [
        ["министрлік", "министрлігі", "министрлігінің", "министрлігіне", "министрлікке", "министрліктерінің"],
        ["Қазақстан", "Қазақстанның", "Қазақстанда", "Қазақстаннан", "Қазақстанға"],
        ["Астана", "Астананың", "Астанада", "Астанаға", "Астанадан"],
        ["бағдарлама", "бағдарламасы", "бағдарламаның", "бағдарламасын", "бағдарламаларды", "бағдарламасына"],
        ["үкімет", "үкіметі", "Үкіметтің", "үкіметке", "үкіметті"],
        ["Президент", "Президенті", "Президентінің", "Президентке"],
        ["Тоқаев", "Тоқаевтың", "Тоқаевқа"],
        ["берді", "береді", "беріп", "берген", "беретін", "беру", "беруге"],
        ["қаражат", "қаражаты", "қаражатты", "қаражаттың"],
        ["теңге", "теңгеге", "теңгені"],
    ],
)
def test_stemmer_conflates_inflections(forms: list[str]) -> None:
    stems = {stem(f) for f in forms}
    assert len(stems) == 1, stems


def test_stemmer_keeps_roots_and_is_idempotent() -> None:
    for word in ["Қазақстан", "министрлік", "бағдарлама", "доллар", "адам", "жоба", "тапсырма"]:
        s = stem(word)
        assert len(s) >= 3
        assert stem(s) == s
    assert stem("Қазақстанның") == "қазақстан"
    assert stem("министрлігінің") == "министрлік"
    assert stem("ҚР-ның") == "қр"
    assert stem("AI") == "ai"


def test_stemmer_on_sentence(nlp: spacy.language.Language) -> None:
    doc = nlp("Цифрлық даму министрлігі бағдарламаларды Үкіметке ұсынды")
    stems = [stem(t.text) for t in doc]
    assert stems[2] == "министрлік"
    assert stems[3] == "бағдарлама"
    assert stems[4] == "үкімет"
