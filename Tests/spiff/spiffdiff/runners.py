"""Run one case through the oracle (spiff_oracle.py in a Python with SpiffWorkflow) and bpmnrun."""
import json
import os
import subprocess

from . import answers as answers_mod
from .outcome import from_bpmnrun, from_oracle


def _write_json(path, value):
    with open(path, "w") as fh:
        json.dump(value, fh, indent=1)
    return path


def run_oracle(case, python, oracle, work, timeout):
    ans = _write_json(os.path.join(work, case.slug + ".oracle-answers.json"), answers_mod.to_oracle(case.answers))
    cmd = [python, oracle] + case.files
    if case.dmn:
        cmd += ["--dmn"] + case.dmn
    if case.process:
        cmd += ["--process", case.process]
    cmd += case.oracle_flags + ["--answers", ans]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return from_oracle(None, None)
    try:
        doc = json.loads(p.stdout)
    except ValueError:
        doc = None
    return from_oracle(p.returncode, doc)


def run_bpmnrun(case, binary, oracle_outcome, work, timeout, dialect):
    """bpmnrun with the case's answers plus the steps the oracle synthesised, unattended."""
    ans = answers_mod.to_bpmnrun(case.answers, oracle_outcome.extra_steps if oracle_outcome else ())
    ans_path = _write_json(os.path.join(work, case.slug + ".bpmnrun-answers.json"), ans)
    trace_path = os.path.join(work, case.slug + ".trace.json")
    if os.path.exists(trace_path):
        os.unlink(trace_path)
    cmd = [binary, "run", case.files[0], "--answers", ans_path, "--non-interactive", "--trace", trace_path,
           "--service-tasks", "skip", "--quiet"]
    if dialect:
        cmd += ["--dialect", dialect]
    # Without a process named, the oracle picks the first top-level executable process; run the same one.
    process = case.process or (oracle_outcome.raw or {}).get("process") if oracle_outcome else case.process
    if process:
        cmd += ["--process", process]
    for lib in case.files[1:]:
        cmd += ["--lib", lib]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        from .outcome import Outcome
        return Outcome("error", error="bpmnrun timed out after %s s" % timeout)
    trace = None
    if os.path.exists(trace_path):
        try:
            with open(trace_path) as fh:
                trace = json.load(fh)
        except ValueError:
            trace = None
    out = from_bpmnrun(p.returncode, trace, p.stderr)
    out.command = cmd
    return out
