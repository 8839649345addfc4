import BPMNExpressions
import BPMNModel
import Foundation

extension ProcessRun {
    /// The schedule of a timer event definition, with `${}` expressions in its text evaluated now
    /// (Camunda evaluates them when the timer is created, so a bad timer fails only then).
    func timerSchedule(of d: EventDefinition, node n: FlowNode, token: Int?, scope: Int) throws -> (String, TimerSchedule) {
        let pairs: [(TimerSchedule.Kind, ExpressionSpec?)] = [(.date, d.timeDate), (.duration, d.timeDuration), (.cycle, d.timeCycle)]
        let given = pairs.filter { $0.1 != nil }
        guard given.count == 1, let (kind, spec) = given.first, let spec else {
            throw RunError(message: "timer event '\(n.id)' needs exactly one of timeDate, timeDuration or timeCycle (it has \(given.count))",
                           element: n.id, location: d.location)
        }
        var text = spec.text
        if isSpiff {
            text = try pythonTimerText(spec, kind: kind.rawValue, token: token, scope: scope, element: n)
        } else if JUELExpression.containsExpression(text) {
            let value = try evaluateJUEL(text, token: token, scope: scope, element: n, what: kind.rawValue)
            if case .date(let date) = value { text = DateFormats.iso8601String(date) } else { text = value.displayText }
        }
        do {
            return (text, try TimerSchedule(kind: kind, text: text))
        } catch {
            throw RunError(message: "timer event '\(n.id)': invalid \(kind.rawValue) '\(text)': \(error.message)", element: n.id,
                           location: spec.location)
        }
    }
}
