#!/usr/bin/env python3
"""Propose verbs for the lexicon (data/lexicon.tsv) from a body of Vietnamese text.

An agency's name ends where its verb starts (`Sở Y tế chủ trì ...`), so the lexicon must know the verbs of
the documents. A word or two-word compound is taken for a verb when it follows, far more often than not, the
words that announce a verb (`phải`, `sẽ`, `đã`, `đang`, `cần`, `chưa`, `hãy`, `nhằm`, `tiếp tục`, `có trách
nhiệm`) rather than those that announce a noun (`các`, `những`, `mọi`, `của`, `một`, `mỗi`, `từng`).

    python3 scripts/mine_verbs.py DIR_OR_FILE...

It prints the candidates (phrase, verb-cue contexts, noun-cue contexts, whether the lexicon knows it). The
statistics are a proposal, not a verdict: syllables are counted one by one, so a compound cut in two
(`cần thiết`) or a portal's boilerplate repeated on every page shows up too. A person reads the list and adds
the verbs to the lexicon's Verbs section; phrases that look like verbs and are none go there tagged `not_verb`
so that the next run does not propose them again. The lexicon's verbs were reviewed this way from the
official documents of the bench archive (shared/corpus/bench/admin-docs.tsv) and the corpus.
"""
import collections
import functools
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEXICON = os.path.join(ROOT, "data", "lexicon.tsv")

VERB_CUES = ["phải", "sẽ", "đã", "đang", "cần", "chưa", "hãy", "nhằm", "tiếp tục", "có trách nhiệm"]
NOUN_CUES = ["các", "những", "mọi", "của", "một", "mỗi", "từng"]
# A candidate needs this many verb-cue contexts and this share of its cue contexts: the compounds are
# common and clear; single syllables are often nouns or particles too, so they need more evidence.
MIN_COUNT = {2: 8, 1: 40}
MIN_SHARE = {2: 0.85, 1: 0.95}
WORD = re.compile(r"[0-9A-Za-zÀ-ỹĐđ]+")
MOVES = [("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"), ("oè", "òe"), ("oé", "óe"),
         ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"), ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy")]


MOVABLE = re.compile("|".join(a for a, _ in MOVES))


@functools.lru_cache(maxsize=1 << 16)
def fold(w):
    """The lexicon's fold: lower case, one tone placement (src/lex/fold.rs)."""
    w = w.lower().replace("ð", "đ")
    if MOVABLE.search(w):
        for a, b in MOVES:
            w = re.sub(r"(?<!q)" + a + r"(?![a-zà-ỹđ])", b, w)
    return w


def files(args):
    for a in args:
        if os.path.isdir(a):
            for d, _, fs in sorted(os.walk(a)):
                for f in sorted(fs):
                    if f.endswith((".md", ".txt")):
                        yield os.path.join(d, f)
        else:
            yield a


def count(paths):
    verb = collections.Counter()
    noun = collections.Counter()
    # cues by their first word: most words start none
    cues = collections.defaultdict(list)
    for c in VERB_CUES:
        cues[c.split()[0]].append((tuple(c.split()), verb))
    for c in NOUN_CUES:
        cues[c.split()[0]].append((tuple(c.split()), noun))
    for p in paths:
        with open(p, encoding="utf-8", errors="replace") as f:
            text = unicodedata.normalize("NFC", f.read())
        for sentence in re.split(r"[.;:!?\n|()]+", text):
            ws = [fold(w) for w in WORD.findall(sentence)]
            for i, w in enumerate(ws):
                for cue, counter in cues.get(w, ()):
                    n = len(cue)
                    if tuple(ws[i:i + n]) == cue:
                        for k in (1, 2):
                            phrase = ws[i + n:i + n + k]
                            if len(phrase) == k and not any(w.isdigit() for w in phrase):
                                counter[" ".join(phrase)] += 1
    return verb, noun


def candidates(verb, noun, function_words):
    """The phrases that read as verbs. A compound must not start with a function word (`có đủ`, `được bảo` are
    a particle and what follows); a single syllable must not be mostly the first half of one compound (`củng`
    of `củng cố`): the compound is the verb."""
    firsts = collections.Counter()
    best_second = collections.Counter()
    for phrase, v in verb.items():
        ws = phrase.split()
        if len(ws) == 2:
            firsts[ws[0]] += v
            best_second[ws[0]] = max(best_second[ws[0]], v)
    out = []
    for phrase, v in verb.items():
        ws = phrase.split()
        k = len(ws)
        share = v / (v + noun[phrase])
        if v < MIN_COUNT[k] or share < MIN_SHARE[k] or ws[0] in function_words:
            continue
        if k == 1 and best_second[phrase] > 0.5 * v:
            continue
        out.append((phrase, v, noun[phrase]))
    return sorted(out)


def lexicon_rows():
    """(folded phrase, tags) of the rows of the lexicon outside the mined section."""
    rows = []
    section = None
    with open(LEXICON, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# ---"):
                section = line
            elif line.strip() and not line.startswith("#"):
                phrase, tags = line.split("\t")[:2]
                rows.append((fold(phrase), tags.split()))
    return rows


def known():
    return {p for p, _ in lexicon_rows()}


def function_words():
    """Words that open no compound verb: the cues, and the lexicon's stop words, adverbs and the phrases it says
    are no verbs."""
    words = set(w for c in VERB_CUES + NOUN_CUES for w in c.split())
    for p, tags in lexicon_rows():
        if len(p.split()) == 1 and any(t.split("=")[0] in ("stop", "not_verb", "adverb") for t in tags):
            words.add(p)
    return words | {"có", "được", "bị", "là", "và", "do", "tự", "cho", "không", "ai", "vào", "bằng", "ở", "như"}


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    verb, noun = count(files(args))
    have = known()
    no = {p for p, tags in lexicon_rows() if "not_verb" in tags}
    for p, v, n in candidates(verb, noun, function_words()):
        if p not in no:
            print(f"{p}\t{v}\t{n}\t{'known' if p in have else 'new'}")


if __name__ == "__main__":
    main()
