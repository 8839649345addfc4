import BPMNExpressions
import BPMNModel
import XCTest

final class LogicTests: XCTestCase {
    func testAndOrNot() {
        assertTable([
            ("${true && false}", false), ("${true and true}", true),
            ("${false || true}", true), ("${false or false}", false),
            ("${!true}", false), ("${not false}", true), ("${!!true}", true),
        ])
    }

    func testOperandsAreCoercedToBoolean() {
        assertTable([
            ("${'true' && true}", true),
            ("${'TRUE' and 'True'}", true),
            ("${'yes' || false}", false),
            ("${null || 'true'}", true),
            ("${'' or false}", false),
            ("${!null}", true),
            ("${not 'yes'}", true),
            ("${n and true}", false),
        ], ["n": .null])
    }

    func testShortCircuit() {
        assertTable([
            ("${false && undefinedVariable}", false),
            ("${true || undefinedVariable}", true),
            ("${false and 1 / 0 > 0}", false),
        ])
        XCTAssertEqual(juelError("${true && undefinedVariable}"),
                       "Unknown property used in expression: ${true && undefinedVariable}. Cause: Cannot resolve identifier 'undefinedVariable'")
    }

    func testNonBooleanOperandsFail() {
        assertErrorTable([
            ("${1 && true}", "Error while evaluating expression: ${1 && true}. Cause: Cannot coerce from class java.lang.Long to class java.lang.Boolean"),
            ("${!list}", "Error while evaluating expression: ${!list}. Cause: Cannot coerce from class java.util.ArrayList to class java.lang.Boolean"),
            ("${2.5 ? 1 : 2}", "Error while evaluating expression: ${2.5 ? 1 : 2}. Cause: Cannot coerce from class java.lang.Double to class java.lang.Boolean"),
        ], ["list": []])
    }

    func testEmpty() {
        assertTable([
            ("${empty null}", true),
            ("${empty ''}", true),
            ("${empty 'a'}", false),
            ("${empty emptyList}", true),
            ("${empty list}", false),
            ("${empty emptyMap}", true),
            ("${empty map}", false),
            ("${empty 0}", false),
            ("${empty false}", false),
            ("${not empty list}", true),
            ("${!empty s}", true),
            ("${empty map.missing}", true),
        ], ["emptyList": [], "list": [1], "emptyMap": [:], "map": ["a": 1], "s": "x"])
    }

    func testTernary() {
        assertTable([
            ("${true ? 1 : 2}", 1),
            ("${false ? 1 : 2}", 2),
            ("${x > 1 ? 'big' : 'small'}", "big"),
            ("${false ? 1 : true ? 2 : 3}", 2),
            ("${true ? false ? 1 : 2 : 3}", 2),
            ("${'true' ? 'y' : 'n'}", "y"),
            ("${null ? 'y' : 'n'}", "n"),
            ("${true ? 1 : undefinedVariable}", 1),
            ("${x == 5 ? x * 2 : 0}", 10),
        ], ["x": 5])
    }

    func testPrecedenceAndAssociativity() {
        assertTable([
            ("${1 + 2 * 3}", 7),
            ("${(1 + 2) * 3}", 9),
            ("${10 - 4 - 3}", 3),
            ("${100 / 10 / 5}", 2.0),
            ("${2 * 3 % 4}", 2),
            ("${17 % 5 * 2}", 4),
            ("${-2 * 3}", -6),
            ("${- 2 + 3}", 1),
            ("${1 + 2 == 3}", true),
            ("${1 < 2 == true}", true),
            ("${2 > 1 != 1 > 2}", true),
            ("${true || false && false}", true),
            ("${(true || false) && false}", false),
            ("${!false && false}", false),
            ("${not true or true}", true),
            ("${1 + 1 > 1 ? 'a' : 'b'}", "a"),
            ("${false ? 1 : 2 + 3}", 5),
            ("${empty '' && true}", true),
            ("${!empty 'x' == true}", true),
            ("${-x.size()}", -2),
            ("${a.b + 1}", 3),
            ("${1 - -1}", 2),
            ("${2 * -3 + 1}", -5),
            ("${1 == 1 && 2 == 2 || false}", true),
        ], ["x": [1, 2], "a": ["b": 2]])
    }
}
