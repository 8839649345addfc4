import BPMNModel

/// Spiff dialect, values from an answers file: SpiffWorkflow leaves forms to the application and
/// stores in the task data whatever it submits (`camunda/specs/user_task.py` keeps the form for the
/// application only), so an answers-file run of a SpiffWorkflow diagram gives SpiffWorkflow's
/// result only if the values are kept as given. Each value that Camunda's form service would have
/// converted or refused is kept as it is and reported as a warning, so the user still learns that
/// the value would not pass the form; fields not submitted take their defaults as usual. Typed
/// input on a terminal is checked as in the camunda dialect (`FormSubmission`).
public enum SpiffFormSubmission {
    public struct Result: Equatable, Sendable {
        public var variables: [String: VariableValue]
        /// One line per value kept although Camunda's form rules would change or refuse it.
        public var warnings: [String]
    }

    public static func variables(for form: FormSpec, submitted: [String: VariableValue],
                                 defaultValue: (FormField) throws -> VariableValue?) throws -> Result {
        var result = submitted
        var warnings: [String] = []
        for field in form.fields {
            if let raw = submitted[field.id] {
                do {
                    let converted = try FormValueConverter.convert(raw, for: field)
                    try FormValidation.validate(field, submitted: converted, existing: nil)
                    if converted != raw {
                        warnings.append("field '\(field.id)': \(raw) kept as given (a \(field.fieldType.name) field would store \(converted))")
                    }
                } catch let error as FormValueError {
                    warnings.append("field '\(field.id)': \(raw) kept as given; the form would refuse it: \(error.message)")
                } catch {
                    warnings.append("field '\(field.id)': \(raw) kept as given; the form would refuse it: \(error)")
                }
            } else if let def = try defaultValue(field), !def.isNull {
                result[field.id] = (try? FormValueConverter.convert(def, for: field)) ?? def
            }
        }
        return Result(variables: result, warnings: warnings)
    }
}
