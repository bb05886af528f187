#!/usr/bin/env bash
# Side-by-side benchmark: EcrPublish (dotnet publish -p:PublishToEcr=true) against the .NET SDK's
# 'dotnet publish -t:PublishContainer' (and 'docker build' + 'docker push' when a Docker engine is up), same machine, same base image, same registry (Debian's
# docker-registry, with moto as the ECR control plane for EcrPublish), same generated project.
# Every push goes through build/bench/proxy.py, which counts requests and bytes (and, for scenarios 6 and 9,
# adds 40 ms RTT and a 50 Mbit/s cap); another one in front of moto counts EcrPublish's ECR API calls.
# See docs/benchmarks.md for what each scenario measures.
#
#   build/bench.sh             all scenarios (1-10) on the realistic app (10-15 minutes)
#   build/bench.sh --runs 3    all scenarios three times, from scratch each time; the report takes medians
#   build/bench.sh --only 1,8  the chosen scenarios and those they need (8 needs 1's push), e.g. to measure one lever
#   build/bench.sh --tiny      scenarios 1 and 2 on a tiny app, the container commands only (~1 minute; what CI checks)
#
# BENCH_PAYLOAD_MIB (default 1024) sizes scenario 10's generated payload.
# Reuses running services when ECRPUB_REGISTRY, ECRPUB_MOTO_URL and ECRPUB_BASE_ASPNET are set (the test
# environment's); otherwise starts its own with build/env/start.sh and stops them at the end.
# EcrPublish is packed (fresh version) into $BENCH_FEED (default artifacts/packages), unless
# BENCH_PACKAGE_VERSION names an EcrPublish already packed there (the tests pass the package they packed).
# Output: $BENCH_OUT (default artifacts/bench): results.csv (one row per command), summary.json,
# summary.md, and ratios.png (full run only).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=build/lib/checkout.sh
. build/lib/checkout.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
tiny=false runs=1 only=""
usage() { echo "usage: build/bench.sh [--tiny | --only N,N,...] [--runs N]   (scenarios 1-10, see docs/benchmarks.md)" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --tiny) tiny=true ;;
    --runs) runs=$2; shift ;;
    --only) [ $# -ge 2 ] || usage; only=$2; shift ;;
    *) usage ;;
  esac
  shift
done
# The scenarios to run: all of them, or --only's and what they need (their state comes from an earlier push).
declare -A needs=([2]=1 [3]=1 [4]=1 [8]=1 [9]="1 3" [10]=7) selected=()
select_scenario() {
  selected[$1]=1
  local need; for need in ${needs[$1]:-}; do select_scenario "$need"; done
}
if [ -z "$only" ]; then
  for n in $(seq 10); do selected[$n]=1; done
else
  $tiny && { echo "bench: --tiny runs scenarios 1 and 2; it does not combine with --only" >&2; usage; }
  for n in ${only//,/ }; do
    [[ $n =~ ^([1-9]|10)$ ]] || { echo "bench: --only takes scenario numbers 1 to 10, not '$n'" >&2; usage; }
    select_scenario "$n"
  done
fi
want() { [ -n "${selected[$1]:-}" ]; }
out=$(mkdir -p "${BENCH_OUT:-artifacts/bench}" && cd "${BENCH_OUT:-artifacts/bench}" && pwd)
say() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

work=$(mktemp -d /tmp/ecrpublish-bench.XXXXXX)
pids=()
started_env=false
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; done
  $started_env && build/env/stop.sh "$work/env" > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${ECRPUB_REGISTRY:-}" ] || [ -z "${ECRPUB_MOTO_URL:-}" ] || [ -z "${ECRPUB_BASE_ASPNET:-}" ]; then
  say "Starting the registry, moto (and the test engine) with build/env/start.sh"
  started_env=true
  # shellcheck disable=SC1090
  . "$(build/env/start.sh "$work/env")"
fi
registry=$ECRPUB_REGISTRY moto=$ECRPUB_MOTO_URL

# start_proxy VAR UPSTREAM [proxy options]: starts a measuring proxy in front of UPSTREAM (host:port) and sets VAR
# to its host:port (not via $(...): the pid must reach the cleanup trap of this shell, not of a subshell).
start_proxy() {
  local var=$1 upstream=$2 port; shift 2
  port=$(free_port)
  python3 build/bench/proxy.py "$port" "$upstream" "$@" > "$work/proxy-$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 40); do curl -sf "http://127.0.0.1:$port/__proxy/stats" > /dev/null && break; sleep 0.25; done
  printf -v "$var" '127.0.0.1:%s' "$port"
}
wan_rtt_ms=40 wan_mbit=50
start_proxy lan "$registry"
start_proxy wan "$registry" --rtt-ms "$wan_rtt_ms" --mbit "$wan_mbit"
# EcrPublish's ECR API calls (moto) go through a proxy too, on loopback, to count them (by action): the goals of
# issue 19 count the token and the tag lookups with the registry requests.
start_proxy api "${moto#http://}"
# The base image is named through the same proxy as the push, so both tools see it in the registry they
# push to (and can mount its layers instead of uploading them).
base_path=${ECRPUB_BASE_ASPNET#"$registry"/}

feed=${BENCH_FEED:-$root/artifacts/packages}
if [ -n "${BENCH_PACKAGE_VERSION:-}" ]; then
  version=$BENCH_PACKAGE_VERSION
  [ -f "$feed/EcrPublish.$version.nupkg" ] || { echo "bench: BENCH_PACKAGE_VERSION=$version, but $feed holds no EcrPublish.$version.nupkg" >&2; exit 2; }
  say "Using EcrPublish $version from $feed"
else
  say "Packing EcrPublish into $feed"
  version=0.1.0-bench.$(date -u +%Y%m%d%H%M%S)
  dotnet pack src/EcrPublish.Tasks -c Release -o "$feed" "-p:Version=$version" -nologo -v:q > "$work/pack.log" 2>&1 \
    || { cat "$work/pack.log"; exit 1; }
fi
write_feed_config "$work/NuGet.Config" "$feed"

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1
unset AWS_PROFILE AWS_ENDPOINT_URL AWS_ENDPOINT_URL_ECR
# EcrPublish's layer cache starts empty, as on a fresh CI runner.
export ECRPUBLISH_CACHE=$work/ecrpublish-layers
common=(-c Release -nologo -nodeReuse:false -p:UseSharedCompilation=false "-p:EcrPublishVersion=$version")

csv=$out/results.csv
echo "run,scenario,tool,link,phase,wall_s,max_rss_kb,requests,bytes_up,blob_bytes_up,blob_uploads,bytes_down,exit,user_s,sys_s,blobs_pushed,api_requests,api_token_requests,api_actions,methods" > "$csv"

# measure SCENARIO TOOL LINK PHASE DIR -- command...: runs the command in DIR under /usr/bin/time, with the
# proxies' counters reset first, and appends one CSV row (registry counters of the link's proxy, ECR API counters).
measure() {
  local scenario=$1 tool=$2 link=$3 phase=$4 dir=$5; shift 6
  local proxy=$lan; [ "$link" = wan ] && proxy=$wan
  local log="$work/$scenario-$tool-$phase.log" code=0
  curl -sf -X POST "http://$proxy/__proxy/reset" > /dev/null
  curl -sf -X POST "http://$api/__proxy/reset" > /dev/null
  ( cd "$dir" && /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$@" ) > "$log" 2>&1 || code=$?
  read -r wall rss user sys < <(tail -n 1 "$work/time")
  local stats api_stats; stats=$(curl -sf "http://$proxy/__proxy/stats"); api_stats=$(curl -sf "http://$api/__proxy/stats")
  python3 - "$stats" "$api_stats" "$run,$scenario,$tool,$link,$phase,$wall,$rss" "$code,$user,$sys" >> "$csv" <<'PY'
import json, sys
s, api = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"{sys.argv[3]},{s['requests']},{s['bytes_up']},{s['blob_bytes_up']},{s['blob_uploads']},{s['bytes_down']},{sys.argv[4]},"
      f"{s['blobs_pushed']},{api['requests']},{api['by_target'].get('GetAuthorizationToken', 0)},"
      + ";".join(f"{action}:{n}" for action, n in sorted(api['by_target'].items())) + ","
      + ";".join(f"{method}:{n}" for method, n in sorted(s['by_method'].items())))
PY
  printf '  run %s  %-18s %-10s %-4s %-9s %6ss  exit %s\n' "$run" "$scenario" "$tool" "$link" "$phase" "$wall" "$code" >&2
  if [ "$code" != 0 ]; then
    echo "bench: '$*' failed in $dir; the end of its log:" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
}

# container_command TOOL LINK REPO DIR [TARGET]: sets cmd to the container command of each tool. TARGET
# is a project or solution; REPO the repository (a prefix for a solution, whose projects add their names).
# With extra_tag set (scenario 8), each tool pushes that tag besides its usual ones.
container_command() {
  local tool=$1 link=$2 repo=$3 dir=$4 target=(${5:-})
  local proxy=$lan; [ "$link" = wan ] && proxy=$wan
  if [ "$tool" = ecrpublish ]; then
    # EcrWaitForSigning=false: moto has no GetSigningConfiguration and answers 500, which the ECR client retries with
    # back-off (2-5 s a publish); real ECR answers at once, so that time would measure moto, not EcrPublish.
    cmd=(dotnet publish "${target[@]}" "${common[@]}" -p:PublishToEcr=true "-p:EcrServiceUrl=http://$api" "-p:EcrRegistryEndpoint=http://$proxy"
      "-p:ContainerBaseImage=$proxy/$base_path" -p:EcrScan=None -p:EcrWaitForSigning=false -p:EcrImageTagMutability=MUTABLE "-p:BenchRepository=$repo")
    # EcrPublish's default tag templates (TagPlanner.DefaultTemplates) plus the extra one.
    [ -z "${extra_tag:-}" ] || cmd+=("-p:EcrImageTags=\"v{version};{sha};v{version}-{sha};latest;$extra_tag\"")
  elif [ "$tool" = docker ]; then
    cmd=("$root/build/bench/docker-publish.sh" "$proxy" "$proxy/$base_path" "$repo" "${target[@]}" -- "${common[@]}")
  else
    # As many tags as EcrPublish pushes here (version, git sha, latest).
    local sha; sha=$(git -C "$dir" rev-parse --short=12 HEAD)
    cmd=(env "DOTNET_CONTAINER_INSECURE_REGISTRIES=$proxy" dotnet publish "${target[@]}" "${common[@]}" -t:PublishContainer
      "-p:ContainerRegistry=$proxy" "-p:ContainerBaseImage=$proxy/$base_path" "-p:BenchRepository=$repo"
      "-p:ContainerImageTags=\"v1.0.0;$sha;latest${extra_tag:+;$extra_tag}\"")
  fi
}

# run_scenario SCENARIO TOOL LINK DIR REPO [TARGET]: the plain publish (compile + publish only), then the
# publish with the container step; the report subtracts a no-op plain publish to isolate the container step.
run_scenario() {
  local scenario=$1 tool=$2 link=$3 dir=$4 repo=$5 target=(${6:-})
  measure "$scenario" "$tool" "$link" publish "$dir" -- dotnet publish "${target[@]}" "${common[@]}"
  container_command "$tool" "$link" "$repo" "$dir" "${6:-}"
  measure "$scenario" "$tool" "$link" container "$dir" -- "${cmd[@]}"
}

commit() { git -C "$1" add -A && git -C "$1" -c user.name=bench -c user.email=bench@example.com commit -q -m "$2"; }
kind=realistic; $tiny && kind=tiny
tools=(ecrpublish sdk)
# docker build + docker push, where a Docker engine is up (the test environment's).
if [ -n "${ECRPUB_DOCKER_HOST:-}" ] && docker -H "$ECRPUB_DOCKER_HOST" info > /dev/null 2>&1; then
  tools+=(docker)
fi

# One run of the selected scenarios, from scratch: its own copies of the apps, new repositories, an empty layer cache.
run_all() {
  run=$1
  runwork=$work/run$run
  stamp=$(date -u +%H%M%S)r$run
  mkdir -p "$runwork"
  rm -rf "$ECRPUBLISH_CACHE"
  if want 1 || want 6; then
    say "Generating the $kind app (one copy per tool, so their obj/ folders stay apart)"
    for tool in "${tools[@]}"; do
      build/bench/make-app.sh "$runwork/app-$tool" benchapp "$kind"
      cp "$work/NuGet.Config" "$runwork/app-$tool/"
      commit "$runwork/app-$tool" nuget-config
    done
  fi

  if $tiny; then
    say "Scenario 1: cold push to a new repository; scenario 2: re-publish, no change (container commands only)"
    for tool in "${tools[@]}"; do
      # What CI checks is what the pushes send; the plain publishes that isolate the container step's time are
      # left out, so the tiny report's container step includes the build (the cold command compiles the app).
      for scenario in 1-cold 2-nochange; do
        container_command "$tool" lan "bench$stamp/app-$tool" "$runwork/app-$tool"
        measure "$scenario" "$tool" lan container "$runwork/app-$tool" -- "${cmd[@]}"
      done
    done
    return
  fi

  if want 1 || want 6; then
    say "No-op publish baseline; scenario 1: cold push to a new repository; 2: re-publish, no change; 8: one new tag"
    for tool in "${tools[@]}"; do
      measure 0-baseline "$tool" lan publish "$runwork/app-$tool" -- dotnet publish "${common[@]}"
      measure 0-noop "$tool" lan publish "$runwork/app-$tool" -- dotnet publish "${common[@]}"
      want 1 || continue
      run_scenario 1-cold "$tool" lan "$runwork/app-$tool" "bench$stamp/app-$tool"
      ! want 2 || run_scenario 2-nochange "$tool" lan "$runwork/app-$tool" "bench$stamp/app-$tool"
      # The same build with one tag more (the .NET tools only: docker-publish.sh has a fixed tag set).
      if want 8 && [ "$tool" != docker ]; then
        extra_tag=bench-extra run_scenario 8-newtag "$tool" lan "$runwork/app-$tool" "bench$stamp/app-$tool"
      fi
    done
  fi

  if want 3; then
    say "Scenario 3: code-only change"
    for tool in "${tools[@]}"; do
      sed -i 's/var answer = "hello";/var answer = "hello, changed";/' "$runwork/app-$tool/Program.cs"
      commit "$runwork/app-$tool" code-change
      run_scenario 3-code "$tool" lan "$runwork/app-$tool" "bench$stamp/app-$tool"
    done
  fi

  if want 4; then
    say "Scenario 4: one NuGet package bumped (Newtonsoft.Json 13.0.3 -> 13.0.4)"
    for tool in "${tools[@]}"; do
      sed -i 's/"Newtonsoft.Json" Version="13.0.3"/"Newtonsoft.Json" Version="13.0.4"/' "$runwork/app-$tool/benchapp.csproj"
      commit "$runwork/app-$tool" package-bump
      run_scenario 4-package "$tool" lan "$runwork/app-$tool" "bench$stamp/app-$tool"
    done
  fi

  if want 9; then
    say "Scenario 9: a fresh CI runner (new checkout, empty caches) publishes a code change through the WAN link"
    for tool in ecrpublish sdk; do
      fresh_ci_runner "$tool"
    done
  fi

  if want 5; then
    say "Scenario 5: a solution of three services, cold, in one command"
    for tool in "${tools[@]}"; do
      sln=$runwork/multi-$tool
      mkdir -p "$sln"
      for service in catalog orders billing; do
        BENCH_NO_GIT=1 build/bench/make-app.sh "$sln/$service" "$service" realistic
        # Each service pushes to PREFIX/<service>.
        sed -i "s|\$(BenchRepository)|\$(BenchRepository)/$service|g" "$sln/$service/$service.csproj"
      done
      cp "$work/NuGet.Config" "$sln/"
      ( cd "$sln" && dotnet new sln -n Services -o . --format sln > /dev/null && dotnet sln Services.sln add catalog orders billing > /dev/null )
      printf 'bin/\nobj/\n' > "$sln/.gitignore"
      git -C "$sln" init -q && commit "$sln" generated
      measure 5-baseline "$tool" lan publish "$sln" -- dotnet publish Services.sln "${common[@]}"
      measure 5-noop "$tool" lan publish "$sln" -- dotnet publish Services.sln "${common[@]}"
      run_scenario 5-multi "$tool" lan "$sln" "bench$stamp/multi-$tool" Services.sln
    done
  fi

  if want 6; then
    say "Scenario 6: cold push, no change and code change through a WAN-like link ($wan_rtt_ms ms RTT, $wan_mbit Mbit/s)"
    for tool in "${tools[@]}"; do
      rm -rf "$ECRPUBLISH_CACHE"
      cp -r "$runwork/app-$tool" "$runwork/wan-$tool"
      run_scenario 6a-wan-cold "$tool" wan "$runwork/wan-$tool" "bench$stamp/wan-$tool"
      run_scenario 6b-wan-nochange "$tool" wan "$runwork/wan-$tool" "bench$stamp/wan-$tool"
      sed -i -E 's/var answer = "[^"]*";/var answer = "hello, changed again";/' "$runwork/wan-$tool/Program.cs"
      commit "$runwork/wan-$tool" code-change
      run_scenario 6c-wan-code "$tool" wan "$runwork/wan-$tool" "bench$stamp/wan-$tool"
    done
  fi

  if want 7; then
    say "Scenario 7: the self-contained variant (linux-x64, runtime in the app): cold push, then a code change"
    for tool in "${tools[@]}"; do
      build/bench/make-app.sh "$runwork/sc-$tool" benchapp realistic self-contained
      cp "$work/NuGet.Config" "$runwork/sc-$tool/"
      commit "$runwork/sc-$tool" nuget-config
      measure 7-baseline "$tool" lan publish "$runwork/sc-$tool" -- dotnet publish "${common[@]}"
      measure 7-noop "$tool" lan publish "$runwork/sc-$tool" -- dotnet publish "${common[@]}"
      run_scenario 7a-sc-cold "$tool" lan "$runwork/sc-$tool" "bench$stamp/sc-$tool"
      sed -i 's/var answer = "hello";/var answer = "hello, changed";/' "$runwork/sc-$tool/Program.cs"
      commit "$runwork/sc-$tool" code-change
      run_scenario 7b-sc-code "$tool" lan "$runwork/sc-$tool" "bench$stamp/sc-$tool"
    done
  fi

  if want 10; then
    say "Scenario 10: a self-contained app with ${BENCH_PAYLOAD_MIB:-1024} MiB of payload, cold push"
    large_app_push
  fi
}

# fresh_ci_runner TOOL (scenario 9): what a CI job on a new runner does after a code change. A new checkout of the app
# (a git clone: the sources only, new file times, no bin/ or obj/), empty caches (EcrPublish's layer cache; the
# SDK's content store under XDG_CACHE_HOME, and TMPDIR, for both), a registry that already holds the previous image
# (the same repository as scenarios 1-4), through the WAN link.
fresh_ci_runner() {
  local tool=$1 checkout=$runwork/fresh-$tool caches=$runwork/fresh-$tool.caches
  local saved_cache=$ECRPUBLISH_CACHE saved_xdg=${XDG_CACHE_HOME-} saved_tmp=${TMPDIR-}
  git clone -q "$runwork/app-$tool" "$checkout"
  sed -i -E 's/var answer = "[^"]*";/var answer = "hello from a fresh runner";/' "$checkout/Program.cs"
  commit "$checkout" code-change
  mkdir -p "$caches/xdg" "$caches/tmp"
  export ECRPUBLISH_CACHE=$caches/ecrpublish XDG_CACHE_HOME=$caches/xdg TMPDIR=$caches/tmp
  run_scenario 9-fresh-ci "$tool" wan "$checkout" "bench$stamp/app-$tool"
  export ECRPUBLISH_CACHE=$saved_cache
  if [ -n "$saved_xdg" ]; then export XDG_CACHE_HOME=$saved_xdg; else unset XDG_CACHE_HOME; fi
  if [ -n "$saved_tmp" ]; then export TMPDIR=$saved_tmp; else unset TMPDIR; fi
  rm -rf "$checkout" "$caches"
}

# large_app_push (scenario 10): a self-contained app whose publish folder carries BENCH_PAYLOAD_MIB (1 GiB) of generated,
# partly compressible files, pushed cold on loopback by both .NET tools (empty layer cache and SDK content store).
# The payload, the apps and the caches are deleted after, so the run leaves no gigabytes behind but the registry's.
large_app_push() {
  local payload=$runwork/payload saved_xdg=${XDG_CACHE_HOME-}
  python3 build/bench/make-payload.py "$payload" "${BENCH_PAYLOAD_MIB:-1024}"
  export XDG_CACHE_HOME=$runwork/large.xdg
  for tool in ecrpublish sdk; do
    rm -rf "$ECRPUBLISH_CACHE" "$XDG_CACHE_HOME"
    mkdir -p "$XDG_CACHE_HOME"
    BENCH_PAYLOAD=$payload build/bench/make-app.sh "$runwork/large-$tool" benchapp tiny self-contained
    cp "$work/NuGet.Config" "$runwork/large-$tool/"
    commit "$runwork/large-$tool" nuget-config
    measure 10-baseline "$tool" lan publish "$runwork/large-$tool" -- dotnet publish "${common[@]}"
    measure 10-noop "$tool" lan publish "$runwork/large-$tool" -- dotnet publish "${common[@]}"
    run_scenario 10-large-sc-cold "$tool" lan "$runwork/large-$tool" "bench$stamp/large-$tool"
    rm -rf "$runwork/large-$tool"
  done
  rm -rf "$payload" "$ECRPUBLISH_CACHE" "$XDG_CACHE_HOME"
  if [ -n "$saved_xdg" ]; then export XDG_CACHE_HOME=$saved_xdg; else unset XDG_CACHE_HOME; fi
}

for run_number in $(seq "$runs"); do
  say "Run $run_number of $runs"
  run_all "$run_number"
done

say "Summary"
python3 build/bench/report.py "$csv" "$out" --wan-mbit "$wan_mbit"
if ! $tiny; then
  command -v gnuplot > /dev/null || { apt-get install -y -q gnuplot-nox > /dev/null 2>&1 || { apt-get update -q > /dev/null && apt-get install -y -q gnuplot-nox > /dev/null; }; }
  gnuplot -e "data='$out/ratios.dat'; output='$out/ratios.png'" build/bench/ratios.gp
  echo "plot: $out/ratios.png" >&2
fi
cat "$out/summary.md"
