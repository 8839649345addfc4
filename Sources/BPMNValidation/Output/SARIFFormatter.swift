/// `--format sarif`: SARIF 2.1.0 for code-scanning upload (GitHub, GitLab, Azure DevOps). Every
/// rule is listed in `tool.driver.rules`; each finding is a `result` with the file as artifact
/// location, line and column as region, and the element id as logical location.
public enum SARIFFormatter {
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    public static func render(_ report: ValidationReport) -> String {
        let rules = RuleRegistry.all
        var ruleIndex: [String: Int] = [:]
        for (i, r) in rules.enumerated() { ruleIndex[r.id] = i }
        let ruleObjects = rules.map { r in
            JSONWriter.object([
                ("id", JSONWriter.string(r.id)),
                ("name", JSONWriter.string(r.id)),
                ("shortDescription", JSONWriter.object([("text", JSONWriter.string(r.summary))])),
                ("helpUri", JSONWriter.string("https://github.com/bpmnrun/bpmnrun/blob/main/docs/rules.md#\(r.id)")),
                ("defaultConfiguration", JSONWriter.object([("level", JSONWriter.string(level(r.defaultLevel)))])),
                ("properties", JSONWriter.object([("category", JSONWriter.string(r.category.rawValue))])),
            ])
        }
        var results: [String] = []
        for f in report.allFindings {
            var physical: [(String, String?)] = [("artifactLocation", JSONWriter.object([("uri", JSONWriter.string(uri(f.file)))]))]
            if f.location.line > 0 {
                physical.append(("region", JSONWriter.object([
                    ("startLine", String(f.location.line)), ("startColumn", String(max(1, f.location.column))),
                ])))
            }
            var location: [(String, String?)] = [("physicalLocation", JSONWriter.object(physical))]
            if let e = f.elementId {
                location.append(("logicalLocations", JSONWriter.array([JSONWriter.object([
                    ("name", JSONWriter.string(e)), ("kind", JSONWriter.string("element")),
                ])])))
            }
            var text = f.message
            if let e = f.elementId { text += " (\(e))" }
            if !f.path.isEmpty { text += "; path: " + f.path.joined(separator: " -> ") }
            results.append(JSONWriter.object([
                ("ruleId", JSONWriter.string(f.ruleId)),
                ("ruleIndex", ruleIndex[f.ruleId].map(String.init)),
                ("level", JSONWriter.string(f.severity == .error ? "error" : "warning")),
                ("message", JSONWriter.object([("text", JSONWriter.string(text))])),
                ("locations", JSONWriter.array([JSONWriter.object(location)])),
            ]))
        }
        let driver = JSONWriter.object([
            ("name", JSONWriter.string("bpmnrun")),
            ("informationUri", JSONWriter.string("https://github.com/bpmnrun/bpmnrun")),
            ("version", JSONWriter.string("0.1.0")),
            ("rules", "[\n        " + ruleObjects.joined(separator: ",\n        ") + "]"),
        ])
        // Columns count Unicode characters (libxml2 positions turned into characters by the parser).
        let run = "{\"tool\": {\"driver\": \(driver)},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [\n        "
            + results.joined(separator: ",\n        ") + "]}"
        return "{\"$schema\": \(JSONWriter.string(schema)),\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    \(run)]}\n"
    }

    static func level(_ l: RuleLevel) -> String {
        switch l {
        case .off: return "none"
        case .warn: return "warning"
        case .error: return "error"
        }
    }

    /// A relative URI reference for a path (percent-encoding what URIs do not allow).
    static func uri(_ path: String) -> String {
        var p = path
        if p.hasPrefix("./") { p.removeFirst(2) }
        var out = ""
        for b in p.utf8 {
            let c = Character(Unicode.Scalar(b))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~/!$&'()*+,;=:@".contains(c)) {
                out.append(c)
            } else {
                out += "%" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
