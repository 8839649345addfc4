import BPMNExpressions
import BPMNModel
import XCTest

final class SyntaxErrorTests: XCTestCase {
    static let exprFirst = "<IDENTIFIER>|<STRING>|<FLOAT>|<INTEGER>|'true'|'false'|'null'|'-'|'!'|'not'|'empty'|'('"

    func testOffsetsAndMessages() {
        let cases: [(String, Int, String)] = [
            ("${a == }", 7, "syntax error at position 7, encountered '}', expected \(Self.exprFirst)"),
            ("${'abc}", 2, "lexical error at position 2, encountered unterminated string, expected '"),
            ("${\"abc}", 2, "lexical error at position 2, encountered unterminated string, expected \""),
            ("${a +* b}", 5, "syntax error at position 5, encountered '*', expected \(Self.exprFirst)"),
            ("${a", 3, "syntax error at position 3, encountered '<EOF>', expected '}'"),
            ("${}", 2, "syntax error at position 2, encountered '}', expected \(Self.exprFirst)"),
            ("${a b}", 4, "syntax error at position 4, encountered 'b', expected '}'"),
            ("${a ? b}", 7, "syntax error at position 7, encountered '}', expected ':'"),
            ("${(a}", 4, "syntax error at position 4, encountered '}', expected ')'"),
            ("${a[1}", 5, "syntax error at position 5, encountered '}', expected ']'"),
            ("${a.}", 4, "syntax error at position 4, encountered '}', expected <IDENTIFIER>"),
            ("${a.1}", 3, "syntax error at position 3, encountered '.1', expected '}'"),
            ("${f.g(1,)}", 8, "syntax error at position 8, encountered ')', expected \(Self.exprFirst)"),
            ("${'a\\x'}", 2, "lexical error at position 2, encountered invalid escape sequence \\x, expected \\' or \\\\"),
            ("${a # b}", 4, "lexical error at position 4, encountered invalid character '#', expected expression token"),
            ("${a = b}", 4, "lexical error at position 4, encountered invalid character '=', expected expression token"),
            ("${a & b}", 4, "lexical error at position 4, encountered invalid character '&', expected expression token"),
            ("${a instanceof b}", 4, "syntax error at position 4, encountered 'instanceof', expected '}'"),
            ("${99999999999999999999}", 2, "syntax error at position 2, encountered '99999999999999999999', expected <INTEGER>"),
            ("${a}#{b}", 4, "syntax error at position 4, encountered '#{', expected '${'"),
            ("#{a}${b}", 4, "syntax error at position 4, encountered '${', expected '#{'"),
            ("x ${a} ${", 9, "syntax error at position 9, encountered '<EOF>', expected \(Self.exprFirst)"),
            ("${foo()}", 2, "Could not resolve function 'foo'"),
            ("${ns:now()}", 2, "Could not resolve function 'ns:now'"),
            ("${now(1)}", 2, "Parameters for function 'now' do not match"),
            ("${'é' +* 1}", 7, "syntax error at position 7, encountered '*', expected \(Self.exprFirst)"),
            ("${'😀' +* 1}", 8, "syntax error at position 8, encountered '*', expected \(Self.exprFirst)"),
        ]
        for (text, offset, message) in cases {
            guard let error = juelSyntaxError(text) else { continue }
            XCTAssertEqual(error.offset, offset, text)
            XCTAssertEqual(error.column, offset + 1, text)
            XCTAssertEqual(error.message, message, text)
            XCTAssertEqual(error.expression, text)
        }
    }

    func testDescriptionUsesCamundaWording() {
        XCTAssertEqual(juelSyntaxError("${a +}")?.description,
                       "Error parsing '${a +}': syntax error at position 5, encountered '}', expected \(Self.exprFirst)")
    }

    func testReservedWordsCannotBeIdentifiers() {
        for word in ["and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "empty", "instanceof", "true", "false", "null"] {
            XCTAssertNotNil(juelSyntaxError("${a.\(word)}"), word)
        }
    }

    func testDeepNestingIsASyntaxErrorNotACrash() throws {
        let deep = "${" + String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300) + "}"
        let error = juelSyntaxError(deep)
        XCTAssertTrue(error?.message.contains("nested too deeply") ?? false, error?.message ?? "")

        let huge = "${" + String(repeating: "(", count: 100_000) + "1}"
        XCTAssertNotNil(juelSyntaxError(huge))

        let nots = "${" + String(repeating: "!", count: 500) + "true}"
        XCTAssertNotNil(juelSyntaxError(nots))

        let chain = "${1" + String(repeating: " + 1", count: 300) + "}"
        XCTAssertTrue(juelSyntaxError(chain)?.message.contains("nested too deeply") ?? false)

        let brackets = "${" + String(repeating: "a[", count: 300) + "0" + String(repeating: "]", count: 300) + "}"
        XCTAssertNotNil(juelSyntaxError(brackets))

        // Moderate nesting is fine.
        let ok = "${" + String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150) + "}"
        XCTAssertEqual(try JUELExpression(parsing: ok).evaluate(in: VariableMapContext()), 1)
        let okChain = "${1" + String(repeating: " + 1", count: 150) + "}"
        XCTAssertEqual(try JUELExpression(parsing: okChain).evaluate(in: VariableMapContext()), 151)
    }
}
