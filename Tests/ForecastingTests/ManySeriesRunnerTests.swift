import Foundation
import Testing
import Forecasting

/// The ordered parallel runner: results in input order whatever the thread count, a bounded number
/// of series in flight, one failure not stopping the others, and an early stop.
@Suite struct ManySeriesRunnerTests {
    struct Odd: Error {}

    /// Collects what `deliver` receives, from whichever thread calls it.
    final class Collector: @unchecked Sendable {
        let lock = NSLock()
        var indices: [Int] = []
        var values: [Int] = []
        var failures: [Int] = []
        var concurrentDeliveries = 0
        var overlapSeen = false
    }

    /// Squares index `i` after a delay that makes later series finish first now and then.
    static func job(_ index: Int) -> Result<Int, any Error> {
        usleep(UInt32((index * 7919) % 5) * 300)
        return index % 5 == 3 ? .failure(Odd()) : .success(index * index)
    }

    func run(threads: Int, count: Int = 40) -> Collector {
        let collector = Collector()
        ManySeriesRunner.run(count: count, threads: threads, job: Self.job) { index, result in
            collector.lock.withLock {
                collector.concurrentDeliveries += 1
                if collector.concurrentDeliveries > 1 { collector.overlapSeen = true }
            }
            collector.lock.withLock {
                collector.indices.append(index)
                switch result {
                case .success(let value): collector.values.append(value)
                case .failure: collector.failures.append(index)
                }
                collector.concurrentDeliveries -= 1
            }
            return true
        }
        return collector
    }

    @Test(arguments: [1, 2, 3, 8])
    func resultsArriveInInputOrderWithFailuresInPlace(threads: Int) {
        let collector = run(threads: threads)
        #expect(collector.indices == Array(0..<40))
        let expectedFailures = (0..<40).filter { $0 % 5 == 3 }
        #expect(collector.failures == expectedFailures)
        #expect(collector.values == (0..<40).filter { $0 % 5 != 3 }.map { $0 * $0 })
        #expect(!collector.overlapSeen)
    }

    @Test func noMoreThanTheWindowIsInFlight() {
        final class Counter: @unchecked Sendable {
            let lock = NSLock()
            var started = 0
            var delivered = 0
            var largestGap = 0
        }
        let counter = Counter()
        ManySeriesRunner.run(count: 60, threads: 3, window: 5, job: { index -> Result<Int, any Error> in
            counter.lock.withLock {
                counter.started += 1
                counter.largestGap = max(counter.largestGap, counter.started - counter.delivered)
            }
            // Series 0 is slow, so the others pile up behind it unless the window holds them back.
            usleep(index == 0 ? 50_000 : 200)
            return .success(index)
        }, deliver: { _, _ in
            counter.lock.withLock { counter.delivered += 1 }
            return true
        })
        #expect(counter.delivered == 60)
        #expect(counter.largestGap <= 5, "\(counter.largestGap) series started before being handed over")
    }

    @Test func seriesRunConcurrentlyUpToTheThreadCount() {
        final class Gauge: @unchecked Sendable {
            let lock = NSLock()
            var running = 0
            var most = 0
        }
        for threads in [1, 2] {
            let gauge = Gauge()
            ManySeriesRunner.run(count: 6, threads: threads, job: { index -> Result<Int, any Error> in
                gauge.lock.withLock {
                    gauge.running += 1
                    gauge.most = max(gauge.most, gauge.running)
                }
                // Waiting, not computing, so that both threads overlap even on a busy machine.
                usleep(40_000)
                gauge.lock.withLock { gauge.running -= 1 }
                return .success(index)
            }, deliver: { _, _ in true })
            #expect(gauge.most == threads, "\(gauge.most) series at once with \(threads) threads")
        }
    }

    @Test func returningFalseStopsNewSeries() {
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var delivered: [Int] = []
            var started = 0
        }
        let seen = Seen()
        ManySeriesRunner.run(count: 100, threads: 2, window: 4, job: { index -> Result<Int, any Error> in
            seen.lock.withLock { seen.started += 1 }
            return .success(index)
        }, deliver: { index, _ in
            seen.lock.withLock { seen.delivered.append(index) }
            return index < 9
        })
        #expect(seen.delivered.prefix(10) == Array(0..<10)[...])
        #expect(seen.started < 100, "every series started although delivery asked to stop")
    }

    @Test func zeroSeriesCallsNothing() {
        ManySeriesRunner.run(count: 0, threads: 2, job: { _ -> Result<Int, any Error> in
            Issue.record("job called with no series")
            return .success(0)
        }, deliver: { _, _ in
            Issue.record("deliver called with no series")
            return true
        })
    }
}
