#!/usr/bin/env python3
"""Differential test: bpmnrun against SpiffWorkflow 3.2.0 on the same diagrams and answers.

Each case runs through ../shared/tools/spiff/spiff_oracle.py (SpiffWorkflow's Camunda parser) and
through `bpmnrun run FILE --answers A --non-interactive --trace T --service-tasks skip --dialect spiff`
(the oracle completes service tasks too), then compares the status, the order of completed BPMN
elements, the final variables, what still waits, and the element a failure names. Steps the oracle
synthesises (--auto-answer, --fire-timers) are given to bpmnrun as answers, so both see the same
input. Deliberate differences are listed in differential-allowed.json, each citing the section of
docs/dialects.md that explains it.

Cases (groups):
  book         ../shared/corpus/spiff-book/*.bpmn with ../shared/tools/spiff/cases/*.json
  spiff-tests  SpiffWorkflow's own test diagrams listed in ../shared/tools/spiff/spiff-tests-candidates.json;
               needs --spiff-tests DIR (or $SPIFF_TESTS_DIR): an export of sartography/SpiffWorkflow
               (at least its tests/ folder, `git archive <commit> tests | tar -x -C DIR`), kept
               outside the project; skipped, saying so, without it
  samples      bpmn-samples/spiff/NAME[.VARIANT].answers.json; their NAME[.VARIANT].expected.json are
               the oracle's outcome (`--record` writes them), and are checked against the oracle too

    python3 Tests/spiff/differential.py --bpmnrun .build/debug/bpmnrun [--spiff-python PY]
        [--spiff-tests DIR] [--groups book,spiff-tests,samples] [--only GLOB] [--dialect spiff|auto]
        [--json REPORT] [--record] [-v]

The Python with SpiffWorkflow is --spiff-python, else $SPIFF_PYTHON, else
../shared/tools/spiff/.venv/bin/python (made by ../shared/tools/spiff/setup.sh).
Prints one line per case (PASS / FAIL / ALLOWED / SKIP) with a diff under each failure, then
`N passed, N failed, N skipped`. Exit 0 only when every case agrees (allowed differences count as
agreeing), 1 on a disagreement, 2 when bpmnrun, the oracle or its Python is missing.
"""
import argparse
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from spiffdiff import cases as cases_mod  # noqa: E402
from spiffdiff.allowed import AllowList  # noqa: E402
from spiffdiff.compare import differences  # noqa: E402
from spiffdiff.recorded import expected_from_oracle, recorded_differences  # noqa: E402
from spiffdiff.runners import run_bpmnrun, run_oracle  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
GROUPS = ("book", "spiff-tests", "samples")


def spiff_python(arg):
    for candidate in (arg, os.environ.get("SPIFF_PYTHON"), os.path.join(SHARED, "tools", "spiff", ".venv", "bin", "python")):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            r = subprocess.run([candidate, "-c", "import SpiffWorkflow"], capture_output=True)
            if r.returncode == 0:
                return candidate
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bpmnrun", default=os.path.join(ROOT, ".build", "debug", "bpmnrun"))
    ap.add_argument("--spiff-python")
    ap.add_argument("--spiff-tests", default=os.environ.get("SPIFF_TESTS_DIR"))
    ap.add_argument("--groups", default=",".join(GROUPS))
    ap.add_argument("--only", help="only cases whose group/name matches this glob")
    ap.add_argument("--dialect", default="spiff", help="passed to bpmnrun as --dialect ('' passes none)")
    ap.add_argument("--allowed", default=os.path.join(HERE, "differential-allowed.json"))
    ap.add_argument("--samples", default=os.path.join(ROOT, "bpmn-samples", "spiff"))
    ap.add_argument("--record", action="store_true", help="write the samples' expected.json from the oracle, then compare")
    ap.add_argument("--json", help="write a JSON report here")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()

    oracle = os.path.join(SHARED, "tools", "spiff", "spiff_oracle.py")
    if not os.path.isfile(oracle):
        print("differential: %s is absent (../shared is needed)" % oracle, file=sys.stderr)
        return 2
    python = spiff_python(args.spiff_python)
    if python is None:
        print("differential: no Python with SpiffWorkflow (--spiff-python, $SPIFF_PYTHON, or run ../shared/tools/spiff/setup.sh)", file=sys.stderr)
        return 2
    if not (os.path.isfile(args.bpmnrun) and os.access(args.bpmnrun, os.X_OK)):
        print("differential: bpmnrun binary not found at %s (swift build --product bpmnrun)" % args.bpmnrun, file=sys.stderr)
        return 2
    allow = AllowList.load(args.allowed, os.path.join(ROOT, "docs", "dialects.md"))

    groups = [g.strip() for g in args.groups.split(",") if g.strip()]
    selected, skipped = [], []
    if "book" in groups:
        selected += cases_mod.book_cases(SHARED)
    if "spiff-tests" in groups:
        if args.spiff_tests and os.path.isdir(os.path.join(args.spiff_tests, "tests", "SpiffWorkflow")):
            selected += cases_mod.spiff_test_cases(SHARED, args.spiff_tests)
        else:
            skipped.append(("spiff-tests/*", "no export of SpiffWorkflow's tests/ (--spiff-tests DIR or $SPIFF_TESTS_DIR; "
                                              "see ../shared/tools/spiff/spiff-tests-inventory.md)"))
    if "samples" in groups:
        selected += cases_mod.sample_cases(args.samples)
    if args.only:
        selected = [c for c in selected if fnmatch.fnmatchcase(c.id, args.only)]

    work = tempfile.mkdtemp(prefix="bpmnrun-differential-")
    counts = {"PASS": 0, "FAIL": 0, "SKIP": len(skipped)}
    report = []
    for pattern, why in skipped:
        print("SKIP     %s  %s" % (pattern, why))
    for case in selected:
        spiff = run_oracle(case, python, oracle, work, args.timeout)
        mine = run_bpmnrun(case, os.path.abspath(args.bpmnrun), spiff, work, args.timeout, args.dialect)
        diffs = differences(mine, spiff)
        if case.group == "samples":
            exp_path = os.path.join(args.samples, case.name + ".expected.json")
            if args.record and spiff.status != "error":
                with open(exp_path, "w") as fh:
                    json.dump(expected_from_oracle(spiff), fh, indent=2)
                    fh.write("\n")
            diffs += recorded_differences(exp_path, spiff)
        unexplained, allowed = [], []
        for d in diffs:
            entry = allow.match(case.id, d.check)
            (allowed if entry else unexplained).append((d, entry))
        verdict = "FAIL" if unexplained else ("ALLOWED" if allowed else "PASS")
        counts["FAIL" if unexplained else "PASS"] += 1
        print("%-8s %s" % (verdict, case.id))
        for d, _ in unexplained:
            print("    " + d.text)
        for d, entry in allowed:
            if args.verbose:
                print("    (allowed, docs/dialects.md \u00a7 %s) %s" % (entry["section"], d.text))
        if args.verbose and unexplained:
            print("    bpmnrun: %s" % " ".join(getattr(mine, "command", [])))
        report.append({"case": case.id, "verdict": verdict,
                       "differences": [{"check": d.check, "text": d.text, "allowed": bool(e)} for d, e in unexplained + allowed],
                       "bpmnrun_status": mine.status, "spiff_status": spiff.status})
    shutil.rmtree(work, ignore_errors=True)
    for p in allow.problems:
        print("ALLOW-LIST  " + p)
        counts["FAIL"] += 1
    if selected and not args.only:
        for e in allow.unused():
            print("ALLOW-LIST  unused entry %s / %s (no such difference any more?)" % (e.get("case"), e.get("check")))
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"cases": report, "counts": counts}, fh, indent=1)
    print("%d passed, %d failed, %d skipped" % (counts["PASS"], counts["FAIL"], counts["SKIP"]))
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
