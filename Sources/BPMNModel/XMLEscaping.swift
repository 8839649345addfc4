/// Escaping for the XML bpmnrun writes (XES logs, JUnit reports), in one place so every writer
/// treats markup characters and the characters XML 1.0 cannot hold alike.
public enum XMLEscaping {
    /// Appends `text` escaped for XML text or a double-quoted attribute. With `keepLineBreaks`
    /// false, line breaks and tabs become character references (inside an attribute a parser would
    /// fold them to spaces otherwise). Characters XML 1.0 cannot hold at all (other control
    /// characters, U+FFFE, U+FFFF) become U+FFFD.
    public static func append(_ text: String, to out: inout String, keepLineBreaks: Bool = false) {
        // Ids, names, types and times almost never need escaping: append them whole.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 && $0 < 0xEF }) {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\r", "\t":
                if keepLineBreaks { out.unicodeScalars.append(scalar) } else { out += "&#\(scalar.value);" }
            case let c where c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    /// `text` escaped (see `append`).
    public static func escaped(_ text: String, keepLineBreaks: Bool = false) -> String {
        var out = ""
        append(text, to: &out, keepLineBreaks: keepLineBreaks)
        return out
    }
}
