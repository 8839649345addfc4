import Foundation

/// Date renderings used across bpmnrun. Camunda form fields use `dd/MM/yyyy`; traces use ISO 8601.
public enum DateFormats {
    private static func formatter(_ pattern: String) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = pattern
        f.isLenient = false
        return f
    }

    /// `2024-05-01T12:30:00Z` (UTC, whole seconds) or with milliseconds when present.
    public static func iso8601String(_ date: Date) -> String {
        let ms = (date.timeIntervalSince1970 * 1000).rounded()
        let pattern = ms.truncatingRemainder(dividingBy: 1000) == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
        return formatter(pattern).string(from: date)
    }

    /// Parses ISO 8601 dates and date-times (`2024-05-01`, `2024-05-01T12:30:00`, with `Z` or an offset,
    /// optional fraction). A value without zone is read as UTC.
    public static func parseISO8601(_ text: String) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        for pattern in ["yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mmXXXXX",
                        "yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"] {
            if let d = formatter(pattern).date(from: t) { return d }
        }
        return nil
    }

    /// Camunda's form date pattern `dd/MM/yyyy` (or a field's own `datePattern`).
    public static func parseFormDate(_ text: String, pattern: String = "dd/MM/yyyy") -> Date? {
        formatter(pattern).date(from: text.trimmingCharacters(in: .whitespaces))
    }

    public static func formDateString(_ date: Date, pattern: String = "dd/MM/yyyy") -> String {
        formatter(pattern).string(from: date)
    }
}
