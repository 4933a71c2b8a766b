#!/usr/bin/env bash
# Builds the libFuzzer harnesses and runs them (docs/validation.md, "Fuzzing").
#
#   tools/fuzz/run.sh build                  # build every target into .build-fuzz
#   tools/fuzz/run.sh run TARGET [SECONDS]   # fuzz one target (default 1800 s) at nice 19
#   tools/fuzz/run.sh all [SECONDS]          # build, then fuzz every target in the background
#   tools/fuzz/run.sh report                 # executions and findings per target from the logs
#   tools/fuzz/run.sh replay                 # re-run every committed finding (tools/fuzz/findings)
#
# TARGET is FuzzSiteLoader, FuzzCSV, FuzzEPW, FuzzLP, FuzzBatchFile or FuzzResultsStore. Generated corpora, logs and crash
# artifacts go to .fuzz/ (git-ignored); curated findings belong in Tests/BadInputCorpus.
set -euo pipefail
cd "$(dirname "$0")/../.."
TARGETS=(FuzzSiteLoader FuzzCSV FuzzEPW FuzzLP FuzzBatchFile FuzzResultsStore)
WORK=.fuzz
SCRATCH=.build-fuzz

build() {
    # The fuzz targets exist only with INSULA_FUZZ set (see Package.swift). One product at a
    # time, so the insula executable is never linked with the fuzzer runtime. No
    # -parse-as-library: each harness starts libFuzzer from top-level code (FuzzDriver.swift).
    for target in "${TARGETS[@]}"; do
        INSULA_FUZZ=1 swift build --scratch-path "$SCRATCH" -c release --product "$target" \
            -Xswiftc -sanitize=fuzzer,address
    done
}

seed() {
    local target=$1 corpus=$WORK/corpus/$1
    mkdir -p "$corpus" "$WORK/findings/$target" "$WORK/logs"
    cp -n tools/fuzz/seeds/"$target"/* "$corpus"/ 2>/dev/null || true
    case $target in
        FuzzSiteLoader) cp -n data/sites/*.yaml "$corpus"/ ;;
        FuzzBatchFile) cp -n data/batches/*.yaml "$corpus"/ ;;
        FuzzLP) for file in data/models/*.mps; do printf '\x00' | cat - "$file" > "$corpus/$(basename "$file")"; done
                for file in data/models/*.lp; do printf '\x01' | cat - "$file" > "$corpus/$(basename "$file")"; done ;;
    esac
}

run() {
    local target=$1 seconds=${2:-1800}
    seed "$target"
    # Leak checking is off: Foundation's file reading leaks a buffer per call (seen at exit).
    ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no nice -n 19 "$SCRATCH/release/$target" "$WORK/corpus/$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 -detect_leaks=0 -print_final_stats=1 \
        -artifact_prefix="$WORK/findings/$target/" >"$WORK/logs/$target.log" 2>&1 || true
}

report() {
    for target in "${TARGETS[@]}"; do
        local log=$WORK/logs/$target.log
        [ -f "$log" ] || { echo "$target: no log"; continue; }
        local runs seconds findings
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
        seconds=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' || echo '?')
        findings=$(ls "$WORK/findings/$target" 2>/dev/null | wc -l)
        echo "$target: ${runs:-?} executions in ${seconds:-?} s, $findings findings ($WORK/findings/$target)"
    done
}

replay() {
    # Each committed finding once through its (rebuilt) harness: none may crash any more.
    for target in "${TARGETS[@]}"; do
        local folder=tools/fuzz/findings/$target
        [ -d "$folder" ] || continue
        for finding in "$folder"/*; do
            if ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no "$SCRATCH/release/$target" "$finding" >/dev/null 2>&1; then
                echo "fixed   $finding"
            else
                echo "CRASHES $finding"; status=1
            fi
        done
    done
    return ${status:-0}
}

case ${1:-all} in
    build) build ;;
    run) run "$2" "${3:-1800}" ;;
    all) build; for target in "${TARGETS[@]}"; do run "$target" "${2:-1800}" & done; wait; report ;;
    report) report ;;
    replay) build; replay ;;
    *) echo "usage: $0 build|run TARGET [SECONDS]|all [SECONDS]|report|replay" >&2; exit 2 ;;
esac
