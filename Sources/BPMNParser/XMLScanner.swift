import BPMNModel
internal import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An attribute kept from the XML: either without namespace, or in a Camunda namespace.
struct XAttr {
    var isCamunda: Bool
    var name: String
    var value: String
}

/// One kept element of the scanned tree (BPMN-model elements bpmnrun reads, and Camunda extension
/// elements). Children are linked through `firstChild` / `nextSibling` (indices into `elements`, -1 = none).
struct XElement {
    var tag: Tag
    var name: String
    var attrStart: Int32
    var attrEnd: Int32
    var firstChild: Int32 = -1
    var nextSibling: Int32 = -1
    var text: String?
    var location: SourceLocation
}

/// The result of a scan: a compact tree of the elements that matter, root at index 0.
struct XDocument {
    var elements: [XElement] = []
    var attrs: [XAttr] = []
    var warnings: [ParseDiagnostic] = []
    /// Flow nodes and sequence flows seen (to size arrays up front).
    var flowNodeCount = 0
    var sequenceFlowCount = 0
    /// Filled only when the scanner collects the index.
    var index: DocumentIndex?
    /// The y coordinate of each BPMNDI shape's bounds, by the element id it draws.
    var shapeY: [String: Double] = [:]
}

/// A failure found while scanning.
struct ScanFailure {
    var kind: BPMNLoadError.Kind
    var message: String
    var line: Int
    var column: Int
}

/// Streams a document through libxml2's SAX2 interface and keeps only what the model needs.
///
/// Safety: no network, no DTD loading, no entity substitution (references to entities declared in
/// a DTD are reported as errors, so billion-laughs and external-entity files fail at once), no
/// XML_PARSE_HUGE. Errors go to a per-parser structured handler (and, for the few libxml2 errors
/// raised without a parser context, to a handler installed for the calling thread only for the
/// duration of the parse), so several threads can parse at the same time.
final class XMLScanner {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    // Input
    private let raw: UnsafeBufferPointer<UInt8>
    private var ctxt: xmlParserCtxtPtr?

    // Interned namespace URIs and names (pointers into the parser's dictionary).
    private var bpmnURI: UnsafePointer<xmlChar>?
    private var camundaURI: UnsafePointer<xmlChar>?
    private var activitiURI: UnsafePointer<xmlChar>?
    private var bpmnDIURI: UnsafePointer<xmlChar>?
    private var diURI: UnsafePointer<xmlChar>?
    private var dcURI: UnsafePointer<xmlChar>?
    private var tagByName: [UnsafeRawPointer: Tag] = [:]
    private var nameCache: [UnsafeRawPointer: String] = [:]

    // Output
    var doc = XDocument()
    var failure: ScanFailure?
    private var secondaryMessage: String?

    // Tree building
    private struct Frame {
        var index: Int32
        var lastChild: Int32
        var textStart: Int
    }
    private var stack: [Frame] = []
    private var skipDepth = 0
    /// The element the BPMNDI shape being read draws, until its `dc:Bounds` is seen.
    private var openShapeElement: String?
    private var textBuffer: [UInt8] = []
    private var seenRoot = false

    // Incremental line/column tracking over `raw`.
    private var lineScanPos = 0
    private var line = 1
    private var lineStart = 0
    private var colScanPos = 0
    private var colChars = 0

    private let collectsIndex: Bool
    /// Index mode: the open elements, innermost last.
    struct OpenElement {
        /// Index in `rawElements`, -1 when not recorded.
        var raw: Int32
        var id: String?
    }
    private var indexStack: [OpenElement] = []
    /// Depth (`indexStack.count`) of the recorded element whose text is being collected.
    private var textCaptureDepth = -1
    private var rawText: [UInt8] = []
    private var xsiURI: UnsafePointer<xmlChar>?
    /// Index mode: the BPMNShape / BPMNEdge being read (its Bounds and waypoints are counted).
    private var openDiagramElement: Int?
    /// Its depth (`indexStack.count` while it is the innermost element).
    private var openDiagramDepth: Int?

    init(raw: UnsafeBufferPointer<UInt8>, collectsIndex: Bool = false) {
        self.raw = raw
        self.collectsIndex = collectsIndex
        if collectsIndex { doc.index = DocumentIndex() }
        _ = XMLScanner.initialized
        doc.elements.reserveCapacity(max(16, raw.count / 200))
        doc.attrs.reserveCapacity(max(16, raw.count / 100))
    }

    /// Parses the whole input. On return either `failure` is set or `doc` holds the tree.
    func run() {
        guard raw.count > 0 else {
            failure = ScanFailure(kind: .notWellFormed,
                                  message: "the file is empty (0 bytes); expected a BPMN 2.0 XML document", line: 1, column: 1)
            return
        }
        guard raw.count < Int(Int32.max) else {
            failure = ScanFailure(kind: .unreadable, message: "the file is too large (\(raw.count) bytes)", line: 0, column: 0)
            return
        }
        // Pull parser reading from `raw` through a callback (parser.h API; no copy of the whole input).
        readPosition = 0
        let me = Unmanaged.passUnretained(self).toOpaque()
        let created = xmlCreateIOParserCtxt(nil, nil, { context, buffer, len in
            guard let context, let buffer, len > 0 else { return 0 }
            return Unmanaged<XMLScanner>.fromOpaque(context).takeUnretainedValue().read(into: buffer, max: Int(len))
        }, nil, me, XML_CHAR_ENCODING_NONE)
        guard let ctxt = created else {
            failure = ScanFailure(kind: .unreadable, message: "libxml2 could not create a parser (out of memory?)", line: 0, column: 0)
            return
        }
        self.ctxt = ctxt
        defer {
            if let d = ctxt.pointee.myDoc {  // created by libxml2 for entity declarations in SAX mode
                xmlFreeDoc(d)
                ctxt.pointee.myDoc = nil
            }
            xmlFreeParserCtxt(ctxt)
            self.ctxt = nil
        }

        // Options: no network; no NOENT, DTDLOAD, DTDVALID, XINCLUDE or HUGE.
        xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue))
        ctxt.pointee.replaceEntities = 0
        ctxt.pointee.loadsubset = 0
        ctxt.pointee.validate = 0

        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { ctx, localname, _, uri, _, _, nbAttributes, _, attributes in
            guard let ctx, let localname else { return }
            Unmanaged<XMLScanner>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
                $0.startElement(localname, uri, Int(nbAttributes), attributes)
            }
        }
        handler.endElementNs = { ctx, _, _, _ in
            guard let ctx else { return }
            Unmanaged<XMLScanner>.fromOpaque(ctx)._withUnsafeGuaranteedRef { $0.endElement() }
        }
        handler.characters = { ctx, ch, len in
            guard let ctx, let ch else { return }
            Unmanaged<XMLScanner>.fromOpaque(ctx)._withUnsafeGuaranteedRef { $0.characters(ch, Int(len)) }
        }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = handler.characters
        handler.serror = { data, error in
            guard let data, let error else { return }
            Unmanaged<XMLScanner>.fromOpaque(data).takeUnretainedValue().libxmlError(error.pointee)
        }
        ctxt.pointee.sax.pointee = handler
        ctxt.pointee.userData = me

        // Errors raised without a parser context (encoding conversion) go to the thread's
        // structured handler: install ours for this thread while parsing, then restore.
        let oldHandler = __xmlStructuredError().pointee
        let oldContext = __xmlStructuredErrorContext().pointee
        xmlSetStructuredErrorFunc(me, handler.serror)
        defer { xmlSetStructuredErrorFunc(oldContext, oldHandler) }

        bpmnURI = intern(NamespaceURI.bpmnModel)
        camundaURI = intern(NamespaceURI.camunda)
        activitiURI = intern(NamespaceURI.activiti)
        bpmnDIURI = intern(NamespaceURI.bpmnDI)
        diURI = intern(NamespaceURI.di)
        dcURI = intern(NamespaceURI.dc)
        xsiURI = intern("http://www.w3.org/2001/XMLSchema-instance")
        if collectsIndex {
            boundsNamePointers = XMLScanner.boundsCoordinates.map { intern($0).map(UnsafeRawPointer.init) }
            waypointNamePointers = XMLScanner.waypointCoordinates.map { intern($0).map(UnsafeRawPointer.init) }
            for (name, kind) in XMLScanner.rawKinds {
                if let p = intern(name) { rawKindByName[UnsafeRawPointer(p), default: []].formUnion(kind) }
            }
        }
        for tag in Tag.allCases where tag != .camunda && tag != .ignored {
            if let p = intern(tag.rawValue) { tagByName[UnsafeRawPointer(p)] = tag }
        }
        for name in Tag.ignoredBPMNNames {
            if let p = intern(name) { tagByName[UnsafeRawPointer(p)] = .ignored }
        }

        _ = xmlParseDocument(ctxt)

        if failure != nil { return }
        if ctxt.pointee.wellFormed == 0 || ctxt.pointee.nsWellFormed == 0 {
            failure = ScanFailure(kind: .notWellFormed,
                                  message: secondaryMessage.map { "not well-formed XML: \($0)" } ?? "not well-formed XML",
                                  line: 0, column: 0)
            return
        }
        if !seenRoot {
            failure = ScanFailure(kind: .notBPMN, message: "no root element found", line: 1, column: 1)
        }
    }

    private var readPosition = 0

    private func read(into buffer: UnsafeMutablePointer<CChar>, max: Int) -> Int32 {
        let n = Swift.min(max, raw.count - readPosition)
        guard n > 0, let base = raw.baseAddress else { return 0 }
        UnsafeMutableRawPointer(buffer).copyMemory(from: base + readPosition, byteCount: n)
        readPosition += n
        return Int32(n)
    }

    private func intern(_ s: String) -> UnsafePointer<xmlChar>? {
        guard let dict = ctxt?.pointee.dict else { return nil }
        return s.withCString { cs in
            cs.withMemoryRebound(to: xmlChar.self, capacity: s.utf8.count + 1) { xmlDictLookup(dict, $0, -1) }
        }
    }

    private func cachedName(_ p: UnsafePointer<xmlChar>) -> String {
        let key = UnsafeRawPointer(p)
        if let s = nameCache[key] { return s }
        let s = String(cString: p)
        nameCache[key] = s
        return s
    }

    // MARK: SAX events

    private func startElement(_ localname: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?, _ nbAttributes: Int,
                              _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        if collectsIndex { indexElement(localname, uri, nbAttributes, attributes) }
        if uri != nil && (uri == bpmnDIURI || uri == dcURI) { recordShapePosition(localname, uri, nbAttributes, attributes) }
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        let tag: Tag
        if !seenRoot {
            seenRoot = true
            if uri != nil && uri == bpmnURI && tagByName[UnsafeRawPointer(localname)] == .definitions {
                tag = .definitions
            } else {
                rejectRoot(localname, uri)
                return
            }
        } else if uri != nil && uri == bpmnURI {
            guard let t = tagByName[UnsafeRawPointer(localname)] else {
                let loc = currentLocation()
                doc.warnings.append(ParseDiagnostic(
                    severity: .warning,
                    message: "unknown element <\(cachedName(localname))> in the BPMN namespace skipped",
                    location: loc))
                skipDepth = 1
                return
            }
            if t == .ignored || t == .definitions {
                skipDepth = 1
                return
            }
            tag = t
            if t == .sequenceFlow {
                doc.sequenceFlowCount += 1
            } else if t.flowNodeKind != nil {
                doc.flowNodeCount += 1
            }
        } else if uri != nil && (uri == camundaURI || uri == activitiURI) {
            tag = .camunda
        } else {
            skipDepth = 1  // BPMNDI, DC, DI, other vendors' extensions, elements without namespace
            return
        }

        let attrStart = Int32(doc.attrs.count)
        if let attributes, nbAttributes > 0 {
            for i in 0..<nbAttributes {
                let a = attributes + i * 5
                guard let aname = a[0], let vstart = a[3], let vend = a[4] else { continue }
                let auri = a[2]
                let isCamunda: Bool
                if auri == nil {
                    isCamunda = false
                } else if auri == camundaURI || auri == activitiURI {
                    isCamunda = true
                } else {
                    continue
                }
                let value = attributeValue(vstart, vend - vstart)
                doc.attrs.append(XAttr(isCamunda: isCamunda, name: cachedName(aname), value: value))
            }
        }
        let index = Int32(doc.elements.count)
        doc.elements.append(XElement(tag: tag, name: tag == .camunda ? cachedName(localname) : tag.rawValue,
                                     attrStart: attrStart, attrEnd: Int32(doc.attrs.count), text: nil,
                                     location: currentLocation()))
        if !stack.isEmpty {
            let parent = stack.count - 1
            let last = stack[parent].lastChild
            if last < 0 {
                doc.elements[Int(stack[parent].index)].firstChild = index
            } else {
                doc.elements[Int(last)].nextSibling = index
            }
            stack[parent].lastChild = index
        }
        stack.append(Frame(index: index, lastChild: -1, textStart: tag.collectsText ? textBuffer.count : -1))
    }

    /// Remembers where shapes are drawn: SpiffWorkflow orders a node's outgoing flows by the y
    /// coordinate of their targets' shapes (`bpmn/parser/TaskParser.py`).
    private func recordShapePosition(_ localname: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?, _ nbAttributes: Int,
                                     _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let name = cachedName(localname)
        guard name == "BPMNShape" || (name == "Bounds" && openShapeElement != nil), let attributes else { return }
        for i in 0..<nbAttributes {
            let a = attributes + i * 5
            guard a[2] == nil, let aname = a[0], let vstart = a[3], let vend = a[4] else { continue }
            let attribute = cachedName(aname)
            if name == "BPMNShape", attribute == "bpmnElement" {
                openShapeElement = attributeValue(vstart, vend - vstart)
            } else if name == "Bounds", attribute == "y", let element = openShapeElement {
                if doc.shapeY[element] == nil { doc.shapeY[element] = Double(attributeValue(vstart, vend - vstart)) ?? 0 }
                openShapeElement = nil
            }
        }
    }

    /// Records ids, BPMNDI references and associations of any element, kept or skipped.
    private func indexElement(_ localname: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?, _ nbAttributes: Int,
                              _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let raw = recordRaw(localname, uri, nbAttributes, attributes)
        indexStack.append(OpenElement(raw: raw, id: nil))
        if raw >= 0 && rawTextNames.contains(doc.index!.rawElements[Int(raw)].name) { textCaptureDepth = indexStack.count }
        // Only BPMN and diagram-interchange elements have XML ids (xs:ID); the `id` of Camunda's
        // form fields and values, or of other vendors' extensions, is plain text.
        guard let uri, uri == bpmnURI || uri == bpmnDIURI || uri == diURI || uri == dcURI else { return }
        let name = cachedName(localname)
        if name == "BPMNDiagram" { doc.index?.diagramCount += 1 }
        var id: String?
        var sourceRef: String?
        var targetRef: String?
        var bpmnElement: String?
        if let attributes {
            for i in 0..<nbAttributes {
                let a = attributes + i * 5
                guard a[2] == nil, let aname = a[0], let vstart = a[3], let vend = a[4] else { continue }
                switch cachedName(aname) {
                case "id": id = attributeValue(vstart, vend - vstart)
                case "bpmnElement":
                    let value = attributeValue(vstart, vend - vstart)
                    doc.index?.diagramElementRefs.insert(value)
                    bpmnElement = value
                case "sourceRef" where name == "association": sourceRef = attributeValue(vstart, vend - vstart)
                case "targetRef" where name == "association": targetRef = attributeValue(vstart, vend - vstart)
                default: break
                }
            }
        }
        var location: SourceLocation?
        if uri != bpmnURI {
            indexDiagramElement(name, bpmnElement, nbAttributes, attributes) {
                if location == nil { location = self.currentLocation() }
                return location!
            }
        }
        guard id != nil || name == "association" else { return }
        indexStack[indexStack.count - 1].id = id
        let at = location ?? currentLocation()
        if let id { doc.index?.ids.append(.init(id: id, element: name, location: at)) }
        if name == "association" {
            doc.index?.associations.append(.init(id: id, sourceRef: sourceRef, targetRef: targetRef, location: at))
        }
    }

    /// Records BPMNPlane / BPMNShape / BPMNEdge as `DocumentIndex.DiagramElement`s, and counts
    /// the `Bounds` / `waypoint` children of the shape or edge they are in (with the first
    /// coordinate that is missing or not a number).
    private func indexDiagramElement(_ name: String, _ bpmnElement: String?, _ nbAttributes: Int,
                                     _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                                     location: () -> SourceLocation) {
        switch name {
        case "BPMNShape", "BPMNEdge", "BPMNPlane":
            doc.index!.diagramElements.append(DocumentIndex.DiagramElement(kind: name, bpmnElement: bpmnElement, location: location()))
            if name != "BPMNPlane" {
                openDiagramElement = doc.index!.diagramElements.count - 1
                openDiagramDepth = indexStack.count
            }
        case "Bounds", "waypoint":
            // Direct children only (a label's Bounds is not the shape's).
            guard let open = openDiagramElement, indexStack.count == (openDiagramDepth ?? 0) + 1 else { return }
            doc.index!.diagramElements[open].geometryCount += 1
            guard doc.index!.diagramElements[open].badCoordinate == nil else { return }
            let wanted = name == "Bounds" ? XMLScanner.boundsCoordinates : XMLScanner.waypointCoordinates
            let wantedNames = name == "Bounds" ? boundsNamePointers : waypointNamePointers
            var seen: UInt8 = 0  // bit k: wanted[k] present
            if let attributes {
                for i in 0..<nbAttributes {
                    let a = attributes + i * 5
                    guard a[2] == nil, let aname = a[0], let vstart = a[3], let vend = a[4] else { continue }
                    guard let k = wantedNames.firstIndex(of: UnsafeRawPointer(aname)) else { continue }
                    let attribute = wanted[k]
                    seen |= 1 << UInt8(k)
                    let bytes = UnsafeBufferPointer(start: vstart, count: vend - vstart)
                    if bytes.isEmpty {
                        doc.index!.diagramElements[open].badCoordinate = "\(attribute) is required"
                        return
                    }
                    if !XMLScanner.isPlainDecimal(bytes) {
                        let text = attributeValue(vstart, vend - vstart)
                        if !XMLScanner.isJavaDouble(text) {
                            doc.index!.diagramElements[open].badCoordinate = "Cannot parse \(attribute): For input string: \"\(text)\""
                            return
                        }
                    }
                }
            }
            if let k = wanted.indices.first(where: { seen & (1 << UInt8($0)) == 0 }) {
                let missing = wanted[k]
                doc.index!.diagramElements[open].badCoordinate = "\(missing) is required"
            }
        default:
            break
        }
    }

    private static let boundsCoordinates = ["x", "y", "width", "height"]
    private static let waypointCoordinates = ["x", "y"]
    /// The same names interned (attribute names arrive as dictionary pointers).
    private var boundsNamePointers: [UnsafeRawPointer?] = []
    private var waypointNamePointers: [UnsafeRawPointer?] = []

    /// `-12.5`, `100`, `3e2`: the usual form of a coordinate, checked on the bytes (most files
    /// have tens of thousands of them).
    static func isPlainDecimal(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if i < b.count && (b[i] == 0x2D || b[i] == 0x2B) { i += 1 }  // - +
        var digits = 0
        while i < b.count && b[i] >= 0x30 && b[i] <= 0x39 { i += 1; digits += 1 }
        if i < b.count && b[i] == 0x2E {  // .
            i += 1
            while i < b.count && b[i] >= 0x30 && b[i] <= 0x39 { i += 1; digits += 1 }
        }
        guard digits > 0 else { return false }
        if i < b.count && (b[i] == 0x65 || b[i] == 0x45) {  // e E
            i += 1
            if i < b.count && (b[i] == 0x2D || b[i] == 0x2B) { i += 1 }
            var exponent = 0
            while i < b.count && b[i] >= 0x30 && b[i] <= 0x39 { i += 1; exponent += 1 }
            guard exponent > 0 else { return false }
        }
        return i == b.count
    }

    /// What Java's `Double.parseDouble` (Camunda's coordinate parser) accepts beyond that:
    /// surrounding blanks, a `d`/`f` suffix, `NaN`, `Infinity`.
    static func isJavaDouble(_ text: String) -> Bool {
        var t = Substring(text)
        while let f = t.first, f.asciiValue.map({ $0 <= 0x20 }) ?? false { t.removeFirst() }
        while let l = t.last, l.asciiValue.map({ $0 <= 0x20 }) ?? false { t.removeLast() }
        if let l = t.last, "dDfF".contains(l) { t.removeLast() }
        let unsigned = t.first == "-" || t.first == "+" ? t.dropFirst() : t
        if unsigned == "NaN" || unsigned == "Infinity" { return true }
        return Array(t.utf8).withUnsafeBufferPointer { isPlainDecimal($0) }
    }

    /// How an element name is recorded as a `DocumentIndex.RawElement`: anywhere (top) or only
    /// inside another recorded element (nested), in the BPMN or the Camunda namespace.
    struct RawKind: OptionSet {
        let rawValue: UInt8
        static let bpmnTop = RawKind(rawValue: 1)
        static let bpmnNested = RawKind(rawValue: 2)
        static let camundaTop = RawKind(rawValue: 4)
        static let camundaNested = RawKind(rawValue: 8)
    }

    /// The recorded names: imports, data properties, resource assignments with their expression,
    /// sequence flow conditions (for xsi:type), the timer of a timeout task listener, Camunda's
    /// error event definitions, fields, legacy form properties and I/O parameters with their values.
    private static let rawKinds: [String: RawKind] = [
        "import": .bpmnTop, "property": .bpmnTop, "humanPerformer": .bpmnTop, "potentialOwner": .bpmnTop,
        "conditionExpression": .bpmnTop,
        "resourceAssignmentExpression": .bpmnNested, "formalExpression": .bpmnNested, "timerEventDefinition": .bpmnNested,
        "timeDate": .bpmnNested, "timeDuration": .bpmnNested, "timeCycle": .bpmnNested,
        "taskListener": .camundaTop, "executionListener": .camundaTop, "errorEventDefinition": .camundaTop, "field": .camundaTop, "formProperty": .camundaTop,
        "inputParameter": .camundaTop, "outputParameter": .camundaTop,
        "string": .camundaNested, "expression": .camundaNested, "entry": .camundaNested, "list": .camundaNested,
        "map": .camundaNested, "script": .camundaNested, "value": .camundaNested,
    ]
    /// `rawKinds` by interned name pointer (filled when a parse starts).
    private var rawKindByName: [UnsafeRawPointer: RawKind] = [:]

    private let rawTextNames: Set<String> = ["formalExpression", "timeDate", "timeDuration", "timeCycle", "string", "expression"]

    /// Records the element as a `RawElement` when it is one of the above; returns its index or -1.
    private func recordRaw(_ localname: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?, _ nbAttributes: Int,
                           _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Int32 {
        // Most elements are none of these: one lookup by the interned name decides.
        guard let uri, let kind = rawKindByName[UnsafeRawPointer(localname)] else { return -1 }
        let isBPMN = uri == bpmnURI
        guard isBPMN || uri == camundaURI || uri == activitiURI else { return -1 }
        let top: RawKind = isBPMN ? .bpmnTop : .camundaTop
        let nested: RawKind = isBPMN ? .bpmnNested : .camundaNested
        guard kind.contains(top) || kind.contains(nested) else { return -1 }
        let parent = indexStack.last(where: { $0.raw >= 0 })?.raw
        if !kind.contains(top) && parent == nil { return -1 }
        let name = cachedName(localname)
        var attrs: [String: String] = [:]
        if let attributes, nbAttributes > 0 {
            for i in 0..<nbAttributes {
                let a = attributes + i * 5
                guard let aname = a[0], let vstart = a[3], let vend = a[4] else { continue }
                let key: String
                if a[2] == nil {
                    key = cachedName(aname)
                } else if a[2] == camundaURI || a[2] == activitiURI {
                    key = "camunda:" + cachedName(aname)
                } else if a[2] == xsiURI {
                    key = "xsi:" + cachedName(aname)
                } else {
                    continue
                }
                attrs[key] = attributeValue(vstart, vend - vstart)
            }
        }
        let owner = indexStack.last(where: { $0.id != nil })?.id
        doc.index!.rawElements.append(DocumentIndex.RawElement(
            name: name, namespace: isBPMN ? .bpmn : .camunda, attributes: attrs, location: currentLocation(),
            parent: parent.map(Int.init), ownerId: owner))
        return Int32(doc.index!.rawElements.count - 1)
    }

    private func endElement() {
        if collectsIndex, let depth = openDiagramDepth, indexStack.count == depth {
            openDiagramElement = nil  // the shape or edge ends
            openDiagramDepth = nil
        }
        if collectsIndex {
            if textCaptureDepth == indexStack.count {
                let top = Int(indexStack[indexStack.count - 1].raw)
                doc.index!.rawElements[top].text = String(decoding: rawText, as: UTF8.self)
                rawText.removeAll(keepingCapacity: true)
                textCaptureDepth = -1
            }
            indexStack.removeLast()
        }
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard let frame = stack.popLast() else { return }
        if frame.textStart >= 0 {
            let start = frame.textStart
            if textBuffer.count > start {
                doc.elements[Int(frame.index)].text = textBuffer.withUnsafeBufferPointer {
                    String(decoding: UnsafeBufferPointer(rebasing: $0[start...]), as: UTF8.self)
                }
                textBuffer.removeSubrange(start...)
            } else {
                doc.elements[Int(frame.index)].text = ""
            }
        }
    }

    private func characters(_ ch: UnsafePointer<xmlChar>, _ len: Int) {
        if collectsIndex, len > 0, textCaptureDepth == indexStack.count {
            rawText.append(contentsOf: UnsafeBufferPointer(start: ch, count: len))
        }
        guard skipDepth == 0, let top = stack.last, top.textStart >= 0, len > 0 else { return }
        textBuffer.append(contentsOf: UnsafeBufferPointer(start: ch, count: len))
    }

    private func rejectRoot(_ localname: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?) {
        let loc = currentLocation()
        let name = String(cString: localname)
        let ns = uri.map { String(cString: $0) }
        var message: String
        if let ns {
            message = "root element <\(name)> is in namespace \(ns)"
            if ns.lowercased().contains("dmn") {
                message += " (a DMN decision model, not a BPMN process)"
            }
        } else {
            message = "root element <\(name)> has no namespace"
        }
        message += "; a BPMN 2.0 file starts with <definitions xmlns=\"\(NamespaceURI.bpmnModel)\">"
        if ns == nil && name == "definitions" {
            message += " (add that xmlns declaration)"
        }
        failure = ScanFailure(kind: .notBPMN, message: message, line: loc.line, column: loc.column)
        skipDepth = 1
        if let ctxt { xmlStopParser(ctxt) }
    }

    private func libxmlError(_ e: xmlError) {
        let level = e.level
        guard level == XML_ERR_ERROR || level == XML_ERR_FATAL else { return }
        let text = e.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        let msg = XMLScanner.trimmed(text)
        // Errors without a parser context (encoding conversion) carry no position; keep them to
        // explain the parser error that follows.
        if e.ctxt == nil && e.line == 0 {
            if secondaryMessage == nil { secondaryMessage = msg }
            return
        }
        guard failure == nil else { return }
        var message = msg
        if let hint = XMLScanner.hint(forCode: Int(e.code)) {
            message += " (\(hint))"
        } else if atEndOfInput() {
            message += " (unexpected end of the file: is it truncated?)"
        }
        if let s = secondaryMessage, !message.contains(s) { message += "; \(s)" }
        let kind: BPMNLoadError.Kind = .notWellFormed
        failure = ScanFailure(kind: kind, message: "not well-formed XML: " + message,
                              line: Int(e.line), column: Int(e.int2))
        if let ctxt { xmlStopParser(ctxt) }
    }

    /// Whether libxml2 has consumed (nearly) all of the input.
    private func atEndOfInput() -> Bool {
        guard readPosition >= raw.count, let ctxt, let input = ctxt.pointee.input,
              let cur = input.pointee.cur, let end = input.pointee.end else { return false }
        return end - cur <= 1
    }

    private static func hint(forCode code: Int) -> String? {
        switch code {
        case Int(XML_ERR_DOCUMENT_EMPTY.rawValue):
            return "the file has no XML content"
        case Int(XML_ERR_DOCUMENT_START.rawValue), Int(XML_ERR_INVALID_CHAR.rawValue),
             Int(XML_ERR_INVALID_ENCODING.rawValue):
            return "is this a binary file, or not saved in the encoding it declares?"
        case Int(XML_ERR_TAG_NOT_FINISHED.rawValue), Int(XML_ERR_LTSLASH_REQUIRED.rawValue),
             Int(XML_ERR_GT_REQUIRED.rawValue):
            return "the file looks truncated or a tag is not closed"
        case Int(XML_ERR_TAG_NAME_MISMATCH.rawValue):
            return "fix the closing tag so it matches its start tag"
        case Int(XML_ERR_UNDECLARED_ENTITY.rawValue), Int(XML_WAR_UNDECLARED_ENTITY.rawValue):
            return "bpmnrun never expands entities declared in a DTD, for safety; write the text instead"
        case Int(XML_ERR_ATTRIBUTE_REDEFINED.rawValue), Int(XML_NS_ERR_ATTRIBUTE_REDEFINED.rawValue):
            return "an attribute appears twice on the same element"
        case Int(XML_NS_ERR_UNDEFINED_NAMESPACE.rawValue):
            return "declare the prefix with xmlns:prefix=\"...\" on the root element"
        case Int(XML_ERR_DOCUMENT_END.rawValue):
            return "there is content after the root element's end tag"
        default:
            return nil
        }
    }

    static func trimmed(_ s: String) -> String {
        var u = Substring(s)
        while let f = u.first, f == " " || f == "\n" || f == "\t" || f == "\r" { u.removeFirst() }
        while let l = u.last, l == " " || l == "\n" || l == "\t" || l == "\r" { u.removeLast() }
        return String(u)
    }

    // MARK: Attribute values

    /// Attribute value as Swift string. libxml2 (without entity substitution) hands `&` over as the
    /// character reference `&#38;` and leaves references to DTD entities as written; decode the
    /// character references and predefined entities here.
    private func attributeValue(_ p: UnsafePointer<xmlChar>, _ count: Int) -> String {
        let buf = UnsafeBufferPointer(start: p, count: count)
        if !buf.contains(0x26) {  // '&'
            return String(decoding: buf, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(count)
        var i = 0
        while i < count {
            let b = buf[i]
            if b == 0x26, let semi = buf[i...].firstIndex(of: 0x3B), semi - i <= 12 {
                let ref = Array(buf[(i + 1)..<semi])
                if let scalar = XMLScanner.decodeReference(ref) {
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    i = semi + 1
                    continue
                }
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func decodeReference(_ ref: [UInt8]) -> Unicode.Scalar? {
        switch ref {
        case Array("amp".utf8): return "&"
        case Array("lt".utf8): return "<"
        case Array("gt".utf8): return ">"
        case Array("quot".utf8): return "\""
        case Array("apos".utf8): return "'"
        default: break
        }
        guard ref.count >= 2, ref[0] == 0x23 else { return nil }  // '#'
        var value: UInt32 = 0
        if ref[1] == 0x78 {  // 'x'
            guard ref.count >= 3 else { return nil }
            for c in ref[2...] {
                guard let d = hexDigit(c) else { return nil }
                value = value &* 16 &+ d
            }
        } else {
            for c in ref[1...] {
                guard c >= 0x30 && c <= 0x39 else { return nil }
                value = value &* 10 &+ UInt32(c - 0x30)
            }
        }
        return Unicode.Scalar(value)
    }

    private static func hexDigit(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case 0x41...0x46: return UInt32(c - 0x41 + 10)
        case 0x61...0x66: return UInt32(c - 0x61 + 10)
        default: return nil
        }
    }

    // MARK: Locations

    /// Where the start tag being reported begins (its `<`), 1-based line and column (characters).
    private func currentLocation() -> SourceLocation {
        guard let ctxt, let input = ctxt.pointee.input else { return .unknown }
        let inp = input.pointee
        guard let base = inp.base, let cur = inp.cur else { return .unknown }
        let fast = ctxt.pointee.inputNr == 1 && (inp.buf == nil || inp.buf.pointee.encoder == nil)
        if fast {
            // libxml2 reports the element with `cur` at the `>` or `/>` of its start tag.
            let offset = Int(inp.consumed) + (cur - base)
            if offset > 0 && offset < raw.count && (raw[offset] == 0x3E || raw[offset] == 0x2F) {
                var p = offset - 1
                while p >= 0 && raw[p] != 0x3C { p -= 1 }
                if p >= lineScanPos {
                    return location(ofOffset: p)
                }
            }
        }
        // Fallback (transcoded input): walk back in libxml2's own (UTF-8) buffer.
        let n = cur - base
        var i = n - 1
        var newlines = 0
        while i >= 0 && base[i] != 0x3C {
            if base[i] == 0x0A { newlines += 1 }
            i -= 1
        }
        if i < 0 { return SourceLocation(line: Int(inp.line), column: Int(inp.col)) }
        var chars = 0
        var j = i
        while j > 0 && base[j - 1] != 0x0A {
            j -= 1
            if base[j] & 0xC0 != 0x80 { chars += 1 }
        }
        return SourceLocation(line: max(1, Int(inp.line) - newlines), column: chars + 1)
    }

    /// Line and column of a byte offset in `raw`; offsets must not decrease between calls.
    private func location(ofOffset target: Int) -> SourceLocation {
        if target > lineScanPos {
            if let b = raw.baseAddress {
                var pos = lineScanPos
                while pos < target, let hit = memchr(b + pos, 0x0A, target - pos) {
                    let idx = UnsafeRawPointer(b).distance(to: UnsafeRawPointer(hit))
                    line += 1
                    lineStart = idx + 1
                    pos = idx + 1
                }
            }
            lineScanPos = target
        }
        if colScanPos < lineStart {
            colScanPos = lineStart
            colChars = 0
        }
        if target > colScanPos {
            var c = 0
            for k in colScanPos..<target where raw[k] & 0xC0 != 0x80 { c += 1 }
            colChars += c
            colScanPos = target
        }
        return SourceLocation(line: line, column: colChars + 1)
    }
}
