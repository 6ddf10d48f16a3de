import ArgumentParser
import ForecastActions
import ForecastData
import ForecastIO

/// The options every command that reads a CSV file shares (`inspect`, `forecast`, `backtest`,
/// `train`), mounted with `@OptionGroup` so they read and behave the same everywhere.
struct CSVOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Field delimiter: , ; tab or | (detected when omitted).", valueName: "char"))
    var delimiter: String?

    @Option(help: ArgumentHelp("Decimal separator: . or , (a decimal comma is detected in files not separated by commas, and implied by --thousands .).", valueName: "char"))
    var decimal: String?

    @Option(help: ArgumentHelp("Thousands separator inside numbers, e.g. , to read \"1,204,300\" (none by default; a space, no-break ones included, with a decimal comma; . in a file not separated by commas whose whole numbers read 1.663 beside 758).", valueName: "char"))
    var thousands: String?

    @Option(help: ArgumentHelp("Comma-separated texts meaning a missing value (default: NA,N/A,NaN,nan,null,NULL,.,-); empty fields are always missing.", valueName: "tokens"))
    var missing: String?

    @Option(help: ArgumentHelp("What commands that read series do with missing values in the columns they use (inspect only counts them).", valueName: "policy"))
    var missingPolicy: MissingValuePolicy = .linear

    @Option(help: ArgumentHelp("The time column (found by name or content when omitted).", valueName: "name"))
    var dateColumn: String?

    @Option(help: ArgumentHelp("strftime-style format of the time column, e.g. %d/%m/%Y (detected when omitted); without --date-column, the column whose values it reads.", valueName: "pattern"))
    var dateFormat: String?

    @Option(help: ArgumentHelp("Rows sharing a timestamp: an error, or keep the first or the last in the file.", valueName: "rule"))
    var duplicates: DuplicateTimestampRule = .error

    @Option(help: ArgumentHelp("Long format: the column naming each row's series. Alone, forecast and backtest take every series in the file.", valueName: "column"))
    var id: String?

    @Option(help: ArgumentHelp("Long format: the series to keep (use with --id); several, comma-separated, are each forecast; quote an id that holds a comma (\"Store, North\").", valueName: "ids"))
    var series: String?

    @Option(help: ArgumentHelp("The exchange whose sessions daily trading-day data, or intraday bars that stop each day, follow: \(CSVOptions.exchangeCodes) (detected from the file's missing weekdays when omitted).", valueName: "code"))
    var exchange: String?

    /// The exchange codes `--exchange` takes, for help and errors.
    static let exchangeCodes = ExchangeCalendar.Code.allCases.map(\.rawValue).joined(separator: ", ")

    /// True when the command works on several series of a long-format file: `--id` without
    /// `--series`, or `--series` naming more than one.
    var manySeries: Bool {
        id != nil && (series.map { LongFormatReader.idList($0).count != 1 } ?? true)
    }

    func validate() throws {
        for (name, value, byte) in [("--delimiter", delimiter, CSVReadOptions.separatorByte), ("--thousands", thousands, CSVReadOptions.thousandsSeparatorByte)] {
            if let value, byte(value) == nil {
                throw ValidationError("\(name) must be one character (or tab), not \"\(value)\".")
            }
        }
        if let decimal, decimal != ".", decimal != "," {
            throw ValidationError("--decimal must be . or , (not \"\(decimal)\").")
        }
        if series != nil, id == nil {
            throw ValidationError("--series needs --id, the column naming each row's series.")
        }
        if let series, LongFormatReader.idList(series).isEmpty {
            throw ValidationError("--series names no series: \"\(series)\".")
        }
        if let exchange, ExchangeCalendar.Code(code: exchange) == nil {
            throw ValidationError("--exchange must be one of \(CSVOptions.exchangeCodes), not \"\(exchange)\".")
        }
        if let dateFormat, !dateFormat.contains("%") {
            throw ValidationError("--date-format takes a strftime-style pattern such as %d/%m/%Y, not \"\(dateFormat)\".")
        }
    }

    /// The options as the reader takes them.
    var readOptions: CSVReadOptions {
        CSVReadOptions(
            delimiter: delimiter.flatMap(CSVReadOptions.separatorByte),
            decimalSeparator: decimal.flatMap(CSVReadOptions.separatorByte),
            thousandsSeparator: thousands.flatMap(CSVReadOptions.thousandsSeparatorByte),
            missingTokens: missing.map { MissingTokens($0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)) } ?? .default,
            dateColumn: dateColumn,
            dateFormat: dateFormat.map(DateFormat.pattern),
            duplicates: duplicates,
            idColumn: id,
            // One id, as the list reads it (a quoted id with a comma loses its quotes).
            series: series.map { text in LongFormatReader.idList(text).count == 1 ? LongFormatReader.idList(text)[0] : text },
            missingPolicy: missingPolicy,
            exchange: exchange.flatMap(ExchangeCalendar.Code.init(code:))
        )
    }
}

extension MissingValuePolicy: ExpressibleByArgument {}
extension DuplicateTimestampRule: ExpressibleByArgument {}

extension CSVOptions {
    /// The file argument as a source: a path, or `-` for standard input.
    func source(_ file: String) -> CSVSource { CSVSource(argument: file) }

    /// The series of a long-format file: `--id` names the id column, `--series` the ids to keep, and
    /// `columns` the target, feature and static columns.
    func manySeriesSource(file: String, columns: SeriesOptions, reporter: ActionReporter) throws -> ManySeriesSource {
        guard let id else { preconditionFailure("many-series input needs --id") }
        return try ManySeriesSource.open(source(file), idColumn: id, series: series.map(LongFormatReader.idList),
                                         target: columns.column, features: columns.featureNames,
                                         knownFeatures: columns.futureFeatureNames, staticFeatures: columns.staticNames,
                                         options: readOptions, reporter: reporter)
    }
}
