import Testing
import ForecastData
import _ForecastTestSupport

/// Parsing must keep up with large files: 200 000 dates well under 50 ms in release builds. What
/// is parsed is checked on every run; the timings only on request (see `TimedTests`):
/// `FORECAST_BENCH=1 swift test -c release --filter DateParsingPerformanceTests`.
@Suite(.serialized) struct DateParsingPerformanceTests {
    /// 200 000 consecutive days from 1500-01-01, as text.
    private static let isoDates: [Substring] = {
        let start = Timestamp(year: 1500, month: 1, day: 1)
        return (0..<200_000).map { DateFormat.isoDate.string(from: start.advanced(by: Double($0) * 86_400))[...] }
    }()

    /// How many values parse, and the sum of their seconds since the epoch.
    private static func parseAll(_ values: [Substring]) -> (count: Int, checksum: Double) {
        var parsedCount = 0
        var checksum = 0.0
        for value in values {
            if let timestamp = DateFormat.isoDate.parse(value) {
                parsedCount += 1
                checksum += timestamp.secondsSinceEpoch
            }
        }
        return (parsedCount, checksum)
    }

    /// Milliseconds `body` takes.
    private static func milliseconds(_ body: () -> Void) -> Double {
        let elapsed = ContinuousClock().measure(body)
        return Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3
    }

    @Test func everyISODateParsesToItsDay() {
        let (count, checksum) = Self.parseAll(Self.isoDates)
        #expect(count == Self.isoDates.count)
        // Sum of an arithmetic sequence of day starts: n × first + step × n(n − 1)/2.
        let first = Timestamp(year: 1500, month: 1, day: 1).secondsSinceEpoch
        let n = Double(count)
        #expect(abs(checksum - (n * first + 86_400 * n * (n - 1) / 2)) < 1e6)
    }

    @Test(.enabled(if: TimedTests.requested, "set FORECAST_BENCH=1 and build with -c release"))
    func isoDatesParseFast() {
        let values = Self.isoDates
        _ = Self.parseAll(Array(values.prefix(10_000)))     // warm caches
        let milliseconds = Self.milliseconds { _ = Self.parseAll(values) }
        print("parsed \(values.count) ISO dates in \(milliseconds) ms")
        #expect(milliseconds < 50, "200 000 ISO dates took \(milliseconds) ms")
    }

    @Test func detectionReadsALargeColumn() {
        #expect(DateFormat.detect(in: Self.isoDates) == .detected(.isoDate))
    }

    @Test(.enabled(if: TimedTests.requested, "set FORECAST_BENCH=1 and build with -c release"))
    func detectionOverALargeColumnIsFast() {
        let values = Self.isoDates
        let milliseconds = Self.milliseconds { _ = DateFormat.detect(in: values) }
        print("detected the format of \(values.count) dates in \(milliseconds) ms")
        #expect(milliseconds < 100, "detecting 200 000 dates took \(milliseconds) ms")
    }
}
