"""The typed stubs (python/vanban/_vanban.pyi) name exactly what the extension module has, `mypy.stubtest`
finds no mismatch, and every public class, function, method and property has a docstring (in the stubs, which
editors show, and at run time, which `help()` shows)."""
import ast
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

import vanban
from vanban import _vanban

STUB = Path(vanban.__file__).with_name("_vanban.pyi")
ROOT = Path(__file__).resolve().parent.parent


def stub_tree():
    return ast.parse(STUB.read_text(encoding="utf-8"))


def stub_names():
    top, classes = set(), {}
    for node in stub_tree().body:
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


CLASSES = ("Document", "Node", "Metadata", "Reference", "Assignment", "Corpus", "ParseFailure", "ParseMany")


def test_module_names_match():
    top, _ = stub_names()
    runtime = {n for n in dir(_vanban) if not n.startswith("_")} | {"__version__"}
    assert top == runtime


def test_class_members_match():
    _, classes = stub_names()
    for name in CLASSES:
        cls = getattr(_vanban, name)
        stub = {n for n in classes[name] if not n.startswith("_")}
        assert stub == public(cls), name


def test_every_public_member_has_a_docstring_in_the_stubs():
    missing = []
    for node in stub_tree().body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not ast.get_docstring(node):
            missing.append(node.name)
        if isinstance(node, ast.ClassDef):
            for m in node.body:
                if isinstance(m, ast.FunctionDef) and not m.name.startswith("_") and not ast.get_docstring(m):
                    missing.append(f"{node.name}.{m.name}")
    assert missing == []


def test_every_public_member_has_a_docstring_at_run_time():
    missing = [f.__name__ for f in (vanban.parse, vanban.parse_file, vanban.parse_bytes, vanban.parse_many,
                                    vanban.frames) if not inspect.getdoc(f)]
    for name in CLASSES:
        cls = getattr(_vanban, name)
        if not (cls.__doc__ or "").strip():
            missing.append(name)
        for m in public(cls):
            if not (getattr(cls, m).__doc__ or "").strip():
                missing.append(f"{name}.{m}")
    import vanban.dask as vd

    missing += [f"vanban.dask.{n}" for n in ("files", "annotations", "failures", "documents", "frames", "outline",
                                             "references", "assignments") if not inspect.getdoc(getattr(vd, n))]
    assert missing == []


def test_stubtest_is_clean():
    pytest.importorskip("mypy")
    env = dict(os.environ, MYPY_CACHE_DIR=str(ROOT / "target" / "mypy-cache"))
    r = subprocess.run([sys.executable, "-m", "mypy.stubtest", "vanban", "--concise",
                        "--mypy-config-file", str(ROOT / "pyproject.toml")],
                       capture_output=True, text=True, env=env, cwd=ROOT / "python")
    assert r.returncode == 0, r.stdout + r.stderr
