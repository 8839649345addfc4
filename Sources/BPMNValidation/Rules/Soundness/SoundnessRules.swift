/// Flow soundness rules (issue #4, group 5): checks on the token flow no linter makes. Each
/// finding names the path that shows it. Conditions are not evaluated.
let soundnessRules: [any ValidationRule.Type] = [
    UnreachableNodeRule.self, NoPathToEndRule.self, EndlessLoopRule.self, ParallelJoinDeadlockRule.self, LackOfSynchronizationRule.self,
    // Last: reports what the analyses above left unchecked.
    SoundnessIncompleteRule.self,
]
