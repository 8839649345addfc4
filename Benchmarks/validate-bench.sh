#!/usr/bin/env bash
# Benchmark of `bpmnrun validate` (release build), end to end as CI runs it:
#   1. every diagram of ../shared/corpus/real (398 files, one process each run in parallel);
#   2. one synthetic file with 20,000 tasks from ../shared/tools/gen_big_bpmn.py;
#   3. one synthetic file with 1,000 blocks of gateways (8,000 gateways, 21,003 flow nodes).
# Prints the median and minimum wall-clock time of RUNS runs (default 5), the median CPU time
# (user + system; steadier than wall time on a machine shared with other jobs) and the peak memory.
# Usage: Benchmarks/validate-bench.sh [RUNS]      (from the package root)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared"
if [ ! -d "$shared/corpus/real" ]; then
  echo "skipped: ../shared is absent (it holds the corpus and the generator)" >&2
  exit 0
fi
swift build -c release --product bpmnrun >/dev/null
bin="$root/.build/release/bpmnrun"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$shared/tools/gen_big_bpmn.py" -o "$tmp/big20k.bpmn" --tasks 20000 --parallel 4 --xor-depth 3 --loop 3 >/dev/null 2>&1
# Gateway-heavy: 1,000 blocks of fork/join, nested exclusive gateways and a loop (8,000 gateways),
# the worst case for the split/join analyses of the soundness rules.
python3 "$shared/tools/gen_big_bpmn.py" -o "$tmp/blocks.bpmn" --tasks 5 --parallel 3 --xor-depth 2 --loop 2 --repeat 1000 >/dev/null 2>&1

measure() {  # name, then the command
  local name=$1; shift
  local times=() cpus=() rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$@" >/dev/null 2>&1 || true
    # (GNU time puts "Command exited with non-zero status 1" first when errors were found.)
    read -r secs user sys kb < <(tail -1 "$tmp/t")
    times+=("$secs")
    cpus+=("$(echo "$user + $sys" | bc)")
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(echo "$sorted" | awk -v n="$runs" 'NR == int((n + 1) / 2)')
  min=$(echo "$sorted" | head -1)
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2)')
  printf '%-34s median %6.2f s   min %6.2f s   CPU %6.2f s   peak RSS %5d MB\n' "$name" "$median" "$min" "$cpu" $((rss / 1024))
}

echo "bpmnrun validate, $runs runs each, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
measure "corpus/real (398 files)" "$bin" validate "$shared/corpus/real"
measure "20,000-task file ($(du -h "$tmp/big20k.bpmn" | cut -f1))" "$bin" validate "$tmp/big20k.bpmn"
measure "1,000 gateway blocks ($(du -h "$tmp/blocks.bpmn" | cut -f1))" "$bin" validate "$tmp/blocks.bpmn"
echo '{"extends": "camunda7"}' > "$tmp/camunda7.json"
measure "20,000-task file, camunda7 preset" "$bin" validate "$tmp/big20k.bpmn" --config "$tmp/camunda7.json"
