#!/usr/bin/env bash
# Installs, once, the independent tools the supply-chain tests check EcrPublish's SBOMs with, from the package
# registries (never hand-copied schemas):
#   npm:   ajv + ajv-formats (a JSON Schema validator) and @cyclonedx/cyclonedx-library, whose res/schema folder
#          carries the official CycloneDX 1.6 JSON schema (with the spdx and jsf schemas it refers to);
#   NuGet: the CycloneDX dotnet tool, whose NuGet component list the tests compare with EcrPublish's.
# Everything goes under $ECRPUB_VALIDATORS (default: $ECRPUB_CACHE/validators); the tests look there.
set -euo pipefail
cache=${ECRPUB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ecrpublish}
dir=${ECRPUB_VALIDATORS:-$cache/validators}
npm_packages=(ajv@8.20.0 ajv-formats@3.0.1 @cyclonedx/cyclonedx-library@10.3.0)
cyclonedx_tool_version=6.3.1

mkdir -p "$dir"
stamp="$dir/npm/.installed-$(echo "${npm_packages[*]}" | tr ' /@' '_~~')"
if [ ! -f "$stamp" ]; then
  command -v npm > /dev/null || { echo "install-validators.sh: npm is required (apt-get install npm)" >&2; exit 1; }
  echo "install-validators.sh: npm install ${npm_packages[*]}" >&2
  rm -rf "$dir/npm" && mkdir -p "$dir/npm"
  npm install --prefix "$dir/npm" --no-audit --no-fund --ignore-scripts --omit=optional --omit=peer "${npm_packages[@]}" \
    > "$dir/npm-install.log" 2>&1 || { tail -n 20 "$dir/npm-install.log" >&2; exit 1; }
  touch "$stamp"
fi

if [ ! -x "$dir/dotnet-tools/dotnet-CycloneDX" ] \
   || ! "$dir/dotnet-tools/dotnet-CycloneDX" --version 2>/dev/null | grep -q "^$cyclonedx_tool_version"; then
  echo "install-validators.sh: dotnet tool install CycloneDX $cyclonedx_tool_version" >&2
  rm -rf "$dir/dotnet-tools"
  dotnet tool install CycloneDX --version "$cyclonedx_tool_version" --tool-path "$dir/dotnet-tools" > "$dir/tool-install.log" 2>&1 \
    || { tail -n 20 "$dir/tool-install.log" >&2; exit 1; }
fi
