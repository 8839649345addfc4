import BPMNModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Streams the trace document to a file (or standard output) as events happen, so a long run
/// neither holds its trace in memory nor slows down as it grows. See docs/trace-format.md.
public final class JSONTraceWriter: TraceSink {
    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool
    private var eventCount = 0
    /// Reused for every event, so writing one allocates nothing once it has grown.
    private var buffer = JSONByteWriter(capacity: 1024)
    private var finished = false
    public let path: String

    public struct OpenError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        /// What was to be written there: "trace" or "XES log".
        public let kind: String
        public init(path: String, reason: String, kind: String = "trace") {
            self.path = path
            self.reason = reason
            self.kind = kind
        }
        public var description: String { "cannot write the \(kind) to \(path): \(reason)" }
    }

    /// Opens `path` for writing (`-` is standard output) and writes the document's head.
    /// `dialect`: the dialect the run uses and why (`--dialect`, or what auto-detection saw).
    public init(path: String, diagramFile: String, processId: String, dialect: (name: String, reason: String)? = nil) throws {
        self.path = path
        if path == "-" {
            file = fdopen(dup(1), "w")!
            ownsFile = true
        } else {
            guard let f = fopen(path, "w") else { throw OpenError(path: path, reason: String(cString: strerror(errno))) }
            file = f
            ownsFile = true
        }
        var head = "{\"format\":\"bpmnrun-trace/1\",\"file\":"
        JSONText.writeString(diagramFile, into: &head)
        head += ",\"process\":"
        JSONText.writeString(processId, into: &head)
        if let dialect {
            head += ",\"dialect\":{\"name\":"
            JSONText.writeString(dialect.name, into: &head)
            head += ",\"reason\":"
            JSONText.writeString(dialect.reason, into: &head)
            head += "}"
        }
        head += ",\"events\":["
        write(head)
    }

    deinit {
        if !finished { fflush(file) }
        if ownsFile { fclose(file) }
    }

    private func write(_ s: String) {
        var s = s
        s.withUTF8 { buf in _ = fwrite(buf.baseAddress, 1, buf.count, file) }
    }

    public func record(_ event: TraceEvent) {
        guard !finished else { return }
        buffer.removeAll()
        buffer.raw(eventCount == 0 ? "\n" : ",\n")
        event.write(into: &buffer)
        buffer.bytes.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, file) }
        eventCount += 1
    }

    public func finish(_ summary: TraceSummary) {
        guard !finished else { return }
        finished = true
        var tail = "\n],\"status\":\"\(summary.status.rawValue)\",\"error\":"
        if let e = summary.error {
            tail += "{\"message\":"
            JSONText.writeString(e.message, into: &tail)
            tail += ",\"element\":"
            if let el = e.element { JSONText.writeString(el, into: &tail) } else { tail += "null" }
            if let line = e.line { tail += ",\"line\":\(line),\"column\":\(e.column ?? 0)" }
            tail += "}"
        } else {
            tail += "null"
        }
        tail += ",\"active\":"
        JSONText.write(.array(summary.active.map { .string($0) }), into: &tail)
        tail += ",\"variables\":"
        JSONText.write(.object(summary.variables), into: &tail, pretty: false)
        tail += ",\"pending\":"
        JSONText.write(.array(summary.pending), into: &tail, pretty: false)
        tail += ",\"scopes\":"
        JSONText.write(.array(summary.scopes), into: &tail, pretty: false)
        tail += ",\"waiting\":"
        JSONText.write(.array(summary.waiting), into: &tail, pretty: false)
        tail += "}\n"
        write(tail)
        fflush(file)
    }

    /// Writes what is buffered to the file (called before waiting for input, so a crash or a killed
    /// terminal loses nothing already done).
    public func flush() { fflush(file) }
}
