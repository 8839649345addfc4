import Foundation
import XCTest
@testable import BPMNEngine

/// Builds expected instants from calendar fields, independently of the parsers under test.
enum TimerTestDates {
    static let utcZone = TimeZone(identifier: "UTC")!
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    static func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0,
                     ms: Int = 0, in zone: TimeZone = utcZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let d = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
        // Whole milliseconds, as java.util.Date holds them.
        return Date(timeIntervalSince1970: Double(Int64(d.timeIntervalSince1970) * 1000 + Int64(ms)) / 1000)
    }

    static func epochSeconds(_ s: Double) -> Date { Date(timeIntervalSince1970: s) }
}

/// Asserts that `body` throws a `TimerDefinitionError` whose message contains every fragment.
func assertTimerError(_ body: () throws -> Void, mentions fragments: [String],
                      file: StaticString = #filePath, line: UInt = #line) {
    do {
        try body()
        XCTFail("expected a TimerDefinitionError", file: file, line: line)
    } catch let error as TimerDefinitionError {
        for fragment in fragments where !error.message.contains(fragment) {
            XCTFail("message \"\(error.message)\" does not mention \"\(fragment)\"", file: file, line: line)
        }
    } catch {
        XCTFail("expected a TimerDefinitionError, got \(error)", file: file, line: line)
    }
}
