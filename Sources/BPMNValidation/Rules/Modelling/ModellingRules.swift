/// Modelling rules.
let modellingRules: [any ValidationRule.Type] = [
]
