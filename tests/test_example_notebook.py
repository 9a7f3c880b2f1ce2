"""The example notebook (examples/vanban-tour.ipynb) runs from top to bottom in a real kernel (nbclient), and is
kept in git without outputs."""
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "vanban-tour.ipynb"


def test_the_notebook_is_stored_without_outputs():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(c["outputs"] == [] and c["execution_count"] is None for c in code)


def test_the_notebook_executes():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    for extra in ("ipykernel", "matplotlib", "networkx", "pyarrow", "pandas"):
        pytest.importorskip(extra)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o for o in outputs if "text/html" in o.get("data", {})]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 3, "the citation graph, the responsibility matrix and the deadline calendar"
    assert any("vb-document" in o["data"]["text/html"] for o in html), "the document's rich view"
    assert any("Most cited" in o["data"]["text/html"] for o in html), "the corpus's rich view"
    # parse_many(progress=True) in a kernel: tqdm's notebook widget, not text on stderr
    widgets = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert widgets, "a progress widget"
