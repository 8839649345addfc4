import Foundation

/// Expands the paths given on the command line: files as they are, folders searched recursively
/// for `*.bpmn` (sorted, hidden folders and `.build` skipped).
public enum InputCollector {
    public static func bpmnFiles(under folder: String) -> [String] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: URL(fileURLWithPath: folder), includingPropertiesForKeys: [.isRegularFileKey],
                                         options: [.skipsHiddenFiles]) else { return [] }
        var out: [String] = []
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        for case let url as URL in walker {
            if url.lastPathComponent == ".build" || url.lastPathComponent == "node_modules" {
                walker.skipDescendants()
                continue
            }
            guard url.pathExtension.lowercased() == "bpmn" else { continue }
            let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
            guard isFile else { continue }
            // Keep the path as the user wrote the folder, so messages name files the way they expect.
            let standardizedBase = URL(fileURLWithPath: folder).standardizedFileURL.path
            let full = url.standardizedFileURL.path
            if full.hasPrefix(standardizedBase + "/") {
                out.append(base + full.dropFirst(standardizedBase.count))
            } else {
                out.append(full)
            }
        }
        return out.sorted()
    }

    /// Whether a path names a folder.
    public static func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
