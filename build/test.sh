#!/usr/bin/env bash
# The README's test command. On a fresh Debian machine (as root) it installs what the tests need,
# starts the real components on loopback (build/env/start.sh), builds the solution with warnings as
# errors, runs every test project, stops what it started (also on failure or Ctrl-C) and prints
#   N passed, N failed, N skipped
# as its last line. Exit code 0 only when nothing failed.
#
#   build/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Lifecycle]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

"$root/build/env/install.sh" || { echo "test.sh: installing the test prerequisites failed"; echo "0 passed, 1 failed"; exit 1; }

env_dir=$(mktemp -d /tmp/ecrpublish-test.XXXXXX)
stop_env() { "$root/build/env/stop.sh" "$env_dir"; }
trap stop_env EXIT
trap 'exit 130' INT TERM

if ! "$root/build/env/start.sh" "$env_dir" > /dev/null; then
  echo "test.sh: the test environment did not start"
  echo "0 passed, 1 failed"
  exit 1
fi
# shellcheck disable=SC1091
. "$env_dir/env.sh"
echo "test.sh: registry $ECRPUB_REGISTRY, moto $ECRPUB_MOTO_URL, docker $ECRPUB_DOCKER_HOST"

if ! dotnet build EcrPublish.sln -warnaserror -nologo -v:q -clp:ErrorsOnly; then
  echo "test.sh: the build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

results="$env_dir/results"
mkdir -p "$results"
# Runs one test project; a test host that crashes or hangs writes no results, which counts as a failure.
run_tests() {
  local project=$1 name
  name=$(basename "$project" .csproj)
  shift
  dotnet test "$project" --no-build -nologo --results-directory "$results" \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --blame-hang-timeout 10m "$@" > "$results/$name.log" 2>&1
  local status=$?
  [ -f "$results/$name.trx" ] || echo "crash $name" >> "$results/crashed"
  return $status
}

# The fast unit tests first; then the two slow suites side by side (they use separate repositories and
# ports, and mostly wait on the registry, the engine and child processes rather than on the CPU).
failed_projects=0
pids=()
for project in tests/*/*.csproj; do
  case "$project" in
    *Core.Tests*) run_tests "$project" "$@" || failed_projects=$((failed_projects + 1)) ;;
    *) run_tests "$project" "$@" & pids+=($!) ;;
  esac
done
for pid in "${pids[@]}"; do wait "$pid" || failed_projects=$((failed_projects + 1)); done
for log in "$results"/*.log; do
  echo "== $(basename "$log" .log)"
  cat "$log"
done

python3 - "$results" <<'PY'
import glob, os, sys, xml.etree.ElementTree as ET
results = sys.argv[1]
passed = failed = skipped = 0
for trx in glob.glob(os.path.join(results, "*.trx")):
    counters = ET.parse(trx).getroot().find(".//{*}ResultSummary/{*}Counters")
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
crashed = os.path.join(results, "crashed")
if os.path.exists(crashed):
    failed += sum(1 for _ in open(crashed))
with open(os.path.join(results, "summary"), "w") as f:
    f.write(f"{passed} {failed} {skipped}")
PY
read -r passed failed skipped < "$results/summary"
[ "$failed_projects" -gt 0 ] && [ "$failed" -eq 0 ] && failed=$failed_projects
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
