import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps two bpmnrun processes from continuing the same saved run at once (each would apply the
/// remaining steps, and the last save would win). An exclusive flock(2) on `.<state>.lock` beside
/// the state file, held until the process exits; the kernel releases it even after `kill -9`.
enum StateLock {
    nonisolated(unsafe) private static var held: Set<String> = []

    static func acquire(for statePath: String) throws {
        let key = DiagramFile.absolute(statePath)
        if held.contains(key) { return }
        let folder = (key as NSString).deletingLastPathComponent
        let lockPath = (folder as NSString).appendingPathComponent("." + (key as NSString).lastPathComponent + ".lock")
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        // A folder where no lock file can be made cannot hold the state either: saving reports that.
        guard fd >= 0 else { return }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            throw StateFileError(path: statePath, message: "another bpmnrun is running this saved run right now; wait for it to stop")
        }
        held.insert(key)  // the descriptor stays open (and locked) until the process exits
    }
}
