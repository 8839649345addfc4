import BPMNModel
import Foundation

/// Reads and writes a state file: `{"formatVersion":1,"checksum":"<sha256 of the run bytes>","run":{...}}`.
/// The checksum covers the exact bytes of `run`, so a file damaged in any way (truncated, a byte
/// flipped, edited by hand) is refused instead of resuming a silently different run.
enum StateFile {
    static let formatVersion = 1
    private static let headPrefix = "{\"formatVersion\":"

    static func encode(_ run: SavedRun) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = Array(try encoder.encode(run))
        var out = Array("{\"formatVersion\":\(formatVersion),\"checksum\":\"\(SHA256.hex(body))\",\"run\":".utf8)
        out.append(contentsOf: body)
        out.append(contentsOf: Array("}\n".utf8))
        return out
    }

    static func load(path: String) throws -> SavedRun {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StateFileError(path: path, message: "cannot read the state file")
        }
        return try decode(Array(data), path: path)
    }

    static func decode(_ bytes: [UInt8], path: String) throws -> SavedRun {
        if bytes.isEmpty { throw StateFileError(path: path, message: "the state file is empty (was it truncated?)") }
        let root: VariableValue
        do {
            root = try JSONText.decode(String(decoding: bytes, as: UTF8.self))
        } catch {
            throw StateFileError(path: path, message: "not a bpmnrun state file: not valid JSON (truncated or damaged)")
        }
        guard case .object(let top) = root else {
            throw StateFileError(path: path, message: "not a bpmnrun state file: the top level is not a JSON object")
        }
        guard let version = top["formatVersion"] else {
            throw StateFileError(path: path, message: "not a bpmnrun state file: it has no \"formatVersion\"")
        }
        guard case .integer(let number) = version, number == formatVersion else {
            throw StateFileError(path: path, message: "state format version \(JSONText.encode(version)) is not one this bpmnrun reads (it reads version \(formatVersion))")
        }
        let head = Array("\(headPrefix)\(formatVersion),\"checksum\":\"".utf8)
        let checksumEnd = head.count + 64
        let runStart = checksumEnd + Array("\",\"run\":".utf8).count
        let tail = Array("}\n".utf8)
        guard bytes.count > runStart + tail.count, Array(bytes[..<head.count]) == head,
              Array(bytes[checksumEnd..<runStart]) == Array("\",\"run\":".utf8),
              Array(bytes[(bytes.count - tail.count)...]) == tail else {
            throw StateFileError(path: path, message: "not a state file bpmnrun wrote: the version, checksum and run are not laid out as bpmnrun writes them (edited by hand?)")
        }
        let recorded = String(decoding: bytes[head.count..<checksumEnd], as: UTF8.self)
        let body = bytes[runStart..<(bytes.count - tail.count)]
        guard SHA256.hex(body) == recorded else {
            throw StateFileError(path: path, message: "the state file is damaged: its checksum does not match its contents (changed after bpmnrun wrote it)")
        }
        do {
            return try JSONDecoder().decode(SavedRun.self, from: Data(body))
        } catch let error as DecodingError {
            throw StateFileError(path: path, message: "the state file has the wrong shape: \(describe(error))")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func where_(_ path: [CodingKey]) -> String {
            path.isEmpty ? "the top level" : "run." + path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(where_(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context): return "\(where_(context.codingPath)) is not a \(type)"
        case .valueNotFound(let type, let context): return "\(where_(context.codingPath)) is null, expected a \(type)"
        case .dataCorrupted(let context): return "\(where_(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
