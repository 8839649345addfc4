import BPMNModel

/// Camunda 7's built-in form validators: required, minlength, maxlength, min, max, readonly.
/// Messages follow Camunda's: `Invalid value submitted for form field 'x': validation of min(3) failed.`
public enum FormValidation {
    /// Checks one field. `submitted` is nil when the field was not submitted; `existing` is the
    /// variable's current value (a required field is satisfied by an existing value, as in Camunda).
    public static func validate(_ field: FormField, submitted: VariableValue?, existing: VariableValue?) throws {
        for constraint in field.constraints {
            let config = constraint.value ?? ""
            let ok: Bool
            switch constraint.name {
            case "required":
                if let v = submitted, !v.isNull {
                    if case .string(let s) = v { ok = !s.isEmpty } else { ok = true }
                } else {
                    ok = existing.map { !$0.isNull } ?? false
                }
            case "readonly":
                ok = submitted == nil
            case "minlength", "maxlength":
                guard case .string(let s)? = submitted, let limit = Int(config) else { continue }
                ok = constraint.name == "minlength" ? s.count >= limit : s.count <= limit
            case "min", "max":
                guard let v = submitted, let number = v.doubleValue, let limit = Double(config) else { continue }
                ok = constraint.name == "min" ? number >= limit : number <= limit
            default:
                // Custom validators (Java classes, expressions) cannot run here; the trace and the
                // terminal mention them, but they do not block the run.
                continue
            }
            if !ok {
                let shown = config.isEmpty ? constraint.name : "\(constraint.name)(\(config))"
                throw FormValueError(field: field.id, message: "Invalid value submitted for form field '\(field.id)': validation of \(shown) failed. \(hint(constraint.name, config, field))")
            }
        }
    }

    static func hint(_ name: String, _ config: String, _ field: FormField) -> String {
        switch name {
        case "required": return "The field '\(field.displayLabel)' needs a value."
        case "readonly": return "The field '\(field.displayLabel)' is read-only and cannot be submitted."
        case "minlength": return "Enter at least \(config) characters."
        case "maxlength": return "Enter at most \(config) characters."
        case "min": return "Enter \(config) or more."
        case "max": return "Enter \(config) or less."
        default: return ""
        }
    }

    /// The custom validators of a field that bpmnrun cannot run (names), for a notice.
    public static func unsupportedConstraints(_ field: FormField) -> [String] {
        field.constraints.map(\.name).filter { !["required", "readonly", "minlength", "maxlength", "min", "max"].contains($0) }
    }
}

/// Turns a task completion (answers or typed values) into the variables to set, as Camunda's form
/// service submits a task form: each field's value is converted to its type and validated; a field
/// that is not submitted takes its default value (when it has one and is not read-only).
public enum FormSubmission {
    public static func variables(for form: FormSpec, submitted: [String: VariableValue],
                                 defaultValue: (FormField) throws -> VariableValue?,
                                 existing: (String) -> VariableValue?) throws -> [String: VariableValue] {
        var result = submitted
        for field in form.fields {
            if let raw = submitted[field.id] {
                let value = try FormValueConverter.convert(raw, for: field)
                try FormValidation.validate(field, submitted: value, existing: existing(field.id))
                result[field.id] = value
            } else {
                try FormValidation.validate(field, submitted: nil, existing: existing(field.id))
                if let def = try defaultValue(field), !def.isNull {
                    result[field.id] = try FormValueConverter.convert(def, for: field)
                }
            }
        }
        return result
    }
}
