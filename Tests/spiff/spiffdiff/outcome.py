"""What one engine did, in a shape both engines share."""


class Outcome:
    """status: completed | waiting | failed | invalid (refused before running) | error (the
    harness could not get a result: no trace, the oracle rejected the answers, ...)."""

    def __init__(self, status, completed=(), variables=None, waiting=(), error=None, error_element=None,
                 extra_steps=(), raw=None):
        self.status = status
        self.completed = list(completed)
        self.variables = dict(variables or {})
        self.waiting = sorted(waiting)
        self.error = error
        self.error_element = error_element
        self.extra_steps = list(extra_steps)  # the oracle's synthesised steps (auto answers, timers)
        self.raw = raw


def from_oracle(code, doc):
    """spiff_oracle.py's JSON and exit code (0 ok, 2 bad answers, 3 SpiffWorkflow error, 4 step limit)."""
    if doc is None:
        return Outcome("error", error="the oracle printed no JSON (exit %s)" % code)
    completed = []
    for entry in doc.get("completed") or []:
        if entry.get("loop") == "body":
            # bpmnrun names a standard loop's body apart from a multi-instance body (docs/trace-format.md).
            suffix = "#loopBody" if entry.get("spiff") == "StandardLoopTask" else "#multiInstanceBody"
            completed.append(entry["id"] + suffix)
        else:
            completed.append(entry["id"])
    detail = doc.get("error_detail") or {}
    if code == 2:
        status = "error"
    elif code == 3 and detail.get("class") == "ValidationException":  # refused while parsing
        status = "invalid"
    elif code in (3, 4):
        status = "failed"
    elif doc.get("ended"):
        status = "completed"
    else:
        status = "waiting"
    return Outcome(status, completed, doc.get("variables"), doc.get("waiting") or [], doc.get("error"),
                   detail.get("element"), doc.get("auto_steps") or [], doc)


def from_bpmnrun(code, trace, stderr):
    """bpmnrun's trace and exit code (0 completed/terminated, 1 failed, 2 refused, 3 waiting)."""
    if trace is None:
        if code == 2:
            return Outcome("invalid", error=stderr.strip())
        return Outcome("error", error="no trace (exit %s): %s" % (code, stderr.strip()[:500]))
    completed = [e.get("element") for e in trace.get("events") or [] if e.get("event") == "activityCompleted"]
    status = {"completed": "completed", "terminated": "completed", "waiting": "waiting",
              "failed": "failed", "interrupted": "error"}.get(trace.get("status"), "error")
    err = trace.get("error") or {}
    message = err.get("message") if isinstance(err, dict) else None
    if status == "failed" and not message:
        message = stderr.strip()
    return Outcome(status, completed, trace.get("variables"), trace.get("active") or [], message,
                   err.get("element") if isinstance(err, dict) else None, raw=trace)
