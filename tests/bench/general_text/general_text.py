#!/usr/bin/env python3
"""Helper of tests/bench/general_text/run: turns a corpus into one sentence
per line, and turns `demarche classify --format jsonl` output into the
report (counts, rate per 10,000 sentences, every reported event).

    general_text.py brown DIR SENTENCES IDS   Brown Corpus, form C (tagged)
    general_text.py nlp DIR SENTENCES IDS     nlp-corpus builds/doc-N.json
    general_text.py report [options]          see `report --help`

SENTENCES gets one sentence per line; IDS the same number of lines, each
`ID<TAB>GENRE`, so that line N of both (and record N of the classifier's
output) belong together. Standard library only.
"""

import argparse
import json
import os
import re
import sys

# ---------------------------------------------------------------------------
# Brown Corpus, form C: one sentence per non-blank line (usually indented by
# a tab), tokens separated by spaces, each token WORD/TAG, the tag after the
# last slash (words may hold slashes: 1-1/2/cd, and/or/cc). `` and '' are
# the opening and closing double quotes.

BROWN_FILE = re.compile(r"^c[a-r]\d\d$")

NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "]", "}", "''"}
NO_SPACE_AFTER = {"``", "(", "[", "{"}


def brown_words(line):
    """The words of one tagged line, tags dropped."""
    words = []
    for token in line.split():
        word, slash, _tag = token.rpartition("/")
        words.append(word if slash else token)
    return words


def detokenize(words):
    """Plain text from Brown's tokens: punctuation attached, quotes as `"`.

    A lone `'` (Brown's single quote) opens and closes in turn."""
    out = []
    glue = True  # no space before the next word
    single_open = False
    for w in words:
        text = w
        attach_left = w in NO_SPACE_BEFORE
        attach_right = w in NO_SPACE_AFTER
        if w == "``":
            text = '"'
        elif w == "''":
            text = '"'
        elif w in ("'", "`"):
            text = "'"
            if single_open:
                attach_left, single_open = True, False
            else:
                attach_right, single_open = True, True
        if out and not glue and not attach_left:
            out.append(" ")
        out.append(text)
        glue = attach_right
    return "".join(out)


def brown_sentences(folder):
    """(id, genre, sentence) for every sentence, files in name order."""
    genres = {}
    cats = os.path.join(folder, "cats.txt")
    if os.path.exists(cats):
        with open(cats, encoding="ascii") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2:
                    genres[parts[0]] = parts[1]
    names = sorted(n for n in os.listdir(folder) if BROWN_FILE.match(n))
    if not names:
        raise SystemExit(f"general_text: no Brown files (ca01 ... cr09) in {folder}")
    for name in names:
        genre = genres.get(name, "?")
        with open(os.path.join(folder, name), encoding="ascii") as f:
            number = 0
            for line in f:
                if not line.strip():
                    continue
                number += 1
                yield f"brown/{name}/{number}", genre, detokenize(brown_words(line))


# ---------------------------------------------------------------------------
# nlp-corpus: builds/doc-N.json, each a JSON array of sentence strings.

NLP_FILE = re.compile(r"^doc-(\d+)\.json$")


def nlp_sentences(folder):
    builds = os.path.join(folder, "builds")
    names = sorted((n for n in os.listdir(builds) if NLP_FILE.match(n)),
                   key=lambda n: int(NLP_FILE.match(n).group(1)))
    if not names:
        raise SystemExit(f"general_text: no doc-N.json in {builds}")
    for name in names:
        with open(os.path.join(builds, name), encoding="utf-8") as f:
            doc = json.load(f)
        for number, text in enumerate(doc, 1):
            if not isinstance(text, str):
                continue
            yield f"nlp/{name[:-5]}/{number}", "mixed", " ".join(text.split())


def write_sentences(source, sentences_path, ids_path):
    count = 0
    with open(sentences_path, "w", encoding="utf-8", newline="\n") as s, \
         open(ids_path, "w", encoding="utf-8", newline="\n") as i:
        for ident, genre, text in source:
            # One line per sentence, whatever the source held.
            text = " ".join(text.split())
            s.write(text + "\n")
            i.write(f"{ident}\t{genre}\n")
            count += 1
    print(count)


# ---------------------------------------------------------------------------
# The report.

def per_10k(events, sentences):
    return 0.0 if sentences == 0 else 10000.0 * events / sentences


def quote(words):
    return " ".join(json.dumps(w, ensure_ascii=False) for w in words)


def report(args):
    with open(args.ids, encoding="utf-8") as f:
        ids = [line.rstrip("\n").split("\t") for line in f]
    with open(args.sentences, encoding="utf-8") as f:
        texts = [line.rstrip("\n") for line in f]
    records = []
    with open(args.jsonl, encoding="utf-8") as f:
        for line in f:
            records.append(json.loads(line))
    if not (len(ids) == len(texts) == len(records)):
        print(f"general_text: {len(texts)} sentences, {len(ids)} ids and "
              f"{len(records)} classifier records differ", file=sys.stderr)
        return 2

    types = [t for t in args.types.split(",") if t]
    by_type = {t: 0 for t in types}
    by_rule = {}  # rule id -> reported events it gave evidence to
    genres = {}  # genre -> [sentences, events]
    listing = []
    errors = []
    events_total = 0
    sentences_with_events = 0
    for (ident, genre), text, record in zip(ids, texts, records):
        g = genres.setdefault(genre, [0, 0])
        g[0] += 1
        if "error" in record:
            errors.append((ident, record["error"], text))
            continue
        events = record.get("events", [])
        if not events:
            continue
        sentences_with_events += 1
        events_total += len(events)
        g[1] += len(events)
        for event in events:
            by_type[event["type"]] = by_type.get(event["type"], 0) + 1
            for rule in dict.fromkeys(e["rule"] for e in event.get("evidence", [])):
                by_rule[rule] = by_rule.get(rule, 0) + 1
        listing.append((ident, genre, record.get("text", text), events))

    n = len(texts)
    rate = per_10k(events_total, n)
    over = args.max_per_10k is not None and rate > args.max_per_10k + 1e-9

    out = []
    out.append(f"General text: {args.corpus}" + (f" ({args.source})" if args.source else ""))
    if args.engine:
        out.append(f"engine: {args.engine}")
    out.append(f"sentences             {n}")
    out.append(f"events reported       {events_total} (in {sentences_with_events} sentences)")
    out.append(f"events per 10,000     {rate:.2f}"
               + ("" if args.max_per_10k is None else
                  f"  (budget {args.max_per_10k:g}: {'EXCEEDED' if over else 'within'})"))
    out.append("by type               " + ", ".join(f"{t} {c}" for t, c in by_type.items()))
    if len(genres) > 1:
        out.append("by genre (sentences, events, per 10,000):")
        for genre in sorted(genres):
            s, e = genres[genre]
            out.append(f"  {genre:<18}{s:>7}{e:>5}{per_10k(e, s):>9.2f}")
    if by_rule:
        out.append("by rule (reported events it gave evidence to):")
        for rule, count in sorted(by_rule.items(), key=lambda rc: (-rc[1], rc[0])):
            out.append(f"  {rule:<48}{count:>5}")
    if errors:
        out.append(f"sentences the engine could not classify: {len(errors)}")
        for ident, message, text in errors:
            out.append(f"  {ident}: {message}: {text}")
    out.append("")
    out.append(f"Reported events ({events_total}):")
    for ident, genre, text, events in listing:
        out.append(f"{ident} [{genre}]")
        for event in events:
            who = []
            if event.get("source"):
                who.append(f"source={event['source']}")
            if event.get("target"):
                who.append(f"target={event['target']}")
            out.append(f"  {event['type']} {event['confidence']:.3f}"
                       + (f"  {' '.join(who)}" if who else ""))
            for evidence in event.get("evidence", []):
                out.append(f"    {evidence['rule']}: {quote(evidence.get('matched', []))}")
        out.append(f"  | {text}")
    out.append("")
    summary = (f"general-text: corpus={args.corpus} sentences={n} events={events_total} "
               f"sentences_with_events={sentences_with_events} per_10k={rate:.2f} "
               + " ".join(f"{t}={c}" for t, c in by_type.items())
               + f" unclassified={len(errors)}"
               + f" budget={'none' if args.max_per_10k is None else format(args.max_per_10k, 'g')}"
               + f" status={'over' if over else 'ok'}")
    out.append(summary)
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    if args.listing:
        with open(args.listing, "a" if args.append else "w", encoding="utf-8") as f:
            f.write(text)
    if errors:
        return 1
    return 1 if over else 0


def main(argv):
    parser = argparse.ArgumentParser(prog="general_text.py")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("brown", "nlp"):
        p = sub.add_parser(name)
        p.add_argument("folder")
        p.add_argument("sentences")
        p.add_argument("ids")
    r = sub.add_parser("report")
    r.add_argument("--corpus", required=True, help="its name in the report")
    r.add_argument("--source", default="", help="where it came from (package, version)")
    r.add_argument("--engine", default="", help="the command that classified, for the report")
    r.add_argument("--sentences", required=True)
    r.add_argument("--ids", required=True)
    r.add_argument("--jsonl", required=True, help="demarche classify --format jsonl output")
    r.add_argument("--types", default="", help="the rules' event types, comma-separated")
    r.add_argument("--listing", help="also write the report to this file")
    r.add_argument("--append", action="store_true", help="append to --listing")
    r.add_argument("--max-per-10k", type=float, default=None)
    args = parser.parse_args(argv)
    if args.command == "brown":
        write_sentences(brown_sentences(args.folder), args.sentences, args.ids)
        return 0
    if args.command == "nlp":
        write_sentences(nlp_sentences(args.folder), args.sentences, args.ids)
        return 0
    return report(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
