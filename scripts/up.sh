#!/usr/bin/env bash
# `npm run up`: the whole platform on this machine, from a fresh clone: PostgreSQL, Redis, npm packages,
# the local Kubernetes test cluster, migrations, sample catalog and users, then API + worker in the
# foreground (Ctrl-C stops them; `npm run cluster:down` stops the cluster).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh
ensure_prerequisites
scripts/testbed.sh up
eval "$(scripts/testbed.sh env)"
export KUBECONFIG
say "building"
npm run --silent build
node bin/kapal.js migrate
node bin/kapal.js seed
say "API on ${PUBLIC_URL:-http://127.0.0.1:${PORT:-3000}} (docs at /docs); worker in the same process"
exec node bin/kapal.js all
