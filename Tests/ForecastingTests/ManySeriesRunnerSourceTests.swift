import Foundation
import Testing
import Forecasting

/// The runner pulling its series from a source: work starts before the source is exhausted, the
/// order and values do not depend on the thread count, and a source error ends the run after the
/// series read before it.
@Suite struct ManySeriesRunnerSourceTests {
    struct Broken: Error, Equatable {}

    /// What happened, in the order it happened, from whichever thread.
    final class Log: @unchecked Sendable {
        let lock = NSLock()
        var events: [String] = []
        var pulled = 0
        var delivered: [Int] = []
        func note(_ event: String) { lock.withLock { events.append(event) } }
    }

    /// A source of `count` items (item `i` is `10 * i`), logging each read and its end.
    static func source(_ log: Log, count: Int, failAt: Int? = nil) -> @Sendable () throws(Broken) -> Int? {
        { () throws(Broken) in
            let index = log.lock.withLock { () -> Int in
                defer { log.pulled += 1 }
                return log.pulled
            }
            if index == failAt { throw Broken() }
            guard index < count else {
                log.note("end")
                return nil
            }
            log.note("read \(index)")
            return 10 * index
        }
    }

    @Test(arguments: [1, 2])
    func workStartsBeforeTheSourceIsExhausted(threads: Int) throws {
        let log = Log()
        try ManySeriesRunner.run(threads: threads, window: 2, next: Self.source(log, count: 12), job: { index, item in
            log.note("job \(index)")
            return item + 1
        }, deliver: { index, output in
            log.lock.withLock { log.delivered.append(output) }
            return true
        })
        let firstJob = try #require(log.events.firstIndex(of: "job 0"))
        let end = try #require(log.events.firstIndex(of: "end"))
        #expect(firstJob < end)
        // The window keeps reading no more than two series ahead of delivery.
        let lastRead = try #require(log.events.firstIndex(of: "read 11"))
        #expect(firstJob < lastRead)
        #expect(log.delivered == (0..<12).map { 10 * $0 + 1 })
        #expect(log.events.filter { $0 == "end" }.count == 1, "the source was called again after it ended")
    }

    @Test(arguments: [1, 2])
    func aSourceErrorEndsTheRunAfterTheSeriesReadBeforeIt(threads: Int) {
        let log = Log()
        #expect(throws: Broken.self) {
            try ManySeriesRunner.run(threads: threads, next: Self.source(log, count: 20, failAt: 5), job: { index, item in
                item
            }, deliver: { index, _ in
                log.lock.withLock { log.delivered.append(index) }
                return true
            })
        }
        #expect(log.delivered == Array(0..<5))
    }
}
