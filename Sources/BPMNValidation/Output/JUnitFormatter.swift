import BPMNModel

/// `--format junit`: one test case per file, failing when the file has errors (each error one
/// `<failure>` line); warnings go to `<system-out>`. Readable by Jenkins, GitLab and the like.
public enum JUnitFormatter {
    public static func render(_ report: ValidationReport) -> String {
        let failures = report.files.filter { $0.errorCount > 0 }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"bpmnrun validate\" tests=\"\(report.files.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        out += "  <testsuite name=\"bpmnrun validate\" tests=\"\(report.files.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        let text = TextFormatter(colors: false)
        for file in report.files {
            out += "    <testcase classname=\"bpmnrun.validate\" name=\"\(escape(file.file))\" file=\"\(escape(file.file))\""
            let errors = file.findings.filter { $0.severity == .error }
            let warnings = file.findings.filter { $0.severity == .warning }
            if errors.isEmpty && warnings.isEmpty {
                out += "/>\n"
                continue
            }
            out += ">\n"
            if let first = errors.first {
                let noun = errors.count == 1 ? "error" : "errors"
                out += "      <failure type=\"\(escape(first.ruleId))\" message=\"\(errors.count) \(noun): \(escape(first.message))\">"
                out += escape(errors.map(text.line).joined(separator: "\n")) + "</failure>\n"
            }
            if !warnings.isEmpty {
                out += "      <system-out>" + escape(warnings.map(text.line).joined(separator: "\n")) + "</system-out>\n"
            }
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// XML text/attribute escaping (line breaks kept: the reports' texts are multi-line).
    static func escape(_ s: String) -> String { XMLEscaping.escaped(s, keepLineBreaks: true) }
}
