#!/usr/bin/env bash
# Builds, once, the base images the tests and the demo run .NET apps on, without reaching anything but
# the machine's own Debian mirror: debootstrap minbase + the libraries .NET needs + the shared frameworks
# of the installed SDK. The result is an OCI layout cached under $ECRPUB_CACHE (keyed on the runtime
# version), so later runs only copy it into a registry.
#
#   build/env/base-image.sh               prints the OCI layout directory (building it when missing)
#   build/env/base-image.sh seed HOST:PORT copies it into a plain-http registry as dotnet/aspnet:<major>
#                                          and dotnet/runtime:<major>, and a multi-arch
#                                          dotnet/runtime-deps:<major> (linux/amd64: the same image;
#                                          linux/arm64: Debian minbase unpacked by debootstrap's first
#                                          stage, which runs nothing, so no emulator is needed) for
#                                          self-contained multi-arch publishing.
set -euo pipefail

cache=${ECRPUB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ecrpublish}
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
runtime_version=$(ls "$dotnet_root/shared/Microsoft.NETCore.App" | sort -V | tail -n 1)
aspnet_version=$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" | sort -V | tail -n 1)
major=${runtime_version%%.*}.0
layout="$cache/base-aspnet-$aspnet_version-runtime-$runtime_version"
multiarch_layout="$cache/base-runtime-deps-multiarch-$aspnet_version-runtime-$runtime_version"

# The suite and mirror come from the machine's own apt sources: whatever Debian it can reach.
debian_mirror() {
  local uri
  uri=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n 1 || true)
  [ -n "$uri" ] || uri=$(grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | head -n 1 || true)
  echo "$uri"
}

build_layout() {
  local work rootfs mirror suite epoch
  work=$(mktemp -d "$cache/build.XXXXXX")
  trap 'rm -rf "$work"' RETURN
  rootfs="$work/rootfs"
  mirror=$(debian_mirror)
  suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
  [ -n "$mirror" ] || { echo "base-image: no Debian mirror found in /etc/apt/sources*" >&2; exit 1; }
  echo "base-image: debootstrap $suite (minbase) from the machine's mirror ..." >&2
  debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,zlib1g,libstdc++6,tzdata \
    "$suite" "$rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 || { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/* \
    "$rootfs"/dev/* "$rootfs"/proc/* "$rootfs"/sys/* "$rootfs"/tmp/* "$rootfs"/run/*
  echo "base-image: adding .NET $runtime_version and ASP.NET Core $aspnet_version ..." >&2
  mkdir -p "$rootfs/usr/share/dotnet/shared"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$dotnet_root/LICENSE.txt" "$rootfs/usr/share/dotnet/" 2>/dev/null || cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$rootfs/usr/share/dotnet/"
  mkdir -p "$rootfs/usr/share/dotnet/shared/Microsoft.NETCore.App" "$rootfs/usr/share/dotnet/shared/Microsoft.AspNetCore.App"
  cp -a "$dotnet_root/shared/Microsoft.NETCore.App/$runtime_version" "$rootfs/usr/share/dotnet/shared/Microsoft.NETCore.App/"
  cp -a "$dotnet_root/shared/Microsoft.AspNetCore.App/$aspnet_version" "$rootfs/usr/share/dotnet/shared/Microsoft.AspNetCore.App/"
  ln -sf /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"
  # The non-root user the official images have (uid 1654, "app"), so ContainerUser=app works.
  echo 'app:x:1654:1654::/home/app:/bin/sh' >> "$rootfs/etc/passwd"
  echo 'app:x:1654:' >> "$rootfs/etc/group"
  mkdir -p "$rootfs/home/app" && chown 1654:1654 "$rootfs/home/app"

  epoch=${SOURCE_DATE_EPOCH:-1700000000}
  python3 "$(dirname "$0")/oci-layout.py" "$rootfs" "$work/layout" "$epoch" "$runtime_version" "$aspnet_version"
  rm -rf "$layout" && mv "$work/layout" "$layout"
}

# linux/arm64 files only: they are never run here (the tests check what was pushed, not run it).
build_multiarch_layout() {
  local work rootfs mirror suite
  work=$(mktemp -d "$cache/build.XXXXXX")
  trap 'rm -rf "$work"' RETURN
  rootfs="$work/rootfs"
  mirror=$(debian_mirror)
  suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
  echo "base-image: debootstrap --foreign $suite arm64 (minbase) from the machine's mirror ..." >&2
  debootstrap --foreign --arch=arm64 --variant=minbase --include=ca-certificates,libicu72,libssl3,zlib1g,libstdc++6,tzdata \
    "$suite" "$rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 || { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }
  # The first stage links the target's /proc to the host's /proc (and may link /dev or /sys): replace those
  # links by empty folders without ever following them.
  for dir in proc sys dev; do
    if [ -L "$rootfs/$dir" ]; then rm -f "$rootfs/$dir" && mkdir "$rootfs/$dir"; fi
  done
  rm -rf "$rootfs"/debootstrap "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/dev/*
  python3 "$(dirname "$0")/oci-layout.py" "$rootfs" "$work/arm64" "${SOURCE_DATE_EPOCH:-1700000000}" - - arm64
  python3 "$(dirname "$0")/oci-index.py" "$work/multiarch" "$layout" "$work/arm64"
  rm -rf "$multiarch_layout" && mv "$work/multiarch" "$multiarch_layout"
}

mkdir -p "$cache"
if [ ! -f "$layout/index.json" ]; then
  build_layout
fi
if [ ! -f "$multiarch_layout/index.json" ]; then
  build_multiarch_layout
fi

case "${1:-}" in
  seed)
    registry=$2
    for repo in dotnet/aspnet dotnet/runtime; do
      skopeo copy --quiet --dest-tls-verify=false "oci:$layout:latest" "docker://$registry/$repo:$major" >&2
    done
    skopeo copy --quiet --all --dest-tls-verify=false "oci:$multiarch_layout:latest" "docker://$registry/dotnet/runtime-deps:$major" >&2
    echo "$registry/dotnet/aspnet:$major"
    ;;
  *) echo "$layout" ;;
esac
