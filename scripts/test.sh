#!/usr/bin/env bash
# Run every test: build and install the package (scripts/setup.sh --build-only), then the Rust tests
# (`cargo test`, debug profile: much faster to build than release on 2 cores), then pytest.
# Both suites run even if the first fails; exits non-zero if anything failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
say() { printf '==> %s\n' "$*" >&2; }

t0=$(date +%s)
bash scripts/setup.sh --build-only
# The browser test (tests/test_views.py) renders the notebook views in Debian's headless Chromium. Install it
# when it is missing and this is a Debian machine where we are root; elsewhere that test is skipped, saying so.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing chromium (Debian's package) for the browser test"
  if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1; then
    say "could not install chromium: the browser test will be skipped"
  fi
fi
t1=$(date +%s)

failed=()
say "cargo test"
cargo test --quiet || failed+=("cargo test")
t2=$(date +%s)

say "pytest"
.venv/bin/python -m pytest tests -q || failed+=("pytest")
t3=$(date +%s)

say "times: build and installs $((t1 - t0))s, cargo test $((t2 - t1))s, pytest $((t3 - t2))s, total $((t3 - t0))s"
if [ ${#failed[@]} -gt 0 ]; then
  say "FAILED: ${failed[*]}"
  exit 1
fi
say "all tests passed"
