/// XML and structure rules (issue #4, group 1).
let structureRules: [any ValidationRule.Type] = [
    FileReadableRule.self, XMLWellFormedRule.self, BPMNDefinitionsRule.self, DuplicateIdRule.self,
    UnresolvedReferenceRule.self, UnresolvedErrorRefRule.self, CalledElementRule.self, IncomingOutgoingRule.self,
]
