#!/usr/bin/env bash
# Starts the real components the tests use, all on loopback, and writes DIR/env.sh with their
# endpoints (the ECRPUB_* variables that tests/Shared/TestEnvironment.cs reads):
#   - a Docker engine (Debian's dockerd) on a unix socket in DIR,
#   - Podman's Docker-compatible API service (Debian's podman) on another unix socket in DIR,
#   - Debian's docker-registry (distribution) with deletes enabled, seeded with the test base images,
#   - moto's ECR control-plane emulator.
# Every process id goes into DIR/pids so build/env/stop.sh DIR stops exactly what was started here.
#
#   build/env/start.sh DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mkdir -p "$1" && cd "$1" && pwd)
: > "$dir/pids"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Starts a command in its own process group, so stop.sh can end it with everything it spawned.
start_service() {
  local name=$1; shift
  setsid "$@" > "$dir/$name.log" 2>&1 < /dev/null &
  echo "$! $name" >> "$dir/pids"
}

wait_until() {
  local what=$1 tries=$2; shift 2
  for _ in $(seq "$tries"); do
    if "$@" > /dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "start.sh: $what did not come up; its log:" >&2
  tail -n 40 "$dir/$what.log" >&2 || true
  return 1
}

# The AWS CLI v2 is Debian's; a pip-installed v1 may come first on PATH, so find each by its version.
find_aws() {
  local want=$1 candidate
  for candidate in /usr/bin/aws $(type -ap aws 2>/dev/null) /usr/local/bin/aws; do
    [ -x "$candidate" ] || continue
    # A pyenv shim re-resolves the Python version on every call (about 0.3 s); the tests call aws hundreds of times.
    case $candidate in */.pyenv/shims/*) candidate=$(pyenv which aws 2>/dev/null || echo "$candidate") ;; esac
    if "$candidate" --version 2>&1 | grep -q "^aws-cli/$want"; then echo "$candidate"; return 0; fi
  done
  return 1
}

registry_port=$(free_port)
mkdir -p "$dir/registry"
cat > "$dir/registry.yml" <<YML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/registry
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$registry_port
YML
start_service registry docker-registry serve "$dir/registry.yml"

moto_port=$(free_port)
start_service moto python3 -m moto.server -H 127.0.0.1 -p "$moto_port"

docker_host=$("$here/dockerd.sh" "$dir")
podman_host=$("$here/podman.sh" "$dir")

wait_until registry 60 curl -sf "http://127.0.0.1:$registry_port/v2/"
wait_until moto 60 curl -s -o /dev/null "http://127.0.0.1:$moto_port/"

base_image=$("$here/base-image.sh" seed "127.0.0.1:$registry_port")

aws_v2=$(find_aws 2 || true)
aws_v1=$(find_aws 1 || true)
[ -n "$aws_v2" ] || echo "start.sh: warning: no AWS CLI v2 found (Debian package awscli)" >&2
[ -n "$aws_v1" ] || echo "start.sh: warning: no AWS CLI v1 found (pip package awscli)" >&2

mkdir -p "$dir/work"
cat > "$dir/env.sh" <<ENV
export ECRPUB_REGISTRY=127.0.0.1:$registry_port
export ECRPUB_MOTO_URL=http://127.0.0.1:$moto_port
export ECRPUB_DOCKER_HOST=$docker_host
export ECRPUB_PODMAN_HOST=$podman_host
export ECRPUB_BASE_ASPNET=$base_image
export ECRPUB_BASE_RUNTIME_DEPS=${base_image%/dotnet/aspnet:*}/dotnet/runtime-deps:${base_image##*:}
export ECRPUB_AWS_V2=$aws_v2
export ECRPUB_AWS_V1=$aws_v1
export ECRPUB_SKOPEO=$(command -v skopeo)
export ECRPUB_DOCKER=$(command -v docker)
export ECRPUB_WORK=$dir/work
ENV
echo "$dir/env.sh"
