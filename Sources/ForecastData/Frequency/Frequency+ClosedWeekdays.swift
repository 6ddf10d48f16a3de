extension Frequency {
    /// For a daily series whose absent days all fall on weekdays it never has a row on (a shop
    /// closed on Sundays): those weekdays, 1 = Monday … 7 = Sunday, ascending. nil when a day is
    /// absent on another weekday, when no day is absent, or when the series is not daily.
    ///
    /// Read row after row, such a series has weeks shorter than 7 rows: its weekly season and its
    /// forecast dates (which include the closed days) are off, which `SeriesReader` says in words.
    public func closedWeekdays(in timestamps: [Timestamp]) -> [Int]? {
        guard self == .daily else { return nil }
        let days = Set(timestamps.map(\.dayNumber))
        guard let first = days.min(), let last = days.max() else { return nil }
        let open = Set(days.map(CivilCalendar.weekday(fromDays:)))
        let absent = Set((first...last).filter { !days.contains($0) }.map(CivilCalendar.weekday(fromDays:)))
        guard !absent.isEmpty, absent.isDisjoint(with: open) else { return nil }
        return absent.sorted()
    }

    /// English names of ISO weekdays (1 = Monday), for messages.
    public static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
}
