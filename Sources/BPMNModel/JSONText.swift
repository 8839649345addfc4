import Foundation

/// A small, exact JSON reader and writer for `VariableValue`.
///
/// Foundation's JSONSerialization cannot tell `1` from `1.0` or `true` from `1` on every platform;
/// process variables must keep those types (Camunda distinguishes long, double and boolean), so
/// bpmnrun reads and writes JSON itself. Dates are written as ISO 8601 strings.
public enum JSONText {
    public struct SyntaxError: Error, CustomStringConvertible, Sendable {
        public let message: String
        public let line: Int
        public let column: Int
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    // MARK: Writing

    /// Encodes compactly; object keys are sorted so output is deterministic.
    public static func encode(_ value: VariableValue, pretty: Bool = false) -> String {
        var out = ""
        write(value, into: &out, pretty: pretty, indent: 0)
        return out
    }

    public static func write(_ value: VariableValue, into out: inout String, pretty: Bool = false, indent: Int = 0) {
        switch value {
        case .null: out += "null"
        case .boolean(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .double(let d): out += formatDouble(d)
        case .string(let s): writeString(s, into: &out)
        case .date(let d): writeString(DateFormats.iso8601String(d), into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { newline(&out, indent + 1) }
                write(item, into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out += "]"
        case .object(let dict):
            if dict.isEmpty { out += "{}"; return }
            out += "{"
            for (i, key) in dict.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                if pretty { newline(&out, indent + 1) }
                writeString(key, into: &out)
                out += pretty ? ": " : ":"
                write(dict[key]!, into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ indent: Int) {
        out += "\n"
        out += String(repeating: "  ", count: indent)
    }

    public static func formatDouble(_ d: Double) -> String {
        if d.isNaN || d.isInfinite { return "null" }  // JSON has no NaN/Infinity
        if d == d.rounded(), abs(d) < 1e15 { return String(format: "%.1f", d) }
        return "\(d)"
    }

    public static func writeString(_ s: String, into out: inout String) {
        out += "\""
        // Almost every string in a trace (ids, names, types, times) needs no escaping: append it
        // whole instead of scalar by scalar.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    public static func quoted(_ s: String) -> String {
        var out = ""
        writeString(s, into: &out)
        return out
    }

    // MARK: Reading

    public static func decode(_ text: String) throws -> VariableValue {
        var parser = Parser(bytes: Array(text.utf8))
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.index < parser.bytes.count { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        func error(_ message: String) -> SyntaxError {
            var line = 1, column = 1
            for b in bytes[..<min(index, bytes.count)] {
                if b == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            }
            return SyntaxError(message: message, line: line, column: column)
        }

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func parseValue(depth: Int) throws -> VariableValue {
            guard depth < 512 else { throw error("JSON nested too deeply") }
            guard index < bytes.count else { throw error("unexpected end of JSON") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try parseObject(depth: depth)
            case UInt8(ascii: "["): return try parseArray(depth: depth)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try expectWord("true"); return .boolean(true)
            case UInt8(ascii: "f"): try expectWord("false"); return .boolean(false)
            case UInt8(ascii: "n"): try expectWord("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
            default: throw error("unexpected character '\(Character(UnicodeScalar(bytes[index])))'")
            }
        }

        mutating func expectWord(_ word: String) throws {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
                throw error("invalid literal, expected \(word)")
            }
            index += w.count
        }

        mutating func parseObject(depth: Int) throws -> VariableValue {
            index += 1
            var dict: [String: VariableValue] = [:]
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(dict) }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a quoted object key") }
                let key = try parseString()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after object key") }
                index += 1
                skipWhitespace()
                dict[key] = try parseValue(depth: depth + 1)
                skipWhitespace()
                guard index < bytes.count else { throw error("unexpected end of JSON inside an object") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(dict) }
                throw error("expected ',' or '}' in object")
            }
        }

        mutating func parseArray(depth: Int) throws -> VariableValue {
            index += 1
            var items: [VariableValue] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            while true {
                skipWhitespace()
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                guard index < bytes.count else { throw error("unexpected end of JSON inside an array") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                throw error("expected ',' or ']' in array")
            }
        }

        mutating func parseString() throws -> String {
            index += 1
            var scalars = String.UnicodeScalarView()
            var run = index
            func flush(_ p: inout Parser, _ upTo: Int) {
                if upTo > run, let s = String(bytes: p.bytes[run..<upTo], encoding: .utf8) { scalars.append(contentsOf: s.unicodeScalars) }
            }
            while index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") {
                    flush(&self, index)
                    index += 1
                    return String(scalars)
                }
                if b < 0x20 { throw error("control character in string") }
                if b == UInt8(ascii: "\\") {
                    flush(&self, index)
                    index += 1
                    guard index < bytes.count else { break }
                    let e = bytes[index]
                    index += 1
                    switch e {
                    case UInt8(ascii: "\""): scalars.append("\"")
                    case UInt8(ascii: "\\"): scalars.append("\\")
                    case UInt8(ascii: "/"): scalars.append("/")
                    case UInt8(ascii: "b"): scalars.append("\u{08}")
                    case UInt8(ascii: "f"): scalars.append("\u{0C}")
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "u"):
                        var code = try parseHex4()
                        if (0xD800...0xDBFF).contains(code), index + 1 < bytes.count,
                           bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                            index += 2
                            let low = try parseHex4()
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        scalars.append(UnicodeScalar(code) ?? "\u{FFFD}")
                    default: throw error("invalid escape in string")
                    }
                    run = index
                    continue
                }
                index += 1
            }
            throw error("unterminated string")
        }

        mutating func parseHex4() throws -> UInt32 {
            guard index + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
                throw error("invalid \\u escape")
            }
            index += 4
            return v
        }

        mutating func parseNumber() throws -> VariableValue {
            let start = index
            var isInteger = true
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            while index < bytes.count {
                let b = bytes[index]
                if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") { index += 1; continue }
                if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
                    isInteger = false; index += 1; continue
                }
                break
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if isInteger, let i = Int64(text) { return .integer(i) }
            if let d = Double(text) { return .double(d) }
            throw error("invalid number '\(text)'")
        }
    }
}

extension VariableValue: Codable {
    // State files must keep dates as dates, so a date is written as {"$date": "<ISO 8601>"}. A JSON
    // number loses the difference between 2 and 2.0 (and cannot hold NaN or infinity), so a double
    // that is whole or not finite is written as {"$double": "2.0"} and stays a double.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let b = try? c.decode(Bool.self) { self = .boolean(b); return }
        if let i = try? c.decode(Int64.self) { self = .integer(i); return }
        if let d = try? c.decode(Double.self) { self = .double(d); return }
        if let s = try? c.decode(String.self) { self = .string(s); return }
        if let a = try? c.decode([VariableValue].self) { self = .array(a); return }
        let o = try c.decode([String: VariableValue].self)
        if o.count == 1, case .string(let iso)? = o["$date"], let d = DateFormats.parseISO8601(iso) {
            self = .date(d)
        } else if o.count == 1, case .string(let text)? = o["$double"], let d = Double(text) {
            self = .double(d)
        } else {
            self = .object(o)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .boolean(let b): try c.encode(b)
        case .integer(let i): try c.encode(i)
        case .double(let d):
            if d.isFinite && d != d.rounded() { try c.encode(d) } else { try c.encode(["$double": String(d)]) }
        case .string(let s): try c.encode(s)
        case .date(let d): try c.encode(["$date": DateFormats.iso8601String(d)])
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}
