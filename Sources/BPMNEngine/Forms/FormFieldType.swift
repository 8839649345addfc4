import BPMNModel
import Foundation

/// Camunda 7's built-in form field types and how a submitted value becomes a typed variable.
public enum FormFieldType: Equatable, Sendable {
    case string, long, boolean, date, enumeration
    /// A custom or unknown type: the value is stored as given.
    case custom(String)

    public init(_ field: FormField) {
        switch field.type?.lowercased() {
        case nil, "string": self = .string
        case "long", "integer", "int", "short": self = .long
        case "boolean": self = .boolean
        case "date": self = .date
        case "enum": self = .enumeration
        case let other?: self = .custom(other)
        }
    }

    public var name: String {
        switch self {
        case .string: return "string"
        case .long: return "long"
        case .boolean: return "boolean"
        case .date: return "date"
        case .enumeration: return "enum"
        case .custom(let n): return n
        }
    }
}

/// A submitted value that does not fit its form field, with a message that says what to enter.
public struct FormValueError: Error, Equatable, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
    public var description: String { message }
}

extension FormField {
    public var fieldType: FormFieldType { FormFieldType(self) }
    public var effectiveDatePattern: String { datePattern ?? "dd/MM/yyyy" }
    public var displayLabel: String { (label?.isEmpty == false) ? label! : id }
}

/// Conversion of typed text (the terminal) and JSON values (answers files) to a field's type.
public enum FormValueConverter {
    /// Converts what a user typed. Empty text means "no value" (nil).
    public static func parse(text raw: String, for field: FormField) throws -> VariableValue? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        switch field.fieldType {
        case .string, .custom:
            return .string(raw)
        case .long:
            guard let i = Int64(text) else {
                throw FormValueError(field: field.id, message: "'\(text)' is not a whole number; enter digits such as 42")
            }
            return .integer(i)
        case .boolean:
            switch text.lowercased() {
            case "y", "yes", "true", "t", "1": return .boolean(true)
            case "n", "no", "false", "f", "0": return .boolean(false)
            default: throw FormValueError(field: field.id, message: "'\(text)' is not yes or no; enter y or n")
            }
        case .date:
            return try convertDate(text, field: field)
        case .enumeration:
            if let entry = field.enumValues.first(where: { $0.name == text }) { return .string(entry.name) }
            if let n = Int(text), n >= 1, n <= field.enumValues.count { return .string(field.enumValues[n - 1].name) }
            if let entry = field.enumValues.first(where: { ($0.value ?? "").lowercased() == text.lowercased() }) { return .string(entry.name) }
            throw FormValueError(field: field.id, message: "Invalid value for enum form property: \(text); choose one of \(enumChoices(field))")
        }
    }

    /// Converts a value from an answers file or a default, checking its type. `.null` stays null.
    public static func convert(_ value: VariableValue, for field: FormField) throws -> VariableValue {
        if case .null = value { return .null }
        switch field.fieldType {
        case .custom:
            return value
        case .string:
            switch value {
            case .string: return value
            case .integer, .double, .boolean: return .string(value.description)
            default: throw FormValueError(field: field.id, message: "field '\(field.id)' is a string field; got \(value.typeName) \(value)")
            }
        case .long:
            switch value {
            case .integer: return value
            case .double(let d) where d == d.rounded() && abs(d) < 9.2e18: return .integer(Int64(d))
            case .string(let s):
                if let v = try parse(text: s, for: field) { return v }
                return .null
            default: throw FormValueError(field: field.id, message: "field '\(field.id)' is a long field; got \(value.typeName) \(value)")
            }
        case .boolean:
            switch value {
            case .boolean: return value
            case .string(let s) where ["true", "false"].contains(s.lowercased()): return .boolean(s.lowercased() == "true")
            default: throw FormValueError(field: field.id, message: "field '\(field.id)' is a boolean field; got \(value.typeName) \(value)")
            }
        case .date:
            switch value {
            case .date: return value
            case .string(let s):
                // Camunda stores an empty date as null.
                if s.trimmingCharacters(in: .whitespaces).isEmpty { return .null }
                return try convertDate(s, field: field)
            default: throw FormValueError(field: field.id, message: "field '\(field.id)' is a date field; give a string in \(field.effectiveDatePattern)")
            }
        case .enumeration:
            guard case .string(let s) = value, field.enumValues.contains(where: { $0.name == s }) else {
                throw FormValueError(field: field.id, message: "Invalid value for enum form property: \(value); field '\(field.id)' takes one of \(enumChoices(field))")
            }
            return value
        }
    }

    static func convertDate(_ text: String, field: FormField) throws -> VariableValue {
        if let d = DateFormats.parseFormDate(text, pattern: field.effectiveDatePattern) { return .date(d) }
        throw FormValueError(field: field.id, message: "'\(text)' is not a date in the form \(field.effectiveDatePattern) (for example \(DateFormats.formDateString(Date(timeIntervalSince1970: 1_767_225_600), pattern: field.effectiveDatePattern)))")
    }

    static func enumChoices(_ field: FormField) -> String {
        field.enumValues.map { $0.name }.joined(separator: ", ")
    }

    /// The text a prompt shows for a value of this field (dates in the field's pattern).
    public static func display(_ value: VariableValue, for field: FormField) -> String {
        if case .date(let d) = value { return DateFormats.formDateString(d, pattern: field.effectiveDatePattern) }
        return value.description
    }
}
