# Shared by scripts/up.sh and scripts/test.sh: make a fresh machine of our kind ready, doing nothing
# when it already is. Installs from Debian's packages only when something is missing.
# shellcheck shell=bash

say() { printf '[kapal] %s\n' "$*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

apt_install() {
  say "installing $* from Debian's packages"
  if [[ -z ${KAPAL_APT_UPDATED:-} ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    export KAPAL_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_tools() {
  command -v curl >/dev/null || apt_install curl
  command -v openssl >/dev/null || apt_install openssl
  # Debian's Prometheus: promtool checks and unit-tests the alert rules, and the observability test starts
  # its own prometheus on a free port. The package's service is not wanted (a fixed port, 9090): stopped.
  if ! command -v promtool >/dev/null || ! command -v prometheus >/dev/null; then
    apt_install --no-install-recommends prometheus
    if command -v systemctl >/dev/null && systemctl is-system-running >/dev/null 2>&1; then
      systemctl disable --now prometheus >/dev/null 2>&1 || true
    else
      service prometheus stop >/dev/null 2>&1 || true
    fi
  fi
  # Debian's Chromium: the dashboard's end-to-end tests drive it through Playwright (never a browser download).
  command -v chromium >/dev/null || apt_install --no-install-recommends chromium
  if ! command -v go >/dev/null && [[ -x /usr/local/go/bin/go ]]; then export PATH=/usr/local/go/bin:$PATH; fi
  command -v go >/dev/null || { say "Go 1.26 is needed to build the test cluster (expected at /usr/local/go)"; exit 1; }
}

ensure_postgres() {
  port_open 5432 && return
  if ! compgen -G '/etc/postgresql/*/main' >/dev/null; then
    apt_install postgresql
    local hba
    hba=$(ls /etc/postgresql/*/main/pg_hba.conf | head -n1)
    # A local development database: trust connections from this machine only.
    sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
    sed -i -E 's/^(local\s+all\s+(postgres|all)\s+)\S+/\1trust/' "$hba"
    # The package may have started the cluster already: then it only needs to read the new rules.
    if port_open 5432; then
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main reload
      return
    fi
  fi
  say "starting PostgreSQL"
  # A few tries: right after a crash the old postmaster may not be reaped yet and still hold its lock file.
  local attempt
  for attempt in 1 2 3 4 5; do
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start && break
    sleep "$attempt"
  done
  for _ in $(seq 1 50); do port_open 5432 && return; sleep 0.2; done
  say "PostgreSQL did not start"; exit 1
}

ensure_redis() {
  port_open 6379 && return
  command -v redis-server >/dev/null || apt_install redis-server
  port_open 6379 && return # the package may have started it
  say "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/kapal.log
  for _ in $(seq 1 50); do port_open 6379 && return; sleep 0.2; done
  say "Redis did not start"; exit 1
}

ensure_node_modules() {
  # Reinstall when the lockfile changed since the last install.
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    say "installing npm dependencies"
    npm ci --no-audit --no-fund
  fi
}

ensure_prerequisites() {
  ensure_tools
  ensure_postgres
  ensure_redis
  ensure_node_modules
}
