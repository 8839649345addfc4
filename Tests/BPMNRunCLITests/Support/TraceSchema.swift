import Foundation

/// docs/trace.schema.json, the JSON Schema of the `--trace` document, loaded once.
enum TraceSchema {
    static let url = BPMNRunBinary.packageRoot.appendingPathComponent("docs/trace.schema.json")

    nonisolated(unsafe) private static var loaded: JSONSchemaValidator?
    private static let lock = NSLock()

    static func validator() throws -> JSONSchemaValidator {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let validator = JSONSchemaValidator(schema: try JSONValue.parse(Data(contentsOf: url)))
        loaded = validator
        return validator
    }
}
