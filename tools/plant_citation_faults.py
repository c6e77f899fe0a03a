#!/usr/bin/env python3
"""Plant one citation fault per copy of real papers and measure what essaylint finds.

    python3 tools/plant_citation_faults.py [--bin target/release/essaylint] FOLDER [FOLDER ...]
    python3 tools/plant_citation_faults.py --self-test

For every paper (a .txt or .md file) of each FOLDER, and for every fault kind the paper allows,
one copy is written to a temporary folder with exactly one fault planted:

  no-entry     a works-cited entry that some citation matches is removed
               (expected: missing-reference at one of its citations)
  quote        a quotation with no citation is added to a body paragraph
               (expected: uncited-quote at the quotation)
  unused       every citation of one entry is removed (entries whose author is named nowhere
               else in the text)  (expected: unused-reference at the entry)
  style        one citation is rewritten in another style: author-date -> MLA (Surname page),
               MLA or numeric -> APA (Surname, year)  (expected: mixed-format at it)
  year         one citation's year is changed so no entry of that author has it
               (expected: missing-reference or citation-detail at it)
  author       one citation's author is misspelt against its entry
               (expected: missing-reference at it)

The planter reads citations and entries with its own regular expressions, not essaylint's, so a
paper essaylint misreads still gets its fault. `essaylint check --format json` is run on the
copies, and a fault counts as found when a diagnostic of the expected rule overlaps the planted
span (or lies within 40 bytes of it). Recall is shown twice: counting every diagnostic, and
counting only warnings and errors (advice is a suggestion, not a finding).

The unchanged papers are checked too: the citation warnings (category citations, severity
warning or error) per 1,000 words, and how many papers get one. `--show-misses N` and
`--show-warnings N` print that many missed faults and warnings with their context, to read.

Nothing is written outside the temporary folder; the papers are only read.
"""

import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata

KINDS = ["no-entry", "quote", "unused", "style", "year", "author"]
EXPECTED = {
    "no-entry": {"missing-reference"},
    "quote": {"uncited-quote"},
    "unused": {"unused-reference"},
    "style": {"mixed-format"},
    "year": {"missing-reference", "citation-detail"},
    "author": {"missing-reference"},
}
NEAR = 40

HEADING_RE = re.compile(
    r"^[ \t]*(?:[A-Z0-9]{1,3}[.:)]\s*|appendix\s+\w+\s*[:.]?\s*)?"
    r"(?:references?|works\s+cited|literature\s+cited|bibliography|works\s+consulted|"
    r"sources(?:\s+cited)?|resources|citations|literature)\b[^\n]{0,40}$",
    re.I | re.M,
)
YEAR = r"(?:1[5-9]\d\d|20[0-3]\d)"
NAME = r"[A-Z][A-Za-z\u00C0-\u024F'’\-]+"
# One part of a parenthetical group: "Smith, 2001, p. 4", "Smith & Lee 2001", "Smith et al., 2001".
AUTHOR_YEAR_RE = re.compile(
    r"^(?P<pre>(?:see also|see|e\.g\.,?|cf\.|i\.e\.,?)\s+)?"
    rf"(?P<auth>{NAME}(?:(?:,\s*|\s+)(?:and|&)\s+{NAME}|,\s+{NAME}(?=,)|\s+et\s+al\.?)*)"
    rf",?\s+(?P<year>{YEAR}[a-z]?)(?P<rest>(?:,\s*(?:pp?\.\s*)?\d+(?:[-–]\d+)?)?)$"
)
MLA_RE = re.compile(
    rf"^(?P<auth>{NAME}(?:\s+(?:and|&)\s+{NAME}|\s+et\s+al\.?)?),?\s+(?P<page>\d{{1,4}}(?:[-–]\d{{1,4}})?)$"
)
NARRATIVE_RE = re.compile(
    rf"\b(?P<auth>{NAME}(?:\s+(?:and|&)\s+{NAME}|\s+et\s+al\.?)?)(?:['’]s)?\s+\((?P<year>{YEAR}[a-z]?)(?:,\s*pp?\.\s*\d+)?\)"
)
GROUP_RE = re.compile(r"\(([^()\n]{3,250})\)")
NUMERIC_RE = re.compile(r"\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]")
ENTRY_AUTHOR_RE = re.compile(
    rf"^(?:\[?\d{{1,3}}[.)\]]?\s+)?(?P<sur>{NAME}(?:\s+(?:de|van|von|der|la|le|di|da|du|del)\s+{NAME})?)"
    r"(?=,|\s+[A-Z]{1,3}[.,\s]|\s+\(|\.)"
)
NOT_AUTHOR = {
    "figure", "table", "fig", "see", "appendix", "eq", "equation", "page", "chapter", "section",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "spring", "summer", "fall", "winter", "the", "in", "and",
    "for", "from", "since", "between", "until", "after", "before", "during", "about", "circa",
}
ABBREVIATIONS = {"e.g.", "i.e.", "al.", "vs.", "dr.", "mr.", "mrs.", "ms.", "st.", "cf.", "p.", "pp.",
                 "no.", "vol.", "fig.", "eq.", "ed.", "eds.", "etc.", "ca.", "jr.", "sr.", "u.s.", "(e.g.",
                 "(i.e.", "(cf.", "(see"}
INTROS = [
    'As one observer put it, "{q}."',
    'It has been argued that "{q}."',
    'One account describes the matter this way: "{q}."',
    'Critics have long insisted that "{q}."',
    '"{q}," one writer claims.',
    'In the words of a recent study, "{q}."',
]


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")


class Cite:
    """One source of an in-text citation: its character span in the text and what it names."""

    def __init__(self, start, end, kind, surname, year=None, page=None, group=None, auth_span=None):
        self.start, self.end = start, end
        self.kind = kind  # "ay" (author-date part), "mla", "narrative", "num"
        self.surname = surname
        self.year = year
        self.page = page
        self.group = group  # (start, end) of the whole parenthetical group, for parts
        self.auth_span = auth_span  # (start, end) of the surname


class Entry:
    def __init__(self, start, end, text, surname, year):
        self.start, self.end, self.text = start, end, text
        self.surname, self.year = surname, year


class Paper:
    """The body, the works-cited list and the citations, as the planter reads them."""

    def __init__(self, text):
        self.text = text
        self.list_start = len(text)
        self.entries = []
        self._find_list()
        self.cites = self._find_cites()
        self.family = self._family()

    def _find_list(self):
        t = self.text
        heads = [m for m in HEADING_RE.finditer(t) if m.start() > len(t) * 0.3]
        if not heads:
            return
        h = heads[-1]
        self.list_start = h.start()
        pos = h.end()
        for m in re.finditer(r"[^\n]+", t[pos:]):
            line = m.group(0)
            s = pos + m.start()
            e = pos + m.end()
            stripped = line.strip()
            if not stripped:
                continue
            if self.entries and (
                re.match(r"^(?:https?://|www\.|doi|retrieved)", stripped, re.I)
                or (not ENTRY_AUTHOR_RE.match(stripped) and not re.search(YEAR, stripped))
            ):
                last = self.entries[-1]
                last.end = e
                last.text = t[last.start : e]
                continue
            lead = len(line) - len(line.lstrip())
            body = re.sub(r"^\[?\d{1,3}[.)\]]?\s+", "", stripped)
            am = ENTRY_AUTHOR_RE.match(body)
            sur = am.group("sur") if am else None
            if sur and fold(sur) in NOT_AUTHOR:
                sur = None
            ym = re.search(rf"\b({YEAR})[a-z]?\b", body)
            self.entries.append(Entry(s + lead, e, stripped, sur, ym.group(1) if ym else None))

    def body(self):
        return self.text[: self.list_start]

    def _find_cites(self):
        body = self.body()
        out = []
        taken = []
        for g in GROUP_RE.finditer(body):
            inner = g.group(1)
            base = g.start(1)
            pos = 0
            for part in inner.split(";"):
                ps = base + pos + (len(part) - len(part.lstrip()))
                pe = base + pos + len(part.rstrip())
                pos += len(part) + 1
                p = part.strip()
                m = AUTHOR_YEAR_RE.match(p)
                if m:
                    sur = m.group("auth").split()[0].rstrip(",")
                    if fold(sur) in NOT_AUTHOR:
                        continue
                    a0 = ps + m.start("auth")
                    rest = m.group("rest") or ""
                    page = re.search(r"(\d+)\s*$", rest)
                    # "(Frankl 1984, 1971)": a second year, not a page.
                    if page and re.fullmatch(r",\s*" + YEAR, rest.strip()):
                        continue
                    out.append(
                        Cite(ps, pe, "ay", sur, m.group("year")[:4], page.group(1) if page else None,
                             (g.start(), g.end()), (a0, a0 + len(sur)))
                    )
                    taken.append((g.start(), g.end()))
                    continue
                m = MLA_RE.match(p)
                if m:
                    sur = m.group("auth").split()[0]
                    if fold(sur) in NOT_AUTHOR:
                        continue
                    out.append(Cite(ps, pe, "mla", sur, None, m.group("page"), (g.start(), g.end()),
                                    (ps, ps + len(sur))))
                    taken.append((g.start(), g.end()))
        for m in NARRATIVE_RE.finditer(body):
            if any(s <= m.start() < e for s, e in taken):
                continue
            sur = m.group("auth").split()[0]
            if fold(sur) in NOT_AUTHOR:
                continue
            out.append(Cite(m.start(), m.end(), "narrative", sur, m.group("year")[:4], None, None,
                            (m.start("auth"), m.start("auth") + len(sur))))
        for m in NUMERIC_RE.finditer(body):
            out.append(Cite(m.start(), m.end(), "num", None, None, None, (m.start(), m.end())))
        out.sort(key=lambda c: c.start)
        return out

    def _family(self):
        c = collections.Counter(
            {"ay": "ay", "narrative": "ay", "mla": "mla", "num": "num"}[x.kind] for x in self.cites
        )
        if not c:
            return None
        fam, n = c.most_common(1)[0]
        return fam if n >= 3 and n >= 0.8 * sum(c.values()) else None

    def entry_of(self, c):
        """The entry a citation names: same surname, and the same year when both have one."""
        if c.kind == "num":
            nums = re.findall(r"\d+", self.text[c.start : c.end])
            if len(nums) == 1 and 1 <= int(nums[0]) <= len(self.entries):
                return int(nums[0]) - 1
            return None
        hits = [
            i for i, e in enumerate(self.entries)
            if e.surname and fold(e.surname) == fold(c.surname)
            and (c.year is None or e.year is None or e.year == c.year)
        ]
        return hits[0] if len(hits) == 1 else None

    def same_surname(self, surname):
        return [i for i, e in enumerate(self.entries) if e.surname and fold(e.surname) == fold(surname)]


def byte_span(text, s, e):
    return len(text[:s].encode("utf-8")), len(text[:e].encode("utf-8"))


def sentences(text, start, end):
    """(start, end) of the sentences in text[start:end]."""
    out = []
    s = start
    for m in re.finditer(r"[.!?][\"”’)]?\s+(?=[A-Z\"“(])", text[start:end]):
        e = start + m.end()
        word = re.search(r"(\S*)$", text[start : start + m.start() + 1]).group(1).lower()
        if word in ABBREVIATIONS or re.fullmatch(r"\(?[a-z]\.", word) or "." in word[:-1]:
            continue
        out.append((s, e))
        s = e
    if s < end:
        out.append((s, end))
    return out


def has_cite_mark(s):
    """A bracket with a number in it, or a note number after a word or mark."""
    return bool(re.search(r"[(\[][^()\[\]]*\d[^()\[\]]*[)\]]|[a-z.,;:\"”’]\d{1,3}\b|[¹²³⁰-⁹]", s))


# ---- planting: each returns (new text, (start, end) char span expected, note) or None ----

def plant_no_entry(p, rng):
    cands = collections.defaultdict(list)
    for c in p.cites:
        if c.kind == "num":
            continue
        i = p.entry_of(c)
        if i is not None and len(p.same_surname(c.surname)) == 1:
            cands[i].append(c)
    if not cands:
        return None
    i = rng.choice(sorted(cands))
    e = p.entries[i]
    end = e.end
    while end < len(p.text) and p.text[end] == "\n":
        end += 1
    new = p.text[: e.start] + p.text[end:]
    spans = [(c.start, c.end) for c in cands[i]]
    return new, spans, f"removed entry {e.text[:60]!r}"


def plant_quote(p, rng, donors):
    body = p.body()
    paras = [m for m in re.finditer(r"[^\n]+", body) if len(m.group(0).split()) >= 40]
    if not paras or not donors:
        return None
    rng.shuffle(paras)
    for para in paras[:6]:
        sents = sentences(body, para.start(), para.end())
        slots = [
            k for k in range(len(sents))
            if not has_cite_mark(body[sents[k][0] : sents[k][1]])
            and (k + 1 >= len(sents) or not has_cite_mark(body[sents[k + 1][0] : sents[k + 1][1]]))
            and not (k > 0 and has_cite_mark(body[sents[k - 1][0] : sents[k - 1][1]]))
        ]
        if not slots:
            continue
        k = rng.choice(slots)
        q = rng.choice(donors)
        q = q[0].lower() + q[1:]
        intro = rng.choice(INTROS)
        sentence = intro.format(q=q)
        at = sents[k][0]
        ins = sentence + " "
        new = p.text[:at] + ins + p.text[at:]
        qs = at + sentence.index('"')
        qe = at + sentence.rindex('"') + 1
        return new, [(qs, qe)], f"added {sentence[:70]!r}"
    return None


def plant_unused(p, rng):
    body = p.body()
    by = collections.defaultdict(list)
    for c in p.cites:
        if c.kind in ("ay", "mla"):
            i = p.entry_of(c)
            if i is not None:
                by[i].append(c)
    narrative = {p.entry_of(c) for c in p.cites if c.kind in ("narrative", "num")}
    cands = []
    for i, cs in by.items():
        if i in narrative or len(p.same_surname(p.entries[i].surname)) != 1:
            continue
        inside = sum(1 for c in cs)
        anywhere = len(re.findall(r"\b" + re.escape(p.entries[i].surname) + r"\b", body))
        if anywhere == inside:
            cands.append(i)
    if not cands:
        return None
    i = rng.choice(sorted(cands))
    # Cut every citation of the entry, from the end so earlier offsets stay put.
    cuts = []
    for c in by[i]:
        gs, ge = c.group
        parts = [x for x in p.cites if x.group == c.group]
        if len(parts) == 1:
            s = gs
            while s > 0 and p.text[s - 1] == " ":
                s -= 1
            cuts.append((s, ge))
        else:
            inner = p.text[gs + 1 : ge - 1]
            rel_s, rel_e = c.start - gs - 1, c.end - gs - 1
            after = inner[rel_e:]
            if after.lstrip().startswith(";"):
                cuts.append((c.start, c.end + len(after) - len(after.lstrip()[1:].lstrip())))
            else:
                before = inner[:rel_s]
                k = before.rstrip().rfind(";")
                cuts.append((gs + 1 + k, c.end))
    new = p.text
    for s, e in sorted(set(cuts), reverse=True):
        new = new[:s] + new[e:]
    e = p.entries[i]
    at = new.find(e.text)
    if at < 0:
        return None
    return new, [(at, at + len(e.text))], f"removed {len(cuts)} citation(s) of {e.surname}"


def plant_style(p, rng):
    if p.family is None:
        return None
    cands = []
    for c in p.cites:
        if c.group is None or c.kind == "narrative":
            continue
        if sum(1 for x in p.cites if x.group == c.group) != 1:
            continue
        i = p.entry_of(c)
        if c.kind == "ay" and p.family == "ay":
            cands.append((c, f"({c.surname} {c.page or rng.randint(3, 240)})"))
        elif c.kind == "mla" and p.family == "mla" and i is not None and p.entries[i].year:
            cands.append((c, f"({c.surname}, {p.entries[i].year}, p. {c.page})"))
        elif c.kind == "num" and p.family == "num" and i is not None:
            e = p.entries[i]
            if e.surname and e.year:
                cands.append((c, f"({e.surname}, {e.year})"))
    if not cands:
        return None
    c, repl = rng.choice(cands)
    gs, ge = c.group
    new = p.text[:gs] + repl + p.text[ge:]
    return new, [(gs, gs + len(repl))], f"{p.text[gs:ge]!r} -> {repl!r}"


def plant_year(p, rng):
    cands = [c for c in p.cites if c.kind in ("ay", "narrative") and c.year and p.entry_of(c) is not None]
    if not cands:
        return None
    c = rng.choice(cands)
    years = {p.entries[i].year for i in p.same_surname(c.surname)}
    shifts = [d for d in (1, -1, 2, -2, 3, 10) if str(int(c.year) + d) not in years]
    y = str(int(c.year) + rng.choice(shifts[:4]))
    seg = p.text[c.start : c.end]
    k = seg.rfind(c.year)
    new = p.text[: c.start + k] + y + p.text[c.start + k + 4 :]
    return new, [(c.start, c.end)], f"{seg!r}: {c.year} -> {y}"


def misspell(name, rng):
    """A one-edit misspelling of a surname: two inner letters swapped, one doubled or dropped."""
    if len(name) < 4:
        return None
    inner = [i for i in range(1, len(name) - 1) if name[i].isalpha() and name[i + 1].isalpha()]
    if not inner:
        return None
    i = rng.choice(inner)
    how = rng.choice(["swap", "double", "drop"])
    if how == "swap" and name[i] != name[i + 1]:
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    if how == "double":
        return name[: i + 1] + name[i] + name[i + 1 :]
    return name[:i] + name[i + 1 :]


def plant_author(p, rng):
    cands = [
        c for c in p.cites
        if c.kind != "num" and p.entry_of(c) is not None and len(c.surname) >= 4
    ]
    if not cands:
        return None
    c = rng.choice(cands)
    wrong = None
    for _ in range(10):
        w = misspell(c.surname, rng)
        if w and w != c.surname and fold(w) not in {fold(e.surname or "") for e in p.entries} \
                and w not in p.text:
            wrong = w
            break
    if wrong is None:
        return None
    a, b = c.auth_span
    new = p.text[:a] + wrong + p.text[b:]
    return new, [(c.start, c.end + len(wrong) - len(c.surname))], f"{c.surname} -> {wrong}"


def donor_sentences(texts):
    """Sentences to quote: plain sentences of 10 to 24 words from the papers, without marks."""
    out = []
    for t in texts:
        for s, e in sentences(t, 0, len(t)):
            x = t[s:e].strip()
            if (
                10 <= len(x.split()) <= 24
                and x.endswith(".")
                and not re.search(r"[\"“”()\[\]:;\d]", x)
                and "\n" not in x
            ):
                out.append(x[:-1])
    return out


def plant(kind, p, rng, donors):
    f = {
        "no-entry": plant_no_entry,
        "unused": plant_unused,
        "style": plant_style,
        "year": plant_year,
        "author": plant_author,
    }
    if kind == "quote":
        return plant_quote(p, rng, donors)
    if kind in ("no-entry", "unused", "year", "author") and not p.entries:
        return None
    return f[kind](p, rng)


# ---- running essaylint ----

def lint(binary, folder, names):
    out = {}
    for k in range(0, len(names), 300):
        chunk = [os.path.join(folder, n) for n in names[k : k + 300]]
        r = subprocess.run([binary, "check", "--format", "json", *chunk], capture_output=True, text=True)
        if r.returncode not in (0, 1):
            sys.exit(f"essaylint exited {r.returncode}: {r.stderr[-800:]}")
        for f in json.loads(r.stdout)["files"]:
            out[os.path.basename(f["path"])] = f["diagnostics"]
    return out


def found(diags, rules, spans_bytes, warn_only):
    for d in diags:
        if d["rule"] not in rules:
            continue
        if warn_only and d["severity"] not in ("warning", "error"):
            continue
        s, e = d["span"]["start"], d["span"]["end"]
        for a, b in spans_bytes:
            if s < b + NEAR and a - NEAR < e:
                return True
    return False


def context(text, s, e, width=90):
    a = max(0, s - width)
    return (text[a:s] + "[[" + text[s:e] + "]]" + text[e : e + width]).replace("\n", " / ")


def measure(args):
    papers = []
    for folder in args.folders:
        for n in sorted(os.listdir(folder)):
            if n.endswith((".txt", ".md")):
                with open(os.path.join(folder, n), encoding="utf-8", errors="replace") as f:
                    papers.append((os.path.basename(os.path.normpath(folder)) + "_" + n, f.read()))
    if not papers:
        sys.exit("no .txt or .md papers in " + ", ".join(args.folders))
    kinds = args.kinds.split(",") if args.kinds else KINDS
    donors = donor_sentences([t for _, t in papers])
    with tempfile.TemporaryDirectory() as tmp:
        clean_dir = os.path.join(tmp, "clean")
        plant_dir = os.path.join(tmp, "planted")
        os.makedirs(clean_dir)
        os.makedirs(plant_dir)
        for n, t in papers:
            with open(os.path.join(clean_dir, n), "w", encoding="utf-8") as f:
                f.write(t)
        planted = {}
        for pi, (n, t) in enumerate(papers):
            p = Paper(t)
            for kind in kinds:
                rng = random.Random(f"{args.seed}:{n}:{kind}")
                # Donor sentences from other papers only.
                r = plant(kind, p, rng, [d for d in donors if d not in t])
                if r is None:
                    continue
                new, spans, note = r
                name = f"{kind}__{n}"
                with open(os.path.join(plant_dir, name), "w", encoding="utf-8") as f:
                    f.write(new)
                planted[name] = (kind, new, [byte_span(new, a, b) for a, b in spans], spans, note)
        res = lint(args.bin, plant_dir, sorted(planted)) if planted else {}
        if args.keep:
            os.makedirs(args.keep, exist_ok=True)
            for name, (_, new, *_rest) in planted.items():
                with open(os.path.join(args.keep, name), "w", encoding="utf-8") as f:
                    f.write(new)
        clean = lint(args.bin, clean_dir, [n for n, _ in papers])
    tot = collections.Counter()
    hit_any = collections.Counter()
    hit_warn = collections.Counter()
    misses = collections.defaultdict(list)
    for name, (kind, new, bspans, spans, note) in sorted(planted.items()):
        ds = res.get(name, [])
        tot[kind] += 1
        a = found(ds, EXPECTED[kind], bspans, False)
        w = found(ds, EXPECTED[kind], bspans, True)
        hit_any[kind] += a
        hit_warn[kind] += w
        if not w:
            misses[kind].append((name, new, spans, note, a))
    print(f"{len(papers)} papers; one fault planted per copy")
    print(f"  {'kind':10s} {'copies':>6s} {'any level':>10s} {'warning+':>10s}")
    for kind in kinds:
        n = tot[kind]
        if n:
            print(f"  {kind:10s} {n:6d} {hit_any[kind] / n:10.2f} {hit_warn[kind] / n:10.2f}")
        else:
            print(f"  {kind:10s} {0:6d}          -          -")
    words = sum(len(t.split()) for _, t in papers)
    warns = []
    for n, t in papers:
        b = t.encode("utf-8")
        for d in clean.get(n, []):
            if d["category"] == "citations" and d["severity"] in ("warning", "error"):
                warns.append((n, t, b, d))
    per = collections.Counter(d["rule"] for *_, d in warns)
    print(
        f"unchanged papers: {words} words, {len(warns)} citation warnings = "
        f"{1000 * len(warns) / max(words, 1):.2f} per 1,000 words; "
        f"{len({w[0] for w in warns})} of {len(papers)} papers get one"
    )
    for r, k in per.most_common():
        print(f"  {r:20s} {k}")
    if args.show_misses:
        for kind in kinds:
            for name, new, spans, note, a in misses[kind][: args.show_misses]:
                s, e = spans[0]
                lvl = " (found as advice)" if a else ""
                print(f"MISS {kind} {name}{lvl}: {note}\n    {context(new, s, e)}")
    if args.show_warnings:
        rng = random.Random(args.seed)
        sample = warns if len(warns) <= args.show_warnings else rng.sample(warns, args.show_warnings)
        for n, t, b, d in sample:
            s = len(b[: d["span"]["start"]].decode("utf-8", "replace"))
            e = len(b[: d["span"]["end"]].decode("utf-8", "replace"))
            print(f"WARN {d['rule']} {n}: {d['message'][:120]}\n    {context(t, s, e)}")


# ---- self-test ----

SAMPLE = """Why Bees Matter

Bees pollinate most crops, and their decline worries farmers across the country (Smith, 2001). Some argue the cause is pesticides (Jones & Lee, 2010, p. 4). Others point to mites (Brown, 1999; Smith, 2001). The debate has gone on for decades and shows little sign of ending soon, though every side agrees that the matter is urgent and that the evidence gathered so far is thin.

Garcia (2015) found that hives near cities did better. Farmers, for their part, rarely read the studies at all, which is a pity because the studies are short and the advice in them is practical and cheap to follow in the field.

Keeping bees is an old craft. A keeper opens the hive in spring and checks the brood. She looks for the queen and counts the frames of honey. In summer the work is mostly watching and waiting for the flow. In autumn the honey is taken and the hive is readied for the long cold months ahead.

References

Brown, A. (1999). Mites and hives. Bee Journal, 3, 1-10.

Garcia, M. (2015). Urban bees. City Press.

Jones, K., & Lee, P. (2010). Pesticides. Farm Review, 12, 40-55.

Smith, J. (2001). The decline of bees. Nature, 5, 100-110.
"""


def self_test():
    p = Paper(SAMPLE)
    assert [e.surname for e in p.entries] == ["Brown", "Garcia", "Jones", "Smith"], [e.surname for e in p.entries]
    assert [e.year for e in p.entries] == ["1999", "2015", "2010", "2001"]
    got = [(c.kind, c.surname, c.year) for c in p.cites]
    assert got == [
        ("ay", "Smith", "2001"), ("ay", "Jones", "2010"), ("ay", "Brown", "1999"),
        ("ay", "Smith", "2001"), ("narrative", "Garcia", "2015"),
    ], got
    assert p.family == "ay"
    assert all(p.entry_of(c) is not None for c in p.cites)
    donors = ["the hive is a machine for turning flowers into honey and wax"]
    for kind in KINDS:
        planted = None
        for seed in range(20):
            planted = plant(kind, p, random.Random(seed), donors)
            if planted:
                break
        assert planted, kind
        new, spans, note = planted
        assert new != SAMPLE, kind
        for s, e in spans:
            assert 0 <= s < e <= len(new), (kind, s, e)
        q = Paper(new)
        if kind == "no-entry":
            assert len(q.entries) == 3, note
        elif kind == "unused":
            assert len(q.entries) == 4 and len(q.cites) < len(p.cites), note
            cited = {fold(c.surname) for c in q.cites}
            assert any(fold(e.surname) not in cited for e in q.entries), note
        elif kind == "quote":
            assert new[spans[0][0]] == '"' and new[spans[0][1] - 1] == '"', note
        elif kind == "style":
            assert re.fullmatch(r"\([A-Z][a-z]+ \d+\)", new[spans[0][0] : spans[0][1]]), note
        elif kind == "year":
            assert sum(1 for c in q.cites if q.entry_of(c) is None) == 1, note
        elif kind == "author":
            assert sum(1 for c in q.cites if not q.same_surname(c.surname)) == 1, note
    assert misspell("Garcia", random.Random(1)) != "Garcia"
    # Numeric papers: "[2]" names the second entry.
    n = Paper("Intro text here and more.\n\n" + "Bees matter [1]. Mites hurt [2]. Cities help [2].\n\n"
              "Literature Cited\n\n1. Brown A. 1999. Mites. Bee J 3: 1-10.\n2. Garcia M. 2015. Urban bees.\n")
    assert [e.surname for e in n.entries] == ["Brown", "Garcia"], [e.surname for e in n.entries]
    assert [n.entry_of(c) for c in n.cites] == [0, 1, 1]
    assert n.family == "num"
    print("self-test passed")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="*")
    ap.add_argument("--bin", default="target/release/essaylint")
    ap.add_argument("--kinds", help="comma-separated subset of " + ",".join(KINDS))
    ap.add_argument("--seed", default="1")
    ap.add_argument("--show-misses", type=int, default=0, metavar="N")
    ap.add_argument("--show-warnings", type=int, default=0, metavar="N")
    ap.add_argument("--keep", metavar="DIR", help="also write the planted copies to DIR, to read")
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args()
    if args.self_test:
        self_test()
        return
    if not args.folders:
        ap.error("give at least one folder of papers")
    measure(args)


if __name__ == "__main__":
    main()
