#!/usr/bin/env bash
# A fuzzing campaign with Jazzer on one fuzz target of StageFuzzTest, or on each in turn.
# Usage: scripts/fuzz.sh front-matter|snapshot|body|all [SECONDS, default 600]
# Prints, per target, the number of runs and any finding; the full output is in target/fuzz/.
# Exits 1 if any target found something (or did not run).
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A methods=(
  [front-matter]=anyFrontMatterIsReadWithoutCrashingAndProblemsPointIntoTheGuide
  [snapshot]=anySnapshotIsReadWithoutCrashingAndProblemsPointIntoTheSnapshot
  [body]=anyGuideBodyBuildsWithoutCrashingAndProblemsPointIntoTheGuide
)
usage() {
  echo "usage: scripts/fuzz.sh front-matter|snapshot|body|all [SECONDS]" >&2
  exit 2
}
[[ $# -ge 1 && $# -le 2 ]] || usage
seconds="${2:-600}"
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || usage
if [[ "$1" == all ]]; then
  targets=(front-matter snapshot body)
elif [[ -n "${methods[$1]:-}" ]]; then
  targets=("$1")
else
  usage
fi

mvn -q -B -Dstyle.color=never -DskipTests test-compile
mkdir -p target/fuzz
status=0
for target in "${targets[@]}"; do
  method="${methods[$target]}"
  log="target/fuzz/$target.log"
  echo "$target: fuzzing StageFuzzTest#$method for ${seconds}s (output: $log)"
  # JAZZER_FUZZ turns the replay of the seed corpus into a campaign; JAZZER_MAX_DURATION overrides
  # @FuzzTest(maxDuration). What to instrument comes from src/test/resources/junit-platform.properties.
  if JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" \
      mvn -B -Dstyle.color=never test -Dtest="StageFuzzTest#$method" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1; then
    passed=yes
  else
    passed=no
    status=1
  fi
  done_line=$(grep -aoE '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
  last=$(grep -aoE '^#[0-9]+[[:space:]]+[A-Z]+[[:space:]]+cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+' "$log" | tail -1 || true)
  finding=$(grep -aoE 'Test unit written to .*' "$log" | tail -1 || true)
  if [[ -n "$finding" ]]; then
    echo "  FINDING: ${finding#Test unit written to }"
  elif [[ "$passed" == yes ]]; then
    echo "  no finding"
  elif [[ -n "$done_line" ]]; then
    echo "  no new finding, but a seed of the corpus fails (see below)"
  else
    echo "  FAILED before or while fuzzing (see $log)"
  fi
  echo "  ${done_line:-no \"Done N runs\" line}; last status: ${last:-none}"
  # Seeds are numbered from [2] in file-name order ([1] is the empty input); the last number is the campaign.
  grep -aE '<<< (ERROR|FAILURE)!|^== Java Exception|^Caused by' "$log" | sort -u | head -8 | sed 's/^/  /' || true
done
exit "$status"
