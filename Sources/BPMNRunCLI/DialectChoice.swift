import BPMNModel
import BPMNPython

/// `--dialect camunda|spiff|auto` on `run` and `validate`.
enum DialectChoice: String, CaseIterable {
    case camunda, spiff, auto

    /// The dialect asked for, or nil for `auto` (decided per diagram).
    var fixedDialect: Dialect? {
        switch self {
        case .camunda: return .camunda
        case .spiff: return .spiff
        case .auto: return nil
        }
    }

    /// The dialect a run uses and the one line that says why (printed once, kept in the trace).
    struct Resolved {
        var dialect: Dialect
        var reason: String
    }

    /// The dialect for a process: the one asked for, or what `DialectDetector` finds in it. A
    /// diagram that mixes both dialects' decisive notation is a conflict under `auto`.
    func resolve(for process: ProcessSpec) -> Result<Resolved, DialectConflict> {
        switch self {
        case .camunda: return .success(Resolved(dialect: .camunda, reason: "camunda (chosen with --dialect)"))
        case .spiff: return .success(Resolved(dialect: .spiff, reason: "spiff (chosen with --dialect)"))
        case .auto:
            let decision = DialectDetector.detect(process)
            if let conflict = decision.conflict { return .failure(conflict) }
            return .success(Resolved(dialect: decision.dialect, reason: decision.reason))
        }
    }
}
