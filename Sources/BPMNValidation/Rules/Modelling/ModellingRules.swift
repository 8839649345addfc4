/// Modelling rules (issue #4, group 4): bpmnlint's rules that apply to Camunda 7, with bpmnlint's
/// ids and meaning (and line, column and every output format).
let modellingRules: [any ValidationRule.Type] = [
    StartEventRequiredRule.self, EndEventRequiredRule.self, NoDisconnectedRule.self, NoImplicitSplitRule.self,
    NoImplicitStartRule.self, NoImplicitEndRule.self, ConditionalFlowsRule.self, FakeJoinRule.self,
    NoGatewayJoinForkRule.self, SuperfluousGatewayRule.self, SingleBlankStartEventRule.self,
    SingleEventDefinitionRule.self, NoDuplicateSequenceFlowsRule.self, LabelRequiredRule.self,
    SubProcessBlankStartEventRule.self, LinkEventRule.self, NoComplexGatewayRule.self, NoBPMNDIRule.self,
    EventSubProcessTypedStartEventRule.self,
]
