"""Accuracy against the gold annotations (tests/fixtures/corpus/dev), scored by the vendored score.py running
`vanban annotate`. Fails when a score falls below its floor."""
import json
import subprocess
import sys

from helpers import CORPUS_DEV, ROOT, SCORE_PY, vanban_cmd

# Floors under the scores on the dev gold set (.md and .txt sources). They are raised as the parser improves:
# set each a little under the current score, so that a change that loses accuracy fails here.
# The issue targets (outline F1 >= 0.97, heading >= 0.90, metadata >= 0.90, recipients >= 0.90) with the
# figures measured at the time set a little above them, so a regression fails; references and assignments
# (issues 3 and 4, in progress) are held at a floor below what they score now.
FLOORS = {"outline_f1": 0.97, "heading_accuracy": 0.95, "metadata_accuracy": 0.95, "recipients_f1": 0.95,
          "references_f1": 0.95, "assignments_f1": 0.85}


def score():
    # every dev document, the Word HTML one included now that it is read
    cmd = [sys.executable, str(SCORE_PY), str(CORPUS_DEV), "--json", "--cmd",
           f"{vanban_cmd()} annotate"]
    r = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=600)
    assert r.returncode == 0, f"score.py failed ({r.returncode}): {r.stderr}"
    return json.loads(r.stdout)


def test_scores_above_floors():
    s = score()
    print("\nscore.py summary:\n" + json.dumps(s, ensure_ascii=False, indent=2))
    got = {
        "outline_f1": s["outline"]["f1"],
        "heading_accuracy": s["outline_heading_accuracy"],
        "metadata_accuracy": s["metadata_accuracy"],
        "recipients_f1": s["recipients"]["f1"],
        "references_f1": s["references"]["f1"],
        "assignments_f1": s["assignments"]["f1"],
    }
    print("against floors: " + ", ".join(f"{k} {got[k]} (floor {FLOORS[k]})" for k in FLOORS))
    assert s["errors"] == [], s["errors"]
    # a score that is None (nothing to compare yet, e.g. no matched outline path) counts as 0
    low = {k: (got[k], floor) for k, floor in FLOORS.items() if (got[k] or 0.0) < floor}
    assert not low, f"below floor (score, floor): {low}\n{json.dumps(s, ensure_ascii=False, indent=2)}"
