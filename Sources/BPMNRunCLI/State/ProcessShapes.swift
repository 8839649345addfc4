import BPMNEngine
import BPMNModel

/// The element ids and fingerprints of a loaded process, as a state file records them.
///
/// A fingerprint is the SHA-256 of an element's definition with line numbers, layout and
/// index-based references left out (references are written as ids), so moving a shape in the
/// Modeler or adding an unrelated element elsewhere does not count as changing it.
enum ProcessShapes {
    static func shape(of process: ExecutableProcess) -> SavedRun.ProcessShape {
        let spec = process.spec
        var prints: [String: String] = [:]
        var next: [String: [String]] = [:]
        for node in spec.nodes {
            prints[node.id] = SHA256.hex(canonicalText(of: node, in: spec))
            var reach = node.outgoing.map { spec.flows[$0].id }
            reach += node.boundaryEvents.map { spec.nodes[$0].id }
            reach += node.children.map { spec.nodes[$0].id }
            if let handler = node.compensationHandler { reach.append(spec.nodes[handler].id) }
            next[node.id] = reach
        }
        for flow in spec.flows {
            var copy = flow
            copy.location = .unknown
            copy.source = nil
            copy.target = nil
            prints[flow.id] = SHA256.hex(canonical(copy))
            next[flow.id] = [flow.targetRef]
        }
        return SavedRun.ProcessShape(key: process.key, nodes: spec.nodes.map(\.id), flows: spec.flows.map(\.id),
                                     prints: prints, next: next)
    }

    private static func canonicalText(of node: FlowNode, in spec: ProcessSpec) -> String {
        var copy = node
        copy.location = .unknown
        copy.incoming = []
        copy.outgoing = []
        copy.declaredIncoming = []
        copy.declaredOutgoing = []
        copy.defaultFlow = nil
        copy.parent = nil
        copy.attachedTo = nil
        copy.boundaryEvents = []
        copy.children = []
        copy.compensationHandler = nil
        var text = canonical(copy)
        text += "|parent:" + (node.parent.map { spec.nodes[$0].id } ?? "")
        text += "|out:" + node.outgoing.map { spec.flows[$0].id }.joined(separator: ",")
        text += "|boundary:" + node.boundaryEvents.map { spec.nodes[$0].id }.joined(separator: ",")
        text += "|handler:" + (node.compensationHandler.map { spec.nodes[$0].id } ?? "")
        return text
    }

    /// A description of a value that does not depend on dictionary order or on source locations.
    static func canonical(_ value: Any) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: Any, into out: inout String) {
        if value is SourceLocation { out += "_"; return }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if let some = mirror.children.first { write(some.value, into: &out) } else { out += "nil" }
        case .dictionary:
            let entries = mirror.children.map { entry -> String in
                let pair = Mirror(reflecting: entry.value).children.map { canonical($0.value) }
                return pair.joined(separator: ":")
            }.sorted()
            out += "[" + entries.joined(separator: ",") + "]"
        case .set:
            out += "{" + mirror.children.map { canonical($0.value) }.sorted().joined(separator: ",") + "}"
        case .struct, .class, .tuple, .collection, .enum:
            if mirror.children.isEmpty { out += String(describing: value); return }
            out += "\(mirror.subjectType)("
            for child in mirror.children {
                if child.label == "location" { continue }
                out += (child.label ?? "") + "="
                write(child.value, into: &out)
                out += ";"
            }
            out += ")"
        default:
            out += String(describing: value)
        }
    }
}
