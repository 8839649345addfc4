"""Answers in the two formats: bpmnrun's {"process", "variables", "steps"} and the oracle's own
{"variables", "tasks": [{"task", "values"}]} (spiff_oracle.py reads both)."""


def oracle_step_to_bpmnrun(step):
    """One oracle step (or an oracle auto-step) in bpmnrun's vocabulary."""
    if "task" in step:
        return {"complete": step["task"], "variables": step.get("values") or {}}
    if "message" in step or "signal" in step:
        kind = "message" if "message" in step else "signal"
        out = {kind: step[kind]}
        payload = step.get("payload", step.get("variables"))
        if kind == "message" and (step.get("result_var") or not isinstance(payload, (dict, type(None)))):
            # A SpiffWorkflow message carries one value of any type, stored under the sender's result_var.
            out["payload"] = payload
            if step.get("result_var"):
                out["resultVariable"] = step["result_var"]
        elif isinstance(payload, dict):
            out["variables"] = payload
        return out
    if "timer" in step:
        # bpmnrun fires "the timer due soonest"; the oracle names the event. Keep the name for
        # the way back (bpmnrun ignores keys that start with "_").
        return {"timer": "next", "_oracle_timer": step["timer"]}
    return dict(step)


def to_bpmnrun(answers, extra_oracle_steps=()):
    """bpmnrun answers from either format, followed by steps the oracle synthesised itself
    (--auto-answer, --fire-timers), so both engines see the same inputs."""
    answers = answers or {}
    out = {}
    if answers.get("process"):
        out["process"] = answers["process"]
    out["variables"] = dict(answers.get("variables") or {})
    if "steps" in answers:
        steps = [dict(s) for s in answers["steps"]]
    else:
        steps = [oracle_step_to_bpmnrun(s) for s in answers.get("tasks") or []]
    steps += [oracle_step_to_bpmnrun(s) for s in extra_oracle_steps]
    out["steps"] = steps
    return out


def to_oracle(answers):
    """The oracle reads bpmnrun's format except for timers: {"timer": "next"} becomes the event
    id written beside it as "_oracle_timer" (SpiffWorkflow timers run on the real clock, so the
    oracle fires a named one)."""
    answers = answers or {}
    if "steps" not in answers:
        return answers
    steps = []
    for s in answers["steps"]:
        if s.get("timer") == "next" and s.get("_oracle_timer"):
            steps.append({"timer": s["_oracle_timer"]})
        else:
            steps.append(s)
    return dict(answers, steps=steps)
