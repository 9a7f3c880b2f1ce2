"""Rich views for Jupyter (``_repr_html_``): self-contained HTML, no script, nothing fetched.

Everything printed from a document is escaped (its text may hold ``<script>``). Colours are translucent over
the notebook's own background and the text keeps the notebook's colour, so the views read in light and dark
themes alike. Hover titles carry the resolved fields. Long texts are cut: the first ``text_limit`` characters
are shown, the next ones up to ``more_limit`` behind a closed "show more" (a closed ``<details>`` is not laid
out by the browser), and the rest is counted, so an 800 KB decree renders at once.
"""
import html
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

_CSS = """
.vb-view{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;font-size:13px;line-height:1.5;
  color:inherit;max-width:100%;text-align:left}
.vb-view .vb-card{border:1px solid rgba(127,127,127,.4);border-radius:6px;padding:6px 12px;margin:4px 0 8px 0}
.vb-view .vb-card table,.vb-view table.vb-rows{border-collapse:collapse;margin:0}
.vb-view .vb-card th{text-align:left;font-weight:600;padding:1px 14px 1px 0;opacity:.7;vertical-align:top;
  white-space:nowrap;background:none}
.vb-view .vb-card td{padding:1px 0;vertical-align:top;text-align:left;background:none}
.vb-view table.vb-rows th,.vb-view table.vb-rows td{padding:2px 10px 2px 0;text-align:left;vertical-align:top;
  border-bottom:1px solid rgba(127,127,127,.2);background:none}
.vb-view table.vb-rows tr:nth-child(odd) td{background:none}
.vb-view .vb-title{font-size:14px;font-weight:600;margin:2px 0 4px 0}
.vb-view .vb-badge{display:inline-block;padding:0 7px;border-radius:9px;font-size:11px;font-weight:600;
  background:rgba(127,127,127,.2);margin-right:4px;white-space:nowrap}
.vb-view .vb-muted{opacity:.65}
.vb-view details{margin:2px 0}
.vb-view details>summary{cursor:pointer;font-weight:600;padding:2px 0}
.vb-view .vb-tree details>summary,.vb-view .vb-tree .vb-leaf{font-weight:normal}
.vb-view .vb-tree details,.vb-view .vb-tree .vb-leaf{margin-left:18px}
.vb-view .vb-tree>details,.vb-view .vb-tree>.vb-leaf{margin-left:0}
.vb-view .vb-label{font-weight:700;margin-right:6px}
.vb-view .vb-text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:12.5px;border:1px solid rgba(127,127,127,.3);border-radius:4px;
  padding:6px 8px;max-height:520px;overflow:auto;margin:4px 0}
.vb-view mark{color:inherit;border-radius:2px;padding:0 1px}
.vb-view mark:hover{outline:2px solid rgba(127,127,127,.8)}
.vb-view .vb-ref{background:rgba(59,130,246,.25);border-bottom:2px solid rgba(59,130,246,.9)}
.vb-view .vb-attached{background:rgba(20,184,166,.22);border-bottom:2px dotted rgba(20,184,166,.9)}
.vb-view .vb-pin{background:rgba(168,85,247,.22)}
.vb-view .vb-responsible{background:rgba(234,179,8,.30);border-bottom:2px solid rgba(234,179,8,.95)}
.vb-view .vb-lead{background:rgba(239,68,68,.25);border-bottom:2px solid rgba(239,68,68,.95)}
.vb-view .vb-coordinate{background:rgba(34,197,94,.25);border-bottom:2px solid rgba(34,197,94,.95)}
.vb-view .vb-directed{background:rgba(249,115,22,.25);border-bottom:2px solid rgba(249,115,22,.95)}
.vb-view .vb-monitor{background:rgba(236,72,153,.22);border-bottom:2px solid rgba(236,72,153,.95)}
.vb-view .vb-report_to{background:rgba(99,102,241,.25);border-bottom:2px solid rgba(99,102,241,.95)}
.vb-view .vb-legend mark{font-size:11px;margin-right:6px}
.vb-view .vb-error{border-color:rgba(239,68,68,.7)}
"""

ROLES = ("responsible", "lead", "coordinate", "directed", "monitor", "report_to")
ROLE_NAMES = {
    "responsible": "responsible (chịu trách nhiệm)",
    "lead": "lead (chủ trì)",
    "coordinate": "coordinate (phối hợp)",
    "directed": "directed (chỉ đạo)",
    "monitor": "monitor (theo dõi, kiểm tra)",
    "report_to": "report to (báo cáo)",
}

_ROLE_RANK = {r: i for i, r in enumerate(("lead", "coordinate", "directed", "report_to", "monitor", "responsible"))}

# How many rows the tables and the outline show before "… N more".
ROWS = 200
ITEMS = 1000


def esc(v: Any) -> str:
    """Escape for HTML text and attribute values."""
    return html.escape("" if v is None else str(v), quote=True)


def _page(cls: str, body: str) -> str:
    return f'<div class="vb-view {cls}"><style>{_CSS}</style>{body}</div>'


def _card(rows: Sequence[Tuple[str, Any]], title: str = "", cls: str = "") -> str:
    cells = "".join(f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in rows if v not in (None, "", []))
    head = f'<div class="vb-title">{title}</div>' if title else ""
    return f'<div class="vb-card {cls}">{head}<table>{cells}</table></div>'


def _badge(s: Any) -> str:
    return f'<span class="vb-badge">{esc(s)}</span>'


def _snip(s: Optional[str], n: int = 120) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _rows_table(header: Sequence[str], rows: Sequence[Sequence[str]], total: int) -> str:
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    more = f'<div class="vb-muted">… {total - len(rows)} more</div>' if total > len(rows) else ""
    return f'<table class="vb-rows"><tr>{head}</tr>{body}</table>{more}'


# ---------------------------------------------------------------------------------------------------------
# Highlighted text


def _ref_title(r: Any, d: Dict[str, Any], mention: int, section: Optional[str]) -> str:
    parts = [d["doc_type_name"] or d["doc_type"], d["symbol"] or d["name"]]
    if d["date"]:
        parts.append(d["date"])
    if d["issuer"]:
        parts.append(d["issuer"])
    lines = [" · ".join(str(p) for p in parts if p)]
    for p in d["pinpoints"]:
        if p["mention"] == mention:
            pin = ", ".join(f"{k} {p[k]}" for k in ("article", "clause", "point") if p[k])
            lines.append(f"pinpoint: {pin}")
    lines.append(f"key: {d['key']}" + (" (attached to this document)" if d["attached"] else ""))
    if section:
        lines.append(f"in {section}")
    return "\n".join(lines)


def _spans(doc: Any) -> List[Tuple[int, int, str, str]]:
    """(start, end, css class, hover title) of every reference mention and assignment agency, sorted."""
    out: List[Tuple[int, int, str, str]] = []
    for r in doc.references:
        d = r.to_dict()
        nodes = r.nodes
        for i, (s, e) in enumerate(d["mentions"]):
            section = nodes[i].path if nodes[i] is not None else None
            out.append((s, e, "vb-attached" if d["attached"] else "vb-ref", _ref_title(r, d, i, section)))
        for p in d["pinpoints"]:
            out.append((p["start"], p["end"], "vb-pin", "pinpoint: " + ", ".join(
                f"{k} {p[k]}" for k in ("article", "clause", "point") if p[k])))
    text = doc.text
    agencies: Dict[Tuple[int, int], List[Any]] = {}
    for a in doc.assignments:
        at = _agency_span(text, a)
        if at is not None:
            agencies.setdefault(at, []).append(a)
    for (s, e), records in agencies.items():
        titles = []
        for a in records:
            t = f"{a.agency} — {ROLE_NAMES.get(a.role, a.role)}"
            if a.section:
                t += f"\nsection {a.section}"
            if a.deadline:
                t += f"\ndeadline: {a.deadline}" + (f" ({a.deadline_kind})" if a.deadline_kind else "")
            cps = ", ".join(f"{ag} ({role})" for ag, role in a.counterparts)
            if cps:
                t += f"\nwith: {cps}"
            titles.append(t)
        # one agency, several roles in one paragraph (responsible, and lead of it): the most specific colours it
        role = min((a.role for a in records), key=lambda r: _ROLE_RANK.get(r, len(_ROLE_RANK)))
        out.append((s, e, f"vb-{role}", "\n\n".join(titles)))
    out.sort(key=lambda x: (x[0], -x[1]))
    return out


def _agency_span(text: str, a: Any) -> Optional[Tuple[int, int]]:
    """Where the agency is printed in its paragraph (the first time), or None."""
    s, e = a.agency_start, a.agency_end
    # the name as printed; a table cell's agency points at the whole row: look for the name in it instead
    if s < e and text[s:e].lower() == a.agency.lower():
        return s, e
    if not a.agency:
        return None
    i = text.find(a.agency, a.start, a.end)
    if i < 0:
        i = text[a.start : a.end].lower().find(a.agency.lower())
        if i < 0:
            return None
        i += a.start
    return i, i + len(a.agency)


def _marked(text: str, spans: Iterable[Tuple[int, int, str, str]], lo: int, hi: int) -> str:
    """``text[lo:hi]`` escaped, with the spans inside it as ``<mark>``s (overlaps: the first wins)."""
    out, at = [], lo
    for s, e, cls, title in spans:
        if s < at or s >= hi:
            continue
        e = min(e, hi)
        out.append(esc(text[at:s]))
        out.append(f'<mark class="{cls}" title="{esc(title)}">{esc(text[s:e])}</mark>')
        at = e
    out.append(esc(text[at:hi]))
    return "".join(out)


def _legend() -> str:
    marks = [("vb-ref", "reference"), ("vb-attached", "attached (appendix)"), ("vb-pin", "pinpoint")]
    marks += [(f"vb-{r}", ROLE_NAMES[r]) for r in ROLES]
    return '<div class="vb-legend">' + "".join(f'<mark class="{c}">{esc(n)}</mark>' for c, n in marks) + "</div>"


def _cut(spans: List[Tuple[int, int, str, str]], at: int) -> int:
    """`at`, moved past a highlight that straddles it."""
    for s, e, _, _ in spans:
        if s < at < e:
            at = e
    return at


def highlighted(doc: Any, lo: int, hi: int, text_limit: Optional[int], more_limit: Optional[int],
                spans: Optional[List[Tuple[int, int, str, str]]] = None) -> str:
    """``doc.text[lo:hi]`` with highlights: the first ``text_limit`` chars shown, up to ``more_limit`` more
    behind "show more", the rest counted."""
    text = doc.text
    if spans is None:
        spans = _spans(doc)
    inside = [s for s in spans if lo <= s[0] < hi]
    cut = hi if text_limit is None else _cut(inside, min(hi, lo + text_limit))
    parts = [f'<div class="vb-text">{_marked(text, inside, lo, cut)}</div>']
    if cut < hi:
        end = hi if more_limit is None else _cut(inside, min(hi, cut + more_limit))
        parts.append(
            f"<details><summary>show more ({end - cut:,} more characters)</summary>"
            f'<div class="vb-text">{_marked(text, inside, cut, end)}</div></details>'
        )
        if end < hi:
            parts.append(
                f'<div class="vb-muted">… {hi - end:,} more characters not shown '
                f"(<code>doc.html(text_limit=None)</code> shows all)</div>"
            )
    return "".join(parts)


# ---------------------------------------------------------------------------------------------------------
# Document


def _metadata_rows(m: Any) -> List[Tuple[str, Any]]:
    d = m.to_dict()
    sym = d["symbol"]
    parts = d["symbol_parts"] or {}
    sym_html: Optional[str]
    if sym and parts.get("form"):
        sym_html = f"{esc(sym)} <span class='vb-muted'>({esc(parts['form'])} form)</span>"
    else:
        sym_html = esc(sym) if sym else None
    signer = ", ".join(esc(x) for x in (d["signer_title"], d["signer"]) if x)
    rec = d["recipients"]
    recipients = None
    if rec:
        items = "".join(f"<li>{esc(r)}</li>" for r in rec)
        recipients = f"<details><summary class='vb-muted'>{len(rec)} recipients</summary><ul>{items}</ul></details>"
    return [
        ("type", f"{_badge(d['doc_type'])}{esc(d['doc_type_name'])}" if d["doc_type"] else None),
        ("symbol", sym_html),
        ("issuer", esc(d["issuer"]) if d["issuer"] else None),
        ("place, date", ", ".join(esc(x) for x in (d["place"], d["date"]) if x) or None),
        ("title", esc(d["title"]) if d["title"] else None),
        ("signed", (esc(d["signing_authority"]) + ": " if d["signing_authority"] else "") + signer if signer else None),
        ("recipients", recipients),
    ]


def metadata(m: Any) -> str:
    """``Metadata._repr_html_``: a card of the fields."""
    return _page("vb-metadata", _card(_metadata_rows(m), "Metadata"))


def _item_summary(doc: Any, item: Any) -> str:
    if item.heading is not None:
        text = item.heading
    else:
        start = item.marker[1] if item.marker else item.start
        text = doc.text[start : min(item.end, start + 300)].replace("*", "")
        text = " ".join(text.split()).lstrip(" .:)-/")
    return f'<span class="vb-label">{esc(item.label or "?")}</span>{esc(_snip(text, 110))}'


def _outline(doc: Any, limit: int = ITEMS) -> str:
    items = doc.outline()
    if not items:
        return '<div class="vb-muted">(no outline items)</div>'
    shown = items[:limit]
    ids = {it.id for it in shown}
    children: Dict[Optional[int], List[Any]] = {}
    for it in shown:
        p = it.parent
        while p is not None and p.id not in ids:
            p = p.parent
        children.setdefault(None if p is None else p.id, []).append(it)

    def render(it: Any, depth: int) -> str:
        kids = children.get(it.id)
        title = esc(it.path or "")
        if not kids:
            return f'<div class="vb-leaf" title="{title}">{_item_summary(doc, it)}</div>'
        opened = " open" if depth < 1 else ""
        inner = "".join(render(k, depth + 1) for k in kids)
        return f'<details{opened}><summary title="{title}">{_item_summary(doc, it)} ' \
               f'<span class="vb-muted">({len(kids)})</span></summary>{inner}</details>'

    body = "".join(render(it, 0) for it in children.get(None, []))
    more = (f'<div class="vb-muted">… {len(items) - limit:,} more items (<code>doc.outline_frame()</code> lists them '
            f"all)</div>" if len(items) > limit else "")
    return f'<div class="vb-tree">{body}</div>{more}'


def _references_table(doc: Any) -> str:
    refs = doc.references
    rows = []
    for r in refs[:ROWS]:
        sections = sorted({n.path for n in r.nodes if n is not None})
        rows.append([
            _badge(r.doc_type) if r.doc_type else "",
            esc(r.symbol or r.name),
            esc(r.date.isoformat() if r.date else ""),
            esc(_snip(r.issuer, 60)),
            str(len(r.mentions)) + (" <span class='vb-muted'>attached</span>" if r.attached else ""),
            esc(", ".join(sections[:6]) + (" …" if len(sections) > 6 else "")),
        ])
    return _rows_table(["type", "symbol or name", "date", "issuer", "mentions", "in"], rows, len(refs))


def _assignments_table(doc: Any) -> str:
    tasks = doc.assignments
    rows = []
    for a in tasks[:ROWS]:
        rows.append([
            esc(a.section or "–"),
            esc(a.agency),
            f'<mark class="vb-{esc(a.role)}">{esc(a.role)}</mark>',
            esc(a.deadline or ""),
        ])
    return _rows_table(["section", "agency", "role", "deadline"], rows, len(tasks))


def _counts(doc: Any) -> List[Tuple[str, Any]]:
    src = doc.input_format
    if src and doc.encoding:
        src = f"{src}, {doc.encoding} ({doc.encoding_confidence:.2f})"
    return [
        ("file", esc(doc.path) if doc.path else None),
        ("read as", esc(src) if src else None),
        ("size", f"{len(doc.text):,} characters, {len(doc.outline()):,} outline items, "
                 f"{len(doc.references):,} references, {len(doc.assignments):,} assignments"),
    ]


def document(doc: Any, text_limit: Optional[int] = 20000, more_limit: Optional[int] = 100000) -> str:
    """``Document._repr_html_`` / ``Document.html()``."""
    m = doc.metadata
    head = (m.doc_type_name or "Document") + (f" {m.symbol}" if m.symbol else "")
    card = _card(_metadata_rows(m) + _counts(doc), esc(head))
    n_items, n_refs, n_tasks = len(doc.outline()), len(doc.references), len(doc.assignments)
    parts = [
        card,
        f'<details open class="vb-outline"><summary>Outline ({n_items} items)</summary>{_outline(doc)}</details>',
        f"<details><summary>References ({n_refs})</summary>{_references_table(doc)}</details>",
        f"<details><summary>Assignments ({n_tasks})</summary>{_assignments_table(doc)}</details>",
        f'<details open class="vb-body"><summary>Text ({len(doc.text):,} characters)</summary>{_legend()}'
        f"{highlighted(doc, 0, len(doc.text), text_limit, more_limit)}</details>",
    ]
    return _page("vb-document", "".join(parts))


def node(n: Any) -> str:
    """``Node._repr_html_``: the node's fields, its items, its text highlighted."""
    doc = _document_of(n)
    rows: List[Tuple[str, Any]] = [
        ("kind", _badge(n.kind)),
        ("path", esc(n.path) if n.path else None),
        ("label", esc(n.label) if n.label else None),
        ("style", esc(n.style) if n.style else None),
        ("heading", esc(n.heading) if n.heading else None),
        ("span", f"{n.start:,}–{n.end:,} ({n.end - n.start:,} characters)"),
        ("items", esc(", ".join(i.label or "?" for i in n.items())) or None),
    ]
    title = f"Node {esc(n.path or n.kind)}"
    return _page("vb-node", _card(rows, title) + highlighted(doc, n.start, n.end, 5000, 50000))


def _document_of(view: Any) -> Any:
    return view.document


def _context(doc: Any, s: int, e: int, spans: List[Tuple[int, int, str, str]], width: int = 80) -> str:
    lo = max(0, s - width)
    hi = min(len(doc.text), e + width)
    inside = [x for x in spans if lo <= x[0] and x[1] <= hi]
    return ("…" if lo > 0 else "") + _marked(doc.text, inside, lo, hi) + ("…" if hi < len(doc.text) else "")


def reference(r: Any) -> str:
    """``Reference._repr_html_``: the resolved fields and each mention in context."""
    doc = _document_of(r)
    d = r.to_dict()
    rows: List[Tuple[str, Any]] = [
        ("type", f"{_badge(d['doc_type'])}{esc(d['doc_type_name'])}" if d["doc_type"] else None),
        ("symbol", esc(d["symbol"]) if d["symbol"] else None),
        ("name", esc(d["name"]) if d["name"] else None),
        ("date", esc(d["date"]) if d["date"] else None),
        ("issuer", esc(d["issuer"]) if d["issuer"] else None),
        ("key", f"<code>{esc(d['key'])}</code>"),
        ("attached", "yes: issued with this document" if d["attached"] else None),
    ]
    spans = [s for s in _spans(doc) if s[2] in ("vb-ref", "vb-attached", "vb-pin")]
    ctx = []
    for i, (s, e) in enumerate(d["mentions"][:ROWS]):
        n = r.nodes[i]
        where = esc(n.path) if n is not None else "–"
        ctx.append([where, f'<span class="vb-text" style="display:inline;border:none;padding:0">'
                           f"{_context(doc, s, e, spans)}</span>"])
    title = f"Reference {esc(d['symbol'] or d['name'] or d['key'])}"
    table = _rows_table(["in", f"mentions ({len(d['mentions'])})"], ctx, len(d["mentions"]))
    return _page("vb-reference", _card(rows, title) + table)


def assignment(a: Any) -> str:
    """``Assignment._repr_html_``: who, which role, by when, with whom; the paragraph with the agency marked."""
    doc = _document_of(a)
    info = a.deadline_info or {}
    dl = None
    if a.deadline:
        extra = ", ".join(f"{k} {info[k]}" for k in ("date", "year", "part", "every") if info.get(k))
        dl = esc(a.deadline) + f" <span class='vb-muted'>({esc(a.deadline_kind)}{', ' + esc(extra) if extra else ''})</span>"
    rows: List[Tuple[str, Any]] = [
        ("agency", esc(a.agency)),
        ("role", f'<mark class="vb-{esc(a.role)}">{esc(ROLE_NAMES.get(a.role, a.role))}</mark>'),
        ("section", esc(a.section) if a.section else "–"),
        ("deadline", dl),
        ("with", esc(", ".join(f"{ag} ({role})" for ag, role in a.counterparts)) or None),
        ("key", f"<code>{esc(a.agency_key)}</code>"),
    ]
    spans = _spans(doc)
    return _page("vb-assignment", _card(rows, "Assignment") + highlighted(doc, a.start, a.end, 5000, 20000, spans))


def failure(f: Any) -> str:
    """``ParseFailure._repr_html_``."""
    rows = [("file", esc(f.path)), ("error", _badge(f.error_type)), ("reason", esc(f.reason))]
    return _page("vb-failure", _card(rows, "Parse failure", "vb-error"))


def parse_many(it: Any) -> str:
    """``ParseMany._repr_html_``: what the iterator will give."""
    try:
        n = f"{len(it):,} files"
    except TypeError:
        n = "files from an iterable (count unknown until consumed)"
    body = _card([("results", esc(n)), ("gives", "a Document or a ParseFailure per file, in input order"),
                  ("tables", "<code>vanban.frames(results)</code>")], "parse_many")
    return _page("vb-parse-many", body)


def corpus(c: Any) -> str:
    """``Corpus._repr_html_``: the counts and the most cited documents."""
    try:
        stats = c.stats()
        top = c.most_cited(10, as_frame=False)
    except Exception as exc:  # a closed index still shows something
        return _page("vb-corpus", _card([("index", esc(c.path)), ("state", esc(exc))], "Corpus", "vb-error"))
    rows = [("index", esc(c.path))] + [(k.replace("_", " "), f"{v:,}") for k, v in stats.items()]
    cited = [[esc(r["target"]), _badge(r["doc_type"]) if r["doc_type"] else "", str(r["citing_docs"]),
              str(r["mentions"]), esc(r["target_path"] or "outside the index")] for r in top]
    table = _rows_table(["document", "type", "citing documents", "mentions", "in the index as"], cited, len(cited))
    return _page("vb-corpus", _card(rows, "Corpus") + f"<details open><summary>Most cited</summary>{table}</details>")
