import ForecastIO

/// The series of a long-format file, as `tsf inspect` describes it: the column naming each row's
/// series, and every series with its rows, in file order.
public struct LongFormatSummary: Hashable, Sendable {
    public var idColumn: String
    public var series: [Series]
    /// True when the id column was recognised from the file (repeated timestamps grouped by it),
    /// false when the caller named it.
    public var recognised: Bool

    public struct Series: Hashable, Sendable {
        public var id: String
        public var rows: Int
    }

    /// `5 series in column "symbol": MSFT (123 rows), AMZN (123), …`, at most `shown` of them.
    func sentence(shown: Int = 10) -> String {
        let listed = series.prefix(shown).enumerated().map { index, item in
            index == 0 ? "\(item.id) (\(item.rows) row\(item.rows == 1 ? "" : "s"))" : "\(item.id) (\(item.rows))"
        }.joined(separator: ", ")
        let more = series.count > shown ? ", …" : ""
        return "\(series.count) series in column \"\(idColumn)\": \(listed)\(more)"
    }
}
