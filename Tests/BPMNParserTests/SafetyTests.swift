import BPMNModel
import XCTest
@testable import BPMNParser

/// Hostile or broken input gives a BPMNLoadError with a position, never a crash, hang or file access.
final class SafetyTests: XCTestCase {
    func testBillionLaughsFailsFast() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            let prev = i == 1 ? "lol" : "lol\(i - 1)"
            xml += " <!ENTITY lol\(i) \"" + String(repeating: "&\(prev);", count: 10) + "\">\n"
        }
        xml += "]>\n<definitions xmlns=\"\(bpmnNS)\" id=\"d\">\n  <process id=\"p\"><documentation>&lol9;</documentation></process>\n</definitions>\n"
        let start = ContinuousClock.now
        let e = loadError(Array(xml.utf8))
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(5))
        XCTAssertEqual(e?.kind, .notWellFormed)
        XCTAssertEqual(e?.line, 15)
        XCTAssertGreaterThan(e?.column ?? 0, 0)
        XCTAssertTrue(e?.message.contains("lol9") ?? false, e?.message ?? "")
    }

    func testExternalEntityIsNeverRead() throws {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE definitions [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
        <definitions xmlns="\(bpmnNS)" id="d">
          <process id="p" name="&x;"><documentation>&x;</documentation></process>
        </definitions>
        """
        let e = loadError(Array(xml.utf8))
        XCTAssertEqual(e?.kind, .notWellFormed)
        XCTAssertEqual(e?.line, 4)
        XCTAssertFalse(e?.description.contains("root:") ?? true)
    }

    func testExternalDTDIsNotLoaded() throws {
        // A DOCTYPE pointing elsewhere is not fetched; the document itself is fine and loads.
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE definitions SYSTEM "http://127.0.0.1:9/never.dtd">
        <definitions xmlns="\(bpmnNS)" id="d"><process id="p"/></definitions>
        """
        let d = try loadXML(xml)
        XCTAssertEqual(d.processes.map(\.id), ["p"])
    }

    func testTruncatedFile() throws {
        let xml = camundaDoc("<bpmn:process id=\"P\"><bpmn:userTask id=\"U\" name=\"Rev")
        let e = loadError(Array(xml.utf8))
        XCTAssertEqual(e?.kind, .notWellFormed)
        XCTAssertEqual(e?.line, 4)
        XCTAssertGreaterThan(e?.column ?? 0, 0)
        XCTAssertTrue(e?.description.hasPrefix("bad.bpmn:4:") ?? false, e?.description ?? "")
    }

    func testTruncatedAfterTag() throws {
        let xml = camundaDoc("<bpmn:process id=\"P\"><bpmn:userTask id=\"U\"/>")
        let cut = String(xml.prefix(upTo: xml.range(of: "</bpmn:definitions>")!.lowerBound))
        let e = loadError(Array(cut.utf8))
        XCTAssertEqual(e?.kind, .notWellFormed)
        XCTAssertEqual(e?.line, 4)
        XCTAssertTrue(e?.message.contains("truncated") ?? false, e?.message ?? "")
    }

    func testEmptyFile() throws {
        let e = loadError([])
        XCTAssertEqual(e?.kind, .notWellFormed)
        XCTAssertEqual(e?.line, 1)
        XCTAssertEqual(e?.column, 1)
        XCTAssertEqual(e?.description, "bad.bpmn:1:1: error: the file is empty (0 bytes); expected a BPMN 2.0 XML document")
    }

    func testWhitespaceOnlyFile() throws {
        let e = loadError(Array("\n\n   \n".utf8))
        XCTAssertEqual(e?.kind, .notWellFormed)
        XCTAssertGreaterThan(e?.line ?? 0, 0)
    }

    func testBinaryGarbage() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            var bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if bytes[0] == 0x3C { bytes[0] = 0 }
            let e = loadError(bytes)
            XCTAssertEqual(e?.kind, .notWellFormed)
            XCTAssertGreaterThan(e?.line ?? 0, 0)
        }
        let fixed: [UInt8] = [0x00, 0xFF, 0x3C, 0x3F, 0x78, 0x6D, 0x6C, 0x01, 0x02]
        XCTAssertEqual(loadError(fixed)?.kind, .notWellFormed)
    }

    func testInvalidUTF8InsideDocument() throws {
        var bytes = Array(camundaDoc("<bpmn:process id=\"P\" name=\"X\"/>").utf8)
        let i = bytes.firstIndex(of: UInt8(ascii: "X"))!
        bytes[i] = 0xC3  // lone lead byte
        let e = loadError(bytes)
        XCTAssertEqual(e?.kind, .notWellFormed)
        XCTAssertEqual(e?.line, 3)
    }

    func testPlainTextFile() throws {
        let e = loadError(Array("This is just a note.\nNot XML at all.\n".utf8))
        XCTAssertEqual(e?.kind, .notWellFormed)
        XCTAssertEqual(e?.line, 1)
        XCTAssertEqual(e?.column, 1)
        XCTAssertTrue(e?.message.contains("Start tag expected") ?? false, e?.message ?? "")
    }

    func testDMNIsNotBPMN() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="dish" name="Dish">
          <decision id="d" name="Dish"/>
        </definitions>
        """
        let e = loadError(Array(xml.utf8))
        XCTAssertEqual(e?.kind, .notBPMN)
        XCTAssertEqual(e?.line, 2)
        XCTAssertEqual(e?.column, 1)
        XCTAssertTrue(e?.message.contains("DMN") ?? false, e?.message ?? "")
    }

    func testDefinitionsWithoutNamespaceIsNotBPMN() throws {
        let e = loadError(Array("<definitions id=\"d\"><process id=\"p\"/></definitions>".utf8))
        XCTAssertEqual(e?.kind, .notBPMN)
        XCTAssertTrue(e?.message.contains("xmlns") ?? false)
    }

    func testOtherXMLIsNotBPMN() throws {
        let e = loadError(Array("<?xml version=\"1.0\"?>\n<html><body/></html>".utf8))
        XCTAssertEqual(e?.kind, .notBPMN)
        XCTAssertEqual(e?.line, 2)
    }

    func testUndeclaredPrefixIsNotWellFormed() throws {
        let xml = "<bpmn:definitions xmlns:bpmn=\"\(bpmnNS)\"><bpmn:process id=\"p\" camunda:x=\"1\"/></bpmn:definitions>"
        let e = loadError(Array(xml.utf8))
        XCTAssertEqual(e?.kind, .notWellFormed)
        XCTAssertEqual(e?.line, 1)
    }

    func testDeepNestingIsRejectedNotCrashing() throws {
        let depth = 5000
        let xml = "<definitions xmlns=\"\(bpmnNS)\">" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</definitions>"
        let e = loadError(Array(xml.utf8))
        XCTAssertEqual(e?.kind, .notWellFormed)
    }

    func testUnreadablePaths() throws {
        XCTAssertThrowsError(try BPMNLoader.load(path: "/nonexistent/dir/x.bpmn")) { error in
            let e = error as? BPMNLoadError
            XCTAssertEqual(e?.kind, .unreadable)
            XCTAssertEqual(e?.fileName, "/nonexistent/dir/x.bpmn")
            XCTAssertEqual(e?.line, 0)
            XCTAssertEqual(e?.description.hasPrefix("/nonexistent/dir/x.bpmn: error: cannot open the file"), true)
        }
        XCTAssertThrowsError(try BPMNLoader.load(path: NSTemporaryDirectory())) { error in
            XCTAssertEqual((error as? BPMNLoadError)?.kind, .unreadable)
        }
    }

    func testLoadFromPathMatchesLoadFromData() throws {
        let xml = camundaDoc("<bpmn:process id=\"P\"><bpmn:task id=\"T\"/></bpmn:process>")
        let path = NSTemporaryDirectory() + "bpmnparser-\(UUID().uuidString).bpmn"
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let d = try BPMNLoader.load(path: path)
        XCTAssertEqual(d.fileName, path)
        XCTAssertEqual(d.processes[0].nodes[0].location, SourceLocation(line: 3, column: 22))
    }

    func testParallelParsingOnSeveralThreads() throws {
        let good = Array(camundaDoc("<bpmn:process id=\"P\"><bpmn:task id=\"T\"/></bpmn:process>").utf8)
        let bad = Array(camundaDoc("<bpmn:process id=\"P\"><bpmn:task id=\"T\">").utf8)
        final class Results: @unchecked Sendable {
            private let lock = NSLock()
            private var values = [Int](repeating: 99, count: 200)
            subscript(i: Int) -> Int {
                get { lock.withLock { values[i] } }
                set { lock.withLock { values[i] = newValue } }
            }
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 200) { i in
            if i % 2 == 0 {
                let d = try? BPMNLoader.load(data: good, fileName: "g\(i)")
                results[i] = d?.processes.first?.nodes.count ?? -1
            } else {
                do {
                    _ = try BPMNLoader.load(data: bad, fileName: "b\(i)")
                    results[i] = -2
                } catch let e as BPMNLoadError {
                    results[i] = e.kind == .notWellFormed && e.fileName == "b\(i)" && e.line == 4 ? 0 : -3
                } catch {
                    results[i] = -4
                }
            }
        }
        for i in 0..<200 { XCTAssertEqual(results[i], i % 2 == 0 ? 1 : 0, "iteration \(i)") }
    }

    func testLatin1EncodedFile() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<definitions xmlns=\"\(bpmnNS)\">\n  <process id=\"p\" name=\"Gr".utf8)
        bytes.append(0xFC)  // ü in Latin-1
        bytes += Array("n\"><task id=\"t\"/></process>\n</definitions>".utf8)
        let d = try BPMNLoader.load(data: bytes, fileName: "latin1.bpmn")
        XCTAssertEqual(d.processes[0].name, "Grün")
        XCTAssertEqual(d.processes[0].location, SourceLocation(line: 3, column: 3))
        XCTAssertEqual(d.processes[0].nodes[0].location.line, 3)
    }
}
