import BPMNModel
import Foundation

/// Recognisers for the ISO 8601 forms Camunda 7 timers accept (javax.xml.datatype durations,
/// DateTimeUtil dates, `R[n]/...` intervals) and Quartz-style cron expressions.
enum ISO8601Text {
    /// `PnYnMnDTnHnMnS` / `PnW`, optional leading `-`; fractions allowed on seconds.
    static func isDuration(_ s: String) -> Bool {
        s.range(of: #"^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?$"#,
                options: .regularExpression) != nil
    }

    /// A date or date-time, with optional fraction and zone (Joda's ISODateTimeFormat.dateTimeParser).
    static func isDateTime(_ s: String) -> Bool {
        guard s.range(of: #"^\d{4}-\d{2}-\d{2}(T\d{2}(:\d{2}(:\d{2}([.,]\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$"#,
                      options: .regularExpression) != nil else { return false }
        return DateFormats.parseISO8601(s) != nil || s.count == 10 || s.contains(",") || s.contains(".")
            || s.range(of: #"T\d{2}(Z|[+-]|$)"#, options: .regularExpression) != nil
    }

    /// `R[n]/duration`, `R[n]/start/duration`, `R[n]/duration/end`, `R[n]/start/end`.
    static func isRepeatingInterval(_ s: String) -> Bool {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts.count <= 3, parts[0].hasPrefix("R"),
              parts[0].dropFirst().allSatisfy(\.isNumber) else { return false }
        let rest = Array(parts.dropFirst())
        if rest.count == 1 { return isDuration(rest[0]) }
        if isDuration(rest[0]) { return isDateTime(rest[1]) }
        return isDateTime(rest[0]) && (isDuration(rest[1]) || isDateTime(rest[1]))
    }

    /// Quartz cron: 6 or 7 space-separated fields of the characters cron allows.
    static func isCron(_ s: String) -> Bool {
        let fields = s.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == 6 || fields.count == 7 else { return false }
        return fields.allSatisfy { f in
            f.range(of: #"^[0-9A-Za-z*?/,\-#LW]+$"#, options: .regularExpression) != nil
        }
    }
}
