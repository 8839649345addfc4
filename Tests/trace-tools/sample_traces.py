"""Runs every bpmn-samples/ answers file through bpmnrun with --trace (and --xes) into a folder.

Shared by check_trace_schema.py and check_xes_pm4py.py (Python 3 standard library only).
"""
import glob, json, os, subprocess

PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLES = os.path.join(PROJECT_ROOT, "bpmn-samples")


def sample_runs():
    """(name, diagram, answers) for every NAME[.VARIANT].answers.json, sorted by name."""
    runs = []
    for answers in sorted(glob.glob(os.path.join(SAMPLES, "*.answers.json"))):
        name = os.path.basename(answers)[: -len(".answers.json")]
        diagram = os.path.join(SAMPLES, name.split(".", 1)[0] + ".bpmn")
        runs.append((name, diagram, answers))
    return runs


def run_sample(bpmnrun, diagram, answers, trace, xes=None):
    """Runs one sample unattended; returns the exit code. Exit codes 0-3 are outcomes, not errors."""
    args = [bpmnrun, "run", os.path.relpath(diagram, PROJECT_ROOT), "--answers", answers,
            "--non-interactive", "--quiet", "--trace", trace]
    if xes:
        args += ["--xes", xes]
    done = subprocess.run(args, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
    if done.returncode not in (0, 1, 2, 3):
        raise RuntimeError("%s exited %d: %s" % (" ".join(args), done.returncode, done.stderr.decode(errors="replace")))
    return done.returncode


def load_json_rejecting_duplicate_keys(path):
    """json.load, but a key twice in one object is an error (plain json.load keeps the last)."""
    def pairs(items):
        seen = {}
        for key, value in items:
            if key in seen:
                raise ValueError("duplicate key %r in %s" % (key, path))
            seen[key] = value
        return seen
    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=pairs)


def activity_events(trace):
    """The JSON trace's events that become XES events, as (element, lifecycle transition, seq)."""
    transitions = {"activityStarted": "start", "activityCompleted": "complete", "activityTerminated": "ate_abort"}
    return [(e["element"], transitions[e["event"]], e["seq"]) for e in trace["events"]
            if e["event"] in transitions and e.get("element") is not None]
