#!/usr/bin/env bash
# A sweep through a real single-node Slurm (docs/guide/scaling-out.md, "Sweeps"): starts munged,
# slurmctld and slurmd from Debian's packages with a generated slurm.conf in a scratch folder,
# writes a 4-point sweep, submits it as a job array with `equiscope-cli sweep run --slurm`, polls
# `sweep status` until every point has finished, merges the shards with `sweep collect` and checks
# the merged store holds 4 finished runs. The daemons are stopped and the folder removed at the
# end, whatever happened. Exit 77 (CTest: skipped) with the reason only when the daemons cannot
# start here (not root, packages missing, no node came up).
#
#   tests/slurm/slurm-sweep.sh path/to/equiscope-cli [path/to/widgets_tst_externalrun]
#
# With the second argument it also submits a run from the workbench window's launcher ("Run on:
# Slurm cluster") against the same daemons and checks the monitor merges the finished job.
set -euo pipefail

cli="$(readlink -f "$1")"
skip() { echo "SKIPPED: $*" >&2; exit 77; }

for tool in munged mungekey slurmctld slurmd sbatch squeue sinfo scontrol; do
    command -v "$tool" > /dev/null 2>&1 || [[ -x /usr/sbin/$tool ]] ||
        skip "$tool not installed (scripts/setup installs slurm-wlm and munge)"
done
export PATH="$PATH:/usr/sbin"
[[ $(id -u) -eq 0 ]] || skip "slurmd must run as root to start jobs; run this test as root"

work="$(mktemp -d /tmp/equiscope-slurm-XXXXXX)"
chmod 700 "$work"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
    for pid in "${pids[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2> /dev/null || true
    done
    [[ -n "${KEEP_SLURM_TEST:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# munge: its own key, socket and files, run in the foreground as root (--force: root is fine
# for a test daemon that only this test talks to).
mkdir -p "$work/munge"
chmod 700 "$work/munge"
mungekey --create --keyfile="$work/munge/munge.key" > /dev/null 2>&1 || skip "mungekey failed"
chmod 400 "$work/munge/munge.key"
munged --foreground --force --socket="$work/munge/munge.socket" --key-file="$work/munge/munge.key" \
    --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" \
    --seed-file="$work/munge/munged.seed" > "$work/munge/stdout.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [[ -S "$work/munge/munge.socket" ]] && break; sleep 0.1; done
[[ -S "$work/munge/munge.socket" ]] || skip "munged did not start: $(tail -3 "$work/munge/munged.log" 2> /dev/null)"

node="$(hostname -s)"
cpus="$(nproc)"
mkdir -p "$work/state" "$work/spool" "$work/log"
cat > "$work/slurm.conf" << CONF
ClusterName=equiscope-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MaxArraySize=1000
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=1000 State=UNKNOWN
PartitionName=equiscope Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -D -i > "$work/log/slurmctld.stdout" 2>&1 &
pids+=($!)
slurmd -D -N "$node" > "$work/log/slurmd.stdout" 2>&1 &
pids+=($!)
up=0
for _ in $(seq 100); do
    if sinfo -h -N -o "%T" 2> /dev/null | grep -qE "^(idle|mixed|allocated)"; then up=1; break; fi
    sleep 0.3
done
if [[ $up -ne 1 ]]; then
    cat "$work/log/slurmctld.stdout" "$work/log/slurmd.stdout" >&2 || true
    tail -5 "$work/log/slurmctld.log" "$work/log/slurmd.log" >&2 || true
    skip "the Slurm daemons did not bring a node up within 30 s (logs above)"
fi
echo "slurm: node $node up ($(sinfo -h -o '%P %a %D %T'))"

# A 4-point sweep of a tiny FARE run on Debian's Fashion-MNIST (2 learning rates × 2 seeds).
export EQUISCOPE_CACHE_DIR="$work/cache"
"$cli" train --method fare --train-limit 384 --test-limit 128 --probe-train-limit 256 \
    --epoch-eval 0 --batch 64 --epochs 2 --threads 1 --print-config > "$work/base.json"
"$cli" sweep create --config "$work/base.json" --grid learningRate=0.01,0.02 --seeds 0,1 \
    --out "$work/sweep" > /dev/null
submitted="$("$cli" sweep run "$work/sweep" --slurm --time 00:10:00 --cpus-per-task 1)"
echo "submitted: $submitted"
finished=0
for _ in $(seq 300); do
    finished="$("$cli" sweep status "$work/sweep" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["finished"])')"
    [[ "$finished" -eq 4 ]] && break
    sleep 1
done
"$cli" sweep status "$work/sweep"
if [[ "$finished" -ne 4 ]]; then
    tail -20 "$work"/sweep/logs/slurm-*.log >&2 || true
    tail -20 "$work/log/slurmd.log" >&2 || true
    echo "FAIL: $finished of 4 points finished within 300 s" >&2
    exit 1
fi
"$cli" sweep collect "$work/sweep" --into "$work/all.sqlite" > /dev/null
runs="$("$cli" runs list --store "$work/all.sqlite" --json)"
count="$(python3 -c 'import json,sys; runs=json.loads(sys.argv[1]); runs=runs.get("runs", runs) if isinstance(runs, dict) else runs; print(sum(1 for r in runs if r["status"] == "finished"))' "$runs")"
if [[ "$count" -ne 4 ]]; then
    echo "FAIL: the merged store holds $count finished runs, expected 4: $runs" >&2
    exit 1
fi
echo "PASS: 4 points ran as Slurm array tasks and were merged into one store of 4 finished runs"

if [[ -n "${2:-}" ]]; then
    if ! EQUISCOPE_TEST_SLURM=1 QT_QPA_PLATFORM=offscreen EQUISCOPE_CLI="$cli" \
        "$(readlink -f "$2")" submitsToSlurmAndCollects; then
        tail -20 "$work/log/slurmd.log" >&2 || true
        echo "FAIL: the workbench's Slurm launch did not finish and merge" >&2
        exit 1
    fi
    echo "PASS: a run launched from the workbench as a Slurm job was polled and merged"
fi
