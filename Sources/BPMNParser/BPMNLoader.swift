import BPMNModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be loaded at all. Problems inside a well-formed BPMN file (dangling
/// references, duplicate ids, ...) are not load errors: the validator reports them.
public struct BPMNLoadError: Error, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable {
        /// The file could not be read (missing, a directory, no permission, ...).
        case unreadable
        /// The bytes are not well-formed (namespace-well-formed) XML: empty, truncated, binary, ...
        case notWellFormed
        /// Well-formed XML, but the root is not `<definitions>` in the BPMN 2.0 model namespace.
        case notBPMN
    }
    public let kind: Kind
    public let fileName: String
    public let message: String
    /// 1-based position of the problem; 0 when unknown.
    public let line: Int
    public let column: Int

    public init(kind: Kind, fileName: String, message: String, line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.fileName = fileName
        self.message = message
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COL: error: MESSAGE` (position parts left out when unknown).
    public var description: String {
        var s = fileName
        if line > 0 {
            s += ":\(line)"
            if column > 0 { s += ":\(column)" }
        }
        return s + ": error: " + message
    }
}

/// Reads BPMN 2.0 files (Camunda 7 flavour) into the spec graph of `BPMNModel`.
///
/// * Only unreadable, not well-formed or non-BPMN input throws; anything else loads, with dangling
///   references left nil for the validator. Elements without an id get the placeholder id
///   `localName@line:column` and a warning in `BPMNDefinitions.warnings`.
/// * Safe on hostile input: no network, no DTD loading, no entity expansion (documents that use
///   entities declared in a DTD are rejected), libxml2's default size and depth limits.
/// * Thread-safe: each call has its own parser and error handler; files may be loaded in parallel.
public enum BPMNLoader {
    /// Parses a file. Throws BPMNLoadError for unreadable / not well-formed / not BPMN input.
    /// With `collectingIndex`, `BPMNDefinitions.index` holds every id, BPMNDI reference and
    /// association (what the validator needs; a run does not).
    public static func load(path: String, collectingIndex: Bool = false) throws -> BPMNDefinitions {
        let bytes = try readFile(path)
        return try load(data: bytes, fileName: path, collectingIndex: collectingIndex)
    }

    /// Parses bytes; `fileName` is used in messages and stored in BPMNDefinitions.fileName.
    public static func load(data: [UInt8], fileName: String, collectingIndex: Bool = false) throws -> BPMNDefinitions {
        try data.withUnsafeBufferPointer { try load(buffer: $0, fileName: fileName, collectingIndex: collectingIndex) }
    }

    /// Reads a whole file as bytes (throws `.unreadable` with the reason).
    public static func readBytes(path: String) throws -> [UInt8] { try readFile(path) }

    static func load(buffer: UnsafeBufferPointer<UInt8>, fileName: String, collectingIndex: Bool = false) throws -> BPMNDefinitions {
        let scanner = XMLScanner(raw: buffer, collectsIndex: collectingIndex)
        scanner.run()
        if let f = scanner.failure {
            throw BPMNLoadError(kind: f.kind, fileName: fileName, message: f.message, line: f.line, column: f.column)
        }
        var builder = ModelBuilder(doc: scanner.doc, fileName: fileName)
        return builder.build()
    }

    static func readFile(_ path: String) throws -> [UInt8] {
        func fail(_ what: String, _ err: Int32) -> BPMNLoadError {
            let reason = String(cString: strerror(err))
            var msg = "cannot \(what) the file: \(reason)"
            if err == ENOENT { msg += " (check the path)" }
            return BPMNLoadError(kind: .unreadable, fileName: path, message: msg)
        }
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw fail("open", errno) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 { throw fail("read", errno) }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw BPMNLoadError(kind: .unreadable, fileName: path, message: "this is a directory, not a BPMN file")
        }
        let expected = max(0, Int(st.st_size))
        var bytes = [UInt8](repeating: 0, count: expected + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(65536, bytes.count))) }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("read", errno)
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
