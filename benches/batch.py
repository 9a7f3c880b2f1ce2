"""Batch throughput, scaling and memory of `vanban.parse_many` over a directory or a .tar.gz of documents.

    .venv/bin/python benches/batch.py ../shared/corpus/bench/archive-13984.tar.gz
    .venv/bin/python benches/batch.py DIR --workers 1,2 --repeat 3 --annotate

An archive is unpacked into a temporary directory under /tmp (never into the repository) and removed afterwards
(--keep keeps it and prints where). Each run is a fresh Python process, so that its peak RSS is its own; it
parses every document with parse_many (GIL released, rayon workers), touches each result (with --annotate it
also makes the annotation JSON, as `vanban annotate` does), and samples its RSS (/proc/self/status) every 2% of
the files to show whether memory stays flat. `serial` in --workers is a plain `parse_file` loop, the baseline
without the pool. Prints files/s, MB/s, the speed-up over 1 worker, CPU use (CPU
seconds / wall seconds: 2.00x means two cores busy all along; on a shared machine it shows what the neighbours
left), peak RSS, RSS across the batch, and the
failures by type (a failure is a typed error naming the file; a crash would end the run).

    .venv/bin/python benches/batch.py ../shared/corpus/bench/archive-13984.tar.gz --hostile --workers 2

--hostile mixes the hostile files of issue 13 (tests/hostile/make_hostile.py: looping and bomb PDFs, a FIFO, a
link to /dev/zero, a 300 MB sparse file, a .docx bomb, two names that are not UTF-8) into a copy under /tmp:
each must be one failure, and peak RSS stay bounded.
"""
import argparse
import collections
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time


# What parse_many takes from a directory (vanban::batch::DOCUMENT_EXTENSIONS).
DOCUMENT_EXTENSIONS = (".txt", ".md", ".htm", ".html", ".docx", ".pdf")


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def child(directory: str, workers: str, annotate: bool, passes: int) -> None:
    """One run in this process; prints one JSON object."""
    import vanban

    files = [os.path.join(d, f) for d, _, fs in os.walk(directory) for f in fs
             if os.path.splitext(f)[1].lower() in DOCUMENT_EXTENSIONS]
    total = len(files)
    del files
    every = max(1, total // 50)
    samples = [(0, round(rss_mb(), 1))]
    failures = collections.Counter()
    examples = collections.defaultdict(list)
    n = ok = nbytes = 0
    t0 = time.perf_counter()
    u0 = resource.getrusage(resource.RUSAGE_SELF)
    cpu0 = u0.ru_utime + u0.ru_stime

    def batch():
        if workers != "serial":
            return vanban.parse_many(directory, workers=int(workers), progress=False)

        def results():
            for d, dirs, fs in os.walk(directory):
                dirs.sort()
                for f in sorted(fs):
                    p = os.path.join(d, f)
                    if os.path.splitext(f)[1].lower() not in DOCUMENT_EXTENSIONS:
                        continue
                    try:
                        yield vanban.parse_file(p)
                    except vanban.VanbanError as e:
                        yield e
        return results()

    for r in (r for _ in range(passes) for r in batch()):
        n += 1
        if isinstance(r, vanban.Document):
            ok += 1
            nbytes += os.path.getsize(r.path)
            if annotate:
                r.annotation_json(r.path)
        else:
            kind = r.error_type if isinstance(r, vanban.ParseFailure) else type(r).__name__
            failures[kind] += 1
            if len(examples[kind]) < 5:
                examples[kind].append(r.message if isinstance(r, vanban.ParseFailure) else str(r))
            path = r.path
            # what was read: nothing of a file refused before reading (too large, not a regular file)
            if path and os.path.isfile(path) and kind != "ReadError":
                nbytes += os.path.getsize(path)
        if n % every == 0:
            samples.append((n, round(rss_mb(), 1)))
    secs = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = usage.ru_maxrss / 1024
    cpu = usage.ru_utime + usage.ru_stime - cpu0
    print(json.dumps({"workers": workers, "passes": passes, "files": n, "ok": ok, "bytes": nbytes, "seconds": secs, "cpu_seconds": cpu,
                      "peak_rss_mb": round(peak, 1), "rss": samples, "failures": failures,
                      "examples": examples}))


def unpack(archive: str, keep: bool) -> str:
    work = tempfile.mkdtemp(prefix="vanban-bench-", dir="/tmp")
    t0 = time.perf_counter()
    with tarfile.open(archive) as tar:
        if sys.version_info >= (3, 12):
            tar.extractall(work, filter="data")
        else:
            tar.extractall(work)
    print(f"unpacked {archive} into {work} in {time.perf_counter() - t0:.1f} s"
          + ("" if keep else " (removed at the end; --keep keeps it)"), file=sys.stderr)
    return work


def run(directory: str, workers: str, annotate: bool, passes: int) -> dict:
    argv = [sys.executable, os.path.abspath(__file__), "--child", directory, "--workers", workers,
            "--passes", str(passes)]
    if annotate:
        argv.append("--annotate")
    out = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", help="a directory of documents, or a .tar.gz of them (unpacked under /tmp)")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts; 'serial' = parse_file loop")
    ap.add_argument("--repeat", type=int, default=1, help="runs per worker count (the median is reported)")
    ap.add_argument("--annotate", action="store_true", help="also make each annotation JSON")
    ap.add_argument("--passes", type=int, default=1,
                    help="parse the files this many times in one process (a flat RSS on the later passes shows that "
                         "memory does not grow with the number of files)")
    ap.add_argument("--keep", action="store_true", help="keep the unpacked archive")
    ap.add_argument("--hostile", action="store_true",
                    help="mix the hostile files of tests/hostile/make_hostile.py into a copy under /tmp")
    ap.add_argument("--json", help="write all runs to this file")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.source, args.workers, args.annotate, args.passes)
        return 0

    work = None
    directory = args.source
    if os.path.isfile(args.source):
        work = unpack(args.source, args.keep)
        directory = work
    if args.hostile:
        if work is None:  # never into the directory given: into a copy
            work = tempfile.mkdtemp(prefix="vanban-bench-", dir="/tmp")
            directory = shutil.copytree(args.source, os.path.join(work, "copy"), symlinks=True)
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "hostile"))
        import make_hostile
        made = make_hostile.make(os.path.join(directory, "hostile"))
        print(f"mixed in {len(made)} hostile files and {len(make_hostile.GOOD)} names that are not UTF-8", file=sys.stderr)
    try:
        counts = args.workers.split(",")
        runs = collections.defaultdict(list)
        # Interleave the counts, so that a noisy neighbour hurts each alike.
        for _ in range(args.repeat):
            for w in counts:
                r = run(directory, w, args.annotate, args.passes)
                runs[w].append(r)
                print(f"  workers={w}: {r['files']} files in {r['seconds']:.2f} s, peak RSS {r['peak_rss_mb']} MB",
                      file=sys.stderr)
    finally:
        if work and not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    def median_run(w):
        return sorted(runs[w], key=lambda r: r["seconds"])[len(runs[w]) // 2]

    print(f"machine: {os.cpu_count()} cores, {platform_line()}")
    print(f"source: {args.source}{' (annotation JSON made too)' if args.annotate else ''}; "
          f"{args.passes} pass(es) per run; median of {args.repeat} run(s)")
    print(f"{'workers':>8} {'files':>7} {'MB':>7} {'s':>7} {'files/s':>8} {'MB/s':>6} {'speed-up':>8} "
          f"{'CPU use':>7} {'peak RSS':>9} {'RSS 10%..100%':>16}")
    base = None
    for w in counts:
        r = median_run(w)
        mb = r["bytes"] / 1e6
        rate = r["files"] / r["seconds"]
        if w == "1":
            base = rate
        speed = f"{rate / base:.2f}x" if base else "-"
        later = [m for n, m in r["rss"] if n >= r["files"] // 10]
        spread = f"{min(later):.0f}..{max(later):.0f} MB" if later else "-"
        print(f"{w:>8} {r['files']:>7} {mb:>7.1f} {r['seconds']:>7.2f} {rate:>8.0f} {mb / r['seconds']:>6.2f} "
              f"{speed:>8} {r['cpu_seconds'] / r['seconds']:>6.2f}x {r['peak_rss_mb']:>6.0f} MB {spread:>16}")
    if args.passes > 1:
        for w in counts:
            r = median_run(w)
            per = r["files"] // args.passes
            for k in range(args.passes):
                rss = [m for n, m in r["rss"] if k * per < n <= (k + 1) * per]
                print(f"  workers={w}: RSS during pass {k + 1}: {min(rss):.0f}..{max(rss):.0f} MB")
    if len(runs.get("1", [])) > 1 or len(runs.get("2", [])) > 1:
        for w in counts:
            rates = [r["files"] / r["seconds"] for r in runs[w]]
            print(f"  workers={w}: files/s per run {', '.join(f'{x:.0f}' for x in rates)} "
                  f"(median {statistics.median(rates):.0f})")
    # Every run parses the same files: the failures of one stand for all.
    first = median_run(counts[0])
    failures = {k: v // args.passes for k, v in first["failures"].items()}
    examples = first["examples"]
    print(f"failures (per pass over the files): {dict(failures) if failures else 'none'}")
    for kind, ex in examples.items():
        for e in ex:
            print(f"  {kind}: {e}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(runs, f, indent=1)
    return 0


def platform_line() -> str:
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            model = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
    except OSError:
        pass
    return f"{model or 'unknown CPU'}, Python {sys.version.split()[0]}"


if __name__ == "__main__":
    sys.exit(main())
