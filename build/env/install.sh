#!/usr/bin/env bash
# Installs, idempotently and quietly, the Debian packages the tests and the demo need. Packages that
# are already there are not touched, so a warm machine pays nothing.
set -euo pipefail
missing=()
need() { command -v "$1" > /dev/null 2>&1 || missing+=("$2"); }
need dockerd docker.io
need podman podman
need docker-registry docker-registry
need skopeo skopeo
need debootstrap debootstrap
need curl curl
need vmstat procps
need git git
# node and npm run the independent SBOM and SARIF validators (install-validators.sh).
need node nodejs
need npm npm
# Debian's AWS CLI is v2; a pip-installed v1 may shadow it on PATH, so look at the file itself.
[ -x /usr/bin/aws ] || missing+=(awscli)

if [ ${#missing[@]} -gt 0 ]; then
  echo "install.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq > /dev/null
  apt-get install -y -qq "${missing[@]}" > /tmp/ecrpublish-apt.log 2>&1 \
    || { tail -n 30 /tmp/ecrpublish-apt.log >&2; exit 1; }
fi
# moto comes with the machine's Python (Debian has no package for it, and PyPI is out of reach).
python3 -c 'import moto.server' > /dev/null 2>&1 || { echo "install.sh: moto is missing from python3 (pip install 'moto[server]')" >&2; exit 1; }
command -v dotnet > /dev/null || { echo "install.sh: the .NET SDK (dotnet) is required" >&2; exit 1; }
# The independent SBOM and SARIF checkers (npm schema validator, the SARIF multitool, the CycloneDX dotnet tool), cached after the first run.
"$(dirname "$0")/install-validators.sh"
