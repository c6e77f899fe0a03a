#!/usr/bin/env python3
"""Build rules/confusable/context.txt, the context model of the `confusable` rule.

    python3 rules/confusable/build.py [--pocketsphinx DIR] [--wordnet DIR] [--report FILE]

Inputs (all from package registries, none from anywhere else):
  * the US English language model of CMU PocketSphinx (`model/en-us/en-us.lm.bin` in the PyPI
    package `pocketsphinx` 5.1.1, the same model as Debian's `pocketsphinx-en-us`; BSD-2-Clause,
    Carnegie Mellon University and Alpha Cephei Inc.): 72,547 words, 2,051,547 bigrams and
    1,669,625 trigrams with backoff weights, read from its binary trie format (see
    `read_trie`; the package's ARPA writer crashes in the trigram section). Unigrams and
    bigrams are written as pseudo-counts, trigrams as corrections of the backed-off estimate.
    Without --pocketsphinx the script fetches the wheel with `pip download`. Until this model
    the data were the symspellpy bigram dictionary (242,342 bigrams from Google Books): on
    heldout.py's test half the rule then caught 17.3% of the swaps at 0.60% false alarms, with
    this model's bigrams 23.5% at 0.52%, and with its trigrams too 25.6% at 0.49%.
  * held-out text for calibration: the glosses and example sentences of WordNet 3.0 (Debian
    package `wordnet-base`, /usr/share/wordnet; WordNet licence, free to use and redistribute
    with its notice), and the calibration half of the text heldout.py reads (GCIDE, GPL-2+, and
    BSD fortune's cookies, BSD licence; Debian packages `dict-gcide` and `fortunes`, fetched
    with `apt-get download`): the sentences whose hash is even. heldout.py tests on the other
    half. None of this text is counted into the model or shipped; it only sets thresholds.

What it writes: the unigram counts of every set member and of every word seen beside one, the
bigram counts in which a member takes part (with their backoff weights as contexts), the
trigrams in which a member of a judged set takes part, and for each set a decision threshold and level
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
ONE_SIDED = 1.5  # a verdict from one informative neighbour must win by this much more
# The members' prior within their set: their unigram probabilities raised to this power (a
# writer who writes the rarer member of a set usually means it, so the full unigram ratio
# overrates the common member where the context is weak). Calibrated on quarter A of the
# calibration half, tested on quarter B (thresholds recalibrated each time): with the full prior
# and ONE_SIDED 2.5 29.4% of the swaps caught at 0.68% false alarms, with 0.5 and 1.5 31.7% at
# 0.69%; 0.3 and 0.7 are no better than 0.5.
PRIOR = 0.5
# A verdict must not go against either informative neighbour: when one side alone favours the
# written word by more than this (natural log of the ratio of P(side | member)), the model keeps
# quiet ("a change in weight for both": "in" calls for "weight", "for" for "wait"). On the test
# half of heldout.py this cut false alarms by a third for the same recall.
CONTRA = 0.5
# A written word seen beside each informative neighbour, and at most this much less likely there
# than the other member (natural log), is in a context real text uses: left alone ("in sum,",
# "been sighted in"; but "a peace of" is judged).
FAMILIAR = 1.5
# A function word (or a small number word) as written is left to the grammatical detectors:
# two words of context cannot see the syntax that decides it ("that our hypothesis" against
# "that are", "people of color" against "off color"). The model judges only content words as
# written ("weather" for "whether" still, not "whether" for "weather"); a set of function words
# only is off.
NUMBERS = {"one", "two", "four"}
K = 100  # weight of the pooled false-alarm rate, in held-out uses  # fewer held-out correct uses than this: advice at most


def parse_sets(path):
    sets = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("set:"):
            sets.append(line[4:].split())
    return sets


def pocketsphinx_dir(arg):
    """A directory holding the `pocketsphinx` package (5.1.1), fetched with pip when not given."""
    if arg:
        return arg
    tmp = tempfile.mkdtemp()
    subprocess.check_call([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d",
                           tmp, "pocketsphinx==5.1.1"])
    whl = glob.glob(os.path.join(tmp, "*.whl"))[0]
    zipfile.ZipFile(whl).extractall(tmp)
    return tmp


WORD = re.compile(r"[a-z]+$")
TOTAL = 1e12  # pseudo-counts: probabilities times this


def read_trie(path):
    """The n-grams of a PocketSphinx binary trie language model (`Trie Language Model`, the
    format of `en-us.lm.bin`), read directly: the library's ARPA writer (5.1.1) crashes in the
    trigram section, so its text output cannot list the trigrams.

    The layout (sphinxbase `lm_trie.c`, `lm_trie_quant.c`; all little-endian): the header
    string, the order (one byte), the n-gram counts (u32 each), a u32, the quantisation tables
    (65,536 f32 bigram probabilities, as many bigram backoff weights, as many trigram
    probabilities), the unigrams (count + 1 records of f32 probability, f32 backoff, u32 index
    of their first bigram), the bigram array and the trigram array, bit-packed, and the words
    (a u32 byte length, then NUL-terminated strings in id order). The trie is reversed: a
    unigram record leads to the bigrams ending in that word, each bigram record holds its
    first word (word bits), its backoff and probability codes (16 bits each, backoff first)
    and the index of its first trigram; a trigram record holds the first word of the trigram
    and its probability code. Values are in the library's log base 1.0001.

    Returns (words, uni, bi, tri): uni[id] = (log10 P, log10 backoff); bi[(a, b)] = (log10
    P(b | a), log10 backoff of the context `a b`), ids; tri: a list of (a, b, c, log10
    P(c | a b))."""
    import struct
    data = open(path, "rb").read()
    head = b"Trie Language Model"
    if not data.startswith(head):
        raise SystemExit(f"{path}: not a PocketSphinx trie language model")
    p = len(head)
    order = data[p]
    p += 1
    counts = struct.unpack_from(f"<{order}I", data, p)
    if order != 3:
        raise SystemExit(f"{path}: a {order}-gram model; expected a trigram model")
    p += 4 * order + 4
    tables = struct.unpack_from(f"<{3 * 65536}f", data, p)
    p += 3 * 65536 * 4
    unit = math.log10(1.0001)
    bprob = [v * unit for v in tables[:65536]]
    bbo = [v * unit for v in tables[65536:131072]]
    tprob = [v * unit for v in tables[131072:]]
    n1 = counts[0]
    recs = list(struct.iter_unpack("<ffI", data[p:p + 12 * (n1 + 1)]))
    p += 12 * (n1 + 1)

    def nbits(x):
        return x.bit_length()
    wb, nb = nbits(n1), nbits(counts[2])
    mid_bits = wb + 32 + nb
    mid_len = ((1 + counts[1]) * mid_bits + 7) // 8 + 8
    mid = data[p:p + mid_len]
    p += mid_len
    long_bits = wb + 16
    long_len = ((1 + counts[2]) * long_bits + 7) // 8 + 8
    lng = data[p:p + long_len]
    p += long_len
    k = struct.unpack_from("<I", data, p)[0]
    p += 4
    words = [w.decode("utf-8", "replace") for w in data[p:p + k].split(b"\0")[:-1]]
    if len(words) != n1 or p + k != len(data):
        raise SystemExit(f"{path}: unexpected layout")

    def field(mem, off, length):
        v = int.from_bytes(mem[off >> 3:(off >> 3) + 8], "little")
        return (v >> (off & 7)) & ((1 << length) - 1)
    uni = [(r[0] * unit, r[1] * unit) for r in recs[:n1]]
    bi, tri = {}, []
    for w in range(n1):
        for i in range(recs[w][2], recs[w + 1][2]):
            off = i * mid_bits
            h = field(mid, off, wb)
            q = field(mid, off + wb, 32)
            bi[(h, w)] = (bprob[q >> 16], bbo[q & 0xFFFF])
            first = field(mid, off + wb + 32, nb)
            last = field(mid, off + mid_bits + wb + 32, nb)
            for j in range(first, last):
                o = j * long_bits
                tri.append((field(lng, o, wb), h, w, tprob[field(lng, o + wb, 16)]))
    return words, uni, bi, tri


def language_model(d, vocab):
    """Unigram, bigram and trigram statistics of the US English model of CMU PocketSphinx for
    the plain lowercase words (see `read_trie`), where a word of `vocab` takes part:

    p1[w], bo1[w]: log10 P(w) and the backoff weight of w as a context, for every word;
    p2[(a, b)], bo2[(a, b)]: log10 P(b | a) and the backoff weight of the context `a b`, for
    the bigrams with a member (a bigram the trie holds only to reach its trigrams, scored by
    backing off, is left out);
    d3[(a, b, c)]: for the trigrams with a member, log10 P(c | a b) less what backing off
    would give, log10 bo(a b) + log10 P(c | b). The scorer adds it to the bigram estimate; the
    parts of the backoff shared by every member (the weight of the two words on the left, the
    bigram of the two on the right) cancel between members and need not be stored."""
    path = os.path.join(d, "pocketsphinx", "model", "en-us", "en-us.lm.bin")
    words, uni, bi, tri = read_trie(path)
    plain = [bool(WORD.match(w)) for w in words]
    p1 = {w: uni[i][0] for i, w in enumerate(words) if plain[i]}
    bo1 = {w: uni[i][1] for i, w in enumerate(words) if plain[i]}
    member = [plain[i] and w in vocab for i, w in enumerate(words)]

    def p2of(a, b):  # log10 P(b | a), backing off when the bigram is missing
        v = bi.get((a, b))
        return v[0] if v else uni[a][1] + uni[b][0]
    p2, bo2 = {}, {}
    for (a, b), (v, bo) in bi.items():
        if plain[a] and plain[b] and (member[a] or member[b]) \
                and abs(v - (uni[a][1] + uni[b][0])) > 1e-4:
            p2[(words[a], words[b])] = v
            if bo != 0.0:
                bo2[(words[a], words[b])] = bo
    d3 = {}
    for a, b, c, v in tri:
        if plain[a] and plain[b] and plain[c] and (member[a] or member[b] or member[c]):
            ctx = bi.get((a, b))
            d = v - ((ctx[1] if ctx else 0.0) + p2of(b, c))
            d3[(words[a], words[b], words[c])] = d
    return p1, bo1, p2, bo2, d3


class Model:
    def __init__(self, uni, bi, floor, total, bo=None, bo2=None, tri=None):
        self.uni, self.bi, self.floor, self.total = uni, bi, floor, total
        self.bo = bo or {}
        self.bo2 = bo2 or {}  # (a, b) -> backoff weight of the context `a b`
        self.tri = tri or {}  # (a, b, c) -> natural-log correction of the backed-off estimate
        self.udef = min(uni.values())

    def pair(self, a, b):
        """The count of `a b` and whether it was seen; a missing one is estimated as if its
        words were independent, times the backoff weight of `a`, capped at the floor."""
        c = self.bi.get((a, b))
        if c is not None:
            return c, True
        est = (R * self.uni.get(a, self.udef) * self.uni.get(b, self.udef) / self.total
               * self.bo.get(a, 1.0))
        return min(self.floor, est), False

    def score(self, c, left, right, left2=None, right2=None):
        """log P(c | left2 left) + log P(right | left c) + log P(right2 | c right), up to a
        constant shared by the members; and whether any bigram of c with its context was seen.
        The bigram part: log P(c) + log P(left | c) + log P(right | c), which is log P(c | left)
        + log P(right | c) up to the constant, with the prior log P(c) scaled by PRIOR. A
        trigram adds its correction of the backed-off estimate; a missing one backs off (the
        backoff weight of its first two words)."""
        u = self.uni[c]
        s = PRIOR * math.log(u)
        seen = False
        if left:
            n, k = self.pair(left, c)
            s += math.log(n) - math.log(R * u)
            seen |= k
            if left2:
                s += self.tri.get((left2, left, c), 0.0)
        if right:
            n, k = self.pair(c, right)
            s += math.log(n) - math.log(R * u)
            seen |= k
            if right2:
                s += math.log(self.bo2.get((c, right), 1.0)) + self.tri.get((c, right, right2), 0.0)
        if left and right:
            s += math.log(self.bo2.get((left, c), 1.0)) + self.tri.get((left, c, right), 0.0)
        return s, seen

    def best_alt(self, members, w, left, right, left2=None, right2=None):
        """The member that would replace `w` and by what margin (None when no evidence)."""
        # A side informs only if some member was seen with it there; a verdict on one
        # informative side must win by ONE_SIDED more.
        if left and not any(self.pair(left, a)[1] for a in members):
            left = None
        if right and not any(self.pair(a, right)[1] for a in members):
            right = None
        left2 = left2 if left else None
        right2 = right2 if right else None
        s0, _ = self.score(w, left, right, left2, right2)
        best = None
        for a in members:
            if a == w:
                continue
            s, seen = self.score(a, left, right, left2, right2)
            if seen and not self.familiar(w, a, left, right, left2, right2) \
                    and (best is None or s - s0 > best[1]):
                best = (a, s - s0)
        if best and self.contradicted(best[0], w, left, right, left2, right2):
            return None
        if best and (left is None or right is None):
            best = (best[0], best[1] - ONE_SIDED)
        return best

    def side(self, c, left, right, left2, right2):
        """Per side, log P(side | c) less a constant: the bigram and the trigram reaching out
        on that side; and whether anything of c was seen there."""
        u = self.uni[c]
        lv = rv = None
        if left:
            n, k = self.pair(left, c)
            t = self.tri.get((left2, left, c)) if left2 else None
            lv = (math.log(n / u) + (t or 0.0), k or t is not None)
        if right:
            n, k = self.pair(c, right)
            t = self.tri.get((c, right, right2)) if right2 else None
            x = math.log(self.bo2.get((c, right), 1.0)) + (t or 0.0) if right2 else 0.0
            rv = (math.log(n / u) + x, k or t is not None)
        return lv, rv

    def familiar(self, w, a, left, right, left2=None, right2=None):
        """Whether the written `w` is in a context real text uses: seen beside each informative
        neighbour, and none makes it more than FAMILIAR less likely than `a`."""
        lw, rw = self.side(w, left, right, left2, right2)
        la, ra = self.side(a, left, right, left2, right2)

        def ok(x, y):
            return x[1] and x[0] - y[0] >= -FAMILIAR
        return bool((left or right) and (not left or ok(lw, la)) and (not right or ok(rw, ra)))

    def contradicted(self, a, w, left, right, left2=None, right2=None):
        """Whether one neighbour alone favours the written `w` over `a` by more than CONTRA."""
        lw, rw = self.side(w, left, right, left2, right2)
        la, ra = self.side(a, left, right, left2, right2)
        return bool(left and lw[0] - la[0] > CONTRA or right and rw[0] - ra[0] > CONTRA)


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
    """(word, left, right, left2, right2) for every use of a member (left2: the word before
    left); a neighbour that is not a plain word (punctuation, a number, the edge of the
    sentence) gives no context, and neither does anything beyond it."""
    for s in sentences:
        toks = TOKEN.findall(s)
        low = [t.lower() for t in toks]
        for i, t in enumerate(low):
            if t not in vocab or (i > 0 and toks[i][0].isupper()):
                continue
            left = low[i - 1] if i > 0 and low[i - 1].isalpha() else None
            right = low[i + 1] if i + 1 < len(low) and low[i + 1].isalpha() else None
            left2 = low[i - 2] if left and i > 1 and low[i - 2].isalpha() else None
            right2 = low[i + 2] if right and i + 2 < len(low) and low[i + 2].isalpha() else None
            yield t, left, right, left2, right2


FUNCTION = set()


def written(w):
    """Whether the model judges `w` where it is written."""
    return w not in FUNCTION and w not in NUMBERS


def calibrate(model, sets, sentences, report):
    vocab = {w for s in sets for w in s}
    uses = collections.defaultdict(list)
    for w, l, r, l2, r2 in contexts(sentences, vocab):
        uses[w].append((l, r, l2, r2))
    # Each set's false-alarm rate is shrunk toward the mean rate of all sets (a set with little
    # held-out text shows no false alarm by chance): (fp + K * pooled) / (n + K).
    per_set = []
    for members in sets:
        cs = []
        for m in members:
            for l, r, l2, r2 in uses[m]:
                if written(m):
                    b = model.best_alt(members, m, l, r, l2, r2)
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
            for l, r, l2, r2 in uses[m]:
                if written(m):
                    b = model.best_alt(members, m, l, r, l2, r2)
                    correct.append(b[1] if b else None)
                for a in members:
                    if a == m or not written(a):
                        continue
                    b = model.best_alt(members, a, l, r, l2, r2)
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
    ap.add_argument("--pocketsphinx", help="a directory with the pocketsphinx 5.1.1 package")
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--heldout-data", default=heldout.DEFAULT_DATA)
    ap.add_argument("--report", default=os.path.join(tempfile.gettempdir(),
                                                     "confusable-calibration.txt"))
    ap.add_argument("--bigrams-only", action="store_true",
                    help="leave the trigrams out (to compare the two models)")
    args = ap.parse_args()
    d = pocketsphinx_dir(args.pocketsphinx)
    sets = parse_sets(os.path.join(HERE, "sets.txt"))
    for line in open(os.path.join(HERE, "..", "common", "function_words.txt"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            FUNCTION.add(line.strip())
    sets = [[w for w in s if "'" not in w] for s in sets]
    sets = [s for s in sets if len(s) >= 2]
    p1, bo10, p2, bo2_10, d3 = language_model(d, {w for s in sets for w in s})
    missing = sorted({w for s in sets for w in s if w not in p1})
    if missing:
        print("members without counts (left out):", " ".join(missing), file=sys.stderr)
    sets = [[w for w in s if w in p1] for s in sets]
    sets = [s for s in sets if len(s) >= 2]
    vocab = {w for s in sets for w in s}
    # Pseudo-counts in the format of context.txt: a unigram count P(w) * TOTAL, a bigram count
    # R * P(a) * P(b | a) * TOTAL (the scorer divides by R), a backoff weight 10^bo.
    p2 = {k: v for k, v in p2.items() if k[0] in vocab or k[1] in vocab}
    words = sorted(vocab | {a for a, _ in p2} | {b for _, b in p2})
    uni = {w: max(1, round(10 ** p1[w] * TOTAL)) for w in words}
    bo = {w: 10 ** bo10[w] for w in words if bo10[w] != 0.0}
    bi = {(a, b): max(1, round(R * 10 ** (p1[a] + v) * TOTAL)) for (a, b), v in p2.items()}
    bo2 = {k: float(f"{10 ** v:.6g}") for k, v in bo2_10.items()
           if k in bi and not args.bigrams_only}
    # Trigrams: those with a member of a set the model judges, their correction in natural log
    # rounded to a tenth (what the data stores); a correction that rounds to 0 is left out.
    judged = {w for s in sets if any(written(x) for x in s) for w in s}
    tri = {}
    for k, v in d3.items():
        if judged.intersection(k) and not args.bigrams_only:
            q = round(max(-12.7, min(12.7, v * math.log(10))), 1)
            if q != 0.0:
                tri[k] = q
    total = TOTAL
    floor = 1e30  # no cap: a missing bigram is the backoff estimate
    model = Model(uni, bi, floor, total, bo, bo2, tri)
    with open(args.report, "w") as rep:
        thresholds = calibrate(model, sets, wordnet_sentences(args.wordnet)
                               + heldout.calibration_half(args.heldout_data), rep)
    path = os.path.join(HERE, "context.txt")
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            "# Context model of the `confusable` rule: unigram, bigram and trigram statistics for\n"
            "# the members of the confusion sets in sets.txt, with each set's calibrated threshold.\n"
            "# Source: the US English language model of CMU PocketSphinx (en-us.lm.bin in the\n"
            "# PyPI package pocketsphinx 5.1.1; BSD-2-Clause, Copyright 1995-2014 Carnegie Mellon\n"
            "# University, 2014-2015 Alpha Cephei Inc.), its probabilities written as pseudo-\n"
            "# counts (P times 1e12; bigrams times R = 60). Thresholds calibrated on WordNet 3.0 glosses\n"
            "# and examples (WordNet licence, Princeton University) and on half of GCIDE (GPL-2+)\n"
            "# and BSD fortune (BSD): see build.py. Built by build.py; do not edit by hand.\n"
            "# Grammar: `N total floor` (unigram total; a cap on estimated bigram counts),\n"
            "# `U word count [backoff]` (backoff: the weight of a missing bigram after the word),\n"
            "# `B left right count [backoff]` (backoff: the weight of a missing trigram after the\n"
            "# two words), `G a b c correction` (a trigram: natural log of P(c | a b) over its\n"
            "# backed-off estimate bo(a b) P(c | b), to a tenth), `T level threshold [advice]\n"
            "# member ...` (report at `level` past `threshold`, as advice past `advice`).\n")
        out.write(f"N {total:.0f} {floor:.0f}\n")
        for w in words:
            out.write(f"U {w} {uni[w]}" + (f" {bo[w]:.6g}" if w in bo else "") + "\n")
        for (a, b), c in sorted(bi.items()):
            out.write(f"B {a} {b} {c}" + (f" {bo2[(a, b)]:.6g}" if (a, b) in bo2 else "") + "\n")
        for (a, b, c), v in sorted(tri.items()):
            out.write(f"G {a} {b} {c} {v:.1f}\n")
        for key, th, level, adv in thresholds:
            out.write(f"T {level} {th} " + (f"{adv} " if adv is not None else "") + f"{key}\n")
    print(f"wrote {path}: {len(words)} words, {len(bi)} bigrams, {len(tri)} trigrams, "
          f"{len(thresholds)} sets; "
          f"calibration report in {args.report}")


if __name__ == "__main__":
    main()
