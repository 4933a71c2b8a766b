#!/usr/bin/env bash
# Submits an insula batch to Slurm: an array job of SHARDS tasks (one shard each) and a merge
# job that runs after all of them. Prints the two job ids.
#
#   deploy/slurm/submit.sh BATCH.yaml OUT SHARDS [sbatch options...]
#   deploy/slurm/submit.sh data/batches/example.yaml results/example 8 --partition=compute
#
# INSULA (default: insula on PATH) names the binary; INSULA_BATCH_OPTIONS adds options to
# each shard's `insula batch run` (e.g. "--warm-start on").
set -euo pipefail

if [ $# -lt 3 ]; then
    echo "usage: $0 BATCH.yaml OUT SHARDS [sbatch options...]" >&2
    exit 2
fi
batch=$1 out=$2 shards=$3
shift 3
if ! [[ $shards =~ ^[1-9][0-9]*$ ]]; then
    echo "error: SHARDS must be a positive whole number, got '$shards'" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out/logs"
export BATCH=$batch OUT=$out INSULA=${INSULA:-insula} INSULA_BATCH_OPTIONS=${INSULA_BATCH_OPTIONS:-}

array=$(sbatch --parsable --array="0-$((shards - 1))" --output="$out/logs/shard-%A_%a.out" --export=ALL "$@" \
    "$here/insula-batch.sbatch")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterany:$array" --output="$out/logs/merge-%j.out" --export=ALL "$@" \
    "$here/insula-merge.sbatch")
echo "array job $array ($shards shards), merge job ${merge%%;*}"
