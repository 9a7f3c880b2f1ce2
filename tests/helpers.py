"""Paths, the `vanban` command, and checks of the lossless-tree invariants, shared by the tests.

Everything a test reads is inside the repository."""
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import List

import vanban

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
CORPUS_DOCS = FIXTURES / "corpus" / "docs"
CORPUS_DEV = FIXTURES / "corpus" / "dev"
SCORE_PY = TESTS / "tools" / "score.py"
SAMPLE = ROOT / "samples" / "seed-kh-langson-2022.txt"


def corpus_docs(exts=(".md", ".txt")) -> List[Path]:
    return sorted(p for p in CORPUS_DOCS.iterdir() if p.suffix in exts)


def vanban_argv() -> List[str]:
    """How to run the `vanban` command: the console script next to this Python, else `python -m vanban`."""
    exe = Path(sys.executable).parent / ("vanban.exe" if os.name == "nt" else "vanban")
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-m", "vanban"]


def vanban_cmd() -> str:
    """`vanban_argv()` as one shell-quoted string (for score.py --cmd)."""
    return " ".join(shlex.quote(a) for a in vanban_argv())


def run_vanban(*args, **kw) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    if "input" not in kw:
        kw["stdin"] = subprocess.DEVNULL  # CI runs with no standard input
    return subprocess.run(vanban_argv() + [str(a) for a in args], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=300, **kw)


LEAF_KINDS = {"paragraph", "table_row", "trivia"}


def check_leaves_tile(doc: vanban.Document) -> List[vanban.Node]:
    """The leaves' texts concatenate to the text; each leaf's code-point and byte offsets agree with its text."""
    text = doc.text
    leaves = doc.leaves()
    assert leaves or not text, "a non-empty text has leaves"
    pos = byte = 0
    for n in leaves:
        assert n.is_leaf and n.kind in LEAF_KINDS, n
        assert not n.children, n
        assert n.start == pos, f"gap or overlap before {n!r}: {pos} != {n.start}"
        assert n.end >= n.start
        t = n.text
        assert text[n.start:n.end] == t, n
        assert n.byte_start == byte, n
        byte += len(t.encode("utf-8"))
        assert n.byte_end == byte, n
        pos = n.end
    assert pos == len(text)
    assert "".join(n.text for n in leaves) == text
    return leaves


def check_tree(doc: vanban.Document) -> None:
    """Every node lies within its parent; children are in order and tile their parent's span."""
    text = doc.text
    root = doc.root
    assert root.kind == "document" and root.id == 0
    assert root.parent is None
    assert (root.start, root.end) == (0, len(text))
    assert root.text == text

    order = []
    stack = [root]
    while stack:  # pre-order, without recursion
        node = stack.pop()
        order.append(node)
        kids = node.children
        if node.is_leaf:
            assert not kids, node
        else:
            # an inner node's text lies in leaves below it: only an empty one may be childless
            assert kids or node.start == node.end, f"inner node without children: {node!r}"
            pos = node.start
            for c in kids:
                assert c.parent == node, (c, node)
                assert node.start <= c.start <= c.end <= node.end, (c, node)
                assert c.start == pos, f"children of {node!r} do not tile it at {pos}: {c!r}"
                pos = c.end
            assert pos == node.end, f"children of {node!r} stop at {pos}, before {node.end}"
        stack.extend(reversed(kids))
    assert order == doc.nodes()

    leaves = check_leaves_tile(doc)
    assert leaves == [n for n in order if n.is_leaf]

    items = doc.outline()
    assert items == [n for n in order if n.kind == "item"]
    for it in items:
        assert it.path, it
        if it.marker is not None:
            ms, me = it.marker
            assert it.start <= ms <= me <= it.end, it
