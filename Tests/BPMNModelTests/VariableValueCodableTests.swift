import BPMNModel
import Foundation
import XCTest

/// Saved run states encode variables with Codable: every value must come back with its type.
final class VariableValueCodableTests: XCTestCase {
    func roundTrip(_ value: VariableValue) throws -> VariableValue {
        try JSONDecoder().decode(VariableValue.self, from: JSONEncoder().encode(value))
    }

    func testEveryTypeComesBackAsItWas() throws {
        let values: [VariableValue] = [
            .null, .boolean(false), .integer(2), .integer(-9_007_199_254_740_993), .double(2.0), .double(-0.5),
            .double(1e300), .double(.infinity), .double(-.infinity), .string("2"), .string("{\"$double\":\"1\"}"),
            .date(Date(timeIntervalSince1970: 1_798_070_400)), .array([.double(3), .integer(3)]),
            .object(["$date": "not a date", "n": .double(1)]),
        ]
        for value in values {
            XCTAssertEqual(try roundTrip(value), value, "\(value)")
        }
        guard case .double(let nan) = try roundTrip(.double(.nan)), nan.isNaN else { return XCTFail("NaN stays a double NaN") }
    }

    func testAFractionalDoubleIsAPlainJSONNumber() throws {
        XCTAssertEqual(String(decoding: try JSONEncoder().encode(VariableValue.double(2.5)), as: UTF8.self), "2.5")
    }
}
