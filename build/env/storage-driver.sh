#!/usr/bin/env bash
# Prints the storage driver the test engines should use: "overlay" when the kernel mounts overlayfs here
# (a VM or a privileged container on ext4/xfs), else "vfs", which works anywhere but copies every layer
# and every container's whole filesystem, and costs minutes of CPU over a test run.
#
#   build/env/storage-driver.sh
set -uo pipefail
probe=$(mktemp -d)
mkdir -p "$probe/lower" "$probe/upper" "$probe/work" "$probe/merged"
if mount -t overlay overlay -o "lowerdir=$probe/lower,upperdir=$probe/upper,workdir=$probe/work" "$probe/merged" 2>/dev/null; then
  umount "$probe/merged"
  echo overlay
else
  echo vfs
fi
rm -rf "$probe"
