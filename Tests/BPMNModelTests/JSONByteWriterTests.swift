import BPMNModel
import Foundation
import XCTest

final class JSONByteWriterTests: XCTestCase {
    /// The trace's byte writer produces exactly the text of JSONText's compact writer.
    func testSameTextAsJSONText() {
        let values: [VariableValue] = [
            .null, .boolean(true), .boolean(false), .integer(0), .integer(7), .integer(-42), .integer(Int64.max), .integer(Int64.min),
            .double(1.5), .double(2), .string(""), .string("plain"), .string("quote \" backslash \\ tab \t nl \n cr \r bell \u{7}"),
            .string("ünïcödé 日本 🎉"), .date(Date(timeIntervalSince1970: 1_714_566_600.123)),
            .array([]), .array([.integer(1), .string("a"), .null]),
            .object([:]), .object(["b": .integer(2), "a": .array([.boolean(true)]), "c\"": .object(["x": .string("y")])]),
        ]
        for value in values {
            var writer = JSONByteWriter()
            writer.value(value)
            XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), JSONText.encode(value), "for \(value)")
        }
    }
}
