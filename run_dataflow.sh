#!/usr/bin/env bash
# The pipeline on Google Cloud Dataflow, as a Flex Template (image and files in dataflow/).
#
#   ./run_dataflow.sh check                   offline, no account: dry-run the batch and the streaming
#                                             graph on the DataflowRunner, and check the template spec
#   ./run_dataflow.sh build                   build the image (Cloud Build) and the template spec
#   ./run_dataflow.sh run 'gs://B/pages/2025/02/03/*' gs://B/news      launch a batch job
#   ./run_dataflow.sh stream projects/P/subscriptions/S gs://B/news    launch a streaming job
#   ./run_dataflow.sh schedule                daily batch over the previous day (dataflow/SCHEDULE.md)
#
# Settings, from the environment: PROJECT, BUCKET (required beyond `check`), REGION (europe-west1),
# REPOSITORY (Artifact Registry docker repository, "news"), TAG (the git commit), MACHINE_TYPE
# (n2-standard-2), MAX_WORKERS (10), INPUT_PREFIX (gs://$BUCKET/pages), OUTPUT (gs://$BUCKET/news),
# SERVICE_ACCOUNT (schedule: the identity of the workflow and the scheduler job).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
cd "$ROOT"

REGION="${REGION:-europe-west1}"
REPOSITORY="${REPOSITORY:-news}"
TAG="${TAG:-$(git rev-parse --short HEAD 2>/dev/null || date +%Y%m%d-%H%M%S)}"
MACHINE_TYPE="${MACHINE_TYPE:-n2-standard-2}"
MAX_WORKERS="${MAX_WORKERS:-10}"

need() { [ -n "${!1:-}" ] || { echo "set $1 (see the top of $0)" >&2; exit 2; }; }
image() { echo "$REGION-docker.pkg.dev/$PROJECT/$REPOSITORY/news-ingest:$TAG"; }
template() { echo "gs://$BUCKET/templates/news-ingest-$TAG.json"; }

check() {
  source "$ROOT/scripts/ensure_venv.sh"
  # Offline: no metadata server probe, no credentials; placeholders that pass Beam's validation.
  export NO_GCE_CHECK=True GCE_METADATA_HOST=127.0.0.1:9
  TMPDIR="$(mktemp -d)"; export TMPDIR  # Beam's stager leaves the sdist it builds in a temp folder
  trap 'rm -rf "$TMPDIR"' EXIT
  local fake=(--runner DataflowRunner --project news-dry-run --region "$REGION"
              --temp_location gs://news-dry-run/tmp --setup_file ./setup.py --dry_run=True)
  python -m pipeline "${fake[@]}" --input 'gs://news-dry-run/pages/*' --output gs://news-dry-run/news
  python dataflow/launch.py "${fake[@]}" --input_subscription projects/news-dry-run/subscriptions/pages \
    --output gs://news-dry-run/news
  python -c "import json; json.load(open('dataflow/metadata.json'))"
  if command -v gcloud >/dev/null; then  # gcloud validates the metadata and prints the spec, offline
    gcloud dataflow flex-template build gs://news-dry-run/templates/news-ingest.json --print-only \
      --image "$REGION-docker.pkg.dev/news-dry-run/$REPOSITORY/news-ingest:$TAG" --sdk-language PYTHON \
      --metadata-file dataflow/metadata.json --project news-dry-run >/dev/null
    echo "template spec: OK"
  fi
}

build() {
  need PROJECT; need BUCKET
  gcloud builds submit . --project "$PROJECT" --region "$REGION" --config dataflow/cloudbuild.yaml \
    --substitutions "_IMAGE=$(image)"
  gcloud dataflow flex-template build "$(template)" --project "$PROJECT" --image "$(image)" \
    --sdk-language PYTHON --metadata-file dataflow/metadata.json
  echo "template $(template) -> image $(image)"
}

launch() {  # launch JOB_NAME PARAM=VALUE...
  need PROJECT; need BUCKET
  local job="$1"; shift
  local params=()
  for p in "$@" "sdk_container_image=$(image)"; do params+=(--parameters "$p"); done
  gcloud dataflow flex-template run "$job" --project "$PROJECT" --region "$REGION" \
    --template-file-gcs-location "$(template)" --temp-location "gs://$BUCKET/tmp" \
    --staging-location "gs://$BUCKET/staging" --worker-machine-type "$MACHINE_TYPE" \
    --max-workers "$MAX_WORKERS" "${params[@]}"
}

schedule() {
  need PROJECT; need BUCKET; need SERVICE_ACCOUNT
  gcloud workflows deploy news-ingest-daily --project "$PROJECT" --location "$REGION" \
    --source dataflow/daily_workflow.yaml --service-account "$SERVICE_ACCOUNT" \
    --set-env-vars "TEMPLATE=$(template),IMAGE=$(image),INPUT_PREFIX=${INPUT_PREFIX:-gs://$BUCKET/pages},OUTPUT=${OUTPUT:-gs://$BUCKET/news},REGION=$REGION,TEMP_LOCATION=gs://$BUCKET/tmp,MACHINE_TYPE=$MACHINE_TYPE,MAX_WORKERS=$MAX_WORKERS"
  gcloud scheduler jobs create http news-ingest-daily --project "$PROJECT" --location "$REGION" \
    --schedule "30 2 * * *" --time-zone Etc/UTC --http-method POST --message-body '{"argument": "{}"}' \
    --uri "https://workflowexecutions.googleapis.com/v1/projects/$PROJECT/locations/$REGION/workflows/news-ingest-daily/executions" \
    --oauth-service-account-email "$SERVICE_ACCOUNT"
}

case "${1:-}" in
  check) check ;;
  build) build ;;
  run) [ $# -eq 3 ] || { sed -n 2,13p "$0"; exit 2; }
       launch "news-ingest-$(date -u +%Y%m%d-%H%M%S)" "input=$2" "output=$3" ;;
  stream) [ $# -eq 3 ] || { sed -n 2,13p "$0"; exit 2; }
          launch "news-ingest-stream-$(date -u +%Y%m%d-%H%M%S)" "input_subscription=$2" "output=$3" ;;
  schedule) schedule ;;
  *) sed -n 2,13p "$0"; exit 2 ;;
esac
