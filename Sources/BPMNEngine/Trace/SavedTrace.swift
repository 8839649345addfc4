import BPMNModel
import Foundation

/// A JSON trace read back from a file (`--trace`; see docs/trace-format.md): the head, the events
/// in order and the status, for converting it to other formats.
public struct SavedTrace: Sendable {
    public var file: String
    public var process: String
    /// `nil` when the trace has no closing fields (a run still writing it, or killed).
    public var status: String?
    public var events: [TraceEvent]

    public init(file: String, process: String, status: String?, events: [TraceEvent]) {
        self.file = file
        self.process = process
        self.status = status
        self.events = events
    }

    /// Why a file is not a readable trace; `description` names the file and, for JSON syntax
    /// errors, the line and column.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let line: Int?
        public let column: Int?
        public let message: String
        public var description: String {
            if let line, let column { return "\(path):\(line):\(column): \(message)" }
            return "\(path): \(message)"
        }
    }

    public static let format = "bpmnrun-trace/1"

    public static func load(path: String) throws -> SavedTrace {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
            throw ReadError(path: path, line: nil, column: nil, message: reason)
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    public static func parse(_ text: String, path: String) throws -> SavedTrace {
        func fail(_ message: String) -> ReadError { ReadError(path: path, line: nil, column: nil, message: message) }
        let document: VariableValue
        do {
            document = try JSONText.decode(text)
        } catch let e as JSONText.SyntaxError {
            let cut = Self.endPosition(of: text) == (e.line, e.column) ? " (the trace is cut off: was its run killed while writing it?)" : ""
            throw ReadError(path: path, line: e.line, column: e.column, message: "not valid JSON: \(e.message)\(cut)")
        }
        guard case .object(let top) = document else { throw fail("not a bpmnrun JSON trace: the document is not a JSON object") }
        guard let format = top["format"]?.stringValue else {
            throw fail("not a bpmnrun JSON trace: it has no \"format\" (expected \"\(Self.format)\")")
        }
        guard format == Self.format else {
            throw fail("trace format \"\(format)\" is not supported (expected \"\(Self.format)\")")
        }
        guard let process = top["process"]?.stringValue else { throw fail("the trace has no \"process\" string") }
        guard let file = top["file"]?.stringValue else { throw fail("the trace has no \"file\" string") }
        guard case .array(let items)? = top["events"] else { throw fail("the trace has no \"events\" array") }
        var status: String?
        if let s = top["status"] {
            guard let text = s.stringValue, RunStatus(rawValue: text) != nil else {
                throw fail("\"status\" \(JSONText.encode(s)) is not one of completed, waiting, failed, terminated, interrupted")
            }
            status = text
        }
        var events: [TraceEvent] = []
        events.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            do {
                events.append(try event(item))
            } catch let reason as EventProblem {
                throw fail("event \(index + 1) of \"events\": \(reason.message)")
            }
        }
        return SavedTrace(file: file, process: process, status: status, events: events)
    }

    /// `at` in the form bpmnrun writes it (`2027-01-15T08:00:00Z`, or with `.250` milliseconds) is
    /// kept as it is; another ISO 8601 form is parsed and rewritten that way. The check by hand
    /// matters: parsing every event's time through a date formatter made converting a large trace
    /// several times slower than the run that wrote it.
    static func canonicalTime(_ text: String) -> String? {
        if isCanonicalTime(text) { return text }
        return DateFormats.parseISO8601(text).map(DateFormats.iso8601String)
    }

    static func isCanonicalTime(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 20 || b.count == 24, b.last == UInt8(ascii: "Z") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        func char(_ i: Int, _ c: Character) -> Bool { b[i] == c.asciiValue! }
        guard char(4, "-"), char(7, "-"), char(10, "T"), char(13, ":"), char(16, ":"),
              number(0..<4) != nil, let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return false }
        return b.count == 20 || (char(19, ".") && number(20..<23) != nil)
    }

    /// Line and column (in bytes, from 1) just past the text's end, as JSONText counts them: a
    /// syntax error there means the document stops early.
    private static func endPosition(of text: String) -> (Int, Int) {
        var line = 1, column = 1
        for b in text.utf8 {
            if b == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    private struct EventProblem: Error { let message: String }

    private static let ownKeys: Set<String> = ["seq", "at", "event", "element", "type", "name", "token", "scope"]

    /// One event object of a saved trace (or of a run's trace journal) back as a trace event, its
    /// own keys after the common ones in name order; throws when a key has the wrong type.
    public static func event(_ item: VariableValue) throws -> TraceEvent {
        guard case .object(let fields) = item else { throw EventProblem(message: "not a JSON object") }
        guard let seq = fields["seq"]?.integerValue else { throw EventProblem(message: "\"seq\" is missing or not an integer") }
        guard let kindText = fields["event"]?.stringValue else { throw EventProblem(message: "\"event\" is missing or not a string (seq \(seq))") }
        guard let kind = TraceEvent.Kind(rawValue: kindText) else { throw EventProblem(message: "unknown event \"\(kindText)\" (seq \(seq))") }
        guard let atText = fields["at"]?.stringValue, let at = canonicalTime(atText) else {
            throw EventProblem(message: "\"at\" is missing or not an ISO 8601 time (seq \(seq))")
        }
        func text(_ key: String) throws -> String? {
            guard let v = fields[key], !v.isNull else { return nil }
            guard let s = v.stringValue else { throw EventProblem(message: "\"\(key)\" is not a string (seq \(seq))") }
            return s
        }
        func number(_ key: String) throws -> Int? {
            guard let v = fields[key], !v.isNull else { return nil }
            guard let i = v.integerValue else { throw EventProblem(message: "\"\(key)\" is not an integer (seq \(seq))") }
            return Int(i)
        }
        let extra = fields.keys.filter { !ownKeys.contains($0) }.sorted().map { (key: $0, value: fields[$0]!) }
        return TraceEvent(seq: Int(seq), at: at, kind: kind, element: try text("element"),
                          type: try text("type"), name: try text("name"), token: try number("token"),
                          scope: try number("scope"), extra: extra)
    }
}
