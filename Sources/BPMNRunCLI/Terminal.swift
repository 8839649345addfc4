import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Set by SIGINT/SIGTERM/SIGHUP; checked between steps and while reading input.
nonisolated(unsafe) private var receivedSignal: sig_atomic_t = 0

/// The user's terminal: prompts and messages out, lines in. Colour only on a terminal and never
/// when NO_COLOR is set. Reads standard input with read(2) so that Ctrl-C interrupts a prompt
/// cleanly (the run then writes its trace and exits 130) and piped input works the same way.
final class Terminal {
    enum Line { case text(String), endOfInput, interrupted }

    private let outFD: Int32
    let useColor: Bool
    let inputIsTerminal: Bool
    private var pending: [UInt8] = []

    init(humanOutputToStderr: Bool, allowColor: Bool = true) {
        outFD = humanOutputToStderr ? 2 : 1
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        useColor = allowColor && !noColor && isatty(outFD) == 1
        inputIsTerminal = isatty(0) == 1
    }

    static func installSignalHandlers() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { s in receivedSignal = s }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a blocked read returns EINTR
            sigaction(sig, &action, nil)
        }
    }

    static var wasInterrupted: Bool { receivedSignal != 0 }

    func write(_ text: String) {
        var s = text
        s.withUTF8 { buf in
            var offset = 0
            while offset < buf.count {
                let n = Glibc.write(outFD, buf.baseAddress! + offset, buf.count - offset)
                if n <= 0 { if errno == EINTR { continue }; return }
                offset += n
            }
        }
    }

    func line(_ text: String = "") { write(text + "\n") }

    // MARK: Styling

    private func style(_ code: String, _ text: String) -> String { useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ t: String) -> String { style("1", t) }
    func dim(_ t: String) -> String { style("2", t) }
    func red(_ t: String) -> String { style("31", t) }
    func green(_ t: String) -> String { style("32", t) }
    func yellow(_ t: String) -> String { style("33", t) }
    func cyan(_ t: String) -> String { style("36", t) }

    // MARK: Input

    /// Shows `prompt` and reads one line (without its newline).
    func ask(_ prompt: String) -> Line {
        write(prompt)
        let result = readLine()
        if !inputIsTerminal, case .text(let t) = result { line(t) }  // echo piped answers so the transcript reads well
        return result
    }

    func readLine() -> Line {
        while true {
            if receivedSignal != 0 { return .interrupted }
            if let nl = pending.firstIndex(of: 10) {
                var bytes = Array(pending[..<nl])
                pending.removeSubrange(...nl)
                if bytes.last == 13 { bytes.removeLast() }
                return .text(String(decoding: bytes, as: UTF8.self))
            }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = read(0, &buffer, buffer.count)
            if n > 0 {
                pending.append(contentsOf: buffer[..<n])
            } else if n == 0 {
                if pending.isEmpty { return .endOfInput }
                let rest = pending
                pending.removeAll()
                return .text(String(decoding: rest, as: UTF8.self))
            } else if errno == EINTR {
                continue  // loop re-checks receivedSignal
            } else {
                return .endOfInput
            }
        }
    }
}
