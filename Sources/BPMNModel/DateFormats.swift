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
    ///
    /// Written by hand rather than with a DateFormatter: every trace event carries a time stamp,
    /// and building an ICU formatter per call made a traced run about 100 times slower.
    public static func iso8601String(_ date: Date) -> String {
        let totalMs = (date.timeIntervalSince1970 * 1000).rounded()
        guard abs(totalMs) < 253_402_300_800_000 else {  // beyond year 9999: let ICU write it
            let pattern = totalMs.truncatingRemainder(dividingBy: 1000) == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
            return formatter(pattern).string(from: date)
        }
        let ms = Int64(totalMs)
        let millis = Int(((ms % 1000) + 1000) % 1000)
        let seconds = (ms - Int64(millis)) / 1000
        let secondOfDay = Int(((seconds % 86_400) + 86_400) % 86_400)
        let days = (seconds - Int64(secondOfDay)) / 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        guard year >= 1 else {
            return formatter(millis == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").string(from: date)
        }
        let length = millis == 0 ? 20 : 24
        return String(unsafeUninitializedCapacity: length) { buffer in
            var at = 0
            func put(_ value: Int, _ width: Int) {
                var v = value
                for i in stride(from: width - 1, through: 0, by: -1) {
                    buffer[at + i] = UInt8(ascii: "0") + UInt8(v % 10)
                    v /= 10
                }
                at += width
            }
            func put(_ ascii: Unicode.Scalar) {
                buffer[at] = UInt8(ascii: ascii)
                at += 1
            }
            put(year, 4); put("-"); put(month, 2); put("-"); put(day, 2); put("T")
            put(secondOfDay / 3600, 2); put(":"); put(secondOfDay / 60 % 60, 2); put(":"); put(secondOfDay % 60, 2)
            if millis != 0 { put("."); put(millis, 3) }
            put("Z")
            return at
        }
    }

    /// Proleptic Gregorian year, month, day of a day count from 1970-01-01 (H. Hinnant's
    /// civil_from_days).
    static func civilDate(daysSinceEpoch: Int64) -> (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
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
