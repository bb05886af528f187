#!/usr/bin/env bash
# Starts a private Docker engine (Debian's dockerd) whose socket, data and pid live in DIR, without
# touching the host's networking, and appends "PID dockerd" to DIR/pids for build/env/stop.sh.
# Prints the DOCKER_HOST value once the engine answers.
#
#   build/env/dockerd.sh DIR
set -euo pipefail
dir=$(mkdir -p "$1" && cd "$1" && pwd)
mkdir -p "$dir/docker-data" "$dir/docker-exec"
driver=$("$(dirname "$0")/storage-driver.sh")
[ "$driver" = overlay ] && driver=overlay2
setsid dockerd --storage-driver="$driver" --bridge=none --iptables=false --ip6tables=false \
  -H "unix://$dir/docker.sock" --data-root "$dir/docker-data" --exec-root "$dir/docker-exec" \
  --pidfile "$dir/docker.pid" > "$dir/dockerd.log" 2>&1 < /dev/null &
echo "$! dockerd" >> "$dir/pids"
for _ in $(seq 120); do
  if docker -H "unix://$dir/docker.sock" info > /dev/null 2>&1; then
    echo "unix://$dir/docker.sock"
    exit 0
  fi
  sleep 0.5
done
echo "dockerd.sh: the Docker engine did not come up; its log:" >&2
tail -n 40 "$dir/dockerd.log" >&2
exit 1
