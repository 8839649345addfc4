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
        escape(attribute.key, into: &out)
        out += "\" value=\""
        escape(attribute.value.text, into: &out)
        out += "\"/>\n"
    }

    /// Escapes text for a double-quoted XML attribute. Line breaks and tabs become character
    /// references (a parser would fold them to spaces otherwise); characters XML 1.0 cannot hold
    /// at all (other control characters) become U+FFFD.
    static func escape(_ text: String, into out: inout String) {
        // Ids, names, types and times almost never need escaping: append them whole.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 && $0 < 0xEF }) {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            case let c where c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
