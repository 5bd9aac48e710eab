"""Word-level NER sequences (words, BIO tags) for KazNERD and NEREL, split as the spaCy pipelines are.

* kk: KazNERD valid minus its last 10 % block = train, that block = dev (``kaznerd_split``); ``full`` = all of
  valid; test = IOB2_test (gold tokens).
* ru: NEREL train / dev / test paragraphs tokenised by ``spacy.blank("ru")``, outermost continuous entities
  (``nerel_docs``); whitespace tokens are kept as words and always tagged O.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..convert import KAZNERD_FILES, _fix_iob, kaznerd_split, nerel_docs, read_iob2


@dataclass
class Sequence:
    words: list[str]
    tags: list[str]  # BIO


def kk_sequences(data: Path, split: str) -> list[Sequence]:
    """split: train | dev | full (all of valid) | test."""
    fname = KAZNERD_FILES["test" if split == "test" else "valid"]
    seqs = [Sequence(w, _fix_iob(t)) for w, t in read_iob2(data / "kaznerd" / fname)]
    if split in ("test", "full"):
        return seqs
    train, dev = kaznerd_split(seqs)  # type: ignore[arg-type]
    return train if split == "train" else dev


def ru_sequences(data: Path, split: str) -> list[Sequence]:
    import spacy

    nlp = spacy.blank("ru")
    out = []
    for doc in nerel_docs(nlp, data / "nerel" / split):
        tags = ["O"] * len(doc)
        for e in doc.ents:
            tags[e.start] = "B-" + e.label_
            for i in range(e.start + 1, e.end):
                tags[i] = "I-" + e.label_
        out.append(Sequence([t.text for t in doc], tags))
    return out


def sequences(lang: str, data: Path, split: str) -> list[Sequence]:
    return kk_sequences(data, split) if lang == "kk" else ru_sequences(data, split)
