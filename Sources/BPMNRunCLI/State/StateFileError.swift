/// Why a state file cannot be used. Always names the file; `bpmnrun resume` and `status` exit with
/// `ExitStatus.stateRefused` for every one of them.
struct StateFileError: Error, CustomStringConvertible {
    let path: String
    let message: String
    var description: String { "\(path): \(message)" }
}
