#!/usr/bin/env bash
# The Python environment of docs/scaling/dask_each.py and of tests/scaling.rs: a venv
# (default target/scaling-venv, where the test looks) with docs/scaling/requirements.txt.
#
#   bash docs/scaling/setup.sh [VENV_DIR]
#
# Needs python3 with its venv module (Debian: apt-get install python3-venv).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VENV=${1:-$ROOT/target/scaling-venv}
if [ ! -x "$VENV/bin/python" ] && ! python3 -m venv "$VENV"; then
  rm -rf "$VENV"
  echo "docs/scaling/setup.sh: python3 cannot make a venv; on Debian: apt-get install python3-venv" >&2
  exit 2
fi
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$ROOT/docs/scaling/requirements.txt"
"$VENV/bin/python" -c 'import dask, distributed; print("dask", dask.__version__, "distributed", distributed.__version__, "in '"$VENV"'")'
