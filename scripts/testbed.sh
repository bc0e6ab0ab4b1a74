#!/usr/bin/env bash
# The local test bed: a real Kubernetes control plane (etcd, kube-apiserver, kube-controller-manager,
# kube-scheduler) with KWOK simulating the nodes and the pods' status, and helm for the chart's tests.
# Built once from the Go module proxy into a cache folder keyed by version, then started in seconds.
# Binds only 127.0.0.1.
#
#   scripts/testbed.sh build   build (or reuse) the binaries and helm
#   scripts/testbed.sh up      build if needed, start everything, write the kubeconfig (no-op when up)
#   scripts/testbed.sh down    stop everything and delete the state
#   scripts/testbed.sh status  say whether it is up
#   scripts/testbed.sh env     print the KUBECONFIG line to eval
set -euo pipefail

K8S_VERSION=v1.36.3
K8S_STAGING_VERSION=v0.36.3
ETCD_VERSION=v3.6.10
KWOK_VERSION=v0.8.0
NODE_COUNT=${KAPAL_TESTBED_NODES:-3}

CACHE_ROOT=${KAPAL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kapal}
BUILD_DIR=$CACHE_ROOT/testbed/k8s-${K8S_VERSION}_etcd-${ETCD_VERSION}_kwok-${KWOK_VERSION}
BIN=$BUILD_DIR/bin
STATE=${KAPAL_TESTBED_DIR:-${TMPDIR:-/tmp}/kapal-testbed}
KUBECONFIG_OUT=$STATE/kubeconfig

ETCD_PORT=${KAPAL_ETCD_PORT:-23790}
ETCD_PEER_PORT=$((ETCD_PORT + 1))
APISERVER_PORT=${KAPAL_APISERVER_PORT:-26443}
KWOK_PORT=${KAPAL_KWOK_PORT:-$((APISERVER_PORT + 1))}

# The StorageClass that KWOK's volume stages provision for (the same as its storage-class.yaml).
STORAGE_CLASS_JSON='{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":"kwok-volume","annotations":{"storageclass.kubernetes.io/is-default-class":"true"}},"provisioner":"kwok.x-k8s.io/volume","reclaimPolicy":"Delete","volumeBindingMode":"Immediate"}'

# shellcheck source=lib/helm.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/helm.sh"

log() { printf '[testbed] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

staging_modules=(
  api apiextensions-apiserver apimachinery apiserver cli-runtime client-go cloud-provider
  cluster-bootstrap code-generator component-base component-helpers controller-manager cri-api
  cri-client cri-streaming csi-translation-lib dynamic-resource-allocation endpointslice externaljwt
  kms kube-aggregator kube-controller-manager kube-proxy kube-scheduler kubectl kubelet metrics
  mount-utils pod-security-admission sample-apiserver sample-cli-plugin sample-controller streaming
)

build() {
  command -v go >/dev/null || die "Go is needed to build the test bed (go 1.26)"
  build_helm
  if [[ -x $BIN/kube-apiserver && -x $BIN/kube-controller-manager && -x $BIN/kube-scheduler && -x $BIN/etcd && -x $BIN/kwok && -s $BIN/kwok-stages.yaml ]]; then
    log "binaries cached in $BIN"
    return
  fi
  mkdir -p "$BIN" "$BUILD_DIR/src/k8s" "$BUILD_DIR/src/etcd"
  local started=$SECONDS
  export CGO_ENABLED=0 GOFLAGS=-mod=mod

  if [[ ! -x $BIN/etcd ]]; then
    log "building etcd $ETCD_VERSION"
    (
      cd "$BUILD_DIR/src/etcd"
      cat >go.mod <<MOD
module kapal.local/testbed/etcd

go 1.25

require go.etcd.io/etcd/server/v3 $ETCD_VERSION
MOD
      cat >main.go <<'SRC'
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
SRC
      go mod tidy
      go build -trimpath -ldflags '-s -w' -o "$BIN/etcd.tmp" . && mv "$BIN/etcd.tmp" "$BIN/etcd"
    )
  fi

  if [[ ! -x $BIN/kwok ]]; then
    log "building kwok $KWOK_VERSION"
    GOBIN=$BIN.tmp go install -trimpath -ldflags '-s -w' "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION"
    mv "$BIN.tmp/kwok" "$BIN/kwok" && rmdir "$BIN.tmp"
  fi

  if [[ ! -s $BIN/kwok-stages.yaml ]]; then
    # KWOK ships its simulation stages as data in its module; use the "fast" set (nodes turn Ready,
    # pods Running at once, volumes bind) plus node leases, exactly as released.
    local kwok_dir stages=()
    kwok_dir=$(cd "$BUILD_DIR/src/etcd" && go mod download -json "sigs.k8s.io/kwok@$KWOK_VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
    [[ -d $kwok_dir/kustomize/stage ]] || die "kwok stages not found in the module cache"
    stages+=("$kwok_dir"/kustomize/stage/node/fast/node-initialize.yaml)
    stages+=("$kwok_dir"/kustomize/stage/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml)
    stages+=("$kwok_dir"/kustomize/stage/pod/fast/pod-{ready,complete,delete}.yaml)
    stages+=("$kwok_dir"/kustomize/stage/volume/fast/{pv-bind,pv-delete,pvc-provision,pvc-delete}.yaml)
    for f in "${stages[@]}"; do cat "$f"; printf '\n---\n'; done >"$BIN/kwok-stages.yaml"
  fi

  if [[ ! -x $BIN/kube-apiserver || ! -x $BIN/kube-controller-manager || ! -x $BIN/kube-scheduler ]]; then
    log "building kube-apiserver, kube-controller-manager, kube-scheduler $K8S_VERSION (slow the first time)"
    (
      cd "$BUILD_DIR/src/k8s"
      {
        printf 'module kapal.local/testbed/k8s\n\ngo 1.26\n\nrequire k8s.io/kubernetes %s\n\nreplace (\n' "$K8S_VERSION"
        for m in "${staging_modules[@]}"; do printf '\tk8s.io/%s => k8s.io/%s %s\n' "$m" "$m" "$K8S_STAGING_VERSION"; done
        printf ')\n'
      } >go.mod
      cat >tools.go <<'SRC'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
)
SRC
      go mod tidy
      local v=k8s.io/component-base/version
      local minor=${K8S_VERSION#v1.}; minor=${minor%%.*}
      go build -trimpath -o "$BIN/" \
        -ldflags "-s -w -X $v.gitVersion=$K8S_VERSION -X $v.gitMajor=1 -X $v.gitMinor=$minor -X $v.gitTreeState=clean" \
        k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kube-scheduler
    )
  fi
  log "built in $((SECONDS - started))s into $BIN"
}


curl_api() { curl -sS --max-time 5 --cacert "$STATE/pki/ca.crt" --cert "$STATE/pki/admin.crt" --key "$STATE/pki/admin.key" "$@"; }

apiserver_ready() { [[ $(curl_api "https://127.0.0.1:$APISERVER_PORT/readyz" 2>/dev/null) == ok ]]; }

healthy() {
  [[ -f $KUBECONFIG_OUT && -f $STATE/pids ]] || return 1
  local pid
  while read -r _ pid; do kill -0 "$pid" 2>/dev/null || return 1; done <"$STATE/pids"
  apiserver_ready
}

make_pki() {
  local pki=$STATE/pki
  mkdir -p "$pki"
  (
    cd "$pki"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 -subj "/CN=kapal-testbed-ca" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout apiserver.key -out apiserver.csr -subj "/CN=kube-apiserver" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n' >apiserver.ext
    openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out apiserver.crt -days 3650 -extfile apiserver.ext 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout admin.key -out admin.csr -subj "/O=system:masters/CN=kapal-testbed-admin" 2>/dev/null
    printf 'extendedKeyUsage=clientAuth\n' >client.ext
    openssl x509 -req -in admin.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out admin.crt -days 3650 -extfile client.ext 2>/dev/null
    # KWOK's kubelet stand-in serves pod logs to the API server over TLS.
    openssl req -newkey rsa:2048 -nodes -keyout kwok.key -out kwok.csr -subj "/CN=kwok" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >kwok.ext
    openssl x509 -req -in kwok.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out kwok.crt -days 3650 -extfile kwok.ext 2>/dev/null
    openssl genrsa -out sa.key 2048 2>/dev/null
    openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
  )
  cat >"$KUBECONFIG_OUT" <<KC
apiVersion: v1
kind: Config
clusters:
- name: kapal-testbed
  cluster:
    server: https://127.0.0.1:$APISERVER_PORT
    certificate-authority-data: $(base64 -w0 <"$pki/ca.crt")
users:
- name: kapal-testbed-admin
  user:
    client-certificate-data: $(base64 -w0 <"$pki/admin.crt")
    client-key-data: $(base64 -w0 <"$pki/admin.key")
contexts:
- name: kapal-testbed
  context: { cluster: kapal-testbed, user: kapal-testbed-admin }
current-context: kapal-testbed
KC
}

start() { # name, command...
  local name=$1; shift
  setsid "$@" >"$STATE/logs/$name.log" 2>&1 </dev/null &
  echo "$name $!" >>"$STATE/pids"
}

wait_for() { # description, seconds, command...
  local what=$1 deadline=$((SECONDS + $2)); shift 2
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      log "timed out waiting for $what; logs in $STATE/logs"
      tail -n 20 "$STATE"/logs/*.log >&2 || true
      exit 1
    fi
    sleep 0.3
  done
}

post() { # path, json
  local code
  code=$(curl_api -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    "https://127.0.0.1:$APISERVER_PORT$1" -d "$2")
  [[ $code == 201 || $code == 409 ]] || die "POST $1 answered $code"
}

node_json() {
  local name=$1
  cat <<JSON
{"apiVersion":"v1","kind":"Node","metadata":{"name":"$name",
 "annotations":{"node.alpha.kubernetes.io/ttl":"0","kwok.x-k8s.io/node":"fake"},
 "labels":{"kubernetes.io/arch":"amd64","kubernetes.io/os":"linux","kubernetes.io/hostname":"$name",
  "node-role.kubernetes.io/worker":"","type":"kwok","topology.kubernetes.io/zone":"local-a"}},
 "spec":{},
 "status":{"capacity":{"cpu":"8","memory":"32Gi","pods":"110","ephemeral-storage":"200Gi"},
  "allocatable":{"cpu":"8","memory":"32Gi","pods":"110","ephemeral-storage":"200Gi"},
  "nodeInfo":{"architecture":"amd64","operatingSystem":"linux","kubeletVersion":"$K8S_VERSION",
   "kubeProxyVersion":"$K8S_VERSION","containerRuntimeVersion":"kwok://$KWOK_VERSION","osImage":"KWOK simulated node"},
  "phase":"Running"}}
JSON
}

nodes_ready() {
  local ready
  ready=$(curl_api "https://127.0.0.1:$APISERVER_PORT/api/v1/nodes" |
    tr -d ' \n' | grep -o '"type":"Ready","status":"True"' | wc -l)
  ((ready >= NODE_COUNT))
}

# Every simulated container "logs" these lines (CRI log format), so pod logs work end to end through
# the API server, which fetches them from KWOK's kubelet stand-in like from a real kubelet.
write_pod_logs() {
  local now
  now=$(date -u +%Y-%m-%dT%H:%M:%S.000000000Z)
  {
    printf '%s stdout F kapal test bed: container started\n' "$now"
    printf '%s stdout F kapal test bed: listening\n' "$now"
    printf '%s stderr F kapal test bed: a warning on stderr\n' "$now"
  } >"$STATE/pod.log"
  cat >"$STATE/kwok-logs.yaml" <<YAML
apiVersion: kwok.x-k8s.io/v1alpha1
kind: ClusterLogs
metadata:
  name: every-container
spec:
  selector: {}
  logs:
  - logsFile: $STATE/pod.log
    follow: false
YAML
}

up() {
  build_helm # also when the cluster is up already: a no-op once built
  if healthy; then
    log "already up (KUBECONFIG=$KUBECONFIG_OUT)"
    return
  fi
  [[ -f $STATE/pids ]] && down
  build
  local started=$SECONDS
  mkdir -p "$STATE/logs" "$STATE/etcd"
  : >"$STATE/pids"
  make_pki
  local pki=$STATE/pki
  start etcd "$BIN/etcd" --name testbed --data-dir "$STATE/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "testbed=http://127.0.0.1:$ETCD_PEER_PORT" --unsafe-no-fsync --quota-backend-bytes 2147483648
  wait_for etcd 30 curl -sf "http://127.0.0.1:$ETCD_PORT/health"
  start kube-apiserver "$BIN/kube-apiserver" --etcd-servers "http://127.0.0.1:$ETCD_PORT" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$APISERVER_PORT" \
    --tls-cert-file "$pki/apiserver.crt" --tls-private-key-file "$pki/apiserver.key" --client-ca-file "$pki/ca.crt" \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-account-key-file "$pki/sa.pub" --service-account-signing-key-file "$pki/sa.key" \
    --service-cluster-ip-range 10.96.0.0/16 --authorization-mode Node,RBAC --allow-privileged \
    --enable-priority-and-fairness=false --endpoint-reconciler-type none \
    --kubelet-preferred-address-types InternalIP
  wait_for kube-apiserver 90 apiserver_ready
  start kube-controller-manager "$BIN/kube-controller-manager" --kubeconfig "$KUBECONFIG_OUT" \
    --bind-address 127.0.0.1 --secure-port 0 --leader-elect=false \
    --service-account-private-key-file "$pki/sa.key" --root-ca-file "$pki/ca.crt" \
    --use-service-account-credentials=false --node-monitor-grace-period 40s
  start kube-scheduler "$BIN/kube-scheduler" --kubeconfig "$KUBECONFIG_OUT" \
    --bind-address 127.0.0.1 --secure-port 0 --leader-elect=false
  write_pod_logs
  start kwok "$BIN/kwok" --kubeconfig "$KUBECONFIG_OUT" --config "$BIN/kwok-stages.yaml" --config "$STATE/kwok-logs.yaml" \
    --manage-all-nodes=true --node-lease-duration-seconds 40 \
    --node-ip 127.0.0.1 --node-port "$KWOK_PORT" --server-address "127.0.0.1:$KWOK_PORT" \
    --tls-cert-file "$pki/kwok.crt" --tls-private-key-file "$pki/kwok.key"
  post /apis/storage.k8s.io/v1/storageclasses "$STORAGE_CLASS_JSON"
  for ((i = 0; i < NODE_COUNT; i++)); do post /api/v1/nodes "$(node_json "kwok-node-$i")"; done
  wait_for "$NODE_COUNT Ready nodes" 60 nodes_ready
  log "up in $((SECONDS - started))s: $NODE_COUNT KWOK nodes; export KUBECONFIG=$KUBECONFIG_OUT"
}

down() {
  if [[ -f $STATE/pids ]]; then
    local name pid
    # Stop in reverse start order, then make sure.
    tac "$STATE/pids" | while read -r name pid; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done
    for _ in $(seq 1 50); do
      local alive=0
      while read -r name pid; do kill -0 "$pid" 2>/dev/null && alive=1; done <"$STATE/pids"
      ((alive)) || break
      sleep 0.2
    done
    while read -r name pid; do kill -KILL -- "-$pid" 2>/dev/null || true; done <"$STATE/pids"
  fi
  rm -rf "$STATE"
  log "down"
}

case "${1:-}" in
  build) build ;;
  up) up ;;
  down) down ;;
  status) if healthy; then log "up (KUBECONFIG=$KUBECONFIG_OUT)"; else log "down"; exit 1; fi ;;
  env) echo "export KUBECONFIG=$KUBECONFIG_OUT" ;;
  *) echo "usage: $0 build|up|down|status|env" >&2; exit 2 ;;
esac
