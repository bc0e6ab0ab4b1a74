#!/usr/bin/env bash
# `npm test`: every test (the unit, integration and cluster projects of vitest.config.ts), against real
# PostgreSQL, Redis, SMTP and the local Kubernetes test cluster. Brings up whatever is missing first
# (idempotent; seconds when everything is there). With `--project` flags that leave out `cluster`
# (`npm run test:integration`), the test cluster is neither started nor needed.
set -euo pipefail
cd "$(dirname "$0")/.."

needs_cluster=true
projects=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --project) projects+=("${args[i + 1]:-}") ;;
    --project=*) projects+=("${args[i]#--project=}") ;;
  esac
done
if ((${#projects[@]} > 0)); then
  needs_cluster=false
  for project in "${projects[@]}"; do [[ $project == cluster ]] && needs_cluster=true; done
fi

source scripts/lib/prerequisites.sh
ensure_prerequisites
if $needs_cluster; then
  scripts/testbed.sh up
  KUBECONFIG=$(scripts/testbed.sh env | sed 's/^export KUBECONFIG=//')
  export KUBECONFIG
fi
exec npx vitest run "$@"
