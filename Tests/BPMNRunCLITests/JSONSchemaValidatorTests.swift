import Foundation
import XCTest

/// The small JSON Schema validator the sample tests check traces with: each keyword it supports
/// accepts what the 2020-12 specification accepts and refuses the rest, and keywords it does not
/// support are reported instead of ignored.
final class JSONSchemaValidatorTests: XCTestCase {
    private func failures(_ schema: String, _ instance: String) throws -> [String] {
        let validator = JSONSchemaValidator(schema: try JSONValue.parse(Data(schema.utf8)))
        return validator.validate(try JSONValue.parse(Data(instance.utf8))).map(\.description)
    }

    private func accepts(_ schema: String, _ instance: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try failures(schema, instance), [], "\(instance) against \(schema)", file: file, line: line)
    }

    private func refuses(_ schema: String, _ instance: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let found = try failures(schema, instance)
        XCTAssertTrue(found.contains { $0.contains(expected) }, "\(instance) against \(schema): \(found)", file: file, line: line)
    }

    func testTypes() throws {
        try accepts(#"{"type":"integer"}"#, "3")
        try accepts(#"{"type":"integer"}"#, "3.0")   // 2020-12: a number with no fraction is an integer
        try refuses(#"{"type":"integer"}"#, "3.5", "is not of type integer")
        try accepts(#"{"type":["string","null"]}"#, "null")
        try refuses(#"{"type":["string","null"]}"#, "true", "is not of type string or null")
        try refuses(#"{"type":"object"}"#, "[]", "is not of type object")
    }

    func testConstEnumMinimumPattern() throws {
        try refuses(#"{"const":"a"}"#, #""b""#, #""b" is not "a""#)
        try refuses(#"{"enum":["x","y"]}"#, #""z""#, "is not one of")
        try accepts(#"{"minimum":1}"#, "1")
        try refuses(#"{"minimum":1}"#, "0", "is less than 1")
        try accepts(#"{"pattern":"^[0-9]{4}-"}"#, #""2027-01""#)
        try refuses(#"{"pattern":"^[0-9]{4}-"}"#, #""27-01""#, "does not match")
    }

    func testObjectsAndArraysNameThePathOfWhatIsWrong() throws {
        let schema = #"{"type":"object","required":["a"],"properties":{"a":{"type":"array","items":{"type":"integer"}}},"additionalProperties":false}"#
        try accepts(schema, #"{"a":[1,2]}"#)
        try refuses(schema, #"{}"#, "/: required key 'a' is missing")
        try refuses(schema, #"{"a":[1,"x"]}"#, "/a/1: \"x\" is not of type integer")
        try refuses(schema, #"{"a":[],"b":1}"#, "/b: key 'b' is not allowed")
    }

    func testCombinatorsConditionsAndReferences() throws {
        let schema = """
            {"$defs":{"id":{"type":"integer","minimum":1}},
             "allOf":[{"if":{"properties":{"kind":{"const":"flow"}}},"then":{"required":["source"]},"else":{"required":["id"]}}],
             "properties":{"id":{"$ref":"#/$defs/id"}}}
            """
        try accepts(schema, #"{"kind":"flow","source":"a"}"#)
        try refuses(schema, #"{"kind":"flow"}"#, "required key 'source' is missing")
        try refuses(schema, #"{"kind":"node"}"#, "required key 'id' is missing")
        try refuses(schema, #"{"kind":"node","id":0}"#, "/id: 0 is less than 1")
        try refuses(##"{"$ref":"#/$defs/nothing"}"##, "1", "unresolvable $ref")
        try refuses(#"{"anyOf":[{"type":"null"},{"type":"object"}]}"#, "1", "matches none of the anyOf schemas")
        try refuses(#"{"oneOf":[{"type":"integer"},{"minimum":0}]}"#, "1", "matches 2 of the oneOf schemas")
        try refuses(#"{"not":{"type":"string"}}"#, #""s""#, "must not match")
    }

    func testAKeywordItDoesNotKnowIsReportedNotIgnored() throws {
        try refuses(#"{"maxLength":3}"#, #""long text""#, "unsupported schema keyword 'maxLength'")
    }

    func testTheTraceSchemaRefusesWhatTheFormatForbids() throws {
        let validator = try TraceSchema.validator()
        let good = """
            {"format":"bpmnrun-trace/1","file":"a.bpmn","process":"p","status":"completed","error":null,"active":[],
             "variables":{},"pending":[],"scopes":[],
             "events":[{"seq":1,"at":"2027-01-15T08:00:00Z","event":"processStarted","element":"p","type":"process","scope":1,"variables":{}},
                       {"seq":2,"at":"2027-01-15T08:00:00.250Z","event":"flowTaken","element":"f","type":"sequenceFlow","token":1,"scope":1,"source":"a","target":"b"}]}
            """
        XCTAssertEqual(validator.validate(try JSONValue.parse(Data(good.utf8))).map(\.description), [])
        let broken: [(String, String)] = [
            (#""status":"completed""#, #""status":"finished""#),
            (#""seq":2"#, #""seq":0"#),
            (#""source":"a","#, ""),
            (#""at":"2027-01-15T08:00:00Z""#, #""at":"15/01/2027""#),
            (#""error":null"#, #""error":"boom""#),
        ]
        for (from, to) in broken {
            let text = good.replacingOccurrences(of: from, with: to)
            XCTAssertNotEqual(text, good)
            XCTAssertFalse(validator.validate(try JSONValue.parse(Data(text.utf8))).isEmpty, "accepted with \(from) -> \(to)")
        }
    }
}

/// docs/trace-format.md shows the schema; it must be the schema file's text, not an old copy.
final class TraceSchemaDocumentationTests: XCTestCase {
    func testTheSchemaShownInTraceFormatIsTheSchemaFile() throws {
        let markdown = try String(contentsOf: BPMNRunBinary.packageRoot.appendingPathComponent("docs/trace-format.md"), encoding: .utf8)
        let section = try XCTUnwrap(markdown.range(of: "## JSON Schema"), "trace-format.md has a JSON Schema section")
        let rest = markdown[section.upperBound...]
        let open = try XCTUnwrap(rest.range(of: "```json\n"))
        let close = try XCTUnwrap(rest[open.upperBound...].range(of: "```"))
        let shown = try JSONValue.parse(Data(rest[open.upperBound..<close.lowerBound].utf8))
        XCTAssertEqual(shown, try JSONValue.parse(Data(contentsOf: TraceSchema.url)))
    }
}
