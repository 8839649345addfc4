import BPMNPython

/// `file:line:col: severity: message [rule-id] (element id)`, grouped per file, then a summary.
public struct TextFormatter {
    public var colors: Bool
    public init(colors: Bool) { self.colors = colors }

    public func render(_ report: ValidationReport) -> String {
        var out = ""
        for file in report.files where !file.findings.isEmpty {
            for f in file.findings { out += line(f) + "\n" }
            out += "\n"
        }
        out += summary(report) + "\n"
        return out
    }

    func line(_ f: Finding) -> String {
        var place = f.file
        if f.location.line > 0 { place += ":\(f.location.line):\(max(1, f.location.column))" }
        let severity = f.severity == .error ? paint("error", "31") : paint("warning", "33")
        var s = "\(place): \(severity): \(f.message) " + paint("[\(f.ruleId)]", "2")
        if let e = f.elementId { s += " (\(e))" }
        if !f.path.isEmpty { s += "\n    path: " + f.path.joined(separator: " -> ") }
        return s
    }

    func summary(_ r: ValidationReport) -> String {
        let files = r.files.count
        let bad = r.files.filter { $0.errorCount > 0 }.count
        let spiff = r.files.filter { $0.dialect == .spiff }.count
        func plural(_ n: Int, _ w: String) -> String { "\(n) \(w)\(n == 1 ? "" : "s")" }
        return "\(plural(files, "file")) checked: \(plural(r.errorCount, "error")), \(plural(r.warningCount, "warning"))"
            + (bad > 0 ? " (\(plural(bad, "file")) with errors)" : "")
            + (spiff > 0 ? "; \(plural(spiff, "file")) checked as SpiffWorkflow (Python) diagrams" : "")
    }

    private func paint(_ s: String, _ code: String) -> String { colors ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
}
