#!/usr/bin/env bash
# Spiff dialect benchmark: the same Spiff-dialect diagram run N times (default 1,000) by bpmnrun
# and by SpiffWorkflow 3.2.0. From the package root:
#
#     Benchmarks/spiff-bench.sh [DIAGRAM ANSWERS]
#
# Default input: bpmn-samples/spiff/shopping-cart.bpmn with its answers (a loop of three user-task
# rounds, six Python scripts, four gateways: 19 completed elements per run).
#   bpmnrun       N whole `bpmnrun run --non-interactive --quiet` processes (release build):
#                 start, parse, embedded CPython start, run, exit
#   SpiffWorkflow ../shared/tools/spiff/spiff_bench.py: N whole `python spiff_oracle.py` processes
#                 (the like-for-like figure) and N in-process runs on an already parsed spec
# Needs ../shared and a Python with SpiffWorkflow ($SPIFF_PYTHON, or ../shared/tools/spiff/.venv
# from its setup.sh). N=200 Benchmarks/spiff-bench.sh for a quicker run; BPMNRUN=PATH uses that
# binary instead of building a release one. docs/performance.md
# (Spiff dialect) records the results.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared"
n="${N:-1000}"
diagram="${1:-$root/bpmn-samples/spiff/shopping-cart.bpmn}"
answers="${2:-$root/bpmn-samples/spiff/shopping-cart.answers.json}"
py="${SPIFF_PYTHON:-$shared/tools/spiff/.venv/bin/python}"

if [ ! -f "$shared/tools/spiff/spiff_bench.py" ]; then
  echo "spiff-bench.sh: ../shared is absent ($shared); skipping." >&2; exit 0
fi
if ! "$py" -c 'import SpiffWorkflow' 2>/dev/null; then
  echo "spiff-bench.sh: no Python with SpiffWorkflow at $py (set SPIFF_PYTHON or run ../shared/tools/spiff/setup.sh)" >&2; exit 2
fi

if [ -n "${BPMNRUN:-}" ]; then
  bpmnrun="$BPMNRUN"   # a binary built elsewhere (say which build it is when you quote the figures)
else
  echo "== build (release)"
  (cd "$root" && swift build -c release --product bpmnrun 2>&1 | tail -1)
  bpmnrun="$(cd "$root" && swift build -c release --show-bin-path)/bpmnrun"
fi

echo "== machine: $(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1); $(nproc) cores;" \
     "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== input: $diagram, $answers, N=$n"

echo "== bpmnrun: $n whole processes"
python3 - "$bpmnrun" "$diagram" "$answers" "$n" <<'PY'
import statistics, subprocess, sys, time
binary, diagram, answers, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
cmd = [binary, "run", diagram, "--answers", answers, "--non-interactive", "--quiet"]
first = subprocess.run(cmd, capture_output=True, text=True)
if first.returncode != 0:
    sys.exit("bpmnrun did not complete the run (exit %d): %s" % (first.returncode, first.stderr.strip()[:500]))
times = []
for _ in range(n):
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times.append((time.perf_counter() - t0) * 1000)
times.sort()
print("bpmnrun process: median %.2f ms, mean %.2f ms, p90 %.2f ms, min %.2f ms, total %.1f s"
      % (statistics.median(times), statistics.fmean(times), times[int(0.9 * (n - 1))], times[0], sum(times) / 1000))
PY

echo "== SpiffWorkflow: $n whole processes and $n in-process runs"
"$py" "$shared/tools/spiff/spiff_bench.py" "$diagram" --answers "$answers" --repeat "$n" --cli "$n"
