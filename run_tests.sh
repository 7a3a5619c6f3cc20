#!/usr/bin/env bash
# Run the test suite: ./run_tests.sh [pytest args]. The first run creates .venv (needs only python3).
set -euo pipefail
source "$(dirname "$0")/scripts/ensure_venv.sh"
cd "$ROOT"
exec python -m pytest "$@"
