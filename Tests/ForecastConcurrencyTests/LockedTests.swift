import Dispatch
import ForecastConcurrency
import Testing

/// The shared box: no update lost under contention, numbers handed out once each.
@Suite struct LockedTests {
    @Test func concurrentUpdatesAreNotLost() {
        let total = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<10_000 { total.withLock { $0 += 1 } }
        }
        #expect(total.value == 80_000)
    }

    @Test func takeHandsOutEachNumberOnce() {
        let next = Locked(0)
        let taken = Locked<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            while let number = next.take(below: 1_000) { taken.withLock { $0.append(number) } }
        }
        #expect(taken.value.sorted() == Array(0..<1_000))
        #expect(next.take(below: 1_000) == nil)
    }
}
