#!/usr/bin/env python3
"""Writes the fuzz targets' starting seeds (run from the repository root; see docs/bad-input.md).

Seeds are small valid inputs, one file each, under
fuzz/src/test/resources/org/stancebench/fuzz/ReadersFuzzTestInputs/<target>/seed-*; findings that
Jazzer adds there (crash-*, timeout-*) are kept beside them. Targets whose first byte chooses options
or a file get that byte first. The predictions, results and model seeds are taken from files the
command line writes (arguments: a seed dataset directory, a results file, model directories).
"""
import json, os, sys

ROOT = "fuzz/src/test/resources/org/stancebench/fuzz/ReadersFuzzTestInputs"

def put(target, name, data):
    d = os.path.join(ROOT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

def static():
    page = open("dataset/src/main/resources/org/stancebench/dataset/seed/page.txt", "rb").read()
    put("page", "builtin", page)
    put("page", "builtin-crlf", page.replace(b"\n", b"\r\n"))
    put("page", "synthetic", open("dataset/src/test/resources/org/stancebench/dataset/synthetic-page.txt", "rb").read())
    put("labelFile", "builtin", open("dataset/src/main/resources/org/stancebench/dataset/seed/labels.tsv", "rb").read())
    csv = "text,label,split,id,group\n\"Hope, at last\",hopeful,train,a1,peace\nNot again,skeptical,test,a2,war\n" \
          "Sure it will work,sarcastic,dev,a3,peace\nTalks resume today,neutral,train,a4,peace\n"
    for options in (0, 1, 3, 11):
        put("csvImport", f"options-{options}", bytes([options]) + csv.encode())
    put("csvImport", "tsv", bytes([4]) + csv.replace(",", "\t").encode())
    rows = [{"text": "Hope at last", "label": "hopeful", "split": "train", "id": "a1", "group": "peace"},
            {"text": "Not again", "label": "skeptical", "split": "test", "id": 2, "group": "war"},
            {"text": "Sure it will work", "label": "sarcastic", "split": "dev", "id": "a3", "group": None}]
    jsonl = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    for options in (0, 1, 3, 11):
        put("jsonlImport", f"options-{options}", bytes([options]) + jsonl.encode())
    files = ["mapping.txt", "train_text.txt", "train_labels.txt", "val_text.txt", "val_labels.txt",
             "test_text.txt", "test_labels.txt"]
    contents = {"mapping.txt": "0\tnon_irony\n1\tirony\n", "train_text.txt": "one \ntwo\nthree\nfour\n",
                "train_labels.txt": "1\n0\n1\n0\n", "val_text.txt": "v1\nv2\n", "val_labels.txt": "0\n1\n",
                "test_text.txt": "t1\nt2\n", "test_labels.txt": "1\n1\n"}
    for i, f in enumerate(files):
        put("tweetEval", f.replace(".txt", ""), bytes([i]) + contents[f].encode())
    put("iSarcasmEval", "small", "tweet,sarcastic,rephrase\n\"Oh great, more rain\",1,I dislike rain\n"
        "Lovely day,0,\nSo fun to wait,1,Waiting is dull\nNice talk,0,\nWell done genius,1,That was bad\n")
    put("iSarcasmEvalTestLayout", "small", "text,sarcastic\n\"Oh great, more rain\",1\nLovely day,0\n"
        "\"Thanks, Kevin.\nReally helpful\",1\n")
    header = "post,topic_str,label\n"
    put("vast", "train", bytes([0]) + (header + "Roads need taxes,taxes,1\nNo war,war,0\nSunny,taxes,2\n").encode())
    put("vast", "test", bytes([1]) + (header + "\"Cut, cut, cut\",taxes,0\nPeace,war,1\n").encode())

def built(dataset_dir, results_file, model_dirs):
    examples = [json.loads(l) for l in open(os.path.join(dataset_dir, "examples.jsonl"), encoding="utf-8")]
    test = [e for e in examples if e["split"] == "test"]
    labels = ["hopeful", "skeptical", "sarcastic", "neutral"]
    by_label = "".join(json.dumps({"id": e["id"], "label": e["label"]}) + "\n" for e in test)
    by_probs = "".join(json.dumps({"id": e["id"], "probs": {l: (0.7 if l == e["label"] else 0.1) for l in labels}}) + "\n"
                       for e in test)
    put("predictionsFile", "labels", bytes([0]) + by_label.encode())
    put("predictionsFile", "probs-allow-mismatch", bytes([1]) + by_probs.encode())
    put("resultsFile", "evaluate", open(results_file, "rb").read())
    for choice, model_dir in enumerate(model_dirs):
        names = sorted(os.path.relpath(os.path.join(d, f), model_dir).replace(os.sep, "/")
                       for d, _, fs in os.walk(model_dir) for f in fs)
        for index, name in enumerate(names):
            data = open(os.path.join(model_dir, name), "rb").read()
            if len(data) <= 64 * 1024:
                put("modelDirectory", f"{os.path.basename(model_dir)}-{name.replace('/', '_')}",
                    bytes([choice, index]) + data)

if __name__ == "__main__":
    if len(sys.argv) == 1:
        static()
    else:
        built(sys.argv[1], sys.argv[2], sys.argv[3:])
