#!/usr/bin/env python3
"""Static checks for bpmn-samples/ (Python 3 standard library only).

For every NAME.bpmn: one executable process, Camunda Modeler 5.x / Camunda 7 header attributes,
a BPMNShape for every flow node and a BPMNEdge (>= 2 waypoints) for every sequence flow and
association, no overlapping shapes (a boundary event sits on the border of its host, a node of a
sub-process lies inside it), no edge crossing an unrelated shape, <incoming>/<outgoing>
consistent with the flows, every default flow among the gateway's outgoing flows. Optionally XSD
validation with xmllint (--xsd PATH, skipped when xmllint is missing).

For every NAME[.VARIANT].answers.json: `complete` and `error` steps name waiting tasks of the
diagram or of a diagram it calls (callActivity calledElement found in the same folder); `message`
and `signal` steps name a bpmn:message / bpmn:signal declared there; `timer` is "next"; `advance`
is an ISO 8601 duration; `set` is an object. Submitted values fit the task's camunda:formData
(JSON type per field type, enum ids, dd/MM/yyyy dates, required/minlength/maxlength/min/max/
readonly) -- unless the matching expected.json says the run must fail (status "failed", an
`error_contains`, or a non-zero `exit_code`). For every expected.json: the ids in "completed"
exist. An answers file without its expected.json is listed as pending (not a problem): its
expected path is then documented in bpmn-samples/README.md.

    python3 Tests/conformance/check_samples.py [--samples DIR] [--xsd PATH]
Exit 1 when a problem is found.
"""
import argparse, datetime, glob, json, os, re, shutil, subprocess, sys
import xml.etree.ElementTree as ET

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
DI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DDI = "http://www.omg.org/spec/DD/20100524/DI"
CAM = "http://camunda.org/schema/1.0/bpmn"
MOD = "http://camunda.org/schema/modeler/1.0"
FLOW_NODES = {"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
              "task", "userTask", "manualTask", "scriptTask", "serviceTask", "sendTask", "receiveTask",
              "businessRuleTask", "callActivity", "subProcess", "exclusiveGateway", "parallelGateway",
              "inclusiveGateway", "eventBasedGateway", "complexGateway"}
WAITING_KINDS = {"userTask", "serviceTask", "sendTask", "businessRuleTask", "receiveTask"}

def local(tag): return tag.split("}", 1)[1] if "}" in tag else tag

class Model:
    def __init__(self, path):
        self.path = path
        self.root = ET.parse(path).getroot()
        self.processes = [p for p in self.root.iter(f"{{{BPMN}}}process")]
        self.nodes, self.flows, self.associations = {}, {}, {}
        self.container = {}  # flow node id -> id of the sub-process it sits in (None at process level)
        def walk(el, container):
            for ch in el:
                kind = local(ch.tag)
                if kind in FLOW_NODES and ch.tag.startswith(f"{{{BPMN}}}"):
                    self.nodes[ch.get("id")] = ch
                    self.container[ch.get("id")] = container
                    if kind == "subProcess": walk(ch, ch.get("id"))
                elif kind == "sequenceFlow": self.flows[ch.get("id")] = ch
                elif kind == "association": self.associations[ch.get("id")] = ch
        for p in self.processes: walk(p, None)
        self.messages = {m.get("name") for m in self.root.iter(f"{{{BPMN}}}message")}
        self.signals = {m.get("name") for m in self.root.iter(f"{{{BPMN}}}signal")}
        self.called = {el.get("calledElement") for el in self.nodes.values() if local(el.tag) == "callActivity"}
        self.shapes, self.edges = {}, {}
        for s in self.root.iter(f"{{{DI}}}BPMNShape"):
            b = s.find(f"{{{DC}}}Bounds")
            self.shapes[s.get("bpmnElement")] = tuple(float(b.get(k)) for k in ("x", "y", "width", "height"))
        for e in self.root.iter(f"{{{DI}}}BPMNEdge"):
            self.edges[e.get("bpmnElement")] = [(float(w.get("x")), float(w.get("y"))) for w in e.findall(f"{{{DDI}}}waypoint")]

    def ancestors(self, nid):
        out, c = [], self.container.get(nid)
        while c is not None:
            out.append(c)
            c = self.container.get(c)
        return out

    def host(self, nid):
        el = self.nodes.get(nid)
        return el.get("attachedToRef") if el is not None and local(el.tag) == "boundaryEvent" else None

    def related(self, nid):
        """Shapes an edge from or to nid may touch: the node, its enclosing sub-processes, its host."""
        out = {nid, *self.ancestors(nid)}
        if self.host(nid): out |= {self.host(nid), *self.ancestors(self.host(nid))}
        return out

    def form_fields(self, node_id):
        el = self.nodes.get(node_id)
        if el is None: return None
        fd = el.find(f"{{{BPMN}}}extensionElements/{{{CAM}}}formData")
        if fd is None: return None
        fields = {}
        for f in fd.findall(f"{{{CAM}}}formField"):
            cons = {c.get("name"): c.get("config") for c in f.findall(f"{{{CAM}}}validation/{{{CAM}}}constraint")}
            fields[f.get("id")] = {"type": f.get("type"), "default": f.get("defaultValue"), "constraints": cons,
                                   "values": [v.get("id") for v in f.findall(f"{{{CAM}}}value")]}
        return fields

def seg_hits_rect(p, q, r, margin=1.0):
    (x1, y1), (x2, y2) = p, q
    x, y, w, h = r
    x, y, w, h = x + margin, y + margin, w - 2 * margin, h - 2 * margin
    if x1 == x2:
        lo, hi = sorted((y1, y2))
        return x < x1 < x + w and lo < y + h and hi > y
    if y1 == y2:
        lo, hi = sorted((x1, x2))
        return y < y1 < y + h and lo < x + w and hi > x
    return False  # diagonal segments are not produced by our layouts

def overlap(a, b):
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]

def inside(a, b):
    return a[0] >= b[0] and a[1] >= b[1] and a[0] + a[2] <= b[0] + b[2] and a[1] + a[3] <= b[1] + b[3]

def on_border(ev, host):
    cx, cy = ev[0] + ev[2] / 2, ev[1] + ev[3] / 2
    x, y, w, h = host
    on_x = x - 1 <= cx <= x + w + 1
    on_y = y - 1 <= cy <= y + h + 1
    return (on_x and (abs(cy - y) <= 1 or abs(cy - y - h) <= 1)) or (on_y and (abs(cx - x) <= 1 or abs(cx - x - w) <= 1))

def check_model(m, problems):
    r = m.root
    want = {"exporter": "Camunda Modeler", f"{{{MOD}}}executionPlatform": "Camunda Platform",
            f"{{{MOD}}}executionPlatformVersion": "7.20.0"}
    for k, v in want.items():
        if r.get(k) != v: problems.append(f"definitions {local(k)} is {r.get(k)!r}, want {v!r}")
    if len(m.processes) != 1: problems.append(f"{len(m.processes)} processes")
    for p in m.processes:
        if p.get("isExecutable") != "true": problems.append("process not executable")
        if p.get(f"{{{CAM}}}historyTimeToLive") is None: problems.append("no camunda:historyTimeToLive")
    for nid, el in m.nodes.items():
        if nid not in m.shapes: problems.append(f"no shape for {nid}")
        inc = [e.text for e in el.findall(f"{{{BPMN}}}incoming")]
        out = [e.text for e in el.findall(f"{{{BPMN}}}outgoing")]
        real_in = [f for f, fe in m.flows.items() if fe.get("targetRef") == nid]
        real_out = [f for f, fe in m.flows.items() if fe.get("sourceRef") == nid]
        if sorted(inc) != sorted(real_in): problems.append(f"{nid}: <incoming> {inc} != flows {real_in}")
        if sorted(out) != sorted(real_out): problems.append(f"{nid}: <outgoing> {out} != flows {real_out}")
        d = el.get("default")
        if d and d not in real_out: problems.append(f"{nid}: default {d} is not an outgoing flow")
        if d and m.flows[d].find(f"{{{BPMN}}}conditionExpression") is not None:
            problems.append(f"{nid}: default flow {d} has a condition")
    for fid, fe in list(m.flows.items()) + list(m.associations.items()):
        wps = m.edges.get(fid)
        if not wps or len(wps) < 2: problems.append(f"no edge for {fid}"); continue
        allowed = m.related(fe.get("sourceRef")) | m.related(fe.get("targetRef"))
        for a, b in zip(wps, wps[1:]):
            for nid, rect in m.shapes.items():
                if nid in allowed: continue
                if seg_hits_rect(a, b, rect): problems.append(f"edge {fid} crosses shape {nid}")
    ids = list(m.shapes)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if a in m.ancestors(b) or b in m.ancestors(a): continue
            if m.host(a) == b or m.host(b) == a: continue
            if overlap(m.shapes[a], m.shapes[b]): problems.append(f"shapes {a} and {b} overlap")
    for nid in m.nodes:
        c = m.container.get(nid)
        if c and nid in m.shapes and c in m.shapes and not inside(m.shapes[nid], m.shapes[c]):
            problems.append(f"shape {nid} is not inside its sub-process {c}")
        h = m.host(nid)
        if h and nid in m.shapes and h in m.shapes and not on_border(m.shapes[nid], m.shapes[h]):
            problems.append(f"boundary event {nid} is not on the border of {h}")
    for k in m.shapes:
        if k not in m.nodes: problems.append(f"shape for unknown element {k}")
    for k in m.edges:
        if k not in m.flows and k not in m.associations: problems.append(f"edge for unknown flow {k}")

def check_value(task, fid, spec, value, problems):
    t, cons = spec["type"], spec["constraints"]
    where = f"{task}.{fid}"
    if "readonly" in cons: problems.append(f"{where}: readonly field submitted"); return
    if value is None or value == "":
        if "required" in cons: problems.append(f"{where}: required but empty")
        return
    if t == "long":
        if not isinstance(value, int) or isinstance(value, bool): problems.append(f"{where}: long field needs an integer, got {value!r}"); return
        if "min" in cons and value < float(cons["min"]): problems.append(f"{where}: {value} < min {cons['min']}")
        if "max" in cons and value > float(cons["max"]): problems.append(f"{where}: {value} > max {cons['max']}")
    elif t == "boolean":
        if not isinstance(value, bool): problems.append(f"{where}: boolean field needs true/false, got {value!r}")
    elif t == "date":
        try: datetime.datetime.strptime(value, "%d/%m/%Y")
        except (TypeError, ValueError): problems.append(f"{where}: date must be dd/MM/yyyy, got {value!r}")
    elif t == "enum":
        if value not in spec["values"]: problems.append(f"{where}: {value!r} not one of {spec['values']}")
    elif t == "string":
        if not isinstance(value, str): problems.append(f"{where}: string field got {value!r}"); return
        if "minlength" in cons and len(value) < int(cons["minlength"]): problems.append(f"{where}: shorter than minlength {cons['minlength']}")
        if "maxlength" in cons and len(value) > int(cons["maxlength"]): problems.append(f"{where}: longer than maxlength {cons['maxlength']}")

def reachable_models(m, by_process):
    """m and every model it calls (transitively) through callActivity calledElement."""
    seen, todo = [m], [m]
    while todo:
        for key in todo.pop().called:
            other = by_process.get(key)
            if other is not None and other not in seen:
                seen.append(other); todo.append(other)
    return seen

DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")
STEP_KINDS = ("complete", "message", "signal", "timer", "advance", "error", "set")

def check_answers(m, answers, expect_fail, problems, by_process=None):
    pid = answers.get("process")
    if pid and pid not in [p.get("id") for p in m.processes]: problems.append(f"answers process {pid!r} not in diagram")
    models = reachable_models(m, by_process or {})
    for key in m.called:
        if key not in [p.get("id") for mm in models for p in mm.processes]:
            problems.append(f"called process {key!r} not found in the samples folder")
    local_problems = []
    for i, s in enumerate(answers.get("steps", [])):
        kinds = [k for k in STEP_KINDS if k in s]
        if len(kinds) != 1: problems.append(f"step {i + 1}: needs exactly one of {', '.join(STEP_KINDS)}"); continue
        kind = kinds[0]
        if kind in ("message", "signal"):
            declared = set().union(*[mm.messages if kind == "message" else mm.signals for mm in models])
            if s[kind] not in declared: problems.append(f"step {i + 1}: {kind} {s[kind]!r} is not declared (have {sorted(declared)})")
            if not isinstance(s.get("variables", {}), dict): problems.append(f"step {i + 1}: variables must be an object")
            continue
        if kind == "timer":
            if s["timer"] != "next": problems.append(f"step {i + 1}: timer step must be \"next\"")
            continue
        if kind == "advance":
            if not isinstance(s["advance"], str) or not DURATION.match(s["advance"]): problems.append(f"step {i + 1}: advance {s['advance']!r} is not an ISO 8601 duration")
            continue
        if kind == "set":
            if not isinstance(s["set"], dict) or not s["set"]: problems.append(f"step {i + 1}: set needs a non-empty object")
            continue
        task = s[kind]
        owner = next((mm for mm in models if task in mm.nodes), None)
        if owner is None: problems.append(f"step {i + 1}: unknown task {task}"); continue
        el = owner.nodes[task]
        if local(el.tag) not in WAITING_KINDS: problems.append(f"step {i + 1}: {task} is a {local(el.tag)}, which does not wait")
        if kind == "error":
            if not isinstance(s.get("code"), str) or not s["code"]: problems.append(f"step {i + 1}: error step needs a \"code\"")
            if local(el.tag) == "userTask": problems.append(f"step {i + 1}: {task} is a user task; only waiting service-like tasks throw errors")
            continue
        fields = owner.form_fields(task)
        if fields is None: continue
        vals = s.get("variables", {})
        for fid, spec in fields.items():
            if fid in vals: check_value(task, fid, spec, vals[fid], local_problems)
            elif "required" in spec["constraints"]: local_problems.append(f"{task}.{fid}: required field not submitted")
    if expect_fail:
        if not local_problems: problems.append("expected a failure but all answers are valid")
    else:
        problems += local_problems

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--samples", default=os.path.join(here, "..", "..", "bpmn-samples"))
    ap.add_argument("--xsd", default=os.path.join(here, "..", "..", "..", "shared", "corpus", "xsd", "BPMN20.xsd"))
    args = ap.parse_args()
    total, pending = 0, []
    files = sorted(glob.glob(os.path.join(args.samples, "*.bpmn")))
    models = {path: Model(path) for path in files}
    by_process = {p.get("id"): mm for mm in models.values() for p in mm.processes}
    for path in files:
        name = os.path.basename(path)[:-5]
        problems = []
        m = models[path]
        check_model(m, problems)
        if os.path.exists(args.xsd) and shutil.which("xmllint"):
            r = subprocess.run(["xmllint", "--noout", "--schema", args.xsd, path], capture_output=True, text=True)
            if r.returncode != 0: problems.append("XSD: " + r.stderr.strip().splitlines()[0])
        for ans in sorted(glob.glob(os.path.join(args.samples, name + ".*answers.json"))):
            variant = os.path.basename(ans)[len(name):-len("answers.json")]
            exp_path = os.path.join(args.samples, name + variant + "expected.json")
            exp = json.load(open(exp_path)) if os.path.exists(exp_path) else {}
            if not exp: pending.append(os.path.basename(ans))
            sub = []
            # Only invalid form values can be found statically; other rejected steps (a message nobody
            # waits for) and runs that stop while waiting (exit 3) are left to run_samples.py.
            expect_fail = exp.get("status") == "failed" or (exp.get("exit_code") == 2 and any(
                "complete" in s for s in json.load(open(ans)).get("steps", [])[-1:]))
            check_answers(m, json.load(open(ans)), expect_fail, sub, by_process)
            called_ids = set()
            for other in (by_process or {}).values():
                called_ids.update(getattr(other, "nodes", {}))
            for nid in exp.get("completed", []):
                nid = nid.removesuffix("#multiInstanceBody")
                if nid not in m.nodes and nid not in called_ids: sub.append(f"expected completed id {nid} not in diagram")
            problems += [f"{os.path.basename(ans)}: {p}" for p in sub]
        print(("ok   " if not problems else "FAIL ") + name)
        for p in problems: print("     " + p)
        total += len(problems)
    if pending: print("pending (answers without expected.json): " + ", ".join(pending))
    print(f"{len(files)} diagrams, {total} problems")
    return 1 if total else 0

if __name__ == "__main__":
    sys.exit(main())
