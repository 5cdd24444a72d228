#!/usr/bin/env bash
# Fuzzes every reader for SECONDS each, two targets at a time (one core each), and prints one line per
# target from libFuzzer's own counts: executions, coverage, corpus, findings. Logs go to LOG_DIR.
#
# Usage: scripts/fuzz-all.sh SECONDS [LOG_DIR]
#   FUZZ_TARGETS="page vast" runs only those targets.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:?usage: scripts/fuzz-all.sh SECONDS [LOG_DIR]}"
logs="${2:-$root/fuzz/target/fuzz-logs}"
mkdir -p "$logs"
cd "$root"
read -r -a targets <<< "${FUZZ_TARGETS:-page labelFile csvImport jsonlImport tweetEval iSarcasmEval vast predictionsFile resultsFile modelDirectory}"
./mvnw -B -q -DskipTests install -pl fuzz -am || exit 1
run() {
    FUZZ_NO_BUILD=1 scripts/fuzz.sh "$1" "$seconds" > "$logs/$1.log" 2>&1
    echo $? > "$logs/$1.rc"
}
for ((i = 0; i < ${#targets[@]}; i += 2)); do
    run "${targets[i]}" &
    [ -n "${targets[i + 1]:-}" ] && run "${targets[i + 1]}" &
    wait
done
status=0
for t in "${targets[@]}"; do
    done_line="$(grep -E '^Done [0-9]+ runs' "$logs/$t.log" | tail -1)"
    last="$(grep -E '^#[0-9]+' "$logs/$t.log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+')"
    findings="$(grep -c 'Test unit written to' "$logs/$t.log")"
    echo "$t: ${done_line:-no summary} ${last} findings: $findings (exit $(cat "$logs/$t.rc"))"
    [ "$(cat "$logs/$t.rc")" = 0 ] || status=1
done
exit $status
