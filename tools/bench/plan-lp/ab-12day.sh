#!/bin/bash
# usage: BIN_DIR=DIR MPS=FILE tools/bench/plan-lp/ab-12day.sh  (DIR holds insula-main and insula-branch;
# FILE from `insula lp export data/sites/plan-buildout.yaml -o FILE`)
# Back-to-back: main's binary and this branch's, alternating, on the 4 x 12-day build-out.
cd "$(dirname "$0")/../../.."
for round in 1 2; do
  for build in main branch; do
    bin=${BIN_DIR:-/tmp}/insula-$build
    echo "== round $round $build, load: $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -f "bench: %e s wall, %U s user" $bin bench plan data/sites/plan-buildout.yaml 2>&1 | grep -v target
    /usr/bin/time -f "lp solve: %e s wall, %U s user" $bin lp solve ${MPS:-/tmp/buildout.mps} --no-race --crossover 2>&1 | grep "objective\|^methods\|user" | cut -c1-400
  done
done
echo "== end, load: $(cut -d' ' -f1-3 /proc/loadavg)"
