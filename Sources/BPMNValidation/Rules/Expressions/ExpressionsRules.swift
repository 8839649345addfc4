/// Expressions rules.
let expressionRules: [any ValidationRule.Type] = [
]
