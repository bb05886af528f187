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
# The build runs while the environment starts (a fresh machine spends minutes on the base image there).
dotnet build EcrPublish.sln -warnaserror -nologo -v:q -clp:ErrorsOnly > "$env_dir/build.log" 2>&1 &
build_pid=$!
stop_env() { kill "$build_pid" 2> /dev/null; "$root/build/env/stop.sh" "$env_dir"; }
trap stop_env EXIT
trap 'exit 130' INT TERM

if ! "$root/build/env/start.sh" "$env_dir" > /dev/null; then
  echo "test.sh: the test environment did not start"
  echo "0 passed, 1 failed"
  exit 1
fi
# shellcheck disable=SC1091
. "$env_dir/env.sh"
echo "test.sh: registry $ECRPUB_REGISTRY, moto $ECRPUB_MOTO_URL, docker $ECRPUB_DOCKER_HOST (ready after $SECONDS s)"

if ! wait "$build_pid"; then
  cat "$env_dir/build.log"
  echo "test.sh: the build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "test.sh: built after $SECONDS s"
results="$env_dir/results"
mkdir -p "$results"
# Runs one test project; a test host that crashes or hangs writes no results, which counts as a failure.
run_tests() {
  local project=$1 name started=$SECONDS
  name=$(basename "$project" .csproj)
  shift
  dotnet test "$project" --no-build -nologo --results-directory "$results" \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --blame-hang-timeout 10m "$@" > "$results/$name.log" 2>&1
  local status=$?
  [ -f "$results/$name.trx" ] || echo "crash $name" >> "$results/crashed"
  echo "test.sh: $name took $((SECONDS - started)) s" >> "$results/durations"
  return $status
}

# The fast tests first (unit tests, the CLI, the package's targets built in-process); then the two slow suites side
# by side (they use separate repositories and ports; together they keep both cores busy, mostly with the AWS CLI and
# dotnet child processes).
# How busy the machine was while the tests ran (printed at the end): tells a slow run on a busy machine from a slow test.
vmstat -n 10 > "$results/vmstat" 2>/dev/null &
vmstat_pid=$!
failed_projects=0
pids=()
for project in tests/*/*.csproj; do
  case "$project" in
    *Core.Tests*|*Cli.Tests*|*Tasks.Tests*) run_tests "$project" "$@" || failed_projects=$((failed_projects + 1)) ;;
    *) run_tests "$project" "$@" & pids+=($!) ;;
  esac
done
for pid in "${pids[@]}"; do wait "$pid" || failed_projects=$((failed_projects + 1)); done
for log in "$results"/*.log; do
  echo "== $(basename "$log" .log)"
  cat "$log"
done

kill "$vmstat_pid" 2>/dev/null
awk 'NR > 2 { us += $13; sy += $14; id += $15; wa += $16; n++ } END { if (n) printf "test.sh: CPU during the tests: %d%% user, %d%% system, %d%% idle, %d%% waiting on I/O\n", us / n, sy / n, id / n, wa / n }' "$results/vmstat"
cat "$results/durations"
echo "test.sh: $SECONDS s since the start (install, environment, build, tests)"
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
# The failures again, last, where a CI log that shows only its tail still names them.
for trx in sorted(glob.glob(os.path.join(results, "*.trx"))):
    for result in ET.parse(trx).getroot().findall(".//{*}UnitTestResult"):
        if result.get("outcome") not in ("Passed", "NotExecuted"):
            message = result.find(".//{*}Message")
            first_line = (message.text or "").strip().splitlines()[0][:300] if message is not None and message.text else ""
            print(f"FAILED {result.get('testName')} [{result.get('duration')}]: {first_line}")
if os.path.exists(crashed):
    for line in open(crashed):
        print(f"FAILED {line.strip()} (the test host wrote no results)")
with open(os.path.join(results, "summary"), "w") as f:
    f.write(f"{passed} {failed} {skipped}")
PY
read -r passed failed skipped < "$results/summary"
[ "$failed_projects" -gt 0 ] && [ "$failed" -eq 0 ] && failed=$failed_projects
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
