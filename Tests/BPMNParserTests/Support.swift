import BPMNModel
import XCTest
@testable import BPMNParser

/// Loads an inline XML document.
func loadXML(_ xml: String, file: String = "test.bpmn") throws -> BPMNDefinitions {
    try BPMNLoader.load(data: Array(xml.utf8), fileName: file)
}

/// The load error an input produces (fails the test if it loads).
func loadError(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> BPMNLoadError? {
    do {
        _ = try BPMNLoader.load(data: bytes, fileName: "bad.bpmn")
        XCTFail("expected a BPMNLoadError", file: file, line: line)
        return nil
    } catch let e as BPMNLoadError {
        return e
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
        return nil
    }
}

let bpmnNS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
let camundaNS = "http://camunda.org/schema/1.0/bpmn"

/// A document with the usual Camunda Modeler header around `body` (prefix `bpmn:`).
func camundaDoc(_ body: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <bpmn:definitions xmlns:bpmn="\(bpmnNS)" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" \
    xmlns:camunda="\(camundaNS)" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
    \(body)
    </bpmn:definitions>
    """
}

/// `../shared` next to the package root, found from this file's path; nil when absent.
func sharedDirectory(filePath: String = #filePath) -> String? {
    var parts = filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    // .../<package>/Tests/BPMNParserTests/Support.swift -> .../<package>
    parts.removeLast(3)
    let packageRoot = parts.joined(separator: "/")
    let shared = packageRoot + "/../shared"
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: shared + "/corpus", isDirectory: &isDir), isDir.boolValue {
        return shared
    }
    return nil
}

func requireShared() throws -> String {
    guard let dir = sharedDirectory() else {
        throw XCTSkip("skipped because ../shared is absent (test data lives next to the package root)")
    }
    return dir
}

/// All regular files under `dir`, recursively, sorted.
func filesRecursively(_ dir: String) -> [String] {
    let dir = dir.hasSuffix("/") ? String(dir.dropLast()) : dir
    guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
    var out: [String] = []
    while let rel = e.nextObject() as? String {
        var isDir: ObjCBool = false
        let path = dir + "/" + rel
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue { out.append(path) }
    }
    return out.sorted()
}
