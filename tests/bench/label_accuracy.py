#!/usr/bin/env python3
"""Per-type precision and recall of `demarche classify` on labelled TSV files.

A stopgap until `demarche eval` exists (issue 4). Usage:
  tests/bench/label_accuracy.py [--binary build/bin/demarche] [--rules rules] FILE.tsv...
Each file needs a header with `text` and `labels` columns (labels comma-separated,
empty for none), as the files under ../shared/data are.
"""
import argparse
import collections
import json
import subprocess
import sys

TYPES = ["expulsion", "withdrawal", "condemnation", "sanction"]


def score(path, binary, rules, threshold):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = [line.rstrip("\n").split("\t") for line in f]
    text_col, label_col = header.index("text"), header.index("labels")
    lines = "".join(r[text_col] + "\n" for r in rows)
    run = subprocess.run([binary, "classify", "--rules", rules, "--threshold", str(threshold)],
                         input=lines.encode(), capture_output=True, check=True)
    predicted = [set(e["type"] for e in json.loads(l)["events"]) for l in run.stdout.decode().splitlines()]
    assert len(predicted) == len(rows), "one output record per input line"
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    empty = empty_with_event = 0
    for row, got in zip(rows, predicted):
        gold = set(x for x in (row[label_col] if label_col < len(row) else "").split(",") if x)
        if not gold:
            empty += 1
            empty_with_event += bool(got)
        for t in TYPES:
            tp[t] += t in got and t in gold
            fp[t] += t in got and t not in gold
            fn[t] += t in gold and t not in got
    print(f"{path}: {len(rows)} sentences")
    f1s = []
    for t in TYPES:
        p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0.0
        r = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f1)
        print(f"  {t:13s} P={p:.3f} R={r:.3f} F1={f1:.3f}  (tp={tp[t]} fp={fp[t]} fn={fn[t]})")
    print(f"  macro F1={sum(f1s) / len(f1s):.3f}; empty-label sentences given an event: "
          f"{empty_with_event}/{empty}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default="build/bin/demarche")
    ap.add_argument("--rules", default="rules")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    for path in args.files:
        score(path, args.binary, args.rules, args.threshold)


if __name__ == "__main__":
    sys.exit(main())
