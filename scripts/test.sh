#!/usr/bin/env bash
# `npm test`: every test (the unit, integration and cluster projects of vitest.config.ts), against real
# PostgreSQL, Redis, SMTP and the local Kubernetes test cluster, then the dashboard: its build, its
# first-load budget and its end-to-end tests in Chromium (playwright.config.ts). Brings up whatever is
# missing first (idempotent; seconds when everything is there). With `--project` flags that leave out
# `cluster` (`npm run test:integration`), the test cluster is neither started nor needed; with any
# argument (a project, a file), only Vitest runs. `--project e2e` runs only the dashboard's tests.
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
  # The dashboard's journeys run on the test cluster.
  for project in "${projects[@]}"; do [[ $project == cluster || $project == e2e ]] && needs_cluster=true; done
fi

source scripts/lib/prerequisites.sh
ensure_prerequisites
if $needs_cluster; then
  scripts/testbed.sh up
  KUBECONFIG=$(scripts/testbed.sh env | sed 's/^export KUBECONFIG=//')
  export KUBECONFIG
fi

dashboard() {
  say "building the dashboard"
  npx vite build web --logLevel warn
  npx tsx scripts/bundle-budget.ts
}

if [[ ${projects[*]:-} == e2e ]]; then
  playwright_args=()
  for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[i]}" in
      --project) i=$((i + 1)) ;;
      --project=*) ;;
      *) playwright_args+=("${args[i]}") ;;
    esac
  done
  dashboard
  exec npx playwright test "${playwright_args[@]}"
fi
if (($# > 0)); then exec npx vitest run "$@"; fi
dashboard
npx vitest run
npx playwright test
