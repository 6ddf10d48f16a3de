import ForecastData

/// A time column on the clock its source wrote: timestamps are UTC instants, but a daily file
/// written `2019-01-02T00:00:00+01:00` is on 2 January, which is 1 January in UTC. Calendar
/// questions (weekday or weekend, which exchange's holidays, how many sessions are absent) are
/// asked of each row's wall-clock time, its timestamp moved by the offset its own text wrote, so a
/// file whose offset changes with daylight saving stays on its dates. Steps under a day stay in
/// UTC, where an hour is an hour across such a change.
extension TimeColumn {
    /// The rows listed, in that order (sorting, duplicates, one series of a long-format file);
    /// the warnings stay with the whole column.
    func selecting(_ rows: [Int]) -> TimeColumn {
        TimeColumn(name: name, format: format, timestamps: rows.map { timestamps[$0] },
                   writtenOffsets: writtenOffsets.map { offsets in rows.map { offsets[$0] } })
    }

    /// Each row's time on the clock its text was written on, read as if it were UTC.
    var wallClockTimestamps: [Timestamp] {
        guard let writtenOffsets else { return timestamps }
        return zip(timestamps, writtenOffsets).map { $0.advanced(by: Double($1)) }
    }

    /// The offset of the last row: the clock the steps after it are on.
    var lastOffset: Int { writtenOffsets?.last ?? 0 }

    /// The frequency of the rows: sub-daily steps from the UTC timestamps, day-based calendars
    /// from the wall-clock dates.
    var frequency: Frequency {
        let utc = Frequency.infer(from: timestamps)
        guard writtenOffsets != nil, !utc.isSubDaily else { return utc }
        return Frequency.infer(from: wallClockTimestamps)
    }

    /// The timestamps that calendar questions at `frequency` are asked of (see the extension).
    func calendarTimestamps(at frequency: Frequency) -> [Timestamp] {
        frequency.isSubDaily ? timestamps : wallClockTimestamps
    }
}
