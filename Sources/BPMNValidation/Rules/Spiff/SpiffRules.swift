/// SpiffWorkflow dialect rules (issue #5): what SpiffWorkflow's Camunda parser refuses, and Python
/// that does not compile. Python script bodies are checked by `script-syntax`.
let spiffRules: [any ValidationRule.Type] = [
    DialectConflictRule.self, SpiffScriptMissingRule.self, SpiffConditionMissingRule.self, PythonExpressionSyntaxRule.self,
    SpiffTimerLiteralRule.self,
]

extension RuleExample {
    /// A spiff-dialect process: executable, no Camunda-only attributes.
    static func spiffProcess(_ body: String) -> RuleExample {
        .definitions("<bpmn:process id=\"Process_1\" isExecutable=\"true\">\n" + body + "\n</bpmn:process>")
    }
}
