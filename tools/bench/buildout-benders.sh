#!/bin/sh
# Measures the full-year multi-period build-out solved by Benders decomposition against the
# 12-representative-day plan of the same site, in one script (docs/planning.md, "Multi-period
# build-out", "Measured"). Release build; run from the repository root.
set -e
B=.build/release/insula
OUT=${OUT:-out/bench-buildout}
mkdir -p "$OUT"
echo "load before: $(uptime)"
/usr/bin/time -v $B plan data/sites/plan-buildout.yaml --out "$OUT/days12" > "$OUT/days12.txt" 2> "$OUT/days12.time"
echo "12 representative days:"; grep -E "^NPV|^model" "$OUT/days12.txt"; grep -E "Elapsed|Maximum resident" "$OUT/days12.time"
/usr/bin/time -v $B plan data/sites/plan-buildout.yaml --set aggregation=null --out "$OUT/full" --verbose > "$OUT/full.txt" 2> "$OUT/full.time"
echo "full years, Benders:"; grep -E "^NPV|^model|^Benders" "$OUT/full.txt"; grep -aE "Elapsed|Maximum resident" "$OUT/full.time"
grep -a "^benders" "$OUT/full.time" > "$OUT/full-iterations.txt" || true
echo "load after: $(uptime)"
