#!/usr/bin/env bash
# Fuzzes one reader with Jazzer (coverage-guided, libFuzzer) for SECONDS, in a JVM of its own.
#
# Usage: scripts/fuzz.sh TARGET SECONDS
#   TARGET: a method of fuzz/src/test/java/org/stancebench/fuzz/ReadersFuzzTest.java (page, labelFile,
#   csvImport, jsonlImport, tweetEval, iSarcasmEval, vast, predictionsFile, resultsFile, modelDirectory)
#   FUZZ_NO_BUILD=1 skips building (scripts/fuzz-all.sh builds once and runs two targets at a time).
#
# Inputs that find something (crash-*, timeout-*) land in
# fuzz/src/test/resources/org/stancebench/fuzz/ReadersFuzzTestInputs/TARGET/, where './mvnw verify'
# replays them from then on: fix the reader, keep the file. The growing corpus stays in
# fuzz/.cifuzz-corpus/ (not committed). Exit 0 when nothing was found, non-zero otherwise.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${1:?usage: scripts/fuzz.sh TARGET SECONDS}"
seconds="${2:?usage: scripts/fuzz.sh TARGET SECONDS}"
cd "$root"
export OPT_OUT_TRACKING=true
if [ "${FUZZ_NO_BUILD:-}" != 1 ]; then
    # The modules the fuzz tests read from, installed so that the fuzz module can run alone.
    ./mvnw -B -q -DskipTests install -pl fuzz -am
fi
# One fuzz test per run (Jazzer's rule); an input that runs over 10 s is a finding (libFuzzer's
# -timeout, passed as Jazzer's argument list); the heap is capped so that memory out of proportion to
# the input is a finding (OutOfMemoryError) rather than a slow machine.
JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" ./mvnw -B -o surefire:test -pl fuzz \
    -Dtest="ReadersFuzzTest#${target}" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dsurefire.reportsDirectory="$root/fuzz/target/fuzz-reports/$target" \
    -DargLine="-Dai.djl.offline=true -Djava.io.tmpdir=$root/fuzz/target -Xmx1g \
        -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-timeout=10"
