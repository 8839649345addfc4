import BPMNModel
import BPMNPython
import Foundation
import XCTest

/// VariableValue <-> Python: exact round trips and clear errors for what cannot be a variable.
final class PythonValueMappingTests: XCTestCase {
    private var engine: PythonEngine!

    override func setUpWithError() throws {
        engine = try PythonEngine(timeLimit: 2)
    }

    private func roundTrip(_ value: VariableValue) throws -> VariableValue? {
        try engine.run("copy = value", variables: ["value": value]).variables["copy"]
    }

    func testEveryVariableTypeRoundTripsExactly() throws {
        let samples: [VariableValue] = [
            nil, true, false, 0, 1, -1, .integer(Int64.max), .integer(Int64.min), 0.1, -2.5e-300, 1e308,
            .double(.infinity), "", "plain", "ünïcödé ✓ 😀", "line\nbreak\u{0}nul", [], [1, "a", nil, [true]],
            [:], ["nested": ["list": [1.5, ["deep": "yes"]], "null": nil]],
            .date(Date(timeIntervalSince1970: 1_714_566_600)), .date(Date(timeIntervalSince1970: -86_400 * 365.25 * 100)),
            .date(Date(timeIntervalSince1970: 1_714_566_600.123456)),
        ]
        for sample in samples {
            XCTAssertEqual(try roundTrip(sample), sample, "\(sample)")
        }
    }

    func testPythonSeesNativeTypes() throws {
        let checked = try engine.run("""
        ok = [n is None, b is True, isinstance(i, int) and not isinstance(i, bool), isinstance(f, float),
              isinstance(s, str), isinstance(l, list), isinstance(d, dict)]
        """, variables: ["n": nil, "b": true, "i": 3, "f": 1.5, "s": "x", "l": [], "d": [:]])
        XCTAssertEqual(checked.variables["ok"], [true, true, true, true, true, true, true])
    }

    func testIntegerAndFloatStayDistinct() throws {
        let result = try engine.run("a = 4 / 2\nb = 4 // 2\nc = 2 ** 62", variables: [:])
        XCTAssertEqual(result.variables["a"], .double(2.0))
        XCTAssertEqual(result.variables["b"], .integer(2))
        XCTAssertEqual(result.variables["c"], .integer(1 << 62))
    }

    // MARK: Dates

    func testDatesReachPythonAsDatetimesAndComeBack() throws {
        let instant = Date(timeIntervalSince1970: 1_714_566_600)  // 2024-05-01T12:30:00Z
        let result = try engine.run("""
        from datetime import datetime, timedelta
        parts = [due.year, due.month, due.day, due.hour, due.minute]
        later = due + timedelta(days=1, microseconds=5)
        """, variables: ["due": .date(instant)])
        XCTAssertEqual(result.variables["parts"], [2024, 5, 1, 12, 30])
        XCTAssertEqual(result.variables["later"], .date(Date(timeIntervalSince1970: 1_714_566_600 + 86_400.000005)))
    }

    /// A `date`, a naive and an aware datetime each come back to the next script as the same kind,
    /// so `date.today() == d` and comparisons keep working across script tasks.
    func testPythonDateKindsSurviveBetweenScripts() throws {
        let first = try engine.run("""
        from datetime import date, datetime, timezone, timedelta
        d = date(2024, 5, 1)
        naive = datetime(2024, 5, 1, 9, 30)
        aware = datetime(2024, 5, 1, 9, 30, tzinfo=timezone(timedelta(hours=2)))
        utc = datetime(2024, 5, 1, 7, 30, 0, 250, tzinfo=timezone.utc)
        """, variables: [:])
        XCTAssertEqual(first.variables["d"], .date(Date(timeIntervalSince1970: 1_714_521_600)))
        XCTAssertEqual(first.variables["naive"], .date(Date(timeIntervalSince1970: 1_714_555_800)))
        XCTAssertEqual(first.variables["aware"], .date(Date(timeIntervalSince1970: 1_714_548_600)), "09:30+02:00 is 07:30Z")
        let second = try engine.run("""
        from datetime import date, datetime, timezone, timedelta
        checks = [
            d == date(2024, 5, 1) and not isinstance(d, datetime),
            naive == datetime(2024, 5, 1, 9, 30) and naive.tzinfo is None,
            aware.isoformat() == '2024-05-01T09:30:00+02:00',
            utc.isoformat() == '2024-05-01T07:30:00.000250+00:00',
            aware < utc + timedelta(seconds=1),
        ]
        """, variables: first.variables)
        XCTAssertEqual(second.variables["checks"], [true, true, true, true, true])
        XCTAssertEqual(second.changed.keys.sorted(), ["checks"], "unchanged dates are not reported as changed")
    }

    // MARK: Values that cannot be variables

    func testASetNamesTheVariableAndType() {
        XCTAssertThrowsError(try engine.run("tags = {'a', 'b'}", variables: [:])) { error in
            let error = error as! PythonError
            XCTAssertEqual(error.kind, .unsupportedValue)
            XCTAssertEqual(error.message, "variable 'tags': a value of Python type 'set' cannot be stored as a variable "
                + "(supported: None, bool, int, float, str, list, tuple, dict with str keys, date, datetime)")
        }
    }

    func testAnObjectDeepInsideADictNamesItsPath() {
        let script = "class Point:\n    pass\norder = {'lines': [1, {'at': Point()}]}"
        XCTAssertThrowsError(try engine.run(script, variables: [:])) { error in
            let error = error as! PythonError
            XCTAssertEqual(error.kind, .unsupportedValue)
            XCTAssertTrue(error.message.hasPrefix("variable 'order'['lines'][1]['at']: a value of Python type 'Point'"), error.message)
        }
    }

    func testOtherUnmappableValues() {
        let cases: [(String, String)] = [
            ("v = b'bytes'", "'bytes'"),
            ("import decimal\nv = decimal.Decimal('1.5')", "'decimal.Decimal'"),
            ("from datetime import timedelta\nv = timedelta(1)", "'datetime.timedelta'"),
            ("v = 2 ** 64", "does not fit in 64 bits"),
            ("v = {1: 'x'}", "the dict key 1 (int) is not a string"),
            ("v = []\nv.append(v)", "nested more than 200 levels"),
            ("v = 1j", "'complex'"),
            ("v = ['\\ud800']", "not valid Unicode text"),
        ]
        for (script, expected) in cases {
            XCTAssertThrowsError(try engine.run(script, variables: [:]), script) { error in
                let error = error as! PythonError
                XCTAssertEqual(error.kind, .unsupportedValue, script)
                XCTAssertTrue(error.message.contains(expected), "\(script): \(error.message)")
                XCTAssertTrue(error.message.hasPrefix("variable 'v'"), "\(script): \(error.message)")
            }
        }
    }

    /// Dicts reach Python with sorted keys, so scripts that depend on order behave the same on
    /// every run (a Swift dictionary's order differs between processes).
    func testDictsReachPythonInSortedKeyOrder() throws {
        let result = try engine.run("import json\ntext = json.dumps(d)\nnames = list(d)",
                                    variables: ["d": ["zeta": 1, "alpha": 2, "mid": ["b": 1, "a": 2]]])
        XCTAssertEqual(result.variables["text"], "{\"alpha\": 2, \"mid\": {\"a\": 2, \"b\": 1}, \"zeta\": 1}")
        XCTAssertEqual(result.variables["names"], ["alpha", "mid", "zeta"])
    }

    func testDictSubclassesAndNamedTuplesMapToPlainValues() throws {
        let result = try engine.run("""
        from collections import defaultdict, OrderedDict, namedtuple
        dd = defaultdict(int)
        dd['a'] += 2
        od = OrderedDict(b=1)
        P = namedtuple('P', 'x y')
        p = P(1, 2)
        """, variables: [:])
        XCTAssertEqual(result.variables, ["dd": ["a": 2], "od": ["b": 1], "p": [1, 2]])
    }
}
