/// The output formats of `bpmnrun validate --format`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, junit, sarif, github

    /// Renders a report. `colors` only affects `text`.
    public func render(_ report: ValidationReport, colors: Bool = false) -> String {
        switch self {
        case .text: return TextFormatter(colors: colors).render(report)
        case .json: return JSONFormatter.render(report)
        case .junit: return JUnitFormatter.render(report)
        case .sarif: return SARIFFormatter.render(report)
        case .github: return GitHubFormatter.render(report)
        }
    }
}
