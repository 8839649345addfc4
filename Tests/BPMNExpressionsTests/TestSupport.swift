import BPMNExpressions
import BPMNModel
import XCTest

/// Evaluates `text` against a flat variable map.
func juel(_ text: String, _ variables: [String: VariableValue] = [:],
          file: StaticString = #filePath, line: UInt = #line) -> VariableValue? {
    do {
        return try JUELExpression(parsing: text).evaluate(in: VariableMapContext(variables))
    } catch {
        XCTFail("\(text): unexpected error \(error)", file: file, line: line)
        return nil
    }
}

/// The ExpressionError message `text` fails with (nil if it evaluates).
func juelError(_ text: String, _ variables: [String: VariableValue] = [:],
               file: StaticString = #filePath, line: UInt = #line) -> String? {
    let expression: JUELExpression
    do {
        expression = try JUELExpression(parsing: text)
    } catch {
        XCTFail("\(text): unexpected syntax error \(error)", file: file, line: line)
        return nil
    }
    do {
        let v = try expression.evaluate(in: VariableMapContext(variables))
        XCTFail("\(text): expected an error, got \(v)", file: file, line: line)
        return nil
    } catch {
        return error.message
    }
}

/// The syntax error `text` fails to parse with (nil if it parses).
func juelSyntaxError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JUELSyntaxError? {
    do {
        _ = try JUELExpression(parsing: text)
        XCTFail("\(text): expected a syntax error", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

/// Runs a table of expression → expected value cases.
func assertTable(_ cases: [(String, VariableValue)], _ variables: [String: VariableValue] = [:],
                 file: StaticString = #filePath, line: UInt = #line) {
    for (text, expected) in cases {
        let actual = juel(text, variables, file: file, line: line)
        XCTAssertEqual(actual, expected, "\(text)", file: file, line: line)
    }
}

/// Runs a table of expression → expected error message cases.
func assertErrorTable(_ cases: [(String, String)], _ variables: [String: VariableValue] = [:],
                      file: StaticString = #filePath, line: UInt = #line) {
    for (text, expected) in cases {
        XCTAssertEqual(juelError(text, variables, file: file, line: line), expected, "\(text)", file: file, line: line)
    }
}
