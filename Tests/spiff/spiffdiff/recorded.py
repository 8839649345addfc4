"""bpmn-samples/spiff/*.expected.json: the oracle's outcome in the bpmn-samples expected format
(bpmn-samples/README.md), so Tests/conformance/run_samples.py and the Swift sample tests check
bpmnrun against what SpiffWorkflow did without needing SpiffWorkflow."""
import json
import os

from .compare import Difference, same_value

NOTE = "recorded from SpiffWorkflow 3.2.0 (Tests/spiff/differential.py --record)"


def expected_from_oracle(spiff):
    out = {"status": spiff.status, "completed": spiff.completed, "variables": spiff.variables,
           "active": spiff.waiting if spiff.status == "waiting" else []}
    if spiff.status == "failed" and spiff.raw and spiff.raw.get("error_detail", {}).get("class"):
        out["error_contains"] = spiff.raw["error_detail"]["class"]
    out["note"] = NOTE
    return out


def recorded_differences(path, spiff):
    """The checked-in expectation must still be what the oracle does."""
    if not os.path.exists(path):
        return [Difference("recorded", "no %s (run with --record to write it from the oracle)" % os.path.basename(path))]
    with open(path) as fh:
        exp = json.load(fh)
    now = expected_from_oracle(spiff)
    bad = [k for k in ("status", "completed", "variables", "active") if not same_value(exp.get(k), now.get(k))]
    if bad:
        return [Difference("recorded", "%s no longer matches the oracle in %s" % (os.path.basename(path), ", ".join(bad)))]
    return []
