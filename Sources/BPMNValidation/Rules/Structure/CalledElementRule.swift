import BPMNModel
import BPMNExpressions

/// A call activity whose `calledElement` is not among the processes of the files checked and
/// the `--lib` folders. Expressions (`${...}`) are resolved at run time and not checked.
public struct CalledElementRule: ValidationRule {
    public static let id = "called-element-unresolved"
    public static let summary = "A call activity's calledElement is a process in the checked files or --lib folders."
    public static let category = RuleCategory.structure
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:callActivity id=\"Call\" calledElement=\"NoSuchProcess\" />")],
        passing: [
            .process("<bpmn:callActivity id=\"Call\" calledElement=\"Process_1\" />"),
            .process("<bpmn:callActivity id=\"Call\" calledElement=\"${target}\" />"),
        ])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachNode { _, n in
            guard n.kind == .callActivity, let called = n.calledElement, !called.isEmpty,
                  !JUELExpression.containsExpression(called) else { return }
            if !diagram.library.processIds.contains(called) {
                out.append(RuleFinding("calledElement '\(called)' is not a process in the checked files; add the file that defines it (or its folder with --lib)", at: n.location, element: n.id))
            }
        }
        return out
    }
}
