#!/usr/bin/env bash
# Run every test: build and install the package (scripts/setup.sh --build-only), then the Rust tests
# (`cargo test`, debug profile: much faster to build than release on 2 cores), then pytest.
# Both suites run even if the first fails; exits non-zero if anything failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
say() { printf '==> %s\n' "$*" >&2; }

t0=$(date +%s)
bash scripts/setup.sh --build-only
t1=$(date +%s)

failed=()
say "cargo test"
cargo test --quiet || failed+=("cargo test")
t2=$(date +%s)

say "pytest"
.venv/bin/python -m pytest tests -q || failed+=("pytest")
t3=$(date +%s)

say "times: build $((t1 - t0))s, cargo test $((t2 - t1))s, pytest $((t3 - t2))s, total $((t3 - t0))s"
if [ ${#failed[@]} -gt 0 ]; then
  say "FAILED: ${failed[*]}"
  exit 1
fi
say "all tests passed"
