import BPMNExpressions
import BPMNModel
import XCTest

final class PropertyAccessTests: XCTestCase {
    let vars: [String: VariableValue] = [
        "customer": ["name": "Ann", "age": 41, "address": ["city": "Berlin"], "tags": ["vip", "new"]],
        "list": ["a", "b", "c"],
        "matrix": [[1, 2], [3, 4]],
        "key": "name",
        "idx": 2,
        "nothing": .null,
        "s": "text",
    ]

    func testMapAccess() {
        assertTable([
            ("${customer.name}", "Ann"),
            ("${customer['name']}", "Ann"),
            ("${customer[\"age\"]}", 41),
            ("${customer[key]}", "Ann"),
            ("${customer.address.city}", "Berlin"),
            ("${customer['address']['city']}", "Berlin"),
            ("${customer.tags[1]}", "new"),
            ("${customer.age + 1}", 42),
        ], vars)
    }

    func testMissingMapKeysAreNull() {
        assertTable([
            ("${customer.missing}", .null),
            ("${customer.address.zip}", .null),
            ("${customer.missing.deeper}", .null),
            ("${customer[1]}", .null),
            ("${customer[null]}", .null),
            ("${customer.missing == null}", true),
        ], vars)
    }

    func testNullBaseGivesNull() {
        assertTable([
            ("${nothing.foo}", .null),
            ("${nothing[0]}", .null),
            ("${null.x}", .null),
        ], vars)
    }

    func testListIndexCoercion() {
        assertTable([
            ("${list[0]}", "a"),
            ("${list[idx]}", "c"),
            ("${list['1']}", "b"),
            ("${list[1.9]}", "b"),
            ("${list[true]}", "b"),
            ("${list[false]}", "a"),
            ("${list[3]}", .null),
            ("${list[-1]}", .null),
            ("${list[null]}", .null),
            ("${list[idx - 1]}", "b"),
            ("${matrix[1][0]}", 3),
            ("${matrix[0][1] * 10}", 20),
        ], vars)
    }

    func testAccessErrors() {
        assertErrorTable([
            ("${list.foo}", "Error while evaluating expression: ${list.foo}. Cause: Cannot parse list index: foo"),
            ("${list['x']}", "Error while evaluating expression: ${list['x']}. Cause: Cannot parse list index: x"),
            ("${list[customer]}",
             "Error while evaluating expression: ${list[customer]}. Cause: Cannot coerce property to list index: {address={city=Berlin}, age=41, name=Ann, tags=[vip, new]}"),
            ("${s.foo}", "Unknown property used in expression: ${s.foo}. Cause: Could not find property foo in class java.lang.String"),
            ("${idx.value}", "Unknown property used in expression: ${idx.value}. Cause: Could not find property value in class java.lang.Long"),
        ], vars)
    }

    func testChainsMixingAccessAndMethods() {
        assertTable([
            ("${orders[0].items.size()}", 2),
            ("${orders[0]['items'][1].sku.toUpperCase()}", "B-2"),
            ("${orders.get(0).total * 2}", 25.0),
            ("${größe > 1}", true),
            ("${orders[0].items[9].sku}", .null),
        ], ["orders": [["total": 12.5, "items": [["sku": "a-1"], ["sku": "b-2"]]]], "größe": 2])
    }
}
