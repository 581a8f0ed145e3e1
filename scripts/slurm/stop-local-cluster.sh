#!/usr/bin/env bash
# Stops the single-node test cluster started by start-local-cluster.sh: cancels every job, waits
# for the jobs' processes to end, stops slurmctld and slurmd (scontrol shutdown, then the pid in
# each verified pid file), then munged. Idempotent: stopping a stopped cluster exits 0. Never kills
# by name. Packages and /etc/slurm/slurm.conf stay; the state directory stays unless asked.
#
# Needs root. Knobs (environment):
#   LOCAL_SLURM_DIR      as for the start script; normally read from /etc/slurm/slurm.conf
#   LOCAL_SLURM_PURGE=1  also delete the state directory (job ids restart at 1 on the next start)
#   LOCAL_SLURM_KEEP_MUNGE=1  leave munged running
set -euo pipefail

readonly ME=stop-local-cluster
readonly CONF=/etc/slurm/slurm.conf
readonly MARKER='# Written by adaptive-java scripts/slurm/start-local-cluster.sh'

log() { printf '%s: %s\n' "$ME" "$*"; }

[[ $(id -u) -eq 0 ]] || { log "FAILED: must run as root"; exit 1; }

exec 9>/run/lock/adaptive-local-slurm.lock
flock -w 300 9 || { log "FAILED: another start/stop is still running"; exit 1; }

# Value of key $1 in our slurm.conf, or $2.
conf() {
  local v=
  [[ -r $CONF ]] && grep -qxF "$MARKER" "$CONF" && v=$(awk -F= -v k="$1" '$1 == k {print $2; exit}' "$CONF")
  printf '%s\n' "${v:-$2}"
}
dir="${LOCAL_SLURM_DIR:-/tmp/adaptive-slurm}"
ctld_pidfile=$(conf SlurmctldPidFile "$dir/run/slurmctld.pid")
slurmd_pidfile=$(conf SlurmdPidFile "$dir/run/slurmd.pid")
state_dir=$(conf StateSaveLocation "$dir/state")
dir=$(dirname "$state_dir")

# Pid from file $1 if that process is alive and its command name is $2 (a stale pid file may name
# somebody else's process).
pid_of() {
  local pid
  [[ -r $1 ]] || return 1
  pid=$(tr -dc '0-9' <"$1")
  [[ -n $pid && -r /proc/$pid/comm && $(cat "/proc/$pid/comm") == "$2" ]] && echo "$pid"
}

# Waits up to $1 seconds for pid $2 to exit.
gone() {
  local i
  for ((i = 0; i < $1 * 10; i++)); do
    kill -0 "$2" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

# TERM, then KILL after 10 s, the process named $2 whose pid is in file $1.
stop_by_pidfile() {
  local pid
  pid=$(pid_of "$1" "$2") || return 0
  log "stopping $2 (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  gone 10 "$pid" && return 0
  log "$2 (pid $pid) ignored SIGTERM for 10 s, sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  gone 5 "$pid"
}

if pid_of "$ctld_pidfile" slurmctld >/dev/null; then
  # Jobs first: scontrol shutdown stops the daemons but leaves running jobs' processes behind.
  jobs=$(timeout 15 squeue -h -t pending,running,suspended,completing,configuring -o '%A' 2>/dev/null | sort -u | tr '\n' ' ')
  if [[ -n ${jobs// /} ]]; then
    log "cancelling jobs: $jobs"
    # shellcheck disable=SC2086
    timeout 15 scancel $jobs 2>&1 || true
    kill_wait=$(conf KillWait 30)
    for ((i = 0; i < (kill_wait + 15) * 10; i++)); do
      [[ -z $(timeout 15 squeue -h -t running,suspended,completing,configuring -o '%A' 2>/dev/null) ]] && break
      sleep 0.1
    done
  fi
  log "scontrol shutdown"
  timeout 20 scontrol shutdown 2>&1 || true
  for d in slurmctld:$ctld_pidfile slurmd:$slurmd_pidfile; do
    pid=$(pid_of "${d#*:}" "${d%%:*}") && gone 15 "$pid" || true
  done
fi
stop_by_pidfile "$slurmd_pidfile" slurmd
stop_by_pidfile "$ctld_pidfile" slurmctld

if [[ ${LOCAL_SLURM_KEEP_MUNGE:-0} != 1 ]]; then
  stop_by_pidfile /run/munge/munged.pid munged
fi

# Job step daemons outlive slurmd; after the cancel above there should be none. Report, do not kill
# by name.
left=()
for c in /proc/[0-9]*/comm; do
  [[ $(cat "$c" 2>/dev/null) == slurmstepd ]] && left+=("$(basename "$(dirname "$c")")")
done
((${#left[@]})) && log "WARNING: slurmstepd processes still running: pids ${left[*]}"

if [[ ${LOCAL_SLURM_PURGE:-0} == 1 && -d $dir ]]; then
  case $dir in
    / | /etc* | /usr* | /var | /home | /root) log "FAILED: refusing to purge $dir"; exit 1 ;;
  esac
  log "purging $dir"
  rm -rf -- "$dir"
fi
log "stopped"
