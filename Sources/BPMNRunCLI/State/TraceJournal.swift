import BPMNModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The trace so far of a saved run, kept beside the state file in `<state>.trace`: one JSON event
/// per line, only ever appended. The state file records how many bytes (and events) of it belong
/// to the saved state and their SHA-256, so saving a step writes only that step's events, and a
/// journal that grew past the state (a kill between the two writes) is cut back on resume.
final class TraceJournal {
    let path: String
    private let fd: Int32
    private var hasher: SHA256.Hasher
    private(set) var record: SavedRun.TraceRecord

    static func path(forState statePath: String) -> String { statePath + ".trace" }

    private init(path: String, fd: Int32, hasher: SHA256.Hasher, record: SavedRun.TraceRecord) {
        self.path = path
        self.fd = fd
        self.hasher = hasher
        self.record = record
    }

    deinit { close(fd) }

    /// An empty journal for a new run (replacing any old one).
    static func create(forState statePath: String) throws -> TraceJournal {
        let path = path(forState: statePath)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StateFileError(path: path, message: "cannot write the trace journal: \(String(cString: strerror(errno)))") }
        let hasher = SHA256.Hasher()
        return TraceJournal(path: path, fd: fd, hasher: hasher,
                            record: SavedRun.TraceRecord(file: (path as NSString).lastPathComponent, events: 0, bytes: 0, sha256: hasher.hexDigest()))
    }

    /// The saved run's journal, cut back to what the state records, to be continued.
    static func continuing(forState statePath: String, record: SavedRun.TraceRecord) throws -> TraceJournal {
        let path = path(forState: statePath)
        let (_, hasher) = try read(forState: statePath, record: record)
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0, ftruncate(fd, off_t(record.bytes)) == 0, lseek(fd, off_t(record.bytes), SEEK_SET) >= 0 else {
            throw StateFileError(path: path, message: "cannot continue the trace journal: \(String(cString: strerror(errno)))")
        }
        return TraceJournal(path: path, fd: fd, hasher: hasher, record: record)
    }

    /// The events the state records, checked against its byte count and SHA-256.
    static func events(forState statePath: String, record: SavedRun.TraceRecord) throws -> [VariableValue] {
        try read(forState: statePath, record: record).events
    }

    private static func read(forState statePath: String, record: SavedRun.TraceRecord) throws -> (events: [VariableValue], hasher: SHA256.Hasher) {
        let path = path(forState: statePath)
        guard record.bytes >= 0, record.events >= 0 else {
            throw StateFileError(path: statePath, message: "the state file records a trace journal of negative length")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            if record.bytes == 0 { return ([], SHA256.Hasher()) }
            throw StateFileError(path: path, message: "cannot read the trace journal of \(statePath); it holds the trace so far")
        }
        guard data.count >= record.bytes else {
            throw StateFileError(path: path, message: "the trace journal is shorter (\(data.count) bytes) than the state records (\(record.bytes)): truncated")
        }
        let bytes = Array(data.prefix(record.bytes))
        var hasher = SHA256.Hasher()
        hasher.update(bytes)
        guard hasher.hexDigest() == record.sha256 else {
            throw StateFileError(path: path, message: "the trace journal is damaged: its checksum does not match the state file's record")
        }
        var events: [VariableValue] = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            guard let event = try? JSONText.decode(String(decoding: line, as: UTF8.self)), TraceRecorder.event(from: event) != nil else {
                throw StateFileError(path: path, message: "the trace journal has a line that is not a trace event (event \(events.count + 1))")
            }
            events.append(event)
        }
        guard events.count == record.events else {
            throw StateFileError(path: path, message: "the trace journal holds \(events.count) events where the state records \(record.events)")
        }
        return (events, hasher)
    }

    /// Appends events (each one JSON object) and flushes them to disk; `record` then describes the
    /// journal with them.
    func append(_ events: [[UInt8]]) throws {
        guard !events.isEmpty else { return }
        var bytes: [UInt8] = []
        for event in events {
            bytes.append(contentsOf: event)
            bytes.append(UInt8(ascii: "\n"))
        }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StateFileError(path: path, message: "cannot write the trace journal: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
        guard fsync(fd) == 0 else {
            throw StateFileError(path: path, message: "cannot flush the trace journal to disk: \(String(cString: strerror(errno)))")
        }
        hasher.update(bytes)
        record.events += events.count
        record.bytes += bytes.count
        record.sha256 = hasher.hexDigest()
    }
}
