import BPMNExpressions
import BPMNModel
import XCTest

final class ComparisonTests: XCTestCase {
    func testSymbolAndWordOperators() {
        assertTable([
            ("${1 < 2}", true), ("${2 lt 1}", false),
            ("${2 > 1}", true), ("${1 gt 2}", false),
            ("${2 <= 2}", true), ("${3 le 2}", false),
            ("${2 >= 3}", false), ("${3 ge 3}", true),
            ("${1 == 1}", true), ("${1 eq 2}", false),
            ("${1 != 2}", true), ("${1 ne 1}", false),
        ])
    }

    func testNumbersCompareNumericallyAcrossLongAndDouble() {
        assertTable([
            ("${1 == 1.0}", true),
            ("${2 > 1.5}", true),
            ("${x < 300}", true),
            ("${x >= 298.5}", true),
            ("${x >= 299.5}", false),
            ("${d == 2.5}", true),
            ("${0.1 + 0.2 == 0.3}", false),
            ("${0.0 == -0.0}", false),  // Double.equals distinguishes the zeros
            ("${0.0 < -0.0}", false),
        ], ["x": 299, "d": 2.5])
    }

    func testStringsAgainstNumbersCoerceTheString() {
        assertTable([
            ("${x == '5'}", true),
            ("${'5' == x}", true),
            ("${x != '6'}", true),
            ("${'10' < 9}", false),
            ("${'10' > 9}", true),
            ("${'2.5' == 2.5}", true),
            ("${'10' < 9.5}", false),
            ("${amount > '1000'}", true),
        ], ["x": 5, "amount": 1500])
    }

    func testBooleansAgainstStringsCoerceToBoolean() {
        assertTable([
            ("${flag == 'true'}", true),
            ("${flag == 'TRUE'}", true),
            ("${flag == 'yes'}", false),
            ("${no == 'false'}", true),
            ("${no == 'anything'}", true),
            ("${'true' == flag}", true),
            ("${flag != 'true'}", false),
            ("${flag == true}", true),
        ], ["flag": true, "no": false])
    }

    func testStringOrdering() {
        assertTable([
            ("${'a' < 'b'}", true),
            ("${'b' gt 'a'}", true),
            ("${'abc' < 'abd'}", true),
            ("${'ab' < 'abc'}", true),
            ("${'B' < 'a'}", true),
            ("${'abc' == 'abc'}", true),
            ("${'abc' == 'ABC'}", false),
            ("${'a' <= 'a'}", true),
            ("${true > false}", true),
            ("${true < 'u'}", true),  // both sides as strings: "true" < "u"
        ])
    }

    func testNullComparisons() {
        assertTable([
            ("${null == null}", true),
            ("${n == null}", true),
            ("${null != null}", false),
            ("${0 == null}", false),
            ("${'' == null}", false),
            ("${null < 1}", false),
            ("${null > 1}", false),
            ("${null <= null}", true),
            ("${null >= null}", true),
            ("${null < null}", false),
            ("${n <= 1}", false),
        ], ["n": .null])
    }

    func testCollectionsAndDates() {
        let early = Date(timeIntervalSince1970: 1_000), late = Date(timeIntervalSince1970: 2_000)
        assertTable([
            ("${a == b}", true),
            ("${a == c}", false),
            ("${m1 == m2}", true),
            ("${early < late}", true),
            ("${early == early2}", true),
            ("${late >= early}", true),
        ], ["a": [1, "x"], "b": [1, "x"], "c": [1.0, "x"], "m1": ["k": 1], "m2": ["k": 1],
            "early": .date(early), "early2": .date(early), "late": .date(late)])
    }

    func testComparisonErrors() {
        assertErrorTable([
            ("${'abc' == 5}", "Error while evaluating expression: ${'abc' == 5}. Cause: Cannot coerce 'abc' to class java.lang.Long"),
            ("${x > '1.5'}", "Error while evaluating expression: ${x > '1.5'}. Cause: Cannot coerce '1.5' to class java.lang.Long"),
            ("${flag == 1}", "Error while evaluating expression: ${flag == 1}. Cause: Cannot coerce from class java.lang.Boolean to class java.lang.Long"),
            ("${list < 1}", "Error while evaluating expression: ${list < 1}. Cause: Cannot coerce from class java.util.ArrayList to class java.lang.Long"),
            ("${list < list}", "Error while evaluating expression: ${list < list}. Cause: Cannot compare 'class java.util.ArrayList' and 'class java.util.ArrayList'"),
        ], ["x": 1, "flag": true, "list": [1]])
    }
}
