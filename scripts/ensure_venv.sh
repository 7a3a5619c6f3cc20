# Sourced by run_local.sh and run_tests.sh: make sure the project venv exists and is current.
# Creates .venv with the project installed (editable, with the test and gcp extras) on first use, and
# reinstalls when setup.py changes. Needs only python3 (3.11+) on PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${NEWS_VENV:-$ROOT/.venv}"
PY="${PYTHON:-python3}"
stamp_of() { sha256sum "$ROOT/setup.py" | cut -d' ' -f1; }
if [ ! -x "$VENV/bin/python" ]; then
  echo "creating $VENV (first run only)" >&2
  "$PY" -m venv "$VENV"
fi
if [ "$(cat "$VENV/.installed" 2>/dev/null || true)" != "$(stamp_of)" ]; then
  echo "installing the project and its dependencies into $VENV" >&2
  "$VENV/bin/python" -m pip install --quiet --upgrade pip >&2
  # the gcp extra too: the Dataflow dry-run tests build and translate the job offline with it
  (cd "$ROOT" && "$VENV/bin/python" -m pip install --quiet -e ".[test,gcp]" >&2)
  stamp_of > "$VENV/.installed"
fi
export PATH="$VENV/bin:$PATH"
