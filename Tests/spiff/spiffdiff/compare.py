"""Where two outcomes disagree: a list of Difference(check, text), empty when they agree.

checks: status, completed (order of completed BPMN elements), variable:<name> (final data),
waiting (ids still waiting when the run stopped), error-element (the element a failure names)."""
import datetime
import re


class Difference:
    def __init__(self, check, text):
        self.check = check
        self.text = text


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")


def _instant(text):
    """An ISO date or date-time as an aware datetime (naive = UTC, as bpmnrun reads it)."""
    try:
        d = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return d if d.tzinfo else d.replace(tzinfo=datetime.timezone.utc)


def same_value(a, b):
    """JSON values equal as data: numbers numerically (but a boolean is not a number), ISO dates
    as instants (SpiffWorkflow writes isoformat(), bpmnrun UTC with Z)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, str) and isinstance(b, str):
        if a == b:
            return True
        if _ISO.match(a) and _ISO.match(b):
            ia, ib = _instant(a), _instant(b)
            return ia is not None and ia == ib
        return False
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    return a == b


def _short(value, limit=120):
    import json
    text = json.dumps(value, sort_keys=True)
    return text if len(text) <= limit else text[:limit] + "..."


def _first_divergence(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return min(len(a), len(b))


def differences(bpmnrun, spiff):
    out = []
    if bpmnrun.status != spiff.status:
        out.append(Difference("status", "status: bpmnrun %s, SpiffWorkflow %s%s%s" % (
            bpmnrun.status, spiff.status,
            ("\n      bpmnrun error: " + str(bpmnrun.error)[:400]) if bpmnrun.error else "",
            ("\n      SpiffWorkflow error: " + str(spiff.error)[:400]) if spiff.error else "")))
    if "error" in (bpmnrun.status, spiff.status):
        return out
    if bpmnrun.status == spiff.status == "invalid":
        # Both refuse the diagram; bpmnrun must name the element SpiffWorkflow stops at.
        if spiff.error_element and spiff.error_element not in (bpmnrun.error or ""):
            out.append(Difference("error-element", "SpiffWorkflow refuses the diagram at %s; bpmnrun's message does not name it:\n      %s"
                                  % (spiff.error_element, (bpmnrun.error or "")[:400])))
        return out
    if bpmnrun.completed != spiff.completed:
        i = _first_divergence(bpmnrun.completed, spiff.completed)
        out.append(Difference("completed", "completed elements differ at #%d (bpmnrun %s, SpiffWorkflow %s)\n"
                              "      bpmnrun:       %s\n      SpiffWorkflow: %s" % (
                                  i + 1, bpmnrun.completed[i] if i < len(bpmnrun.completed) else "(end)",
                                  spiff.completed[i] if i < len(spiff.completed) else "(end)",
                                  " ".join(bpmnrun.completed), " ".join(spiff.completed))))
    for name in sorted(set(bpmnrun.variables) | set(spiff.variables)):
        if name not in spiff.variables:
            out.append(Difference("variable:" + name, "variable %s: bpmnrun %s, SpiffWorkflow has none" % (name, _short(bpmnrun.variables[name]))))
        elif name not in bpmnrun.variables:
            out.append(Difference("variable:" + name, "variable %s: SpiffWorkflow %s, bpmnrun has none" % (name, _short(spiff.variables[name]))))
        elif not same_value(bpmnrun.variables[name], spiff.variables[name]):
            out.append(Difference("variable:" + name, "variable %s: bpmnrun %s, SpiffWorkflow %s" % (
                name, _short(bpmnrun.variables[name]), _short(spiff.variables[name]))))
    if bpmnrun.status == "waiting" and bpmnrun.waiting != spiff.waiting:
        out.append(Difference("waiting", "waiting: bpmnrun %s, SpiffWorkflow %s" % (bpmnrun.waiting, spiff.waiting)))
    if bpmnrun.status == "failed" and spiff.error_element and bpmnrun.error_element != spiff.error_element:
        out.append(Difference("error-element", "failed at: bpmnrun %s, SpiffWorkflow %s" % (bpmnrun.error_element, spiff.error_element)))
    return out
