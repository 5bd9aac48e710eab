"""Load a trained e5 NER model folder (marker ``e5ner.json``) and run it like a spaCy pipeline.

``E5NERPipeline(path)`` offers ``vocab``, ``__call__(text)`` and ``pipe(texts_or_docs)``, returning spaCy
``Doc`` objects with ``ents`` set, so the scorer (``dq_nlp.ner.evaluate``) and ``load_ner`` can use it in place
of ``spacy.load``. Texts are tokenised by ``spacy.blank(lang)`` (as in training); given ``Doc`` objects keep
their tokens (KazNERD's gold tokens).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import torch

from .encoder import E5
from .features import batches, windows
from .model import E5Tagger, allowed_transitions, bio_spans, viterbi

MARKER = "e5ner.json"


def is_e5_model(path: Path | str) -> bool:
    return (Path(path) / MARKER).exists()


class E5NER:
    """Words in, (start word, end word, label) spans out."""

    def __init__(self, path: Path | str, e5: E5 | None = None) -> None:
        path = Path(path)
        self.info = json.loads((path / MARKER).read_text(encoding="utf-8"))
        self.e5 = e5 or E5()
        info = self.info
        self.model = E5Tagger(info["labels"], info["mix_layers"], tune_top=info["tune_top"], lstm=info["lstm"],
                              dropout=info["dropout"], pool=info.get("pool", "first"))
        state = torch.load(path / "head.pt", map_location="cpu")
        self.model.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in state.items()})
        self.model.eval()
        self.layers = info["mix_layers"]
        self.upto = 12 - info["tune_top"]  # the tuned layers run inside the head
        self.start, self.trans = allowed_transitions(info["labels"])

    @torch.no_grad()
    def tag_words(self, seqs: list[list[str]], max_tokens: int = 4096) -> list[list[tuple[int, int, str]]]:
        wins = windows(self.e5, seqs)
        out: list[list[tuple[int, int, str]]] = [[] for _ in seqs]
        labels = self.model.labels
        for idx in batches(wins, max_tokens):
            ids, mask = self.e5.batch([wins[i].ids for i in idx])
            hs = self.e5.encoder(ids, mask, upto=self.upto)
            st = torch.stack([hs[k] if k < len(hs) else hs[-1] for k in self.layers], dim=2)
            w = max(len(wins[i].starts) for i in idx)
            pos = torch.zeros((len(idx), w), dtype=torch.long)
            last = torch.zeros((len(idx), w), dtype=torch.long)
            for r, i in enumerate(idx):
                pos[r, : len(wins[i].starts)] = torch.tensor(wins[i].starts) + 1
                last[r, : len(wins[i].ends)] = torch.tensor(wins[i].ends)
            logp = self.model(st, mask, pos, last).log_softmax(-1).numpy()
            for r, i in enumerate(idx):
                win = wins[i]
                path = viterbi(logp[r, : len(win.starts)], self.start, self.trans)
                for a, b, lab in bio_spans([labels[k] for k in path]):
                    out[win.seq].append((win.word_ids[a], win.word_ids[b - 1] + 1, lab))
        return out


class E5NERPipeline:
    """spaCy-like wrapper: ``pipe`` yields Docs with ``ents``."""

    def __init__(self, path: Path | str) -> None:
        import spacy

        self.ner = E5NER(path)
        self.lang = self.ner.info["lang"]
        if self.lang == "kk":
            import dq_nlp.lang.kk  # noqa: F401
        self.nlp = spacy.blank(self.lang)
        self.vocab = self.nlp.vocab
        self.meta = {"name": Path(path).name, "lang": self.lang, "labels": {"ner": self.ner.model.labels}}

    def __call__(self, text: str):  # noqa: ANN204
        return next(iter(self.pipe([text])))

    def pipe(self, items: Iterable, batch_size: int = 256) -> Iterator:
        from spacy.tokens import Doc, Span

        buf: list = []

        def flush() -> Iterator:
            docs = [it if isinstance(it, Doc) else self.nlp.make_doc(it) for it in buf]
            spans = self.ner.tag_words([[t.text for t in d] for d in docs])
            for d, sp in zip(docs, spans, strict=True):
                d.ents = [Span(d, a, b, label=lab) for a, b, lab in sorted(set(sp))]
                yield d

        for it in items:
            buf.append(it)
            if len(buf) >= batch_size:
                yield from flush()
                buf = []
        if buf:
            yield from flush()


__all__ = ["MARKER", "E5NER", "E5NERPipeline", "is_e5_model"]
