import BPMNModel

/// Maps a character of a value read from the diagram (an attribute value or an element's text)
/// back to its line and column in the file, so that a finding about a JUEL expression points at
/// the offending character rather than at the element. Entity and character references, CDATA
/// sections, line-end and attribute-value normalisation are undone on the way.
enum SourcePosition {
    /// One decoded character of the file and the byte offset where it is written.
    private struct Decoded {
        var scalar: Unicode.Scalar
        var offset: Int
    }

    /// Where the character at `utf16Offset` of `text` is written, searching the attributes of the
    /// element starting at `element` (its `<`) and then its content; nil when `text` is not found
    /// there (the caller then keeps the element's position).
    static func locate(_ text: String, utf16Offset: Int, element: SourceLocation, in bytes: [UInt8]) -> SourceLocation? {
        guard element.line > 0, let start = offset(of: element, in: bytes), start < bytes.count, bytes[start] == 0x3C else { return nil }
        let wanted = Array(text.unicodeScalars)
        guard !wanted.isEmpty else { return nil }
        let index = scalarIndex(text, utf16Offset: utf16Offset)
        let (attributes, contentStart) = attributeValues(bytes, from: start)
        for value in attributes {
            if let hit = find(wanted, in: value, normalisingWhitespace: true) {
                return location(ofOffset: value[min(hit + index, value.count - 1)].offset, in: bytes)
            }
        }
        guard let contentStart else { return nil }
        for segment in contentSegments(bytes, from: contentStart) {
            if let hit = find(wanted, in: segment, normalisingWhitespace: false) {
                return location(ofOffset: segment[min(hit + index, segment.count - 1)].offset, in: bytes)
            }
        }
        return nil
    }

    /// The index of the scalar holding a UTF-16 offset (JUEL positions count UTF-16 units, as Java does).
    static func scalarIndex(_ text: String, utf16Offset: Int) -> Int {
        var units = 0
        for (i, s) in text.unicodeScalars.enumerated() {
            units += s.utf16.count
            if units > utf16Offset { return i }
        }
        return max(0, text.unicodeScalars.count - 1)
    }

    // MARK: Offsets and locations

    /// Byte offset of a 1-based line and column (columns count code points, as the scanner's do).
    static func offset(of location: SourceLocation, in bytes: [UInt8]) -> Int? {
        var line = 1
        var i = 0
        while line < location.line {
            guard let nl = bytes[i...].firstIndex(of: 0x0A) else { return nil }
            i = nl + 1
            line += 1
        }
        var column = 1
        while column < location.column {
            guard i < bytes.count else { return nil }
            i += 1
            while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
            column += 1
        }
        return i
    }

    static func location(ofOffset target: Int, in bytes: [UInt8]) -> SourceLocation {
        var line = 1
        var lineStart = 0
        for i in 0..<target where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        for i in lineStart..<target where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return SourceLocation(line: line, column: column)
    }

    // MARK: Decoding

    /// The decoded values of the start tag's attributes, and where its content begins (nil for an
    /// empty-element tag).
    private static func attributeValues(_ b: [UInt8], from start: Int) -> ([[Decoded]], Int?) {
        var values: [[Decoded]] = []
        var i = start + 1
        while i < b.count {
            let c = b[i]
            if c == 0x3E { return (values, i + 1) }  // >
            if c == 0x2F && i + 1 < b.count && b[i + 1] == 0x3E { return (values, nil) }  // />
            if c == 0x22 || c == 0x27 {  // a quoted value
                let quote = c
                var value: [Decoded] = []
                i += 1
                while i < b.count && b[i] != quote {
                    let (d, next) = decode(b, at: i)
                    value.append(d)
                    i = next
                }
                values.append(value)
            }
            i += 1
        }
        return (values, nil)
    }

    /// The text of an element's content, one segment per run of text between tags, up to the
    /// element's end tag.
    private static func contentSegments(_ b: [UInt8], from start: Int) -> [[Decoded]] {
        var segments: [[Decoded]] = []
        var current: [Decoded] = []
        var depth = 1
        var i = start
        func close() {
            if !current.isEmpty { segments.append(current) }
            current = []
        }
        while i < b.count && depth > 0 {
            if b[i] == 0x3C {  // <
                if hasPrefix(b, i, "<![CDATA[") {
                    i += 9
                    while i < b.count && !hasPrefix(b, i, "]]>") {
                        if b[i] == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A { i += 1; continue }
                        let n = sequenceLength(b[i])
                        current.append(Decoded(scalar: scalar(b, i, n), offset: i))
                        i += n
                    }
                    i += 3
                    continue
                }
                if hasPrefix(b, i, "<!--") {
                    while i < b.count && !hasPrefix(b, i, "-->") { i += 1 }
                    i += 3
                    continue
                }
                close()
                let isEnd = i + 1 < b.count && b[i + 1] == 0x2F
                var quote: UInt8 = 0
                var j = i + 1
                while j < b.count {
                    if quote != 0 {
                        if b[j] == quote { quote = 0 }
                    } else if b[j] == 0x22 || b[j] == 0x27 {
                        quote = b[j]
                    } else if b[j] == 0x3E {
                        break
                    }
                    j += 1
                }
                let selfClosing = j > 0 && b[j - 1] == 0x2F
                let second = i + 1 < b.count ? b[i + 1] : 0
                if isEnd { depth -= 1 } else if !selfClosing && second != 0x3F && second != 0x21 { depth += 1 }
                i = j + 1
                continue
            }
            if b[i] == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A { i += 1; continue }
            let (d, next) = decode(b, at: i)
            current.append(d)
            i = next
        }
        close()
        return segments
    }

    /// One character at `i`: an entity or character reference, or a UTF-8 sequence.
    private static func decode(_ b: [UInt8], at i: Int) -> (Decoded, Int) {
        if b[i] == 0x26, let semi = b[i..<min(b.count, i + 12)].firstIndex(of: 0x3B) {  // &...;
            let name = String(decoding: b[(i + 1)..<semi], as: UTF8.self)
            var s: Unicode.Scalar?
            switch name {
            case "amp": s = "&"
            case "lt": s = "<"
            case "gt": s = ">"
            case "quot": s = "\""
            case "apos": s = "'"
            default:
                if name.hasPrefix("#x") { s = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if name.hasPrefix("#") { s = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init) }
            }
            if let s { return (Decoded(scalar: s, offset: i), semi + 1) }
        }
        let n = sequenceLength(b[i])
        return (Decoded(scalar: scalar(b, i, n), offset: i), i + n)
    }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    private static func scalar(_ b: [UInt8], _ i: Int, _ n: Int) -> Unicode.Scalar {
        let end = min(b.count, i + n)
        return String(decoding: b[i..<end], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
    }

    private static func hasPrefix(_ b: [UInt8], _ i: Int, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        return s.withUTF8Buffer { p in (0..<n).allSatisfy { b[i + $0] == p[$0] } }
    }

    private static func find(_ wanted: [Unicode.Scalar], in value: [Decoded], normalisingWhitespace: Bool) -> Int? {
        guard value.count >= wanted.count else { return nil }
        func norm(_ s: Unicode.Scalar) -> Unicode.Scalar {
            normalisingWhitespace && (s == "\n" || s == "\t" || s == "\r") ? " " : s
        }
        for start in 0...(value.count - wanted.count) {
            var k = 0
            while k < wanted.count && norm(value[start + k].scalar) == norm(wanted[k]) { k += 1 }
            if k == wanted.count { return start }
        }
        return nil
    }
}
