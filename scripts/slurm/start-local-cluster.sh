#!/usr/bin/env bash
# Installs, configures and starts a single-node SLURM cluster on localhost for the SLURM backend
# tests (batch-systems.md §3), without systemd and without cgroups. Idempotent: a healthy cluster
# with the same configuration is left running and only probed. Exits 0 only after a probe batch
# job has run to COMPLETED; otherwise prints the reason and the daemons' log tails and exits 1.
#
# Needs root on Debian 12. Knobs (environment):
#   LOCAL_SLURM_DIR          state, spool, pid and log files     (default /tmp/adaptive-slurm)
#   LOCAL_SLURM_CPUS         CPUs of the node                    (default: nproc)
#   LOCAL_SLURM_MEMORY_MB    RealMemory of the node              (default: MemTotal minus 10 %, at least 512 MB less)
#   LOCAL_SLURM_MIN_JOB_AGE  seconds a finished job stays in squeue -t all (default 60)
#   LOCAL_SLURM_KILL_WAIT    seconds between SIGTERM and SIGKILL (default 5)
#   LOCAL_SLURM_OVERSUBSCRIBE partition OverSubscribe, e.g. NO or FORCE:4 (default NO)
#   LOCAL_SLURM_CLEAN=1      stop the cluster and wipe its state first (job ids restart at 1)
#   LOCAL_SLURM_TIMEOUT      seconds to wait for the daemons and the probe job (default 60)
#   LOCAL_SLURM_FORCE=1      overwrite an /etc/slurm/slurm.conf that this script did not write
#   LOCAL_SLURM_TORQUE=1     also install slurm-wlm-torque (qsub/qstat/qdel wrappers over SLURM)
set -euo pipefail

readonly ME=start-local-cluster
readonly HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly CONF=/etc/slurm/slurm.conf
readonly MARKER='# Written by adaptive-java scripts/slurm/start-local-cluster.sh'
PACKAGES=(slurmctld slurmd slurm-client munge)
# The PBS-style wrappers (qsub, qstat, qdel) for the PBS backend's smoke test, on request.
[[ ${LOCAL_SLURM_TORQUE:-0} != 1 ]] || PACKAGES+=(slurm-wlm-torque)
readonly PACKAGES
readonly DIR="${LOCAL_SLURM_DIR:-/tmp/adaptive-slurm}"
readonly TIMEOUT="${LOCAL_SLURM_TIMEOUT:-60}"
readonly T0=${EPOCHREALTIME/./}

log() {
  local us=$((${EPOCHREALTIME/./} - T0))
  printf '%s: [%d.%01ds] %s\n' "$ME" $((us / 1000000)) $((us / 100000 % 10)) "$*"
}

tails() {
  local f
  # daemons.out holds what a daemon printed before it had a log file (e.g. a bad slurm.conf).
  for f in "$DIR/log/daemons.out" "$DIR/log/slurmctld.log" "$DIR/log/slurmd.log" /var/log/munge/munged.log; do
    [[ -s $f ]] || continue
    echo "----- last 15 lines of $f -----" >&2
    tail -n 15 "$f" >&2
  done
}

fail() {
  echo "$ME: FAILED: $*" >&2
  tails
  exit 1
}

# True if the pid in file $1 is alive and its command name is $2 (never trust a stale pid file).
alive() {
  local pid
  [[ -r $1 ]] || return 1
  pid=$(tr -dc '0-9' <"$1")
  [[ -n $pid && -r /proc/$pid/comm && $(cat "/proc/$pid/comm") == "$2" ]]
}

# Runs "$@" every 0.1 s until it succeeds or $1 seconds have passed.
wait_for() {
  local deadline=$(($(date +%s) + $1))
  shift
  until "$@"; do
    (($(date +%s) < deadline)) || return 1
    sleep 0.1
  done
}

[[ $(id -u) -eq 0 ]] || fail "must run as root (it installs packages and starts daemons)"

# One start or stop at a time.
exec 9>/run/lock/adaptive-local-slurm.lock
flock -w 300 9 || fail "another start/stop is still running (lock /run/lock/adaptive-local-slurm.lock)"

# ---- 1. packages -------------------------------------------------------------------------------
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # The daemons are started below, by hand; keep the packages' maintainer scripts from starting
  # them through init scripts on machines that have no policy of their own.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  # One retry each: a mirror hiccup should not fail a CI build.
  apt-get update -qq || { sleep 5 && apt-get update -qq; } || fail "apt-get update failed"
  apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null ||
    { sleep 5 && apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null; } ||
    fail "apt-get install ${PACKAGES[*]} failed"
  log "installed $(dpkg-query -W -f='${Version}' slurmctld) (slurm), $(dpkg-query -W -f='${Version}' munge) (munge)"
fi

# ---- 2. slurm.conf -----------------------------------------------------------------------------
cpus="${LOCAL_SLURM_CPUS:-$(nproc)}"
if [[ -n ${LOCAL_SLURM_MEMORY_MB:-} ]]; then
  mem=$LOCAL_SLURM_MEMORY_MB
else
  total=$(free -m | awk '/^Mem:/ {print $2}')
  margin=$((total / 10 > 512 ? total / 10 : 512))
  mem=$((total - margin > 256 ? total - margin : 256))
fi
[[ $cpus =~ ^[1-9][0-9]*$ && $mem =~ ^[1-9][0-9]*$ ]] || fail "bad CPUs ($cpus) or memory ($mem)"

new_conf=$(
  cat <<EOF
$MARKER
# Single-node test cluster, see scripts/slurm/README.md. Do not use for anything else.
ClusterName=local
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CryptoType=crypto/munge
MpiDefault=none
MailProg=/bin/true
# No systemd, no writable cgroup tree: track processes by parent pid, bind nothing.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
# Start a job right after submission instead of after the default 3 s batching delay.
SchedulerParameters=batch_sched_delay=0,sched_min_interval=100000
ReturnToService=2
MinJobAge=${LOCAL_SLURM_MIN_JOB_AGE:-60}
KillWait=${LOCAL_SLURM_KILL_WAIT:-5}
# Accept the node as configured even if slurmd counts sockets/cores differently.
SlurmdParameters=config_overrides
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP OverSubscribe=${LOCAL_SLURM_OVERSUBSCRIBE:-NO}
EOF
)
if [[ -e $CONF ]] && ! grep -qxF "$MARKER" "$CONF" && [[ ${LOCAL_SLURM_FORCE:-0} != 1 ]]; then
  fail "$CONF exists and was not written by this script; set LOCAL_SLURM_FORCE=1 to replace it"
fi
conf_changed=0
if [[ ! -e $CONF ]] || [[ $(cat "$CONF") != "$new_conf" ]]; then
  conf_changed=1
fi

# ---- 3. fast path: already up with this configuration ------------------------------------------
ctld_up() { timeout 15 scontrol ping 2>/dev/null | grep -q 'is UP'; }
node_state() { timeout 15 sinfo -h -n localhost -o '%T' 2>/dev/null | head -n1; }
node_usable() { [[ $(node_state) =~ ^(idle|mixed|allocated|completing)$ ]]; }
munge_ok() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }
daemons_alive() {
  alive "$DIR/run/slurmctld.pid" slurmctld && alive "$DIR/run/slurmd.pid" slurmd
}

if [[ ${LOCAL_SLURM_CLEAN:-0} == 1 ]]; then
  log "LOCAL_SLURM_CLEAN=1: stopping the cluster and wiping $DIR"
  flock -u 9
  LOCAL_SLURM_PURGE=1 "$HERE/stop-local-cluster.sh" || fail "stop-local-cluster.sh failed"
  flock -w 300 9 || fail "lock lost"
fi

healthy=0
if ((!conf_changed)) && munge_ok && daemons_alive && ctld_up && node_usable; then
  healthy=1
  log "already running with the same configuration (node $(node_state))"
fi

if ((!healthy)); then
  # ---- 4. directories and munge ----------------------------------------------------------------
  install -d -m 755 "$DIR" "$DIR/run" "$DIR/log"
  install -d -m 700 "$DIR/state" "$DIR/spool"
  install -d -m 700 -o munge -g munge /etc/munge /var/lib/munge /var/log/munge
  install -d -m 755 -o munge -g munge /run/munge
  if [[ ! -s /etc/munge/munge.key ]]; then
    log "creating /etc/munge/munge.key"
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  fi
  chown munge:munge /etc/munge/munge.key
  chmod 400 /etc/munge/munge.key
  if ! munge_ok; then
    if ! alive /run/munge/munged.pid munged; then
      log "starting munged"
      runuser -u munge -- /usr/sbin/munged </dev/null >>"$DIR/log/daemons.out" 2>&1 9>&- ||
        fail "munged did not start"
    fi
    wait_for 10 munge_ok || fail "munge -n | unmunge does not succeed"
  fi

  # ---- 5. slurm.conf; restart the daemons if it changed -----------------------------------------
  if ((conf_changed)); then
    log "writing $CONF (CPUs=$cpus RealMemory=$mem)"
    install -d -m 755 /etc/slurm
    printf '%s\n' "$new_conf" >"$CONF.tmp"
    chmod 644 "$CONF.tmp"
    mv "$CONF.tmp" "$CONF"
    # Controller first: a controller without a slurmd may still start a job, and that job's
    # launch is lost (seen: a job stuck RUNNING without any process).
    for d in slurmctld slurmd; do
      if alive "$DIR/run/$d.pid" "$d"; then
        pid=$(tr -dc '0-9' <"$DIR/run/$d.pid")
        log "configuration changed: stopping $d (pid $pid)"
        kill -TERM "$pid"
        wait_for 20 bash -c "! kill -0 $pid 2>/dev/null" || fail "$d (pid $pid) did not stop"
      fi
    done
  fi

  for port in 6817 6818; do
    if command -v ss >/dev/null && ss -Hltn "sport = :$port" | grep -q . &&
      ! { [[ $port == 6817 ]] && alive "$DIR/run/slurmctld.pid" slurmctld; } &&
      ! { [[ $port == 6818 ]] && alive "$DIR/run/slurmd.pid" slurmd; }; then
      fail "port $port is taken by another process: $(ss -Hltnp "sport = :$port")"
    fi
  done

  # ---- 6. daemons, started by hand: containers and CI VMs often have no systemd as PID 1 -------
  # stdio goes to a file, and the lock's fd 9 is closed, so that the daemons never hold the
  # caller's pipes or our lock. slurmd comes first, so that the controller never schedules a
  # recovered job onto a node whose slurmd is not listening yet.
  echo "=== $(date '+%FT%T') $ME" >>"$DIR/log/daemons.out"
  if ! alive "$DIR/run/slurmd.pid" slurmd; then
    log "starting slurmd"
    /usr/sbin/slurmd -N localhost </dev/null >>"$DIR/log/daemons.out" 2>&1 9>&- || fail "slurmd did not start"
  fi
  if ! alive "$DIR/run/slurmctld.pid" slurmctld; then
    log "starting slurmctld"
    /usr/sbin/slurmctld </dev/null >>"$DIR/log/daemons.out" 2>&1 9>&- || fail "slurmctld did not start"
  fi
  wait_for "$TIMEOUT" ctld_up || fail "slurmctld does not answer scontrol ping after ${TIMEOUT}s"

  # ---- 7. a usable node; resume it once if it was remembered as down/drained/invalid --------------
  if ! wait_for 10 node_usable; then
    state=$(node_state)
    log "node is '${state:-unknown}', resuming it"
    timeout 15 scontrol update nodename=localhost state=resume 2>&1 || true
    wait_for "$TIMEOUT" node_usable ||
      fail "node not usable after ${TIMEOUT}s: $(timeout 15 sinfo -h -N -o '%N %T %E' 2>&1)"
  fi
  log "node $(node_state)"
fi

# ---- 8. probe: a batch job must really run -------------------------------------------------------
# A healthy node whose CPUs are all busy would keep the probe pending; running jobs prove enough.
if ((healthy)) && [[ $(node_state) == allocated ]]; then
  running=$(timeout 15 squeue -h -t running -o '%i' 2>/dev/null | wc -l)
  if ((running > 0)); then
    log "ready: node fully allocated, $running jobs RUNNING; no probe job"
    exit 0
  fi
fi
probe_state() { timeout 15 squeue -h -t all -j "$1" -o '%T' 2>/dev/null; }
probe_done() {
  state=$(probe_state "$1")
  [[ $state =~ ^(COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|BOOT_FAIL|DEADLINE|PREEMPTED)$ ]]
}
id=$(cd "$DIR" && timeout 30 sbatch --parsable --job-name=local-cluster-probe --output=/dev/null \
  --time=1 --no-requeue --wrap true 2>&1) || fail "probe submission failed: $id"
id=${id%%;*}
state=
wait_for "$TIMEOUT" probe_done "$id" ||
  fail "probe job $id did not finish within ${TIMEOUT}s (state ${state:-unknown}; $(timeout 15 squeue -h -t all -j "$id" -o '%T %r' 2>&1))"
[[ $state == COMPLETED ]] ||
  fail "probe job $id ended $state: $(timeout 15 scontrol show job "$id" 2>&1 | grep -Eo '(JobState|Reason|ExitCode)=[^ ]*' | tr '\n' ' ')"
log "ready: probe job $id COMPLETED ($(sinfo -h -o 'partition %P, %D node, %c CPUs, %m MB, %T' | head -n1))"
