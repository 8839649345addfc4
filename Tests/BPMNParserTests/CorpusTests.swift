import BPMNModel
import XCTest
@testable import BPMNParser

/// Real diagrams from ../shared/corpus (skipped when ../shared is absent).
final class CorpusTests: XCTestCase {
    func testEveryRealFileLoads() throws {
        let shared = try requireShared()
        let files = filesRecursively(shared + "/corpus/real")
        let bpmn = files.filter { $0.hasSuffix(".bpmn") || $0.hasSuffix(".bpmn2") || $0.hasSuffix(".xml") }
        let dmn = files.filter { $0.hasSuffix(".dmn") }
        XCTAssertEqual(bpmn.count, 398, "the corpus README promises 398 BPMN files")
        var loaded = 0
        for path in bpmn {
            do {
                let d = try BPMNLoader.load(path: path)
                loaded += 1
                XCTAssertFalse(d.processes.isEmpty && d.participants.isEmpty, "\(path): no process and no collaboration")
                for p in d.processes {
                    for (i, f) in p.flows.enumerated() {
                        if let s = f.source { XCTAssertTrue(p.nodes[s].outgoing.contains(i), path) }
                        if let t = f.target { XCTAssertTrue(p.nodes[t].incoming.contains(i), path) }
                    }
                    for n in p.nodes { XCTAssertGreaterThan(n.location.line, 0, "\(path): \(n.id)") }
                }
            } catch {
                XCTFail("\(error)")
            }
        }
        XCTAssertEqual(loaded, 398)

        XCTAssertEqual(dmn.count, 32)
        for path in dmn {
            XCTAssertThrowsError(try BPMNLoader.load(path: path), path) { error in
                XCTAssertEqual((error as? BPMNLoadError)?.kind, .notBPMN, path)
            }
        }
    }

    func testCorpusContentSpotChecks() throws {
        let shared = try requireShared()
        // Activiti-namespace file from the Camunda Modeler fixtures: camunda attributes still read.
        let real = shared + "/corpus/real/"
        let files = filesRecursively(real)
        var activitiFiles = 0
        for path in files where path.hasSuffix(".bpmn") {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                  text.contains("xmlns:camunda=\"http://activiti.org/bpmn\"") else { continue }
            activitiFiles += 1
            // Only files that use the prefix beyond declaring it.
            guard text.contains(" camunda:") && text.replacingOccurrences(of: "xmlns:camunda=", with: "").contains(" camunda:")
                    || text.contains("<camunda:") else { continue }
            let d = try BPMNLoader.load(path: path)
            let attrs = d.processes.flatMap { $0.nodes.flatMap { $0.camundaAttributes.keys } } + d.processes.flatMap { $0.camundaAttributes.keys }
            let ext = d.processes.flatMap { $0.nodes.filter { !$0.extensions.isEmpty } }
            XCTAssertFalse(attrs.isEmpty && ext.isEmpty, "\(path): camunda content lost")
        }
        XCTAssertGreaterThanOrEqual(activitiFiles, 20, "README says 25 files use the activiti namespace for camunda:")
    }

    func testMalformedFilesFailOrLoadAsExpected() throws {
        let shared = try requireShared()
        let dir = shared + "/corpus/malformed/"
        // Per corpus/README.md: 4 are not well-formed XML, one has a non-BPMN root, the rest are
        // well-formed but questionable BPMN (the validator's business), and must load.
        let expected: [String: BPMNLoadError.Kind?] = [
            "camunda__camunda-modeler/empty.bpmn": .notWellFormed,
            "camunda__camunda-modeler/broken.bpmn": .notWellFormed,
            "bpmn-io__bpmn-moddle/invalid-attributes.bpmn": .notWellFormed,
            "bpmn-io__bpmn-moddle/xmlns-redeclaration.bpmn": .notWellFormed,
            "bpmn-io__bpmn-moddle/not-bpmn.bpmn": .notBPMN,
            "bpmn-io__bpmn-moddle/bad-encoding.bpmn": nil,
            "bpmn-io__bpmn-moddle/categoryValue.bpmn": nil,
            "bpmn-io__bpmn-moddle/di-no-bpmn-element.bpmn": nil,
            "bpmn-io__bpmn-moddle/duplicate-ids.bpmn": nil,
            "bpmn-io__bpmn-moddle/extension-definition-missing.bpmn": nil,
            "bpmn-io__bpmn-moddle/undeclared-ns-child.bpmn": nil,
            "bpmn-io__bpmn-moddle/unrecognized-child.bpmn": nil,
            "camunda__camunda-modeler/illegal-whitespace.bpmn": nil,
            "camunda__camunda-modeler/project--broken.bpmn": nil,
        ]
        let files = filesRecursively(dir).filter { !$0.hasSuffix(".tsv") && !$0.hasSuffix(".md") }
        XCTAssertEqual(files.count, expected.count)
        for path in files {
            let rel = String(path.dropFirst(dir.count))
            guard let want = expected[rel] else {
                XCTFail("unexpected file \(rel)")
                continue
            }
            do {
                _ = try BPMNLoader.load(path: path)
                XCTAssertNil(want, "\(rel) loaded, expected \(String(describing: want))")
            } catch let e as BPMNLoadError {
                XCTAssertEqual(e.kind, want, "\(rel): \(e)")
                if e.kind != .unreadable { XCTAssertGreaterThan(e.line, 0, "\(rel): \(e)") }
                XCTAssertTrue(e.description.hasPrefix(path + ":"), e.description)
            }
        }
    }

    func testMalformedSpotValues() throws {
        let shared = try requireShared()
        let dir = shared + "/corpus/malformed/"
        do {
            _ = try BPMNLoader.load(path: dir + "camunda__camunda-modeler/broken.bpmn")
            XCTFail("should not load")
        } catch let e as BPMNLoadError {
            XCTAssertEqual(e.line, 5)
            XCTAssertTrue(e.message.contains("mismatch"), e.message)
        }
        let dup = try BPMNLoader.load(path: dir + "bpmn-io__bpmn-moddle/duplicate-ids.bpmn")
        XCTAssertEqual(dup.id, "test")
        XCTAssertEqual(dup.processes.map(\.id), ["test"])
        let enc = try BPMNLoader.load(path: dir + "bpmn-io__bpmn-moddle/bad-encoding.bpmn")
        XCTAssertEqual(enc.id, "test")
        let unknown = try BPMNLoader.load(path: dir + "bpmn-io__bpmn-moddle/unrecognized-child.bpmn")
        XCTAssertEqual(unknown.warnings.map(\.location), [SourceLocation(line: 4, column: 3)])
    }
}
