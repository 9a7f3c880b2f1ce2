"""The rich views (`_repr_html_`): self-contained, escaped, bounded; rendered in a real headless Chromium
(Debian's `chromium`), whose DOM is checked and whose screenshots are kept under tests/artifacts/views/
(git-ignored) for a person to look at."""
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import vanban

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "seed-kh-langson-2022.txt"
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "docs"
DECREE = CORPUS / "tnt_ND_308-2025-ND-CP_54c3026b.md"
ARTIFACTS = ROOT / "tests" / "artifacts" / "views"
HOSTILE = "KẾ HOẠCH\n<script>alert('x')</script>\nI. MỤC ĐÍCH <img src=x onerror=alert(1)> & \"quotes\"\n"


@pytest.fixture(scope="module")
def sample():
    return vanban.parse_file(SAMPLE)


@pytest.fixture(scope="module")
def decree():
    return vanban.parse_file(DECREE)


def views(doc):
    out = {"document": doc._repr_html_(), "metadata": doc.metadata._repr_html_()}
    if doc.outline():
        out["node"] = doc.outline()[0]._repr_html_()
    if doc.references:
        out["reference"] = doc.references[0]._repr_html_()
    if doc.assignments:
        out["assignment"] = doc.assignments[0]._repr_html_()
    return out


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs


def parse_html(html):
    p = Tags()
    p.feed(html)
    return p


@pytest.mark.parametrize("which", ["sample", "hostile"])
def test_views_are_self_contained_and_escaped(sample, which):
    doc = sample if which == "sample" else vanban.parse(HOSTILE)
    for name, html in views(doc).items():
        p = parse_html(html)
        assert "script" not in p.tags and "img" not in p.tags and "link" not in p.tags, name
        assert not any(k in ("src", "href") or k.startswith("on") for k, _ in p.attrs), name
        css = "".join(re.findall(r"<style>(.*?)</style>", html, re.S))
        assert css and not re.search(r"https?:|@import|url\(", css), name
    if which == "hostile":
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in doc._repr_html_()


def test_every_result_has_a_view(sample, tmp_path):
    [failure] = list(vanban.parse_many([tmp_path / "missing.md"], progress=False))
    assert "ReadError" in failure._repr_html_()
    assert "1 files" in vanban.parse_many([SAMPLE], progress=False)._repr_html_()
    with vanban.Corpus(tmp_path / "x.sqlite") as c:
        c.index([SAMPLE], progress=False)
        html = c._repr_html_()
    assert "Most cited" in html and "58-KH/BTCTW" in html


def test_the_document_view_shows_metadata_outline_and_highlights(sample):
    html = sample._repr_html_()
    assert sample.metadata.title in html and sample.metadata.signer in html
    assert html.count('class="vb-leaf"') + html.count("<details") >= len(sample.outline())
    marks = re.findall(r'<mark class="vb-(ref|attached)" title="([^"]*)"', html)
    assert len(marks) == sum(len(r.mentions) for r in sample.references)
    assert any("58-KH/BTCTW" in t for _, t in marks)
    roles = set(re.findall(r'<mark class="vb-(lead|coordinate|responsible|directed|monitor|report_to)" title', html))
    assert "lead" in roles


def test_a_long_decree_is_cut_with_show_more(decree):
    html = decree._repr_html_()
    assert "show more" in html and "more characters not shown" in html
    assert len(html) < 1_500_000, len(html)
    full = decree.html(text_limit=None)
    assert "show more" not in full and len(full) > len(html)


# ---------------------------------------------------------------------------------------------------------
# In a browser


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


CHROMIUM = chromium()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on this machine (scripts/test.sh installs Debian's `chromium` when apt-get can)"
)

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>
<style>body{{margin:16px;{theme}}}</style></head><body>{body}</body></html>"""
LIGHT = "background:#fff;color:#111;color-scheme:light"
DARK = "background:#1e1e1e;color:#d4d4d4;color-scheme:dark"


def run_chromium(*args):
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
           "--no-first-run", "--disable-extensions", "--user-data-dir=" + str(ARTIFACTS / ".profile"), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def page(name, body, theme=LIGHT):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.html"
    path.write_text(PAGE.format(title=name, theme=theme, body=body), encoding="utf-8")
    return path


def screenshot(html_path, png, width=1280, height=2000):
    r = run_chromium(f"--screenshot={png}", f"--window-size={width},{height}", html_path.as_uri())
    assert png.exists() and png.stat().st_size > 10_000, r.stderr[-2000:]
    return png


def colours(png):
    """How many distinct colours the screenshot has (a blank or unstyled page has few)."""
    Image = pytest.importorskip("PIL.Image")
    with Image.open(png) as im:
        return len(im.convert("RGB").getcolors(maxcolors=1 << 20) or [])


@needs_chromium
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_seed_renders_in_chromium(sample, theme):
    html_path = page(f"seed-{theme}", sample._repr_html_(), LIGHT if theme == "light" else DARK)
    dom = run_chromium("--dump-dom", html_path.as_uri()).stdout
    # the browser built the view: the outline's <details>, the highlights with their hover titles
    assert dom.count("<details") >= 4
    assert len(re.findall(r'<mark class="vb-ref" title="[^"]*58-KH/BTCTW', dom)) >= 1
    assert "<script" not in dom
    png = screenshot(html_path, ARTIFACTS / f"seed-{theme}.png")
    assert colours(png) > 50


@needs_chromium
def test_the_decree_renders_in_chromium(decree):
    html_path = page("decree", decree._repr_html_())
    dom = run_chromium("--dump-dom", html_path.as_uri()).stdout
    assert "show more" in dom and dom.count('class="vb-leaf"') > 100
    png = screenshot(html_path, ARTIFACTS / "decree.png")
    assert colours(png) > 50


@needs_chromium
def test_hostile_text_stays_text_in_chromium():
    doc = vanban.parse(HOSTILE)
    html_path = page("hostile", doc._repr_html_())
    dom = run_chromium("--dump-dom", html_path.as_uri()).stdout
    assert "<script" not in dom and "<img" not in dom and "&lt;script&gt;" in dom


@needs_chromium
def test_the_small_views_render_in_chromium(sample, tmp_path):
    [failure] = list(vanban.parse_many([tmp_path / "missing.md"], progress=False))
    body = "".join(
        f"<h4>{name}</h4>{html}"
        for name, html in [
            ("Reference", sample.references[0]._repr_html_()),
            ("Assignment", next(a for a in sample.assignments if a.role == "lead")._repr_html_()),
            ("Node", sample.find("IV").__repr__() and sample.find("IV")._repr_html_()),
            ("Metadata", sample.metadata._repr_html_()),
            ("ParseFailure", failure._repr_html_()),
        ]
    )
    html_path = page("parts", body)
    dom = run_chromium("--dump-dom", html_path.as_uri()).stdout
    assert dom.count('class="vb-card') >= 5
    screenshot(html_path, ARTIFACTS / "parts.png", height=2400)
