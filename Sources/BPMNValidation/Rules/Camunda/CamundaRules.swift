/// Camunda 7 deployability rules (issue #4, group 2): what Camunda 7's BpmnParse rejects, in its words.
let camunda7Rules: [any ValidationRule.Type] = [
    ExecutableProcessRule.self, IsExecutableMissingRule.self, HistoryTimeToLiveRule.self, StartEventRule.self,
    EventSubProcessFlowRule.self, EventBasedGatewayRule.self, ExclusiveGatewayRule.self, TimerDefinitionRule.self,
    TimerValueRule.self, MultiInstanceRule.self, BoundaryEventRule.self, ScriptFormatRule.self, ScriptTaskScriptRule.self,
    ServiceTaskImplementationRule.self, CallActivityRule.self, FormFieldTypeRule.self, FormFieldValuesRule.self,
    ErrorEventRule.self, MessageRule.self, SignalRule.self, EscalationRule.self, EventSubscriptionRule.self,
    CompensationRule.self, ConditionalEventRule.self, ListenerRule.self, InputOutputRule.self, VariableMappingRule.self,
    PriorityRule.self, FormReferenceRule.self, FieldInjectionRule.self, DecisionResultMapperRule.self, AsyncAfterFlowIdRule.self,
    ImportRule.self, RequiredIdRule.self, ResourceAssignmentRule.self, TimeoutTaskListenerRule.self, ConditionExpressionTypeRule.self,
    ErrorEventDefinitionExtensionRule.self, CamundaLinkEventRule.self, CancelEndEventRule.self, IntermediateCatchEventRule.self,
    UnsupportedActivityRule.self, FieldDeclarationRule.self, FormValidationRule.self, FormPropertyRule.self, DiagramInterchangeRule.self, ParseWarningRule.self,
]
