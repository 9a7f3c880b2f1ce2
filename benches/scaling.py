"""Per-byte cost of `vanban.parse` as the input grows (issue 13, item 4: every stage linear or n log n).

    .venv/bin/python benches/scaling.py                # 0.25, 1, 4 and 16 MB of each shape
    .venv/bin/python benches/scaling.py --sizes 0.25,1,4 --shapes same-citation-one-paragraph

Each shape is text made by repeating one unit (citations, outline items, plain prose) to each size; each size
is parsed once in a fresh process (so one run's memory does not slow the next) and its CPU time divided by its
bytes. A linear stage keeps that figure flat; a quadratic one doubles it each time the size doubles. The
benchmark exits 1 when a shape's per-byte cost at the largest size is more than FLAT_LIMIT times its cost at the
smallest, naming the shape: a benchmark, not a test, because a shared machine's timings are noisy (run it on a
quiet machine, and read the whole table before trusting one figure).
"""
import argparse
import json
import subprocess
import sys
import time

MB = 1_000_000
# Past this growth of the per-byte cost from the smallest size to the largest, a shape counts as superlinear.
# Caches alone make a linear parse a little dearer per byte on larger inputs; quadratic grows 64x over 0.25-16 MB.
FLAT_LIMIT = 2.0


def citation(i: int) -> str:
    # a number has at most five digits (the grammar's `\d{1,5}`): it cycles below 100,000, and with the year
    # (cycling over 25, coprime to 99,999) every citation stays distinct
    return f"Nghị định số {i % 99_999 + 1}/{2000 + i % 25}/NĐ-CP ngày {1 + i % 28} tháng {1 + i % 12} năm {2000 + i % 25}"


# name -> (unit maker, how the units are joined); the head makes a document of a kind the parser knows
SHAPES = {
    # the case: distinct citations in one long paragraph ("Căn cứ A, B, C, ...")
    "distinct-citations-one-paragraph": (lambda i: citation(i), ", "),
    "same-citation-one-paragraph": (lambda i: citation(14), ", "),
    "distinct-citations-one-per-line": (lambda i: "Căn cứ " + citation(i) + ";", "\n"),
    "outline-items": (lambda i: f"{i % 9 + 1}.{i % 7 + 1}. Nội dung thứ {i} của kế hoạch", "\n\n"),
    "plain-prose": (lambda i: "Ủy ban nhân dân tỉnh giao các sở, ngành thực hiện nội dung theo quy định", " "),
}
HEAD = "KẾ HOẠCH\n\nVề việc kiểm tra\n\n"


def make(shape: str, size: float) -> str:
    unit, sep = SHAPES[shape]
    parts, n, i = [HEAD], len(HEAD.encode()), 0
    while n < size * MB:
        piece = unit(i) + sep
        parts.append(piece)
        n += len(piece.encode())
        i += 1
    return "".join(parts) + "\n"


def child(shape: str, size: float) -> None:
    import vanban

    text = make(shape, size)
    vanban.parse(make(shape, 0.01))  # the first parse compiles the regexes and loads the lexicon: not timed
    t0 = time.process_time()
    doc = vanban.parse(text)
    cpu = time.process_time() - t0
    print(json.dumps({"bytes": len(text.encode()), "cpu": cpu, "references": len(doc.references)}))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="0.25,1,4,16", help="sizes in MB, comma-separated, smallest first")
    ap.add_argument("--shapes", default=",".join(SHAPES), help=f"comma-separated, of: {', '.join(SHAPES)}")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], float(args.child[1]))
        return 0
    sizes = [float(s) for s in args.sizes.split(",")]
    superlinear = []
    print(f"{'shape':<34} {'MB':>6} {'CPU s':>8} {'ns/byte':>8} {'vs first':>8} {'refs':>7}")
    for shape in args.shapes.split(","):
        first = None
        for size in sizes:
            out = subprocess.run([sys.executable, __file__, "--child", shape, str(size)],
                                 check=True, capture_output=True, text=True).stdout
            r = json.loads(out)
            per = r["cpu"] / r["bytes"] * 1e9
            first = first or per
            print(f"{shape:<34} {r['bytes'] / MB:>6.2f} {r['cpu']:>8.2f} {per:>8.0f} {per / first:>7.2f}x "
                  f"{r['references']:>7}", flush=True)
        if per / first > FLAT_LIMIT:
            superlinear.append(f"{shape} ({per / first:.1f}x the per-byte cost of {sizes[0]} MB at {sizes[-1]} MB)")
    if superlinear:
        print("superlinear: " + "; ".join(superlinear))
        return 1
    print(f"every shape within {FLAT_LIMIT}x of its smallest size's per-byte cost")
    return 0


if __name__ == "__main__":
    sys.exit(main())
