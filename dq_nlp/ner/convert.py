"""Gold NER data → spaCy ``DocBin``.

* NEREL (brat standoff, nested, sometimes discontinuous) → flat *outermost* entities in ``doc.ents`` (what the
  transition-based ``ner`` component can learn) and every continuous entity in ``doc.spans["sc"]`` (for a span
  categorizer or for scoring the nested set).
* KazNERD (CoNLL IOB2) → ``doc.ents`` on the given tokens; train = valid minus its last 10 %, dev = that block.

Entity sets (used by training *and* evaluation, so the two always agree):

* discontinuous NEREL entities (``start end;start end``, 0.3 % of the total) are left out;
* "outermost" = continuous entities not contained in another one; of two crossing entities the earlier
  (then longer) one wins; of two entities with the same span the first in the file wins.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

KAZNERD_FILES = {"valid": "IOB2_valid.txt", "test": "IOB2_test.txt"}


@dataclass(frozen=True, order=True)
class BratEntity:
    start: int
    end: int
    label: str
    discontinuous: bool = False


def read_brat_ann(path: Path) -> list[BratEntity]:
    """Entities (``T`` lines) of one ``.ann`` file; relations, events and links are ignored."""
    ents: list[BratEntity] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        label, _, offsets = parts[1].partition(" ")
        frags = [tuple(int(x) for x in frag.split()) for frag in offsets.split(";")]
        start = min(f[0] for f in frags)
        end = max(f[1] for f in frags)
        ents.append(BratEntity(start, end, label, discontinuous=len(frags) > 1))
    return ents


def continuous(ents: Iterable[BratEntity]) -> list[BratEntity]:
    """All continuous entities, deduplicated on (start, end, label), in file order."""
    seen: set[tuple[int, int, str]] = set()
    out = []
    for e in ents:
        key = (e.start, e.end, e.label)
        if e.discontinuous or key in seen:
            continue
        seen.add(key)
        out.append(e)
    return out


def outermost(ents: Iterable[BratEntity]) -> list[BratEntity]:
    """Continuous entities not inside another one (see module doc for ties and crossings)."""
    cands = continuous(ents)
    order = {id(e): i for i, e in enumerate(cands)}
    cands.sort(key=lambda e: (e.start, -e.end, order[id(e)]))
    out: list[BratEntity] = []
    last_end = -1
    for e in cands:
        if e.start >= last_end:
            out.append(e)
            last_end = e.end
    return out


def nerel_files(split_dir: Path) -> list[Path]:
    if not split_dir.is_dir():
        raise FileNotFoundError(
            f"NEREL split not found: {split_dir} (expected brat .txt/.ann files; pass --data pointing at shared/data)"
        )
    files = sorted(split_dir.glob("*.txt"))
    if not files:
        raise FileNotFoundError(f"no .txt files in {split_dir}")
    return files


def read_nerel_doc(txt: Path) -> tuple[str, list[BratEntity]]:
    text = txt.read_text(encoding="utf-8")
    ann = txt.with_suffix(".ann")
    return text, (read_brat_ann(ann) if ann.exists() else [])


def _spans(doc: Doc, ents: Iterable[BratEntity], offset: int, stats: dict[str, int]) -> list[Span]:
    spans = []
    for e in ents:
        span = doc.char_span(e.start - offset, e.end - offset, label=e.label, alignment_mode="expand")
        if span is None or span.text.strip() != doc.text[e.start - offset : e.end - offset].strip():
            stats["misaligned"] += 1
        if span is not None:
            spans.append(span)
    return spans


def nerel_docs(nlp: Language, split_dir: Path, by_paragraph: bool = True, stats: dict[str, int] | None = None) -> Iterator[Doc]:
    """Tokenised NEREL docs (one per paragraph if ``by_paragraph``) with outermost ``ents`` and nested ``spans['sc']``."""
    stats = stats if stats is not None else {}
    for key in ("docs", "entities", "outermost", "discontinuous", "misaligned", "dropped_across_paragraphs"):
        stats.setdefault(key, 0)
    for txt in nerel_files(split_dir):
        text, ents = read_nerel_doc(txt)
        stats["docs"] += 1
        stats["entities"] += len(ents)
        stats["discontinuous"] += sum(e.discontinuous for e in ents)
        outer = outermost(ents)
        allc = continuous(ents)
        stats["outermost"] += len(outer)
        if by_paragraph:
            pieces = []
            pos = 0
            for para in text.split("\n"):
                if para.strip():
                    pieces.append((pos, para))
                pos += len(para) + 1
        else:
            pieces = [(0, text)]
        covered = 0
        for off, para in pieces:
            end = off + len(para)
            doc = nlp.make_doc(para)
            inside_outer = [e for e in outer if e.start >= off and e.end <= end]
            inside_all = [e for e in allc if e.start >= off and e.end <= end]
            covered += len(inside_outer)
            doc.ents = filter_spans(_spans(doc, inside_outer, off, stats))
            set_biluo_tags(doc)
            doc.spans["sc"] = _spans(doc, inside_all, off, {"misaligned": 0})
            doc.user_data["source"] = f"{txt.name}:{off}"
            yield doc
        stats["dropped_across_paragraphs"] += len(outer) - covered


def read_iob2(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """Sentences of a CoNLL IOB2 file as (tokens, tags)."""
    if not path.exists():
        raise FileNotFoundError(f"KazNERD file not found: {path} (pass --data pointing at shared/data)")
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            tok, _, tag = line.rpartition(" ")
            if not tok:
                tok, tag = line.strip(), "O"
            words.append(tok)
            tags.append(tag.strip() or "O")
    if words:
        yield words, tags


def _fix_iob(tags: list[str]) -> list[str]:
    """Turn an I- that does not continue an entity of the same type into B- (keeps spaCy's Doc happy)."""
    out = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def iob2_docs(vocab: Vocab, path: Path) -> Iterator[Doc]:
    for words, tags in read_iob2(path):
        yield set_biluo_tags(Doc(vocab, words=words, spaces=[True] * len(words), ents=_fix_iob(tags)))


def set_biluo_tags(doc: Doc) -> Doc:
    """Copy ``doc.ents`` into ``token.tag_`` as BILUO tags (training data for a tagger-head NER)."""
    from spacy.training import offsets_to_biluo_tags

    tags = offsets_to_biluo_tags(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
    for tok, tag in zip(doc, tags, strict=True):
        tok.tag_ = tag
    return doc


def kaznerd_split(docs: list[Doc], dev_fraction: float = 0.1) -> tuple[list[Doc], list[Doc]]:
    """Fixed hold-out of KazNERD valid for model selection: its last ``dev_fraction`` as one contiguous block.

    valid keeps neighbouring sentences of a news item together, so an interleaved hold-out (every 10th
    sentence, used by attempts kk-a1..a3) shares entities with training (63 % of its entity strings are seen
    in training vs 54 % for test) and over-estimates test F1; the contiguous block (54 % seen) does not.
    """
    cut = len(docs) - round(len(docs) * dev_fraction)
    return docs[:cut], docs[cut:]


def convert(lang: str, data: Path, out: Path, seed: int = 0, full_train: bool = False) -> dict[str, dict[str, int]]:
    """Write ``train.spacy`` and ``dev.spacy`` for ``lang`` under ``out``; returns conversion statistics.

    ``full_train`` (kk only): train on all of KazNERD valid, dev block included — for a final refit with a
    recipe already chosen on the hold-out (its dev scores are then not held-out scores).
    """
    import spacy

    out.mkdir(parents=True, exist_ok=True)
    report: dict[str, dict[str, int]] = {}
    if lang == "ru":
        nlp = spacy.blank("ru")
        for split in ("train", "dev"):
            stats: dict[str, int] = {}
            docs = list(nerel_docs(nlp, data / "nerel" / split, stats=stats))
            if split == "train":
                random.Random(seed).shuffle(docs)
            DocBin(docs=docs, store_user_data=False).to_disk(out / f"{split}.spacy")
            stats["paragraphs"] = len(docs)
            stats["tokens"] = sum(len(d) for d in docs)
            report[split] = stats
    elif lang == "kk":
        import dq_nlp.lang.kk  # noqa: F401  (registers "kk")

        nlp = spacy.blank("kk")
        docs = list(iob2_docs(nlp.vocab, data / "kaznerd" / KAZNERD_FILES["valid"]))
        train, dev = kaznerd_split(docs)
        if full_train:
            train = train + dev
        random.Random(seed).shuffle(train)
        for name, part in (("train", train), ("dev", dev)):
            DocBin(docs=part).to_disk(out / f"{name}.spacy")
            report[name] = {"sentences": len(part), "tokens": sum(len(d) for d in part),
                            "entities": sum(len(d.ents) for d in part)}
    else:
        raise ValueError(f"unknown language {lang!r} (ru or kk)")
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--lang", required=True, choices=["ru", "kk"])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2].parent / "shared" / "data")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    print(convert(args.lang, args.data, args.out))


if __name__ == "__main__":
    main()
