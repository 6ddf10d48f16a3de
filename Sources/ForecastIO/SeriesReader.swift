import ForecastData

/// The series a command asked for, aligned row by row, with what the reader had to say about them.
public struct CSVSeriesData: Sendable {
    /// The target column.
    public var target: TimeSeries
    /// The observed feature columns, in the order they were asked for, aligned with `target`.
    public var features: [TimeSeries]
    /// The known-in-advance feature columns over the same rows, in the order they were asked for.
    public var knownFeatures: [TimeSeries] = []
    /// The rows after the last target value, with the known-in-advance values of the steps to
    /// forecast; nil when no known-in-advance column was asked for or the file has no such rows.
    public var future: FutureRows?
    /// The static columns of a long-format series (one value per series, e.g. a store's size), in
    /// the order they were asked for, and the value each holds; empty elsewhere.
    public var staticNames: [String] = []
    public var staticValues: [Double] = []
    /// The time column, when the file has one; `Year and Month` when the rows are dated by a year
    /// column and a month (or quarter) column together.
    public var timeColumn: String?
    /// The physical line of each kept row (1 = header line).
    public var lines: [Int]
    /// What the missing-value policy did, per used column (the target first).
    public var missingValues: [(column: String, report: MissingValueReport)]
    /// Everything worth telling the user: sorting, duplicates, missing values.
    public var warnings: [CSVWarning]
}

extension CSVSeriesData {
    /// Throws `CSVReadError.constantFeature` for a feature column holding one value on every row of
    /// the history: it tells a model of this series nothing and would be scaled by zero.
    public func checkFeaturesVary(file: String) throws(CSVReadError) {
        for feature in features + knownFeatures {
            if feature.count > 1, let first = feature.values.first, feature.values.allSatisfy({ $0 == first }) {
                throw .constantFeature(file: file, column: feature.name, value: first)
            }
        }
    }
}

/// Reads a CSV file into series: what `forecast`, `backtest` and `train` call.
///
/// Only the time column, the target, the features and the id column are kept in memory. The
/// missing-value policy is applied across the used columns together so they stay aligned: `drop`
/// removes a row missing in any of them; `ffill` and `linear` fill each column, and a row that some
/// column cannot fill (a leading gap, or a trailing gap under `linear`) is removed from all.
public enum SeriesReader {
    /// A warning when more than a tenth of the calendar's steps (and at least 10) have no row: a
    /// sign of dates read in the wrong order, or of a series that is not on that calendar, which
    /// would be forecast as if the gaps were not there. An exchange's holidays are not absent steps.
    /// Intraday bars with a session count only the session's bars: nights, weekends and the
    /// exchange's holidays are not absent steps (`RowCalendar.absentSteps`), nor are the weekends
    /// of bars with weekly hours. Rows read as irregular get `irregularWarning` instead. `absent`
    /// is the calendar's count where it was already made (`tsf inspect` counts them for its summary).
    static func absentStepsWarning(_ calendar: RowCalendar, absent counted: Int? = nil, file: String, column: String) -> CSVWarning? {
        let (timestamps, frequency) = (calendar.timestamps, calendar.frequency)
        guard frequency != .irregular else { return irregularWarning(timestamps, file: file, column: column) }
        let absent = counted ?? calendar.absentSteps
        guard absent >= 10, absent * 10 > timestamps.count + absent else { return nil }
        if calendar.session == nil, calendar.weeklyHours == nil, let closed = frequency.closedWeekdays(in: timestamps) {
            let names = closed.map { Frequency.weekdayNames[$0 - 1] + "s" }.joined(separator: " and ")
            return CSVWarning("\(file): column \"\(column)\" has no row on \(names) (\(absent) days): its rows are read one after another, so its weekly season of 7 rows spans more than a week, and forecast dates include \(names); if the series is 0 on those days, give them rows.")
        }
        let calendarSteps = calendar.session.map { "bars of its \($0) sessions (\(frequency))" }
            ?? calendar.weeklyHours.map { "bars of its weekly hours (\($0), \(frequency))" }
            ?? "steps of its \(frequency) calendar"
        return CSVWarning("\(file): column \"\(column)\" leaves \(absent) of the \(timestamps.count + absent) \(calendarSteps) without a row, and the gaps are forecast as if they were not there; if the rows should follow one another, check the date format.")
    }

    /// The row whose date shows the file's style best, of the last 48 of `rows`: the one with the
    /// most days, months or hours that show whether the file pads them (`5` or `05`, where `12/15`
    /// and `11:00 PM` show nothing), the latest on a tie; nil without rows. Forecasts are written
    /// like it (`TimeSeries.dateSample`).
    static func styleSampleRow(of rows: [Int], in column: CSVColumn) -> Int? {
        // The latest row wins a tie: `max` keeps the first of equals, and the rows run backwards.
        rows.suffix(48).reversed().map { (row: $0, shown: paddingShown(in: Array(column.text($0).utf8))) }
            .max { $0.shown < $1.shown }?.row
    }

    /// How many runs of digits in a date text show padding: one digit (`5`), or two that start
    /// with `0` (`05`); runs after `:` (minutes, seconds) are not counted.
    static func paddingShown(in bytes: [UInt8]) -> Int {
        func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
        var shown = 0
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]) else { index += 1; continue }
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard start == 0 || bytes[start - 1] != UInt8(ascii: ":") else { continue }
            if index - start == 1 || (index - start == 2 && bytes[start] == UInt8(ascii: "0")) { shown += 1 }
        }
        return shown
    }

    /// For rows read as irregular whose steps are mostly of one length (`Frequency.nearlyRegular`):
    /// a warning that says so, since their forecasts are numbered steps rather than dates.
    static func irregularWarning(_ timestamps: [Timestamp], file: String, column: String) -> CSVWarning? {
        guard let (frequency, share) = Frequency.nearlyRegular(in: timestamps) else { return nil }
        let percent = Int((share * 100).rounded(.down))
        return CSVWarning("\(file): column \"\(column)\" is read as irregular: \(percent) % of its steps are \(frequency.oneStep), fewer than the \(Int(Frequency.regularStepShare * 100)) % a calendar needs, so forecasts are numbered steps, not dates; give the missing rows (empty values are filled) to date them.")
    }

    public static func read(
        _ source: CSVSource,
        target: String,
        features: [String] = [],
        knownFeatures: [String] = [],
        options: CSVReadOptions = CSVReadOptions()
    ) throws(CSVReadError) -> CSVSeriesData {
        try options.validate()
        var timeIndex: Int? = nil
        var splitDate: SplitDateColumns? = nil
        var unreadDates: CSVWarning? = nil
        var hint: CSVReadError.Remedy? = nil
        var valueIndices: [Int] = []
        var table = try CSVTableReader.read(
            source, delimiter: options.delimiter, decimalSeparator: options.decimalSeparator,
            thousandsSeparator: options.thousandsSeparator
        ) { context throws(CSVReadError) in
            let columns = try SeriesColumns.locate(in: context, options: options, idColumn: nil, target: target,
                                                   features: features + knownFeatures)
            timeIndex = columns.time
            splitDate = columns.splitDate
            valueIndices = columns.values
            if columns.time == nil {
                unreadDates = TimeColumn.unreadDateColumnWarning(in: context, options: options, file: source.displayName)
            }
            if options.idColumn == nil {
                hint = TimeColumn.longFormatHint(in: context, timeIndex: columns.time, splitDate: columns.splitDate,
                                                 missingTokens: options.missingTokens)
            }
            return CSVColumnPlan(keep: columns.keep, seriesFilter: try options.seriesFilter(in: context))
        }
        table.weighThousandsOnEveryRow(of: valueIndices, options: options)
        var warnings: [CSVWarning] = table.dialect.detectionWarnings(file: table.fileName) + (unreadDates.map { [$0] } ?? [])
            + (splitDate?.warning(file: table.fileName).map { [$0] } ?? [])
        if table.emptyRecordsSkipped > 0 {
            warnings.append(CSVWarning("\(table.fileName): \(table.emptyRecordsSkipped) record\(table.emptyRecordsSkipped == 1 ? "" : "s") with no value skipped."))
        }

        var time: TimeColumn? = nil
        if let parsed = try TimeColumn.parse(in: table, at: timeIndex, splitDate: splitDate, format: options.dateFormat,
                                             missingTokens: options.missingTokens) {
            let (ordered, orderWarnings) = try TimeColumn.orderRows(
                of: &table, time: parsed, rule: options.duplicates,
                longFormatHint: hint)
            time = ordered
            warnings += orderWarnings
        }
        let data = try assemble(table: table, time: time, valueIndices: valueIndices, knownCount: knownFeatures.count,
                                options: options, warnings: warnings)
        try data.checkFeaturesVary(file: table.fileName)
        return data
    }

    /// The series of a table whose rows are in time order: numbers read, the missing-value policy
    /// applied across the used columns, the frequency inferred. Shared with the long-format reader,
    /// which calls it once per series.
    ///
    /// The last `knownCount` value columns are known in advance: rows after the last target value
    /// are then future rows, which must hold every known value and continue the calendar.
    static func assemble(
        table: CSVTable, time: TimeColumn?, valueIndices: [Int], knownCount: Int = 0, options: CSVReadOptions,
        warnings: [CSVWarning]
    ) throws(CSVReadError) -> CSVSeriesData {
        var warnings = warnings
        // Values of every used column, in the order asked for.
        let usedCount = valueIndices.count
        var rawValues: [[Double]] = []
        var realNames: [String] = []
        for index in valueIndices {
            guard let used = table.columns.first(where: { $0.fileIndex == index }) else {
                preconditionFailure("the column plan keeps every value column")
            }
            let (values, _) = try used.numbers(in: table, missingTokens: options.missingTokens)
            rawValues.append(values)
            realNames.append(used.name)
        }

        // Rows after the last target value hold the future of the known-in-advance columns.
        var rowCount = table.rowCount
        var futureRows: Range<Int> = rowCount..<rowCount
        var futureValues: [[Double]] = []
        if knownCount > 0 {
            guard let last = rawValues[0].lastIndex(where: { !$0.isNaN }) else {
                if table.rowCount == 0 { throw .noDataRows(file: table.fileName) }
                if options.missingPolicy == .error {
                    throw .missingValue(file: table.fileName, line: table.lines[0], column: realNames[0])
                }
                throw .noValues(file: table.fileName, column: realNames[0], rows: table.rowCount)
            }
            futureRows = (last + 1)..<rowCount
            for row in futureRows {
                for position in (usedCount - knownCount)..<usedCount where rawValues[position][row].isNaN {
                    throw .missingFutureValue(file: table.fileName, line: table.lines[row], column: realNames[position])
                }
            }
            futureValues = ((usedCount - knownCount)..<usedCount).map { position in futureRows.map { rawValues[position][$0] } }
            rowCount = last + 1
            rawValues = rawValues.map { Array($0[..<rowCount]) }
        }

        // A column missing on every row says so, before a policy drops every row for it (under the
        // `error` policy its first missing row is the error, as for any gap).
        if rowCount > 0, options.missingPolicy != .error, let empty = rawValues.firstIndex(where: { $0.allSatisfy(\.isNaN) }) {
            throw .noValues(file: table.fileName, column: realNames[empty], rows: rowCount)
        }
        // The missing-value policy, across columns.
        var filled: [[Double]] = []
        var reports: [(column: String, report: MissingValueReport)] = []
        var rowUsable = [Bool](repeating: true, count: rowCount)
        for (position, values) in rawValues.enumerated() {
            let name = realNames[position]
            let result: MissingValueResult
            do {
                result = try options.missingPolicy.apply(to: values)
            } catch {
                throw .missingValue(file: table.fileName, line: table.lines[error.index], column: name)
            }
            var full = [Double](repeating: .nan, count: rowCount)
            for (k, row) in result.keptIndices.enumerated() { full[row] = result.values[k] }
            for row in 0..<rowCount where full[row].isNaN { rowUsable[row] = false }
            filled.append(full)
            reports.append((name, result.report))
            if result.report.missing > 0 {
                warnings.append(CSVWarning(describe(result.report, column: name, policy: options.missingPolicy, file: table.fileName)))
            }
        }
        let keptRows = (0..<rowCount).filter { rowUsable[$0] }
        if keptRows.isEmpty { throw .noDataRows(file: table.fileName) }

        let keptTime = time?.selecting(keptRows)
        let timestamps = keptTime?.timestamps
        let frequency = keptTime?.frequency ?? .irregular
        // Weekdays, holidays, sessions and gaps on the dates the file wrote.
        let calendar = keptTime?.rowCalendar(at: frequency, forcedExchange: options.exchange)
        if let calendar, let warning = Self.absentStepsWarning(calendar, file: table.fileName, column: time?.name ?? "") {
            warnings.append(warning)
        }
        warnings += calendar?.exchangeWarnings(given: options.exchange, file: table.fileName) ?? []
        let timeTexts = time.flatMap { time in table.columns.first { $0.name == time.name } }
        func series(_ position: Int) -> TimeSeries {
            var made = TimeSeries(name: realNames[position], timestamps: timestamps,
                                  values: keptRows.map { filled[position][$0] }, frequency: frequency, dateFormat: time?.format,
                                  exchange: calendar?.exchange.map(ExchangeCalendar.init), utcOffset: keptTime?.lastOffset ?? 0)
            made.dateSample = timeTexts.flatMap { column in Self.styleSampleRow(of: keptRows, in: column).map { column.text($0) } }
            made.session = calendar?.session
            made.weeklyHours = calendar?.weeklyHours
            return made
        }
        let observedCount = usedCount - 1 - knownCount
        var data = CSVSeriesData(
            target: series(0),
            features: (1..<(1 + observedCount)).map(series),
            timeColumn: time?.name,
            lines: keptRows.map { table.lines[$0] },
            missingValues: reports,
            warnings: warnings
        )
        if knownCount > 0 {
            data.knownFeatures = ((1 + observedCount)..<usedCount).map(series)
            if !futureRows.isEmpty {
                let future = FutureRows(
                    file: table.fileName, timestamps: time.map { column in futureRows.map { column.timestamps[$0] } },
                    values: futureValues,
                    lines: futureRows.map { table.lines[$0] })
                try future.checkContinues(data.target, timeColumn: time?.name ?? "")
                data.future = future
            }
        }
        return data
    }

    /// One sentence about what a policy did to a column.
    static func describe(_ report: MissingValueReport, column: String, policy: MissingValuePolicy, file: String) -> String {
        var parts: [String] = []
        if report.filled > 0 {
            parts.append("\(report.filled) filled (\(policy == .linear ? "linear interpolation" : "last value carried forward"))")
        }
        if report.dropped > 0 { parts.append("\(report.dropped) row\(report.dropped == 1 ? "" : "s") dropped") }
        return "\(file): column \"\(column)\" has \(report.missing) missing value\(report.missing == 1 ? "" : "s"): " + parts.joined(separator: ", ") + "."
    }
}
