import BPMNExpressions
import BPMNModel
import XCTest

final class MethodTests: XCTestCase {
    func testStringMethods() {
        assertTable([
            ("${s.equals('Hello World')}", true),
            ("${s.equals(5)}", false),
            ("${s.equalsIgnoreCase('hello world')}", true),
            ("${s.equalsIgnoreCase(null)}", false),
            ("${s.startsWith('Hello')}", true),
            ("${s.startsWith('World', 6)}", true),
            ("${s.endsWith('World')}", true),
            ("${s.endsWith('Hello')}", false),
            ("${s.contains('o W')}", true),
            ("${s.contains('xyz')}", false),
            ("${s.length()}", 11),
            ("${'😀'.length()}", 2),
            ("${s.isEmpty()}", false),
            ("${''.isEmpty()}", true),
            ("${s.toUpperCase()}", "HELLO WORLD"),
            ("${s.toLowerCase()}", "hello world"),
            ("${padded.trim()}", "x y"),
            ("${s.substring(6)}", "World"),
            ("${s.substring(0, 5)}", "Hello"),
            ("${s.substring('6')}", "World"),
            ("${s.indexOf('o')}", 4),
            ("${s.indexOf('o', 5)}", 7),
            ("${s.indexOf('z')}", -1),
            ("${s.lastIndexOf('o')}", 7),
            ("${s.matches('[A-Za-z ]+')}", true),
            ("${s.matches('Hello')}", false),
            ("${s.replace('o', '0')}", "Hell0 W0rld"),
            ("${s.replaceAll('[aeiou]', '*')}", "H*ll* W*rld"),
            ("${s.replaceFirst('l+', 'L')}", "HeLo World"),
            ("${csv.split(',')}", ["a", "b", "", "c"]),
            ("${'a,b,,'.split(',')}", ["a", "b"]),
            ("${'a1b22c'.split('[0-9]+')}", ["a", "b", "c"]),
            ("${'a,b,c'.split(',', 2)}", ["a", "b,c"]),
            ("${csv.split(',').size()}", 4),
            ("${csv.split(',')[3]}", "c"),
            ("${s.concat('!')}", "Hello World!"),
            ("${s.charAt(1)}", "e"),
            ("${s.toString()}", "Hello World"),
            ("${'apple'.compareTo('banana')}", -1),
            ("${'abc'.compareTo('ab')}", 1),
            ("${'abc'.compareTo('abc')}", 0),
            ("${'5abc'.startsWith(5)}", true),
            ("${s.hashCode()}", .integer(Int64("Hello World".utf16.reduce(Int32(0)) { $0 &* 31 &+ Int32($1) }))),
        ], ["s": "Hello World", "padded": "  x y \t", "csv": "a,b,,c"])
    }

    func testNumberAndBooleanMethods() {
        assertTable([
            ("${x.toString()}", "5"),
            ("${x.intValue()}", 5),
            ("${x.doubleValue()}", 5.0),
            ("${x.longValue()}", 5),
            ("${x.equals(5)}", true),
            ("${x.equals(5.0)}", false),
            ("${x.compareTo(7)}", -1),
            ("${d.intValue()}", 3),
            ("${d.longValue()}", 3),
            ("${d.toString()}", "3.75"),
            ("${d.equals(3.75)}", true),
            ("${d.equals(x)}", false),
            ("${(1.5).toString()}", "1.5"),
            ("${big.intValue()}", .integer(Int64(Int32(truncatingIfNeeded: Int64(1) << 40 | 7)))),
            ("${flag.toString()}", "true"),
            ("${flag.booleanValue()}", true),
            ("${flag.equals(true)}", true),
            ("${flag.equals('true')}", false),
        ], ["x": 5, "d": 3.75, "flag": true, "big": .integer(Int64(1) << 40 | 7)])
    }

    func testListMethods() {
        assertTable([
            ("${list.size()}", 3),
            ("${list.isEmpty()}", false),
            ("${none.isEmpty()}", true),
            ("${list.contains('a')}", true),
            ("${list.contains(2)}", true),
            ("${list.contains(2.0)}", false),
            ("${list.contains('z')}", false),
            ("${list.get(0)}", "a"),
            ("${list.get('1')}", 2),
            ("${list.indexOf(true)}", 2),
            ("${list.toString()}", "[a, 2, true]"),
            ("${list.size() > 2 && list[0] == 'a'}", true),
        ], ["list": ["a", 2, true], "none": []])
    }

    func testMapMethods() {
        assertTable([
            ("${map.get('a')}", 1),
            ("${map.get('zz')}", .null),
            ("${map.containsKey('b')}", true),
            ("${map.containsKey('zz')}", false),
            ("${map.containsValue('x')}", true),
            ("${map.size()}", 2),
            ("${map.isEmpty()}", false),
            ("${map.keySet()}", ["a", "b"]),
            ("${map.getOrDefault('zz', 9)}", 9),
            ("${map.toString()}", "{a=1, b=x}"),
        ], ["map": ["a": 1, "b": "x"]])
    }

    func testDateMethods() {
        let d1 = Date(timeIntervalSince1970: 1_000), d2 = Date(timeIntervalSince1970: 2_000)
        assertTable([
            ("${d1.getTime()}", 1_000_000),
            ("${d1.time}", 1_000_000),
            ("${d1.before(d2)}", true),
            ("${d1.after(d2)}", false),
            ("${d1.toString()}", "Thu Jan 01 00:16:40 UTC 1970"),
        ], ["d1": .date(d1), "d2": .date(d2)])
    }

    func testMethodErrors() {
        let vars: [String: VariableValue] = ["s": "abc", "list": [1, 2, 3], "nothing": .null]
        assertErrorTable([
            ("${s.foo()}", "Unknown method used in expression: ${s.foo()}. Cause: Cannot find method foo with 0 parameters in class java.lang.String"),
            ("${s.substring()}", "Unknown method used in expression: ${s.substring()}. Cause: Cannot find method substring with 0 parameters in class java.lang.String"),
            ("${list.frobnicate(1)}", "Unknown method used in expression: ${list.frobnicate(1)}. Cause: Cannot find method frobnicate with 1 parameters in class java.util.ArrayList"),
            ("${nothing.length()}", "Unknown property used in expression: ${nothing.length()}. Cause: Target unreachable, base expression 'nothing' resolved to null"),
            ("${missing.length()}", "Unknown property used in expression: ${missing.length()}. Cause: Cannot resolve identifier 'missing'"),
            ("${s.substring(5)}", "java.lang.StringIndexOutOfBoundsException: begin 5, end 3, length 3"),
            ("${s.charAt(3)}", "java.lang.StringIndexOutOfBoundsException: index 3, length 3"),
            ("${list.get(3)}", "java.lang.IndexOutOfBoundsException: Index 3 out of bounds for length 3"),
            ("${s.startsWith(null)}", "java.lang.NullPointerException"),
            ("${s.contains(5)}", "Error while evaluating expression: ${s.contains(5)}. Cause: Cannot coerce from class java.lang.Long to interface java.lang.CharSequence"),
            ("${s.substring('x')}", "Error while evaluating expression: ${s.substring('x')}. Cause: Cannot coerce 'x' to class java.lang.Integer"),
        ], vars)
    }
}
