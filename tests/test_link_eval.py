"""Owner linking: the gold in corpora/registry/linking.jsonl, `dq eval link`, and behaviours that must hold."""

import json

import pytest
from typer.testing import CliRunner

from dq_nlp.eval.link import LINKING, canonical, error_kind, load_linking
from dq_nlp.trace.registry import load_registry


def test_linking_gold_is_well_formed():
    reg = load_registry()
    rows = load_linking(split="all")
    assert len(rows) >= 600
    seen = set()
    for r in rows:
        assert set(r) >= {"mention", "lang", "expected", "split", "source"}
        assert r["lang"] in ("ru", "kk") and r["split"] in ("dev", "test") and r["mention"].strip()
        assert r["expected"] and all(i == "new" or i in reg.bodies for i in r["expected"]), r
        assert r["expected"] == ["new"] or "new" not in r["expected"]
        assert (r["mention"], r["lang"]) not in seen, r
        seen.add((r["mention"], r["lang"]))
        if r["source"] == "written":
            assert r["split"] == "dev"  # hand-written mentions never enter the test split
    assert {r["split"] for r in rows} == {"dev", "test"}
    assert sum(r["expected"] == ["new"] for r in rows if r["source"] == "written") >= 15


def test_error_kinds():
    assert error_kind({"mf"}, canonical(["mf"])) is None
    assert error_kind({"new"}, canonical(["new:фонд"])) is None
    assert error_kind({"mf"}, canonical(["mne"])) == "wrong_known"
    assert error_kind({"mf"}, canonical(["new:x"])) == "known_to_new"
    assert error_kind({"new"}, canonical(["mz"])) == "new_to_known"
    assert error_kind({"mf", "mne"}, canonical(["mf"])) == "known_to_new"


def test_eval_link_command_json():
    from dq_nlp.cli import app

    res = CliRunner().invoke(app, ["eval", "link", "--split", "dev", "--json", "--errors"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert {"accuracy", "n", "correct", "by_lang", "by_source", "by_expected", "errors_by_kind", "errors"} <= set(report)
    assert set(report["by_lang"]) == {"ru", "kk"} and set(report["by_source"]) == {"gold", "written"}
    assert set(report["errors_by_kind"]) == {"wrong_known", "known_to_new", "new_to_known"}
    assert report["n"] == len(load_linking(LINKING, "dev"))
    res = CliRunner().invoke(app, ["eval", "link", "--split", "dev", "--lang", "kk"])
    assert res.exit_code == 0 and "owner linking accuracy" in res.output


@pytest.mark.parametrize("mention, expected", [
    # case forms, both languages
    ("Министерству цифрового развития", ["miid"]),
    ("Министерством национальной экономики", ["mne"]),
    ("ЖИ және цифрлық даму министрлігіне", ["miid"]),
    ("Қаржы министрлігінің", ["mf"]),
    ("Ұлттық экономика министрлігімен", ["mne"]),
    # abbreviations, former names, heads and deputies
    ("МНЭ", ["mne"]),
    ("ҰЭМ-нің", ["mne"]),
    ("МЦРИАП", ["miid"]),
    ("Министерству цифрового развития, инноваций и аэрокосмической промышленности", ["miid"]),
    ("Министру здравоохранения", ["mz"]),
    ("Вице-министру энергетики", ["me"]),
    ("Жаслану Мадиеву", ["miid"]),
    # coordinated and group mentions
    ("акиматам Карагандинской и Павлодарской областей", ["akimat_karaganda_region", "akimat_pavlodar_region"]),
    ("Атырау және Маңғыстау облыстарының әкімдіктеріне", ["akimat_atyrau_region", "akimat_mangystau_region"]),
    ("акиматам Алматинской области и города Алматы", ["akimat_almaty_region", "akimat_almaty"]),
    ("Министерствам финансов и национальной экономики", ["mf", "mne"]),
    ("акиматам областей, городов Астаны, Алматы и Шымкента", ["akimats_all"]),
    ("облыстардың әкімдеріне", ["akimats_regions"]),
    ("«Бәйтерек» холдингімен", ["baiterek"]),
])
def test_linking_behaviours(mention, expected):
    assert load_registry().link_bodies(mention) == expected


@pytest.mark.parametrize("mention", [
    "Управлению здравоохранения Костанайской области",   # a regional department, not the ministry
    "управлению сельского хозяйства",
    "Ақтөбе қаласының әкімдігі",                          # the city, not the region
    "Министерству иностранных дел Российской Федерации",  # a foreign body
    "заместителю акима области Нурлану Ахметову",         # one unnamed region, not all regional akimats
    "облыс әкіміне",
    "министерству",                                       # one unnamed ministry, not all of them
    "департаментам полиции областей",
])
def test_unknown_bodies_become_candidates(mention):
    ids = load_registry().link_bodies(mention)
    assert ids and all(i.startswith("new:") for i in ids), ids
