#!/usr/bin/env bash
# Benchmarks for bpmnrun (not part of the unit tests). From the package root:
#
#     Benchmarks/run.sh [--no-spiff]
#
# Builds in release mode, generates every input into a temporary directory (removed at the end),
# runs the measurements below and prints a table. docs/performance.md records the results.
#
#   a) parse + spec graph of a 20,000-task file vs `xmllint --noout` on it; peak memory
#   b) a loop of 1,000,000 flow-node executions with a JUEL gateway condition, trace off and on
#   c) a whole `bpmnrun run` of the 300-iteration loop vs SpiffWorkflow's whole run of its twin
#   d) a 100,000-iteration loop run to the end, checked (SpiffWorkflow stops after about 330)
#
# The generator and SpiffWorkflow come from ../shared (tools/gen_big_bpmn.py, tools/spiff); without
# ../shared nothing can be generated and the script stops; --no-spiff skips SpiffWorkflow only.
# Sizes can be changed with BIG_TASKS, LOOP_NODES, LONG_LOOP, REPEAT, LOOP_REPEAT and SPIFF_REPEAT.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared"
big_tasks="${BIG_TASKS:-20000}"
loop_nodes="${LOOP_NODES:-1000000}"
long_loop="${LONG_LOOP:-100000}"
repeat="${REPEAT:-5}"
loop_repeat="${LOOP_REPEAT:-3}"   # runs of each 1,000,000-node loop; first/last-tenth figures are their medians
spiff_repeat="${SPIFF_REPEAT:-3}"
use_spiff=1
for arg in "$@"; do
  case "$arg" in
    --no-spiff) use_spiff=0 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

if [ ! -f "$shared/tools/gen_big_bpmn.py" ]; then
  echo "run.sh: ../shared is absent ($shared), so the benchmark inputs cannot be generated; skipping all benchmarks." >&2
  exit 0
fi
for tool in xmllint python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: needs $tool (Debian: apt-get install libxml2-utils python3 time)" >&2; exit 2; }
done
gen() { python3 "$shared/tools/gen_big_bpmn.py" "$@" 2>/dev/null; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/bpmnrun-bench.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

echo "== build (release)"
(cd "$root" && swift build -c release 2>&1 | tail -1)
bin="$(cd "$root" && swift build -c release --show-bin-path)"
bench="$bin/bpmnrun-bench"
bpmnrun="$bin/bpmnrun"

echo "== machine"
cpu="$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
cores="$(nproc)"
ram="$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
swiftv="$(swift --version 2>&1 | head -1)"
os="$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME") ($(uname -sr))"
echo "CPU: $cpu; cores: $cores; RAM: $ram"
echo "Swift: $swiftv"
echo "OS: $os"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# key: value lines from bpmnrun-bench
field() { sed -n "s/^$1: //p" "$2" | head -1; }
# wall seconds, CPU seconds (user + system) and peak RSS (KB) of one command, into $tmp/time.out
timed() { /usr/bin/time -f '%e %U %S %M' -o "$tmp/time.out" "$@"; }
wall() { awk '{print $1}' "$tmp/time.out"; }
cpu_s() { awk '{print $2 + $3}' "$tmp/time.out"; }
rss() { awk '{print $4}' "$tmp/time.out"; }
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
calc() { awk "BEGIN {printf \"%.${2:-2}f\", $1}"; }

rows=()
row() { rows+=("$(printf '%-58s | %16s | %16s | %9s | %-9s' "$@")"); }

# --- a) parse + spec graph ------------------------------------------------------------------
echo "== a) parse + spec graph of a $big_tasks-task file"
gen --tasks "$big_tasks" -o "$tmp/big.bpmn"
size_mb="$(calc "$(stat -c %s "$tmp/big.bpmn") / 1048576" 1)"
: > "$tmp/xml.wall"; : > "$tmp/xml.cpu"; : > "$tmp/ours.wall"; : > "$tmp/ours.cpu"; : > "$tmp/ours.rss"
for _ in $(seq "$repeat"); do   # interleaved, so both see the same machine load
  timed xmllint --noout "$tmp/big.bpmn"; wall >> "$tmp/xml.wall"; cpu_s >> "$tmp/xml.cpu"
  timed "$bench" parse "$tmp/big.bpmn" > "$tmp/parse1.out"; wall >> "$tmp/ours.wall"; cpu_s >> "$tmp/ours.cpu"; rss >> "$tmp/ours.rss"
done
"$bench" parse "$tmp/big.bpmn" --repeat "$repeat" > "$tmp/parse.out"
nodes="$(field flow_nodes "$tmp/parse.out")"
xml_wall="$(median < "$tmp/xml.wall")"; xml_cpu="$(median < "$tmp/xml.cpu")"
ours_wall="$(median < "$tmp/ours.wall")"; ours_cpu="$(median < "$tmp/ours.cpu")"
peak_mb="$(calc "$(sort -g "$tmp/ours.rss" | tail -1) / 1024" 1)"
inproc_ms="$(field load_and_compile_ms_median "$tmp/parse.out")"
echo "file: $size_mb MB, $nodes flow nodes"
echo "xmllint --noout: wall $xml_wall s, CPU $xml_cpu s (median of $repeat processes)"
echo "bpmnrun-bench parse (one process, one load+compile): wall $ours_wall s, CPU $ours_cpu s, peak RSS $peak_mb MB"
echo "in process: load $(field load_ms_median "$tmp/parse.out") ms, load+compile $inproc_ms ms (median of $repeat)"
parse_ratio="$(calc "$ours_wall / $xml_wall")"
parse_cpu_ratio="$(calc "$ours_cpu / $xml_cpu")"
row "a) parse+compile $big_tasks tasks ($size_mb MB), wall" "${ours_wall} s" "xmllint ${xml_wall} s" "${parse_ratio}x" "<= 1.5x"
row "a) parse+compile, CPU time" "${ours_cpu} s" "xmllint ${xml_cpu} s" "${parse_cpu_ratio}x" "<= 1.5x"
row "a) parse+compile in process (median)" "${inproc_ms} ms" "" "" ""
row "a) peak memory (max RSS of the process)" "${peak_mb} MB" "" "" "< 200 MB"

# --- b) 1,000,000 flow nodes ----------------------------------------------------------------
echo "== b) loops of about $loop_nodes flow-node executions"
k=$(( (loop_nodes - 4) / 3 ))        # generated loop: start, init, reset, end + 3 nodes per iteration
gen --tasks 0 --parallel 0 --xor-depth 0 --loop "$k" -o "$tmp/loop-js.bpmn"
kj=$(( (loop_nodes - 3) / 3 ))       # JUEL loop: start, reset, end + 3 nodes per iteration
"$bench" juel-loop "$kj" "$tmp/loop-juel.bpmn" > /dev/null
for variant in juel js; do
  kk="$k"; [ "$variant" = juel ] && kk="$kj"
  for trace in off on; do
    args=(loop "$tmp/loop-$variant.bpmn" --expect-var "iteration=$kk" --repeat "$loop_repeat")
    [ "$trace" = on ] && args+=(--trace "$tmp/loop-$variant.trace.json")
    "$bench" "${args[@]}" > "$tmp/loop-$variant-$trace.out"
    o="$tmp/loop-$variant-$trace.out"
    echo "$variant body, trace $trace: $(field flow_nodes_executed "$o") nodes, $(field status "$o"), $(field check "$o");" \
         "wall $(field ns_per_node_median "$o") ns/node (first 10% $(field ns_per_node_first_10pct "$o"), last 10% $(field ns_per_node_last_10pct "$o"));" \
         "CPU $(field cpu_ns_per_node_median "$o") ns/node (first 10% $(field cpu_ns_per_node_first_10pct "$o"), last 10% $(field cpu_ns_per_node_last_10pct "$o"));" \
         "of which system $(field sys_ns_per_node_first_10pct "$o") -> $(field sys_ns_per_node_last_10pct "$o");" \
         "typical 1024-node interval $(field cpu_ns_typical_per_node_first_10pct "$o") -> $(field cpu_ns_typical_per_node_last_10pct "$o") (medians of $loop_repeat runs)"
    if [ "$trace" = on ]; then
      echo "   trace file: $(calc "$(stat -c %s "$tmp/loop-$variant.trace.json") / 1048576" 0) MB"
      rm -f "$tmp/loop-$variant.trace.json"
    fi
    what="JUEL body"; [ "$variant" = js ] && what="JavaScript body"
    row "b) $(field flow_nodes_executed "$o") nodes, $what, trace $trace: ns/node wall" "$(field ns_per_node_median "$o")" "" "" ""
    row "b)   CPU ns/node, first 10% -> last 10%" "$(field cpu_ns_per_node_first_10pct "$o") -> $(field cpu_ns_per_node_last_10pct "$o")" "" "$(calc "$(field cpu_ns_per_node_last_10pct "$o") / $(field cpu_ns_per_node_first_10pct "$o")")x" "no growth"
    row "b)   user CPU only (the engine's own work)" "$(field user_ns_per_node_first_10pct "$o") -> $(field user_ns_per_node_last_10pct "$o")" "" "$(calc "$(field user_ns_per_node_last_10pct "$o") / $(field user_ns_per_node_first_10pct "$o")")x" "no growth"
  done
done

# --- c) whole run of the 300-iteration loop vs SpiffWorkflow -----------------------------------
echo "== c) 300-iteration loop: whole bpmnrun run vs SpiffWorkflow"
gen --tasks 0 --parallel 0 --xor-depth 0 --loop 300 -o "$tmp/loop300.bpmn"
gen --tasks 0 --parallel 0 --xor-depth 0 --loop 300 --dialect spiff -o "$tmp/loop300.spiff.bpmn"
: > "$tmp/run300.wall"; : > "$tmp/run300.cpu"
for _ in $(seq $(( repeat * 2 ))); do
  timed "$bpmnrun" run "$tmp/loop300.bpmn" --non-interactive --quiet --trace "$tmp/run300.trace.json" > /dev/null
  wall >> "$tmp/run300.wall"; cpu_s >> "$tmp/run300.cpu"
done
grep -q '"status":"completed"' "$tmp/run300.trace.json" || { echo "run.sh: the 300-iteration run did not complete" >&2; exit 1; }
run300_wall="$(median < "$tmp/run300.wall")"; run300_cpu="$(median < "$tmp/run300.cpu")"
"$bench" loop "$tmp/loop300.bpmn" --repeat 50 --expect-var iteration=300 --trace "$tmp/loop300.trace.json" > "$tmp/loop300.out"
ns300="$(field ns_per_node_median "$tmp/loop300.out")"; nodes300="$(field flow_nodes_executed "$tmp/loop300.out")"
echo "bpmnrun run (whole process, trace to a file): wall $run300_wall s, CPU $run300_cpu s (median of $(( repeat * 2 )))"
echo "in process: $nodes300 nodes, $ns300 ns/node with trace (median of 50 runs)"
row "c) whole run, 300-iteration loop, wall" "${run300_wall} s" "" "" ""
row "c) cost per flow node (in process, trace on)" "$ns300 ns" "" "" ""
spiff_py="$shared/tools/spiff/.venv/bin/python"
if [ "$use_spiff" = 1 ] && [ -f "$shared/tools/spiff/setup.sh" ] && bash "$shared/tools/spiff/setup.sh" > "$tmp/spiff-setup.log" 2>&1; then
  "$spiff_py" "$shared/tools/spiff/spiff_bench.py" "$tmp/loop300.spiff.bpmn" --repeat "$spiff_repeat" --cli "$spiff_repeat" --json > "$tmp/spiff300.json"
  read -r spiff_run_ms spiff_cli_ms spiff_nodes spiff_ended < <(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["run"]["median_ms"], d["cli"]["median_ms"], d["completed_per_run"], d["ended"])' "$tmp/spiff300.json")
  spiff_ns="$(calc "$spiff_run_ms * 1000000 / $spiff_nodes" 0)"
  echo "SpiffWorkflow: whole process $spiff_cli_ms ms, run $spiff_run_ms ms for $spiff_nodes completions (ended=$spiff_ended), $spiff_ns ns/node (medians of $spiff_repeat)"
  whole_ratio="$(calc "$spiff_cli_ms / 1000 / $run300_wall" 0)"
  node_ratio="$(calc "$spiff_ns / $ns300" 0)"
  row "c) whole run: bpmnrun vs SpiffWorkflow (spiff_oracle.py)" "${run300_wall} s" "$(calc "$spiff_cli_ms / 1000") s" "${whole_ratio}x" ">= 20x"
  row "c) per flow node: bpmnrun vs SpiffWorkflow (trace on)" "$ns300 ns" "$spiff_ns ns" "${node_ratio}x" ">= 100x"
else
  echo "SpiffWorkflow skipped: $([ "$use_spiff" = 0 ] && echo "--no-spiff" || echo "its venv could not be set up (see $shared/tools/spiff/README.md)")"
  row "c) SpiffWorkflow comparison" "skipped" "" "" ""
fi

# --- d) a long loop that must complete --------------------------------------------------------
echo "== d) $long_loop-iteration loop, whole bpmnrun run"
gen --tasks 0 --parallel 0 --xor-depth 0 --loop "$long_loop" -o "$tmp/long.bpmn"
set +e
timed "$bpmnrun" run "$tmp/long.bpmn" --non-interactive --quiet --trace "$tmp/long.trace.json" > "$tmp/long.out" 2>&1
code=$?
set -e
tail_text="$(tail -c 400 "$tmp/long.trace.json")"
status="$(sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' <<< "$tail_text")"
iterations="$(sed -n 's/.*"variables":{.*"iteration":\([0-9]*\).*/\1/p' <<< "$tail_text")"
long_ok=no; [ "$code" = 0 ] && [ "$status" = completed ] && [ "$iterations" = "$long_loop" ] && long_ok=yes
echo "exit $code, trace status $status, iteration=$iterations, $(grep -o '[0-9]* flow nodes executed' "$tmp/long.out"); wall $(wall) s, CPU $(cpu_s) s, peak RSS $(calc "$(rss) / 1024" 1) MB, trace $(calc "$(stat -c %s "$tmp/long.trace.json") / 1048576" 0) MB"
row "d) $long_loop-iteration loop: status, iteration" "$status, $iterations" "" "" "$long_ok"
row "d)   wall / peak memory" "$(wall) s / $(calc "$(rss) / 1024" 0) MB" "" "" ""
rm -f "$tmp/long.trace.json"
if [ "$use_spiff" = 1 ] && [ -x "$spiff_py" ]; then
  gen --tasks 0 --parallel 0 --xor-depth 0 --loop 1000 --dialect spiff -o "$tmp/loop1000.spiff.bpmn"
  "$spiff_py" "$shared/tools/spiff/spiff_oracle.py" "$tmp/loop1000.spiff.bpmn" > "$tmp/spiff1000.json" 2>/dev/null || true
  spiff_long="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); c=d["completed"]; print(sum(1 for t in c if t["id"].endswith("loop_body")), len(c), d["ended"], json.dumps(d["variables"]))' "$tmp/spiff1000.json")"
  read -r bodies completions ended vars <<< "$spiff_long"
  echo "SpiffWorkflow on the 1000-iteration twin: $bodies loop bodies of 1000 ran, $completions completions, ended=$ended, variables=$vars"
  row "d) SpiffWorkflow, 1000-iteration twin: bodies run" "" "$bodies of 1000" "" ""
fi

echo
echo "== results ($(date -u +%Y-%m-%dT%H:%MZ), load average now $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-58s | %16s | %16s | %9s | %-9s\n' measure bpmnrun reference ratio target
printf '%s\n' "$(printf '%.0s-' {1..120})"
printf '%s\n' "${rows[@]}"
