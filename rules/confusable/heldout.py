#!/usr/bin/env python3
"""Held-out generalisation test of the `confusable` rule: how many swapped members it catches
and how often it flags a correct use, per confusion set, on text nothing in the rule was built or
calibrated on.

    python3 rules/confusable/heldout.py [--binary target/release/essaylint] [--per-member 25]
                                        [--data DIR] [--report FILE] [--source gcide|fortunes|all]
                                        [--half test|calibration|both]

Text (fetched with `apt-get download` into --data when missing; nothing is copied into the
repository):
  * GCIDE, the GNU Collaborative International Dictionary of English 0.48 (Debian package
    `dict-gcide`, GPL-2+): the definitions and quotations of Webster's 1913 dictionary, without
    its WordNet-derived entries (WordNet calibrates the model's thresholds) and without the
    entries of the set members themselves (their quotations show archaic senses on purpose);
  * the fortune cookies of BSD fortune (Debian package `fortunes`, BSD licence): modern quotes,
    jokes and aphorisms.

For every set of rules/confusable/sets.txt and every member, up to --per-member sentences that
use the member (lowercase, as a whole word) are taken: the sentence as written is a correct use
(a report on that word is a false alarm), and each copy with the member swapped for another
member of its set is an error (caught when the rule reports the swapped word; right when it
suggests the original). Sentences are chosen by a hash, so runs are repeatable. build.py
calibrates the model's thresholds on the sentences whose hash is even (with WordNet); this script
tests on the others unless told otherwise (--half).
"""

import argparse
import collections
import glob
import gzip
import hashlib
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.join(tempfile.gettempdir(), "essaylint-heldout")


def fetch(data):
    os.makedirs(data, exist_ok=True)
    ex = os.path.join(data, "ex")
    if not os.path.isdir(ex):
        subprocess.check_call(["apt-get", "download", "dict-gcide", "fortunes"], cwd=data)
        for deb in glob.glob(os.path.join(data, "*.deb")):
            subprocess.check_call(["dpkg-deb", "-x", deb, ex])
    return ex


SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def sentences_of(par):
    par = re.sub(r"\s+", " ", par).strip()
    for s in SENT.split(par):
        s = s.strip()
        n = len(s.split())
        if 6 <= n <= 40 and s[-1:] in ".!?\"'" and not re.search(r"[{}<>\[\]\\|@_=*#~]", s):
            yield s


def gcide(ex, members):
    text = gzip.open(os.path.join(ex, "usr/share/dictd/gcide.dict.dz"), "rt",
                     encoding="utf-8", errors="replace").read()
    out = []
    for entry in re.split(r"\n\n(?=\S)", text):
        head = entry.split("\\", 1)[0].strip().lower()
        if head in members or "[WordNet" in entry or "[wn" in entry.lower():
            continue
        # Blocks between the source tags; drop the quotation's author line (--Milton.).
        for block in re.split(r"\[[^\]]*\]\n", entry):
            block = re.sub(r"--[A-Z][\w. ]*\.?", " ", block)
            lines = [ln for ln in block.split("\n") if ln.startswith("   ")]
            body = " ".join(ln.strip() for ln in lines)
            body = re.sub(r"^\d+\.\s*", "", body)
            out.extend(sentences_of(body))
    return out


def fortunes(ex):
    out = []
    for f in sorted(glob.glob(os.path.join(ex, "usr/share/games/fortunes/*"))):
        base = os.path.basename(f)
        if "." in base or base in ("ascii-art", "translate-me"):
            continue
        for cookie in open(f, encoding="utf-8", errors="replace").read().split("\n%\n"):
            # Drop attribution lines ("-- Mark Twain").
            body = "\n".join(ln for ln in cookie.split("\n") if not ln.strip().startswith("--"))
            out.extend(sentences_of(body))
    return out


def parse_sets(path):
    return [ln[4:].split() for ln in open(path, encoding="utf-8") if ln.startswith("set:")]


def match_case(orig, repl):
    if orig[:1].isupper():
        return repl[:1].upper() + repl[1:]
    return repl


def h(s):
    return hashlib.md5(s.encode()).hexdigest()


def calibrates(s):
    """Whether sentence `s` is in the calibration half (build.py) rather than the test half."""
    return int(h(s)[0], 16) % 2 == 0


def all_sentences(data, source="all"):
    ex = fetch(data)
    members = {w for s in parse_sets(os.path.join(HERE, "sets.txt")) for w in s}
    sents = []
    if source in ("gcide", "all"):
        sents += gcide(ex, members)
    if source in ("fortunes", "all"):
        sents += fortunes(ex)
    return sorted(set(s.replace("\u2019", "'") for s in sents), key=h)


def calibration_half(data=DEFAULT_DATA):
    return [s for s in all_sentences(data) if calibrates(s)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="target/release/essaylint")
    ap.add_argument("--per-member", type=int, default=25)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--half", default="test", choices=["test", "calibration", "both"],
                    help="the sentences build.py does not calibrate on (default), those it does")
    ap.add_argument("--report", default=os.path.join(tempfile.gettempdir(),
                                                     "confusable-heldout.txt"))
    ap.add_argument("--show", action="append", default=[],
                    help="print the misses and false alarms of the sets with this member")
    ap.add_argument("--source", default="all", choices=["gcide", "fortunes", "all"])
    args = ap.parse_args()
    sets = parse_sets(os.path.join(HERE, "sets.txt"))
    members = {w for s in sets for w in s}
    sents = all_sentences(args.data, args.source)
    if args.half != "both":
        sents = [s for s in sents if calibrates(s) == (args.half == "calibration")]
    # Index: member -> sentences using it (lowercase whole word, or capitalised at the start).
    word = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
    by_member = collections.defaultdict(list)
    for s in sents:
        for m in word.finditer(s):
            t = m.group(0)
            low = t.lower()
            if low in members and (t == low or m.start() == 0 and t[1:] == low[1:]):
                if len(by_member[low]) < args.per_member * 4:
                    by_member[low].append((s, m.start(), m.end()))
    cases = []  # (set index, member written, original member, sentence, start, end)
    for k, st in enumerate(sets):
        for m in st:
            seen = set()
            for s, a, b in by_member.get(m, []):
                if len(seen) >= args.per_member or s in seen:
                    continue
                seen.add(s)
                cases.append((k, m, m, s, a, b))
                for o in st:
                    if o != m:
                        r = match_case(s[a:b], o)
                        cases.append((k, o, m, s[:a] + r + s[b:], a, a + len(r)))
    # Each case is a document of its own: the rule weighs a word against the document's other
    # uses of it, and unrelated sentences must not count as one essay.
    with tempfile.TemporaryDirectory() as folder:
        for n, c in enumerate(cases):
            with open(os.path.join(folder, f"c{n:06d}.txt"), "w", encoding="utf-8") as f:
                f.write(c[3] + "\n")
        res = subprocess.run([args.binary, "check", "--format", "concise", "--select", "confusable",
                              "--fail-on", "error", folder], capture_output=True, text=True)
    diags = collections.defaultdict(list)  # case -> [(col, severity, suggestion)]
    pat = re.compile(r"c(\d+)\.txt:\d+:(\d+): (\w+)\[confusable\] .*?\(did you mean `([^`]*)`")
    for line in res.stdout.splitlines():
        m = pat.search(line)
        if m:
            diags[int(m.group(1))].append((int(m.group(2)), m.group(3), m.group(4)))
    per = collections.defaultdict(lambda: collections.Counter())
    for n, (k, w, orig, s, a, b) in enumerate(cases):
        col = len(s[:a]) + 1
        here = [d for d in diags.get(n, []) if d[0] == col]
        c = per[k]
        show = any(x in sets[k] for x in args.show)
        if w == orig:
            c["correct"] += 1
            if here:
                if show:
                    print(f"ALARM {w} -> {here[0][2]}: {s}")
                c["alarm"] += 1
                c["alarm_warn"] += any(d[1] != "advice" for d in here)
        else:
            c["swapped"] += 1
            right = [d for d in here if d[2].lower() == orig]
            if right:
                c["caught"] += 1
                c["caught_warn"] += any(d[1] != "advice" for d in right)
            elif here:
                c["wrong_fix"] += 1
            if not right and show:
                print(f"MISS {w} (for {orig}): {s}")
    tot = collections.Counter()
    with open(args.report, "w", encoding="utf-8") as rep:
        rep.write(f"{'set':36s} {'caught/swapped':>15s} {'warn':>5s}   {'alarms/correct':>15s}"
                  f" {'warn':>5s}\n")
        for k, st in enumerate(sets):
            c = per[k]
            tot.update(c)
            if c["correct"] == 0 and c["swapped"] == 0:
                continue
            rep.write(f"{' '.join(st):36s} {c['caught']:6d} / {c['swapped']:<6d} "
                      f"{c['caught_warn']:5d}   {c['alarm']:6d} / {c['correct']:<6d} "
                      f"{c['alarm_warn']:5d}\n")
    covered = sum(1 for k in per if per[k]["swapped"])
    print(f"held-out ({args.source}, {args.half} half, {covered} sets with text, {len(cases)} sentences): "
          f"caught {tot['caught']}/{tot['swapped']} "
          f"({100 * tot['caught'] / max(1, tot['swapped']):.1f}%, at warning "
          f"{100 * tot['caught_warn'] / max(1, tot['swapped']):.1f}%), wrong suggestion "
          f"{tot['wrong_fix']}; alarms {tot['alarm']}/{tot['correct']} "
          f"({100 * tot['alarm'] / max(1, tot['correct']):.2f}%, at warning "
          f"{100 * tot['alarm_warn'] / max(1, tot['correct']):.2f}%); per set: {args.report}")


if __name__ == "__main__":
    sys.exit(main())
