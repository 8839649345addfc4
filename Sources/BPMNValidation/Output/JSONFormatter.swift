/// `--format json`: one object per file with its findings, and a summary.
///
///     {"version": 1, "summary": {"files": 2, "errors": 1, "warnings": 0},
///      "files": [{"file": "a.bpmn", "dialect": "camunda", "errors": 1, "warnings": 0, "findings": [
///        {"rule": "duplicate-id", "severity": "error", "message": "...", "line": 4, "column": 5,
///         "element": "Task_1", "path": ["Start", "Task_1"]}]}]}
public enum JSONFormatter {
    public static func render(_ report: ValidationReport) -> String {
        let files = report.files.map { file in
            JSONWriter.object([
                ("file", JSONWriter.string(file.file)),
                ("dialect", file.dialect.map { JSONWriter.string($0.rawValue) }),
                ("errors", String(file.errorCount)),
                ("warnings", String(file.warningCount)),
                ("findings", "[\n      " + file.findings.map(finding).joined(separator: ",\n      ") + "]"),
            ])
        }
        let summary = JSONWriter.object([
            ("files", String(report.files.count)), ("errors", String(report.errorCount)),
            ("warnings", String(report.warningCount)),
        ])
        return "{\"version\": 1,\n  \"summary\": \(summary),\n  \"files\": [\n    "
            + files.joined(separator: ",\n    ") + "]}\n"
    }

    static func finding(_ f: Finding) -> String {
        JSONWriter.object([
            ("rule", JSONWriter.string(f.ruleId)),
            ("severity", JSONWriter.string(f.severity.rawValue)),
            ("message", JSONWriter.string(f.message)),
            ("file", JSONWriter.string(f.file)),
            ("line", f.location.line > 0 ? String(f.location.line) : nil),
            ("column", f.location.line > 0 ? String(max(1, f.location.column)) : nil),
            ("element", f.elementId.map(JSONWriter.string)),
            ("path", f.path.isEmpty ? nil : JSONWriter.array(f.path.map(JSONWriter.string))),
        ])
    }
}
