import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file so that a crash at any moment leaves either the old or the new contents, never a
/// mix: the bytes go to a temporary file in the same folder (same file system, so rename(2) is
/// atomic), which is flushed to disk before it is renamed over the target; then the folder itself is
/// flushed so the rename survives a power cut.
enum AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        let path: String
        let reason: String
        /// What the file is, for the message ("the run state", "the XES log").
        var what = "the run state"
        var description: String { "cannot save \(what) to \(path): \(reason)" }
    }

    /// `beforeRename` runs after the temporary file is on disk and before it replaces the target
    /// (the fault-injection hook kills the process there).
    static func write(_ bytes: [UInt8], to path: String, beforeRename: () -> Void = {}) throws {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        // One fixed name: a temporary file left by a killed process is simply overwritten next time.
        let temporary = (folder as NSString).appendingPathComponent(".\(base).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(temporary)
                throw WriteError(path: path, reason: reason)
            }
            offset += n
        }
        guard fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            unlink(temporary)
            throw WriteError(path: path, reason: "flushing to disk failed: \(reason)")
        }
        close(fd)
        beforeRename()
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
        let dirFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            close(dirFD)
        }
    }
}
