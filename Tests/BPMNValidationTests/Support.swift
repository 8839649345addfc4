import BPMNModel
import BPMNParser
import BPMNPython
import Foundation
import XCTest
@testable import BPMNValidation

/// Validates one in-memory document with every rule at its default level (or `config`), in the
/// Camunda dialect unless told (nil: detected from the document, as `--dialect auto`).
func validate(_ xml: String, name: String = "test.bpmn", config: RuleConfiguration = .recommended,
              library: ProcessLibrary = ProcessLibrary(), dialect: Dialect? = .camunda) throws -> [Finding] {
    let bytes = Array(xml.utf8)
    do {
        var definitions = try BPMNLoader.load(data: bytes, fileName: name, collectingIndex: true)
        definitions.fileName = name
        var lib = library
        lib.processIds.formUnion(definitions.processes.map(\.id))
        let validator = Validator(configs: try ConfigResolver(), dialect: dialect)
        return validator.check(definitions, library: lib, config: config, source: bytes).findings
    } catch let e as BPMNLoadError {
        // Same path as the command: a load failure becomes one finding.
        let validator = Validator(configs: try ConfigResolver(), dialect: dialect)
        return try validator.validate([.data(bytes, name: name)]).files[0].findings.map { f in
            _ = e
            return f
        }
    }
}

/// The package root (two folders above this file's folder).
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `../shared` beside the package root, or nil.
func sharedFolder() -> URL? {
    let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
}
