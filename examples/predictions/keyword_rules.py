#!/usr/bin/env python3
"""An outside tool for the predictions-file path: scores the test split of a StanceBench dataset with a
few hand-written keyword rules and writes one JSON object per line, {"id": ..., "probs": {LABEL: p}}.

Standard library only. Usage (writes keyword-rules.jsonl beside this script by default):
    python3 examples/predictions/keyword_rules.py DATASET_DIR [OUT.jsonl]
The output depends only on the dataset's texts: same dataset, same file, byte for byte.
"""
import json
import math
import pathlib
import sys

# Cue words per label; a text's score for a label is 1 + the number of its cue words found.
CUES = {
    "hopeful": ["hope", "chance", "peace", "progress", "agree", "long live", "step", "breakthrough"],
    "skeptical": ["but", "doubt", "slow", "fragile", "yet", "no sign", "unclear", "whether"],
    "sarcastic": ["sure", "of course", "great", "oh", "!", "again", "yeah"],
    "neutral": ["said", "will", "meet", "on monday", "according", "delegation", "talks"],
}


def probs(text):
    lower = text.lower()
    scores = {label: 1.0 + sum(lower.count(cue) for cue in cues) for label, cues in CUES.items()}
    # A softmax over the scores keeps every label possible, so log-loss stays finite.
    top = max(scores.values())
    exp = {label: math.exp(s - top) for label, s in scores.items()}
    total = sum(exp.values())
    return {label: round(e / total, 6) for label, e in exp.items()}


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit("usage: keyword_rules.py DATASET_DIR [OUT.jsonl]")
    data = pathlib.Path(argv[1]) / "examples.jsonl"
    out = pathlib.Path(argv[2]) if len(argv) == 3 else pathlib.Path(__file__).with_name("keyword-rules.jsonl")
    lines = []
    for line in data.read_text(encoding="utf-8").splitlines():
        example = json.loads(line)
        if example["split"] == "test":
            lines.append(json.dumps({"id": example["id"], "probs": probs(example["text"])}))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(lines)} predictions", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
