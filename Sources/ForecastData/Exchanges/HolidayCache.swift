import Foundation

/// Each exchange's closures, computed once per year and kept: the rules are cheap, but
/// `futureTimestamps` and detection ask about thousands of days.
final class HolidayCache: @unchecked Sendable {
    static let shared = HolidayCache()

    private struct Key: Hashable {
        let code: ExchangeCalendar.Code
        let year: Int
    }

    private let lock = NSLock()
    private var years: [Key: Set<Int>] = [:]

    func isClosedWeekday(_ dayNumber: Int, of code: ExchangeCalendar.Code, year: Int) -> Bool {
        closedSet(of: code, year: year).contains(dayNumber)
    }

    func closedWeekdays(of code: ExchangeCalendar.Code, year: Int) -> [Int] {
        closedSet(of: code, year: year).sorted()
    }

    private func closedSet(of code: ExchangeCalendar.Code, year: Int) -> Set<Int> {
        let key = Key(code: code, year: year)
        lock.lock()
        defer { lock.unlock() }
        if let known = years[key] { return known }
        let days = Set(HolidayRules.closures(of: code, year: year).filter { CivilCalendar.weekday(fromDays: $0) <= 5 })
        years[key] = days
        return days
    }
}
