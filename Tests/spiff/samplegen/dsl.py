"""Tiny BPMN + BPMNDI writer for the diagrams in bpmn-samples/spiff (see build.py)."""
from xml.sax.saxutils import escape

SIZES = {"event": (36, 36), "task": (100, 80), "gateway": (50, 50)}
TAGS = {"start": ("startEvent", "event"), "end": ("endEvent", "event"), "user": ("userTask", "task"),
        "script": ("scriptTask", "task"), "xor": ("exclusiveGateway", "gateway"), "and": ("parallelGateway", "gateway"),
        "or": ("inclusiveGateway", "gateway"), "catch": ("intermediateCatchEvent", "event"),
        "boundary": ("boundaryEvent", "event"), "sub": ("subProcess", "task"), "manual": ("manualTask", "task"),
        "task": ("task", "task"), "terminate": ("endEvent", "event")}


def g(col, row):
    return (200 + col * 160, 140 + row * 130)


class Node:
    def __init__(self, kind, id, name, center, parent=None, **kw):
        self.kind, self.id, self.name, self.center, self.parent, self.kw = kind, id, name, center, parent, kw
        self.tag, self.shape = TAGS[kind]
        self.incoming, self.outgoing = [], []
        w, h = kw.get("size") or SIZES[self.shape]
        self.w, self.h = w, h

    @property
    def bounds(self):
        cx, cy = self.center
        return (cx - self.w / 2, cy - self.h / 2, self.w, self.h)

    def left(self): return (self.center[0] - self.w / 2, self.center[1])
    def right(self): return (self.center[0] + self.w / 2, self.center[1])
    def top(self): return (self.center[0], self.center[1] - self.h / 2)
    def bottom(self): return (self.center[0], self.center[1] + self.h / 2)


class Diagram:
    def __init__(self, file, pid, name, doc=None):
        self.file, self.pid, self.name, self.doc = file, pid, name, doc
        self.nodes, self.flows, self.messages = {}, [], []

    def add(self, kind, id, name, center, parent=None, **kw):
        n = Node(kind, id, name, center, parent, **kw)
        self.nodes[id] = n
        return n

    def flow(self, id, src, tgt, cond=None, name=None, via=None, default=False):
        s, t = self.nodes[src], self.nodes[tgt]
        s.outgoing.append(id)
        t.incoming.append(id)
        if default:
            s.kw["default"] = id
        self.flows.append(dict(id=id, src=s, tgt=t, cond=cond, name=name, via=via))

    def route(self, f):
        s, t, via = f["src"], f["tgt"], f["via"]
        if via is not None:
            kind, y = via
            if kind == "below":
                return [s.bottom(), (s.center[0], y), (t.center[0], y), t.bottom()]
            if kind == "above":
                return [s.top(), (s.center[0], y), (t.center[0], y), t.top()]
            if kind == "points":
                return y
        (sx, sy), (tx, ty) = s.center, t.center
        if sy == ty:
            return [s.right(), t.left()] if tx > sx else [s.left(), t.right()]
        if sx == tx:
            return [s.bottom(), t.top()] if ty > sy else [s.top(), t.bottom()]
        if s.shape == "gateway" or s.kind == "boundary":
            start = s.top() if ty < sy else s.bottom()
            return [start, (sx, ty), t.left()]
        if t.shape == "gateway":
            end = t.top() if sy < ty else t.bottom()
            return [s.right(), (tx, sy), end]
        mid = (s.right()[0] + t.left()[0]) / 2
        return [s.right(), (mid, sy), (mid, ty), t.left()]

    # -- XML --------------------------------------------------------------------------
    def node_xml(self, n, ind):
        attrs = ' id="%s"' % n.id
        if n.name:
            attrs += ' name="%s"' % escape(n.name, {'"': "&quot;"})
        if n.kind == "boundary":
            attrs += ' cancelActivity="%s" attachedToRef="%s"' % ("true" if n.kw.get("interrupting", True) else "false", n.kw["host"])
        if n.kw.get("default"):
            attrs += ' default="%s"' % n.kw["default"]
        if n.kind == "sub":
            pass
        body = []
        fields = n.kw.get("fields")
        if fields:
            body.append("<bpmn:extensionElements>")
            body.append("  <camunda:formData>")
            for f in fields:
                fid, label, ftype = f[0], f[1], f[2]
                extra = f[3] if len(f) > 3 else None
                dv = ""
                if ftype != "enum" and extra is not None:
                    dv = ' defaultValue="%s"' % escape(str(extra))
                if ftype == "enum":
                    body.append('    <camunda:formField id="%s" label="%s" type="enum">' % (fid, escape(label)))
                    for vid, vname in extra:
                        body.append('      <camunda:value id="%s" name="%s" />' % (vid, escape(vname)))
                    body.append("    </camunda:formField>")
                else:
                    body.append('    <camunda:formField id="%s" label="%s" type="%s"%s />' % (fid, escape(label), ftype, dv))
            body.append("  </camunda:formData>")
            body.append("</bpmn:extensionElements>")
        for i in n.incoming:
            body.append("<bpmn:incoming>%s</bpmn:incoming>" % i)
        for o in n.outgoing:
            body.append("<bpmn:outgoing>%s</bpmn:outgoing>" % o)
        mi = n.kw.get("mi")
        if mi:
            seq = ' isSequential="true"' if mi.get("sequential") else ""
            body.append('<bpmn:multiInstanceLoopCharacteristics%s camunda:collection="%s" camunda:elementVariable="%s" />'
                        % (seq, mi["collection"], mi["element"]))
        if n.kind == "script":
            body.append("<bpmn:script>%s</bpmn:script>" % escape(n.kw["script"].strip("\n")))
        if n.kw.get("timer"):
            body.append('<bpmn:timerEventDefinition id="TimerEventDefinition_%s">' % n.id.split("_", 1)[-1])
            body.append('  <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">%s</bpmn:timeDuration>' % escape(n.kw["timer"]))
            body.append("</bpmn:timerEventDefinition>")
        if n.kw.get("message"):
            body.append('<bpmn:messageEventDefinition id="MessageEventDefinition_%s" messageRef="%s" />' % (n.id.split("_", 1)[-1], n.kw["message"]))
        if n.kind == "terminate":
            body.append('<bpmn:terminateEventDefinition id="TerminateEventDefinition_%s" />' % n.id.split("_", 1)[-1])
        out = [ind + "<bpmn:%s%s>" % (n.tag, attrs)]
        out += [ind + "  " + b for b in body]
        if n.kind == "sub":
            out += self.children_xml(n.id, ind + "  ")
        out.append(ind + "</bpmn:%s>" % n.tag)
        return out

    def children_xml(self, parent, ind):
        out = []
        for n in self.nodes.values():
            if n.parent == parent:
                out += self.node_xml(n, ind)
        for f in self.flows:
            if f["src"].parent == parent:
                a = '%s<bpmn:sequenceFlow id="%s"%s sourceRef="%s" targetRef="%s"' % (
                    ind, f["id"], (' name="%s"' % escape(f["name"], {'"': "&quot;"})) if f["name"] else "", f["src"].id, f["tgt"].id)
                if f["cond"]:
                    out.append(a + ">")
                    out.append(ind + '  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">%s</bpmn:conditionExpression>' % escape(f["cond"]))
                    out.append(ind + "</bpmn:sequenceFlow>")
                else:
                    out.append(a + " />")
        return out

    def xml(self):
        L = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
             'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
             'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" '
             'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" '
             'id="Definitions_%s" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.28.0" '
             'modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.20.0">' % self.pid]
        L.append('  <bpmn:process id="%s" name="%s" isExecutable="true" camunda:historyTimeToLive="180">' % (self.pid, escape(self.name)))
        if self.doc:
            L.append("    <bpmn:documentation>%s</bpmn:documentation>" % escape(self.doc))
        L += self.children_xml(None, "    ")
        L.append("  </bpmn:process>")
        for mid, mname in self.messages:
            L.append('  <bpmn:message id="%s" name="%s" />' % (mid, mname))
        L.append('  <bpmndi:BPMNDiagram id="BPMNDiagram_1">')
        L.append('    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="%s">' % self.pid)
        # sub-processes first so their children are drawn on top
        order = sorted(self.nodes.values(), key=lambda n: (n.kind != "sub", n.kind == "boundary"))
        for n in order:
            x, y, w, h = n.bounds
            extra = ' isExpanded="true"' if n.kind == "sub" else ""
            L.append('      <bpmndi:BPMNShape id="%s_di" bpmnElement="%s"%s>' % (n.id, n.id, extra))
            L.append('        <dc:Bounds x="%g" y="%g" width="%g" height="%g" />' % (x, y, w, h))
            L.append("      </bpmndi:BPMNShape>")
        for f in self.flows:
            L.append('      <bpmndi:BPMNEdge id="%s_di" bpmnElement="%s">' % (f["id"], f["id"]))
            for px, py in self.route(f):
                L.append('        <di:waypoint x="%g" y="%g" />' % (px, py))
            L.append("      </bpmndi:BPMNEdge>")
        L.append("    </bpmndi:BPMNPlane>")
        L.append("  </bpmndi:BPMNDiagram>")
        L.append("</bpmn:definitions>")
        return "\n".join(L) + "\n"
