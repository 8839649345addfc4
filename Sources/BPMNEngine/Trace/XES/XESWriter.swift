import BPMNModel

/// Writes an `XESLog` as the XML serialization of IEEE 1849-2016 (XES): the four standard
/// extensions bpmnrun uses, the global attributes every trace and event carries (with the
/// defaults the standard asks for), two classifiers, then the log's attributes and traces.
public enum XESWriter {
    /// The standard extensions whose attributes the log uses, as (name, prefix, uri).
    static let extensions: [(name: String, prefix: String, uri: String)] = [
        ("Concept", "concept", "http://www.xes-standard.org/concept.xesext"),
        ("Time", "time", "http://www.xes-standard.org/time.xesext"),
        ("Lifecycle", "lifecycle", "http://www.xes-standard.org/lifecycle.xesext"),
        ("Organizational", "org", "http://www.xes-standard.org/org.xesext"),
    ]

    /// Attributes every trace has, with the default value a tool assumes where one is missing.
    static let globalTraceAttributes = [XESAttribute("concept:name", .string("__INVALID__"))]

    /// Attributes every event has (`org:resource` and `org:group` only where known, so not global).
    static let globalEventAttributes = [
        XESAttribute("concept:name", .string("__INVALID__")),
        XESAttribute("concept:instance", .string("0")),
        XESAttribute("lifecycle:transition", .string("complete")),
        XESAttribute("time:timestamp", .date("1970-01-01T00:00:00.000Z")),
        XESAttribute("elementId", .string("")),
        XESAttribute("elementType", .string("")),
        XESAttribute("seq", .int(0)),
    ]

    public static func xml(_ log: XESLog) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<!-- Written by bpmnrun: one trace per process instance; see docs/xes.md -->\n"
        out += "<log xes.version=\"1849-2016\" xes.features=\"\" xmlns=\"http://www.xes-standard.org/\">\n"
        for e in extensions {
            out += "  <extension name=\"\(e.name)\" prefix=\"\(e.prefix)\" uri=\"\(e.uri)\"/>\n"
        }
        out += "  <global scope=\"trace\">\n"
        for a in globalTraceAttributes { write(a, indent: 4, into: &out) }
        out += "  </global>\n  <global scope=\"event\">\n"
        for a in globalEventAttributes { write(a, indent: 4, into: &out) }
        out += "  </global>\n"
        out += "  <classifier name=\"Activity\" keys=\"concept:name\"/>\n"
        out += "  <classifier name=\"Activity and transition\" keys=\"concept:name lifecycle:transition\"/>\n"
        for a in log.attributes { write(a, indent: 2, into: &out) }
        for trace in log.traces {
            out += "  <trace>\n"
            for a in trace.attributes { write(a, indent: 4, into: &out) }
            for event in trace.events {
                out += "    <event>\n"
                for a in event.attributes { write(a, indent: 6, into: &out) }
                out += "    </event>\n"
            }
            out += "  </trace>\n"
        }
        out += "</log>\n"
        return out
    }

    private static func write(_ attribute: XESAttribute, indent: Int, into out: inout String) {
        out += String(repeating: " ", count: indent)
        out += "<\(attribute.value.tag) key=\""
        XMLEscaping.append(attribute.key, to: &out)
        out += "\" value=\""
        XMLEscaping.append(attribute.value.text, to: &out)
        out += "\"/>\n"
    }
}
