import BPMNModel

/// Minimal JSON writing for the report formats (stable key order, no Foundation round trip).
enum JSONWriter {
    /// A JSON string literal (the same escaping as the trace writer).
    static func string(_ s: String) -> String { JSONText.quoted(s) }

    /// `{"k": v, ...}` from already-encoded values, in the given order; nil values left out.
    static func object(_ pairs: [(String, String?)]) -> String {
        "{" + pairs.compactMap { k, v in v.map { string(k) + ": " + $0 } }.joined(separator: ", ") + "}"
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}
