/// Soundness rules.
let soundnessRules: [any ValidationRule.Type] = [
]
