import ForecastData

/// The rows of a file after its last target value, which hold the known-in-advance features of the
/// steps to forecast (the file gives the history, then the future). Their timestamps are the
/// forecast's dates; observed features are not read there.
public struct FutureRows: Sendable, Hashable {
    /// The file the rows came from (the series' file, or a separate `--future` file).
    public var file: String
    /// The rows' timestamps, when the file has a time column.
    public var timestamps: [Timestamp]?
    /// One array per known-in-advance feature, in the order they were named.
    public var values: [[Double]]
    /// The physical line of each row.
    public var lines: [Int]

    public init(file: String, timestamps: [Timestamp]?, values: [[Double]], lines: [Int]) {
        self.file = file
        self.timestamps = timestamps
        self.values = values
        self.lines = lines
    }

    /// Future steps the rows cover.
    public var count: Int { lines.count }

    /// Checks that the rows continue `history` step by step on its calendar (its frequency, and
    /// its exchange's sessions for trading days); an irregular series only needs later times.
    /// - Throws: `CSVReadError.futureRowOffCalendar` naming the first row off the calendar.
    public func checkContinues(_ history: TimeSeries, timeColumn: String) throws(CSVReadError) {
        guard let timestamps, let last = history.timestamps?.last else { return }
        let expected: [Timestamp]
        if history.frequency == .irregular {
            var previous = last
            for (index, timestamp) in timestamps.enumerated() {
                guard timestamp > previous else {
                    throw .futureRowOffCalendar(file: file, line: lines[index], column: timeColumn,
                                                found: describe(timestamp, history), expected: "a time after \(describe(previous, history))")
                }
                previous = timestamp
            }
            return
        }
        expected = history.futureTimestamps(count: timestamps.count)
        for (index, (found, wanted)) in zip(timestamps, expected).enumerated() where found != wanted {
            throw .futureRowOffCalendar(file: file, line: lines[index], column: timeColumn,
                                        found: describe(found, history), expected: describe(wanted, history))
        }
    }

    private func describe(_ timestamp: Timestamp, _ history: TimeSeries) -> String {
        history.dateFormat.map { $0.string(from: timestamp) } ?? timestamp.description
    }
}
