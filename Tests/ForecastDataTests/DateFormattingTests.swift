import Testing
import ForecastData

/// Writing timestamps back in the input's format.
@Suite struct DateFormattingTests {
    private let morning = Timestamp(year: 2021, month: 3, day: 4, hour: 9, minute: 5, second: 7)
    private let midnight = Timestamp(year: 2021, month: 3, day: 4)

    @Test func eachFormatWritesItsLayout() {
        #expect(DateFormat.year.string(from: midnight) == "2021")
        #expect(DateFormat.yearMonth.string(from: midnight) == "2021-03")
        #expect(DateFormat.isoDate.string(from: midnight) == "2021-03-04")
        #expect(DateFormat.isoDateTime.string(from: morning) == "2021-03-04T09:05:07Z")
        #expect(DateFormat.compactDate.string(from: midnight) == "20210304")
        #expect(DateFormat.monthDayYear(.slash).string(from: midnight) == "03/04/2021")
        #expect(DateFormat.dayMonthYear(.dot).string(from: morning) == "04.03.2021 09:05:07")
        #expect(DateFormat.yearMonthDaySlashed.string(from: midnight) == "2021/03/04")
        #expect(DateFormat.yearMonthDayDotted.string(from: morning) == "2021.03.04 09:05:07")
        #expect(DateFormat.spreadsheetSerial.string(from: midnight) == "44259")
        #expect(DateFormat.spreadsheetSerial.string(from: Timestamp(year: 2021, month: 3, day: 4, hour: 12, minute: 0, second: 0)) == "44259.5")
        #expect(DateFormat.monthNameDayYear.string(from: midnight) == "Mar 4, 2021")
        #expect(DateFormat.monthDayShortYear(.slash).string(from: midnight) == "03/04/21")
        #expect(DateFormat.dayMonthShortYear(.dot).string(from: morning) == "04.03.21 09:05:07")
        #expect(DateFormat.dayMonthNameShortYear.string(from: Timestamp(year: 1999, month: 1, day: 4)) == "4-Jan-99")
        // Past 2029 two digits would read back a century early.
        #expect(DateFormat.monthDayShortYear(.slash).string(from: Timestamp(year: 2030, month: 1, day: 2)) == "01/02/2030")
        #expect(DateFormat.epochSeconds.string(from: Timestamp(secondsSinceEpoch: 1e9)) == "1000000000")
        #expect(DateFormat.year.string(from: Timestamp(year: 1, month: 1, day: 1)) == "0001")
    }

    @Test func everyDetectableFormatRoundTrips() {
        // Whole seconds after midnight survive every format that can carry a time of day.
        let timestamps = [midnight, morning, Timestamp(year: 1700, month: 12, day: 31),
                          Timestamp(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59)]
        for format in DateFormat.detectable {
            // Two-digit years hold 1930–2029 only (others are written with four digits, which
            // such a column does not read).
            for timestamp in timestamps where !format.hasTwoDigitYear || DateFormat.twoDigitYears.contains(timestamp.civil.year) {
                let text = format.string(from: timestamp)
                guard let parsed = format.parse(text) else {
                    Issue.record("\(format) cannot read its own output \(text)")
                    continue
                }
                // Coarse formats keep only what they show; re-writing must give the same text.
                #expect(format.string(from: parsed) == text, "\(format): \(text)")
            }
        }
        for timestamp in timestamps {
            #expect(DateFormat.isoDateTime.parse(DateFormat.isoDateTime.string(from: timestamp)) == timestamp)
        }
    }

    @Test func randomInstantsFromYearOneTo9999RoundTrip() {
        // A fixed linear congruential sequence (Knuth's MMIX constants), so failures reproduce.
        var state: UInt64 = 2024
        let first = Timestamp(year: 1, month: 1, day: 1).secondsSinceEpoch
        let span = Timestamp(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59).secondsSinceEpoch - first
        let pattern = DateFormat.pattern("%Y-%m-%d %H:%M:%S")
        var failures: [String] = []
        for _ in 0..<10_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let fraction = Double(state >> 11) / Double(1 << 53)
            let timestamp = Timestamp(secondsSinceEpoch: (first + fraction * span).rounded(.down))
            for format in [DateFormat.isoDateTime, pattern, .epochSeconds] {
                let text = format.string(from: timestamp)
                if format.parse(text) != timestamp { failures.append("\(format): \(text)") }
            }
            let civil = timestamp.civil
            if DateFormat.isoDate.parse(DateFormat.isoDate.string(from: timestamp))
                != Timestamp(year: civil.year, month: civil.month, day: civil.day) {
                failures.append("isoDate: \(timestamp)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test func fractionsAreWrittenWithoutTrailingZeros() {
        #expect(DateFormat.isoDateTime.string(from: morning.advanced(by: 0.25)) == "2021-03-04T09:05:07.25Z")
        #expect(DateFormat.isoDateTime.string(from: morning.advanced(by: 0.9999999)) == "2021-03-04T09:05:08Z")
    }

    @Test func preferredFormatFollowsTheFrequency() {
        #expect(midnight.formatted(for: .yearly) == "2021")
        #expect(midnight.formatted(for: .monthly) == "2021-03")
        #expect(midnight.formatted(for: .tradingDays) == "2021-03-04")
        #expect(morning.formatted(for: .hourly) == "2021-03-04T09:05:07Z")
    }
}
