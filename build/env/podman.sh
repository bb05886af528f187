#!/usr/bin/env bash
# Starts a private Podman (Debian's podman, as root) serving its Docker-compatible API on a unix socket
# in DIR, and appends "PID podman" to DIR/pids for build/env/stop.sh. Its configuration, image storage,
# run state, locks, events and network config all live under DIR/podman, so it shares nothing with the
# machine's own Podman (/var/lib/containers, /run/containers, /dev/shm/libpod_lock) or another test
# environment:
#   - overlay storage where the kernel allows it, else vfs (build/env/storage-driver.sh),
#   - cgroupfs (no systemd), events in a file (no journald), file locks (no shared memory segment),
#   - RUN steps in the host's network namespace (nothing is set up on the host's networking),
#   - every registry on 127.0.0.1 is plain http, as dockerd treats loopback registries, so builds pull
#     their FROM images from the test registry and pushes reach loopback registries on any port.
# Prints the DOCKER_HOST value once the API answers.
#
#   build/env/podman.sh DIR
set -euo pipefail
dir=$(mkdir -p "$1" && cd "$1" && pwd)
root="$dir/podman"
mkdir -p "$root/storage" "$root/run" "$root/tmp" "$root/networks"

cat > "$root/containers.conf" <<CONF
[containers]
netns = "host"
log_driver = "k8s-file"

[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$root/events.log"
lock_type = "file"
tmp_dir = "$root/tmp"
static_dir = "$root/storage/libpod"
volume_path = "$root/storage/volumes"

[network]
network_config_dir = "$root/networks"
CONF

cat > "$root/storage.conf" <<CONF
[storage]
driver = "$("$(dirname "$0")/storage-driver.sh")"
graphroot = "$root/storage"
runroot = "$root/run"
CONF

cat > "$root/registries.conf" <<CONF
unqualified-search-registries = []

[[registry]]
location = "127.0.0.1"
insecure = true
CONF

CONTAINERS_CONF="$root/containers.conf" CONTAINERS_STORAGE_CONF="$root/storage.conf" \
CONTAINERS_REGISTRIES_CONF="$root/registries.conf" \
  setsid podman system service --time=0 "unix://$dir/podman.sock" > "$dir/podman.log" 2>&1 < /dev/null &
echo "$! podman" >> "$dir/pids"
for _ in $(seq 60); do
  if curl -sf --unix-socket "$dir/podman.sock" http://podman/_ping > /dev/null 2>&1; then
    echo "unix://$dir/podman.sock"
    exit 0
  fi
  sleep 0.25
done
echo "podman.sh: the Podman service did not come up; its log:" >&2
tail -n 40 "$dir/podman.log" >&2
exit 1
