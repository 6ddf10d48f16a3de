import ForecastIO

/// `tsf inspect FILE`: what a user needs to know about a CSV file before forecasting it, read with
/// the same rules as every other action, so every problem they would meet is reported here first.
public struct InspectAction: Sendable {
    /// How the report is written.
    public enum Format: String, CaseIterable, Sendable {
        /// A few labelled lines, a table of columns, then warnings.
        case text
        /// Stable keys for scripts.
        case json
    }

    public var source: CSVSource
    public var readOptions: CSVReadOptions

    public init(source: CSVSource, readOptions: CSVReadOptions = CSVReadOptions()) {
        self.source = source
        self.readOptions = readOptions
    }

    /// What inspecting found: the table, and its series when the file is in long format.
    public struct Report: Sendable {
        public var inspection: TableInspection
        /// The series of a long-format file (named by the id column given, or recognised from
        /// timestamps that repeat once per series); nil for a file of one series.
        public var longFormat: LongFormatSummary?
    }

    /// Reads and describes the file off the caller's actor, as the other actions' `async` runs do.
    public func run() async throws -> Report {
        try await ActionReporter.silent.runOffActor { _ in try run() }
    }

    /// Reads the whole file and describes it. A file whose timestamps repeat once per series of an
    /// id column is described as long format, with each series and its rows, rather than refused;
    /// so is a file whose id column is given without a series to keep.
    public func run() throws -> Report {
        // A long-format file is read more than once: standard input is kept in memory for that.
        let source = try self.source.rereadable()
        var idColumn = readOptions.idColumn
        if readOptions.series != nil || idColumn == nil {
            do {
                return Report(inspection: try TableInspection.inspect(source, options: readOptions), longFormat: nil)
            } catch {
                guard idColumn == nil, let recognised = Self.recognisedIDColumn(error) else { throw error }
                idColumn = recognised
            }
        }
        guard let idColumn else { preconditionFailure("an id column is known here") }
        var whole = readOptions
        whole.idColumn = nil
        whole.series = nil
        // Every row of every series, and the calendar of their distinct timestamps.
        let inspection = try TableInspection.inspect(source, options: whole, acrossSeries: true)
        guard let target = inspection.columns.first(where: { $0.kind == .numeric && $0.name != idColumn })?.name else {
            return Report(inspection: inspection, longFormat: nil)
        }
        var long = readOptions
        long.series = nil
        let file = try LongFormatReader.read(source, idColumn: idColumn, target: target, options: long)
        let series = zip(file.ids, file.rowCounts).map { LongFormatSummary.Series(id: $0, rows: $1) }
        return Report(inspection: inspection,
                      longFormat: LongFormatSummary(idColumn: idColumn, series: series, recognised: readOptions.idColumn == nil))
    }

    /// The id column a repeated timestamp points to, when the reader recognised the file as long format.
    static func recognisedIDColumn(_ error: CSVReadError) -> String? {
        guard case .duplicateTimestamp(_, _, _, _, let hint) = error, case .pickSeries(let idColumn, _)? = hint else { return nil }
        return idColumn
    }

    /// The report as text, its warnings' remedies worded by `wording` (the library's words by default).
    public static func rendered(_ report: Report, format: Format,
                                wording: (CSVReadError.Remedy) -> String = \.description) -> String {
        switch format {
        case .text: return InspectionText.render(report.inspection, longFormat: report.longFormat, wording: wording)
        case .json: return InspectionJSON.render(report.inspection, longFormat: report.longFormat, wording: wording)
        }
    }
}
