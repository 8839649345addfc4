/// Expression and script rules (issue #4, group 3). Nothing is evaluated or run.
let expressionRules: [any ValidationRule.Type] = [
    JUELSyntaxRule.self, ScriptSyntaxRule.self, ScriptFormatUnsupportedRule.self,
]
