extension String {
    /// The string without leading and trailing white space (Unicode White_Space: spaces, tabs,
    /// line breaks, no-break and other Unicode spaces), like Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` but without a round trip through NSString,
    /// which dominated loading a diagram with many scripts and conditions.
    public func trimmingWhitespace() -> String {
        // Fast path on UTF-8 bytes: when both new ends are ASCII, no Unicode property lookup is
        // needed (those lookups were most of compiling 20,000 script tasks after the syntax checks).
        let bytes = utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, Self.isASCIIWhiteSpace(bytes[start]) { start = bytes.index(after: start) }
        while end > start, Self.isASCIIWhiteSpace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        if start == end { return "" }
        if bytes[start] < 0x80 && bytes[bytes.index(before: end)] < 0x80 {
            return start == bytes.startIndex && end == bytes.endIndex ? self : String(self[start..<end])
        }
        return trimmingUnicodeWhiteSpace()
    }

    /// U+0009...U+000D and U+0020, the ASCII members of Unicode White_Space.
    private static func isASCIIWhiteSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    private func trimmingUnicodeWhiteSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}
