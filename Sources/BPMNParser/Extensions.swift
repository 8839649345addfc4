import BPMNModel

/// Camunda extension elements (`camunda:` or legacy `activiti:` namespace) under `<extensionElements>`.
extension ModelBuilder {
    func extensions(_ e: Int32) -> ExtensionElements {
        var x = ExtensionElements()
        var legacyFields: [FormField] = []
        var legacyLocation: SourceLocation?
        for c in children(e) where tag(c) == .camunda {
            switch name(c) {
            case "formData":
                if x.form == nil {
                    x.form = FormSpec(fields: camundaChildren(c, "formField").map { formField($0) },
                                      businessKey: attr(c, "businessKey"), location: loc(c))
                }
            case "formProperty":
                legacyFields.append(formProperty(c))
                if legacyLocation == nil { legacyLocation = loc(c) }
            case "inputOutput":
                for p in children(c) where tag(p) == .camunda {
                    switch name(p) {
                    case "inputParameter": x.inputParameters.append(ioParameter(p))
                    case "outputParameter": x.outputParameters.append(ioParameter(p))
                    default: break
                    }
                }
            case "in":
                x.inMappings.append(variableMapping(c))
            case "out":
                x.outMappings.append(variableMapping(c))
            case "executionListener":
                x.executionListeners.append(listener(c))
            case "taskListener":
                x.taskListeners.append(listener(c))
            case "properties":
                for p in camundaChildren(c, "property") {
                    x.properties.append(NameValue(name: attr(p, "name") ?? "", value: attr(p, "value")))
                }
            case "field":
                x.fields.append(field(c))
            case "connector":
                x.connectorId = camundaChild(c, "connectorId").map { ModelBuilder.trim(text($0)) } ?? ""
            default:
                break  // failedJobRetryTimeCycle, potentialStarter, errorEventDefinition, ...
            }
        }
        if !legacyFields.isEmpty {
            if x.form == nil {
                x.form = FormSpec(fields: legacyFields, isLegacyFormProperties: true, location: legacyLocation ?? loc(e))
            } else {
                // Camunda reads both; the formData fields come first.
                x.form?.fields += legacyFields
            }
        }
        return x
    }

    func formField(_ e: Int32) -> FormField {
        var f = FormField(id: attr(e, "id") ?? "", label: attr(e, "label"), type: attr(e, "type"),
                          defaultValue: attr(e, "defaultValue"), datePattern: attr(e, "datePattern"), location: loc(e))
        for c in children(e) where tag(c) == .camunda {
            switch name(c) {
            case "value":
                f.enumValues.append(NameValue(name: attr(c, "id") ?? "", value: attr(c, "name")))
            case "validation":
                for k in camundaChildren(c, "constraint") {
                    f.constraints.append(NameValue(name: attr(k, "name") ?? "", value: attr(k, "config")))
                }
            case "properties":
                for p in camundaChildren(c, "property") {
                    f.properties.append(NameValue(name: attr(p, "id") ?? "", value: attr(p, "value")))
                }
            default:
                break
            }
        }
        return f
    }

    /// Legacy `camunda:formProperty`: name → label, default → defaultValue, required="true" →
    /// constraint `required`, writable="false" → constraint `readonly`, `camunda:value` → enum values.
    func formProperty(_ e: Int32) -> FormField {
        var f = FormField(id: attr(e, "id") ?? "", label: attr(e, "name"), type: attr(e, "type"),
                          defaultValue: attr(e, "default"), datePattern: attr(e, "datePattern"), location: loc(e))
        if ModelBuilder.camundaBool(attr(e, "required")) == true {
            f.constraints.append(NameValue(name: "required", value: nil))
        }
        if ModelBuilder.camundaBool(attr(e, "writable")) == false {
            f.constraints.append(NameValue(name: "readonly", value: nil))
        }
        for c in camundaChildren(e, "value") {
            f.enumValues.append(NameValue(name: attr(c, "id") ?? "", value: attr(c, "name")))
        }
        return f
    }

    func ioParameter(_ e: Int32) -> IOParameter {
        IOParameter(name: attr(e, "name") ?? "", value: nestedValue(e), location: loc(e))
    }

    /// A parameter or map entry: its only child element (list, map, script, value), else its text.
    func nestedValue(_ e: Int32) -> IOValue {
        for c in children(e) where tag(c) == .camunda { return value(c) }
        return textValue(e)
    }

    func value(_ e: Int32) -> IOValue {
        switch name(e) {
        case "list":
            return .list(children(e).filter { tag($0) == .camunda }.map { value($0) })
        case "map":
            return .map(camundaChildren(e, "entry").map { (key: attr($0, "key") ?? "", value: nestedValue($0)) })
        case "script":
            return .script(script(e))
        default:
            return textValue(e)
        }
    }

    func textValue(_ e: Int32) -> IOValue {
        let t = ModelBuilder.trim(text(e))
        return t.isEmpty ? .none : .text(t)
    }

    /// `camunda:script scriptFormat resource`, text kept exactly; body nil when the element is empty
    /// (an external `resource` script).
    func script(_ e: Int32) -> ScriptSpec {
        let body = doc.elements[Int(e)].text.flatMap { $0.isEmpty ? nil : $0 }
        return ScriptSpec(format: attr(e, "scriptFormat"), body: body, resource: attr(e, "resource"), location: loc(e))
    }

    func listener(_ e: Int32) -> ListenerSpec {
        func nonEmpty(_ s: String?) -> String? {
            guard let s, !ModelBuilder.trim(s).isEmpty else { return nil }
            return s
        }
        let impl: ListenerSpec.Implementation
        if let c = nonEmpty(attr(e, "class")) {
            impl = .javaClass(c)
        } else if let x = nonEmpty(attr(e, "expression")) {
            impl = .expression(x)
        } else if let d = nonEmpty(attr(e, "delegateExpression")) {
            impl = .delegateExpression(d)
        } else if let s = camundaChild(e, "script") {
            impl = .script(script(s))
        } else {
            impl = .none
        }
        return ListenerSpec(event: attr(e, "event"), implementation: impl, location: loc(e))
    }

    func variableMapping(_ e: Int32) -> VariableMapping {
        VariableMapping(source: attr(e, "source"), sourceExpression: attr(e, "sourceExpression"), target: attr(e, "target"),
                        allVariables: attr(e, "variables") == "all", local: ModelBuilder.isTrue(attr(e, "local")),
                        businessKey: attr(e, "businessKey"), location: loc(e))
    }

    /// `camunda:field name` with `stringValue`/`expression` attribute or `camunda:string`/`camunda:expression` child.
    func field(_ e: Int32) -> NameValue {
        var value = attr(e, "stringValue") ?? attr(e, "expression")
        if value == nil {
            for c in children(e) where tag(c) == .camunda && (self.name(c) == "string" || self.name(c) == "expression") {
                value = text(c)
                break
            }
        }
        return NameValue(name: attr(e, "name") ?? "", value: value)
    }
}
