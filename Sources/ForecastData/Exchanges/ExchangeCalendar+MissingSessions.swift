extension ExchangeCalendar {
    /// How many sessions between the first and the last timestamp have no timestamp on their date:
    /// the rows a file really lacks, once the exchange's holidays no longer count as gaps.
    public func missingSessions(in timestamps: [Timestamp]) -> Int {
        let rows = Set(timestamps.map(\.dayNumber))
        guard let first = rows.min(), let last = rows.max() else { return 0 }
        return (first...last).lazy.filter { !rows.contains($0) && self.isSession(dayNumber: $0) }.count
    }
}
