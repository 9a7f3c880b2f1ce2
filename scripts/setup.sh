#!/usr/bin/env bash
# Set up a development environment from a fresh clone and run the main job on the bundled sample.
#
#   bash scripts/setup.sh               # venv + build + install + demo on samples/
#   bash scripts/setup.sh --build-only  # venv + build + install (what scripts/test.sh uses)
#
# Makes .venv (python3 -m venv) if it is missing, installs maturin into it, builds the Rust extension in
# release mode and installs the package (editable, with the `test` extras of pyproject.toml: pandas, pyarrow,
# polars, dask, the notebook tools, mypy) with `maturin develop`.
# Safe to run again: each step is a no-op or an incremental rebuild when nothing changed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

demo=1
case "${1:-}" in
  --build-only) demo=0 ;;
  "") ;;
  *) echo "usage: $0 [--build-only]" >&2; exit 2 ;;
esac

PYTHON="${PYTHON:-python3}"
VENV="$PWD/.venv"
say() { printf '==> %s\n' "$*" >&2; }

if [ ! -x "$VENV/bin/python" ]; then
  say "creating $VENV"
  "$PYTHON" -m venv "$VENV"
fi

pip_quiet=(-q --disable-pip-version-check --no-input)
if ! "$VENV/bin/python" -c 'import maturin, pytest' >/dev/null 2>&1; then
  say "installing maturin and pytest into .venv"
  "$VENV/bin/python" -m pip install "${pip_quiet[@]}" "maturin>=1.5,<2" "pytest>=7"
fi

say "building the extension (release) and installing vanban into .venv"
start=$(date +%s)
# maturin finds the environment through VIRTUAL_ENV; its pip installs the `test` extras (pytest).
VIRTUAL_ENV="$VENV" PATH="$VENV/bin:$PATH" PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_QUIET=1 \
  "$VENV/bin/maturin" develop --release --extras test --quiet
say "built and installed in $(( $(date +%s) - start ))s: $("$VENV/bin/vanban" --version)"

if [ "$demo" = 1 ]; then
  sample=samples/seed-kh-langson-2022.txt
  say "vanban tree $sample"
  "$VENV/bin/vanban" tree "$sample"
  say "vanban annotate $sample"
  "$VENV/bin/vanban" annotate "$sample"
fi
