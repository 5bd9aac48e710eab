"""Embedders, Chroma persistence across processes, hybrid fusion."""

import subprocess
import sys

import numpy as np

from dq_nlp.index.embedders import get_embedder
from dq_nlp.index.search import SearchFilters


def test_e5_knows_kazakh_and_russian():
    e = get_embedder("e5-small")
    q = e.embed(["кто отвечает за цифровизацию школ"], kind="query")[0]
    p = e.embed(["Мектептерді цифрландыру министрлікке тапсырылды.", "Бидай экспорты артты."])
    assert p.shape == (2, 384) and p[0] @ q > p[1] @ q


def _tiny_sentence_transformer(path):
    from sentence_transformers import SentenceTransformer, models
    from tokenizers import Tokenizer
    from tokenizers.models import WordLevel
    from tokenizers.pre_tokenizers import Whitespace
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    vocab = {w: i for i, w in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "школа", "интернет", "бюджет"])}
    tok = Tokenizer(WordLevel(vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = Whitespace()
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                                   sep_token="[SEP]", mask_token="[MASK]")
    bert = BertModel(BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                                intermediate_size=64))
    (path / "bert").mkdir(parents=True)
    bert.save_pretrained(path / "bert")
    fast.save_pretrained(path / "bert")
    word = models.Transformer(str(path / "bert"))
    model = SentenceTransformer(modules=[word, models.Pooling(word.get_word_embedding_dimension())])
    model.save(str(path / "st"))
    return path / "st"


def test_sentence_transformers_backend_by_config(tmp_path):
    model_dir = _tiny_sentence_transformer(tmp_path)
    e = get_embedder(f"st:{model_dir}")
    v = e.embed(["школа интернет", "бюджет"])
    assert v.shape == (2, 32) and np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-5)
    assert e.name.startswith("st-")


def test_collections_are_per_embedder_and_survive_restart(loaded):
    data = loaded.settings.data_dir
    n = loaded.index.dense.count()
    names = {p.collection.name for p in loaded.index.dense.parts.values()}
    assert n > 0 and names == {"directives__e5-small", "sentences__e5-small"}
    code = ("from dq_nlp.services import Services; from dq_nlp.settings import Settings; import sys;"
            f"s = Services(Settings(data_dir=r'{data}')); print(s.index.dense.count());"
            "print(s.index.search('интернет в школах', k=1)[0].id)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    count, top = out.stdout.split()
    assert int(count) == n and top


def test_hybrid_finds_cross_lingual(loaded):
    hits = loaded.index.search("мектептерді интернетке қосу", k=5, filters=SearchFilters(kind="directive", lang="ru"))
    assert hits and all(h.lang == "ru" for h in hits)
    assert any("школ" in h.text for h in hits)


def test_fusion_weights_follow_query_and_unit_language():
    from dq_nlp.index.search import PairWeights, Weights, fuse_units

    w = Weights()
    assert w.pair("kk", "kk") is w.kk_kk and w.pair("ru", "ru") is w.ru_ru
    assert w.pair("ru", "kk") is w.ru_kk and w.pair("kk", "ru") is w.kk_ru
    assert w.pair("kk", "mixed") is w.kk_kk  # a mixed unit counts as the query's language
    # one Kazakh unit is the BM25 favourite, another the dense favourite; a Kazakh query must use the kk→kk
    # weights (BM25-heavy here), a Russian query on the same Kazakh units the ru→kk ones (dense-heavy here)
    w = Weights(kk_kk=PairWeights(dense=1.0, lexical=4.0), ru_kk=PairWeights(dense=1.0, lexical=0.1))
    dense = np.array([0.80, 0.90, 0.82, 0.81], dtype=np.float32)
    lexical = np.array([9.0, 1.0, 0.5, 0.0], dtype=np.float32)
    langs = ["kk"] * 4
    assert int(np.argmax(fuse_units(dense, lexical, "kk", langs, w))) == 0
    assert int(np.argmax(fuse_units(dense, lexical, "ru", langs, w))) == 1


def test_language_normalisation_and_round3_preset():
    from dq_nlp.index.search import Weights, fuse, fuse_units

    dense = np.array([0.91, 0.88, 0.86, 0.80, 0.78, 0.74], dtype=np.float32)
    lexical = np.array([3.0, 0.0, 1.0, 8.0, 2.0, 0.0], dtype=np.float32)
    langs = ["ru", "ru", "ru", "kk", "kk", "kk"]
    # e5 scores every other-language unit lower: with per-language z-scores (round 4's preset) a constant shift of
    # the Kazakh units' cosines changes nothing for a Russian query (one z-score over the pool would)
    shifted = dense + np.array([0, 0, 0, 0.05, 0.05, 0.05], dtype=np.float32)
    assert np.allclose(fuse_units(dense, lexical, "ru", langs, Weights.round4()),
                       fuse_units(shifted, lexical, "ru", langs, Weights.round4()), atol=1e-5)
    assert not np.allclose(fuse_units(dense, lexical, "ru", langs, Weights.round3()),
                           fuse_units(shifted, lexical, "ru", langs, Weights.round3()), atol=1e-3)
    # the round-3 preset is the old fusion: one z-score, lexical 0.5 ru→ru, 2.0 across languages, dense 1
    old = fuse(dense, lexical, np.array([0.5, 0.5, 0.5, 2.0, 2.0, 2.0], dtype=np.float32), 1.0)
    assert np.allclose(fuse_units(dense, lexical, "ru", langs, Weights.round3()), old, atol=1e-6)


def test_directives_split_from_one_sentence_are_one_hit(loaded):
    from collections import defaultdict

    by_span = defaultdict(list)
    for doc in loaded.store.documents():
        for d in loaded.store.directives(doc_id=doc["id"]):
            by_span[(d.doc_id, d.sentence.start, d.sentence.end)].append(d)
    shared = [v for v in by_span.values() if len(v) > 1]
    assert shared, "the test corpus should hold a sentence with several directives"
    d = shared[0][0]
    hits = loaded.index.search(d.sentence.text, k=10, filters=SearchFilters(kind="directive"))
    spans = [(h.doc_id, h.start, h.end) for h in hits]
    assert (d.doc_id, d.sentence.start, d.sentence.end) in spans
    assert len(spans) == len(set(spans)) == len(hits)
