import BPMNModel
import Foundation
import XCTest

final class DateFormatsTests: XCTestCase {
    func testISO8601KnownInstants() {
        func text(_ ms: Int64) -> String { DateFormats.iso8601String(Date(timeIntervalSince1970: Double(ms) / 1000)) }
        XCTAssertEqual(text(0), "1970-01-01T00:00:00Z")
        XCTAssertEqual(text(-1), "1969-12-31T23:59:59.999Z")
        XCTAssertEqual(text(951_782_400_000), "2000-02-29T00:00:00Z")
        XCTAssertEqual(text(1_714_566_600_123), "2024-05-01T12:30:00.123Z")
        XCTAssertEqual(text(1_714_566_600_050), "2024-05-01T12:30:00.050Z")
        XCTAssertEqual(text(-11_644_473_600_000), "1601-01-01T00:00:00Z")
        XCTAssertEqual(text(253_402_300_799_000), "9999-12-31T23:59:59Z")
    }

    /// The hand-written formatter agrees with ICU's on whole seconds across four centuries.
    func testISO8601AgreesWithDateFormatter() {
        let icu = DateFormatter()
        icu.locale = Locale(identifier: "en_US_POSIX")
        icu.timeZone = TimeZone(identifier: "UTC")
        icu.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        var seconds: Int64 = -8_000_000_000
        while seconds < 8_000_000_000 {
            let date = Date(timeIntervalSince1970: Double(seconds))
            XCTAssertEqual(DateFormats.iso8601String(date), icu.string(from: date), "at \(seconds) s")
            seconds += 7_777_777
        }
    }

    func testISO8601RoundTripsThroughParser() {
        let date = Date(timeIntervalSince1970: 1_700_000_000.25)
        XCTAssertEqual(DateFormats.parseISO8601(DateFormats.iso8601String(date)), date)
    }
}
