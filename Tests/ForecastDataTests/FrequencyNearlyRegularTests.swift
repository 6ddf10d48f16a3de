import Testing
@testable import ForecastData

/// Rows read as irregular whose steps are mostly of one length: a calendar with many rows missing.
@Suite struct FrequencyNearlyRegularTests {
    /// Hourly timestamps over `hours` hours, without those `absent` keeps out.
    static func hourly(_ hours: Int, absent: (Int) -> Bool) -> [Timestamp] {
        (0..<hours).filter { !absent($0) }.map { Timestamp(year: 2024, month: 1, day: 1).advanced(by: Double($0 * 3600)) }
    }

    @Test func anHourlyFeedWithOneHourInFiveMissingIsNearlyHourly() throws {
        let timestamps = Self.hourly(500) { $0 % 5 == 2 }   // a step of two hours after every fourth row
        #expect(Frequency.infer(from: timestamps) == .irregular)
        let found = try #require(Frequency.nearlyRegular(in: timestamps))
        #expect(found.frequency == .hourly)
        #expect(abs(found.share - 0.75) <= 0.01)
        #expect(Frequency.hourly.oneStep == "an hour")
    }

    @Test func stepsOfManyLengthsOrFewRowsAreNoCalendar() {
        // Steps of 1, 2, 3 and 4 hours in turn: none is half of them.
        var hours = [0]
        for index in 0..<200 { hours.append(hours[hours.count - 1] + 1 + index % 4) }
        let mixed = hours.map { Timestamp(year: 2024, month: 1, day: 1).advanced(by: Double($0 * 3600)) }
        #expect(Frequency.nearlyRegular(in: mixed) == nil)
        #expect(Frequency.nearlyRegular(in: Array(mixed.prefix(2))) == nil)
        #expect(Frequency.nearlyRegular(in: mixed.reversed()) == nil)
        // Ticks every 250 ms are no calendar of "0 minutes".
        let ticks = (0..<100).map { Timestamp(year: 2024, month: 1, day: 1).advanced(by: Double($0) * 0.25) }
        #expect(Frequency.nearlyRegular(in: ticks) == nil)
    }

    @Test func monthsWithManyMissingAreNearlyMonthly() throws {
        let months = (0..<60).filter { $0 % 4 != 3 }.map { Timestamp(year: 2010 + $0 / 12, month: $0 % 12 + 1, day: 1) }
        #expect(Frequency.infer(from: months) == .irregular)
        #expect(try #require(Frequency.nearlyRegular(in: months)).frequency == .monthly)
    }
}
