import Foundation
import Testing
@testable import ForecastData

/// Calendar feature columns: known angles, leap years, ISO week 53, offsets, names and lists.
/// Sines and cosines are compared within 1e-12 absolute (a few ulps of 2π).
@Suite struct CalendarFeaturesTests {
    private let tolerance = 1e-12

    private func pair(_ feature: CalendarFeature, _ timestamp: Timestamp, utcOffset: Int = 0) throws -> (sin: Double, cos: Double) {
        let values = try CalendarFeatures([feature], utcOffset: utcOffset).values(at: timestamp)
        return (values[0], values[1])
    }

    private func expectAngle(_ feature: CalendarFeature, _ timestamp: Timestamp, _ fraction: Double, utcOffset: Int = 0,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (sine, cosine) = try pair(feature, timestamp, utcOffset: utcOffset)
        #expect(abs(sine - sin(2 * .pi * fraction)) < tolerance, "sin of \(feature) at \(timestamp)", sourceLocation: sourceLocation)
        #expect(abs(cosine - cos(2 * .pi * fraction)) < tolerance, "cos of \(feature) at \(timestamp)", sourceLocation: sourceLocation)
    }

    @Test func mondayTheFirstOfJanuaryStartsEveryCycle() throws {
        let newYear = Timestamp(year: 2024, month: 1, day: 1)             // a Monday
        let features = try CalendarFeatures([.hourOfDay, .dayOfWeek, .dayOfMonth, .dayOfYear, .month, .weekOfYear])
        for (index, value) in features.values(at: newYear).enumerated() {
            #expect(abs(value - (index % 2 == 0 ? 0 : 1)) < tolerance, "\(features.columnNames[index])")
        }
    }

    @Test func knownPositionsInEachCycle() throws {
        try expectAngle(.hourOfDay, Timestamp(year: 2024, month: 3, day: 5, hour: 6), 0.25)
        try expectAngle(.hourOfDay, Timestamp(year: 2024, month: 3, day: 5, hour: 18, minute: 30), 18.5 / 24)
        try expectAngle(.dayOfWeek, Timestamp(year: 2024, month: 1, day: 7), 6.0 / 7)              // Sunday
        try expectAngle(.dayOfWeek, Timestamp(year: 2024, month: 1, day: 4), 3.0 / 7)              // Thursday
        try expectAngle(.dayOfMonth, Timestamp(year: 2023, month: 4, day: 16), 15.0 / 30)
        try expectAngle(.dayOfMonth, Timestamp(year: 2023, month: 2, day: 28), 27.0 / 28)
        try expectAngle(.month, Timestamp(year: 2023, month: 7, day: 20), 6.0 / 12)
        try expectAngle(.month, Timestamp(year: 2023, month: 12, day: 1), 11.0 / 12)
        // Halfway round the cycle: sin is 0 up to rounding, cos is −1.
        let (sine, cosine) = try pair(.hourOfDay, Timestamp(year: 2024, month: 3, day: 5, hour: 12))
        #expect(abs(sine) < tolerance && abs(cosine + 1) < tolerance)
    }

    @Test func leapYearsHave366Days() throws {
        // 31 December is day 365 of 366 in 2024, and day 364 of 365 (the last) in 2023.
        try expectAngle(.dayOfYear, Timestamp(year: 2024, month: 12, day: 31), 365.0 / 366)
        try expectAngle(.dayOfYear, Timestamp(year: 2023, month: 12, day: 31), 364.0 / 365)
        try expectAngle(.dayOfYear, Timestamp(year: 2024, month: 3, day: 1), 60.0 / 366)
        try expectAngle(.dayOfMonth, Timestamp(year: 2024, month: 2, day: 29), 28.0 / 29)
        try expectAngle(.dayOfMonth, Timestamp(year: 1900, month: 2, day: 28), 27.0 / 28)   // 1900 is not leap
    }

    @Test func isoWeeksNumberAcrossTheYearsEnd() throws {
        // 2020 has 53 ISO weeks: 31 December 2020 (Thursday) and 1–3 January 2021 are in week 53.
        #expect(CivilCalendar.isoWeeksInYear(2020) == 53)
        #expect(CivilCalendar.isoWeeksInYear(2021) == 52)
        #expect(CivilCalendar.isoWeeksInYear(2015) == 53)
        #expect(CivilCalendar.isoWeek(fromDays: CivilCalendar.days(year: 2021, month: 1, day: 3)) == (2020, 53))
        #expect(CivilCalendar.isoWeek(fromDays: CivilCalendar.days(year: 2021, month: 1, day: 4)) == (2021, 1))
        // 29 December 2025 (Monday) is in week 1 of 2026.
        #expect(CivilCalendar.isoWeek(fromDays: CivilCalendar.days(year: 2025, month: 12, day: 29)) == (2026, 1))
        try expectAngle(.weekOfYear, Timestamp(year: 2021, month: 1, day: 1), 52.0 / 53)
        try expectAngle(.weekOfYear, Timestamp(year: 2025, month: 12, day: 29), 0)
        try expectAngle(.weekOfYear, Timestamp(year: 2021, month: 12, day: 31), 51.0 / 52)
    }

    @Test func theOffsetMovesTheClockAndTheDate() throws {
        // 23:30Z read at +02:00 is 01:30 the next day (Monday 1 January 2024).
        let late = Timestamp(year: 2023, month: 12, day: 31, hour: 23, minute: 30)
        #expect(late.civil(utcOffset: 7200) == CivilDateTime(year: 2024, month: 1, day: 1, hour: 1, minute: 30, second: 0, weekday: 1))
        try expectAngle(.hourOfDay, late, 1.5 / 24, utcOffset: 7200)
        try expectAngle(.dayOfWeek, late, 0, utcOffset: 7200)
        try expectAngle(.dayOfYear, late, 0, utcOffset: 7200)
        try expectAngle(.dayOfWeek, late, 6.0 / 7)                                          // Sunday in UTC
        // West of UTC the date goes back: 02:00Z at −05:00 is 21:00 the day before.
        try expectAngle(.hourOfDay, Timestamp(year: 2024, month: 1, day: 1, hour: 2), 21.0 / 24, utcOffset: -18_000)
    }

    @Test func holidaysAreFlaggedOnTheirLocalDate() throws {
        let holidays = HolidayCalendar([.init(year: 2024, month: 12, day: 25, name: "Christmas Day")])
        let features = try CalendarFeatures([.holiday, .dayOfWeek], holidays: holidays, utcOffset: 3600)
        #expect(features.columnNames == ["calendar:day-of-week:sin", "calendar:day-of-week:cos", "calendar:holiday"])
        let stamps = [
            Timestamp(year: 2024, month: 12, day: 24, hour: 23),         // 00:00 on the 25th at +01:00
            Timestamp(year: 2024, month: 12, day: 25, hour: 12),
            Timestamp(year: 2024, month: 12, day: 25, hour: 23),         // the 26th at +01:00
        ]
        let columns = features.columns(for: stamps)
        #expect(columns.count == 3 && columns.allSatisfy { $0.count == 3 })
        #expect(columns[2] == [1, 1, 0])
        #expect(try CalendarFeatures([.holiday], holidays: holidays).columns(for: stamps)[0] == [0, 1, 1])
    }

    @Test func columnsFollowTheFixedOrder() throws {
        let features = try CalendarFeatures([.month, .hourOfDay])
        #expect(features.features == [.hourOfDay, .month])
        #expect(features.columnNames == ["calendar:hour-of-day:sin", "calendar:hour-of-day:cos",
                                         "calendar:month:sin", "calendar:month:cos"])
        #expect(features.columnCount == 4)
        #expect(try CalendarFeatures([]).columns(for: [Timestamp(year: 2024, month: 1, day: 1)]).isEmpty)
    }

    @Test func columnNamesRegenerateTheFeatures() throws {
        let holidays = HolidayCalendar([.init(year: 2024, month: 1, day: 1)])
        let all = try CalendarFeatures(CalendarFeature.allCases, holidays: holidays, utcOffset: 3600)
        let names = ["Volume"] + all.columnNames + ["Open"]          // a model's other inputs are skipped
        let again = try CalendarFeatures(columnNames: names, holidays: holidays, utcOffset: 3600)
        #expect(again == all)
        #expect(try CalendarFeatures(columnNames: ["Volume"]).features.isEmpty)
    }

    @Test func columnNamesThatNameNoFeaturesAreRefused() {
        let missingCos = ["calendar:month:sin"]
        #expect(throws: CalendarFeatureError.unexpectedColumns(found: missingCos, expected: ["calendar:month:sin", "calendar:month:cos"])) {
            try CalendarFeatures(columnNames: missingCos)
        }
        #expect(throws: CalendarFeatureError.unexpectedColumns(found: ["calendar:moon:sin"], expected: [])) {
            try CalendarFeatures(columnNames: ["calendar:moon:sin"])
        }
        let reversed = ["calendar:month:sin", "calendar:month:cos", "calendar:hour-of-day:sin", "calendar:hour-of-day:cos"]
        #expect(throws: CalendarFeatureError.self) { try CalendarFeatures(columnNames: reversed) }
        #expect(throws: CalendarFeatureError.holidaysMissing) { try CalendarFeatures(columnNames: ["calendar:holiday"]) }
    }

    @Test func listsParseInTheOrderTyped() throws {
        #expect(try CalendarFeature.parseList("day-of-week,month") == [.dayOfWeek, .month])
        #expect(try CalendarFeature.parseList(" Month , hour-of-day ") == [.month, .hourOfDay])
        #expect(try CalendarFeature.parseList("none") == [])
        #expect(try CalendarFeature.parseList("NONE") == [])
        #expect(try CalendarFeature.parseList(CalendarFeature.allCases.map(\.rawValue).joined(separator: ",")) == CalendarFeature.allCases)
    }

    @Test func badListsAreRefusedWithTheValidNames() {
        let valid = ["hour-of-day", "day-of-week", "day-of-month", "day-of-year", "month", "week-of-year", "holiday", "none"]
        #expect(throws: CalendarFeatureError.unknownFeature("weekday", valid: valid)) { try CalendarFeature.parseList("month,weekday") }
        #expect(throws: CalendarFeatureError.duplicateFeature("month")) { try CalendarFeature.parseList("month,day-of-week,Month") }
        #expect(throws: CalendarFeatureError.emptyName) { try CalendarFeature.parseList("") }
        #expect(throws: CalendarFeatureError.emptyName) { try CalendarFeature.parseList("month,,day-of-week") }
        #expect(throws: CalendarFeatureError.noneWithOthers) { try CalendarFeature.parseList("none,month") }
        #expect(throws: CalendarFeatureError.duplicateFeature("month")) { try CalendarFeatures([.month, .month]) }
        #expect(throws: CalendarFeatureError.holidaysMissing) { try CalendarFeatures([.holiday]) }
        let sentence = CalendarFeatureError.unknownFeature("weekday", valid: valid).errorDescription ?? ""
        #expect(sentence == "\"weekday\" is not a calendar feature; choose among \(valid.joined(separator: ", ")).")
    }

    @Test func candidatesFollowTheFrequency() {
        #expect(CalendarFeature.candidates(for: .hourly) == [.hourOfDay, .dayOfWeek])
        #expect(CalendarFeature.candidates(for: .minutes(5), hasHolidays: true) == [.hourOfDay, .dayOfWeek, .holiday])
        #expect(CalendarFeature.candidates(for: .daily) == [.dayOfWeek, .dayOfYear])
        #expect(CalendarFeature.candidates(for: .tradingDays, hasHolidays: true) == [.dayOfWeek, .holiday])
        #expect(CalendarFeature.candidates(for: .weekly, hasHolidays: true) == [.weekOfYear])
        #expect(CalendarFeature.candidates(for: .monthly) == [.month])
        for frequency in [Frequency.quarterly, .yearly, .irregular] {
            #expect(CalendarFeature.candidates(for: frequency, hasHolidays: true).isEmpty)
        }
    }

    @Test func codableUsesTheRawNames() throws {
        let data = try JSONEncoder().encode([CalendarFeature.weekOfYear])
        #expect(String(decoding: data, as: UTF8.self) == "[\"week-of-year\"]")
    }
}
