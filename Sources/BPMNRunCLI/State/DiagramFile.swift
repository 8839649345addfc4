import Foundation

/// A diagram file's path and content hash, as a state file records them.
enum DiagramFile {
    static func record(_ path: String) -> SavedRun.SavedFile? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return SavedRun.SavedFile(path: path, absolutePath: absolute(path), sha256: SHA256.hex(Array(data)))
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return (path as NSString).standardizingPath }
        return ((FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }

    /// The path to open now: the path as recorded when it still names the same file (so the trace
    /// names it the same way), else the absolute path.
    static func pathToOpen(_ file: SavedRun.SavedFile) -> String {
        absolute(file.path) == file.absolutePath && FileManager.default.fileExists(atPath: file.path) ? file.path : file.absolutePath
    }
}
