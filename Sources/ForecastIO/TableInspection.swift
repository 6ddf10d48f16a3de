import Dispatch
import ForecastData

/// What a user needs to know about a CSV file before forecasting it: the numbers `tsf inspect` prints.
public struct TableInspection: Sendable {
    /// What a column holds.
    public enum ColumnKind: String, Sendable {
        /// Every non-missing value is a number.
        case numeric
        /// The values are dates (the time column, or another column of dates).
        case date
        /// Anything else: names, categories, or numbers mixed with words.
        case text
        /// Every value is missing.
        case empty
    }

    /// One column's summary.
    public struct Column: Sendable {
        public var name: String
        public var kind: ColumnKind
        /// Fields that are empty or a missing-value token.
        public var missing: Int
        /// Smallest, mean and largest value of a numeric column; nil otherwise.
        public var minimum: Double?
        public var mean: Double?
        public var maximum: Double?
    }

    /// The time column's summary.
    public struct Time: Sendable {
        public var column: String
        public var format: DateFormat
        /// The earliest and latest timestamps, written in the file's style: a time the file gave
        /// without an offset is written without one.
        public var first: String
        public var last: String
        public var frequency: Frequency
        /// Rows the frequency's calendar expects between first and last that the file lacks
        /// (for trading days without an `exchange` this counts holidays too; with one, only its
        /// sessions). Intraday bars count the bars of their `session` or `weeklyHours`; without
        /// either (bars around the clock, or days that do not agree) every step of their frequency,
        /// as the warning a forecast gives counts them.
        public var missingSteps: Int
        /// The exchange whose sessions a trading-day series, or intraday bars in sessions, follow
        /// (asked for or detected).
        public var exchange: ExchangeCalendar.Code? = nil
        /// The hours intraday bars trade each day (`TradingSession.infer`), nil around the clock.
        public var session: TradingSession? = nil
        /// The hours of the week bars around the clock trade, when they stop for the weekend
        /// (`WeeklyHours.infer`).
        public var weeklyHours: WeeklyHours? = nil

        /// The frequency as reports name it: `trading days (XNYS sessions)` when an exchange is
        /// known, `every 5 minutes in sessions 09:30–15:55 (XNYS)` for intraday bars in sessions,
        /// `hourly from Sunday 22:00 to Friday 21:00` for bars with weekly hours, else the
        /// frequency's own description.
        public var frequencyDescription: String {
            if frequency.isSubDaily, let session {
                return "\(frequency) in sessions \(session)" + (exchange.map { " (\($0.rawValue))" } ?? "")
            }
            if frequency.isSubDaily, let weeklyHours { return "\(frequency) from \(weeklyHours)" }
            guard frequency == .tradingDays, let exchange else { return frequency.description }
            return "trading days (\(exchange.rawValue) sessions)"
        }

        /// The season's length in steps: one session's bars for intraday bars in sessions, one
        /// day's bars for bars with weekly hours.
        public var seasonPeriod: Int {
            TradingSession.seasonPeriod(of: frequency, in: session, weeklyHours: weeklyHours)
        }
    }

    public var fileName: String
    public var dialect: CSVDialect
    /// Data rows, after skipping empty records and, with `idColumn`/`series`, other series.
    public var rowCount: Int
    public var columns: [Column]
    public var time: Time?
    public var warnings: [CSVWarning]

    /// Reads the whole file, keeping every column, and summarises it.
    public static func inspect(_ source: CSVSource, options: CSVReadOptions = CSVReadOptions()) throws(CSVReadError) -> TableInspection {
        try inspect(source, options: options, acrossSeries: false)
    }

    /// With `acrossSeries`, the file holds several series whose timestamps repeat: every row is
    /// summarised, and the time column describes the calendar of their distinct timestamps.
    package static func inspect(_ source: CSVSource, options: CSVReadOptions, acrossSeries: Bool) throws(CSVReadError) -> TableInspection {
        try options.validate()
        var timeIndex: Int? = nil
        var splitDate: SplitDateColumns? = nil
        // The columns that date the rows: one, or a year and a month or quarter read together.
        var timeIndices: [Int] = []
        var hint: CSVReadError.Remedy? = nil
        var unreadDates: CSVWarning? = nil
        var table = try CSVTableReader.read(
            source, delimiter: options.delimiter, decimalSeparator: options.decimalSeparator,
            thousandsSeparator: options.thousandsSeparator
        ) { context throws(CSVReadError) in
            (timeIndex, splitDate, timeIndices) = try SplitDateColumns.locateTime(in: context, options: options)
            if timeIndex == nil {
                unreadDates = TimeColumn.unreadDateColumnWarning(in: context, options: options, file: source.displayName)
            }
            if options.idColumn == nil {
                hint = TimeColumn.longFormatHint(in: context, timeIndex: timeIndex, splitDate: splitDate,
                                                 missingTokens: options.missingTokens)
            }
            return CSVColumnPlan(keep: Array(context.header.indices), seriesFilter: try options.seriesFilter(in: context))
        }
        table.weighThousandsOnEveryRow(of: Array(table.header.indices.filter { !timeIndices.contains($0) }), options: options)
        var warnings: [CSVWarning] = table.dialect.detectionWarnings(file: table.fileName)
            + (splitDate?.warning(file: table.fileName).map { [$0] } ?? [])
        if table.emptyRecordsSkipped > 0 {
            warnings.append(CSVWarning("\(table.fileName): \(table.emptyRecordsSkipped) record\(table.emptyRecordsSkipped == 1 ? "" : "s") with no value skipped."))
        }

        var ordered: TimeColumn? = nil
        // The rows whose texts show how the first and last timestamps are written.
        var styleRows: (first: Int, last: Int)? = nil
        if let parsed = try TimeColumn.parse(in: table, at: timeIndex, splitDate: splitDate, format: options.dateFormat,
                                             missingTokens: options.missingTokens) {
            if acrossSeries {
                // One row per distinct timestamp, in time order.
                let stamps = parsed.timestamps
                var seen = Set<Timestamp>()
                ordered = parsed.selecting(stamps.indices.sorted { stamps[$0] < stamps[$1] }.filter { seen.insert(stamps[$0]).inserted })
                if let first = stamps.indices.min(by: { stamps[$0] < stamps[$1] }),
                   let last = stamps.indices.max(by: { stamps[$0] < stamps[$1] }) {
                    styleRows = (first, last)
                }
                warnings += parsed.warnings
            } else {
                let (result, orderWarnings) = try TimeColumn.orderRows(of: &table, time: parsed, rule: options.duplicates, longFormatHint: hint)
                warnings += orderWarnings
                ordered = result
            }
        } else if let across = DatesAcrossColumns(header: table.header) {
            // What a forecast would stop on, said as a warning: the file can still be looked at.
            warnings.append(CSVWarning(CSVReadError.datesAcrossColumns(file: table.fileName, first: across.first, last: across.last,
                                                                       count: across.count).problem + "."))
        } else if let unreadDates {
            // A column that looks like dates but is not read says why, as a forecast of the file does.
            warnings.append(unreadDates)
        } else {
            warnings.append(CSVWarning(before: "\(table.fileName): no time column found; rows are taken as numbered steps (",
                                       remedies: [.nameDateColumn], after: ")."))
        }

        // The time summary and each column's summary are independent: they run on all cores.
        let finalTable = table
        let finalTime = ordered
        let finalTimeIndex = timeIndex
        let finalTimeIndices = timeIndices
        let finalStyleRows = styleRows
        let jobCount = finalTable.columns.count + 1
        var results = [JobResult](repeating: JobResult(), count: jobCount)
        results.withUnsafeMutableBufferPointer { slots in
            guard let base = slots.baseAddress else { return }
            let output = DistinctSlots(base: base)
            DispatchQueue.concurrentPerform(iterations: jobCount) { job in
                if job == finalTable.columns.count {
                    if let finalTime, let finalTimeIndex {
                        let (summary, calendar) = summarizeTime(finalTime, texts: finalTable.columns[finalTimeIndex],
                                                                styleRows: finalStyleRows, exchange: options.exchange)
                        output.base[job].time = summary
                        // The warning a forecast of the file gives about its calendar's gaps, from the
                        // absent steps the summary counted (walking a calendar costs more than the read).
                        output.base[job].warnings = [SeriesReader.absentStepsWarning(
                            calendar, absent: summary.missingSteps, file: finalTable.fileName, column: finalTime.name)].compactMap { $0 }
                            // Across the series of a long-format file the rows follow no one calendar: each
                            // series' forecast says whether the exchange applies to it.
                            + (acrossSeries ? [] : calendar.exchangeWarnings(given: options.exchange, file: finalTable.fileName))
                    }
                } else if finalTimeIndices.contains(job) {
                    output.base[job].column = Column(name: finalTable.columns[job].name, kind: .date, missing: 0)
                } else {
                    let (column, warning) = summarize(finalTable.columns[job], in: finalTable, missingTokens: options.missingTokens)
                    output.base[job] = JobResult(column: column, warnings: warning.map { [$0] } ?? [])
                }
            }
        }
        let columns = results.compactMap(\.column)
        warnings += results.flatMap(\.warnings)
        return TableInspection(fileName: finalTable.fileName, dialect: finalTable.dialect, rowCount: finalTable.rowCount,
                               columns: columns, time: results.last?.time, warnings: warnings)
    }

    /// What one parallel job produced.
    private struct JobResult {
        var column: Column?
        var warnings: [CSVWarning] = []
        var time: Time?
    }

    /// Result slots shared by parallel jobs; safe because each job writes only its own index and the
    /// results are read after all jobs have finished.
    private struct DistinctSlots: @unchecked Sendable {
        let base: UnsafeMutablePointer<JobResult>
    }

    /// Range, frequency and calendar gaps of the (ordered) time column; `texts` is the same column
    /// as the file wrote it, so that first and last keep its style (see `DateFormat.string(from:like:)`;
    /// the years of two columns read together, whose month format has no style to keep).
    /// `exchange`, when given, is the user's choice; otherwise a trading-day series' exchange is
    /// detected.
    /// `styleRows` are the rows of the first and last timestamps when they are not the first and last
    /// rows (a long-format file summarised across its series). Also returns the rows' calendar, which
    /// the gap warning reads.
    static func summarizeTime(_ time: TimeColumn, texts: CSVColumn, styleRows: (first: Int, last: Int)? = nil,
                              exchange forced: ExchangeCalendar.Code?) -> (time: Time, calendar: RowCalendar) {
        let frequency = time.frequency
        let calendar = time.rowCalendar(at: frequency, forcedExchange: forced)
        let last = time.timestamps.count - 1
        let missingSteps = frequency == .irregular ? 0 : calendar.absentSteps
        // A date the file wrote with an offset is written on that offset, as the file has it.
        func written(_ index: Int, row: Int) -> String {
            time.format.string(from: time.timestamps[index], utcOffset: time.writtenOffsets?[index] ?? 0, like: texts.text(row))
        }
        let summary = Time(
            column: time.name, format: time.format,
            first: written(0, row: styleRows?.first ?? 0),
            last: written(last, row: styleRows?.last ?? last),
            frequency: frequency, missingSteps: missingSteps, exchange: calendar.exchange, session: calendar.session,
            weeklyHours: calendar.weeklyHours
        )
        return (summary, calendar)
    }

    /// One column's kind and numbers, and a warning when it has missing values or stray words.
    static func summarize(_ column: CSVColumn, in table: CSVTable, missingTokens: MissingTokens) -> (Column, CSVWarning?) {
        let scan = column.summarizeNumbers(format: table.dialect.numberFormat, missingTokens: missingTokens)
        let present = column.count - scan.missing
        if present == 0 {
            return (Column(name: column.name, kind: .empty, missing: scan.missing), nil)
        }
        if scan.failures == 0 {
            var summary = Column(name: column.name, kind: .numeric, missing: scan.missing)
            summary.minimum = scan.minimum
            summary.maximum = scan.maximum
            // Finite values whose sum overflows (near 1.8e308) have no mean to print, rather than "nan".
            let mean = scan.sum / Double(scan.present)
            summary.mean = mean.isFinite || !(scan.minimum.isFinite && scan.maximum.isFinite) ? mean : nil
            var sentences = scan.missing > 0
                ? ["\(table.fileName): column \"\(column.name)\" has \(scan.missing) missing value\(scan.missing == 1 ? "" : "s")."] : []
            // A value a forecast refuses (beyond ±1e100) is named here too, with its line.
            if !UsableMagnitude.admits(scan.minimum) || !UsableMagnitude.admits(scan.maximum),
               let row = column.scanNumbers(format: table.dialect.numberFormat, missingTokens: missingTokens).values
                .firstIndex(where: { $0.isFinite && !UsableMagnitude.admits($0) }) {
                sentences.append("\(table.fileName):\(table.lines[row]): column \"\(column.name)\": \(CSVReadError.shown(column.text(row))) is beyond ±1e100, so forecasts and backtests refuse the column (squared errors and sums overflow); divide it by a power of ten.")
            }
            return (summary, sentences.isEmpty ? nil : CSVWarning(sentences.joined(separator: " ")))
        }
        var looksLikeDates = false
        if case .detected(let format) = DateFormat.detect(in: column.substrings()), !format.isPlainNumber { looksLikeDates = true }
        let summary = Column(name: column.name, kind: looksLikeDates ? .date : .text, missing: scan.missing)
        // Numbers mixed with words usually mean damaged data or a missing option (a thousands separator):
        // say which value stopped the column from being numeric.
        let numbers = present - scan.failures
        let separated: Bool = {
            if case .invalid(looksSeparated: true)? = scan.firstFailure?.result { return true }
            return scan.firstFailure?.result == .infinite
        }()
        guard let (row, result) = scan.firstFailure, numbers > 0 || separated else { return (summary, nil) }
        let error = column.numberError(row: row, result: result, table: table)
        let others = scan.failures - 1
        let detail = others > 0
            ? "; \(others) more value\(others == 1 ? " is not a number" : "s are not numbers"), so the column is read as text."
            : "; the column is read as text."
        return (summary, CSVWarning(before: error.problem + (error.remedies.isEmpty ? "" : "; "), remedies: error.remedies, after: detail))
    }
}
