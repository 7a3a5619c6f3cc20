#!/usr/bin/env bash
# Run the pipeline locally on the in-process Beam runner.
#   ./run_local.sh                          the bundled samples/ -> out/
#   ./run_local.sh 'their/dir/*' their-out/ [Beam or pipeline flags...]
#   e.g. ./run_local.sh 'pages/*' out/ --direct_num_workers=2 --direct_running_mode=multi_processing
#   ./run_local.sh 'landing/*' out/ --watch   keep ingesting new files until Ctrl-C (see README)
# The first run creates .venv and installs the project (needs only python3).
set -euo pipefail
source "$(dirname "$0")/scripts/ensure_venv.sh"
cd "$ROOT"
INPUT="samples/*"
OUTPUT="out"
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then INPUT="$1"; shift; fi
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then OUTPUT="$1"; shift; fi
exec python -m pipeline --input "$INPUT" --output "$OUTPUT" "$@"
