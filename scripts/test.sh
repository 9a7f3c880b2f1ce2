#!/usr/bin/env bash
# Run every test: build and install the package (scripts/setup.sh --build-only), the Rust tests, then pytest.
# Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
say() { printf '==> %s\n' "$*" >&2; }

t0=$(date +%s)
bash scripts/setup.sh --build-only
t1=$(date +%s)

say "cargo test"
cargo test --quiet
t2=$(date +%s)

say "pytest"
.venv/bin/python -m pytest tests -q
t3=$(date +%s)

say "times: build $((t1 - t0))s, cargo test $((t2 - t1))s, pytest $((t3 - t2))s, total $((t3 - t0))s"
