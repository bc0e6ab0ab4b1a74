#!/usr/bin/env bash
# Helm v3, built once from the Go module proxy into the test bed's cache (keyed by version).
# Sourced by scripts/testbed.sh; run directly it builds when needed and runs helm:
#
#   scripts/lib/helm.sh template deploy/helm/kapal      any helm command
#   scripts/lib/helm.sh --path                          print the binary's path (building it if needed)

HELM_VERSION=v3.22.0
# The Kubernetes version helm assumes without a cluster (`helm template`, `helm lint`): that of its
# client-go (v0.37), as helm's own Makefile sets it; left out, helm assumes 1.20.
HELM_K8S_MINOR=37
HELM_CACHE_ROOT=${KAPAL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kapal}
HELM_BIN=$HELM_CACHE_ROOT/testbed/helm-$HELM_VERSION/bin/helm

build_helm() {
  if [[ -x $HELM_BIN ]]; then
    printf '[helm] %s cached in %s\n' "$HELM_VERSION" "$HELM_BIN" >&2
    return
  fi
  command -v go >/dev/null || { printf '[helm] error: Go is needed to build helm\n' >&2; return 1; }
  printf '[helm] building helm %s\n' "$HELM_VERSION" >&2
  local dir
  dir=$(dirname "$HELM_BIN")
  mkdir -p "$dir"
  # Into a temporary folder, then moved: an interrupted build never leaves a half-written binary.
  rm -rf "$dir.tmp"
  local ldflags="-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION" pkg
  for pkg in helm.sh/helm/v3/pkg/chartutil helm.sh/helm/v3/pkg/lint/rules; do
    ldflags+=" -X $pkg.k8sVersionMajor=1 -X $pkg.k8sVersionMinor=$HELM_K8S_MINOR"
  done
  CGO_ENABLED=0 GOBIN=$dir.tmp go install -trimpath -ldflags "$ldflags" \
    "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"
  mv "$dir.tmp/helm" "$HELM_BIN" && rmdir "$dir.tmp"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  build_helm
  if [[ ${1:-} == --path ]]; then
    echo "$HELM_BIN"
  else
    exec "$HELM_BIN" "$@"
  fi
fi
