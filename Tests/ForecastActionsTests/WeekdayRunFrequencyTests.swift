@testable import ForecastActions
import ForecastData
import ForecastIO
import Foundation
import Testing
import _ForecastTestSupport

/// A few weekday rows in a row, read as trading days, take the calendar of the daily series beside
/// them in a --global run, where the file was refused as a mix of frequencies.
@Suite struct WeekdayRunFrequencyTests {
    static func file() -> String {
        func date(_ day: Int) -> String {
            ISO8601DateFormatter.string(from: Date(timeIntervalSince1970: 1_704_067_200 + Double(day) * 86_400),  // 2024-01-01
                                        timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        }
        var lines = ["id,date,y"]
        for id in ["a", "b"] {
            for day in 0..<60 { lines.append(String(format: "%@,%@,%.2f", id, date(day), 50 + 5 * sin(Double(day)))) }
        }
        for day in 0..<5 { lines.append(String(format: "week,2024-01-%02d,%.1f", 1 + day, 40 + Double(day))) }  // Monday to Friday
        lines.append("single,2024-01-03,7")  // one row: no frequency to weigh
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aWeekdayRunAmongDailySeriesReadsDaily() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("daily.csv", Self.file())
        let (ids, read, _) = try ManySeriesSource.open(.file(path), idColumn: "id", target: "y").readAll(reporter: .silent)
        let position = try #require(ids.firstIndex(of: "week"))
        let week = try #require(read[position])
        #expect(week.target.frequency == .tradingDays)
        #expect(WeekdayRunFrequency.readsAsDailyToo(week.target))
        let harmonised = WeekdayRunFrequency.harmonised(read)
        #expect(harmonised.compactMap { $0?.target.frequency }.filter { $0 != .irregular } == [.daily, .daily, .daily])
        // Among trading-day series it keeps its own calendar.
        #expect(WeekdayRunFrequency.harmonised([week, week]).compactMap { $0?.target.frequency } == [.tradingDays, .tradingDays])
    }
}
