import Foundation

/// A typed process variable value, as Camunda 7 stores them (null, boolean, long/integer, double,
/// string, date, and JSON objects/arrays). Plain value type: engine state built from it is Codable.
public enum VariableValue: Hashable, Sendable {
    case null
    case boolean(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    /// A date/time; stored as seconds since 1970 (UTC) so it round-trips exactly.
    case date(Date)
    case array([VariableValue])
    case object([String: VariableValue])

    /// Camunda's type name for the value, as shown in traces and prompts.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .boolean: return "boolean"
        case .integer: return "long"
        case .double: return "double"
        case .string: return "string"
        case .date: return "date"
        case .array: return "array"
        case .object: return "object"
        }
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    public var boolValue: Bool? { if case .boolean(let b) = self { return b } else { return nil } }
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var integerValue: Int64? { if case .integer(let i) = self { return i } else { return nil } }

    /// Numeric view for integer and double values.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
}

extension VariableValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: VariableValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, VariableValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension VariableValue: CustomStringConvertible {
    /// Human-readable rendering: strings unquoted, everything else as JSON.
    public var description: String {
        switch self {
        case .string(let s): return s
        case .date(let d): return DateFormats.iso8601String(d)
        default: return JSONText.encode(self)
        }
    }
}
