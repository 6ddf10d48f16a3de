#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A manually managed, doubling buffer of trivial values for the reader's hot path: appending to it
/// costs no uniqueness or exclusivity check, unlike an `Array` nested in a class. The owner frees it.
struct GrowableBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        base = Self.reallocate(nil, capacity: self.capacity)
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress, elements.count > 0 else { return }
        let added = elements.count
        if count + added > capacity { grow(to: count + added) }
        if added <= 16 {
            // Typical fields are a few bytes: a plain loop beats a call to memmove.
            for offset in 0..<added { (base + count + offset).initialize(to: source[offset]) }
        } else {
            (base + count).initialize(from: source, count: added)
        }
        count += added
    }

    /// Forgets elements after the first `newCount`.
    mutating func truncate(to newCount: Int) {
        precondition(newCount >= 0 && newCount <= count, "truncate(to:) can only shorten the buffer")
        count = newCount
    }

    var last: Element? { count > 0 ? base[count - 1] : nil }

    /// Removes the first `removed` elements, moving the rest to the front (a finished group of rows
    /// leaves the reader's buffers this way, so they hold only the group still being read).
    mutating func removeFirst(_ removed: Int) {
        precondition(removed >= 0 && removed <= count, "removeFirst(_:) can only remove elements the buffer holds")
        guard removed > 0 else { return }
        let left = count - removed
        if left > 0 { memmove(base, base + removed, left * MemoryLayout<Element>.stride) }
        count = left
    }

    /// A new buffer holding a copy of the elements in `range`.
    func copy(_ range: Range<Int>) -> GrowableBuffer {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "copy(_:) reads only elements the buffer holds")
        var result = GrowableBuffer(capacity: range.count)
        result.append(contentsOf: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
        return result
    }

    /// The elements, copied into an array.
    func array() -> [Element] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    func free() { Self.release(base) }

    /// Frees memory this type allocated (the base of a buffer handed over to another owner).
    static func release(_ pointer: UnsafeMutablePointer<Element>) {
        #if canImport(Glibc)
        Glibc.free(pointer)
        #else
        Darwin.free(pointer)
        #endif
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        base = Self.reallocate(base, capacity: newCapacity)
        capacity = newCapacity
    }

    private static func reallocate(_ pointer: UnsafeMutablePointer<Element>?, capacity: Int) -> UnsafeMutablePointer<Element> {
        guard let raw = realloc(pointer, capacity * MemoryLayout<Element>.stride) else {
            preconditionFailure("out of memory while reading a CSV file (\(capacity) elements)")
        }
        return raw.assumingMemoryBound(to: Element.self)
    }
}
