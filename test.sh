#!/usr/bin/env bash
# Installs whatever the tests need that this machine lacks, then runs every test project.
#
#   ./test.sh          every test, the slow interop ones included (what CI runs)
#   ./test.sh --fast   skip tests tagged [Trait("Category", "Interop")]
#
# Each file in tests/setup/ (run in name order) installs and starts one group of prerequisites;
# anything it starts is stopped when this script exits.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export SWITCHBOARD_ROOT="$PWD"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fast=0
for arg in "$@"; do
  case "$arg" in
    --fast) fast=1 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "test.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done
export SWITCHBOARD_FAST_TESTS="$fast"

# shellcheck source=tests/setup/lib.sh
source tests/setup/lib.sh
trap run_cleanups EXIT
for step in tests/setup/[0-9]*.sh; do
  [ -e "$step" ] || continue
  # shellcheck disable=SC1090
  source "$step"
done

filter=()
[ "$fast" = 1 ] && filter=(--filter "Category!=Interop")

log="$(mktemp)"
add_cleanup "rm -f '$log'"
status=0
dotnet test Switchboard.slnx -c Release --nologo "${filter[@]}" 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test projects.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         gsub(",", "", $(i+1))
         if ($i == "Failed:") f += $(i+1)
         if ($i == "Passed:") p += $(i+1)
         if ($i == "Skipped:") s += $(i+1)
       }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
