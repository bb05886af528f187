#!/usr/bin/env bash
# Side-by-side benchmark: EcrPublish (dotnet publish -p:PublishToEcr=true) against the .NET SDK's
# 'dotnet publish -t:PublishContainer' (and 'docker build' + 'docker push' when a Docker engine is up), same machine, same base image, same registry (Debian's
# docker-registry, with moto as the ECR control plane for EcrPublish), same generated project.
# Every push goes through build/bench/proxy.py, which counts requests and bytes (and, for scenario 6,
# adds 40 ms RTT and a 50 Mbit/s cap). See docs/benchmarks.md for what each scenario measures.
#
#   build/bench.sh             all scenarios on the realistic app (several minutes)
#   build/bench.sh --runs 3    all scenarios three times, from scratch each time; the report takes medians
#   build/bench.sh --tiny      scenarios 1 and 2 on a tiny app, the container commands only (~1 minute; what CI checks)
#
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
tiny=false runs=1
while [ $# -gt 0 ]; do
  case $1 in
    --tiny) tiny=true ;;
    --runs) runs=$2; shift ;;
    *) echo "usage: build/bench.sh [--tiny] [--runs N]" >&2; exit 2 ;;
  esac
  shift
done
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

# start_proxy VAR [proxy options]: starts a measuring proxy in front of the registry and sets VAR to its
# host:port (not via $(...): the pid must reach the cleanup trap of this shell, not of a subshell).
start_proxy() {
  local var=$1 port; shift
  port=$(free_port)
  python3 build/bench/proxy.py "$port" "$registry" "$@" > "$work/proxy-$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 40); do curl -sf "http://127.0.0.1:$port/__proxy/stats" > /dev/null && break; sleep 0.25; done
  printf -v "$var" '127.0.0.1:%s' "$port"
}
start_proxy lan
start_proxy wan --rtt-ms 40 --mbit 50
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
echo "run,scenario,tool,link,phase,wall_s,max_rss_kb,requests,bytes_up,blob_bytes_up,blob_uploads,bytes_down,exit" > "$csv"

# measure SCENARIO TOOL LINK PHASE DIR -- command...: runs the command in DIR under /usr/bin/time, with the
# proxy's counters reset first, and appends one CSV row.
measure() {
  local scenario=$1 tool=$2 link=$3 phase=$4 dir=$5; shift 6
  local proxy=$lan; [ "$link" = wan ] && proxy=$wan
  local log="$work/$scenario-$tool-$phase.log" code=0
  curl -sf -X POST "http://$proxy/__proxy/reset" > /dev/null
  ( cd "$dir" && /usr/bin/time -f '%e %M' -o "$work/time" "$@" ) > "$log" 2>&1 || code=$?
  read -r wall rss < <(tail -n 1 "$work/time")
  local stats; stats=$(curl -sf "http://$proxy/__proxy/stats")
  python3 - "$stats" "$run,$scenario,$tool,$link,$phase,$wall,$rss" "$code" >> "$csv" <<'PY'
import json, sys
s = json.loads(sys.argv[1])
print(f"{sys.argv[2]},{s['requests']},{s['bytes_up']},{s['blob_bytes_up']},{s['blob_uploads']},{s['bytes_down']},{sys.argv[3]}")
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
container_command() {
  local tool=$1 link=$2 repo=$3 dir=$4 target=(${5:-})
  local proxy=$lan; [ "$link" = wan ] && proxy=$wan
  if [ "$tool" = ecrpublish ]; then
    # EcrWaitForSigning=false: moto has no GetSigningConfiguration and answers 500, which the ECR client retries with
    # back-off (2-5 s a publish); real ECR answers at once, so that time would measure moto, not EcrPublish.
    cmd=(dotnet publish "${target[@]}" "${common[@]}" -p:PublishToEcr=true "-p:EcrServiceUrl=$moto" "-p:EcrRegistryEndpoint=http://$proxy"
      "-p:ContainerBaseImage=$proxy/$base_path" -p:EcrScan=None -p:EcrWaitForSigning=false -p:EcrImageTagMutability=MUTABLE "-p:BenchRepository=$repo")
  elif [ "$tool" = docker ]; then
    cmd=("$root/build/bench/docker-publish.sh" "$proxy" "$proxy/$base_path" "$repo" "${target[@]}" -- "${common[@]}")
  else
    # As many tags as EcrPublish pushes here (version, git sha, latest).
    local sha; sha=$(git -C "$dir" rev-parse --short=12 HEAD)
    cmd=(env "DOTNET_CONTAINER_INSECURE_REGISTRIES=$proxy" dotnet publish "${target[@]}" "${common[@]}" -t:PublishContainer
      "-p:ContainerRegistry=$proxy" "-p:ContainerBaseImage=$proxy/$base_path" "-p:BenchRepository=$repo"
      "-p:ContainerImageTags=\"v1.0.0;$sha;latest\"")
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

# One run of every scenario, from scratch: its own copies of the apps, new repositories, an empty layer cache.
run_all() {
  run=$1
  runwork=$work/run$run
  stamp=$(date -u +%H%M%S)r$run
  mkdir -p "$runwork"
  rm -rf "$ECRPUBLISH_CACHE"
  say "Generating the $kind app (one copy per tool, so their obj/ folders stay apart)"
  for tool in "${tools[@]}"; do
    build/bench/make-app.sh "$runwork/app-$tool" benchapp "$kind"
    cp "$work/NuGet.Config" "$runwork/app-$tool/"
    commit "$runwork/app-$tool" nuget-config
  done

  say "Scenario 1: cold push to a new repository; no-op publish baseline; scenario 2: re-publish, no change"
  for tool in "${tools[@]}"; do
    if $tiny; then
      # What CI checks is what the pushes send; the plain publishes that isolate the container step's time are
      # left out, so the tiny report's container step includes the build (the cold command compiles the app).
      for scenario in 1-cold 2-nochange; do
        container_command "$tool" lan "bench$stamp/app-$tool" "$runwork/app-$tool"
        measure "$scenario" "$tool" lan container "$runwork/app-$tool" -- "${cmd[@]}"
      done
      continue
    fi
    measure 0-baseline "$tool" lan publish "$runwork/app-$tool" -- dotnet publish "${common[@]}"
    measure 0-noop "$tool" lan publish "$runwork/app-$tool" -- dotnet publish "${common[@]}"
    run_scenario 1-cold "$tool" lan "$runwork/app-$tool" "bench$stamp/app-$tool"
    run_scenario 2-nochange "$tool" lan "$runwork/app-$tool" "bench$stamp/app-$tool"
  done

  if ! $tiny; then
    say "Scenario 3: code-only change"
    for tool in "${tools[@]}"; do
      sed -i 's/var answer = "hello";/var answer = "hello, changed";/' "$runwork/app-$tool/Program.cs"
      commit "$runwork/app-$tool" code-change
      run_scenario 3-code "$tool" lan "$runwork/app-$tool" "bench$stamp/app-$tool"
    done

    say "Scenario 4: one NuGet package bumped (Newtonsoft.Json 13.0.3 -> 13.0.4)"
    for tool in "${tools[@]}"; do
      sed -i 's/"Newtonsoft.Json" Version="13.0.3"/"Newtonsoft.Json" Version="13.0.4"/' "$runwork/app-$tool/benchapp.csproj"
      commit "$runwork/app-$tool" package-bump
      run_scenario 4-package "$tool" lan "$runwork/app-$tool" "bench$stamp/app-$tool"
    done

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

    say "Scenario 6: cold push, no change and code change through a WAN-like link (40 ms RTT, 50 Mbit/s)"
    for tool in "${tools[@]}"; do
      rm -rf "$ECRPUBLISH_CACHE"
      cp -r "$runwork/app-$tool" "$runwork/wan-$tool"
      run_scenario 6a-wan-cold "$tool" wan "$runwork/wan-$tool" "bench$stamp/wan-$tool"
      run_scenario 6b-wan-nochange "$tool" wan "$runwork/wan-$tool" "bench$stamp/wan-$tool"
      sed -i 's/var answer = "hello, changed";/var answer = "hello, changed again";/' "$runwork/wan-$tool/Program.cs"
      commit "$runwork/wan-$tool" code-change
      run_scenario 6c-wan-code "$tool" wan "$runwork/wan-$tool" "bench$stamp/wan-$tool"
    done

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
}

for run_number in $(seq "$runs"); do
  say "Run $run_number of $runs"
  run_all "$run_number"
done

say "Summary"
python3 build/bench/report.py "$csv" "$out"
if ! $tiny; then
  command -v gnuplot > /dev/null || { apt-get install -y -q gnuplot-nox > /dev/null 2>&1 || { apt-get update -q > /dev/null && apt-get install -y -q gnuplot-nox > /dev/null; }; }
  gnuplot -e "data='$out/ratios.dat'; output='$out/ratios.png'" build/bench/ratios.gp
  echo "plot: $out/ratios.png" >&2
fi
cat "$out/summary.md"
