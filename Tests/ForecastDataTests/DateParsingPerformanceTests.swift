import Testing
import ForecastData

/// Parsing must keep up with large files: 200 000 dates well under 50 ms in release builds.
@Suite(.serialized) struct DateParsingPerformanceTests {
    /// 200 000 consecutive days from 1500-01-01, as text.
    private static let isoDates: [Substring] = {
        let start = Timestamp(year: 1500, month: 1, day: 1)
        return (0..<200_000).map { DateFormat.isoDate.string(from: start.advanced(by: Double($0) * 86_400))[...] }
    }()

    @Test func isoDatesParseFast() {
        let values = Self.isoDates
        for value in values.prefix(10_000) { _ = DateFormat.isoDate.parse(value) }     // warm caches
        let clock = ContinuousClock()
        var parsedCount = 0
        var checksum = 0.0
        let elapsed = clock.measure {
            for value in values {
                if let timestamp = DateFormat.isoDate.parse(value) {
                    parsedCount += 1
                    checksum += timestamp.secondsSinceEpoch
                }
            }
        }
        #expect(parsedCount == values.count)
        // Sum of an arithmetic sequence of day starts: n × first + step × n(n − 1)/2.
        let first = Timestamp(year: 1500, month: 1, day: 1).secondsSinceEpoch
        let n = Double(values.count)
        #expect(abs(checksum - (n * first + 86_400 * n * (n - 1) / 2)) < 1e6)
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3
        print("parsed \(values.count) ISO dates in \(milliseconds) ms")
        #if !DEBUG
        #expect(milliseconds < 50, "200 000 ISO dates took \(milliseconds) ms")
        #endif
    }

    @Test func detectionOverALargeColumnIsFast() {
        let values = Self.isoDates
        let clock = ContinuousClock()
        var detection = DateFormatDetection.none
        let elapsed = clock.measure { detection = DateFormat.detect(in: values) }
        #expect(detection == .detected(.isoDate))
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3
        print("detected the format of \(values.count) dates in \(milliseconds) ms")
        #if !DEBUG
        #expect(milliseconds < 100, "detecting 200 000 dates took \(milliseconds) ms")
        #endif
    }
}
