/// One series of a long-format file, read but not yet assembled: what `LongFormatStream` and
/// `LongFormatFile.entry(at:)` hand over, so that the work of turning rows into numbers (parsing,
/// sorting, the missing-value policy) runs on whichever thread forecasts the series.
public struct LongFormatSeries: Sendable {
    /// The series' id, as the id column holds it.
    public let id: String
    /// The series' rows in the file, before sorting, duplicates and missing values are handled.
    public let rowCount: Int
    private let assemble: @Sendable () -> Result<CSVSeriesData, any Error>

    init(id: String, rowCount: Int, assemble: @escaping @Sendable () -> Result<CSVSeriesData, any Error>) {
        self.id = id
        self.rowCount = rowCount
        self.assemble = assemble
    }

    /// The series: its rows put in time order, duplicates and missing values handled as the options
    /// say, its frequency inferred from its own timestamps; or this series' own failure (all values
    /// missing, a duplicate date), so the others can go on. Its warnings name the series.
    public func data() -> Result<CSVSeriesData, any Error> { assemble() }
}
