#!/usr/bin/env python3
"""Makes the exported-model fixtures of the model module's tests: a tiny text classifier (word
embeddings, masked mean, linear layer to 4 logits) with a hand-written Hugging Face tokenizer.json
(WordLevel, lower-casing, whitespace/punctuation split), exported to ONNX and TorchScript.

Run with Debian's python3-torch and python3-onnx (torch 1.13.1, onnx 1.12.0):
    /usr/bin/python3 model/src/test/resources/exported/make_fixtures.py
Writes beside this script: tiny.onnx, tiny.pt, tokenizer.json, labels.txt, labels-3.txt (a wrong
sidecar for the tests) and expected.json (texts and the softmax probabilities PyTorch computes for
them, in labels.txt order). Seeded: the same torch build gives the same files.

Model contract the Java loader expects: inputs input_ids and attention_mask, int64 [batch, tokens];
output logits, float32 [batch, num_labels].
"""
import json
import pathlib
import re

import torch

HERE = pathlib.Path(__file__).resolve().parent
LABELS = ["hopeful", "skeptical", "sarcastic", "neutral"]
WORDS = ["peace", "hope", "progress", "chance", "deal", "doubt", "slow", "fragile", "but", "unclear",
         "sure", "great", "oh", "yeah", "again", "said", "talks", "will", "meet", "the", "!", "?"]
VOCAB = {"[PAD]": 0, "[UNK]": 1}
for w in WORDS:
    VOCAB[w] = len(VOCAB)
TEXTS = ["Peace talks will meet again.", "Oh great, progress again!", "I doubt it: slow and fragile.",
         "", "Zebras?", "Hope for a deal, but the talks are slow"]


def tokenizer_json():
    special = [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                "normalized": False, "special": True} for t, i in [("[PAD]", 0), ("[UNK]", 1)]]
    return {"version": "1.0", "truncation": None, "padding": None, "added_tokens": special,
            "normalizer": {"type": "Lowercase"}, "pre_tokenizer": {"type": "Whitespace"},
            "post_processor": None, "decoder": None,
            "model": {"type": "WordLevel", "vocab": VOCAB, "unk_token": "[UNK]"}}


def encode(text):
    # The Whitespace pre-tokenizer's pattern, \w+|[^\w\s]+, after lower-casing.
    return [VOCAB.get(t, 1) for t in re.findall(r"\w+|[^\w\s]+", text.lower())]


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = torch.nn.Embedding(len(VOCAB), 8)
        self.out = torch.nn.Linear(8, len(LABELS))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        mask = attention_mask.unsqueeze(-1).to(torch.float32)
        summed = (self.embed(input_ids) * mask).sum(dim=1)
        # An empty text (no tokens) gives the zero vector, so its logits are the bias.
        count = mask.sum(dim=1).clamp(min=1.0)
        return self.out(summed / count)


def batch(texts):
    ids = [encode(t) for t in texts]
    width = max(1, max(len(i) for i in ids))
    input_ids = torch.zeros(len(ids), width, dtype=torch.int64)
    mask = torch.zeros(len(ids), width, dtype=torch.int64)
    for r, row in enumerate(ids):
        input_ids[r, :len(row)] = torch.tensor(row, dtype=torch.int64)
        mask[r, :len(row)] = 1
    return input_ids, mask


def main():
    torch.manual_seed(20260101)
    model = Tiny().eval()
    with torch.no_grad():
        model.embed.weight.mul_(2.0)
    example = batch(TEXTS[:2])
    torch.onnx.export(model, example, str(HERE / "tiny.onnx"), input_names=["input_ids", "attention_mask"],
                      output_names=["logits"], opset_version=13,
                      dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                    "attention_mask": {0: "batch", 1: "tokens"}, "logits": {0: "batch"}})
    torch.jit.script(model).save(str(HERE / "tiny.pt"))
    (HERE / "tokenizer.json").write_text(json.dumps(tokenizer_json(), indent=1) + "\n", encoding="utf-8")
    (HERE / "labels.txt").write_text("\n".join(LABELS) + "\n", encoding="utf-8")
    (HERE / "labels-3.txt").write_text("\n".join(LABELS[:3]) + "\n", encoding="utf-8")
    expected = []
    with torch.no_grad():
        for text in TEXTS:
            # One text at a time, unpadded: what the Java side must reproduce whatever the batch.
            ids, mask = batch([text])
            probs = torch.softmax(model(ids, mask).to(torch.float64), dim=-1)[0].tolist()
            expected.append({"text": text, "ids": encode(text), "probs": probs})
    (HERE / "expected.json").write_text(json.dumps({"labels": LABELS, "cases": expected}, indent=1) + "\n",
                                        encoding="utf-8")


if __name__ == "__main__":
    main()
