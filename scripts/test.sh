#!/usr/bin/env bash
# `npm test`: every test, against real PostgreSQL, Redis, SMTP and the local Kubernetes test cluster.
# Brings up whatever is missing first (idempotent; seconds when everything is there).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh
ensure_prerequisites
scripts/testbed.sh up
KUBECONFIG=$(scripts/testbed.sh env | sed 's/^export KUBECONFIG=//') exec npx vitest run "$@"
