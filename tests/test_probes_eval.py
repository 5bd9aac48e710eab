"""Kazakh directive probes (corpora/gold/kk/probes/directives.jsonl) and their scorer, dq_nlp/eval/probes.py."""

import copy
import json

from dq_nlp.eval import probes as P
from dq_nlp.eval.extract import _deadline_key
from dq_nlp.eval.probes import PROBES, evaluate_probes, family, load_probes, validate_probes

ORDER = ("Премьер-Министр Энергетика министрлігіне 1 мамырға дейін жылу электр орталықтарын жөндеу кестесін "
         "бекітуді тапсырды.")


def _item(n: int, text: str, directives: list[dict], kind: str = "test") -> dict:
    return {"id": f"kp{n:03d}", "doc_date": "2026-03-03", "text": text, "directives": directives, "kind": kind}


def test_probe_file_is_valid():
    items = load_probes()
    assert validate_probes(items) == []
    assert len(items) >= 300
    share = sum(bool(it["directives"]) for it in items) / len(items)
    assert 0.45 <= share <= 0.65, share  # about 55% directive items, the rest traps
    for it in items:
        for d in it["directives"]:
            assert d["sentence"] in it["text"], it["id"]
            assert all(o in it["text"] for o in d["owners"]), it["id"]
    assert len({family(it["kind"]) for it in items}) >= 20


def test_validator_catches_broken_items():
    good = _item(1, ORDER, [{"sentence": ORDER, "owners": ["Энергетика министрлігіне"], "issuer": "Премьер-Министр",
                             "deadline": "2026-05-01"}])
    assert validate_probes([good]) == []
    bad_sentence = copy.deepcopy(good)
    bad_sentence["directives"][0]["sentence"] = ORDER.replace("тапсырды", "тапсырылды")
    bad_owner = copy.deepcopy(good)
    bad_owner["directives"][0]["owners"] = ["Энергетика министрлігі мен"]
    bad_date = copy.deepcopy(good)
    bad_date["directives"][0]["deadline"] = "2026-02-30"
    bad_id = copy.deepcopy(good)
    bad_id["id"] = "kp002"
    bad_rec = copy.deepcopy(good)
    bad_rec["directives"][0]["recurrence"] = "fortnightly"
    for broken, word in ((bad_sentence, "sentence"), (bad_owner, "owner"), (bad_date, "deadline"), (bad_id, "id"),
                         (bad_rec, "recurrence")):
        problems = validate_probes([broken])
        assert problems and any(word in p for p in problems), (word, problems)


def test_annotation_keeps_recurrence_and_date():
    it = _item(1, ORDER, [{"sentence": ORDER, "owners": [], "issuer": None, "deadline": None, "recurrence": "weekly"},
                          {"sentence": ORDER, "owners": [], "issuer": None, "deadline": "2026-05-01"}])
    a, b = P._annotation(it)["directives"]
    assert _deadline_key(a["deadline"], a["recurrence"]) == "every:weekly"
    assert _deadline_key(b["deadline"], b["recurrence"]) == "2026-05-01"


def test_scorer_counts_hits_misses_and_false_directives():
    hit = _item(1, ORDER, [{"sentence": ORDER, "owners": ["Энергетика министрлігіне"], "issuer": "Премьер-Министр",
                            "deadline": "2026-05-01"}], kind="hit")
    plain = "Бүгін Астанада ауа райы жылы болды, жаңбыр жауған жоқ."
    miss = _item(2, plain, [{"sentence": plain, "owners": [], "issuer": None, "deadline": None}], kind="constructed_miss")
    false = _item(3, ORDER, [], kind="constructed_false")
    report = evaluate_probes(items=[hit, miss, false])
    s = report["scores"]["directive"]
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 1), s
    assert report["scores"]["owner"]["tp"] == 1
    assert report["scores"]["deadline_exact"] == {"correct": 1, "of": 1, "acc": 1.0}
    assert report["by_kind"]["constructed_miss"]["fn"] == 1
    assert report["by_kind"]["constructed_false"]["fp"] == 1
    kinds = {(e["kind"], e["field"], e["error"]) for e in report["errors"]}
    assert ("constructed_miss", "directive", "missed") in kinds
    assert ("constructed_false", "directive", "false") in kinds
    assert not any(e["kind"] == "hit" and e["field"] == "directive" for e in report["errors"])


def test_cli_validate_and_json(tmp_path, capsys):
    assert P.main(["--validate"]) == 0
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps(_item(1, ORDER, [{"sentence": "not in the text", "owners": [], "issuer": None,
                                                 "deadline": None}]), ensure_ascii=False) + "\n", encoding="utf-8")
    assert P.main(["--file", str(path)]) == 1  # an invalid file is not scored
    assert PROBES.exists()


def test_russian_probe_file_is_valid():
    path = P.PROBES_BY_LANG["ru"]
    items = load_probes(path)
    assert validate_probes(items) == []
    assert len(items) >= 250
    assert [it["id"] for it in items[:2]] == ["rp001", "rp002"]
    share = sum(bool(it["directives"]) for it in items) / len(items)
    assert 0.45 <= share <= 0.65, share
    assert len({family(it["kind"]) for it in items}) >= 20
    assert all(P.item_lang(it) == "ru" for it in items)


def test_russian_ids_are_checked_and_annotated_as_russian():
    ru = {"id": "rp001", "doc_date": "2026-03-03", "text": "Правительству поручено до 1 мая утвердить план.",
          "directives": [], "kind": "test"}
    assert validate_probes([ru]) == []
    assert P._annotation(ru)["lang"] == "ru"
    assert P._annotation(_item(1, ORDER, []))["lang"] == "kk"
    wrong = dict(ru, id="rp002")
    assert any("rp001" in p for p in validate_probes([wrong]))


def test_cli_lang_ru_validates():
    assert P.main(["--lang", "ru", "--validate"]) == 0
