#!/usr/bin/env bash
# The "docker" tool of build/bench.sh: what teams script without EcrPublish. 'dotnet publish', then for each
# service a two-line Dockerfile over its publish folder, 'docker build' with three tags (version, git sha,
# latest) and 'docker push --all-tags', through the test Docker engine ($ECRPUB_DOCKER_HOST).
#
#   docker-publish.sh PROXY BASE_IMAGE REPOSITORY [SOLUTION] -- dotnet publish arguments...
# Run in the project's folder; with SOLUTION, every project folder beside it is a service pushed to
# REPOSITORY/<folder>.
set -euo pipefail
proxy=$1 base=$2 repo=$3; shift 3
solution=""
if [ "$1" != -- ]; then solution=$1; shift; fi
shift
docker_cli() { docker -H "$ECRPUB_DOCKER_HOST" "$@"; }

dotnet publish $solution "$@"
sha=$(git rev-parse --short=12 HEAD)

publish_image() {
  local project_dir=$1 image=$2 publish app
  publish=""
  for candidate in "$project_dir"/bin/Release/net*/publish "$project_dir"/bin/Release/net*/linux-x64/publish; do
    if [ -d "$candidate" ]; then publish=$candidate; break; fi
  done
  [ -n "$publish" ] || { echo "docker-publish: no publish folder under $project_dir/bin/Release" >&2; exit 1; }
  app=$(basename "$(ls "$project_dir"/*.csproj)" .csproj)
  if [ -f "$publish/libcoreclr.so" ]; then entrypoint="[\"./$app\"]"; else entrypoint="[\"dotnet\", \"$app.dll\"]"; fi
  printf 'FROM %s\nWORKDIR /app\nCOPY . .\nENTRYPOINT %s\n' "$base" "$entrypoint" > "$publish/Dockerfile"
  docker_cli build -q -t "$image:v1.0.0" -t "$image:$sha" -t "$image:latest" "$publish" > /dev/null
  docker_cli push -q --all-tags "$image" > /dev/null
}

if [ -n "$solution" ]; then
  for csproj in */*.csproj; do
    publish_image "$(dirname "$csproj")" "$proxy/$repo/$(dirname "$csproj")"
  done
else
  publish_image . "$proxy/$repo"
fi
