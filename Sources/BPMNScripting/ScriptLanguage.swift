import Foundation
import BPMNModel

/// The language of a Camunda script (`scriptFormat` attribute of a script task, listener, condition
/// or input/output mapping). Mapping is case-insensitive and ignores surrounding white space.
/// `nil`/empty formats map to `.juel`; the engine decides whether a missing format is acceptable.
public enum ScriptLanguage: Hashable, Sendable {
    case javascript, juel, python, groovy
    case other(String)

    public init(format: String?) {
        let trimmed = (format ?? "").trimmingWhitespace()
        switch trimmed.lowercased() {
        case "", "juel": self = .juel
        case "javascript", "ecmascript", "js", "graal.js", "graaljs", "nashorn", "rhino",
             "application/javascript", "application/ecmascript", "text/javascript", "text/ecmascript":
            self = .javascript
        case "python", "jython", "py", "text/python", "text/x-python": self = .python
        case "groovy", "text/x-groovy": self = .groovy
        default: self = .other(trimmed)
        }
    }

    /// True for the formats `JavaScriptEngine` runs.
    public var isJavaScript: Bool { if case .javascript = self { return true } else { return false } }
}
