#!/usr/bin/env bash
# The README's main-job command. On a fresh Debian machine (as root, with the .NET SDK) it shows the whole
# product offline, with no AWS account: it starts LocalEcr (the embedded default ECR endpoint), puts a
# locally built .NET base image in it, publishes samples/HelloApi with
#   dotnet publish -p:PublishToEcr=true
# and shows the tags, the digest, what ECR now holds and the image's referrers (SBOM, provenance), the IAM policy the
# publish needs (dotnet ecr iam-policy) and a promotion without rebuild (dotnet ecr images copy to helloapi-prod); when a
# Docker engine is reachable it runs the image and calls it. Everything it starts it stops again.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=build/lib/checkout.sh
. build/lib/checkout.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Installing what the demo needs (skopeo and debootstrap for the base image, dockerd to run the result)"
build/env/install.sh

step "Building (once, cached) a Debian + .NET base image from this machine's mirror and SDK"
layout=$(build/env/base-image.sh)
major=$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ {print $2}' | sort -V | tail -n 1 | cut -d. -f1).0
echo "base image layout: $layout"

work=$(mktemp -d /tmp/ecrpublish-demo.XXXXXX)
localecr_pid=
cleanup() {
  if [ -n "$localecr_pid" ]; then kill "$localecr_pid" 2> /dev/null || true; wait "$localecr_pid" 2> /dev/null || true; fi
  build/env/stop.sh "$work/engine" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

step "Building the dotnet ecr tool"
build_dotnet_ecr "$work/build.log"
ecr() { dotnet "$ecr_dll" "$@"; }

step "dotnet ecr local: an ECR-compatible endpoint on 127.0.0.1 (control plane and registry on one port)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
# Started directly (not through the ecr function) so that $! is the server itself and cleanup can stop it.
# --vuln-db: the small OSV feed the tests use, so that the scan has a real finding to show.
dotnet "$ecr_dll" local --port "$port" --data "$work/localecr" --vuln-db tests/EcrPublish.LocalEcr.Tests/VulnDb > "$work/localecr.log" 2>&1 &
localecr_pid=$!
endpoint=http://127.0.0.1:$port
for _ in $(seq 60); do curl -s -o /dev/null "$endpoint/v2/" && break; sleep 0.5; done
cat "$work/localecr.log"
# LocalEcr's default credentials; a real pipeline uses its AWS credentials the same way.
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1

step "Putting the base image into LocalEcr as dotnet/aspnet:$major"
ecr create-repository --repository-name dotnet/aspnet --endpoint-url "$endpoint" --output text --query 'repository.repositoryUri'
ecr get-login-password --endpoint-url "$endpoint" \
  | skopeo login --tls-verify=false --authfile "$work/auth.json" --username AWS --password-stdin "127.0.0.1:$port"
skopeo copy --quiet --dest-tls-verify=false --authfile "$work/auth.json" "oci:$layout:latest" "docker://127.0.0.1:$port/dotnet/aspnet:$major"
rm -f "$work/auth.json"

step "Packing the EcrPublish package into the samples' local feed"
pack_ecrpublish "$root/artifacts/packages" demo
version=$ecrpublish_version

step "dotnet publish samples/HelloApi -p:PublishToEcr=true"
# The new repository scans on push, so the publish waits for the scan and prints what it found.
( cd samples/HelloApi && dotnet publish -nologo "-p:EcrPublishVersion=$version" -p:PublishToEcr=true \
    "-p:EcrServiceUrl=$endpoint" "-p:ContainerBaseImage=127.0.0.1:$port/dotnet/aspnet:$major" )
result=$(find samples/HelloApi/obj -name ecrpublish.result.json | head -n 1)
echo "result file $result:"
cat "$result"

step "What ECR holds now: dotnet ecr describe-images --repository-name helloapi --output table"
ecr describe-images --repository-name helloapi --endpoint-url "$endpoint" --output table \
  --query 'imageDetails[?imageTags].{digest:imageDigest,tags:join(`, `,imageTags),bytes:imageSizeInBytes,type:imageManifestMediaType}'

step "The supply chain: dotnet ecr list-image-referrers --repository-name helloapi --subject-id imageDigest=<digest>"
echo "The publish attached an SBOM (SPDX) and an in-toto provenance statement as OCI referrers: artifact manifests whose"
echo "subject is the image, listed by the image's digest (ECR's referrers API; docs/supply-chain.md says what they hold)."
digest=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["images"][0]["digest"])' "$result")
ecr list-image-referrers --repository-name helloapi --subject-id "imageDigest=$digest" --endpoint-url "$endpoint" --output table \
  --query 'referrers[].{artifactType:artifactType,digest:digest,bytes:size}'

step "Publishing again without a change: same digest, nothing sent"
( cd samples/HelloApi && dotnet publish -nologo "-p:EcrPublishVersion=$version" -p:PublishToEcr=true \
    "-p:EcrServiceUrl=$endpoint" "-p:ContainerBaseImage=127.0.0.1:$port/dotnet/aspnet:$major" -p:EcrScan=None | grep 'EcrPublish:' )

step "The scan gate: the same publish with EcrScanFailOnSeverity=MEDIUM fails the build (expected)"
( cd samples/HelloApi && dotnet publish -nologo "-p:EcrPublishVersion=$version" -p:PublishToEcr=true \
    "-p:EcrServiceUrl=$endpoint" "-p:ContainerBaseImage=127.0.0.1:$port/dotnet/aspnet:$major" \
    -p:EcrScanFailOnSeverity=MEDIUM | grep -E 'EcrPublish|error ECR' ) && echo "demo.sh: the gate should have failed" && exit 1
echo "(the build failed with the code above, as a pipeline gate would)"

step "Least privilege: dotnet ecr iam-policy --project samples/HelloApi"
echo "The IAM policy a pipeline's role needs for exactly this publish, scoped to the repository's ARN (the README's CI recipes)."
account=$(ecr describe-repositories --repository-names helloapi --endpoint-url "$endpoint" --output text --query 'repositories[0].registryId')
ecr iam-policy --project samples/HelloApi --registry-id "$account"

step "Promoting without a rebuild: dotnet ecr images copy --source helloapi@<digest> --destination helloapi-prod:release"
echo "The same image, by digest, with its SBOM and provenance, into the repository production pulls from; then another tag there."
ecr images copy --source "helloapi@$digest" --destination helloapi-prod:release --create-repository --endpoint-url "$endpoint"
ecr images tag --repository-name helloapi-prod --source-tag release --tag prod --endpoint-url "$endpoint"
ecr describe-images --repository-name helloapi-prod --endpoint-url "$endpoint" --output table \
  --query 'imageDetails[?imageTags].{digest:imageDigest,tags:join(`, `,imageTags)}'
copied=$(ecr describe-images --repository-name helloapi-prod --image-ids imageTag=prod --endpoint-url "$endpoint" --output text --query 'imageDetails[0].imageDigest')
[ "$copied" = "$digest" ] || { echo "demo.sh: helloapi-prod:prod is $copied, not $digest"; exit 1; }
echo "helloapi-prod:prod is $copied, the digest published to helloapi"

# Use the machine's Docker engine when there is one, else start a private one (Debian's dockerd) for the demo.
docker_ready=true
if ! docker info > /dev/null 2>&1; then
  step "Starting a private Docker engine to run the image"
  if DOCKER_HOST=$(build/env/dockerd.sh "$work/engine"); then export DOCKER_HOST; else docker_ready=false; fi
fi
step "Previewing a lifecycle policy offline: dotnet ecr lifecycle preview"
cat > "$work/lifecycle.json" <<'JSON'
{"rules":[
  {"rulePriority":1,"description":"Keep the 3 newest v* releases","selection":{"tagStatus":"tagged","tagPrefixList":["v"],"countType":"imageCountMoreThan","countNumber":3},"action":{"type":"expire"}},
  {"rulePriority":2,"description":"Expire untagged images after 1 day","selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":1},"action":{"type":"expire"}}
]}
JSON
cat "$work/lifecycle.json"
ecr lifecycle preview --policy "$work/lifecycle.json" --repository-name helloapi --endpoint-url "$endpoint"

if $docker_ready; then
  step "Running the image with the Docker engine and calling it"
  export DOCKER_CONFIG=$work/docker-config
  ecr get-login-password --endpoint-url "$endpoint" | docker login --username AWS --password-stdin "127.0.0.1:$port" > /dev/null
  app_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  container=$(docker run -d --rm --network=host -e "ASPNETCORE_HTTP_PORTS=$app_port" "127.0.0.1:$port/helloapi:latest")
  for _ in $(seq 60); do curl -sf "http://127.0.0.1:$app_port/" && break; sleep 0.5; done
  echo
  docker rm -f "$container" > /dev/null
else
  step "No Docker engine could be started: skipping 'docker run' of the image"
fi

step "Done: the image was built without Docker, tagged from git, and pushed to a local ECR."
