import BPMNModel
import CJavaScriptCore
import Foundation

// Low-level helpers around the JavaScriptCore C API: strings, property access, errors, and the
// conversion between JS values and `VariableValue`.

enum JS {
    /// A new JSStringRef (caller releases). Built from UTF-16 so strings containing NUL survive.
    static func string(_ s: String) -> JSStringRef {
        let units = Array(s.utf16)
        return units.withUnsafeBufferPointer { JSStringCreateWithCharacters($0.baseAddress, $0.count) }
    }

    static func withString<R>(_ s: String, _ body: (JSStringRef) -> R) -> R {
        let js = string(s)
        defer { JSStringRelease(js) }
        return body(js)
    }

    static func swiftString(_ js: JSStringRef) -> String {
        let count = JSStringGetLength(js)
        guard count > 0, let chars = JSStringGetCharactersPtr(js) else { return "" }
        let units = UnsafeBufferPointer(start: chars, count: count)
        // Fast path for ASCII (identifiers, most property names): copy bytes, skip transcoding.
        if count <= 64, units.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: count) { bytes in
                for index in 0..<count { bytes[index] = UInt8(truncatingIfNeeded: units[index]) }
                return count
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    static func makeString(_ ctx: JSContextRef, _ s: String) -> JSValueRef {
        withString(s) { JSValueMakeString(ctx, $0) }
    }

    /// JS `String(value)`; never throws (a throwing `toString` yields a placeholder).
    static func toString(_ ctx: JSContextRef, _ value: JSValueRef?) -> String {
        guard let value else { return "undefined" }
        if JSValueGetType(ctx, value) == kJSTypeSymbol { return "Symbol()" }
        var exception: JSValueRef?
        guard let js = JSValueToStringCopy(ctx, value, &exception) else { return "<unprintable value>" }
        defer { JSStringRelease(js) }
        return swiftString(js)
    }

    static func property(_ ctx: JSContextRef, _ object: JSObjectRef, _ name: String) -> JSValueRef? {
        var exception: JSValueRef?
        let value = withString(name) { JSObjectGetProperty(ctx, object, $0, &exception) }
        return exception == nil ? value : nil
    }

    static func setProperty(_ ctx: JSContextRef, _ object: JSObjectRef, _ name: String, _ value: JSValueRef?,
                            attributes: JSPropertyAttributes = JSPropertyAttributes(kJSPropertyAttributeNone)) {
        withString(name) { JSObjectSetProperty(ctx, object, $0, value, attributes, nil) }
    }

    /// The number in `object[name]` when it is a finite number, as an Int.
    static func intProperty(_ ctx: JSContextRef, _ object: JSObjectRef, _ name: String) -> Int? {
        guard let v = property(ctx, object, name), JSValueIsNumber(ctx, v) else { return nil }
        let d = JSValueToNumber(ctx, v, nil)
        return d.isFinite ? Int(d) : nil
    }

    /// A new error object `new <constructorName>(message)` (falls back to `Error`).
    static func makeError(_ ctx: JSContextRef, _ constructorName: String, _ message: String) -> JSValueRef {
        var arg: JSValueRef? = makeString(ctx, message)
        let global = JSContextGetGlobalObject(ctx)!
        if constructorName != "Error", let ctorValue = property(ctx, global, constructorName),
           let ctor = JSValueToObject(ctx, ctorValue, nil), JSObjectIsConstructor(ctx, ctor),
           let error = JSObjectCallAsConstructor(ctx, ctor, 1, &arg, nil)
        {
            return error
        }
        return JSObjectMakeError(ctx, 1, &arg, nil)
    }
}

/// A failed JS → VariableValue conversion; `exception` is a JS exception raised while reading.
struct ConversionError: Error, @unchecked Sendable {
    var message: String
    var exception: JSValueRef?
}

enum JSConvert {
    /// Nesting deeper than this is rejected (also bounds the recursion of the converter itself).
    static let maxDepth = 100
    /// Integral numbers within ±2^53 (exactly representable) become `.integer`.
    static let maxSafeInteger = 9_007_199_254_740_992.0

    /// The number as a variable: `.integer` when integral and within ±2^53 (and not -0), else `.double`.
    static func number(_ d: Double) -> VariableValue {
        if d.isFinite, d == d.rounded(.towardZero), abs(d) <= maxSafeInteger, !(d == 0 && d.sign == .minus) {
            return .integer(Int64(d))
        }
        return .double(d)
    }

    /// JS → variable, JSON-like. Returns nil for values JSON.stringify omits (undefined, functions,
    /// symbols): containers drop them from objects and store null in arrays.
    static func toVariable(_ ctx: JSContextRef, _ value: JSValueRef?) throws(ConversionError) -> VariableValue? {
        var ancestors: [OpaquePointer] = []
        return try convert(ctx, value, depth: 0, ancestors: &ancestors)
    }

    private static func convert(_ ctx: JSContextRef, _ value: JSValueRef?, depth: Int,
                                ancestors: inout [OpaquePointer]) throws(ConversionError) -> VariableValue?
    {
        guard let value else { return nil }
        switch JSValueGetType(ctx, value) {
        case kJSTypeUndefined: return nil
        case kJSTypeNull: return .null
        case kJSTypeBoolean: return .boolean(JSValueToBoolean(ctx, value))
        case kJSTypeNumber: return number(JSValueToNumber(ctx, value, nil))
        case kJSTypeString: return .string(JS.toString(ctx, value))
        case kJSTypeSymbol: return nil
        case kJSTypeObject: break
        default:
            // BigInt: exact when it fits a long, else the nearest double.
            let text = JS.toString(ctx, value)
            if let i = Int64(text) { return .integer(i) }
            return .double(Double(text) ?? .nan)
        }
        var exception: JSValueRef?
        guard let object = JSValueToObject(ctx, value, &exception) else {
            throw ConversionError(message: "cannot read object", exception: exception)
        }
        if JSValueIsDate(ctx, value) {
            let ms = JSValueToNumber(ctx, value, nil)
            return ms.isFinite ? .date(Date(timeIntervalSince1970: ms / 1000)) : .null
        }
        if JSObjectIsFunction(ctx, object) { return nil }
        if depth >= maxDepth {
            throw ConversionError(message: "value is nested more than \(maxDepth) levels deep")
        }
        if ancestors.contains(object) {
            throw ConversionError(message: "value contains a cycle (an object that contains itself)")
        }
        ancestors.append(object)
        defer { ancestors.removeLast() }

        if JSValueIsArray(ctx, value) {
            let length = JS.intProperty(ctx, object, "length") ?? 0
            var items: [VariableValue] = []
            items.reserveCapacity(length)
            for index in 0..<length {
                let element = JSObjectGetPropertyAtIndex(ctx, object, UInt32(index), &exception)
                if let exception { throw ConversionError(message: "reading array element failed", exception: exception) }
                items.append(try convert(ctx, element, depth: depth + 1, ancestors: &ancestors) ?? .null)
            }
            return .array(items)
        }

        // Plain (or any other) object: its enumerable string-keyed properties, like JSON.stringify.
        let names = JSObjectCopyPropertyNames(ctx, object)!
        defer { JSPropertyNameArrayRelease(names) }
        var fields: [String: VariableValue] = [:]
        for index in 0..<JSPropertyNameArrayGetCount(names) {
            let name = JSPropertyNameArrayGetNameAtIndex(names, index)!
            let member = JSObjectGetProperty(ctx, object, name, &exception)
            if let exception { throw ConversionError(message: "reading a property failed", exception: exception) }
            if let converted = try convert(ctx, member, depth: depth + 1, ancestors: &ancestors) {
                fields[JS.swiftString(name)] = converted
            }
        }
        return .object(fields)
    }

    /// Variable → fresh JS value (dates become `Date`s, arrays/objects fresh JS arrays/objects).
    /// Longs beyond ±2^53 lose precision, as any JS number does.
    static func toJS(_ ctx: JSContextRef, _ value: VariableValue) -> JSValueRef {
        switch value {
        case .null: return JSValueMakeNull(ctx)
        case .boolean(let b): return JSValueMakeBoolean(ctx, b)
        case .integer(let i): return JSValueMakeNumber(ctx, Double(i))
        case .double(let d): return JSValueMakeNumber(ctx, d)
        case .string(let s): return JS.makeString(ctx, s)
        case .date(let date):
            var ms: JSValueRef? = JSValueMakeNumber(ctx, date.timeIntervalSince1970 * 1000)
            return JSObjectMakeDate(ctx, 1, &ms, nil) ?? JSValueMakeNull(ctx)
        case .array(let items):
            // Elements are stored one by one: JSC's GC scans the machine stack, not Swift heap
            // buffers, so a Swift array of not-yet-reachable JS values would not keep them alive.
            guard let array = JSObjectMakeArray(ctx, 0, nil, nil) else { return JSValueMakeNull(ctx) }
            for (index, item) in items.enumerated() {
                JSObjectSetPropertyAtIndex(ctx, array, UInt32(index), toJS(ctx, item), nil)
            }
            return array
        case .object(let fields):
            let object = JSObjectMake(ctx, nil, nil)!
            for key in fields.keys.sorted() {
                JS.setProperty(ctx, object, key, toJS(ctx, fields[key]!))
            }
            return object
        }
    }
}
