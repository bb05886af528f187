#!/usr/bin/env bash
# Installs, once, the independent tools the supply-chain tests check EcrPublish's SBOMs with, from the package
# registries (never hand-copied schemas):
#   npm:   ajv + ajv-formats (a JSON Schema validator) and @cyclonedx/cyclonedx-library, whose res/schema folder
#          carries the official CycloneDX 1.6 JSON schema (with the spdx and jsf schemas it refers to);
#   npm:   @microsoft/sarif-multitool (its Linux build comes from the optional dependency
#          @microsoft/sarif-multitool-linux, which also carries the SARIF 2.1.0 JSON schema) for the scan gate's
#          SARIF files; in its own folder because the packages above are installed without optional dependencies;
#   NuGet: the CycloneDX dotnet tool, whose NuGet component list the tests compare with EcrPublish's.
# Everything goes under $ECRPUB_VALIDATORS (default: $ECRPUB_CACHE/validators); the tests look there.
set -euo pipefail
cache=${ECRPUB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ecrpublish}
dir=${ECRPUB_VALIDATORS:-$cache/validators}
npm_packages=(ajv@8.20.0 ajv-formats@3.0.1 @cyclonedx/cyclonedx-library@10.3.0)
sarif_packages=(@microsoft/sarif-multitool@5.7.0 @microsoft/sarif-multitool-linux@5.7.0)
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

sarif_stamp="$dir/sarif/.installed-$(echo "${sarif_packages[*]}" | tr ' /@' '_~~')"
if [ ! -f "$sarif_stamp" ]; then
  command -v npm > /dev/null || { echo "install-validators.sh: npm is required (apt-get install npm)" >&2; exit 1; }
  echo "install-validators.sh: npm install ${sarif_packages[*]}" >&2
  rm -rf "$dir/sarif" && mkdir -p "$dir/sarif"
  npm install --prefix "$dir/sarif" --no-audit --no-fund --ignore-scripts "${sarif_packages[@]}" \
    > "$dir/sarif-install.log" 2>&1 || { tail -n 20 "$dir/sarif-install.log" >&2; exit 1; }
  # The package's postinstall does only this; scripts stay off for every package.
  chmod u+x "$dir/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
  touch "$sarif_stamp"
fi

if [ ! -x "$dir/dotnet-tools/dotnet-CycloneDX" ] \
   || ! "$dir/dotnet-tools/dotnet-CycloneDX" --version 2>/dev/null | grep -q "^$cyclonedx_tool_version"; then
  echo "install-validators.sh: dotnet tool install CycloneDX $cyclonedx_tool_version" >&2
  rm -rf "$dir/dotnet-tools"
  dotnet tool install CycloneDX --version "$cyclonedx_tool_version" --tool-path "$dir/dotnet-tools" > "$dir/tool-install.log" 2>&1 \
    || { tail -n 20 "$dir/tool-install.log" >&2; exit 1; }
fi
