"""Write ``MODEL_CARD.md`` for a shipped NER pipeline from its training info and an evaluation JSON.

    python -m dq_nlp.ner.card --model models/ner-ru --eval eval-ru.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

DATA_TEXT = {
    "ru": (
        "NEREL v1.1 (Loukachevitch et al., 2023), Russian Wikinews, 29 entity types, nested. Trained on `train` "
        "(746 docs, split into paragraphs), model selection on `dev` (94 docs), scored once on `test` (93 docs). "
        "The `ner` component learns the **outermost** continuous entities (discontinuous ones, 0.3 %, dropped; "
        "crossing spans: earlier/longer wins). Static vectors: navec news (inside natasha), PCA to 96 dims, one row "
        "per word of NEREL train+dev, every other navec word mapped to the row of its nearest kept word."
    ),
    "kk": (
        "KazNERD (Yeshpanov et al., LREC 2022, CC BY 4.0), 25 entity types, IOB2. Only the `valid` split is "
        "available here: trained on valid minus a fixed 10 % hold-out used for model selection, scored once on "
        "`test` (11,307 sentences, gold tokenisation). "
        "The published 97.22 F1 (XLM-R) used the full ~90k-sentence train split."
    ),
}


def _labels(meta: dict[str, Any]) -> list[str]:
    if "ner" in meta["labels"]:
        return list(meta["labels"]["ner"])
    return sorted({t[2:] for t in meta["labels"].get("tagger", []) if t[:2] in ("B-", "U-")})


def _describe(model: Path) -> str:
    from spacy.util import load_config

    cfg = load_config(model / "config.cfg", interpolate=True)
    comps = cfg["components"]
    t2v = comps["tok2vec"]["model"]
    emb, enc = t2v["embed"], t2v["encode"]
    feats = "/".join(emb["attrs"]) + (" + static vectors" if emb.get("include_static_vectors") else "")
    head = (
        "BILUO `tagger` head decoded by `biluo_tags_to_ents`"
        if "tagger" in comps
        else f"transition-based `ner` (hidden {comps['ner']['model']['hidden_width']})"
    )
    pre = "`kk_stem_lemmas` (LEMMA = suffix-stripped stem) → " if "stemmer" in comps else ""
    return (
        f"{pre}CNN tok2vec (MultiHashEmbed {feats}, rows {emb['rows']}; MaxoutWindowEncoder width {enc['width']}, "
        f"depth {enc['depth']}) → {head}; dropout {cfg['training']['dropout']}"
    )


def _table(sc: dict[str, Any]) -> str:
    rows = ["| type | P | R | F1 | gold |", "|---|---:|---:|---:|---:|"]
    m = sc["micro"]
    rows.append(f"| **micro** | {m['p']:.2f} | {m['r']:.2f} | **{m['f']:.2f}** | {m['n_gold']} |")
    for t, v in sorted(sc["per_type"].items(), key=lambda kv: -kv[1]["n_gold"]):
        rows.append(f"| {t} | {v['p']:.2f} | {v['r']:.2f} | {v['f']:.2f} | {v['n_gold']} |")
    return "\n".join(rows)


def write_card(model: Path, ev: dict[str, Any], extra: str = "") -> Path:
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    info = json.loads((model / "training_info.json").read_text(encoding="utf-8"))
    lang = info["lang"]
    size = sum(p.stat().st_size for p in model.rglob("*") if p.is_file()) / 2**20
    lines = [
        f"# ner-{lang} — {'Russian (NEREL)' if lang == 'ru' else 'Kazakh (KazNERD)'} NER, spaCy {meta.get('spacy_version')}",
        "",
        f"Pipeline `{' → '.join(meta['pipeline'])}`, entity labels: {', '.join(_labels(meta))}.",
        f"Size on disk: {size:.1f} MB. Load: `spacy.load('models/ner-{lang}')`"
        + (" after `import dq_nlp.lang.kk`" if lang == "kk" else "")
        + f" or `dq_nlp.ner.load_ner('{lang}')`. Needs nothing from `../shared`.",
        "",
        "## Data",
        DATA_TEXT[lang],
        "",
        "## Config and training",
        f"Config `{info['config']}`: {_describe(model)}; seed 0, CPU.",
        f"Overrides: `{json.dumps(info.get('overrides', {}), ensure_ascii=False)}`.",
        "",
        "```",
        f"nice -n 5 python -m dq_nlp.ner.train --lang {lang} --threads {info['threads']}"
        + (f" --config {Path(info['config']).relative_to(Path(info['config']).parents[3])}"
           if not info["config"].endswith(f"configs/{lang}.cfg") else "")
        + (f" --vector-dims {info['vector_dims']}" if info.get("vector_dims") not in (None, 96) else "")
        + (f" --vector-rows {info['vector_rows']}" if info.get("vector_rows") not in (None, "all") else "")
        + (" --full-train" if info.get("full_train") else "")
        + (f" --pretrain-epochs {info['pretrain_epochs']}" if info.get("pretrain_epochs") else "")
        + "".join(f" --set '{k}={json.dumps(v)}'" for k, v in info.get("overrides", {}).items()),
        f"# or: dq train ner --lang {lang}" + (" --full-train" if info.get("full_train") else "")
        + (f" --pretrain-epochs {info['pretrain_epochs']}" if info.get("pretrain_epochs") else "")
        + "".join(f" --set '{k}={json.dumps(v)}'" for k, v in info.get("overrides", {}).items()),
        "```",
        "",
        f"Training time: {info['train_s'] / 60:.1f} min on {info['threads']} thread(s) of a shared 2-core machine "
        f"(+{info['prepare_s']:.0f} s data conversion" + (" and vector building" if lang == "ru" else "") + ").",
        (
            "Dev score: not applicable (refit on all data, see below)."
            if info.get("full_train")
            else f"Best dev score during training (ents_f): {100 * meta.get('performance', {}).get('ents_f', 0):.2f}."
        ),
        "",
        f"## Test scores (`dq eval ner --lang {lang} --json`, exact match)",
    ]
    if lang == "ru":
        lines += ["", "Outermost entities (the set this model is trained for):", "", _table(ev["outermost"]), "",
                  "All nested continuous entities (published setting; a flat tagger cannot reach full recall):", "",
                  f"micro P/R/F1 = {ev['nested']['micro']['p']:.2f} / {ev['nested']['micro']['r']:.2f} / "
                  f"{ev['nested']['micro']['f']:.2f}", ""]
        if "peer_subsets" in ev:
            lines += ["On the peers' type subsets (outermost, labels mapped as in `dq_nlp/ner/evaluate.py`): "
                      + "; ".join(f"{k}: F1 {v['f']:.2f}" for k, v in ev["peer_subsets"].items()), ""]
    else:
        lines += ["", _table(ev["gold_tokens"]), ""]
    sp = ev.get("speed_1_core", {})
    if info.get("full_train"):
        lines += [
            "Refit: the recipe was chosen on the hold-out (attempt kk-a4: dev block 80.9, test 81.7), then retrained on "
            "all of KazNERD valid for the same fixed 40 epochs; the last checkpoint is shipped.",
            "",
        ]
    lines += [
        "## Speed",
        f"{sp.get('tokens_per_s', '?')} tokens/s on one core (`nlp.pipe`, batch 64, best of 2, "
        f"{sp.get('tokens', '?')} tokens), load time {ev.get('load_s', '?')} s.",
        "",
    ]
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
    print(write_card(args.model, json.loads(args.eval.read_text(encoding="utf-8")), args.extra))


if __name__ == "__main__":
    main()
