#!/usr/bin/env bash
# End-to-end benchmark of the SLURM backend on the local cluster, the workload of
# adaptive-scheduler's own benchmark (bench/RESULTS.md, "SLURM end to end"): 8 Learner1D learners
# (io.adaptive.bench.SlurmEndToEnd), 200 points each, 20 ms per evaluation, one 1-core job each.
#
# Two scenarios, each run N times (default 3):
#   plain    the run from start to all done;
#   scancel  the same, with the job of learner peak[a=0.01] cancelled (plain scancel: SIGTERM) 2 s
#            after its worker logged its start, i.e. about half-way through its 200 points.
# Figures per run: wall time of the driver JVM (start to exit), sbatch/squeue/scancel calls of the
# driver (counted by wrappers first on its PATH), the driver's CPU time and that of the commands it
# ran (/proc/self/stat at its end; cpu_start: its own CPU time when it called run(), i.e. JVM start
# and plan), submit -> first point of each job (sbatch call -> the worker's
# first evaluation), points evaluated beyond 8 x 200 = 1600; with scancel: points lost (saved when
# the job stopped minus loaded by its replacement) and the wall time.
#
# Usage: bench/slurm-e2e.sh [runs]      env: POLL_MS (default 500), BUILD=1 to rebuild the jar,
#        JAVA_OPTS (options of the driver JVM; workers inherit them), WORKER_JAVA_OPTS (options the
#        workers get after those: the backend's javaOptions), KEEP=1 keeps the run dirs,
#        SCENARIOS (default "plain scancel"), ARRAYS=1 to submit the 8 jobs as one job array.
# Needs the local cluster with 8 CPU slots: LOCAL_SLURM_CPUS=8 scripts/slurm/start-local-cluster.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
poll=${POLL_MS:-500}
# Absolute: the job scripts cd to the run directory, so a relative class path would break the workers.
jar=$PWD/bench/target/benchmarks.jar

if [[ ! -f $jar || ${BUILD:-0} == 1 ]]; then
  mvn -o -q -DskipTests package -pl bench -am
fi
cpus=$(sinfo -h -o '%c' | head -n 1)
((cpus >= 8)) || { echo "slurm-e2e: the cluster has $cpus CPU slots, needs 8:" \
  "LOCAL_SLURM_CPUS=8 scripts/slurm/start-local-cluster.sh" >&2; exit 1; }

work=$(mktemp -d /tmp/slurm-e2e.XXXXXX)
[[ ${KEEP:-0} == 1 ]] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
for cmd in sbatch squeue scancel; do
  real=$(command -v "$cmd")
  if [[ $cmd == sbatch ]]; then
    # Also logs the new job's id, to match it with its first point.
    cat >"$work/bin/$cmd" <<EOF
#!/usr/bin/env bash
t=\$(date +%s%3N)
printf '%s sbatch %s\n' "\$t" "\$*" >>"\$E2E_CALLS"
out=\$('$real' "\$@"); rc=\$?
[[ -n \$out ]] && printf '%s\n' "\$out"
((rc == 0)) && printf '%s sbatch-id %s\n' "\$t" "\${out%%;*}" >>"\$E2E_CALLS"
exit \$rc
EOF
  else
    cat >"$work/bin/$cmd" <<EOF
#!/usr/bin/env bash
printf '%s $cmd %s\n' "\$(date +%s%3N)" "\$*" >>"\$E2E_CALLS"
exec '$real' "\$@"
EOF
  fi
  chmod 755 "$work/bin/$cmd"
done
real_scancel=$(command -v scancel)

# The SLURM job id of learner $1's running worker JVM, from the environment of the process.
job_of() {
  local f env id array
  for f in /proc/[0-9]*/environ; do
    # Read once: the job script's short-lived commands carry the same variables and may be gone
    # by a second read.
    env=$(tr '\0' '\n' 2>/dev/null <"$f") || continue
    grep -qxF "ADAPTIVE_LEARNER=$1" <<<"$env" || continue
    id=$(sed -n 's/^SLURM_JOB_ID=//p' <<<"$env")
    # An array task by <array>_<index>: scancel of its own SLURM_JOB_ID does nothing (22.05.8).
    array=$(sed -n 's/^SLURM_ARRAY_JOB_ID=//p' <<<"$env")
    [[ -n $array ]] && id=${array}_$(sed -n 's/^SLURM_ARRAY_TASK_ID=//p' <<<"$env")
    [[ -n $id ]] && { echo "$id"; return 0; }
  done
  return 1
}

# Cancels learner peak[a=0.01]'s job 2 s after its worker logged its start.
cancel_first() {
  local store=$1 t0=$2 id=
  for _ in $(seq 600); do
    if grep -qs 'resumed from' "$store"/logs/'peak[a=0.01]'.j*.log; then break; fi
    sleep 0.05
  done
  sleep 2
  id=$(job_of 'peak[a=0.01]') || { echo "cancel: no worker found" >"$store/../cancel.txt"; return; }
  "$real_scancel" "$id"
  echo "cancelled job $id at $(($(date +%s%3N) - t0)) ms" >"$store/../cancel.txt"
}

# One run: prints "wall_ms sbatch squeue scancel self_ms before_run_ms children_ms mean_first_ms
# max_first_ms beyond lost load", load being the 1-minute load average at its end.
run_one() {
  local scenario=$1 dir=$2 t0 t1 rc=0
  mkdir -p "$dir"
  : >"$dir/calls.log"
  t0=$(date +%s%3N)
  echo "$t0" >"$dir/t0"
  E2E_CALLS=$dir/calls.log PATH="$work/bin:$PATH" \
    java ${JAVA_OPTS:-} "-Dbench.workerJavaOptions=${WORKER_JAVA_OPTS:-}" -cp "$jar" io.adaptive.bench.SlurmEndToEnd "$dir/store" "$poll" ${ARRAYS:+arrays} \
    >"$dir/driver.out" 2>&1 &
  local pid=$!
  [[ $scenario == scancel ]] && cancel_first "$dir/store" "$t0" &
  wait "$pid" || rc=$?
  t1=$(date +%s%3N)
  wait
  if ((rc != 0)); then
    echo "slurm-e2e: the driver failed ($rc); its output:" >&2
    cat "$dir/driver.out" >&2
    exit 1
  fi
  local calls=$dir/calls.log
  local sb sq sc cpu_self cpu_children cpu_before first beyond lost=- load
  load=$(cut -d ' ' -f 1 /proc/loadavg)
  sb=$(awk '$2 == "sbatch"' "$calls" | wc -l)
  sq=$(awk '$2 == "squeue"' "$calls" | wc -l)
  sc=$(awk '$2 == "scancel"' "$calls" | wc -l)
  cpu_self=$(sed -n 's/^driver-cpu self_ms=\([0-9]*\) .*/\1/p' "$dir/driver.out")
  cpu_children=$(sed -n 's/^driver-cpu .*children_ms=\([0-9]*\) .*/\1/p' "$dir/driver.out")
  cpu_before=$(sed -n 's/^driver-cpu .*before_run_ms=\([0-9]*\)$/\1/p' "$dir/driver.out")
  # submit -> first point of each job that evaluated a point
  first=$(awk '$2 == "sbatch-id" {print $1, $3}' "$calls" | while read -r t id; do
    [[ -f $dir/store/first-point/$id ]] && echo $(($(cat "$dir/store/first-point/$id") - t))
  done | awk '{s += $1; if ($1 > m) m = $1; n++} END {if (n) printf "%d %d", s / n, m; else print "- -"}')
  beyond=$(awk '$1 ~ /^peak\[/ && $2 == "done" {s += $3} END {print s - 1600}' "$dir/driver.out")
  if [[ $scenario == scancel ]]; then
    local saved loaded
    saved=$(cat "$dir"/store/logs/'peak[a=0.01]'.j*.log | sed -n 's/.*saved at \([0-9]*\) points and stopped: it was asked to stop.*/\1/p' | head -n 1)
    loaded=$(cat "$dir"/store/logs/'peak[a=0.01]'.j*.log | sed -n 's/.*resumed from \([0-9]*\) saved points.*/\1/p' | sed -n 2p)
    if [[ -n $saved && -n $loaded ]]; then lost=$((saved - loaded)); else lost="?(saved=${saved:-none},loaded=${loaded:-none})"; fi
    echo "  $(cat "$dir/cancel.txt" 2>/dev/null); saved ${saved:-?} at SIGTERM, replacement loaded ${loaded:-?}" >&2
  fi
  echo "$((t1 - t0)) $sb $sq $sc $cpu_self $cpu_before $cpu_children $first $beyond $lost $load"
}

echo "slurm-e2e: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -n 1)," \
  "cluster $cpus CPU slots, poll ${poll} ms, JAVA_OPTS='${JAVA_OPTS:-}', WORKER_JAVA_OPTS='${WORKER_JAVA_OPTS:-}', ARRAYS='${ARRAYS:-}', $runs runs per scenario, work dir $work"
printf '%-8s %3s %8s %6s %6s %7s %7s %9s %8s %9s %9s %6s %5s %5s\n' scenario run wall_ms sbatch \
  squeue scancel cpu_ms cpu_start child_ms first_avg first_max beyond lost load
for scenario in ${SCENARIOS:-plain scancel}; do
  for i in $(seq "$runs"); do
    run_one "$scenario" "$work/$scenario-$i" >"$work/result"
    read -r wall sb sq sc cs cb cc fa fm beyond lost load <"$work/result"
    printf '%-8s %3d %8d %6d %6d %7d %7s %9s %8s %9s %9s %6s %5s %5s\n' "$scenario" "$i" "$wall" "$sb" \
      "$sq" "$sc" "$cs" "$cb" "$cc" "$fa" "$fm" "$beyond" "$lost" "$load"
  done
done
