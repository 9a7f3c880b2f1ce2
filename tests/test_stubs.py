"""The typed stubs (python/vanban/_vanban.pyi) name exactly what the extension module has."""
import ast
import inspect
from pathlib import Path

import vanban
from vanban import _vanban

STUB = Path(vanban.__file__).with_name("_vanban.pyi")


def stub_names():
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    top, classes = set(), {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            top.add(node.name)
            classes[node.name] = {
                n.name if isinstance(n, ast.FunctionDef) else n.target.id
                for n in node.body
                if isinstance(n, ast.FunctionDef) or (isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name))
            }
        elif isinstance(node, ast.FunctionDef):
            top.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            top.add(node.target.id)
    return top, classes


def public(obj):
    return {n for n in vars(obj) if not n.startswith("_")}


def test_module_names_match():
    top, _ = stub_names()
    runtime = {n for n in dir(_vanban) if not n.startswith("_")} | {"__version__"}
    assert top == runtime


def test_class_members_match():
    _, classes = stub_names()
    for name in ("Document", "Node", "Metadata", "Corpus", "ParseFailure"):
        cls = getattr(_vanban, name)
        stub = {n for n in classes[name] if not n.startswith("_")}
        assert stub == public(cls), name


def test_functions_have_docs():
    for f in (vanban.parse, vanban.parse_file, vanban.parse_bytes):
        assert inspect.getdoc(f)
