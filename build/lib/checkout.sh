# Shared by build/demo.sh, build/smoke-aws.sh and build/bench.sh (sourced, not run): the dotnet ecr tool and the EcrPublish package
# built from this checkout, so that a script exercises the code it ships with, never a published release.
# Expects $root (the repository root) to be the current directory.

# build_dotnet_ecr LOG: builds the dotnet ecr tool (Release) and sets ecr_dll to it, unless ECRPUB_DOTNET_ECR
# already names a built dotnet-ecr.dll (the tests pass theirs). Prints the build log only when the build fails.
build_dotnet_ecr() {
  local log=$1
  if [ -n "${ECRPUB_DOTNET_ECR:-}" ]; then
    [ -f "$ECRPUB_DOTNET_ECR" ] || { echo "ECRPUB_DOTNET_ECR=$ECRPUB_DOTNET_ECR: no such file" >&2; return 2; }
    ecr_dll=$ECRPUB_DOTNET_ECR
    echo "using $ecr_dll"
    return 0
  fi
  dotnet build src/EcrPublish.Cli -c Release -nologo -v:q > "$log" 2>&1 || { cat "$log"; return 1; }
  ecr_dll=$root/src/EcrPublish.Cli/bin/Release/net8.0/dotnet-ecr.dll
}

# pack_ecrpublish FEED LABEL: packs EcrPublish with a fresh version (0.1.0-LABEL.<UTC time>) into FEED and sets
# ecrpublish_version, unless ECRPUB_PACKAGE_VERSION names an EcrPublish already packed in FEED (the tests pass the
# package their fixture packed, rather than packing again).
pack_ecrpublish() {
  local feed=$1 label=$2
  if [ -n "${ECRPUB_PACKAGE_VERSION:-}" ]; then
    ecrpublish_version=$ECRPUB_PACKAGE_VERSION
    [ -f "$feed/EcrPublish.$ecrpublish_version.nupkg" ] \
      || { echo "ECRPUB_PACKAGE_VERSION=$ecrpublish_version, but $feed holds no EcrPublish.$ecrpublish_version.nupkg" >&2; return 2; }
  else
    ecrpublish_version=0.1.0-$label.$(date -u +%Y%m%d%H%M%S)
    dotnet pack src/EcrPublish.Tasks -c Release -o "$feed" "-p:Version=$ecrpublish_version" -nologo -v:q
  fi
  echo "EcrPublish $ecrpublish_version"
}

# write_feed_config FILE FEED: a NuGet.Config where EcrPublish comes only from FEED and everything else from nuget.org.
write_feed_config() {
  cat > "$1" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="ecrpublish-local" value="$2" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="ecrpublish-local"><package pattern="EcrPublish" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
}
