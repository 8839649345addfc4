import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// End-to-end tests of `bpmnrun validate`: the built binary on files in a temporary folder, each
/// output format parsed the way CI tools read it, and the exit codes.
final class ValidateCommandTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    static let header = """
    <?xml version="1.0" encoding="UTF-8"?>
    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
    """

    /// A clean, runnable process.
    static let good = header + """
    <bpmn:process id="Good" isExecutable="true" camunda:historyTimeToLive="30">
      <bpmn:startEvent id="Start" name="Start" />
      <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task" />
      <bpmn:userTask id="Task" name="Do it" />
      <bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="End" />
      <bpmn:endEvent id="End" name="Done" />
    </bpmn:process>
    </bpmn:definitions>
    """

    /// A flow that points nowhere (an error) at line 7.
    static let bad = header + """
    <bpmn:process id="Bad" isExecutable="true" camunda:historyTimeToLive="30">
      <bpmn:startEvent id="Start" name="Start" />
      <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task" />
      <bpmn:userTask id="Task" name="Do it" />
      <bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="End" />
      <bpmn:sequenceFlow id="F3" sourceRef="Task" targetRef="Missing" />
      <bpmn:endEvent id="End" name="Done" />
    </bpmn:process>
    </bpmn:definitions>
    """

    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func binary() throws -> URL {
        var products = Bundle(for: Self.self).bundleURL
        if products.pathExtension == "xctest" { products.deleteLastPathComponent() }
        let url = products.appendingPathComponent("bpmnrun")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw XCTSkip("the bpmnrun binary is missing at \(url.path): run `swift build` first")
        }
        return url
    }

    /// Runs the binary; returns exit code, standard output and standard error.
    func run(_ args: [String], stdin: String? = nil, cwd: URL? = nil) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = try binary()
        p.arguments = args
        p.currentDirectoryURL = cwd ?? folder
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(stdin.data(using: .utf8)!) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func testTextFormatExitCodesAndSummary() throws {
        let good = try write("good.bpmn", Self.good)
        let bad = try write("bad.bpmn", Self.bad)
        var (code, out, _) = try run(["validate", good])
        XCTAssertEqual(code, 0, out)
        XCTAssertTrue(out.contains("1 file checked: 0 errors"), out)
        (code, out, _) = try run(["validate", good, bad])
        XCTAssertEqual(code, 1)
        XCTAssertTrue(out.contains("\(bad):7:3: error: Invalid destination 'Missing' of sequence flow 'F3' [unresolved-reference] (F3)"), out)
        XCTAssertTrue(out.contains("2 files checked: 1 error"), out)
    }

    func testFoldersAreSearchedAndBrokenFilesDoNotStopTheOthers() throws {
        _ = try write("a/good.bpmn", Self.good)
        _ = try write("a/b/bad.bpmn", Self.bad)
        _ = try write("a/b/broken.bpmn", "<bpmn:definitions")
        _ = try write("a/notes.txt", "not a diagram")
        let (code, out, _) = try run(["validate", "--format", "json", folder.appendingPathComponent("a").path])
        XCTAssertEqual(code, 1)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let files = try XCTUnwrap(json["files"] as? [[String: Any]])
        XCTAssertEqual(files.map { ($0["file"] as! String).components(separatedBy: "/a/").last! }, ["b/bad.bpmn", "b/broken.bpmn", "good.bpmn"])
        let broken = try XCTUnwrap((files[1]["findings"] as? [[String: Any]])?.first)
        XCTAssertEqual(broken["rule"] as? String, "xml-well-formed")
        XCTAssertEqual(broken["severity"] as? String, "error")
        XCTAssertEqual(broken["line"] as? Int, 1)
        let summary = try XCTUnwrap(json["summary"] as? [String: Int])
        XCTAssertEqual(summary["files"], 3)
        XCTAssertEqual(summary["errors"], 2)
    }

    func testStandardInputAndMissingFile() throws {
        var (code, out, _) = try run(["validate", "-"], stdin: Self.bad)
        XCTAssertEqual(code, 1)
        XCTAssertTrue(out.contains("<stdin>:7:3: error: Invalid destination"), out)
        (code, out, _) = try run(["validate", folder.appendingPathComponent("nope.bpmn").path])
        XCTAssertEqual(code, 1)
        XCTAssertTrue(out.contains("nope.bpmn: error: cannot open the file"), out)
    }

    func testUsageErrorsExitWith2() throws {
        let good = try write("good.bpmn", Self.good)
        XCTAssertEqual(try run(["validate", good, "--format", "yaml"]).0, 2)
        XCTAssertEqual(try run(["validate", good, "--rule", "no-such-rule=off"]).0, 2)
        XCTAssertEqual(try run(["validate", good, "--rule", "label-required=loud"]).0, 2)
        XCTAssertEqual(try run(["validate"]).0, 2)
        XCTAssertEqual(try run(["validate", good, "--bogus"]).0, 2)
        _ = try write(".bpmnrunrc.json", "{\"rules\": {\"label-required\": \"sometimes\"}}")
        let (code, _, err) = try run(["validate", good])
        XCTAssertEqual(code, 2)
        XCTAssertTrue(err.contains(".bpmnrunrc.json"), err)
    }

    /// A spiff diagram: Python condition, a script without scriptFormat whose line 2 is wrong.
    static let spiff = header + """
    <bpmn:process id="Spiff" isExecutable="true">
      <bpmn:startEvent id="Start" name="Start" />
      <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Compute" />
      <bpmn:scriptTask id="Compute" name="Compute"><bpmn:script>total = 1
    if total &gt; 0
        big = True</bpmn:script></bpmn:scriptTask>
      <bpmn:sequenceFlow id="F2" sourceRef="Compute" targetRef="Big" />
      <bpmn:exclusiveGateway id="Big" name="Big?" default="F4" />
      <bpmn:sequenceFlow id="F3" name="yes" sourceRef="Big" targetRef="End"><bpmn:conditionExpression>total &gt; 0</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="F4" name="no" sourceRef="Big" targetRef="End" />
      <bpmn:endEvent id="End" name="Done" />
    </bpmn:process>
    </bpmn:definitions>
    """

    func testDialectOption() throws {
        let file = try write("spiff.bpmn", Self.spiff)
        // auto (default): checked as spiff, the Python error at file line 6 (the script starts on
        // line 5, the header's process tag being on line 2).
        var (code, out, _) = try run(["validate", file])
        XCTAssertEqual(code, 1, out)
        XCTAssertTrue(out.contains("\(file):6:13: error: the script (python) does not compile at line 2, column 13 of the script: SyntaxError: expected ':'"), out)
        XCTAssertTrue(out.contains("[script-syntax] (Compute)"), out)
        XCTAssertTrue(out.contains("1 file checked as SpiffWorkflow (Python) diagrams"), out)
        XCTAssertFalse(out.contains("camunda-history-time-to-live"), out)
        // --dialect camunda: Camunda 7's view of the same file (no history time to live, a warning;
        // the script is not compiled as Python).
        (code, out, _) = try run(["validate", "--dialect", "camunda", "--format", "json", file])
        XCTAssertEqual(code, 0, out)
        XCTAssertTrue(out.contains("\"dialect\": \"camunda\""), out)
        XCTAssertTrue(out.contains("camunda-history-time-to-live"), out)
        XCTAssertFalse(out.contains("script-syntax"), out)
        XCTAssertEqual(try run(["validate", "--dialect", "python", file]).0, 2)
    }

    func testConfigurationFoundUpwardExtendsAndRuleOverride() throws {
        let bad = try write("team/processes/bad.bpmn", Self.bad)
        // Without configuration: an error.
        XCTAssertEqual(try run(["validate", bad]).0, 1)
        // A configuration two folders up lowers the rule to a warning: exit 0, or 1 with --strict.
        _ = try write("team/.bpmnrunrc.json", "{\"extends\": \"camunda7\", \"rules\": {\"unresolved-reference\": \"warn\"}}")
        var (code, out, _) = try run(["validate", bad])
        XCTAssertEqual(code, 0, out)
        XCTAssertTrue(out.contains("warning: Invalid destination"), out)
        XCTAssertEqual(try run(["validate", bad, "--strict"]).0, 1)
        // --rule wins over the file.
        (code, out, _) = try run(["validate", bad, "--rule", "unresolved-reference=off"])
        XCTAssertFalse(out.contains("Invalid destination"), out)
        // --config replaces the search.
        let strictConfig = try write("strict.json", "{\"extends\": [\"recommended\"], \"rules\": {\"unresolved-reference\": \"error\"}}")
        XCTAssertEqual(try run(["validate", bad, "--config", strictConfig]).0, 1)
    }

    func testJSONFormat() throws {
        let bad = try write("bad.bpmn", Self.bad)
        let (_, out, _) = try run(["validate", bad, "--format", "json"])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let findings = try XCTUnwrap((json["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])
        let f = try XCTUnwrap(findings.first { $0["rule"] as? String == "unresolved-reference" })
        XCTAssertEqual(f["element"] as? String, "F3")
        XCTAssertEqual(f["line"] as? Int, 7)
        XCTAssertEqual(f["column"] as? Int, 3)
        XCTAssertEqual(f["file"] as? String, bad)
    }

    func testJUnitFormatParses() throws {
        let good = try write("good.bpmn", Self.good)
        let bad = try write("bad.bpmn", Self.bad)
        let (code, out, _) = try run(["validate", good, bad, "--format", "junit"])
        XCTAssertEqual(code, 1)
        let doc = try XMLDocument(data: Data(out.utf8))
        let root = try XCTUnwrap(doc.rootElement())
        XCTAssertEqual(root.name, "testsuites")
        XCTAssertEqual(root.attribute(forName: "tests")?.stringValue, "2")
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "1")
        let cases = try root.nodes(forXPath: "//testcase") as! [XMLElement]
        XCTAssertEqual(cases.count, 2)
        let failing = try XCTUnwrap(cases.first { $0.attribute(forName: "name")?.stringValue == bad })
        let failure = try XCTUnwrap(failing.elements(forName: "failure").first)
        XCTAssertEqual(failure.attribute(forName: "type")?.stringValue, "unresolved-reference")
        XCTAssertTrue(failure.stringValue?.contains("Invalid destination 'Missing'") ?? false)
        let passing = try XCTUnwrap(cases.first { $0.attribute(forName: "name")?.stringValue == good })
        XCTAssertTrue(passing.elements(forName: "failure").isEmpty)
    }

    func testSARIFFollowsTheSchemaStructure() throws {
        let bad = try write("bad.bpmn", Self.bad)
        _ = try write("broken.bpmn", "")
        let (code, out, _) = try run(["validate", bad, folder.appendingPathComponent("broken.bpmn").path, "--format", "sarif"])
        XCTAssertEqual(code, 1)
        let sarif = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        XCTAssertEqual(sarif["version"] as? String, "2.1.0")
        XCTAssertEqual(sarif["$schema"] as? String, "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try XCTUnwrap(sarif["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 1)
        XCTAssertTrue(["utf16CodeUnits", "unicodeCodePoints"].contains(runs[0]["columnKind"] as? String ?? ""))
        let driver = try XCTUnwrap((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "bpmnrun")
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        let ruleIds = rules.map { $0["id"] as! String }
        XCTAssertEqual(ruleIds.count, Set(ruleIds).count, "reportingDescriptor ids are unique")
        for r in rules {
            XCTAssertNotNil((r["shortDescription"] as? [String: Any])?["text"] as? String)
            let level = (r["defaultConfiguration"] as? [String: Any])?["level"] as? String
            XCTAssertTrue(["none", "note", "warning", "error"].contains(level ?? ""), "\(r)")
        }
        let results = try XCTUnwrap(runs[0]["results"] as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(results.count, 2)
        for r in results {
            let ruleId = try XCTUnwrap(r["ruleId"] as? String)
            let index = try XCTUnwrap(r["ruleIndex"] as? Int)
            XCTAssertEqual(ruleIds[index], ruleId, "ruleIndex points at the rule")
            XCTAssertTrue(["none", "note", "warning", "error"].contains(r["level"] as? String ?? ""))
            XCTAssertFalse(((r["message"] as? [String: Any])?["text"] as? String ?? "").isEmpty)
            let loc = try XCTUnwrap((r["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let uri = try XCTUnwrap((loc["artifactLocation"] as? [String: Any])?["uri"] as? String)
            XCTAssertNotNil(URL(string: uri), "artifactLocation.uri is a URI reference: \(uri)")
            if let region = loc["region"] as? [String: Any] {
                XCTAssertGreaterThanOrEqual(region["startLine"] as? Int ?? 0, 1)
                XCTAssertGreaterThanOrEqual(region["startColumn"] as? Int ?? 0, 1)
            }
        }
        let dangling = try XCTUnwrap(results.first { $0["ruleId"] as? String == "unresolved-reference" })
        let region = (((dangling["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])
        XCTAssertEqual(region?["startLine"] as? Int, 7)
    }

    func testGitHubFormat() throws {
        let bad = try write("bad, odd:name.bpmn", Self.bad)
        let (code, out, _) = try run(["validate", bad, "--format", "github"])
        XCTAssertEqual(code, 1)
        let line = try XCTUnwrap(out.split(separator: "\n").first { $0.contains("unresolved-reference") })
        let escapedPath = bad.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        XCTAssertTrue(line.hasPrefix("::error file=\(escapedPath),line=7,col=3,title=bpmnrun unresolved-reference::Invalid destination 'Missing'"), String(line))
    }

    func testCalledElementsResolveAcrossFilesAndLibFolders() throws {
        let caller = try write("app/caller.bpmn", Self.header + """
        <bpmn:process id="Caller" isExecutable="true" camunda:historyTimeToLive="30">
          <bpmn:startEvent id="Start" name="Start" />
          <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Call" />
          <bpmn:callActivity id="Call" name="Call" calledElement="Shared" />
          <bpmn:sequenceFlow id="F2" sourceRef="Call" targetRef="End" />
          <bpmn:endEvent id="End" name="End" />
        </bpmn:process>
        </bpmn:definitions>
        """)
        _ = try write("lib/shared.bpmn", Self.good.replacingOccurrences(of: "id=\"Good\"", with: "id=\"Shared\""))
        var (_, out, _) = try run(["validate", caller])
        XCTAssertTrue(out.contains("calledElement 'Shared' is not a process in the checked files"), out)
        (_, out, _) = try run(["validate", caller, "--lib", folder.appendingPathComponent("lib").path])
        XCTAssertFalse(out.contains("called-element-unresolved"), out)
        XCTAssertEqual(try run(["validate", caller, "--lib", folder.appendingPathComponent("nope").path]).0, 2)
    }

    func testListRules() throws {
        var (code, out, _) = try run(["validate", "--list-rules"])
        XCTAssertEqual(code, 0)
        XCTAssertTrue(out.contains("duplicate-id"), out)
        (code, out, _) = try run(["validate", "--list-rules", "--format", "json"])
        XCTAssertEqual(code, 0)
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        XCTAssertTrue(list.contains { $0["id"] as? String == "xml-well-formed" && $0["level"] as? String == "error" })
    }

    func testRunStaysTheDefaultCommand() throws {
        let good = try write("good.bpmn", Self.good)
        let (_, out, err) = try run(["--help"])
        XCTAssertTrue((out + err).contains("validate"))
        // `bpmnrun FILE` still runs the file (it waits at the user task: exit 3).
        XCTAssertEqual(try run([good, "--non-interactive"]).0, 3)
    }
}
