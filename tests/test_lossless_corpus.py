"""Every vendored corpus document (.md, .txt) parses into a lossless tree: the leaves tile the text, every node
lies within its parent, and children are in order and tile their parent."""
import pytest

import vanban
from helpers import CORPUS_DOCS, check_tree, corpus_docs

DOCS = corpus_docs()


def test_corpus_is_vendored():
    assert len(DOCS) >= 100, f"expected the vendored corpus under {CORPUS_DOCS}"


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_lossless_tree(path):
    doc = vanban.parse_file(path)
    assert doc.text == path.read_bytes().decode("utf-8-sig")
    check_tree(doc)
    # the annotation is well formed whatever the parse found
    a = doc.annotation(path.name)
    assert a["schema"] == "vanban-annotation/1"
    assert [o["path"] for o in a["outline"]] == [n.path for n in doc.outline()]
