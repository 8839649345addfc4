/// `--format github`: GitHub Actions workflow commands, which annotate the pull request's files
/// (`::error file=F,line=L,col=C,title=rule::message`), then the summary line.
public enum GitHubFormatter {
    public static func render(_ report: ValidationReport) -> String {
        var out = ""
        for f in report.allFindings {
            var props = ["file=" + property(f.file)]
            if f.location.line > 0 {
                props.append("line=\(f.location.line)")
                props.append("col=\(max(1, f.location.column))")
            }
            props.append("title=" + property("bpmnrun " + f.ruleId))
            var text = f.message
            if let e = f.elementId { text += " (\(e))" }
            if !f.path.isEmpty { text += "\npath: " + f.path.joined(separator: " -> ") }
            out += "::\(f.severity == .error ? "error" : "warning") \(props.joined(separator: ","))::\(data(text))\n"
        }
        out += TextFormatter(colors: false).summary(report) + "\n"
        return out
    }

    /// Escaping of the message part of a workflow command.
    static func data(_ s: String) -> String {
        s.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    /// Escaping of a property value (also `:` and `,`).
    static func property(_ s: String) -> String {
        data(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    func replacingAll(_ a: String, _ b: String) -> String {
        guard contains(a) else { return self }
        return components(separatedBy: a).joined(separator: b)
    }
}

import Foundation
