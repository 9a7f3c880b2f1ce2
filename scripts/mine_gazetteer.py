#!/usr/bin/env python3
"""Mine an agency gazetteer from real documents: agency names, their head words and qualifiers, abbreviations.

    .venv/bin/python scripts/mine_gazetteer.py                      # corpus + bench archive -> data/gazetteer/
    .venv/bin/python scripts/mine_gazetteer.py --bench none         # the vendored corpus only
    .venv/bin/python scripts/mine_gazetteer.py --out /tmp/gz        # somewhere else

Needs the vanban extension (`bash scripts/setup.sh --build-only`). Deterministic: the same input gives
byte-identical files (everything is sorted; no clock, no hash order, no randomness).

Where the names come from (each place is a part of the document grammar, see vn-document-format.md):
- issuer: the top-left cell of the header (`UBND TỈNH QUẢNG BÌNH` / `SỞ NỘI VỤ`), split into its bodies;
- signature: the authority lines of the closing (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`) and the title line;
- recipient: the `Nơi nhận:` list (vanban's metadata.recipients) and the `Kính gửi:` list;
- portal: the legal portal's own `Nơi ban hành:` field and its `... do X ban hành` trailer;
- cited: the issuer of a document the text cites (vanban's references: `Quyết định số ... của Bộ Tài chính`);
- body: a name found again in the running text (counted, never mined from free text).

The vocabulary (head words, qualifiers) is learnt from the names themselves, by evidence: how many documents
show it and how many different words it combines with. The thresholds are the named constants below.

Decisions about one document (how a header cell splits, how a recipient item splits) use only that document
and the vocabulary; cross-document evidence enters only through count thresholds. So running the miner on a
subset of the documents gives a subset of the keys (tests/test_gazetteer.py checks this on the corpus).
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import os
import pickle
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "docs"
DEFAULT_BENCH = Path("/tmp/vanban-bench/dataset")
DEFAULT_OUT = ROOT / "data" / "gazetteer"

# ---------------------------------------------------------------------------------------------------------
# Thresholds (evidence). Each is a count of distinct documents (after removing duplicate pages) unless said.

#: A name is kept when it is seen in at least this many documents in the structural places (issuer, signature,
#: recipient, portal, cited) ... (a name printed once may be a typo or a list glued together)
MIN_NAME_DOCS = 2
#: ... or once in a list place (header, signature, recipients), when it is found again in the running text of
#: this many documents (a real agency is talked about; a garbled list item is not).
MIN_BODY_DOCS_SINGLE = 2
#: A name met only in running text (the issuer of a cited document, the subject of a duty) needs this many
#: documents: its end is found by a parse of free text (`Bộ Tài chính tham gia ý kiến`, `Chính phủ vừa`).
MIN_FREE_TEXT_DOCS = 2
#: A name that opens with no head word (`Chính phủ`, `Quốc hội`) must be seen in this many documents in the
#: places that name issuers (header, signature authority, portal field, cited issuer): recipient lists
#: alone also hold `Như trên` and `Lưu: VT`.
MIN_HEADLESS_ISSUER_DOCS = 2
#: A head word must open names in this many documents ...
MIN_HEAD_DOCS = 4
#: ... and be followed by this many different words (a head opens many names; `Như` opens `Như trên` and
#: `Như Điều 3`, but those are rejected because `Như` names nothing in a header or signature or text).
MIN_HEAD_BRANCHES = 3
#: A head and the capitalised word group after it (`Bộ Chỉ huy`) is a head of its own when it is followed by
#: this many different capitalised words that open no head (`Quân sự`, `Bộ đội`, `Pháo binh`); a full name
#: (`Sở Tư pháp`) is followed by qualifiers, and `Vụ Pháp chế Bộ Tư pháp` by its parent body.
MIN_EXT_BRANCHES = 3
#: A qualifier (a lower-case tail such as `tỉnh`, `có liên quan`) must end names in this many documents ...
MIN_QUALIFIER_DOCS = 4
#: ... after this many different names (`Sở Tư pháp tỉnh`, `Công an tỉnh`, ...), of which this many are seen
#: as names without it (a tail that cuts a word in two, `Sở Tư pháp` / `Hội đồng quốc | gia`, leaves none) ...
MIN_QUALIFIER_LEFT = 4
MIN_QUALIFIER_STANDALONE = 1
#: ... and be followed by punctuation or a capitalised word in this share of its uses in the running text (a
#: qualifier ends a name or goes on with a place; `phải`, met before `chịu trách nhiệm`, goes on with a verb).
MIN_QUALIFIER_PUNCT_SHARE = 0.15
#: A word that follows the same word in this share of its (at least this many) uses in names is the second
#: syllable of a compound (`thành phố`, `chính phủ`), never the start of a qualifier.
COMPOUND_SHARE = 0.6
COMPOUND_MIN_USES = 5
#: Without signature evidence, a head names an office-holder when at least this share of its names (and this
#: many) go on with a body (`Thủ trưởng các sở`, `Người đứng đầu cơ quan`); a body is followed by its own
#: name (`Sở Tư pháp`).
OFFICE_FOLLOWED_SHARE = 0.5
OFFICE_MIN_NAMES = 3
#: ... and it ends at most this share of names: a body also ends names (`Thường trực Đảng ủy`, `Văn phòng Tỉnh
#: ủy`), an office-holder needs the body it heads (`Người đứng đầu` never ends a name).
OFFICE_MAX_ENDS_SHARE = 0.2
#: A name longer than this many words is a sentence, not a name.
MAX_NAME_WORDS = 20
#: An abbreviation met only in names printed both ways (`Văn phòng UBND tỉnh` / `Văn phòng Ủy ban nhân dân
#: tỉnh`) needs this many such pairs, unless both names of a pair are kept.
MIN_ABBREV_PAIRS = 2

# ---------------------------------------------------------------------------------------------------------
# Text normalisation (vn-document-format.md §9)

_LOOKALIKES = (("Ð", "Đ"), ("ð", "đ"), ("Ɖ", "Đ"), ("ɖ", "đ"), ("\u00a0", " "), ("\u200b", ""), ("\ufeff", ""))
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _tone_pairs() -> dict[str, str]:
    """`oà` -> `òa` for every tone and case of the open syllables oa, oe, uy (§9.3)."""
    pairs = {}
    for first, second in [("o", "a"), ("o", "e"), ("u", "y")]:
        for f in (first, first.upper()):
            for s in (second, second.upper()):
                for tone in sorted(_TONES):
                    last_toned = unicodedata.normalize("NFC", s + tone)
                    first_toned = unicodedata.normalize("NFC", f + tone)
                    pairs[f + last_toned] = first_toned + s
    return pairs


_TONE_PAIRS = _tone_pairs()
# the pair at a syllable end (no letter after), not after q (quý keeps its tone on y)
_TONE_RE = re.compile(r"(?<![qQ])([oOuU][" + "".join(sorted({p[1] for p in _TONE_PAIRS})) + r"])(?!\w)")


def canon_tone(s: str) -> str:
    """Tone on the main vowel in open oa/oe/uy syllables: `hoà` -> `hòa`, `Uỷ` -> `Ủy`; `quý`, `hoàn` unchanged."""
    return _TONE_RE.sub(lambda m: _TONE_PAIRS.get(m.group(1), m.group(1)), s)


_ESCAPES_NOTES = re.compile(r"\\(?=[^\w\s])|\[\d+\]")


def clean(s: str) -> str:
    """NFC, Đ lookalikes, markdown emphasis, escapes and footnote marks removed, spaces collapsed, tones
    canonical."""
    s = unicodedata.normalize("NFC", s)
    for a, b in _LOOKALIKES + (("*", ""), ("`", "")):
        if a in s:
            s = s.replace(a, b)
    if "\\" in s or "[" in s:
        s = _ESCAPES_NOTES.sub("", s)
    return canon_tone(" ".join(s.split()))


_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")


def tokens(s: str) -> list[str]:
    """Words (runs of letters and digits) and single punctuation marks."""
    return _TOKEN.findall(s)


def key_of(tok: list[str] | tuple[str, ...]) -> str:
    """The canonical key of a name: its tokens, case-folded, joined by single spaces."""
    return " ".join(t.casefold() for t in tok)


def is_word(t: str) -> bool:
    return t[:1].isalpha()


def is_lower(t: str) -> bool:
    return t[:1].isalpha() and t[:1].islower()


def is_capital(t: str) -> bool:
    """A capitalised word (`Tư`), not an acronym."""
    return t[:1].isupper() and (len(t) == 1 or t[1:].islower())


def is_acronym(t: str) -> bool:
    """`UBND`, `HĐND`, `TP`, `CTr`: two or more letters with at least two capitals, not a syllable in capitals
    (`TỈNH`)."""
    return t.isalpha() and len(t) >= 2 and sum(c.isupper() for c in t) >= 2 and not (t.isupper() and is_syllable(t))


_SYLLABLE = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?$")


def is_syllable(t: str) -> bool:
    """Spelled as one Vietnamese syllable (`TỈNH`, `ương`), which an abbreviation (`UBND`, `TT`) is not."""
    base = "".join(c for c in unicodedata.normalize("NFD", t.lower()) if not unicodedata.combining(c) or c in "\u0306\u0302\u031b")
    base = unicodedata.normalize("NFC", base)
    return bool(_SYLLABLE.match(base))


def upper_ratio(s: str) -> float:
    letters = [c for c in s if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


# ---------------------------------------------------------------------------------------------------------
# Collection: what each document says in the places that name agencies

SOURCES = ("issuer", "signature", "recipient", "portal", "cited", "duty", "body")
#: The places whose names count towards keeping a name (the portal's field often gives the province, `Tỉnh Hà
#: Tĩnh`, rather than a body, so it only adds to the counts).
ADMITTING = ("issuer", "signature", "recipient", "cited", "duty")
#: The places whose names are read from running text.
FREE_TEXT_SOURCES = ("cited", "duty")
#: The places whose names are delimited by the layout (a line, a list item, a cell).
LIST_SOURCES = ("issuer", "signature", "recipient")
#: The places that show a name opening with no head word (`Chính phủ`, `Quốc hội`) is a body: the header and
#: the signature.
HEADLESS_SOURCES = ("issuer", "signature")

MOTTO = re.compile(r"^(CỘNG H[OÒ]À|CỘNG HÒA|ĐẢNG CỘNG SẢN|Độc lập|ĐỘC LẬP|VIỆT NAM$)", re.I)
SO_LINE = re.compile(r"^(?:(?:Luật|Bộ luật|Nghị quyết|Nghị định|Quyết định)\s+)?số\b", re.I)
DATE_LINE = re.compile(r"\bngày\b.*\b(tháng|năm|\d{4})\b|,\s*ngày\b", re.I)
AUTHORITY = re.compile(r"^(TM|KT|TL|TUQ|TƯQ|Q|T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|T\s*/\s*UQ)\s*[./]?\s*(?=\w)(.+)$")
RECIPIENTS_HEAD = re.compile(r"^(Nơi nhận|NƠI NHẬN)\s*:?", re.I)
KINH_GUI = re.compile(r"^Kính gửi\s*:?\s*(.*)$", re.I)
PORTAL_FIELD = re.compile(r"^Nơi ban hành\s*:\s*$")
PORTAL_TRAILER = re.compile(r"\sdo\s+(.+?)\s+ban hành\s*$")
BULLET = re.compile(r"^[-–—+•·▪]+\s*")
# a purpose note after a recipient, with or without brackets: `(để b/c)`, `để thực hiện`, `b/c`
NOTE_TAIL = re.compile(r"\s+(?:để\s.*|[a-zđA-ZĐ]{1,4}\s*/\s*[a-zđA-ZĐ]{1,4}\.?)$")
PARENS = re.compile(r"\(([^()]*)\)")
#: The cues after the subject of a duty (§7b: `<ORG> chủ trì`, `<ORG> có trách nhiệm`, `chịu trách nhiệm`) and
#: the openers that hand it the duty (`Giao <ORG> chủ trì`, `Đề nghị <ORG>`, `Yêu cầu <ORG>`).
DUTY = re.compile(
    r"^(?:(?:Giao|Đề nghị|Yêu cầu|Chỉ đạo)\s+)?(?!(?:Có|Chịu) trách nhiệm|Chủ trì)(?P<subj>\S.{2,200}?)\s+(?:có trách nhiệm|chịu trách nhiệm|chủ trì)\b"
)
#: A list marker at the start of a paragraph (`1.`, `a)`, `-`, `IV.`, `2.1.`).
MARKER = re.compile(r"^(?:[-+•–]\s*|\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ]|[IVXLC]{1,6})\s*[.)/-]\s+)+")
SENTENCE_END = re.compile(r"(?<=[.;!?:])\s+(?=[A-ZĐÀ-Ỹ])")


@dataclass
class Doc:
    """One document's candidate names by source, and its running text for the body counts."""

    path: str
    digest: str
    mentions: list[tuple[str, str]] = field(default_factory=list)  # (source, raw name)
    header_upper: list[str] = field(default_factory=list)  # the issuer cell's lines, upper case, in order
    authorities: list[tuple[str, str]] = field(default_factory=list)  # (prefix, upper-case target)
    titles: list[str] = field(default_factory=list)  # signer title lines
    text: str = ""  # running text (no header, closing, chrome), cleaned
    place: str | None = None


def node_lines(text: str) -> list[str]:
    out = []
    for raw in text.split("\n"):
        for cell in raw.split("|"):
            c = clean(cell)
            if c:
                out.append(c)
            out.append("|")  # a cell boundary
        out.pop()
        out.append("\n")
    return out


def header_issuer_lines(header: str) -> list[str]:
    """The upper-case lines of the header's first cell, before the motto, the number and the date."""
    lines: list[str] = []
    for c in node_lines(header):
        if c in ("|", "\n"):
            if c == "|" and lines:
                break
            continue
        if set(c) <= set("-–—_=*. /"):
            continue
        if MOTTO.match(c) or SO_LINE.match(c) or DATE_LINE.search(c) or c.startswith(("V/v", "V/V", "Về việc")):
            if lines:
                break
            continue
        if upper_ratio(c) < 0.8:
            if lines:
                break
            continue
        lines.append(c.strip(" -–*/"))
    return [l for l in lines if l]


def closing_parts(closing: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(authority prefix, target) pairs and the signer's title lines, from the closing's raw lines. A target
    cut after a comma goes on over the next line (`KT. TRƯỞNG BAN CHÍNH SÁCH,` / `THUẾ QUỐC TẾ`)."""
    auths: list[tuple[str, str]] = []
    titles: list[str] = []
    raw: list[str] = []
    for l in closing.split("\n"):
        # `**KT. TRƯỞNG BAN NGHIỆP VỤ` / `THUẾ HQ**`: a line wrapped inside its emphasis is one line
        if raw and raw[-1].count("**") % 2 == 1:
            raw[-1] += " " + l
        else:
            raw.append(l)
    lines = [clean(l).strip("| ") for l in raw]
    lines = [l for l in lines if l]
    after_auth = False
    i = 0
    while i < len(lines):
        l = lines[i]
        i += 1
        m = AUTHORITY.match(l)
        if m and upper_ratio(m.group(2)) > 0.8:
            prefix = re.sub(r"\s|/", "", m.group(1)).upper()
            target = m.group(2).strip(" .")
            while target.endswith(",") and i < len(lines) and upper_ratio(lines[i]) > 0.8 and not AUTHORITY.match(lines[i]):
                target += " " + lines[i]
                i += 1
            auths.append((prefix, target.strip(" ,.")))
            after_auth = True
            continue
        if after_auth:
            if upper_ratio(l) > 0.8 and not l.startswith("(") and len(l.split()) <= 8:
                titles.append(l.strip(" ,."))
                continue
            break
    # the signer's title is the line just above the name; lines before it are an authority wrapped
    return auths, titles[-1:]


def kinh_gui_items(text: str) -> list[str]:
    """The addressees after `Kính gửi:`: the rest of its line with lower-case continuation lines, or the bullet
    lines under it."""
    out: list[str] = []
    if not re.search(r"(?i)kính\s+gửi", text):
        return out
    lines = text.split("\n")
    for i, raw in enumerate(lines):
        if "gửi" not in raw.casefold():
            continue
        c = clean(raw)
        m = KINH_GUI.match(c)
        if not m:
            continue
        rest = m.group(1).strip()
        j = i + 1
        if rest:
            item = rest
            while j < len(lines):
                nxt = clean(lines[j])
                if not nxt or item.endswith((".", ";", ",")):
                    break
                # a wrapped name goes on in lower case, or with the rest of a capitalised place (`Hà` / `Tĩnh`)
                wrapped_place = is_capital(item.split()[-1]) and len(nxt.split()) <= 2 and not nxt.endswith(":")
                if not (is_lower(nxt.split()[0]) or wrapped_place):
                    break
                item += " " + nxt
                j += 1
            out.append(item)
        while j < len(lines):
            nxt = clean(lines[j])
            j += 1
            if not nxt:
                if out and j - i > 2:
                    continue
                continue
            if not BULLET.match(nxt):
                break
            out.append(nxt)
    return out


def portal_values(chrome: str, tail: str) -> list[str]:
    out = []
    lines = [clean(l).strip("| ") for l in chrome.split("\n")]
    lines = [l for l in lines if l]
    for i, l in enumerate(lines):
        if PORTAL_FIELD.match(l) and i + 1 < len(lines):
            out.append(lines[i + 1])
    for l in tail.split("\n"):
        m = PORTAL_TRAILER.search(clean(l))
        if m:
            out.append(m.group(1))
    return out


def paragraphs(node) -> list[str]:
    """The paragraph leaves under a node, cleaned, in order (tables left out)."""
    out = []
    stack = [node]
    while stack:
        n = stack.pop()
        if n.kind == "table_row":
            continue
        if n.is_leaf:
            if n.kind == "paragraph":
                out.append(clean(n.text))
            continue
        stack.extend(reversed(n.children))
    return out


def duty_subjects(paras: list[str]) -> list[str]:
    """The subjects of duty clauses at the start of a sentence (`Sở Tư pháp có trách nhiệm ...`, `Giao Sở
    Nội vụ chủ trì ...`)."""
    out = []
    for p in paras:
        for sentence in SENTENCE_END.split(MARKER.sub("", p)):
            m = DUTY.match(MARKER.sub("", sentence))
            if m and m.group("subj")[0].isupper():
                out.append(m.group("subj"))
    return out


def collect(paths: list[str], workers: int) -> list[Doc]:
    import vanban

    docs: list[Doc] = []
    seen: set[str] = set()
    for d in vanban.parse_many(paths, workers=workers):
        if isinstance(d, vanban.ParseFailure):
            print(f"skipped: {d.message}", file=sys.stderr)
            continue
        digest = hashlib.sha256("".join(d.text.split()).encode()).hexdigest()
        if digest in seen:  # the same page twice (the bench archive holds copies; the corpus overlaps it)
            continue
        seen.add(digest)
        doc = Doc(path=d.path, digest=digest)
        m = d.metadata
        running, chrome, tail, official = [], [], [], []
        closing_seen = False
        for n in d.root.children:
            if n.kind == "header":
                doc.header_upper = header_issuer_lines(n.text)
                for item in kinh_gui_items(n.text):
                    doc.mentions.append(("recipient", item))
            elif n.kind == "closing":
                closing_seen = True
                a, t = closing_parts(n.text)
                doc.authorities += a
                doc.titles += t
            elif n.kind == "chrome":
                chrome.append(n.text)
            elif n.kind != "trivia":
                running.append(n.text)
                if closing_seen:
                    tail.append(n.text)
                official.append(n)
        if any(n.kind in ("header", "closing") for n in d.root.children):
            # an official document: its duty clauses name agencies (in an encyclopedia page or a legal Q&A
            # they name people: `Người lao động`, `Người bệnh`)
            for n in official:
                for subj in duty_subjects(paragraphs(n)):
                    doc.mentions.append(("duty", subj))
        for item in kinh_gui_items("\n".join(running)):
            doc.mentions.append(("recipient", item))
        for r in m.recipients:
            doc.mentions.append(("recipient", r))
        for v in portal_values("\n".join(chrome), "\n".join(tail)):
            doc.mentions.append(("portal", v))
        for ref in d.references:
            if ref.issuer:
                doc.mentions.append(("cited", ref.issuer))
        doc.text = clean("\n".join(running))
        doc.place = clean(m.place) if m.place else None
        docs.append(doc)
    return docs


# ---------------------------------------------------------------------------------------------------------
# Names: cleaning list items, learning heads and qualifiers, splitting lists

#: Plural determiners: a grammar word class (closed), not vocabulary. `các X` opens a class of agencies.
DETERMINERS = ("các", "những", "mọi", "tất cả")
#: Conjunctions and prepositions (closed grammar classes): they join names or tie a name to its parent, so a
#: head word never runs on over them (`Báo | và Đài`, `Cổng thông tin điện tử | của Bộ`).
FUNCTION_WORDS = ("và", "của", "thuộc", "trực", "về", "tại", "ở", "trên", "cho", "với", "theo")
#: The term of an elected body (`Quốc hội khóa XV`, §7): not part of the body's name.
TERM = re.compile(r"\s*\(?\bkh[oó]a\s+[IVXLC]+\b\)?", re.I)
#: The first words of the two Nơi nhận items that name no recipient (§1: `- Như Điều 3;` ... `- Lưu: VT`).
LIST_CHROME = ("như", "lưu")


def strip_item(raw: str) -> list[str]:
    """A recipient item without its bullet, notes and archive mark. Before a colon is the name: `VPUB: CVP,
    PCVP` is `VPUB` (the officers after the colon belong to it), `Các Bộ: Tài chính, Văn hóa, Thể thao và Du
    lịch` is `Các Bộ` (the members cannot be told apart without knowing the ministries). Returns chunks that
    may still hold several names separated by commas."""
    s = TERM.sub("", clean(raw))
    s = BULLET.sub("", s)
    s = s.rstrip(" ;.,:").replace("./.", "").strip()
    inner = [m.group(1).strip() for m in PARENS.finditer(s)]
    s = PARENS.sub(" ", s)
    s = re.sub(r"[()]", " ", s)
    s = " ".join(s.split())
    s = NOTE_TAIL.sub("", s).strip(" ;.,-")
    out: list[str] = []
    for part in s.split(";"):
        part = part.strip(" ,.-")
        if not part:
            continue
        if ":" in part:
            out.append(part.split(":", 1)[0].strip())
        else:
            out.append(part)
    # a unit named in brackets (`Bộ Tư pháp (Cục Kiểm tra văn bản)`); notes in brackets are filtered by heads
    out += [i for i in inner if i and i[0].isupper()]
    return [o for o in out if o and o.split()[0].casefold() not in LIST_CHROME]


#: The punctuation a name may hold (`Sở Văn hóa, Thể thao và Du lịch`, `LĐ-TB&XH`, `TT. HĐND`).
NAME_PUNCT = (",", "-", "–", "&", ".", "'")


def shape_ok(tok: list[str]) -> bool:
    """Looks like a name: opens with a letter, no digits, no clause punctuation, not too long."""
    if not tok or not is_word(tok[0]):
        return False
    words = [t for t in tok if is_word(t)]
    if not words or len(words) > MAX_NAME_WORDS:
        return False
    if any(t.isdigit() or any(c.isdigit() for c in t) for t in tok):
        return False
    if any(not is_word(t) and t not in NAME_PUNCT for t in tok):
        return False
    if len(words) == 1 and not is_acronym(words[0]):
        return False
    if "." in tok:
        # `PCT. Nguyễn Thành Hưng`: an office abbreviated, a dot, then a person's name (capitalised syllables)
        after = tok[len(tok) - tok[::-1].index(".") :]
        if len(after) >= 2 and all(is_capital(t) and is_syllable(t) for t in after):
            return False
    return tok[-1] not in ("-", ",", "&", "và")


@dataclass
class Vocab:
    """Head words and qualifiers, as token tuples (case-folded)."""

    heads: dict[tuple[str, ...], dict] = field(default_factory=dict)
    qualifiers: dict[tuple[str, ...], dict] = field(default_factory=dict)
    max_head: int = 0
    max_qual: int = 0

    def head_at(self, tok: list[str], i: int) -> int:
        """Length of the longest head at tok[i]; 0 for none. A head opens capitalised (or as an acronym) unless
        it opens with a determiner."""
        if i >= len(tok) or not is_word(tok[i]):
            return 0
        first = tok[i]
        for n in range(min(self.max_head, len(tok) - i), 0, -1):
            k = tuple(t.casefold() for t in tok[i : i + n])
            if k in self.heads:
                if first[:1].isupper() or k[0] in DETERMINERS:
                    return n
        return 0

    def qualifier_at(self, tok: list[str], i: int) -> int:
        """Length of the longest qualifier at tok[i] (`Thành phố Hồ Chí Minh`: `thành phố`); 0 for none."""
        for n in range(min(self.max_qual, len(tok) - i), 0, -1):
            if tuple(t.casefold() for t in tok[i : i + n]) in self.qualifiers:
                return n
        return 0

    def qualifier_suffix(self, tok: list[str]) -> int:
        """Length of the longest qualifier ending tok (leaving at least one token)."""
        for n in range(min(self.max_qual, len(tok) - 1), 0, -1):
            if tuple(t.casefold() for t in tok[-n:]) in self.qualifiers:
                return n
        return 0


def lower_tail(tok: list[str]) -> list[str]:
    """The trailing run of lower-case words (commas allowed between them), after the first token."""
    i = len(tok)
    while i > 1 and (is_lower(tok[i - 1]) or tok[i - 1] == "," and i < len(tok)):
        i -= 1
    while i < len(tok) and tok[i] == ",":
        i += 1
    return tok[i:]


def casing_run(tok: list[str]) -> list[str]:
    """The first token and the lower-case words after it (a type word is capitalised on its first syllable
    only: `Ủy ban nhân dân`, `Cổng thông tin điện tử`), up to a determiner or a function word (`Ủy ban nhân
    dân | các tỉnh`, `Báo | và Đài ...`). After an acronym (`UBND tỉnh`) the lower-case words are its tail."""
    run = [tok[0]]
    if is_acronym(tok[0]):
        return run
    for t in tok[1:]:
        if not is_lower(t) or t.casefold() in DETERMINERS or t.casefold() in FUNCTION_WORDS:
            break
        run.append(t)
    return run


@dataclass
class QualifierEvidence:
    """What qualifier learning reads besides the names: names that stand alone (any place, any case), the
    words each word follows in the list places, and a way to ask how often a phrase ends a phrase in the
    running text."""

    standalone: set[str]
    left_of: dict[str, collections.Counter]
    punct_share: object  # callable: list of keys -> {key: share of occurrences followed by punctuation}


def learn_qualifiers(names: list[tuple[list[str], str]], ev: QualifierEvidence, heads=None) -> dict[tuple[str, ...], dict]:
    """Lower-case tails that end many different names which are names without them: `tỉnh` (`Sở Tư pháp` /
    `Sở Tư pháp tỉnh`, `Ủy ban nhân dân` / `Ủy ban nhân dân tỉnh`), `cấp xã`, `có liên quan`. Evidence
    against: the tail's first word is the second syllable of a compound (`phố` after `thành` in nearly all
    its uses); the word before it is capitalised (`Sở Nội | vụ`: the syllables of one capitalised word);
    the tail rarely ends a phrase in the running text (`phải` before a verb, in `X phải chịu trách nhiệm`);
    the tail opens with a head of two words or more (`cơ quan` in `Thủ trưởng cơ quan` is a body); a longer tail
    holding a shorter qualifier whose first part ends names that stand alone (`nhân dân tỉnh`: `Ủy ban nhân
    dân` is a name; but `Ủy ban nhân dân cấp` is none, so `cấp tỉnh` is a qualifier)."""
    rests: dict[tuple[str, ...], set[str]] = collections.defaultdict(set)
    docs: dict[tuple[str, ...], set[str]] = collections.defaultdict(set)
    forms: dict[tuple[str, ...], collections.Counter] = collections.defaultdict(collections.Counter)
    for tok, doc in names:
        tail = lower_tail(tok)
        words = [t for t in tail if t != ","]
        for n in range(1, min(4, len(words)) + 1):
            suffix = tail[len(tail) - _suffix_span(tail, n) :]
            rest = tok[: len(tok) - len(suffix)]
            if len(rest) < 2 or rest[-1] == "," or is_capital(rest[-1]) or compound_tail(suffix[0], ev.left_of):
                continue
            k = tuple(t.casefold() for t in suffix)
            rests[k].add(key_of(rest))
            docs[k].add(doc)
            forms[k][" ".join(suffix)] += 1
    cands = [
        k for k in rests
        if k[0] != ","
        and len(rests[k]) >= MIN_QUALIFIER_LEFT
        and len(docs[k]) >= MIN_QUALIFIER_DOCS
        and len(rests[k] & ev.standalone) >= MIN_QUALIFIER_STANDALONE
        and not (heads and any(k[:n] in heads for n in range(2, len(k) + 1)))
    ]
    share = ev.punct_share([" ".join(k) for k in cands])
    accepted = {k for k in cands if share.get(" ".join(k), 0.0) >= MIN_QUALIFIER_PUNCT_SHARE}
    for k in sorted(accepted, key=lambda k: (len(k), k)):
        for n in range(1, len(k)):
            inner, part = k[n:], k[:n]
            if inner in accepted and any(r + " " + " ".join(part) in ev.standalone for r in rests[k]):
                accepted.discard(k)
                break
    return {k: {"docs": len(docs[k]), "left": len(rests[k]), "form": _best_form(forms[k])} for k in accepted}


def compound_tail(word: str, left_of: dict[str, collections.Counter]) -> bool:
    """`phố` (after `thành`), `phủ` (after `chính`), `ương` (after `trung`): a word that follows one word in
    most of its uses is the second syllable of a compound."""
    c = left_of.get(word.casefold())
    if not c:
        return False
    total = sum(c.values())
    return total >= COMPOUND_MIN_USES and c.most_common(1)[0][1] >= COMPOUND_SHARE * total


def _suffix_span(tail: list[str], n_words: int) -> int:
    """Token length of the suffix of `tail` holding n_words words."""
    count = 0
    for i in range(len(tail) - 1, -1, -1):
        if tail[i] != ",":
            count += 1
            if count == n_words:
                return len(tail) - i
    return len(tail)


def _best_form(c: collections.Counter) -> str:
    """The most frequent printed form; ties broken by code point order (deterministic)."""
    return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def head_candidates(tok: list[str], vocab: Vocab | None) -> list[list[str]]:
    """The head phrase(s) that open a name: its casing run without a trailing qualifier, cut before a head of
    two or more words inside it (`Người đứng đầu | cơ quan`); and the run with the next capitalised word group
    (`Bộ Chỉ huy`, `Phó Chủ tịch`), which becomes a head only if it branches as much as a head does."""
    run = casing_run(tok)
    if vocab is not None:
        q = vocab.qualifier_suffix(run)
        if q:
            run = run[:-q]
        for i in range(1, len(run)):
            n = vocab.head_at([run[i][0].upper() + run[i][1:]] + run[i + 1 :], 0)
            if n >= 2:
                run = run[:i]
                break
    out = [run]
    j = len(run)
    extend = vocab is not None and vocab.heads and not is_acronym(run[0]) and run[0].casefold() not in DETERMINERS
    if extend and j < len(tok) and is_capital(tok[j]) and not vocab.head_at(tok, j) and not vocab.qualifier_at(tok, j):
        ext = run + [tok[j]]
        for t in tok[j + 1 :]:
            if not is_lower(t) or t.casefold() in DETERMINERS:
                break
            ext.append(t)
        if vocab is not None:
            q = vocab.qualifier_suffix(ext)
            if q:
                ext = ext[:-q]
        if len(ext) > len(run):
            out.append(ext)
    return out


def learn_heads(names: list[tuple[list[str], str]], vocab: Vocab | None) -> dict[tuple[str, ...], dict]:
    """Head phrases: opening many names (different next words) in several documents. The extended form (a head
    and the next capitalised word group) must be followed by capitalised words or acronyms in several ways
    (`Bộ Chỉ huy Quân sự`, `Bộ Chỉ huy Bộ đội Biên phòng`), not only by qualifiers as a full name is
    (`Sở Tư pháp tỉnh`)."""
    nxt: dict[tuple[str, ...], set[str]] = collections.defaultdict(set)
    nxt_proper: dict[tuple[str, ...], set[str]] = collections.defaultdict(set)
    docs: dict[tuple[str, ...], set[str]] = collections.defaultdict(set)
    names_of: dict[tuple[str, ...], set[str]] = collections.defaultdict(set)
    forms: dict[tuple[str, ...], collections.Counter] = collections.defaultdict(collections.Counter)
    extended: set[tuple[str, ...]] = set()
    plain: set[tuple[str, ...]] = set()
    for tok, doc in names:
        cands = head_candidates(tok, vocab)
        for idx, h in enumerate(cands):
            k = tuple(t.casefold() for t in h)
            follow = tok[len(h)] if len(h) < len(tok) else ""
            nxt[k].add(follow.casefold())
            if idx == 1 and is_capital(follow) and not vocab.head_at(tok, len(h)):
                nxt_proper[k].add(follow.casefold())
            docs[k].add(doc)
            names_of[k].add(key_of(tok))
            if upper_ratio(" ".join(h)) < 0.8 or len(h) == 1 and is_acronym(h[0]):
                forms[k][" ".join(h)] += 1
            (extended if idx == 1 else plain).add(k)
    out = {}
    for k in nxt:
        if len(docs[k]) < MIN_HEAD_DOCS or not forms[k]:
            continue
        if k in extended and k not in plain:
            ok = len(nxt_proper[k]) >= MIN_EXT_BRANCHES
        else:
            ok = len(nxt[k]) >= MIN_HEAD_BRANCHES
        if ok:
            out[k] = {"docs": len(docs[k]), "names": len(names_of[k]), "branches": len(nxt[k]), "form": _best_form(forms[k])}
    return out


def split_names(tok: list[str], vocab: Vocab) -> list[list[str]]:
    """Split a chunk of a list into names: at `;`, and at `,` / `và` / `-` when a head opens what follows
    (`Sở Nội vụ, Sở Tư pháp`), never inside a name whose comma is its own (`Sở Văn hóa, Thể thao và Du
    lịch`: `Thể thao` opens no name). After `và` and `-` the part before must be more than a bare head
    (`Báo và Đài Phát thanh - Truyền hình` is one body) unless a class follows (`Thủ tướng và các Phó Thủ
    tướng`)."""
    out: list[list[str]] = []
    cur: list[str] = []
    i = 0
    while i < len(tok):
        t = tok[i]
        if t == ";":
            out.append(cur)
            cur = []
            i += 1
            continue
        if t in (",", "và", "-", "–") and cur:
            j = i + 1
            if t == "," and j < len(tok) and tok[j] == "và":
                j += 1
            n = vocab.head_at(tok, j)
            bare = vocab.head_at(cur, 0) >= len(cur)
            plural = j < len(tok) and tok[j].casefold() in DETERMINERS
            # `Ban NVT, PC`, `Cục KSTTHC, VPCP`: an abbreviation standing alone after a comma is another unit
            lone = t == "," and j < len(tok) and is_acronym(tok[j]) and (j + 1 == len(tok) or tok[j + 1] in (",", ";"))
            if n and (t == "," or not bare or plural) or lone and is_acronym(cur[-1]):
                out.append(cur)
                cur = []
                i = j
                continue
        cur.append(t)
        i += 1
    out.append(cur)
    return [c for c in out if c]


def segment_upper(tok: list[str], vocab: Vocab, attested) -> list[list[str]]:
    """Split an upper-case header cell (`BỘ TÀI CHÍNH CỤC THUẾ`) into bodies. Splits fall where a head opens;
    the segmentation that the document's own running text attests most (its mixed-case names) wins, the
    whole cell first on a tie. With no attestation at all, split where a head opens after more than a bare
    head (`UBND TỈNH X | SỞ NỘI VỤ`)."""
    n = len(tok)
    starts = [0]
    i = vocab.head_at(tok, 0) or 1
    while i < n:
        h = vocab.head_at(tok, i)
        if h:
            starts.append(i)
            i += h
        else:
            i += 1
    bounds = starts + [n]
    if len(starts) == 1:
        return [tok]

    def segment_ok(seg: list[str]) -> bool:
        # a bare head (`ỦY BAN NHÂN DÂN` before `TỈNH HÀ TĨNH`) is no body of its own in a cell
        return vocab.head_at(seg, 0) < len(seg)

    # best[i] = (attested coverage, -segments, splits) over tok[:bounds[i]]
    best: list[tuple[int, int, list[int]] | None] = [None] * len(bounds)
    best[0] = (0, 0, [0])
    for b in range(1, len(bounds)):
        for a in range(b):
            if best[a] is None:
                continue
            seg = tok[bounds[a] : bounds[b]]
            if not segment_ok(seg):
                continue
            cov = len(seg) if attested(seg) else 0
            cand = (best[a][0] + cov, best[a][1] - 1, best[a][2] + [bounds[b]])
            if best[b] is None or cand[:2] > best[b][:2]:
                best[b] = cand
    final = best[-1]
    if final is None:
        return [tok]
    if final[0] == 0:
        # nothing attested: split where each part is more than a bare head
        cuts = [0]
        for s in starts[1:]:
            if vocab.head_at(tok[cuts[-1] : s], 0) < s - cuts[-1] and vocab.head_at(tok, s) < n - s:
                cuts.append(s)
        cuts.append(n)
        return [tok[a:b] for a, b in zip(cuts, cuts[1:])]
    cuts = final[2]
    return [tok[a:b] for a, b in zip(cuts, cuts[1:])]


# ---------------------------------------------------------------------------------------------------------
# Mining

@dataclass
class Entry:
    """What is known about one name key."""

    tok: list[str]
    docs: dict[str, set[str]] = field(default_factory=lambda: collections.defaultdict(set))
    forms: collections.Counter = field(default_factory=collections.Counter)
    body_forms: collections.Counter = field(default_factory=collections.Counter)
    sig_office: set[str] = field(default_factory=set)  # documents that sign under it as a title
    sig_body: set[str] = field(default_factory=set)  # documents that sign for it as a body (`TM.`)

    def count(self, sources) -> int:
        return len(set().union(*(self.docs.get(s, set()) for s in sources)))


def doc_chunks(doc: Doc) -> list[tuple[str, str]]:
    """(source, chunk) for the list-like places: recipients, portal fields, cited issuers."""
    out = []
    for source, raw in doc.mentions:
        for chunk in strip_item(raw) if source == "recipient" else [TERM.sub("", clean(raw))]:
            out.append((source, chunk))
    return out


def learn_vocab(docs: list[Doc], chunks: dict[str, list[tuple[str, str]]]) -> Vocab:
    """Two rounds: qualifiers and heads from names that need no splitting (the first name of each list chunk,
    chunks without commas); then the same from every name once the chunks are split with those heads.
    The portal's field teaches nothing (it names places as often as bodies: `Tỉnh Hà Tĩnh`); a duty subject
    teaches from its last clause (`Trong quá trình thực hiện, Sở ...`); a cited issuer may run
    on into the citation's title (`Bộ Tài chính hết hiệu lực ...`), so it teaches heads but no qualifiers."""
    mixed: list[tuple[list[str], str, str]] = []
    standalone: set[str] = set()
    left_of: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for d in docs:
        for _, target in d.authorities:
            standalone.add(key_of(tokens(target)))
        for src, c in chunks[d.digest]:
            t = tokens(c)
            standalone.add(key_of(t))
            if src == "portal" or upper_ratio(c) >= 0.8:
                continue
            for a, b in zip(t, t[1:]):
                left_of[b.casefold()][a.casefold()] += 1
            if src == "duty":
                t = last_clause(t)
            if t and is_word(t[0]):
                mixed.append((t, d.digest, src))
    shares: dict[str, float] = {}

    def punct_share(keys: list[str]) -> dict[str, float]:
        todo = [k for k in keys if k not in shares]
        if todo:
            shares.update(follow_punct_share(docs, todo))
        return {k: shares[k] for k in keys}

    ev = QualifierEvidence(standalone=standalone, left_of=left_of, punct_share=punct_share)
    first = []
    for tok, d, _ in mixed:
        cut = next((i for i, t in enumerate(tok) if t in (",", ";")), len(tok))
        if shape_ok(tok[:cut]):
            first.append((tok[:cut], d))
    whole = [(t, d) for t, d, src in mixed if src != "cited" and "," not in t and ";" not in t and shape_ok(t)]
    vocab = Vocab()
    vocab.qualifiers = learn_qualifiers(whole, ev)
    vocab.max_qual = max((len(k) for k in vocab.qualifiers), default=0)
    vocab.heads = learn_heads(first, vocab)
    vocab.max_head = max((len(k) for k in vocab.heads), default=0)
    split = [(n, d, src) for t, d, src in mixed for n in split_names(t, vocab) if shape_ok(n)]
    final = Vocab()
    final.qualifiers = learn_qualifiers([(n, d) for n, d, src in split if src != "cited"], ev, vocab.heads)
    final.max_qual = max((len(k) for k in final.qualifiers), default=0)
    vocab.qualifiers, vocab.max_qual = final.qualifiers, final.max_qual
    final.heads = learn_heads([(n, d) for n, d, _ in split], vocab)
    final.max_head = max((len(k) for k in final.heads), default=0)
    return final


def last_clause(tok: list[str]) -> list[str]:
    """A duty subject from its last comma that a capitalised word follows: `Trong quá trình thực hiện, Sở Tư
    pháp` -> `Sở Tư pháp` (a fronted phrase); `Các sở, ban, ngành` stays whole."""
    for i in range(len(tok) - 2, -1, -1):
        if tok[i] == "," and tok[i + 1][:1].isupper():
            return tok[i + 1 :]
    return tok


def follow_punct_share(docs: list[Doc], keys: list[str]) -> dict[str, float]:
    """For each phrase (a key), the share of its uses in the running text that punctuation or a capitalised
    word (a place: `tỉnh Bắc Ninh`) follows."""
    scanner = Scanner({k: k.split(" ") for k in keys})
    seen = collections.Counter()
    ended = collections.Counter()
    for doc in docs:
        for k, _, end in scanner.occurrences(doc.text):
            seen[k] += 1
            nxt = doc.text[end : end + 2].lstrip()[:1]
            if nxt and (nxt in ",.;:)!?" or nxt.isupper()):
                ended[k] += 1
    return {k: ended[k] / seen[k] if seen[k] else 0.0 for k in keys}


def doc_names(doc: Doc, chunks: list[tuple[str, str]], vocab: Vocab) -> list[tuple[str, list[str]]]:
    """(source, name tokens) for every name the document gives in its structural places."""
    out: list[tuple[str, list[str]]] = []
    for source, chunk in chunks:
        for n in split_names(tokens(chunk), vocab):
            out.append((source, n))
    mixed_keys = {key_of(n) for _, n in out if upper_ratio(" ".join(n)) < 0.8}
    text_key: list[str] = []

    def attested(seg: list[str]) -> bool:
        k = key_of(seg)
        if k in mixed_keys:
            return True
        if not text_key:
            text_key.append(" " + key_of(tokens(doc.text)) + " ")
        return (" " + k + " ") in text_key[0]

    if doc.header_upper:
        tok = tokens(TERM.sub("", " ".join(doc.header_upper)))
        for seg in segment_upper(tok, vocab, attested):
            out.append(("issuer", seg))
    for prefix, target in doc.authorities:
        out.append(("signature", tokens(target)))
    for title in doc.titles:
        out.append(("signature", tokens(title)))
    out = [(s, n[:-1] if n and n[-1] == "." else n) for s, n in out]
    out = [(s, n) for s, n in out if shape_ok(n)]
    here = {key_of(n) for _, n in out}
    return [(s, n) for s, n in out if s not in FREE_TEXT_SOURCES or not runs_on(n, here, vocab)]


def runs_on(tok: list[str], here: set[str], vocab: Vocab) -> bool:
    """A name read from free text that is another name of the same document with words run on after it
    (`Bộ Tài chính tham gia ý kiến` beside `Bộ Tài chính`, `Chính phủ quản lý` beside `Chính phủ`): the words
    after it are lower case, past the head, and open no qualifier, head (`Người đứng đầu | cơ quan`),
    determiner or function word."""
    start = vocab.head_at(tok, 0) or len(casing_run(tok))
    for i in range(len(tok) - 1, max(start, 2) - 1, -1):
        if (
            is_lower(tok[i])
            and key_of(tok[:i]) in here
            and not vocab.qualifier_at(tok, i)
            and not vocab.head_at(capitalised(tok[i:]), 0)
            and tok[i].casefold() not in DETERMINERS + FUNCTION_WORDS
        ):
            return True
    return False


def trie_regex(words: list[str]) -> str:
    """One regex alternation for many words, shaped as a trie (Python's regex engine has no Aho-Corasick)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie) or "(?!)"


def lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # `İ` lowers to two code points; keep such letters as they are
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


_NEXT_TOKEN = re.compile(r"\s*([^\W_]+|[^\w\s])")


class Scanner:
    """Finds known phrases (token keys) in running text: a regex finds where one of their first words stands,
    and from there the next tokens are followed as long as they go on with a known phrase."""

    def __init__(self, phrases: dict[str, list[str]]):
        self.capital: dict[str, bool] = {}
        self.prefixes: set[str] = set()
        firsts = set()
        for k, tok in phrases.items():
            self.capital[k] = not is_lower(tok[0])
            low = [t.lower() for t in tok]
            firsts.add(low[0])
            for n in range(1, len(low) + 1):
                self.prefixes.add(" ".join(low[:n]))
        self.pattern = re.compile(r"(?<![^\W_])" + trie_regex(sorted(firsts)) + r"(?![^\W_])")

    def occurrences(self, text: str):
        """(key, start, end) of every phrase in text, longest last at each start."""
        low = lower_same_length(text)
        prefixes, capital = self.prefixes, self.capital
        for m in self.pattern.finditer(low):
            cur, start, end = m.group(0), m.start(), m.end()
            first_lower = text[start].islower()
            while True:
                if cur in capital and not (capital[cur] and first_lower):
                    yield cur, start, end
                nxt = _NEXT_TOKEN.match(low, end)
                if not nxt:
                    break
                cand = cur + " " + nxt.group(1)
                if cand not in prefixes:
                    break
                cur, end = cand, nxt.end()

    def find(self, text: str) -> dict[str, str]:
        """{key: its first printed form} for every phrase in text."""
        found: dict[str, str] = {}
        for k, start, end in self.occurrences(text):
            if k not in found:
                found[k] = " ".join(tokens(text[start:end]))
        return found


def scan_body(docs: list[Doc], entries: dict[str, Entry]) -> None:
    """Count, for every name, the documents whose running text holds it, and how it is printed there. A name
    that opens capitalised must open capitalised in the text (`Như trên` is not `như trên`)."""
    scanner = Scanner({k: e.tok for k, e in entries.items()})
    for doc in docs:
        for k, printed in scanner.find(doc.text).items():
            entries[k].docs["body"].add(doc.digest)
            entries[k].body_forms[printed] += 1


def admitted(e: Entry, vocab: Vocab, list_ends: set[str]) -> bool:
    """Enough evidence: see the thresholds. The portal's field alone admits nothing (it names the province as
    often as a body: `Tỉnh Hà Tĩnh`). A name read only from free text must end with a word that ends some name
    in a list place (`Chính phủ mới đây`, `Chủ tịch nước phải`: no name in a header or a recipient list ends
    with `đây` or `phải`)."""
    places = e.count(ADMITTING)
    if vocab.head_at(e.tok, 0):
        if not e.count(LIST_SOURCES):
            return places >= MIN_FREE_TEXT_DOCS and e.tok[-1].casefold() in list_ends
        return places >= MIN_NAME_DOCS or e.count(("body",)) >= MIN_BODY_DOCS_SINGLE
    return e.count(HEADLESS_SOURCES) >= MIN_HEADLESS_ISSUER_DOCS


def join_tokens(tok: list[str]) -> str:
    """Print tokens as text: no space before , ; . ) and after (; hyphens spaced as most documents do."""
    s = " ".join(tok)
    s = re.sub(r" ([,;.)])", r"\1", s)
    s = re.sub(r"\( ", "(", s)
    s = re.sub(r" & ", "&", s)
    return s


def mixed_forms(e: Entry) -> collections.Counter:
    """The forms of a name printed in running-text case (as a name, else in the text)."""
    mixed = collections.Counter({f: c for f, c in e.forms.items() if upper_ratio(f) < 0.8})
    if not mixed:
        mixed = collections.Counter({f: c for f, c in e.body_forms.items() if upper_ratio(f) < 0.8})
    return mixed


def running_case_lexicon(res_entries: dict[str, Entry], vocab: Vocab, docs: list[Doc]) -> dict[tuple, str]:
    """Token keys with a form printed in running-text case: names, heads, qualifiers, and places (the place of
    a document's date line: `Bắc Ninh`)."""
    lex: dict[tuple, collections.Counter] = collections.defaultdict(collections.Counter)
    for e in res_entries.values():
        for f, c in mixed_forms(e).items():
            lex[tuple(t.casefold() for t in e.tok)][f] += c
    for h, info in vocab.heads.items():
        lex[h][info["form"]] += 1
    for q, info in vocab.qualifiers.items():
        lex[q][info["form"]] += 1
    for d in docs:
        if d.place and upper_ratio(d.place) < 0.8:
            t = tokens(d.place)
            lex[tuple(x.casefold() for x in t)][" ".join(t)] += 1
    return {k: _best_form(c) for k, c in lex.items()}


def running_case(tok: list[str], lex: dict[tuple, str]) -> str | None:
    """An upper-case name in running-text case, pieced together from the longest known pieces (`ỦY BAN NHÂN
    DÂN` + `TỈNH` + `BẮC NINH` -> `Ủy ban nhân dân tỉnh Bắc Ninh`); None when a piece is unknown."""
    out: list[str] = []
    i = 0
    longest = max((len(k) for k in lex), default=0)
    while i < len(tok):
        if not is_word(tok[i]) or not is_syllable(tok[i]):  # punctuation and abbreviations stay as printed
            out.append(tok[i])
            i += 1
            continue
        for n in range(min(longest, len(tok) - i), 0, -1):
            form = lex.get(tuple(t.casefold() for t in tok[i : i + n]))
            if form:
                out += form.split(" ")
                i += n
                break
        else:
            return None
    if out and out[0][:1].islower():
        out[0] = out[0][:1].upper() + out[0][1:]
    return join_tokens(out)


def display_name(e: Entry, lex: dict[tuple, str]) -> str:
    """The running-text form: the most frequent mixed-case form printed as a name or in the text; else one
    pieced together from known pieces; else the form as printed (upper case)."""
    mixed = mixed_forms(e)
    if mixed:
        return join_tokens(_best_form(mixed).split(" "))
    if any(len(t) > 1 and t.isupper() and is_syllable(t) for t in e.tok):
        derived = running_case(e.tok, lex)
        if derived:
            return derived
    return join_tokens(_best_form(e.forms).split(" "))


@dataclass
class Result:
    vocab: Vocab
    entries: dict[str, Entry]
    kept: list[str]
    head_roles: dict[tuple[str, ...], dict]
    abbreviations: list[dict]
    n_docs: int
    lexicon: dict


def capitalised(tok: list[str]) -> list[str]:
    """tok with its first word capitalised (`cơ quan` read as it opens a name: `Cơ quan`)."""
    return [tok[0][:1].upper() + tok[0][1:]] + tok[1:] if tok else tok


def head_of(e: Entry, vocab: Vocab) -> tuple[str, ...]:
    n = vocab.head_at(e.tok, 0)
    return tuple(t.casefold() for t in e.tok[:n]) if n else ()


def classify_heads(named: dict[str, list[tuple[str, list[str]]]], docs: list[Doc], vocab: Vocab, entries: dict[str, Entry], kept: list[str], abbreviations: list[dict]) -> dict:
    """body, office or class for each head. A determiner opens a class. Otherwise the signature says it: a
    head that opens a signer's title or a `KT.`/`TL.`/`TUQ.`/`Q.` line names an office-holder; one that opens
    a header cell's body or a `TM.` line names a body. Without that evidence: an office-holder is followed by
    the body it heads (`Người đứng đầu cơ quan`, `Giám đốc Sở Tư pháp`) in most of its names, at least once by
    a class or a generic body (`Thủ trưởng các sở`; a body of a body is followed by a proper one: `Website Cục
    Thuế`), and ends almost none (a body ends names: `Thường trực Đảng ủy`)."""
    as_body: dict[tuple, set] = collections.defaultdict(set)
    as_office: dict[tuple, set] = collections.defaultdict(set)

    def head_key(tok):
        n = vocab.head_at(tok, 0)
        return tuple(t.casefold() for t in tok[:n]) if n else None

    # word pairs that running text prints as one lower-case-continued word (`Cục trưởng`, `Bộ trưởng`)
    joined = {
        (a.casefold(), b.casefold())
        for e in entries.values() if upper_ratio(" ".join(e.tok)) < 0.8
        for a, b in zip(e.tok, e.tok[1:]) if is_word(a) and is_lower(b)
    }

    def title_head(tok):
        """The head of an upper-case signature line when it is all the line or another head follows it
        (`PHÓ CHỦ TỊCH`, `CHÁNH VĂN PHÒNG`); `CỤC TRƯỞNG` read as `Cục` + `TRƯỞNG` says nothing (case is
        lost: `Cục trưởng` is one word)."""
        n = vocab.head_at(tok, 0)
        if n and n < len(tok) and (tok[n - 1].casefold(), tok[n].casefold()) in joined:
            return None
        if n and (n == len(tok) or vocab.head_at(tok, n)):
            return tuple(t.casefold() for t in tok[:n])
        return None

    for doc in docs:
        for source, tok in named[doc.digest]:
            h = head_key(tok)
            if h and source == "issuer":
                as_body[h].add(doc.digest)
        for prefix, target in doc.authorities:
            # `KT. BỘ TRƯỞNG, CHỦ NHIỆM`: each part is a title
            for part in target.split(","):
                h = title_head(tokens(part))
                if h:
                    (as_body if prefix == "TM" else as_office)[h].add(doc.digest)
        for title in doc.titles:
            h = title_head(tokens(title))
            if h:
                as_office[h].add(doc.digest)
    # (names going on with a body after the head, names ending with the head, names opening with it)
    followed: dict[tuple, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    for k, e in entries.items():
        for i in range(len(e.tok)):
            n = vocab.head_at(capitalised(e.tok[i:]), 0)
            if n and i + n == len(e.tok):
                followed[tuple(t.casefold() for t in e.tok[i:])][1] += 1
        h = head_of(e, vocab)
        if not h:
            continue
        rest = e.tok[len(h) :]
        followed[h][2] += 1
        # a lower-case head after it must have two words or more: `Tổng cục | trưởng` is the word `Tổng cục
        # trưởng`, `Người đứng đầu | cơ quan` is an office-holder and a body
        lower_head = bool(rest) and is_lower(rest[0]) and vocab.head_at(capitalised(rest), 0) >= 2
        if rest and (rest[0].casefold() in DETERMINERS or lower_head):
            followed[h][3] += 1  # a class or a generic body after it: `Thủ trưởng các sở`, `Người đứng đầu cơ quan`
        if rest and rest[0].casefold() in DETERMINERS:
            rest = rest[1:]
        if rest and (vocab.head_at(rest, 0) or lower_head):
            followed[h][0] += 1
    out = {}
    for h in vocab.heads:
        b, o = len(as_body[h]), len(as_office[h])
        f, ends, n, generic = followed[h]
        if h[0] in DETERMINERS:
            role = "class"
        elif o > b:
            role = "office"
        elif b > 0:
            role = "body"
        elif n >= OFFICE_MIN_NAMES and f >= OFFICE_FOLLOWED_SHARE * n and ends <= OFFICE_MAX_ENDS_SHARE * n and generic:
            role = "office"
        else:
            role = "body"
        out[h] = {"role": role, "as_body": b, "as_office": o}
    # a head without signature evidence takes the office role of a longer head it opens that has it (`Trưởng`
    # from `Trưởng ban`: `TRƯỞNG PHÒNG` says nothing, case being lost, but `Trưởng thôn` is an office too), or
    # the role of the longest head that opens it and has evidence (`Chủ tịch nước` from `Chủ tịch`)
    def evidenced(g):
        return out[g]["as_body"] or out[g]["as_office"]

    for h in sorted(out):
        if evidenced(h) or out[h]["role"] == "class":
            continue
        if any(len(g) > len(h) and g[: len(h)] == h and out[g]["as_office"] > out[g]["as_body"] for g in out):
            out[h]["role"] = "office"
            continue
        shorter = [g for g in out if len(g) < len(h) and h[: len(g)] == g and evidenced(g)]
        if shorter:
            out[h]["role"] = out[max(shorter, key=len)]["role"]
    # an abbreviated head without signature evidence (`VP`, `PCT`) takes the role of its expansion's head
    # (`Văn phòng`, `Phó`)
    inherited: set[tuple] = set()
    for r in sorted(abbreviations, key=lambda r: (-r["docs"], -r["paired"], r["expansion_key"])):
        a = (r["abbreviation"].casefold(),)
        x = capitalised(r["expansion_key"].split(" "))
        n = vocab.head_at(x, 0)
        xh = tuple(t.casefold() for t in x[:n])
        if a in out and a not in inherited and n and xh in out and not (out[a]["as_body"] or out[a]["as_office"]):
            out[a]["role"] = out[xh]["role"]
            inherited.add(a)
    return out


def load_vocab(path: Path) -> Vocab:
    """The head words and qualifiers of a heads.tsv written before (`--vocab`)."""
    vocab = Vocab()
    lines = path.read_text(encoding="utf-8").split("\n")
    cols = lines[0].split("\t")
    for line in lines[1:]:
        if not line:
            continue
        row = dict(zip(cols, line.split("\t")))
        k = tuple(row["key"].split(" "))
        info = {"docs": int(row["docs"]), "form": row["phrase"]}
        if row["type"] == "head":
            vocab.heads[k] = {**info, "names": int(row["names"]), "branches": int(row["branches"])}
        else:
            vocab.qualifiers[k] = {**info, "left": int(row["branches"])}
    vocab.max_head = max((len(k) for k in vocab.heads), default=0)
    vocab.max_qual = max((len(k) for k in vocab.qualifiers), default=0)
    return vocab


def mine(docs: list[Doc], log=lambda *a: None, vocab: Vocab | None = None) -> Result:
    """Learn the vocabulary (unless given), then the names, their counts and the abbreviations."""
    chunks = {d.digest: doc_chunks(d) for d in docs}
    if vocab is None:
        vocab = learn_vocab(docs, chunks)
    log(f"vocabulary: {len(vocab.heads)} heads, {len(vocab.qualifiers)} qualifiers")
    entries: dict[str, Entry] = {}
    named = {doc.digest: doc_names(doc, chunks[doc.digest], vocab) for doc in docs}
    for doc in docs:
        for source, tok in named[doc.digest]:
            k = key_of(tok)
            e = entries.get(k)
            if e is None:
                e = entries[k] = Entry(tok=tok)
            e.docs[source].add(doc.digest)
            e.forms[" ".join(tok)] += 1
    for doc in docs:
        for prefix, target in doc.authorities:
            e = entries.get(key_of(tokens(target)))
            if e is not None:
                (e.sig_body if prefix == "TM" else e.sig_office).add(doc.digest)
        for title in doc.titles:
            e = entries.get(key_of(tokens(title)))
            if e is not None:
                e.sig_office.add(doc.digest)
    log(f"candidates: {len(entries)} names")
    scan_body(docs, entries)
    list_ends = {e.tok[-1].casefold() for e in entries.values() if e.count(LIST_SOURCES)}
    kept = sorted(k for k, e in entries.items() if admitted(e, vocab, list_ends))
    log(f"kept: {len(kept)} names")
    abbreviations = mine_abbreviations(docs, entries, kept, vocab)
    log(f"abbreviations: {len(abbreviations)}")
    roles = classify_heads(named, docs, vocab, entries, kept, abbreviations)
    lexicon = running_case_lexicon(entries, vocab, docs)
    return Result(vocab=vocab, entries=entries, kept=kept, head_roles=roles, abbreviations=abbreviations, n_docs=len(docs), lexicon=lexicon)


# ---------------------------------------------------------------------------------------------------------
# Abbreviations

#: `Ủy ban nhân dân tỉnh (sau đây gọi tắt là UBND tỉnh)`, `Mặt trận Tổ quốc (MTTQ)`: a definition in brackets.
DEFINITION = re.compile(
    r"\((?:sau đây |dưới đây )?(?:(?:được )?gọi tắt là|viết tắt là|gọi chung là|viết tắt:?)?\s*[\"“]?(?P<short>[^()\"“”]{1,40}?)[\"”]?\)"
)
#: At most this many words before a definition are tried as its expansion (the longest name in the data is
#: shorter).
MAX_EXPANSION_WORDS = 12


def fold_initial(ch: str) -> str:
    """A letter without its marks, upper case; Đ stays Đ (it is its own letter)."""
    if ch in "đĐ":
        return "Đ"
    return unicodedata.normalize("NFD", ch)[0].upper()


def acronym_units(tok: list[str]) -> list[str] | None:
    """The letters of an abbreviation (`LĐ-TB&XH` -> L Đ - T B & X H), or None if it is not one."""
    units: list[str] = []
    for t in tok:
        if t in ("&", "-", "–", "."):
            units.append("&" if t == "&" else "-")
        elif t.isalpha() and (is_acronym(t) or len(t) == 1 and t.isupper()):
            units += [fold_initial(c) if c.isupper() else c for c in t]
        else:
            return None
    return units if sum(u.isalpha() for u in units) >= 2 else None


def aligns(units: list[str], words: list[str]) -> bool:
    """Whether the abbreviation's letters spell the words' initials: each word gives its first letter (or
    its first two or three, `CTr` = `Chương trình`), `&` is `và`, a hyphen or comma may stand or be left out,
    `và` may be left out (`NNPTNT`), and W stands for the ư of `ương` (`TW` = `Trung ương`)."""
    words = [w for w in words if w not in (",",)]

    def go(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(units)
        w = words[j]
        if w in ("-", "–"):
            return go(i + 1, j + 1) if i < len(units) and units[i] == "-" else go(i, j + 1)
        if i < len(units) and units[i] == "-":
            return go(i + 1, j)
        if w.casefold() == "và":
            if i < len(units) and units[i] == "&" and go(i + 1, j + 1):
                return True
            return go(i, j + 1)
        if i >= len(units) or not w[:1].isalpha():
            return False
        first = fold_initial(w[0])
        u = units[i]
        if not (u.upper() == first or u == "W" and w[0] in "ưƯ"):
            return False
        for k in range(1, min(3, len(w)) + 1):
            if k > 1 and (i + k > len(units) or units[i + k - 1] != w[k - 1].lower()):
                break
            if go(i + k, j + 1):
                return True
        return False

    return bool(units) and go(0, 0)


def definitions(doc: Doc) -> list[tuple[list[str], list[str]]]:
    """(abbreviation tokens, expansion tokens) defined in brackets in the running text. The expansion is the
    shortest run of words before the bracket whose initials the abbreviation spells; a plain word after the
    abbreviation must end the expansion too (`UBND tỉnh`)."""
    out = []
    text = doc.text
    for m in DEFINITION.finditer(text):
        short = tokens(m.group("short"))
        split = len(short)
        while split > 0 and acronym_units(short[:split]) is None:
            split -= 1
        units = acronym_units(short[:split]) if split else None
        if units is None:
            continue
        literal = [t.casefold() for t in short[split:]]
        before = tokens(text[max(0, m.start() - 300) : m.start()])
        if literal:
            if [t.casefold() for t in before[-len(literal) :]] != literal:
                continue
            before = before[: -len(literal)]
        for n in range(1, min(MAX_EXPANSION_WORDS, len(before)) + 1):
            words = before[-n:]
            if not is_word(words[0]):
                continue
            if aligns(units, words):
                out.append((short[:split], words))
                break
    return out


def mine_abbreviations(docs: list[Doc], entries: dict[str, Entry], kept: list[str], vocab: Vocab) -> list[dict]:
    """Abbreviations from definitions in the text and from names printed both ways (`Văn phòng UBND tỉnh` and
    `Văn phòng Ủy ban nhân dân tỉnh`). Kept when the abbreviation stands in a kept name or head."""
    defined: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    forms: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for doc in docs:
        for short, words in definitions(doc):
            a, x = join_tokens(short), key_of(words)
            defined[(a, x)].add(doc.digest)
            forms[x][join_tokens(words)] += 1
    # names printed both ways: the same name with an abbreviation where the other has words
    middles: dict[tuple[str, str], set[tuple[str, ...]]] = collections.defaultdict(set)
    for k, e in entries.items():  # the spelled-out side may be any name met (the abbreviated one is kept)
        t = e.tok
        for i in range(len(t)):
            for j in range(i + 1, min(len(t), i + MAX_EXPANSION_WORDS) + 1):
                middles[(key_of(t[:i]), key_of(t[j:]))].add(tuple(t[i:j]))
    paired: dict[tuple[str, str], set[tuple[str, str]]] = collections.defaultdict(set)
    pair_docs: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    for k in kept:
        e = entries[k]
        t = e.tok
        for i, w in enumerate(t):
            units = acronym_units([w])
            if units is None:
                continue
            for middle in middles.get((key_of(t[:i]), key_of(t[i + 1 :])), ()):
                if any(is_acronym(m) for m in middle) or not aligns(units, list(middle)):
                    continue
                x = key_of(middle)
                other = entries[key_of(t[:i] + list(middle) + t[i + 1 :])]
                paired[(w, x)].add((k, key_of(other.tok)))
                # documents that print the name both ways
                pair_docs[(w, x)] |= set().union(*e.docs.values()) & set().union(*other.docs.values())
                forms[x][join_tokens(list(middle))] += 1
    in_names = {t for k in kept for t in entries[k].tok}
    kept_set = set(kept)
    kept_text = " " + " | ".join(kept) + " "
    rows = []
    for a, x in sorted(set(defined) | set(paired)):
        if a not in in_names:
            continue
        d, p = defined.get((a, x), set()), paired.get((a, x), set())
        # a definition counts when its expansion is (part of) a kept name (`Non-Aligned Movement (NAM)` in
        # an encyclopedia page is none); a pair of names when both are kept, or when there are several pairs
        d_ok = d and f" {x} " in kept_text
        p_ok = len(p) >= MIN_ABBREV_PAIRS or any(other in kept_set for _, other in p)
        if not (d_ok or p_ok):
            continue
        docs_ = (d if d_ok else set()) | pair_docs.get((a, x), set())
        rows.append({
            "abbreviation": a, "expansion_key": x, "expansion": _best_form(forms[x]), "docs": len(docs_),
            "defined": len(d) if d_ok else 0, "paired": len(p),
        })
    return rows


# ---------------------------------------------------------------------------------------------------------
# Output

def tsv_cell(s: str) -> str:
    if any(c in s for c in "\t\n\r"):
        raise ValueError(f"a cell holds a tab or line break: {s!r}")
    return s


def write_tsv(path: Path, header: list[str], rows: list[list]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(tsv_cell(str(c)) for c in r) + "\n")


AGENCY_COLUMNS = ["key", "name", "kind", "head", "docs", *SOURCES, "forms"]
HEAD_COLUMNS = ["type", "key", "phrase", "role", "docs", "names", "branches", "as_body", "as_office"]
ABBREV_COLUMNS = ["abbreviation", "expansion_key", "expansion", "docs", "defined", "paired"]


def name_kind(e: Entry, h: tuple, roles: dict, shown: list[str]) -> str:
    """The kind of a name: its head's role; a name with no head is an office-holder when signatures show it
    as a title (`KT. THỐNG ĐỐC`) more than as a body (`TM. CHÍNH PHỦ`); a type word with a list of type words
    after it is a class (`Sở, ban, ngành cấp tỉnh`); a head run on in lower case into an office word is an
    office-holder (`Cục trưởng`, `Tổng cục trưởng`)."""
    if not h:
        return "office" if len(e.sig_office) > len(e.sig_body) else "body"
    role = roles[h]["role"]
    run = casing_run(shown)  # the running-text form: an upper-case line has lost its case
    last = (run[-1].casefold(),)
    if len(run) > len(h) and last in roles and roles[last]["role"] == "office":
        # `Cục trưởng Cục Thuế`: the head `Cục` and `trưởng` make one word, whose last syllable names an office
        return "office"
    rest = e.tok[len(h) :]
    if role == "body" and len(rest) >= 2 and rest[0] == "," and is_lower(rest[1]):
        return "class"
    return role


def agency_rows(res: Result) -> list[list]:
    rows = []
    for k in res.kept:
        e = res.entries[k]
        h = head_of(e, res.vocab)
        name = display_name(e, res.lexicon)
        role = name_kind(e, h, res.head_roles, tokens(name))
        others = sorted({join_tokens(f.split(" ")) for f in e.forms} - {name})
        rows.append([
            k, name, role, " ".join(h), e.count(SOURCES),
            *(e.count((s,)) for s in SOURCES), " | ".join(others),
        ])
    return rows


def head_rows(res: Result) -> list[list]:
    rows = []
    for h, info in res.vocab.heads.items():
        r = res.head_roles[h]
        rows.append(["head", " ".join(h), info["form"], r["role"], info["docs"], info["names"], info["branches"], r["as_body"], r["as_office"]])
    for q, info in res.vocab.qualifiers.items():
        rows.append(["qualifier", " ".join(q), info["form"], "-", info["docs"], "-", info["left"], "-", "-"])
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


def write_all(res: Result, out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    a = agency_rows(res)
    h = head_rows(res)
    write_tsv(out / "agencies.tsv", AGENCY_COLUMNS, a)
    write_tsv(out / "heads.tsv", HEAD_COLUMNS, h)
    ab = [[r[c] for c in ABBREV_COLUMNS] for r in res.abbreviations]
    write_tsv(out / "abbreviations.tsv", ABBREV_COLUMNS, ab)
    return {"agencies.tsv": len(a), "heads.tsv": len(h), "abbreviations.tsv": len(ab)}


def list_paths(corpus: Path | None, bench: Path | None) -> list[str]:
    paths: list[str] = []
    for d in (corpus, bench):
        if d is None:
            continue
        if not d.is_dir():
            raise SystemExit(f"mine_gazetteer: not a directory: {d}")
        paths += sorted(str(p) for p in d.iterdir() if p.suffix in (".md", ".txt", ".htm", ".html", ".docx", ".pdf"))
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="the corpus documents (default: the vendored copy)")
    ap.add_argument("--bench", default=str(DEFAULT_BENCH), help="the unpacked bench archive, or 'none'")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="where to write the files")
    ap.add_argument("--jobs", type=int, default=2, help="parser threads")
    ap.add_argument("--vocab", help="use the head words and qualifiers of this heads.tsv instead of learning them")
    ap.add_argument("--cache", help="keep what the parse collects in this file and reuse it (for tuning the miner)")
    args = ap.parse_args(argv)
    t0 = time.time()
    log = lambda *a: print(f"[{time.time() - t0:6.1f}s]", *a, file=sys.stderr)
    corpus = None if args.corpus == "none" else Path(args.corpus)
    bench = None if args.bench == "none" else Path(args.bench)
    paths = list_paths(corpus, bench)
    log(f"{len(paths)} files")
    if args.cache and os.path.exists(args.cache):
        with open(args.cache, "rb") as f:
            docs = pickle.load(f)
    else:
        docs = collect(paths, args.jobs)
        if args.cache:
            with open(args.cache, "wb") as f:
                pickle.dump(docs, f)
    log(f"{len(docs)} distinct documents parsed")
    res = mine(docs, log, load_vocab(Path(args.vocab)) if args.vocab else None)
    counts = write_all(res, Path(args.out))
    log(", ".join(f"{k}: {v} rows" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
