import BPMNExpressions
import BPMNModel
import XCTest

final class CompositeTests: XCTestCase {
    func testSingleEvalKeepsItsType() {
        assertTable([
            ("${a}", 1),
            ("${10 / 2}", 5.0),
            ("${n}", .null),
            ("${list}", [1, "a", true]),
            ("#{a + 1}", 2),
        ], ["a": 1, "n": .null, "list": [1, "a", true]])
    }

    func testTextMixedWithEvalsIsAString() {
        assertTable([
            ("Hello ${name}!", "Hello Ann!"),
            ("${a}${b}", "12"),
            ("${a} ", "1 "),
            (" ${a}", " 1"),
            ("a${n}b", "ab"),
            ("Total: ${1 / 2}", "Total: 0.5"),
            ("Value ${10 / 2}", "Value 5.0"),
            ("B=${true}", "B=true"),
            ("L=${list}", "L=[1, a, true, null]"),
            ("M=${map}", "M={a=1, b=x}"),
            ("#{a}-#{b}", "1-2"),
            ("${a} and ${b} and ${a + b}", "1 and 2 and 3"),
            ("{${a}}", "{1}"),
        ], ["a": 1, "b": 2, "n": .null, "name": "Ann", "list": [1, "a", true, .null], "map": ["b": "x", "a": 1]])
    }

    func testLiteralText() throws {
        assertTable([
            ("plain text", "plain text"),
            ("", ""),
            ("cost $5 or #3", "cost $5 or #3"),
            ("\\${a}", "${a}"),
            ("\\#{a}", "#{a}"),
            ("x\\y", "x\\y"),
            ("trailing\\", "trailing\\"),
            ("\\\\${a}", "\\${a}"),  // JUEL keeps the escape armed after "\\"
            ("\\${a} is ${a}", "${a} is 1"),
        ], ["a": 1])
        XCTAssertTrue(try JUELExpression(parsing: "plain").isLiteralText)
        XCTAssertTrue(try JUELExpression(parsing: "\\${a}").isLiteralText)
        XCTAssertFalse(try JUELExpression(parsing: "${a}").isLiteralText)
        XCTAssertFalse(try JUELExpression(parsing: "x ${a}").isLiteralText)
    }

    func testJavaDoubleFormattingInText() {
        assertTable([
            ("${1.0}!", "1.0!"),
            ("${100.0}!", "100.0!"),
            ("${-1.5}!", "-1.5!"),
            ("${0.1 + 0.2}!", "0.30000000000000004!"),
            ("${0.001}!", "0.001!"),
            ("${0.0001}!", "1.0E-4!"),
            ("${1234567.0}!", "1234567.0!"),
            ("${12345678.0}!", "1.2345678E7!"),
            ("${1e10}!", "1.0E10!"),
            ("${1.5e-7}!", "1.5E-7!"),
            ("${1 / 0}!", "Infinity!"),
            ("${0 / 0}!", "NaN!"),
            ("${-0.0}!", "-0.0!"),
            ("${1 / 3}!", "0.3333333333333333!"),
            ("${123456.789}!", "123456.789!"),
        ])
    }

    func testContainsExpression() {
        XCTAssertTrue(JUELExpression.containsExpression("${a}"))
        XCTAssertTrue(JUELExpression.containsExpression("x #{a} y"))
        XCTAssertTrue(JUELExpression.containsExpression("\\${a} ${b}"))
        XCTAssertFalse(JUELExpression.containsExpression("plain"))
        XCTAssertFalse(JUELExpression.containsExpression("cost $5 {x}"))
        XCTAssertFalse(JUELExpression.containsExpression("\\${a}"))
        XCTAssertFalse(JUELExpression.containsExpression("$ {a}"))
        XCTAssertTrue(JUELScript.containsExpression("#{x}"))
    }

    func testReferencedIdentifiers() throws {
        let e = try JUELExpression(parsing: "${a.b + c[d] + execution.getVariable(e) + f.g() + now().time} and ${h}")
        XCTAssertEqual(e.referencedIdentifiers, ["a", "c", "d", "execution", "e", "f", "h"])
        XCTAssertEqual(try JUELExpression(parsing: "plain ${'x'}").referencedIdentifiers, [])
        XCTAssertEqual(try JUELExpression(parsing: "${x > 1 ? y : z}").referencedIdentifiers, ["x", "y", "z"])
        XCTAssertEqual(try JUELExpression(parsing: "${not empty list}").referencedIdentifiers, ["list"])
    }

    func testTextIsKept() throws {
        XCTAssertEqual(try JUELExpression(parsing: " ${a} ").text, " ${a} ")
    }
}
