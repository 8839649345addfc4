#!/usr/bin/env python3
"""Import bpmnrun's XES logs with pm4py and check them against the JSON traces they came from.

For every sample answers file: `bpmnrun run ... --trace T.json --xes T.xes`; then
`bpmnrun trace convert` of all the JSON traces into one log. Each log is read with
`pm4py.read_xes` (as a DataFrame, and as pm4py's EventLog object) and must hold one case per run,
named `<process>#<n>`, whose events are the JSON trace's activity events
(activityStarted/Completed/Terminated -> start/complete/ate_abort) in the same order and number,
with the same element ids, seq numbers and timestamps.

    python3 Tests/trace-tools/check_xes_pm4py.py --bpmnrun .build/debug/bpmnrun [--python VENV/bin/python]

pm4py is large (numpy, pandas, scipy, ...): install it in a virtual environment outside the
project, e.g. `python3 -m venv ~/.cache/bpmnrun-pm4py && ~/.cache/bpmnrun-pm4py/bin/pip install pm4py`,
and run this script with that interpreter. Without pm4py it says it was skipped and exits 0.
Last line: `N passed, N failed`; exit 1 when any log fails.
"""
import argparse, os, subprocess, sys, tempfile

os.environ.setdefault("TQDM_DISABLE", "1")  # pm4py's progress bars would bury the report

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sample_traces import (PROJECT_ROOT, activity_events, load_json_rejecting_duplicate_keys,  # noqa: E402
                           run_sample, sample_runs)


def iso(ts):
    """A pandas/datetime timestamp as bpmnrun writes times (UTC, milliseconds when not zero)."""
    text = ts.strftime("%Y-%m-%dT%H:%M:%S")
    ms = ts.microsecond // 1000
    return text + (".%03d" % ms if ms else "") + "Z"


def compare_case(label, expected, got):
    """expected/got: lists of (element, transition, seq, at). Returns a list of problems."""
    if len(expected) != len(got):
        return ["%s: %d events in pm4py, %d activity events in the JSON trace" % (label, len(got), len(expected))]
    for i, (want, have) in enumerate(zip(expected, got)):
        if want != have:
            return ["%s: event %d is %s in pm4py, %s in the JSON trace" % (label, i + 1, have, want)]
    return []


def check_log(pm4py, xes_path, runs):
    """runs: [(case id, expected events)]. Checks both ways pm4py reads a log."""
    problems = []
    frame = pm4py.read_xes(xes_path)
    cases = list(dict.fromkeys(frame["case:concept:name"]))  # first-seen order
    if cases != [case for case, _ in runs]:
        problems.append("%s: cases %s, expected %s" % (xes_path, cases, [c for c, _ in runs]))
    for case, expected in runs:
        rows = frame[frame["case:concept:name"] == case]
        got = [(r["elementId"], r["lifecycle:transition"], int(r["seq"]), iso(r["time:timestamp"])) for _, r in rows.iterrows()]
        problems += compare_case("%s %s (DataFrame)" % (os.path.basename(xes_path), case), expected, got)
    log = pm4py.read_xes(xes_path, return_legacy_log_object=True)
    if len(log) != len(runs):
        problems.append("%s: %d traces in the EventLog, expected %d" % (xes_path, len(log), len(runs)))
    for trace, (case, expected) in zip(log, runs):
        if trace.attributes.get("concept:name") != case:
            problems.append("%s: trace %s, expected %s" % (xes_path, trace.attributes.get("concept:name"), case))
        got = [(e["elementId"], e["lifecycle:transition"], int(e["seq"]), iso(e["time:timestamp"])) for e in trace]
        problems += compare_case("%s %s (EventLog)" % (os.path.basename(xes_path), case), expected, got)
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bpmnrun", default=os.path.join(PROJECT_ROOT, ".build/debug/bpmnrun"))
    options = parser.parse_args()
    try:
        import pm4py
    except ImportError:
        print("check_xes_pm4py: skipped: pm4py is not installed for %s (see this script's help)" % sys.executable)
        return 0
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="bpmnrun-xes-") as folder:
        all_runs, traces = [], []
        for name, diagram, answers in sample_runs():
            trace_path, xes_path = os.path.join(folder, name + ".json"), os.path.join(folder, name + ".xes")
            run_sample(options.bpmnrun, diagram, answers, trace_path, xes_path)
            trace = load_json_rejecting_duplicate_keys(trace_path)
            expected = [(el, tr, seq, e["at"]) for (el, tr, seq), e in
                        zip(activity_events(trace), [e for e in trace["events"] if e["event"].startswith("activity")])]
            problems = check_log(pm4py, xes_path, [(trace["process"] + "#1", expected)])
            all_runs.append((trace["process"] + "#%d" % (len(all_runs) + 1), expected))
            traces.append(trace_path)
            for p in problems:
                print("FAIL " + p)
            passed, failed = (passed + 1, failed) if not problems else (passed, failed + 1)
        combined = os.path.join(folder, "all.xes")
        convert = subprocess.run([options.bpmnrun, "trace", "convert", *traces, "--to", "xes", "-o", combined],
                                 cwd=PROJECT_ROOT, stderr=subprocess.PIPE)
        problems = (["trace convert exited %d: %s" % (convert.returncode, convert.stderr.decode(errors="replace"))]
                    if convert.returncode else check_log(pm4py, combined, all_runs))
        for p in problems:
            print("FAIL " + p)
        passed, failed = (passed + 1, failed) if not problems else (passed, failed + 1)
        print("pm4py %s read %d single-run logs and one log of %d runs (%d events)"
              % (pm4py.__version__, len(traces), len(all_runs), sum(len(e) for _, e in all_runs)))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
