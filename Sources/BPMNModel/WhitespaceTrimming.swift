extension String {
    /// The string without leading and trailing white space (Unicode White_Space: spaces, tabs,
    /// line breaks, no-break and other Unicode spaces), like Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` but without a round trip through NSString,
    /// which dominated loading a diagram with many scripts and conditions.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}
