import BPMNPython
import BPMNModel

/// How serious a finding is. `error` fails the check (exit 1); `warning` only with `--strict`.
public enum Severity: String, Sendable, Codable, Comparable {
    case error, warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}

/// One problem found in one file by one rule.
public struct Finding: Sendable, Hashable {
    public var ruleId: String
    public var severity: Severity
    public var message: String
    public var file: String
    /// 1-based; line 0 when the position is unknown (an unreadable file).
    public var location: SourceLocation
    /// The BPMN element the finding is about (the main one, as Camunda reports it).
    public var elementId: String?
    /// Element ids showing how the problem arises (flow-soundness rules), in order.
    public var path: [String]

    public init(ruleId: String, severity: Severity, message: String, file: String, location: SourceLocation,
                elementId: String? = nil, path: [String] = []) {
        self.ruleId = ruleId
        self.severity = severity
        self.message = message
        self.file = file
        self.location = location
        self.elementId = elementId
        self.path = path
    }
}

/// What a rule reports: the validator adds rule id, severity and file.
public struct RuleFinding: Sendable, Hashable {
    public var message: String
    public var location: SourceLocation
    public var elementId: String?
    public var path: [String]

    public init(_ message: String, at location: SourceLocation, element: String? = nil, path: [String] = []) {
        self.message = message
        self.location = location
        self.elementId = element
        self.path = path
    }
}

/// The findings of one file, sorted by position.
public struct FileReport: Sendable {
    public var file: String
    public var findings: [Finding]
    /// The dialect the file was checked in (nil when it could not be loaded).
    public var dialect: Dialect?

    public init(file: String, findings: [Finding], dialect: Dialect? = nil) {
        self.file = file
        self.findings = findings
        self.dialect = dialect
    }

    public var errorCount: Int { findings.lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { findings.lazy.filter { $0.severity == .warning }.count }
}

/// The result of a validation run over several files.
public struct ValidationReport: Sendable {
    public var files: [FileReport]
    public init(files: [FileReport]) { self.files = files }

    public var errorCount: Int { files.reduce(0) { $0 + $1.errorCount } }
    public var warningCount: Int { files.reduce(0) { $0 + $1.warningCount } }
    public var allFindings: [Finding] { files.flatMap(\.findings) }
}
