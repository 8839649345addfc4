/// SHA-256 (FIPS 180-4), for the content hashes a state file records. Foundation on Linux has no
/// digest API, and the state file only needs this one function.
enum SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The digest as 64 lowercase hex digits.
    static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = Hasher()
        hasher.update(Array(bytes))
        return hasher.hexDigest()
    }

    static func hex(_ text: String) -> String { hex(Array(text.utf8)) }

    /// Hashes data that arrives in parts (the trace journal grows with every save, and hashing it
    /// all again each time would make a long run quadratic).
    struct Hasher {
        fileprivate var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        /// Bytes of the last, incomplete 64-byte block.
        fileprivate var pending: [UInt8] = []
        /// All bytes hashed so far.
        private(set) var length: UInt64 = 0

        mutating func update(_ bytes: [UInt8]) {
            length += UInt64(bytes.count)
            var input = bytes
            if !pending.isEmpty {
                let take = min(64 - pending.count, input.count)
                pending.append(contentsOf: input[..<take])
                input.removeFirst(take)
                guard pending.count == 64 else { return }
                SHA256.compress(pending, into: &h)
                pending.removeAll(keepingCapacity: true)
            }
            let whole = input.count / 64 * 64
            if whole > 0 { SHA256.compress(Array(input[..<whole]), into: &h) }
            pending.append(contentsOf: input[whole...])
        }

        /// The digest of everything so far; the hasher can go on taking more.
        func hexDigest() -> String {
            var tail = pending
            tail.append(0x80)
            let padded = (tail.count + 8 + 63) / 64 * 64
            tail.append(contentsOf: repeatElement(0, count: padded - 8 - tail.count))
            let bits = length &* 8
            for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
            var state = h
            SHA256.compress(tail, into: &state)
            return [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7].map { word in
                let s = String(word, radix: 16)
                return String(repeating: "0", count: 8 - s.count) + s
            }.joined()
        }
    }

    /// Runs the compression function over whole 64-byte blocks.
    fileprivate static func compress(_ blocks: [UInt8], into h: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)) {
        let w = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
        defer { w.deallocate() }
        k.withUnsafeBufferPointer { kb in
            blocks.withUnsafeBufferPointer { mb in compress(mb.baseAddress!, count: mb.count, k: kb.baseAddress!, w: w, h: &h) }
        }
    }

    // Optimised even in debug builds, where it would otherwise cost more than the run itself; raw
    // pointers skip the bounds checks.
    @_optimize(speed)
    private static func compress(_ m: UnsafePointer<UInt8>, count: Int, k kp: UnsafePointer<UInt32>, w: UnsafeMutablePointer<UInt32>,
                                 h: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)) {
        var chunk = 0
        while chunk < count {
            var i = 0
            while i < 16 {
                let b = m + chunk + i * 4
                w[i] = UInt32(b[0]) << 24 | UInt32(b[1]) << 16 | UInt32(b[2]) << 8 | UInt32(b[3])
                i += 1
            }
            while i < 64 {
                let x = w[i - 15], y = w[i - 2]
                let s0 = ((x >> 7) | (x << 25)) ^ ((x >> 18) | (x << 14)) ^ (x >> 3)
                let s1 = ((y >> 17) | (y << 15)) ^ ((y >> 19) | (y << 13)) ^ (y >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                i += 1
            }
            var (a, b, c, d, e, f, g, hh) = h
            i = 0
            while i < 64 {
                let s1 = ((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7))
                let ch = (e & f) ^ (~e & g)
                let t1 = hh &+ s1 &+ ch &+ kp[i] &+ w[i]
                let s0 = ((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10))
                let maj = (a & b) ^ (a & c) ^ (b & c)
                hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ s0 &+ maj
                i += 1
            }
            h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
            chunk += 64
        }
    }
}
