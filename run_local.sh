#!/usr/bin/env bash
# Run the pipeline locally on the in-process Beam runner.
#   ./run_local.sh                          the bundled samples/ -> out/
#   ./run_local.sh 'their/dir/*' their-out/ [Beam or pipeline flags...]
#   e.g. ./run_local.sh 'pages/*' out/ --direct_num_workers=2 --direct_running_mode=multi_processing
#   ./run_local.sh 'landing/*' out/ --watch   keep ingesting new files until Ctrl-C (see README)
# The first run creates .venv and installs the project (needs only python3). Relative paths are
# read from the folder it is run in; the defaults are the checkout's own samples/ and out/.
set -euo pipefail
source "$(dirname "$0")/scripts/ensure_venv.sh"
INPUT="$ROOT/samples/*"
OUTPUT="$ROOT/out"
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then INPUT="$1"; shift; fi
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then OUTPUT="$1"; shift; fi
# The installed package, never a "pipeline" or "transforms" folder the current one holds: Python
# 3.11+ leaves the current folder off the import path, here and in the worker processes Beam starts
export PYTHONSAFEPATH=1
exec python -m pipeline --input "$INPUT" --output "$OUTPUT" "$@"
