#!/usr/bin/env bash
# kubectl, built once from the Go module proxy (k8s.io/kubernetes/cmd/kubectl at the test bed's Kubernetes
# version) into the test bed's cache, keyed by version, like helm.sh. Used by the benchmarks' baseline.
# Run directly it builds when needed and runs kubectl:
#
#   scripts/lib/kubectl.sh get nodes          any kubectl command
#   scripts/lib/kubectl.sh --path             print the binary's path (building it if needed)

KUBECTL_VERSION=v1.36.3
KUBECTL_STAGING_VERSION=v0.36.3
KUBECTL_CACHE_ROOT=${KAPAL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kapal}
KUBECTL_BIN=$KUBECTL_CACHE_ROOT/testbed/kubectl-$KUBECTL_VERSION/bin/kubectl

build_kubectl() {
  if [[ -x $KUBECTL_BIN ]]; then
    printf '[kubectl] %s cached in %s\n' "$KUBECTL_VERSION" "$KUBECTL_BIN" >&2
    return
  fi
  command -v go >/dev/null || { printf '[kubectl] error: Go is needed to build kubectl\n' >&2; return 1; }
  printf '[kubectl] building kubectl %s\n' "$KUBECTL_VERSION" >&2
  local dir src
  dir=$(dirname "$KUBECTL_BIN")
  src=$(dirname "$dir")/src
  mkdir -p "$src"
  # k8s.io/kubernetes requires its staging modules at v0.0.0 (replaced in its own tree): pin them, as
  # scripts/testbed.sh does for kube-apiserver.
  local staging_modules=(
    api apiextensions-apiserver apimachinery apiserver cli-runtime client-go cloud-provider
    cluster-bootstrap code-generator component-base component-helpers controller-manager cri-api
    cri-client cri-streaming csi-translation-lib dynamic-resource-allocation endpointslice externaljwt
    kms kube-aggregator kube-controller-manager kube-proxy kube-scheduler kubectl kubelet metrics
    mount-utils pod-security-admission sample-apiserver sample-cli-plugin sample-controller streaming
  )
  (
    set -euo pipefail
    cd "$src"
    {
      printf 'module kapal.local/testbed/kubectl\n\ngo 1.26\n\nrequire k8s.io/kubernetes %s\n\nreplace (\n' "$KUBECTL_VERSION"
      for m in "${staging_modules[@]}"; do printf '\tk8s.io/%s => k8s.io/%s %s\n' "$m" "$m" "$KUBECTL_STAGING_VERSION"; done
      printf ')\n'
    } >go.mod
    printf '//go:build tools\n\npackage tools\n\nimport _ "k8s.io/kubernetes/cmd/kubectl"\n' >tools.go
    export CGO_ENABLED=0 GOFLAGS=-mod=mod
    go mod tidy
    local minor=${KUBECTL_VERSION#v1.} ldflags="-s -w" v
    minor=${minor%%.*}
    for v in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
      ldflags+=" -X $v.gitVersion=$KUBECTL_VERSION -X $v.gitMajor=1 -X $v.gitMinor=$minor -X $v.gitTreeState=clean"
    done
    # Into a temporary file, then moved: an interrupted build never leaves a half-written binary.
    mkdir -p "$dir"
    go build -trimpath -ldflags "$ldflags" -o "$KUBECTL_BIN.tmp" k8s.io/kubernetes/cmd/kubectl
    mv "$KUBECTL_BIN.tmp" "$KUBECTL_BIN"
  )
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  build_kubectl
  if [[ ${1:-} == --path ]]; then
    echo "$KUBECTL_BIN"
  else
    exec "$KUBECTL_BIN" "$@"
  fi
fi
