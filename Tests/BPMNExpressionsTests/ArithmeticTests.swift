import BPMNExpressions
import BPMNModel
import XCTest

final class ArithmeticTests: XCTestCase {
    func testIntegerArithmeticStaysLong() {
        assertTable([
            ("${1 + 2}", 3),
            ("${7 - 10}", -3),
            ("${3 * 4}", 12),
            ("${7 % 3}", 1),
            ("${7 mod 3}", 1),
            ("${-7 % 3}", -1),
            ("${7 % -3}", 1),
            ("${-9223372036854775807 - 1}", .integer(Int64.min)),
            ("${x % -1}", 0),
        ], ["x": .integer(Int64.min)])
    }

    func testLongOverflowWrapsLikeJava() {
        assertTable([
            ("${9223372036854775807 + 1}", .integer(Int64.min)),
            ("${big * 2}", -2),
            ("${-min}", .integer(Int64.min)),
        ], ["big": .integer(Int64.max), "min": .integer(Int64.min)])
    }

    func testDivisionAlwaysGivesDouble() {
        assertTable([
            ("${7 / 2}", 3.5),
            ("${8 div 2}", 4.0),
            ("${1 / 0}", .double(.infinity)),
            ("${-1 / 0}", .double(-.infinity)),
            ("${1.0 / 4}", 0.25),
        ])
        guard case .double(let nan)? = juel("${0 / 0}") else { return XCTFail("0/0 should be a Double") }
        XCTAssertTrue(nan.isNaN)
    }

    func testDoubleArithmetic() {
        assertTable([
            ("${1 + 2.0}", 3.0),
            ("${0.1 + 0.2}", .double(0.1 + 0.2)),
            ("${2.5 * 2}", 5.0),
            ("${5 - 0.5}", 4.5),
            ("${7.5 % 2}", 1.5),
            ("${-7.5 % 2}", -1.5),
            ("${1.5 mod 1}", 0.5),
            ("${'7.5' % 2}", 1.5),
        ])
    }

    func testStringOperandsAreCoercedToNumbers() {
        assertTable([
            ("${'1' + 2}", 3),
            ("${'1' + '2'}", 3),
            ("${'1.5' + 1}", 2.5),
            ("${'1e1' + 0}", 10.0),
            ("${'10' / '4'}", 2.5),
            ("${'' + 5}", 5),
            ("${-'2'}", -2),
            ("${-'2.5'}", -2.5),
            ("${s * 2}", 42),
        ], ["s": "21"])
    }

    func testNullOperands() {
        assertTable([
            ("${null + 1}", 1),
            ("${null + null}", 0),
            ("${null - null}", 0),
            ("${null * 3}", 0),
            ("${null / null}", 0),
            ("${null mod null}", 0),
            ("${n / 2}", 0.0),
            ("${-null}", 0),
            ("${-n}", 0),
        ], ["n": .null])
    }

    func testUnaryMinus() {
        assertTable([
            ("${-5}", -5),
            ("${- 5}", -5),
            ("${--5}", 5),
            ("${-x}", -3),
            ("${-d}", -2.5),
            ("${-(1 + 2)}", -3),
        ], ["x": 3, "d": 2.5])
    }

    func testArithmeticErrors() {
        assertErrorTable([
            ("${'a' + 1}", "Error while evaluating expression: ${'a' + 1}. Cause: Cannot coerce 'a' to class java.lang.Long"),
            ("${'a.b' + 1}", "Error while evaluating expression: ${'a.b' + 1}. Cause: Cannot coerce 'a.b' to class java.lang.Double"),
            ("${true + 1}", "Error while evaluating expression: ${true + 1}. Cause: Cannot coerce from class java.lang.Boolean to class java.lang.Long"),
            ("${list * 2}", "Error while evaluating expression: ${list * 2}. Cause: Cannot coerce from class java.util.ArrayList to class java.lang.Long"),
            ("${5 % 0}", "Error while evaluating expression: ${5 % 0}. Cause: / by zero"),
            ("${-true}", "Error while evaluating expression: ${-true}. Cause: Cannot negate 'class java.lang.Boolean'"),
            ("${-map}", "Error while evaluating expression: ${-map}. Cause: Cannot negate 'class java.util.HashMap'"),
        ], ["list": [1], "map": ["a": 1]])
    }
}
