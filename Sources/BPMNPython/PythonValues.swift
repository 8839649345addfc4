import BPMNModel
import CPythonBridge
import Foundation

/// Converts between bpmnrun variables and Python objects (GIL held for every call).
///
/// | VariableValue | Python |
/// |---|---|
/// | null | None |
/// | boolean | bool |
/// | integer (64-bit) | int (an int outside 64 bits is an error) |
/// | double | float |
/// | string | str |
/// | date | `datetime.datetime` / `datetime.date` (see `PythonDateKinds`) |
/// | array | list (a tuple becomes an array too) |
/// | object | dict with str keys (subclasses such as `defaultdict` included) |
///
/// Anything else (set, bytes, Decimal, an instance of a class) is an `unsupportedValue` error that
/// names the variable, the path inside it and the Python type.
struct PythonValues {
    let helpers: PythonInterpreter.Helpers
    let dateKinds: PythonDateKinds

    /// Deeper nesting is refused: it is almost always a value that contains itself.
    static let maximumDepth = 200

    // MARK: bpmnrun -> Python

    /// A new reference.
    func toPython(_ value: VariableValue) throws(PythonError) -> PyObjectPointer {
        switch value {
        case .null:
            let none = bpmnpy_none()!
            bpmnpy_incref(none)
            return none
        case .boolean(let b): return try Self.check(bpy_PyBool_FromLong(b ? 1 : 0))
        case .integer(let i): return try Self.check(bpy_PyLong_FromLongLong(i))
        case .double(let d): return try Self.check(bpy_PyFloat_FromDouble(d))
        case .string(let s): return try Self.makeString(s)
        case .date(let date):
            let micros = PythonDateKinds.microseconds(date)
            let (kind, offset) = dateKinds.kind(of: micros)
            let args = [bpy_PyLong_FromLongLong(micros), bpy_PyLong_FromLong(kind.rawValue), bpy_PyLong_FromLong(offset)]
            return try Self.check(Self.call(helpers.makeDate, args))
        case .array(let items):
            let list = try Self.check(bpy_PyList_New(items.count))
            for (i, item) in items.enumerated() {
                do {
                    bpy_PyList_SetItem(list, i, try toPython(item))  // steals the item
                } catch {
                    bpmnpy_decref(list)
                    throw error
                }
            }
            return list
        case .object(let members):
            let dict = try Self.check(bpy_PyDict_New())
            do {
                // Sorted: a Swift dictionary's order changes from process to process, and scripts
                // see dict order (`json.dumps(d)`, `list(d)`). SpiffWorkflow keeps insertion
                // order, which bpmnrun's variables do not record.
                for key in members.keys.sorted() {
                    try setItem(dict, key, try toPython(members[key]!))
                }
            } catch {
                bpmnpy_decref(dict)
                throw error
            }
            return dict
        }
    }

    /// A new dict holding the variables.
    func makeDict(_ variables: [String: VariableValue]) throws(PythonError) -> PyObjectPointer {
        try toPython(.object(variables))
    }

    /// `dict[key] = value`, consuming `value`.
    func setItem(_ dict: PyObjectPointer, _ key: String, _ value: PyObjectPointer) throws(PythonError) {
        defer { bpmnpy_decref(value) }
        let keyObject = try Self.makeString(key)
        defer { bpmnpy_decref(keyObject) }
        if bpy_PyDict_SetItem(dict, keyObject, value) != 0 { throw Self.pendingError() }
    }

    // MARK: Python -> bpmnrun

    /// Converts a borrowed reference. `path` names the value in messages (`order['items'][2]`).
    func fromPython(_ object: PyObjectPointer, path: String, depth: Int = 0) throws(PythonError) -> VariableValue {
        if bpmnpy_is_none(object) != 0 { return .null }
        if bpmnpy_is_bool(object) != 0 { return .boolean(object == bpmnpy_true()) }
        if bpmnpy_is_long(object) != 0 {
            var overflow: Int32 = 0
            let value = bpy_PyLong_AsLongLongAndOverflow(object, &overflow)
            if overflow != 0 {
                let digits = bpy_PyObject_Str(object).flatMap(Self.takeString) ?? "?"
                throw PythonError(kind: .unsupportedValue, message:
                    "\(path): the integer \(Self.abbreviated(digits)) does not fit in 64 bits, the largest integer a variable can hold")
            }
            if value == -1, bpy_PyErr_Occurred() != nil { throw Self.pendingError() }
            return .integer(value)
        }
        if bpmnpy_is_float(object) != 0 { return .double(bpy_PyFloat_AsDouble(object)) }
        if bpmnpy_is_unicode(object) != 0 {
            guard let text = Self.string(object) else {
                bpy_PyErr_Clear()
                throw PythonError(kind: .unsupportedValue, message: "\(path): the string is not valid Unicode text (lone surrogate)")
            }
            return .string(text)
        }
        guard depth < Self.maximumDepth else {
            throw PythonError(kind: .unsupportedValue, message:
                "\(path): nested more than \(Self.maximumDepth) levels deep (a list or dict that contains itself?)")
        }
        if bpmnpy_is_list(object) != 0 || bpmnpy_is_tuple(object) != 0 {
            guard let sequence = bpy_PySequence_Fast(object, "") else { throw Self.pendingError() }
            defer { bpmnpy_decref(sequence) }
            let count = bpy_PySequence_Size(sequence)
            var items: [VariableValue] = []
            items.reserveCapacity(count)
            for i in 0..<count {
                guard let item = bpy_PySequence_GetItem(sequence, i) else { throw Self.pendingError() }
                defer { bpmnpy_decref(item) }
                items.append(try fromPython(item, path: "\(path)[\(i)]", depth: depth + 1))
            }
            return .array(items)
        }
        if bpmnpy_is_dict(object) != 0 {
            var members: [String: VariableValue] = [:]
            var position = 0
            var key: PyObjectPointer?, value: PyObjectPointer?
            while bpy_PyDict_Next(object, &position, &key, &value) != 0 {
                guard let key, let value else { continue }
                guard bpmnpy_is_unicode(key) != 0, let name = Self.string(key) else {
                    bpy_PyErr_Clear()
                    let shown = bpy_PyObject_Repr(key).flatMap(Self.takeString) ?? "?"
                    throw PythonError(kind: .unsupportedValue, message:
                        "\(path): the dict key \(Self.abbreviated(shown)) (\(Self.typeName(key))) is not a string; variables hold dicts with string keys only")
                }
                members[name] = try fromPython(value, path: "\(path)[\(Self.quoted(name))]", depth: depth + 1)
            }
            return .object(members)
        }
        if let parts = Self.call(helpers.dateParts, [Self.newReference(object)]) {
            defer { bpmnpy_decref(parts) }
            if bpmnpy_is_tuple(parts) != 0, bpy_PyTuple_Size(parts) == 3 {
                let micros = bpy_PyLong_AsLongLong(bpy_PyTuple_GetItem(parts, 0))
                let kind = PythonDateKinds.Kind(rawValue: bpy_PyLong_AsLong(bpy_PyTuple_GetItem(parts, 1))) ?? .naiveDateTime
                let offset = bpy_PyLong_AsLong(bpy_PyTuple_GetItem(parts, 2))
                if bpy_PyErr_Occurred() != nil { throw Self.pendingError() }
                dateKinds.remember(micros, kind: kind, offset: offset)
                return .date(PythonDateKinds.date(micros))
            }
        } else {
            throw Self.pendingError()
        }
        throw PythonError(kind: .unsupportedValue, message:
            "\(path): a value of Python type '\(Self.typeName(object))' cannot be stored as a variable "
                + "(supported: None, bool, int, float, str, list, tuple, dict with str keys, date, datetime)")
    }

    // MARK: C API helpers

    /// Calls `function` with `arguments`, consuming the arguments (nil entries make the call fail).
    static func call(_ function: PyObjectPointer, _ arguments: [PyObjectPointer?]) -> PyObjectPointer? {
        defer { for argument in arguments { if let argument { bpmnpy_decref(argument) } } }
        guard arguments.allSatisfy({ $0 != nil }) else { return nil }
        return arguments.withUnsafeBufferPointer { args in
            bpy_PyObject_Vectorcall(function, args.baseAddress, args.count, nil)
        }
    }

    static func newReference(_ object: PyObjectPointer) -> PyObjectPointer {
        bpmnpy_incref(object)
        return object
    }

    static func check(_ object: PyObjectPointer?) throws(PythonError) -> PyObjectPointer {
        guard let object else { throw pendingError() }
        return object
    }

    static func pendingError() -> PythonError {
        PythonError(kind: .interpreter, message: PythonInterpreter.fetchErrorText())
    }

    static func makeString(_ text: String) throws(PythonError) -> PyObjectPointer {
        var text = text
        return try check(text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { bpy_PyUnicode_FromStringAndSize($0.baseAddress, $0.count) }
        })
    }

    /// The text of a str (borrowed); nil when it cannot be encoded as UTF-8 (error left pending).
    static func string(_ object: PyObjectPointer) -> String? {
        var size = 0
        guard let bytes = bpy_PyUnicode_AsUTF8AndSize(object, &size) else { return nil }
        return bytes.withMemoryRebound(to: UInt8.self, capacity: size) {
            String(decoding: UnsafeBufferPointer(start: $0, count: size), as: UTF8.self)
        }
    }

    /// The text of a str, consuming the reference.
    static func takeString(_ object: PyObjectPointer) -> String? {
        defer { bpmnpy_decref(object) }
        guard bpmnpy_is_unicode(object) != 0, let text = string(object) else {
            bpy_PyErr_Clear()
            return nil
        }
        return text
    }

    static func typeName(_ object: PyObjectPointer) -> String {
        bpmnpy_type_name(object).map { String(cString: $0) } ?? "object"
    }

    static func quoted(_ key: String) -> String {
        "'" + key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    static func abbreviated(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(20)) + "…" + String(text.suffix(10)) : text
    }
}
