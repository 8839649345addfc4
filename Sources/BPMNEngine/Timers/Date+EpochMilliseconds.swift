import Foundation

/// Timer arithmetic works in whole milliseconds, like `java.util.Date`, so that a due date computed by repeated
/// additions equals the same instant computed any other way (a `Double` seconds value would drift by an ulp
/// and turn "due exactly now" into "just missed").
extension Date {
    var epochMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    init(epochMilliseconds ms: Int64) {
        self.init(timeIntervalSince1970: Double(ms) / 1000)
    }
}
