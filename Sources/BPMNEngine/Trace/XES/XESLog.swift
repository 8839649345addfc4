/// An IEEE 1849 (XES) event log in memory: a log holds traces (one per process instance), a trace
/// holds events; each of them carries typed attributes. See docs/xes.md.
public struct XESLog: Sendable, Equatable {
    public var attributes: [XESAttribute]
    public var traces: [XESTrace]

    public init(attributes: [XESAttribute] = [], traces: [XESTrace] = []) {
        self.attributes = attributes
        self.traces = traces
    }
}

public struct XESTrace: Sendable, Equatable {
    public var attributes: [XESAttribute]
    public var events: [XESEvent]

    public init(attributes: [XESAttribute] = [], events: [XESEvent] = []) {
        self.attributes = attributes
        self.events = events
    }

    public subscript(key: String) -> XESAttribute.Value? { attributes.first { $0.key == key }?.value }
}

public struct XESEvent: Sendable, Equatable {
    public var attributes: [XESAttribute]

    public init(attributes: [XESAttribute] = []) { self.attributes = attributes }

    public subscript(key: String) -> XESAttribute.Value? {
        get { attributes.first { $0.key == key }?.value }
        set {
            if let i = attributes.firstIndex(where: { $0.key == key }) {
                if let newValue { attributes[i].value = newValue } else { attributes.remove(at: i) }
            } else if let newValue {
                attributes.append(XESAttribute(key, newValue))
            }
        }
    }
}

/// One key and typed value. XES has more types (float, id, list, container); bpmnrun writes
/// only these four.
public struct XESAttribute: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case string(String)
        /// An xs:dateTime, as the ISO 8601 text the trace holds (UTC, `Z`).
        case date(String)
        case int(Int64)
        case boolean(Bool)

        /// The XML element name of the type (`<string key=... value=.../>`).
        var tag: String {
            switch self {
            case .string: return "string"
            case .date: return "date"
            case .int: return "int"
            case .boolean: return "boolean"
            }
        }

        var text: String {
            switch self {
            case .string(let s), .date(let s): return s
            case .int(let i): return String(i)
            case .boolean(let b): return b ? "true" : "false"
            }
        }

        public var stringValue: String? {
            switch self {
            case .string(let s), .date(let s): return s
            default: return nil
            }
        }
    }

    public var key: String
    public var value: Value

    public init(_ key: String, _ value: Value) {
        self.key = key
        self.value = value
    }
}
