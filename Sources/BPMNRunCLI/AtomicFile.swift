import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a whole file so that readers see the old content or the new, never a part: a temporary
/// file beside it, flushed to disk, then renamed over it.
enum AtomicFile {
    /// Returns why it failed (the system's words, e.g. "No such file or directory"), nil on success.
    static func write(_ data: Data, to path: String) -> String? {
        let temporary = path + ".tmp-\(getpid())"
        guard let file = fopen(temporary, "w") else { return String(cString: strerror(errno)) }
        let written = data.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let failure: String? = written == data.count && fflush(file) == 0 && fsync(fileno(file)) == 0 ? nil : String(cString: strerror(errno))
        fclose(file)
        if let failure {
            unlink(temporary)
            return failure
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return reason
        }
        return nil
    }
}
