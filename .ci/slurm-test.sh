#!/usr/bin/env bash
# Runs a small insula batch on a real single-node Slurm cluster started in a temporary
# folder (munged, slurmctld, slurmd), as an array job with one shard per task and a
# dependent merge job, and checks that the merged summary.csv equals a local run's.
# Installs Debian's slurm-wlm and munge when missing. The daemons are always stopped.
set -euo pipefail
cd "$(dirname "$0")/.."

BATCH=${BATCH:-data/batches/example-week.yaml}
SHARDS=${SHARDS:-3}
TIMEOUT_SECONDS=${TIMEOUT_SECONDS:-300}

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    echo "slurm-test: installing slurm-wlm and munge"
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq slurm-wlm munge >/dev/null
fi

swift build --product insula >/dev/null
INSULA="$(swift build --show-bin-path)/insula"

work=$(mktemp -d /tmp/insula-slurm.XXXXXX)
chmod 755 "$work"
export SLURM_CONF="$work/slurm.conf"

stop_daemons() {
    local status=$?
    for pidfile in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munged.pid"; do
        if [ -s "$pidfile" ]; then
            kill "$(cat "$pidfile")" 2>/dev/null || true
        fi
    done
    sleep 1
    for pidfile in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munged.pid"; do
        if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            kill -9 "$(cat "$pidfile")" 2>/dev/null || true
        fi
    done
    if [ $status -ne 0 ]; then
        echo "slurm-test: FAILED; daemon logs follow" >&2
        tail -n 30 "$work"/*.log "$work"/results/logs/* 2>/dev/null >&2 || true
    fi
    rm -rf "$work"
    exit $status
}
trap stop_daemons EXIT

# munge: a fresh key and a private socket, so that nothing of the host's is touched.
mkdir -p "$work/munge" "$work/state" "$work/spool"
chmod 700 "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
munged --force --key-file="$work/munge/munge.key" --socket="$work/munge/munge.socket" \
    --pid-file="$work/munged.pid" --log-file="$work/munged.log" --seed-file="$work/munge/munge.seed"

host=$(hostname)
cpus=$(nproc)
cat > "$SLURM_CONF" <<CONF
ClusterName=insula-ci
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF

slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 1 60); do
    if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then break; fi
    sleep 1
done
sinfo -h -o '%T' | grep -qE '^(idle|mixed|allocated)' || { echo "slurm-test: the node did not come up" >&2; exit 1; }
echo "slurm-test: cluster up ($host, $cpus CPUs)"

"$INSULA" batch run "$BATCH" --out "$work/local" --quiet

export INSULA
ids=$(deploy/slurm/submit.sh "$BATCH" "$work/results" "$SHARDS" --chdir="$PWD")
echo "slurm-test: $ids"
deadline=$((SECONDS + TIMEOUT_SECONDS))
while [ -n "$(squeue -h -o '%i' 2>/dev/null)" ]; do
    if [ $SECONDS -gt $deadline ]; then echo "slurm-test: jobs still queued after ${TIMEOUT_SECONDS}s" >&2; squeue >&2; exit 1; fi
    sleep 1
done

shards_run=$(ls -d "$work"/results/shard-* | wc -l)
[ "$shards_run" -eq "$SHARDS" ] || { echo "slurm-test: $shards_run of $SHARDS shards ran" >&2; exit 1; }
cmp "$work/local/summary-no-timings.csv" "$work/results/merged/summary-no-timings.csv"
rows=$(($(wc -l < "$work/results/merged/summary.csv") - 1))
echo "slurm-test: $SHARDS shards merged, $rows scenarios; summary.csv equals the local run's"
