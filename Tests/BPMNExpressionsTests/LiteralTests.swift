import BPMNExpressions
import BPMNModel
import XCTest

final class LiteralTests: XCTestCase {
    func testNumberLiterals() {
        assertTable([
            ("${0}", .integer(0)),
            ("${42}", .integer(42)),
            ("${9223372036854775807}", .integer(Int64.max)),
            ("${1.5}", .double(1.5)),
            ("${1.}", .double(1.0)),
            ("${.25}", .double(0.25)),
            ("${1e3}", .double(1000)),
            ("${2.5E-1}", .double(0.25)),
            ("${1e+2}", .double(100)),
        ])
    }

    func testStringLiterals() {
        assertTable([
            ("${'abc'}", "abc"),
            ("${\"abc\"}", "abc"),
            ("${''}", ""),
            ("${'it\\'s'}", "it's"),
            ("${\"say \\\"hi\\\"\"}", "say \"hi\""),
            ("${'a\"b'}", "a\"b"),
            ("${\"a'b\"}", "a'b"),
            ("${'back\\\\slash'}", "back\\slash"),
            ("${'}'}", "}"),
            ("${'${x}'}", "${x}"),
            ("${'héllo 😀'}", "héllo 😀"),
        ])
    }

    func testKeywordLiterals() {
        assertTable([
            ("${true}", true),
            ("${false}", false),
            ("${null}", .null),
        ])
    }

    func testWhitespaceInsideEval() {
        assertTable([
            ("${  1  }", 1),
            ("${\n\t1 +\n 2 }", 3),
        ])
    }

    func testIdentifiersResolveVariablesOfEveryType() {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let vars: [String: VariableValue] = [
            "b": true, "i": 7, "d": 2.5, "s": "text", "n": .null, "t": .date(date),
            "list": [1, "a"], "map": ["k": "v"], "_under": 1, "$dollar": 2, "camelCase9": 3,
        ]
        assertTable([
            ("${b}", true), ("${i}", 7), ("${d}", 2.5), ("${s}", "text"), ("${n}", .null),
            ("${t}", .date(date)), ("${list}", [1, "a"]), ("${map}", ["k": "v"]),
            ("${_under}", 1), ("${$dollar}", 2), ("${camelCase9}", 3),
        ], vars)
    }
}
