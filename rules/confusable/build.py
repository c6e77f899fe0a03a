#!/usr/bin/env python3
"""Build rules/confusable/context.txt, the context model of the `confusable` rule.

    python3 rules/confusable/build.py [--symspell DIR] [--wordnet DIR] [--report FILE]

Inputs (all from package registries, none from anywhere else):
  * the n-gram counts inside the PyPI package `symspellpy` (6.10.1):
    frequency_bigramdictionary_en_243_342.txt (242,342 English word bigrams) and
    frequency_dictionary_en_82_765.txt (82,765 unigrams). SymSpell's author made both from the
    Google Books Ngram data (licensed CC BY 3.0) intersected with SCOWL; the package is MIT.
    Without --symspell the script fetches the wheel with `pip download`.
  * held-out text for calibration: the glosses and example sentences of WordNet 3.0 (Debian
    package `wordnet-base`, /usr/share/wordnet; WordNet licence, free to use and redistribute
    with its notice), and the calibration half of the text heldout.py reads (GCIDE, GPL-2+, and
    BSD fortune's cookies, BSD licence; Debian packages `dict-gcide` and `fortunes`, fetched
    with `apt-get download`): the sentences whose hash is even. heldout.py tests on the other
    half. None of this text is counted into the model or shipped; it only sets thresholds.

What it writes: the unigram counts of every set member and of every word seen beside one, the
bigram counts in which a member takes part, and for each set a decision threshold and level
calibrated on the held-out text (see `calibrate`): a warning threshold (precision >= 0.99 and
few false alarms per running word) and, below it, an advice threshold (false alarms on at most
ADVICE_FALSE of a set's correct uses). The scorer here is the same formula as
src/rules/sentences/confusable/model.rs; keep the two in step.
"""

import argparse
import collections
import glob
import math
import os
import re
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import heldout  # noqa: E402  (the same text source, split in two by hash)

HERE = os.path.dirname(os.path.abspath(__file__))
R = 60.0  # bigram counts are on a scale about 60 times the unigram counts' (see header)
GRID = [x / 4 for x in range(0, 61)]  # thresholds tried, in natural-log units
ALARM_PER_WORD = 2e-5  # at most this many false alarms per running word of text, per set
MAX_FALSE_RATE = 0.0015  # and at most this share of a set's correct uses
MIN_CORRECT = 30
ADVICE_FALSE = 0.004  # an advice verdict: at most this share of a set's correct uses flagged
ADVICE_PREC = 0.95  # and this precision on the swapped uses (one error per correct use)
ONE_SIDED = 2.5  # a verdict from one informative neighbour must win by this much more
# A function word (or a small number word) as written is left to the grammatical detectors:
# two words of context cannot see the syntax that decides it ("that our hypothesis" against
# "that are", "by and large" against "buy"). The model judges only content words as written
# ("weather" for "whether" still, not "whether" for "weather"); a set of function words only
# is off.
NUMBERS = {"one", "two", "four"}
K = 100  # weight of the pooled false-alarm rate, in held-out uses  # fewer held-out correct uses than this: advice at most


def parse_sets(path):
    sets = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("set:"):
            sets.append(line[4:].split())
    return sets


def symspell_dir(arg):
    if arg:
        return arg
    tmp = tempfile.mkdtemp()
    subprocess.check_call([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d",
                           tmp, "symspellpy==6.10.1"])
    whl = glob.glob(os.path.join(tmp, "*.whl"))[0]
    zipfile.ZipFile(whl).extractall(tmp)
    return os.path.join(tmp, "symspellpy")


class Model:
    def __init__(self, uni, bi, floor, total):
        self.uni, self.bi, self.floor, self.total = uni, bi, floor, total
        self.udef = min(uni.values())

    def pair(self, a, b):
        c = self.bi.get((a, b))
        if c is not None:
            return c, True
        est = R * self.uni.get(a, self.udef) * self.uni.get(b, self.udef) / self.total
        return min(self.floor, est), False

    def score(self, c, left, right):
        """log P(c) + log P(left | c) + log P(right | c), up to a constant; and whether any
        bigram of c with its context was seen."""
        u = self.uni[c]
        s = math.log(u)
        seen = False
        if left:
            n, k = self.pair(left, c)
            s += math.log(n) - math.log(R * u)
            seen |= k
        if right:
            n, k = self.pair(c, right)
            s += math.log(n) - math.log(R * u)
            seen |= k
        return s, seen

    def best_alt(self, members, w, left, right):
        """The member that would replace `w` and by what margin (None when no evidence)."""
        # A side informs only if some member was seen with it there; a verdict on one
        # informative side must win by ONE_SIDED more.
        if left and not any(self.pair(left, a)[1] for a in members):
            left = None
        if right and not any(self.pair(a, right)[1] for a in members):
            right = None
        s0, _ = self.score(w, left, right)
        best = None
        for a in members:
            if a == w:
                continue
            s, seen = self.score(a, left, right)
            if seen and (best is None or s - s0 > best[1]):
                best = (a, s - s0)
        if best and (left is None or right is None):
            best = (best[0], best[1] - ONE_SIDED)
        return best


def wordnet_sentences(d):
    out = []
    for f in sorted(glob.glob(os.path.join(d, "data.*"))):
        for line in open(f, encoding="latin-1"):
            if line.startswith("  ") or "|" not in line:
                continue
            for p in re.split(r";\s*", line.split("|", 1)[1].strip()):
                p = p.strip().strip('"').strip()
                if len(p.split()) >= 3:
                    out.append(p)
    return out


TOKEN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|\S")


def contexts(sentences, vocab):
    """(word, left, right) for every use of a member; a neighbour that is not a plain word
    (punctuation, a number, the edge of the sentence) gives no context."""
    for s in sentences:
        toks = TOKEN.findall(s)
        low = [t.lower() for t in toks]
        for i, t in enumerate(low):
            if t not in vocab or (i > 0 and toks[i][0].isupper()):
                continue
            left = low[i - 1] if i > 0 and low[i - 1].isalpha() else None
            right = low[i + 1] if i + 1 < len(low) and low[i + 1].isalpha() else None
            yield t, left, right


FUNCTION = set()


def written(w):
    """Whether the model judges `w` where it is written."""
    return w not in FUNCTION and w not in NUMBERS


def calibrate(model, sets, sentences, report):
    vocab = {w for s in sets for w in s}
    uses = collections.defaultdict(list)
    for w, l, r in contexts(sentences, vocab):
        uses[w].append((l, r))
    # Each set's false-alarm rate is shrunk toward the mean rate of all sets (a set with little
    # held-out text shows no false alarm by chance): (fp + K * pooled) / (n + K).
    per_set = []
    for members in sets:
        cs = []
        for m in members:
            for l, r in uses[m]:
                if written(m):
                    b = model.best_alt(members, m, l, r)
                    cs.append(b[1] if b else None)
        if len(cs) >= MIN_CORRECT:
            per_set.append(cs)

    def pooled(th):
        return sum(sum(1 for x in cs if x is not None and x > th) / len(cs)
                   for cs in per_set) / len(per_set)
    pool = {th: pooled(th) for th in GRID}
    report.write("mean false-alarm rate of the sets by threshold: "
                 + " ".join(f"{th}:{pool[th]:.4f}" for th in GRID[::4]) + "\n")
    out = []
    for members in sets:
        key = " ".join(members)
        correct, swapped = [], []
        for m in members:
            for l, r in uses[m]:
                if written(m):
                    b = model.best_alt(members, m, l, r)
                    correct.append(b[1] if b else None)
                for a in members:
                    if a == m or not written(a):
                        continue
                    b = model.best_alt(members, a, l, r)
                    swapped.append(b[1] if b and b[0] == m else None)
        nc, ns = len(correct), len(swapped)
        freq = sum(model.uni[m] for m in members) / model.total
        fmax = min(MAX_FALSE_RATE, ALARM_PER_WORD / freq)
        chosen = None
        for th in GRID:
            fp = sum(1 for x in correct if x is not None and x > th)
            tp = sum(1 for x in swapped if x is not None and x > th)
            f = (fp + K * pool[th]) / (nc + K)
            r = tp / ns if ns else 0.0
            prec = r / (r + f) if r + f > 0 else 0.0
            if f <= fmax and prec >= 0.99:
                chosen = (th, f, r, prec)
                break
        if sum(1 for m in members if m not in FUNCTION and m not in NUMBERS) == 0:
            level = "off"
            chosen = (99.0, 0.0, 0.0, None)
        elif nc < MIN_CORRECT:
            # Too little held-out text to measure precision: speak only where the evidence is
            # overwhelming, and only as advice.
            th = max(chosen[0] if chosen else 0.0, 6.0)
            level = "advice"
            fp = sum(1 for x in correct if x is not None and x > th)
            tp = sum(1 for x in swapped if x is not None and x > th)
            chosen = (th, fp / nc if nc else 0.0, tp / ns if ns else 0.0, None)
        elif chosen is None or chosen[2] < 0.02:
            level = "off"
            chosen = chosen or (99.0, 0.0, 0.0, None)
        else:
            level = "warning"
        th, f, r, prec = chosen
        # Below the warning threshold, an advice band where the set still rarely errs.
        adv = None
        if level in ("warning", "off") and nc >= MIN_CORRECT and ns:
            for a in GRID:
                if a >= th:
                    break
                fp = sum(1 for x in correct if x is not None and x > a)
                tp = sum(1 for x in swapped if x is not None and x > a)
                fa = (fp + K * pool[a]) / (nc + K)
                ra = tp / ns
                if fa <= ADVICE_FALSE and ra / (ra + fa) >= ADVICE_PREC if ra + fa > 0 else False:
                    adv = (a, fa, ra)
                    break
            if adv and level == "off":
                level, th = "advice", adv[0]
                adv = None
        out.append((key, th, level, adv[0] if adv else None))
        report.write(f"{key:40s} correct {nc:6d} swapped {ns:6d} threshold {th:5.2f} "
                     f"false-rate {f:.4f} recall {r:.3f} level {level}"
                     + (f" advice {adv[0]:5.2f} false-rate {adv[1]:.4f} recall {adv[2]:.3f}"
                        if adv else "") + "\n")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--symspell")
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--heldout-data", default=heldout.DEFAULT_DATA)
    ap.add_argument("--report", default=os.path.join(tempfile.gettempdir(),
                                                     "confusable-calibration.txt"))
    args = ap.parse_args()
    d = symspell_dir(args.symspell)
    uni = {}
    for line in open(os.path.join(d, "frequency_dictionary_en_82_765.txt"), encoding="utf-8"):
        w, c = line.split()
        uni[w] = int(c)
    total = sum(uni.values())
    sets = parse_sets(os.path.join(HERE, "sets.txt"))
    for line in open(os.path.join(HERE, "..", "common", "function_words.txt"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            FUNCTION.add(line.strip())
    sets = [[w for w in s if "'" not in w] for s in sets]
    sets = [s for s in sets if len(s) >= 2]
    missing = sorted({w for s in sets for w in s if w not in uni})
    if missing:
        print("members without counts (left out):", " ".join(missing), file=sys.stderr)
    sets = [[w for w in s if w in uni] for s in sets]
    sets = [s for s in sets if len(s) >= 2]
    vocab = {w for s in sets for w in s}
    bi, floor = {}, None
    for line in open(os.path.join(d, "frequency_bigramdictionary_en_243_342.txt"),
                     encoding="utf-8"):
        a, b, c = line.split()
        c = int(c)
        floor = c if floor is None else min(floor, c)
        if a in vocab or b in vocab:
            bi[(a, b)] = c
    model = Model(uni, bi, floor, total)
    with open(args.report, "w") as rep:
        thresholds = calibrate(model, sets, wordnet_sentences(args.wordnet)
                               + heldout.calibration_half(args.heldout_data), rep)
    words = sorted(vocab | {a for a, _ in bi} | {b for _, b in bi})
    path = os.path.join(HERE, "context.txt")
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            "# Context model of the `confusable` rule: unigram and bigram counts for the members\n"
            "# of the confusion sets in sets.txt, with each set's calibrated threshold.\n"
            "# Source: the bigram and unigram dictionaries in the PyPI package symspellpy 6.10.1\n"
            "# (MIT), made by SymSpell's author from the Google Books Ngram data (CC BY 3.0,\n"
            "# Google Inc.) intersected with SCOWL. Thresholds calibrated on WordNet 3.0 glosses\n"
            "# and examples (WordNet licence, Princeton University) and on half of GCIDE (GPL-2+)\n"
            "# and BSD fortune (BSD): see build.py. Built by build.py; do not edit by hand.\n"
            "# Grammar: `N total floor` (unigram total; the smallest bigram count kept by the\n"
            "# source), `U word count`, `B left right count`, `T level threshold [advice]\n"
            "# member ...` (report at `level` past `threshold`, as advice past `advice`).\n")
        out.write(f"N {total} {floor}\n")
        for w in words:
            if w in uni:
                out.write(f"U {w} {uni[w]}\n")
        for (a, b), c in sorted(bi.items()):
            out.write(f"B {a} {b} {c}\n")
        for key, th, level, adv in thresholds:
            out.write(f"T {level} {th} " + (f"{adv} " if adv is not None else "") + f"{key}\n")
    print(f"wrote {path}: {len(words)} words, {len(bi)} bigrams, {len(thresholds)} sets; "
          f"calibration report in {args.report}")


if __name__ == "__main__":
    main()
