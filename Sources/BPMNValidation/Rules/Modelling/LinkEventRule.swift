import BPMNModel

/// bpmnlint `link-event`: link events are named, every name has one catch event and a throw
/// event, within one scope. Unlike bpmnlint, unnamed link events that pair up (one unnamed catch
/// and its unnamed throws in a scope) are accepted, because Camunda 7 links them by the empty
/// name and runs them; a lone unnamed event is reported as missing its name.
public struct LinkEventRule: ValidationRule {
    public static let id = "link-event"
    public static let summary = "Link events have a name, and each name has exactly one catch event and a throw event in the same scope (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:intermediateThrowEvent id=\"GoTo\"><bpmn:linkEventDefinition id=\"L\" name=\"Next\" /></bpmn:intermediateThrowEvent>"),
            .process("<bpmn:intermediateThrowEvent id=\"GoTo\"><bpmn:linkEventDefinition id=\"L\" /></bpmn:intermediateThrowEvent>"),
        ],
        passing: [.process("""
            <bpmn:intermediateThrowEvent id="GoTo"><bpmn:linkEventDefinition id="L1" name="Next" /></bpmn:intermediateThrowEvent>
            <bpmn:intermediateCatchEvent id="Here"><bpmn:linkEventDefinition id="L2" name="Next" /></bpmn:intermediateCatchEvent>
            """),
            .process("""
            <bpmn:intermediateThrowEvent id="GoTo"><bpmn:linkEventDefinition id="L1" /></bpmn:intermediateThrowEvent>
            <bpmn:intermediateCatchEvent id="Here"><bpmn:linkEventDefinition id="L2" /></bpmn:intermediateCatchEvent>
            """),
        ])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.processes {
            var groups: [String: [Int]] = [:]  // "scope#name" -> nodes
            for (i, n) in p.nodes.enumerated() where n.kind.isEvent {
                guard let link = n.eventDefinitions.first(where: { $0.kind == .link }) else { continue }
                let name = (link.linkName ?? "").trimmingCharacters(in: .whitespaces)
                groups["\(n.parent ?? -1)#\(name)", default: []].append(i)
            }
            for (key, events) in groups.sorted(by: { $0.key < $1.key }) {
                let name = String(key.split(separator: "#", maxSplits: 1).last ?? "")
                let catches = events.filter { p.nodes[$0].kind == .intermediateCatchEvent }
                if name.isEmpty {
                    if catches.count != 1 || events.count == 1 {
                        for e in events {
                            out.append(RuleFinding("Link event is missing link name", at: p.nodes[e].location, element: p.nodes[e].id))
                        }
                    }
                    continue
                }
                if events.count == 1 {
                    let e = p.nodes[events[0]]
                    out.append(RuleFinding("Link \(e.kind == .intermediateThrowEvent ? "catch" : "throw") event with link name <\(name)> missing in scope", at: e.location, element: e.id))
                } else if catches.count > 1 {
                    for c in catches {
                        out.append(RuleFinding("Duplicate link catch event with link name <\(name)> in scope (Camunda 7: Multiple Intermediate Catch Events with the same link event name ('\(name)') are not allowed.)",
                                               at: p.nodes[c].location, element: p.nodes[c].id))
                    }
                } else if catches.isEmpty {
                    for e in events {
                        out.append(RuleFinding("Link catch event with link name <\(name)> missing in scope", at: p.nodes[e].location, element: p.nodes[e].id))
                    }
                }
            }
        }
        return out
    }
}

import Foundation
