import BPMNExpressions
import BPMNModel
import BPMNScripting

/// A condition or expression parsed once at load time and evaluated many times.
enum CompiledExpression {
    case juel(JUELExpression)
    /// A condition written in JavaScript (`language="javascript"` on a conditionExpression).
    case javascript(String)
    /// A Python expression (spiff dialect), evaluated over the task data.
    case python(String)

    var text: String {
        switch self {
        case .juel(let e): return e.text
        case .javascript(let s), .python(let s): return s
        }
    }
}

/// A script task's (or script condition's) body, ready to run.
enum CompiledScript {
    case javascript(String)
    case juel(JUELExpression)
    /// A Python script (spiff dialect): runs with the task data as its globals.
    case python(String)
}
