import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program on a real pseudo-terminal, the way a user's terminal emulator does: the child
/// gets a new session (setsid) whose controlling terminal is the pty's slave side, so `isatty` is
/// true, the line discipline echoes and edits lines, and Ctrl-C (0x03) typed on the master sends
/// SIGINT to it. Every wait has a time limit, so a hang fails the test instead of blocking it.
final class PseudoTerminal {
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    let pid: pid_t
    private var master: Int32
    private var raw: [UInt8] = []
    /// Offset in `screen` after the last expected text: later expectations look past it.
    private var cursor: String.Index?
    private var exitStatus: Int32?

    /// Everything the program wrote (and the terminal echoed), escape sequences included.
    var rawOutput: String { String(decoding: raw, as: UTF8.self) }
    /// The output with ANSI escape sequences removed, as a user reads it.
    var screen: String { Self.stripEscapes(rawOutput) }

    init(executable: String, arguments: [String], environment: [String: String]) throws {
        master = PTYCalls.posix_openpt(O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw Failure(message: "posix_openpt failed: \(String(cString: strerror(errno)))") }
        guard PTYCalls.grantpt(master) == 0, PTYCalls.unlockpt(master) == 0, let name = PTYCalls.ptsname(master) else {
            close(master)
            throw Failure(message: "grantpt/unlockpt/ptsname failed: \(String(cString: strerror(errno)))")
        }
        let slavePath = String(cString: name)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid (glibc runs the session flag before the file actions), so the slave
        // becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)  // undo the test runner's ignored signals (SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(PTYCalls.POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else {
            close(master)
            throw Failure(message: "posix_spawn \(executable) failed: \(String(cString: strerror(rc)))")
        }
        pid = child
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        if master >= 0 { close(master) }
    }

    /// Closes the terminal, as when the user closes the window: the kernel hangs up the session.
    func hangUp() {
        close(master)
        master = -1
    }

    /// Sends a signal to the program, as `kill PID` from another shell does.
    func send(signal: Int32) { kill(pid, signal) }

    /// Types text on the keyboard (a line ends with "\r", as the Enter key sends).
    func type(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(master, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "writing to the terminal failed: \(String(cString: strerror(errno)))\n\(screen)")
            }
            offset += n
        }
    }

    /// Types a line and presses Enter.
    func typeLine(_ text: String) throws { try type(text + "\r") }

    /// Waits until `text` appears after the previous expectation and moves past it.
    @discardableResult
    func expect(_ text: String, timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let current = screen
            let from = cursor.flatMap { $0 <= current.endIndex ? $0 : nil } ?? current.startIndex
            if let range = current.range(of: text, range: from..<current.endIndex) {
                cursor = range.upperBound
                return String(current[from..<range.upperBound])
            }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                throw Failure(message: "timed out after \(Int(timeout)) s waiting for \"\(text)\"; the terminal shows:\n\(String(current[from...]))")
            }
            if !readAvailable(waitingAtMost: remaining) && exitStatus == nil && reapIfExited() {
                _ = readAvailable(waitingAtMost: 0.2)
                let after = screen
                if after.range(of: text, range: from..<after.endIndex) == nil {
                    throw Failure(message: "bpmnrun exited (\(exitStatus!)) before \"\(text)\" appeared:\n\(String(after[from...]))")
                }
            }
        }
    }

    /// Waits for the program to exit, reading what it writes meanwhile; kills it on timeout.
    func waitForExit(timeout: TimeInterval = 20) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while exitStatus == nil {
            if reapIfExited() { break }
            if Date() > deadline {
                kill(pid, SIGKILL)
                throw Failure(message: "bpmnrun did not exit within \(Int(timeout)) s; the terminal shows:\n\(screen)")
            }
            _ = readAvailable(waitingAtMost: 0.05)
        }
        while readAvailable(waitingAtMost: 0.05) {}  // whatever is still buffered in the pty
        return exitStatus!
    }

    /// Reads what is available within the time; false when nothing came (or the slave is closed).
    private func readAvailable(waitingAtMost seconds: TimeInterval) -> Bool {
        guard master >= 0 else {
            usleep(useconds_t(max(0, min(seconds, 0.05)) * 1_000_000))
            return false
        }
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&fds, 1, Int32(max(0, min(seconds, 1)) * 1000))
        guard ready > 0, fds.revents & Int16(POLLIN) != 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(master, &buffer, buffer.count)
        guard n > 0 else { return false }  // EIO: every slave descriptor is closed
        raw.append(contentsOf: buffer[..<n])
        return true
    }

    /// Collects the exit status without blocking; the code is 128 + signal for a killed child.
    private func reapIfExited() -> Bool {
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return false }
        let signal = status & 0x7f
        exitStatus = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        return true
    }

    static func stripEscapes(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
    }
}

/// The pty calls of glibc's <stdlib.h> and <spawn.h> that Swift's Glibc module leaves out (they sit
/// behind _XOPEN_SOURCE / _GNU_SOURCE), looked up in the C library that is already loaded.
private enum PTYCalls {
    /// `POSIX_SPAWN_SETSID` from <spawn.h> (glibc 2.26 and later).
    static let POSIX_SPAWN_SETSID: Int32 = 0x80

    nonisolated(unsafe) private static let libc = dlopen(nil, RTLD_NOW)

    private static func function<T>(_ name: String, as type: T.Type) -> T {
        guard let symbol = dlsym(libc, name) else { fatalError("\(name) is missing from the C library") }
        return unsafeBitCast(symbol, to: type)
    }

    static let posix_openpt = function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    static let grantpt = function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    static let unlockpt = function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    static let ptsname = function("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
}
