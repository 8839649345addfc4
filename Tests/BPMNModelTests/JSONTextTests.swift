import XCTest
@testable import BPMNModel

final class JSONTextTests: XCTestCase {
    func testKeepsIntegerDoubleAndBooleanApart() throws {
        let v = try JSONText.decode(#"{"a": 1, "b": 1.0, "c": true, "d": null, "e": [1, "x"], "f": "\u00e9\n"}"#)
        XCTAssertEqual(v, .object(["a": .integer(1), "b": .double(1.0), "c": .boolean(true), "d": .null,
                                   "e": .array([.integer(1), .string("x")]), "f": .string("é\n")]))
    }

    func testRoundTripsThroughText() throws {
        let v: VariableValue = ["n": 3, "x": 2.5, "s": "q\"uote", "l": [true, nil]]
        XCTAssertEqual(try JSONText.decode(JSONText.encode(v)), v)
        XCTAssertEqual(try JSONText.decode(JSONText.encode(v, pretty: true)), v)
    }

    func testReportsWhereTheSyntaxErrorIs() {
        XCTAssertThrowsError(try JSONText.decode("{\n  \"a\": tru\n}")) { error in
            let e = error as! JSONText.SyntaxError
            XCTAssertEqual(e.line, 2)
        }
        XCTAssertThrowsError(try JSONText.decode("[1,2"))
        XCTAssertThrowsError(try JSONText.decode(String(repeating: "[", count: 10_000)))
    }

    func testDatesSurviveCodableRoundTrip() throws {
        let d = VariableValue.date(DateFormats.parseFormDate("24/12/2024")!)
        let data = try JSONEncoder().encode(d)
        XCTAssertEqual(try JSONDecoder().decode(VariableValue.self, from: data), d)
    }
}
