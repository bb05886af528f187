#!/usr/bin/env bash
# The release smoke test: what a maintainer runs with real AWS credentials before a release. It uses this
# checkout's EcrPublish package and dotnet ecr tool, and in the account and region of the credentials:
#   1. creates a throw-away repository (ecrpublish-smoke-<random>, scan on push),
#   2. publishes samples/HelloApi into it with dotnet publish -p:PublishToEcr=true (scan waited for, SBOM and provenance),
#   3. reads it back with dotnet ecr describe-images, list-image-referrers and verify --require sbom,provenance,
#   4. prints the IAM policy the publish needs (dotnet ecr iam-policy --project samples/HelloApi),
#   5. copies the image with dotnet ecr images copy into a second throw-away repository (same digest) and retags it
#      there with dotnet ecr images tag,
# and deletes both repositories at the end, also when a step fails or the script is interrupted. The last line is
# 'smoke-aws: PASS' or 'smoke-aws: FAIL (<step>)'; the exit code is non-zero on failure.
#
#   AWS_REGION=eu-west-1 AWS_PROFILE=release build/smoke-aws.sh [-- extra dotnet publish arguments]
#
# Needs: credentials in the default chain (AWS_PROFILE, AWS_ACCESS_KEY_ID..., SSO) and AWS_REGION. The identity creates,
# reads, copies into and deletes its throw-away repositories, so give it ecr:* on
# arn:aws:ecr:REGION:ACCOUNT:repository/ecrpublish-smoke-* and ecr:GetAuthorizationToken on "*"; step 4 prints the
# narrower policy a CI role needs for the publish alone.
# Endpoints: AWS_ENDPOINT_URL_ECR (or AWS_ENDPOINT_URL) points the tool and the publish at another ECR, such as
# LocalEcr (dotnet ecr local prints the line to export); that is how the tests run this script.
# Reuse instead of building (the tests do): ECRPUB_DOTNET_ECR (a built dotnet-ecr.dll), ECRPUB_FEED and
# ECRPUB_PACKAGE_VERSION (an EcrPublish package already packed into that folder).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=build/lib/checkout.sh
. build/lib/checkout.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

publish_args=()
while [ $# -gt 0 ]; do
  case $1 in
    --) shift; publish_args=("$@"); break ;;
    *) echo "usage: build/smoke-aws.sh [-- extra dotnet publish arguments]" >&2; exit 2 ;;
  esac
done
[ -n "${AWS_REGION:-}" ] || { echo "smoke-aws: set AWS_REGION to the region to test in (e.g. AWS_REGION=eu-west-1)" >&2; exit 2; }

suffix=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
repository=ecrpublish-smoke-$suffix
copy_repository=ecrpublish-smoke-$suffix-copy
work=$(mktemp -d /tmp/ecrpublish-smoke.XXXXXX)
current=starting
step() { current=$1; printf '\n\033[1m== %s\033[0m\n' "$*"; }
ecr() { dotnet "$ecr_dll" "$@"; }

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  if [ -n "${ecr_dll:-}" ]; then
    printf '\n\033[1m== %s\033[0m\n' "Cleaning up: dotnet ecr delete-repository --force on $repository and $copy_repository"
    for name in "$repository" "$copy_repository"; do
      if ecr describe-repositories --repository-names "$name" > /dev/null 2>&1; then
        ecr delete-repository --repository-name "$name" --force --output text --query 'repository.repositoryName' \
          || { echo "smoke-aws: could not delete $name; delete it by hand" >&2; code=1; }
      else
        echo "$name: not there (never created, or already gone)"
      fi
    done
  fi
  rm -rf "$work"
  if [ "$code" = 0 ]; then echo "smoke-aws: PASS"; else echo "smoke-aws: FAIL ($current)"; fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
set -e

echo "region $AWS_REGION, ECR endpoint ${AWS_ENDPOINT_URL_ECR:-${AWS_ENDPOINT_URL:-the AWS default}}"
echo "throw-away repositories: $repository, $copy_repository"

step "Building the dotnet ecr tool from this checkout"
build_dotnet_ecr "$work/build.log"

step "Packing the EcrPublish package from this checkout"
feed=${ECRPUB_FEED:-$root/artifacts/packages}
pack_ecrpublish "$feed" smoke
write_feed_config "$work/NuGet.Config" "$feed"

step "dotnet ecr create-repository --repository-name $repository (scan on push)"
registry_id=$(ecr create-repository --repository-name "$repository" --image-scanning-configuration scanOnPush=true \
  --output text --query 'repository.registryId')
ecr describe-repositories --repository-names "$repository" --output table \
  --query 'repositories[].{name:repositoryName,uri:repositoryUri,scanOnPush:imageScanningConfiguration.scanOnPush}'

step "dotnet publish samples/HelloApi -p:PublishToEcr=true -p:EcrRepository=$repository -p:EcrScan=Wait -p:EcrSbom=true -p:EcrProvenance=true"
endpoint_args=()
[ -n "${AWS_ENDPOINT_URL_ECR:-}" ] && endpoint_args=("-p:EcrServiceUrl=$AWS_ENDPOINT_URL_ECR")
# Built under the work folder (--artifacts-path), so the checkout's samples/HelloApi/bin and obj stay as they were.
dotnet publish samples/HelloApi -nologo --artifacts-path "$work/artifacts" "-p:RestoreConfigFile=$work/NuGet.Config" \
  "-p:EcrPublishVersion=$ecrpublish_version" -p:PublishToEcr=true "-p:EcrRepository=$repository" \
  -p:EcrScan=Wait -p:EcrSbom=true -p:EcrProvenance=true "-p:EcrResultFile=$work/result.json" \
  "${endpoint_args[@]}" "${publish_args[@]}"
cat "$work/result.json"
digest=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["images"][0]["digest"])' "$work/result.json")
echo "published $repository@$digest"

step "dotnet ecr describe-images --repository-name $repository"
ecr describe-images --repository-name "$repository" --image-ids "imageDigest=$digest" --output table \
  --query 'imageDetails[].{digest:imageDigest,tags:join(`, `,imageTags),bytes:imageSizeInBytes,scan:imageScanStatus.status}'

step "dotnet ecr list-image-referrers --repository-name $repository --subject-id imageDigest=$digest"
ecr list-image-referrers --repository-name "$repository" --subject-id "imageDigest=$digest" --output table \
  --query 'referrers[].{artifactType:artifactType,digest:digest,bytes:size}'

step "dotnet ecr verify $repository@$digest --require sbom,provenance"
ecr verify "$repository@$digest" --require sbom,provenance --registry-id "$registry_id"

step "dotnet ecr iam-policy --project samples/HelloApi --repository $repository"
ecr iam-policy --project samples/HelloApi --repository "$repository" --registry-id "$registry_id" > "$work/policy.json"
cat "$work/policy.json"
python3 -c 'import json, sys; p = json.load(open(sys.argv[1])); assert any("ecr:PutImage" in (s["Action"] if isinstance(s["Action"], list) else [s["Action"]]) for s in p["Statement"]), "no ecr:PutImage"' "$work/policy.json"

step "dotnet ecr images copy --source $repository@$digest --destination $copy_repository:smoke"
ecr create-repository --repository-name "$copy_repository" --output text --query 'repository.repositoryUri'
ecr images copy --source "$repository@$digest" --destination "$copy_repository:smoke"
copied=$(ecr describe-images --repository-name "$copy_repository" --image-ids imageTag=smoke --output text --query 'imageDetails[0].imageDigest')
[ "$copied" = "$digest" ] || { echo "smoke-aws: $copy_repository:smoke is $copied, not $digest" >&2; exit 1; }
echo "$copy_repository:smoke is $copied, the published digest"
ecr list-image-referrers --repository-name "$copy_repository" --subject-id "imageDigest=$digest" --output table \
  --query 'referrers[].{artifactType:artifactType,digest:digest}'

step "dotnet ecr images tag --repository-name $copy_repository --source-tag smoke --tag promoted"
ecr images tag --repository-name "$copy_repository" --source-tag smoke --tag promoted
promoted=$(ecr describe-images --repository-name "$copy_repository" --image-ids imageTag=promoted --output text --query 'imageDetails[0].imageDigest')
[ "$promoted" = "$digest" ] || { echo "smoke-aws: $copy_repository:promoted is $promoted, not $digest" >&2; exit 1; }
echo "$copy_repository:promoted is $promoted"
current=cleanup
