#!/usr/bin/env python3
"""Validate every sample's JSON trace against docs/trace.schema.json with Python's `jsonschema`.

The Swift tests (SampleRunTests) do the same with bpmnrun's own small validator; this is the
second opinion of a complete JSON Schema 2020-12 implementation, which also checks the schema
itself against the meta-schema. It also refuses a trace with a key twice in one object.

    python3 Tests/trace-tools/check_trace_schema.py --bpmnrun .build/debug/bpmnrun

Skipped (exit 0, saying so) when `jsonschema` is not installed (`pip install jsonschema`).
Last line: `N passed, N failed`; exit 1 when any trace fails.
"""
import argparse, os, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sample_traces import PROJECT_ROOT, load_json_rejecting_duplicate_keys, run_sample, sample_runs  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bpmnrun", default=os.path.join(PROJECT_ROOT, ".build/debug/bpmnrun"))
    options = parser.parse_args()
    try:
        import jsonschema
    except ImportError:
        print("check_trace_schema: skipped: the Python package jsonschema is not installed (pip install jsonschema)")
        return 0
    schema = load_json_rejecting_duplicate_keys(os.path.join(PROJECT_ROOT, "docs", "trace.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="bpmnrun-schema-") as folder:
        for name, diagram, answers in sample_runs():
            trace_path = os.path.join(folder, name + ".json")
            run_sample(options.bpmnrun, diagram, answers, trace_path)
            try:
                trace = load_json_rejecting_duplicate_keys(trace_path)
                errors = sorted(validator.iter_errors(trace), key=lambda e: list(e.absolute_path))
            except ValueError as e:
                errors = [e]
            if errors:
                failed += 1
                for e in errors[:5]:
                    where = "/".join(str(p) for p in getattr(e, "absolute_path", []))
                    print("FAIL %s: /%s: %s" % (name, where, getattr(e, "message", e)))
            else:
                passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
