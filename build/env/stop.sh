#!/usr/bin/env bash
# Stops what build/env/start.sh DIR started (by process id, with each one's process group) and
# removes DIR.
set -u
dir=${1:?usage: build/env/stop.sh DIR}
[ -f "$dir/pids" ] || exit 0
while read -r pid name; do
  kill -TERM -- "-$pid" 2> /dev/null || kill -TERM "$pid" 2> /dev/null || true
done < "$dir/pids"
for _ in $(seq 40); do
  alive=0
  while read -r pid name; do kill -0 "$pid" 2> /dev/null && alive=1; done < "$dir/pids"
  [ $alive = 0 ] && break
  sleep 0.25
done
while read -r pid name; do kill -KILL -- "-$pid" 2> /dev/null || true; done < "$dir/pids"
# dockerd leaves mounts (netns, container rootfs) behind when it is killed hard.
grep -o " $dir[^ ]*" /proc/mounts 2> /dev/null | sort -r | while read -r mount; do umount -l "$mount" 2> /dev/null || true; done
[ "${ECRPUB_KEEP_ENV:-}" = 1 ] || rm -rf "$dir"
