"""Kazakh typed without Kazakh letters is restored (same offsets) and its orders are read."""

from dq_nlp.extract.grammars.directives import find_directives
from dq_nlp.lang.kk_letters import folded_kazakh, restore


def test_restore_puts_kazakh_letters_back_and_keeps_length():
    text = "Облыс акими аудан акимдерине жол жондеуди казан айынын сонына дейин аяктауды тапсырды."
    restored = restore(text)
    assert len(restored) == len(text)
    assert "әкімі" in restored and "әкімдеріне" in restored and "соңына дейін" in restored


def test_russian_and_proper_kazakh_are_left_alone():
    assert folded_kazakh("Премьер-министр поручил акиматам до конца года завершить ремонт школ.") is None
    assert folded_kazakh("Үкімет басшысы әкімдерге жолдарды жөндеуді тапсырды.") is None


def test_order_typed_without_kazakh_letters_is_found_in_its_own_spelling():
    text = "Премьер-Министр Энергетика министрлигине жылу маусымына дайындыкты 1 казанга дейин аяктауды тапсырды."
    (d,) = find_directives([(0, len(text), "ru")], text, "2026-03-01")
    assert d.owners == ["Энергетика министрлигине"]
    assert d.issuer == "Премьер-Министр"
    assert d.deadline.date == "2026-10-01"
    assert d.lang == "kk"
