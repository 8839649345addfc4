#!/usr/bin/env python3
"""Run bpmn-samples/ through bpmnrun and compare each trace with its expected.json.

For every NAME[.VARIANT].answers.json beside NAME.bpmn:
    bpmnrun run NAME.bpmn --answers A --trace T --non-interactive [--process P]
then checks NAME[.VARIANT].expected.json (format in bpmn-samples/README.md): status, completed
(activityCompleted order, or multiset with "completed_order": "set"), variables (subset, numbers
numerically, null = absent), active (multiset), error_contains / error_contains_all
(case-insensitive, in the trace's error.message or stderr).

    python3 Tests/conformance/run_samples.py --bpmnrun PATH [--samples DIR] [--only NAME] [--verbose] [--strict]
Last line: `N passed, N failed, N skipped`. Exit 0 unless --strict and a run failed.
"""
import argparse, collections, glob, json, os, shutil, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_conformance import PROJECT_ROOT, Runner, check_variables, error_text  # noqa: E402


def compare(exp, trace, stderr):
    status = trace.get("status")
    if "status" in exp and status != exp["status"]:
        err = trace.get("error") or {}
        return "status %s, expected %s%s" % (status, exp["status"],
                                             (": " + str(err.get("message"))) if isinstance(err, dict) and err else "")
    text = error_text(trace, stderr).lower()
    needles = list(exp.get("error_contains_all") or [])
    if exp.get("error_contains"):
        needles.append(exp["error_contains"])
    for n in needles:
        if n.lower() not in text:
            return "error %r does not mention %r" % (error_text(trace, stderr).strip()[:200], n)
    if "completed" in exp:
        got = [e.get("element") for e in trace.get("events") or [] if e.get("event") == "activityCompleted"]
        if exp.get("completed_order") == "set":
            if collections.Counter(got) != collections.Counter(exp["completed"]):
                return "completed %s, expected (any order) %s" % (got, exp["completed"])
        elif got != exp["completed"]:
            return "completed %s, expected %s" % (got, exp["completed"])
    if "variables" in exp:
        r = check_variables(exp["variables"], trace.get("variables"), False, trace)
        if r:
            return r
    if "active" in exp and collections.Counter(trace.get("active") or []) != collections.Counter(exp["active"]):
        return "active %s, expected %s" % (trace.get("active"), exp["active"])
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bpmnrun", required=True)
    ap.add_argument("--samples", default=os.path.join(PROJECT_ROOT, "bpmn-samples"))
    ap.add_argument("--only", help="only diagrams whose file name starts with this")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--strict", action="store_true")
    ap.add_argument("--timeout", type=float, default=60)
    args = ap.parse_args()
    if not (os.path.isfile(args.bpmnrun) and os.access(args.bpmnrun, os.X_OK)):
        print("bpmnrun binary not found or not executable: %s" % args.bpmnrun, file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="bpmnrun-samples-")
    runner = Runner(os.path.abspath(args.bpmnrun), work, args.timeout, args.verbose)
    total = collections.Counter()
    for answers_path in sorted(glob.glob(os.path.join(args.samples, "*.answers.json"))):
        base = os.path.basename(answers_path)[:-len(".answers.json")]
        name = base.split(".")[0]
        if args.only and not base.startswith(args.only):
            continue
        bpmn = os.path.join(args.samples, name + ".bpmn")
        exp_path = os.path.join(args.samples, base + ".expected.json")
        if not (os.path.exists(bpmn) and os.path.exists(exp_path)):
            print("SKIP  %s  no %s" % (base, "diagram" if not os.path.exists(bpmn) else "expected.json"))
            total["SKIP"] += 1
            continue
        with open(answers_path) as fh:
            answers = json.load(fh)
        with open(exp_path) as fh:
            exp = json.load(fh)
        code, out, err, trace = runner.run([bpmn], answers)
        if trace is None:
            if exp.get("status") == "failed" and code not in (0, None):
                trace = {"status": "failed", "error": None}
            else:
                print("FAIL  %s  no trace (exit %s): %s" % (base, code, err.strip()[:200]))
                total["FAIL"] += 1
                continue
        r = compare(exp, trace, err)
        print(("FAIL  %s  %s" % (base, r)) if r else ("PASS  %s" % base))
        total["FAIL" if r else "PASS"] += 1
    shutil.rmtree(work, ignore_errors=True)
    print("%d passed, %d failed, %d skipped" % (total["PASS"], total["FAIL"], total["SKIP"]))
    return 1 if (args.strict and total["FAIL"]) else 0


if __name__ == "__main__":
    sys.exit(main())
