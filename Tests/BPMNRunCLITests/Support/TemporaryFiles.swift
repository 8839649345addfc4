import Foundation

/// Unique paths in the temporary folder, so tests that run in parallel never share a file.
enum TemporaryFiles {
    static func url(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("bpmnrun-test-\(UUID().uuidString)-\(name)")
    }

    /// Writes `text` to a new temporary file and returns its URL.
    static func write(_ text: String, name: String) throws -> URL {
        let url = url(name)
        try Data(text.utf8).write(to: url)
        return url
    }
}
