import BPMNModel

/// Namespace URIs the parser recognises (compared by URI, never by prefix).
enum NamespaceURI {
    static let bpmnModel = "http://www.omg.org/spec/BPMN/20100524/MODEL"
    static let camunda = "http://camunda.org/schema/1.0/bpmn"
    /// Legacy namespace of Camunda Modeler 1.x/2.x files; Camunda 7 reads it as `camunda:`.
    static let activiti = "http://activiti.org/bpmn"
    /// Diagram interchange (shapes, edges, bounds), indexed for the validator.
    static let bpmnDI = "http://www.omg.org/spec/BPMN/20100524/DI"
    static let di = "http://www.omg.org/spec/DD/20100524/DI"
    static let dc = "http://www.omg.org/spec/DD/20100524/DC"
}

/// Elements kept in the scanned tree. BPMN-namespace elements the builder reads have their own
/// case (raw value = local name); `camunda` marks any element of the Camunda namespaces;
/// `ignored` marks BPMN elements that exist in the spec but that bpmnrun does not model
/// (skipped quietly, with everything inside them).
enum Tag: String, CaseIterable {
    case definitions, process, collaboration, participant, message, signal, error, escalation
    case documentation, extensionElements, sequenceFlow, conditionExpression, association
    // flow nodes (raw values equal FlowNodeKind raw values)
    case startEvent, endEvent, intermediateCatchEvent, intermediateThrowEvent, boundaryEvent
    case task, userTask, manualTask, scriptTask, serviceTask, sendTask, receiveTask, businessRuleTask, callActivity
    case subProcess, transaction, adHocSubProcess
    case exclusiveGateway, parallelGateway, inclusiveGateway, eventBasedGateway, complexGateway
    // event definitions
    case messageEventDefinition, timerEventDefinition, errorEventDefinition, signalEventDefinition
    case escalationEventDefinition, terminateEventDefinition, conditionalEventDefinition
    case linkEventDefinition, compensateEventDefinition, cancelEventDefinition
    case timeDate, timeDuration, timeCycle, condition, script
    case multiInstanceLoopCharacteristics, loopCardinality, completionCondition, loopDataInputRef, inputDataItem
    case standardLoopCharacteristics, loopCondition
    case ioSpecification, dataInput, dataOutput
    // declared <incoming>/<outgoing> of a flow node (checked against the flows by the validator)
    case incoming, outgoing
    // markers (raw values cannot be XML names)
    case camunda = "#camunda"
    case ignored = "#ignored"

    /// Whether character data inside the element is kept.
    var collectsText: Bool {
        switch self {
        case .documentation, .conditionExpression, .timeDate, .timeDuration, .timeCycle, .condition, .script,
             .loopCardinality, .completionCondition, .loopDataInputRef, .loopCondition, .camunda, .incoming, .outgoing:
            return true
        default:
            return false
        }
    }

    var flowNodeKind: FlowNodeKind? {
        switch self {
        case .startEvent: return .startEvent
        case .endEvent: return .endEvent
        case .intermediateCatchEvent: return .intermediateCatchEvent
        case .intermediateThrowEvent: return .intermediateThrowEvent
        case .boundaryEvent: return .boundaryEvent
        case .task: return .task
        case .userTask: return .userTask
        case .manualTask: return .manualTask
        case .scriptTask: return .scriptTask
        case .serviceTask: return .serviceTask
        case .sendTask: return .sendTask
        case .receiveTask: return .receiveTask
        case .businessRuleTask: return .businessRuleTask
        case .callActivity: return .callActivity
        case .subProcess: return .subProcess
        case .transaction: return .transaction
        case .adHocSubProcess: return .adHocSubProcess
        case .exclusiveGateway: return .exclusiveGateway
        case .parallelGateway: return .parallelGateway
        case .inclusiveGateway: return .inclusiveGateway
        case .eventBasedGateway: return .eventBasedGateway
        case .complexGateway: return .complexGateway
        default: return nil
        }
    }

    var eventDefinitionKind: EventDefinition.Kind? {
        switch self {
        case .messageEventDefinition: return .message
        case .timerEventDefinition: return .timer
        case .errorEventDefinition: return .error
        case .signalEventDefinition: return .signal
        case .escalationEventDefinition: return .escalation
        case .terminateEventDefinition: return .terminate
        case .conditionalEventDefinition: return .conditional
        case .linkEventDefinition: return .link
        case .compensateEventDefinition: return .compensate
        case .cancelEventDefinition: return .cancel
        default: return nil
        }
    }

    /// BPMN 2.0 (Semantic.xsd) element names that bpmnrun does not model. They are skipped without
    /// a warning; any other name in the BPMN model namespace gets an "unknown element" warning.
    static let ignoredBPMNNames: [String] = [
        "activationCondition", "activity", "artifact", "assignment", "auditing", "baseElement",
        "baseElementWithMixedContent", "callChoreography", "callConversation", "callableElement", "catchEvent",
        "category", "categoryValue", "categoryValueRef", "childLaneSet", "choreography", "choreographyActivity",
        "choreographyRef", "choreographyTask", "complexBehaviorDefinition", "conversation",
        "conversationAssociation", "conversationLink", "conversationNode", "correlationKey", "correlationProperty",
        "correlationPropertyBinding", "correlationPropertyRef", "correlationPropertyRetrievalExpression",
        "correlationSubscription", "dataAssociation", "dataInputAssociation", "dataInputRefs",
        "dataObject", "dataObjectReference", "dataOutputAssociation", "dataOutputRefs", "dataPath",
        "dataState", "dataStore", "dataStoreReference", "endPoint", "endPointRef", "errorRef", "event",
        "eventDefinition", "eventDefinitionRef", "expression", "extension", "flowElement", "flowNode",
        "flowNodeRef", "formalExpression", "from", "gateway", "globalBusinessRuleTask", "globalChoreographyTask",
        "globalConversation", "globalManualTask", "globalScriptTask", "globalTask", "globalUserTask", "group",
        "humanPerformer", "implicitThrowEvent", "import", "inMessageRef", "innerParticipantRef",
        "inputSet", "inputSetRefs", "interface", "interfaceRef", "ioBinding",
        "itemDefinition", "lane", "laneSet", "loopCharacteristics", "loopDataOutputRef", "messageFlow",
        "messageFlowAssociation", "messageFlowRef", "messagePath", "monitoring", "operation", "operationRef",
        "optionalInputRefs", "optionalOutputRefs", "outMessageRef", "outerParticipantRef",
        "outputDataItem", "outputSet", "outputSetRefs", "participantAssociation", "participantMultiplicity",
        "participantRef", "partitionElement", "partnerEntity", "partnerRole", "performer", "potentialOwner",
        "property", "relationship", "rendering", "resource", "resourceAssignmentExpression", "resourceParameter",
        "resourceParameterBinding", "resourceRef", "resourceRole", "rootElement", "source", "sourceRef",
        "subChoreography", "subConversation", "supportedInterfaceRef", "supports", "target", "targetRef", "text",
        "textAnnotation", "throwEvent", "to", "transformation", "whileExecutingInputRefs",
        "whileExecutingOutputRefs",
    ]
}
