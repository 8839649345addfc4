import BPMNEngine
import BPMNModel
import BPMNParser
import BPMNPython
import Foundation

/// Finds the process a call activity calls: in the other `.bpmn` files of the caller's folder, then
/// in the `--lib` folders (in the order given). Each file is parsed at most once.
final class CalledProcessFinder: @unchecked Sendable {
    private let libraries: [String]
    private var parsed: [String: BPMNDefinitions?] = [:]
    private let lock = NSLock()

    /// Called processes run in the caller's dialect.
    private let dialect: Dialect

    init(libraries: [String], dialect: Dialect = .camunda) {
        self.libraries = libraries
        self.dialect = dialect
    }

    var resolver: CalledProcessResolver {
        { [self] id, callerFile in try self.find(id, callerFile: callerFile) }
    }

    private func find(_ id: String, callerFile: String) throws -> ExecutableProcess {
        lock.lock()
        defer { lock.unlock() }
        let folder = (callerFile as NSString).deletingLastPathComponent
        var searched: [String] = []
        for dir in [folder.isEmpty ? "." : folder] + libraries {
            searched.append(dir)
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory)
            // A --lib entry may also name one file (of any extension, e.g. .bpmn20.xml).
            let paths: [String]
            if exists && !isDirectory.boolValue {
                paths = [dir]
            } else {
                let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
                    .filter { $0.hasSuffix(".bpmn") || $0.hasSuffix(".bpmn20.xml") }.sorted()
                paths = files.map { dir == "." && folder.isEmpty ? $0 : (dir as NSString).appendingPathComponent($0) }
            }
            for path in paths {
                guard let definitions = definitions(at: path), let spec = definitions.process(id: id) else { continue }
                return try ProcessCompiler.compile(definitions, process: spec, dialect: dialect)
            }
        }
        throw RunError(message: "no process with id '\(id)' in the .bpmn files of \(searched.joined(separator: ", ")); add the folder that has it with --lib DIR")
    }

    private func definitions(at path: String) -> BPMNDefinitions? {
        if let cached = parsed[path] { return cached }
        let loaded = try? BPMNLoader.load(path: path)
        parsed[path] = loaded
        return loaded
    }
}
