"""NER: converters on inline brat/IOB2 snippets, scoring, and the shipped pipelines on government sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from dq_nlp.ner.convert import (
    BratEntity,
    continuous,
    iob2_docs,
    kaznerd_split,
    nerel_docs,
    outermost,
    read_brat_ann,
    read_iob2,
)
from dq_nlp.ner.evaluate import score
from dq_nlp.ner.recognizer import MODELS_DIR, load_ner

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"

BRAT_TXT = "Министр финансов Казахстана Мади Такиев 5 августа выделил 2 млрд тенге.\nВторой абзац про ООН."
BRAT_ANN = """T1\tPROFESSION 0 27\tМинистр финансов Казахстана
T2\tCOUNTRY 17 27\tКазахстана
T3\tPERSON 28 39\tМади Такиев
T4\tDATE 40 49\t5 августа
T5\tMONEY 58 70\t2 млрд тенге
T6\tNUMBER 58 59\t2
T7\tPROFESSION 0 7;8 16\tМинистр финансов
T8\tORGANIZATION 89 92\tООН
R1\tWORKS_AS Arg1:T3 Arg2:T1
N1\tReference T2 Wikidata:Q232\tKazakhstan
"""

IOB2 = """ҚР O
Президенті B-POSITION
Қасым-Жомарт B-PERSON
Тоқаев I-PERSON
Астанада B-GPE
сөз O
сөйледі O
. O

Үкімет B-ORGANISATION
1,5 B-MONEY
млрд I-MONEY
теңге I-MONEY
бөлді O
"""


@pytest.fixture()
def brat_dir(tmp_path: Path) -> Path:
    (tmp_path / "001.txt").write_text(BRAT_TXT, encoding="utf-8")
    (tmp_path / "001.ann").write_text(BRAT_ANN, encoding="utf-8")
    return tmp_path


def test_read_brat_skips_relations_and_marks_discontinuous(brat_dir: Path) -> None:
    ents = read_brat_ann(brat_dir / "001.ann")
    assert len(ents) == 8
    assert [e.discontinuous for e in ents].count(True) == 1
    assert ents[6] == BratEntity(0, 16, "PROFESSION", True)


def test_outermost_and_nested_sets(brat_dir: Path) -> None:
    ents = read_brat_ann(brat_dir / "001.ann")
    assert len(continuous(ents)) == 7
    outer = {(e.start, e.end, e.label) for e in outermost(ents)}
    assert outer == {(0, 27, "PROFESSION"), (28, 39, "PERSON"), (40, 49, "DATE"), (58, 70, "MONEY"),
                     (89, 92, "ORGANIZATION")}


def test_nerel_docs_by_paragraph(brat_dir: Path) -> None:
    nlp = spacy.blank("ru")
    stats: dict[str, int] = {}
    docs = list(nerel_docs(nlp, brat_dir, stats=stats))
    assert len(docs) == 2
    assert [(e.text, e.label_) for e in docs[0].ents] == [
        ("Министр финансов Казахстана", "PROFESSION"), ("Мади Такиев", "PERSON"), ("5 августа", "DATE"),
        ("2 млрд тенге", "MONEY"),
    ]
    assert {(s.text, s.label_) for s in docs[0].spans["sc"]} >= {("Казахстана", "COUNTRY"), ("2", "NUMBER")}
    assert [(e.text, e.label_) for e in docs[1].ents] == [("ООН", "ORGANIZATION")]
    assert stats["discontinuous"] == 1 and stats["misaligned"] == 0


def test_iob2_docs(tmp_path: Path) -> None:
    import dq_nlp.lang.kk  # noqa: F401

    path = tmp_path / "x.txt"
    path.write_text(IOB2, encoding="utf-8")
    assert len(list(read_iob2(path))) == 2
    docs = list(iob2_docs(spacy.blank("kk").vocab, path))
    assert [(e.text, e.label_) for e in docs[0].ents] == [
        ("Президенті", "POSITION"), ("Қасым-Жомарт Тоқаев", "PERSON"), ("Астанада", "GPE")]
    assert [(e.text, e.label_) for e in docs[1].ents] == [("Үкімет", "ORGANISATION"), ("1,5 млрд теңге", "MONEY")]
    train, dev = kaznerd_split(docs * 10)
    assert len(train) == 18 and len(dev) == 2


def test_score_exact_match() -> None:
    gold = [(0, 0, 5, "PERSON"), (0, 10, 15, "ORGANIZATION"), (1, 0, 3, "DATE")]
    pred = [(0, 0, 5, "PERSON"), (0, 10, 14, "ORGANIZATION"), (1, 0, 3, "MONEY")]
    res = score(gold, pred)
    assert res["micro"]["tp"] == 1
    assert res["micro"]["p"] == pytest.approx(33.33, abs=0.01)
    assert res["per_type"]["PERSON"]["f"] == 100.0
    assert res["per_type"]["ORGANIZATION"]["f"] == 0.0


ru_model = pytest.mark.skipif(not (MODELS_DIR / "ner-ru" / "meta.json").exists(), reason="models/ner-ru not shipped")
kk_model = pytest.mark.skipif(not (MODELS_DIR / "ner-kk" / "meta.json").exists(), reason="models/ner-kk not shipped")


@ru_model
def test_ru_model_tags_government_sentence() -> None:
    nlp = load_ner("ru")
    assert nlp is not None and load_ner("ru") is nlp  # cached
    doc = nlp(
        "Министр цифрового развития Казахстана Жаслан Мадиев 10 февраля 2026 года заявил, что "
        "Министерство цифрового развития выделит на развитие искусственного интеллекта 120 млрд тенге."
    )
    labels = {e.label_ for e in doc.ents}
    assert "PERSON" in labels
    assert "ORGANIZATION" in labels
    assert any(e.label_ == "PERSON" and "Мадиев" in e.text for e in doc.ents)


@kk_model
def test_kk_model_tags_government_sentence() -> None:
    nlp = load_ner("kk")
    assert nlp is not None
    doc = nlp(
        "Қазақстан Республикасы Үкіметінің отырысында Премьер-министр Олжас Бектенов Ұлттық экономика "
        "министрлігіне 2026 жылға дейін 120 млрд теңге бөлуді тапсырды."
    )
    labels = {e.label_ for e in doc.ents}
    assert "PERSON" in labels
    assert "ORGANISATION" in labels
    assert any(e.label_ == "PERSON" and "Бектенов" in e.text for e in doc.ents)
    assert [t.text for t in doc][4] == "Премьер-министр"  # the kk tokenizer rules are the ones shipped


@ru_model
def test_eval_command_on_inline_nerel(tmp_path: Path) -> None:
    from dq_nlp.ner.commands import run_eval

    split = tmp_path / "nerel" / "test"
    split.mkdir(parents=True)
    (split / "001.txt").write_text(BRAT_TXT, encoding="utf-8")
    (split / "001.ann").write_text(BRAT_ANN, encoding="utf-8")
    res = run_eval("ru", data=tmp_path)
    assert res["docs"] == 1 and res["outermost"]["micro"]["n_gold"] == 5
    assert 0 <= res["outermost"]["micro"]["f"] <= 100
    assert res["speed_1_core"]["tokens_per_s"] > 0


@kk_model
def test_eval_command_on_inline_kaznerd(tmp_path: Path) -> None:
    from dq_nlp.ner.commands import run_eval

    (tmp_path / "kaznerd").mkdir()
    (tmp_path / "kaznerd" / "IOB2_test.txt").write_text(IOB2, encoding="utf-8")
    res = run_eval("kk", data=tmp_path)
    assert res["sentences"] == 2 and res["gold_tokens"]["micro"]["n_gold"] == 5


def test_eval_command_missing_data(tmp_path: Path) -> None:
    import typer

    from dq_nlp.ner.commands import run_eval

    with pytest.raises(typer.BadParameter, match="missing"):
        run_eval("ru", data=tmp_path)


def test_load_ner_missing_dir(tmp_path: Path) -> None:
    assert load_ner("ru", models_dir=tmp_path) is None


needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared/data not available")


@needs_shared
@pytest.mark.slow
def test_nerel_dev_conversion_counts() -> None:
    nlp = spacy.blank("ru")
    stats: dict[str, int] = {}
    docs = list(nerel_docs(nlp, SHARED / "nerel" / "dev", stats=stats))
    assert stats["docs"] == 94
    assert sum(len(d.ents) for d in docs) >= 0.98 * stats["outermost"]
