import ForecastData
import Foundation
import Testing
@testable import ForecastCharts

/// Axis arithmetic of the charts: nice numeric ticks, compact labels, calendar ticks.
@Suite("Chart axes")
struct ChartAxisTests {
    /// Tick values are compared to 1e-9 relative: they are products of small integers and a step.
    private func expectTicks(_ actual: [Double], _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, "ticks \(actual) vs \(expected)", sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) {
            #expect(abs(a - e) <= 1e-9 * max(1, abs(e)), "tick \(a) vs \(e)", sourceLocation: sourceLocation)
        }
    }

    @Test("nice steps are the smallest of 1, 2, 2.5, 5 × 10^k at or above the raw step")
    func niceSteps() {
        let cases: [(raw: Double, nice: Double)] = [
            (0.7, 1), (1, 1), (1.2, 2), (2.1, 2.5), (3, 5), (6, 10), (0.013, 0.02), (240, 250), (26_000, 50_000),
        ]
        for (raw, nice) in cases {
            let step = NiceScale.niceStep(atLeast: raw)
            #expect(abs(step - nice) <= 1e-12 * nice, "raw \(raw) gave \(step), expected \(nice)")
        }
    }

    @Test("ticks widen the range outward to whole steps (values worked by hand)")
    func ticksByHand() {
        // 100 / 5 = 20 is already nice.
        expectTicks(NiceScale(minimum: 0, maximum: 100, desiredTicks: 6).ticks, [0, 20, 40, 60, 80, 100])
        // 9.4 / 5 = 1.88 → 2; 0.3 → 0, 9.7 → 10.
        expectTicks(NiceScale(minimum: 0.3, maximum: 9.7, desiredTicks: 6).ticks, [0, 2, 4, 6, 8, 10])
        // 10 / 4 = 2.5; 3 → 2.5, 13 → 15.
        expectTicks(NiceScale(minimum: 3, maximum: 13, desiredTicks: 5).ticks, [2.5, 5, 7.5, 10, 12.5, 15])
        // 149 / 5 = 29.8 → 50; -37 → -50, 112 → 150.
        expectTicks(NiceScale(minimum: -37, maximum: 112, desiredTicks: 6).ticks, [-50, 0, 50, 100, 150])
        // 0.0032 / 5 = 0.00064 → 0.001.
        let small = NiceScale(minimum: 0.001, maximum: 0.0042, desiredTicks: 6)
        expectTicks(small.ticks, [0.001, 0.002, 0.003, 0.004, 0.005])
        #expect(small.decimals == 3)
        #expect(NiceScale(minimum: 3, maximum: 13, desiredTicks: 5).decimals == 1)
    }

    @Test("a constant series gets a padded, non-empty range")
    func constantRange() {
        // 5 ± 10 % = 4.5 … 5.5; 1 / 5 = 0.2.
        let scale = NiceScale(minimum: 5, maximum: 5, desiredTicks: 6)
        expectTicks(scale.ticks, [4.4, 4.6, 4.8, 5.0, 5.2, 5.4, 5.6])
        let zero = NiceScale(minimum: 0, maximum: 0, desiredTicks: 6)
        #expect(zero.lower < 0 && zero.upper > 0)
        let missing = NiceScale(minimum: .nan, maximum: .nan, desiredTicks: 6)
        #expect(missing.lower.isFinite && missing.upper.isFinite && missing.upper > missing.lower)
    }

    @Test("asking for 6 ticks gives 4 to 7 that cover the data", arguments: [
        (0.0, 1.0), (-3.7, 2.2), (12_345.0, 12_999.0), (0.0001, 0.00093), (-1e6, 3.3e7), (41.0, 43.5),
    ])
    func tickCountBounds(range: (Double, Double)) {
        let scale = NiceScale(minimum: range.0, maximum: range.1, desiredTicks: 6)
        #expect((4...7).contains(scale.ticks.count), "\(range): \(scale.ticks)")
        #expect(scale.lower <= range.0 && scale.upper >= range.1)
    }

    @Test("step-numbered axes never get fractional steps")
    func integerSteps() {
        let scale = NiceScale(minimum: 0, maximum: 3, desiredTicks: 8, integerSteps: true)
        #expect(scale.step == 1)
        expectTicks(scale.ticks, [0, 1, 2, 3])
    }

    @Test("labels share one suffix and decimal count per axis")
    func compactLabels() {
        #expect(ChartNumberFormat.labels(for: [0, 5000, 10000, 15000], step: 5000) == ["0", "5k", "10k", "15k"])
        #expect(ChartNumberFormat.labels(for: [1000, 1200, 1400], step: 200) == ["1,000", "1,200", "1,400"])
        #expect(ChartNumberFormat.labels(for: [0, 0.005, 0.01], step: 0.005) == ["0.000", "0.005", "0.010"])
        #expect(ChartNumberFormat.labels(for: [12000, 12250, 12500], step: 250) == ["12.00k", "12.25k", "12.50k"])
        #expect(ChartNumberFormat.labels(for: [-20, -10, 0, 10], step: 10) == ["-20", "-10", "0", "10"])
        #expect(ChartNumberFormat.labels(for: [1.0e6, 1.2e6, 1.4e6], step: 2e5) == ["1.0M", "1.2M", "1.4M"])
        #expect(ChartNumberFormat.labels(for: [-1.2e6, -0.8e6], step: 4e5) == ["-1.2M", "-0.8M"])
    }

    @Test("single values keep three significant digits")
    func compactValues() {
        #expect(ChartNumberFormat.compact(1204) == "1,204")
        #expect(ChartNumberFormat.compact(12_040) == "12k")
        #expect(ChartNumberFormat.compact(56.14) == "56.1")
        #expect(ChartNumberFormat.compact(0.005) == "0.005")
        #expect(ChartNumberFormat.compact(-3.14159) == "-3.14")
        #expect(ChartNumberFormat.compact(0) == "0")
        #expect(ChartNumberFormat.compact(2.5e6) == "2.5M")
    }

    private func seconds(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0) -> Double {
        Timestamp(year: year, month: month, day: day, hour: hour).secondsSinceEpoch
    }

    @Test("a 10-year span is labelled every 2 years")
    func tenYears() {
        let ticks = DateTicks(start: seconds(2010, 1, 1), end: seconds(2020, 1, 1))
        #expect(ticks.unit == DateTickUnit(component: .year, count: 2))
        #expect(ticks.labels == ["2010", "2012", "2014", "2016", "2018", "2020"])
    }

    @Test("a 2-year span is labelled by quarter with month names")
    func twoYears() {
        let ticks = DateTicks(start: seconds(2012, 3, 15), end: seconds(2014, 3, 15))
        #expect(ticks.unit == DateTickUnit(component: .month, count: 3))
        #expect(ticks.labels == ["Apr 2012", "Jul 2012", "Oct 2012", "Jan 2013",
                                 "Apr 2013", "Jul 2013", "Oct 2013", "Jan 2014"])
        #expect(ticks.positions.first == seconds(2012, 4, 1))
    }

    @Test("a 3-month span is labelled every other Monday")
    func threeMonths() {
        // 2012-03-05 was a Monday.
        let ticks = DateTicks(start: seconds(2012, 3, 5), end: seconds(2012, 6, 5))
        #expect(ticks.unit == DateTickUnit(component: .week, count: 2))
        #expect(ticks.labels == ["2012-03-05", "2012-03-19", "2012-04-02", "2012-04-16",
                                 "2012-04-30", "2012-05-14", "2012-05-28"])
        for position in ticks.positions {
            #expect(Timestamp(secondsSinceEpoch: position).civil.weekday == 1)
        }
    }

    @Test("a 10-day span is labelled every 2 days")
    func tenDays() {
        let ticks = DateTicks(start: seconds(2012, 3, 5), end: seconds(2012, 3, 15))
        #expect(ticks.unit == DateTickUnit(component: .day, count: 2))
        #expect(ticks.labels == ["2012-03-05", "2012-03-07", "2012-03-09", "2012-03-11", "2012-03-13", "2012-03-15"])
    }

    @Test("a 2-day span is labelled every 12 hours with the time")
    func twoDays() {
        let ticks = DateTicks(start: seconds(2012, 3, 5), end: seconds(2012, 3, 7))
        #expect(ticks.unit == DateTickUnit(component: .hour, count: 12))
        #expect(ticks.labels == ["03-05 00:00", "03-05 12:00", "03-06 00:00", "03-06 12:00", "03-07 00:00"])
    }

    @Test("a narrow plot takes a coarser unit so labels do not overlap", arguments: [200.0, 400.0, 800.0])
    func labelsFitWidth(pixelWidth: Double) {
        let spans: [(Double, Double)] = [
            (seconds(2012, 3, 5), seconds(2012, 3, 7)), (seconds(2012, 3, 5), seconds(2012, 6, 5)),
            (seconds(2012, 3, 15), seconds(2014, 3, 15)), (seconds(1990, 1, 1), seconds(2020, 6, 1)),
        ]
        let characterWidth = 7.2
        for (start, end) in spans {
            let ticks = DateTicks(start: start, end: end, maximumCount: 8, pixelWidth: pixelWidth,
                                  characterWidth: characterWidth)
            #expect(!ticks.positions.isEmpty)
            #expect(ticks.positions.count <= 8)
            let pixels = ticks.positions.map { ($0 - start) / (end - start) * pixelWidth }
            for index in pixels.indices.dropFirst() {
                let room = Double(ticks.labels[index - 1].count + ticks.labels[index].count) / 2 * characterWidth
                #expect(pixels[index] - pixels[index - 1] >= room,
                        "\(ticks.labels[index - 1]) and \(ticks.labels[index]) overlap at \(pixelWidth) px")
            }
        }
    }
}
