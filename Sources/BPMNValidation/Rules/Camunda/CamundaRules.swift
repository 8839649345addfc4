/// Camunda rules.
let camunda7Rules: [any ValidationRule.Type] = [
]
