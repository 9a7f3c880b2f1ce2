#!/usr/bin/env python3
"""vanban against the analyst's regex script, side by side on the same files, on one core, in one run.

    python3 benches/compare.py                        # the vendored corpus, and the bench sample if unpacked
    python3 benches/compare.py /tmp/bench2000.txt     # a list of paths, one a line
    python3 benches/compare.py DIR --sample 2000      # the first 2,000 files of a directory (sorted by name)
    python3 benches/compare.py --repeat 5 --baseline-json

Each file set is run --repeat times, alternating vanban and the script (so that a change in the machine's load
falls on both), each a fresh process pinned to one core (`taskset -c 0`). Timed is the CPU time of the process
(user + system, from wait4's rusage), not wall time: the machine is shared, and a neighbour taking the core
stretches wall time without changing the work done. Printed: MB/s of each (file bytes / median CPU seconds)
and the ratio (the script's CPU time / vanban's), the median over the repetitions and their range.

vanban is `target/release/examples/annotate` (built with `cargo build --release --example annotate` when it is
missing): it reads each file, parses it and prints its annotation JSON (the full analysis). The script is
`tests/tools/baseline_regex.py` (vendored from the shared tools, see tests/fixtures/PROVENANCE.md), run with
`--quiet` (it parses and counts, no JSON: the stricter comparison) unless --baseline-json is given. Both write
to /dev/null.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "tests", "fixtures", "corpus", "docs")
BASELINE = os.path.join(ROOT, "tests", "tools", "baseline_regex.py")
ANNOTATE = os.path.join(ROOT, "target", "release", "examples", "annotate")
# Where the bench sample is looked for when no file set is given (the archive is not in the repository).
DEFAULT_BENCH = ["/tmp/bench2000.txt", "/tmp/vanban-bench/dataset"]
# Paths per process: well under ARG_MAX even for long paths; a longer set is run as several processes.
CHUNK = 3000


def files_of(spec: str, sample: int | None) -> list[str]:
    """A directory's files (sorted), or the paths listed in a file, one a line."""
    if os.path.isdir(spec):
        names = sorted(n for n in os.listdir(spec) if os.path.isfile(os.path.join(spec, n)))
        paths = [os.path.join(spec, n) for n in names]
    else:
        with open(spec, encoding="utf-8") as f:
            paths = [line.strip() for line in f if line.strip()]
    return paths[:sample] if sample else paths


def cpu_seconds(cmd: list[str]) -> float:
    """Run `cmd` to completion with its output discarded; its user + system CPU seconds."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if proc.returncode != 0:
        sys.exit(f"compare: {cmd[0]} failed (exit {proc.returncode}): {err.strip()[:500]}")
    return usage.ru_utime + usage.ru_stime


def run(prefix: list[str], files: list[str]) -> float:
    """CPU seconds of `prefix FILES...` over all the files, in chunks of CHUNK paths."""
    return sum(cpu_seconds(prefix + files[i:i + CHUNK]) for i in range(0, len(files), CHUNK))


def pinned(cmd: list[str], core: str | None) -> list[str]:
    return ["taskset", "-c", core] + cmd if core is not None else cmd


def compare(name: str, files: list[str], args) -> None:
    size = sum(os.path.getsize(p) for p in files)
    mb = size / 1e6
    vanban = pinned([args.vanban], args.core)
    baseline = pinned([args.python, args.baseline] + ([] if args.baseline_json else ["--quiet"]), args.core)
    v_times, b_times = [], []
    for _ in range(args.repeat):
        v_times.append(run(vanban, files))
        b_times.append(run(baseline, files))
    ratios = [b / v for v, b in zip(v_times, b_times)]
    v, b = statistics.median(v_times), statistics.median(b_times)
    print(f"{name}: {len(files)} files, {mb:.1f} MB, {args.repeat} runs each, alternating")
    print(f"  vanban    {v:7.2f} s CPU  {mb / v:7.1f} MB/s   (runs {', '.join(f'{t:.2f}' for t in v_times)})")
    print(f"  baseline  {b:7.2f} s CPU  {mb / b:7.1f} MB/s   (runs {', '.join(f'{t:.2f}' for t in b_times)})")
    print(f"  ratio     {statistics.median(ratios):.2f}x the script's speed (per run {min(ratios):.2f}-{max(ratios):.2f}x)")
    sys.stdout.flush()


def ensure_vanban(path: str) -> None:
    if os.path.exists(path):
        return
    if path != ANNOTATE:
        sys.exit(f"compare: {path} not found")
    print("building target/release/examples/annotate ...", file=sys.stderr)
    subprocess.run(["cargo", "build", "--release", "--example", "annotate"], cwd=ROOT, check=True)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("sets", nargs="*", help="file sets: a directory, or a file listing paths (default: the corpus and the bench sample)")
    p.add_argument("--sample", type=int, help="only the first N files of each set")
    p.add_argument("--repeat", type=int, default=3, help="repetitions of each (default 3)")
    p.add_argument("--core", default="0", help="the core to pin to (default 0; 'none': no pinning)")
    p.add_argument("--vanban", default=ANNOTATE, help="the vanban binary (prints annotation JSON for FILE...)")
    p.add_argument("--baseline", default=BASELINE, help="the regex script")
    p.add_argument("--python", default=sys.executable, help="the Python that runs the script")
    p.add_argument("--baseline-json", action="store_true", help="let the script print its JSON too (default: --quiet)")
    args = p.parse_args()
    if args.core == "none" or not shutil.which("taskset"):
        args.core = None
    ensure_vanban(args.vanban)

    sets = [(s, files_of(s, args.sample)) for s in args.sets]
    if not sets:
        sets.append(("corpus (tests/fixtures/corpus/docs)", files_of(CORPUS, args.sample)))
        bench = next((b for b in DEFAULT_BENCH if os.path.exists(b)), None)
        if bench:
            sets.append((bench, files_of(bench, args.sample or 2000)))
        else:
            print(f"(no bench sample: none of {', '.join(DEFAULT_BENCH)}; give a list or a directory)", file=sys.stderr)
    load = os.getloadavg()
    print(f"{os.cpu_count()} CPUs, pinned to core {args.core}, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    for name, files in sets:
        if not files:
            sys.exit(f"compare: {name}: no files")
        compare(name, files, args)
    load = os.getloadavg()
    print(f"load average at the end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
