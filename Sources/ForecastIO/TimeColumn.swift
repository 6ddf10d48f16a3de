import ForecastData

/// A warning about the data that did not stop the reading; commands print every one on stderr.
///
/// A warning that a change of options would address keeps that change as data (`remedies`, between
/// the text `before` and `after` it), so each host words it in its own terms.
public struct CSVWarning: Hashable, Sendable, CustomStringConvertible {
    public let before: String
    public let remedies: [CSVReadError.Remedy]
    public let after: String

    /// A warning with no remedy.
    public init(_ message: String) {
        before = message
        remedies = []
        after = ""
    }

    public init(before: String, remedies: [CSVReadError.Remedy], after: String) {
        self.before = before
        self.remedies = remedies
        self.after = after
    }

    /// The warning with its remedies in words chosen by `word`.
    public func message(wording word: (CSVReadError.Remedy) -> String) -> String {
        before + remedies.map(word).joined(separator: ", or ") + after
    }

    /// The warning in the library's words.
    public var message: String { message(wording: \.description) }
    public var description: String { message }
}

/// The time column of a table: how it is found, parsed, put in order and cleared of duplicates.
struct TimeColumn: Sendable {
    /// The header name.
    let name: String
    /// The format its values were read with.
    let format: DateFormat
    /// One timestamp per row, ascending, no duplicates (after `orderRows`).
    let timestamps: [Timestamp]
    /// The offset from UTC (seconds east) each row's text was written with, 0 where it wrote none;
    /// nil when no row wrote one other than 0 (see `TimeColumn+WallClock.swift`).
    var writtenOffsets: [Int]? = nil
    /// What reading the column decided that the user should know (a day/month order chosen from
    /// the calendar), shown with the ordering warnings.
    var warnings: [CSVWarning] = []

    /// Header names that mark a time column, in priority order (`date` beats `year` in a file that
    /// has both, as the macro data does). Compared case-insensitively after trimming.
    static let recognisedNames = [
        "date", "datetime", "date_time", "timestamp", "time", "ds", "dt", "period",
        "day", "week", "month", "quarter", "year",
        // The same in the languages of the spreadsheets most often exported with `;` and decimal
        // commas: German, French, Spanish, Italian, Portuguese, Dutch.
        "datum", "zeit", "zeitpunkt", "woche", "monat", "quartal", "jahr",
        "fecha", "jour", "mois", "année", "annee", "mes", "año", "anno", "mese", "giorno", "ano",
        "maand", "jaar",
    ]

    /// Finds the time column: `dateColumn` if given; else, with a `dateFormat`, the first column
    /// (time-like names first) whose sampled values all read in it, or the first time-like one;
    /// else a column named like one (see
    /// `recognisedNames`, then any name with the word "date" in it) whose sampled values are dates
    /// (or could be, in several formats), or are dates up to a last block of values that are not (a
    /// `Total` row), so that reading it names that row; else the first column whose sampled values
    /// are dates in a non-numeric format. Plain numbers (years, `YYYYMMDD`, epoch
    /// seconds) are accepted only under a time-like name, since a column of volumes or prices could
    /// read as epoch seconds. nil when the file has no time column.
    static func locate(in context: CSVHeaderContext, options: CSVReadOptions) throws(CSVReadError) -> Int? {
        if let name = options.dateColumn { return try context.index(of: name) }
        let timeLike = timeLikeIndices(in: context)
        if let format = options.dateFormat {
            for index in timeLike + context.header.indices {
                let values = sampleValues(of: index, in: context, options: options).filter { !DateFormat.isMissingDate($0) }
                // Under another name, digits alone (`1500` read by `%Y`) are more likely amounts.
                if !timeLike.contains(index), values.allSatisfy({ $0.allSatisfy(\.isNumber) }) { continue }
                if !values.isEmpty, values.allSatisfy({ format.parse($0) != nil }) { return index }
            }
            // None reads in it: the column named like a time column is taken, so that reading it
            // names its first row that does not read; without one, the format fits no column.
            if let named = timeLike.first { return named }
            throw .invalidOption(.dateFormatReadsNoColumn(format: format.strftimePattern ?? format.description))
        }
        // What detection makes of a column's sampled values (missing values left out).
        func sampleDetection(_ index: Int) -> DateFormatDetection {
            let values = sampleValues(of: index, in: context, options: options)
            return values.isEmpty ? .none : DateFormat.detect(in: values)
        }
        // A time-like name counts unless its values are plainly not dates (a `quarter` of 1…4).
        for index in timeLike where sampleDetection(index) != .none
            || endsInNonDates(sampleValues(of: index, in: context, options: options))
            || datesBeforeWords(sampleValues(of: index, in: context, options: options)) != .none { return index }
        for index in context.header.indices {
            for detection in [sampleDetection(index), datesBeforeWords(sampleValues(of: index, in: context, options: options))] {
                if case .detected(let format) = detection, !format.isPlainNumber { return index }
            }
        }
        // Then dates that read two ways (`01.02.2024`), which reading resolves by the calendar or
        // names as ambiguous: after any column whose format is clear.
        for index in context.header.indices {
            for detection in [sampleDetection(index), datesBeforeWords(sampleValues(of: index, in: context, options: options))] {
                if case .ambiguous(let formats) = detection, !formats.contains(where: \.isPlainNumber) { return index }
            }
        }
        return nil
    }

    /// Whether `values` are dates in one format up to a last block that are not: the summary row
    /// of a spreadsheet export (`Total,20030`). Passed over, the column would leave that row to be
    /// read as the series' latest value; taken, reading it names the row. A value that is not a
    /// date between dates (a fiscal `2019-13`) does not count: such a column is passed over, with a
    /// warning (`unreadDateColumnWarning`).
    static func endsInNonDates(_ values: [Substring]) -> Bool {
        guard let format = DateFormat.mostlyReadBy(values, share: 0.5),
              let first = format.firstUnreadableIndex(in: values) else { return false }
        return values[first...].allSatisfy { DateFormat.isMissingDate($0) || format.parse($0) == nil }
    }

    /// What detection makes of `values` without a last block of words (`Total`, `Summe`, `Average`:
    /// no digit in them), when there is such a block and at least 3 values before it: dates of any
    /// format, years and epoch times included, that end in a spreadsheet's summary rows. `.none`
    /// otherwise. A column so found is taken, and reading it names the first summary row.
    static func datesBeforeWords(_ values: [Substring]) -> DateFormatDetection {
        let words = trailingWords(values)
        guard words > 0, values.count - words >= 3 else { return .none }
        return DateFormat.detect(in: values.dropLast(words))
    }

    /// How many values at the end of `values` are words: no digit, and not a missing date.
    static func trailingWords(_ values: [Substring]) -> Int {
        values.reversed().prefix { value in !value.contains(where: \.isNumber) && !DateFormat.isMissingDate(value) }.count
    }

    /// Headers of a column that dates rows within a year (a month, a quarter, a week), in the
    /// languages of `recognisedNames`. Months and quarters are read with the years
    /// (`YearPeriodColumns`); weeks are not, since years number them in more than one way.
    static let periodWithinYearNames: Set<String> = YearPeriodColumns.Unit.month.headerNames
        .union(YearPeriodColumns.Unit.quarter.headerNames)
        .union(["week", "woche", "semaine", "semana", "settimana"])

    /// The header positions whose names say time: a recognised name, or one with the word "date".
    static func timeLikeIndices(in context: CSVHeaderContext) -> [Int] {
        let folded = context.header.map { $0.lowercased() }
        return recognisedNames.compactMap { folded.firstIndex(of: $0) }
            + folded.indices.filter { folded[$0].split(whereSeparator: { !$0.isLetter }).contains("date") }
    }

    /// The sampled values of the column at `index`, missing values left out.
    static func sampleValues(of index: Int, in context: CSVHeaderContext, options: CSVReadOptions) -> [Substring] {
        context.sample.compactMap { $0.indices.contains(index) ? Substring($0[index]) : nil }
            .filter { !options.missingTokens.isMissing(String($0)) }
    }

    /// A warning for a file read without a time column whose time-like column (by name) is at least
    /// half dates in one format, but not all: a fiscal `2019-13`, a `2021-02-30`, a `Total` row. The
    /// column is not taken (the file still reads, without a calendar), but it is not passed over in
    /// silence either; nor is such a column written like dates (`2024-1-1`) that no known format
    /// reads. nil when no such column is found.
    static func unreadDateColumnWarning(in context: CSVHeaderContext, options: CSVReadOptions, file: String) -> CSVWarning? {
        for index in timeLikeIndices(in: context) {
            let values = sampleValues(of: index, in: context, options: options)
            guard let format = DateFormat.mostlyReadBy(values, share: 0.5),
                  let bad = format.firstUnreadableIndex(in: values) else { continue }
            return CSVWarning(
                before: "\(file): column \"\(context.header[index])\" looks like dates in the format \(format.description), but \"\(values[bad])\" is not one, so the series is read without dates (no calendar, no season from them); ",
                remedies: [.nameDateColumn], after: " to have every bad row named.")
        }
        // Named for dates and written like them (`2024-1-1`, `15.01.2024 00:00 CET`), in no format known.
        for index in timeLikeIndices(in: context) {
            let values = sampleValues(of: index, in: context, options: options)
            guard let first = values.first, first.contains(where: \.isNumber), first.contains(where: { "-/.:".contains($0) }),
                  DateFormat.mostlyReadBy(values, share: 0.5) == nil else { continue }
            return CSVWarning(
                before: "\(file): column \"\(context.header[index])\" is named and written like dates, but no known date format reads \"\(first)\", so the series is read without dates (no calendar, no season from them); ",
                remedies: [.giveDateFormat], after: ".")
        }
        return nil
    }

    /// The time column of `table`: the column at header position `index` parsed by
    /// `parse(_:table:format:missingTokens:)`, or the two columns of `splitDate` read together;
    /// nil when the table has no time column.
    static func parse(in table: CSVTable, at index: Int?, splitDate: SplitDateColumns?, format: DateFormat?,
                      missingTokens: MissingTokens) throws(CSVReadError) -> TimeColumn? {
        if let splitDate { return try splitDate.parse(table, missingTokens: missingTokens) }
        guard let index, let column = table.columns.first(where: { $0.fileIndex == index }) else { return nil }
        return try parse(column, table: table, format: format, missingTokens: missingTokens)
    }

    /// Parses every row of `column` with the given format, or the one detected from the whole column.
    ///
    /// Detection first looks at up to 1,000 values spread over the column, then every value must
    /// parse with the format found; if one does not, or the sample cannot decide, the whole column
    /// goes through `DateFormat.detect`. Either way the format read every value, which is what
    /// detecting "from the whole column" means, at about half the cost for large files.
    static func parse(_ column: CSVColumn, table: CSVTable, format given: DateFormat?,
                      missingTokens: MissingTokens) throws(CSVReadError) -> TimeColumn {
        var time = try parseValues(column, table: table, format: given, missingTokens: missingTokens)
        // Day numbers, read as spreadsheets count them, are said with the first date they give.
        if given == nil, time.format == .spreadsheetSerial, let first = time.timestamps.first {
            time.warnings.append(CSVWarning(
                "\(table.fileName): column \"\(column.name)\" holds day numbers, read as a spreadsheet's days since 1899-12-30 (\"\(column.text(0))\" is \(DateFormat.isoDate.string(from: first))); format the column as dates before saving if they are something else."))
        }
        // A century guessed without being asked for is said (a pattern with `%y` asked for it).
        if given == nil, time.format.hasTwoDigitYear, let first = time.timestamps.first {
            let range = DateFormat.twoDigitYears
            time.warnings.append(CSVWarning(
                "\(table.fileName): column \"\(column.name)\" writes years with two digits, read as \(range.lowerBound)–\(range.upperBound) as spreadsheets read them (\"\(column.text(0))\" is \(DateFormat.isoDate.string(from: first))); save the file with four-digit years if its dates reach back before \(range.lowerBound)."))
        }
        return time
    }

    /// `parse(_:table:format:missingTokens:)` without its warnings about guessed dates (day numbers,
    /// two-digit years).
    private static func parseValues(_ column: CSVColumn, table: CSVTable, format given: DateFormat?,
                                    missingTokens: MissingTokens) throws(CSVReadError) -> TimeColumn {
        let file = table.fileName
        // A missing date cannot be placed in time.
        var missingRow: Int? = nil
        column.forEachField { row, bytes in
            if missingRow == nil, missingTokens.isMissing(bytes) { missingRow = row }
        }
        if let missingRow { throw .missingDate(file: file, line: table.lines[missingRow], column: column.name) }

        if let given {
            switch parseAll(column, format: given) {
            case .success(let dates):
                return TimeColumn(name: column.name, format: given, timestamps: dates.timestamps, writtenOffsets: dates.offsets)
            case .failure(let failure):
                throw .invalidDate(file: file, line: table.lines[failure.row], column: column.name,
                                   value: column.text(failure.row), format: given.description)
            }
        }
        let stride = max(1, column.count / 1000)
        let sample = Swift.stride(from: 0, to: column.count, by: stride).map { Substring(column.text($0)) }
        if case .detected(let format) = DateFormat.detect(in: sample),
           case .success(let dates) = parseAll(column, format: format) {
            return TimeColumn(name: column.name, format: format, timestamps: dates.timestamps, writtenOffsets: dates.offsets)
        }
        let values = column.substrings()
        switch DateFormat.detect(in: values) {
        case .detected(let format):
            switch parseAll(column, format: format) {
            case .success(let dates):
                return TimeColumn(name: column.name, format: format, timestamps: dates.timestamps, writtenOffsets: dates.offsets)
            case .failure(let failure):
                throw .invalidDate(file: file, line: table.lines[failure.row], column: column.name,
                                   value: column.text(failure.row), format: format.description)
            }
        case .ambiguous(let candidates):
            if let resolved = resolveByCalendar(column, candidates: candidates, file: file) { return resolved }
            throw .ambiguousDateFormat(file: file, column: column.name, candidates: candidates.map { $0.strftimePattern ?? $0.description })
        case .none:
            // Dates, then a spreadsheet's summary rows: the first of those is the one to remove.
            let before: DateFormat?
            switch datesBeforeWords(values) {
            case .detected(let format): before = format
            case .ambiguous(let formats): before = formats.first
            case .none: before = nil
            }
            if let before {
                let row = values.count - trailingWords(values)
                throw .invalidDate(file: file, line: table.lines[row], column: column.name,
                                   value: column.text(row), format: before.description)
            }
            // Half dates or more: the first value the best format cannot read is the one to fix.
            if let format = DateFormat.mostlyReadBy(values, share: 0.5), let row = format.firstUnreadableIndex(in: values) {
                throw .invalidDate(file: file, line: table.lines[row], column: column.name,
                                   value: column.text(row), format: format.description)
            }
            throw .unknownDateFormat(file: file, column: column.name, example: values.first.map(String.init) ?? "")
        }
    }

    /// Day-first or month-first (or year-first, for two-digit years), when every value reads
    /// several ways: the reading whose dates fall on a regular calendar, when only one does (monthly data on the 1st reads month-first as months,
    /// day-first as days scattered over each year). nil when the calendar cannot tell them apart.
    ///
    /// A reading wins when its frequency is regular and the other's is not, or when the other's
    /// calendar has more than ten times as many absent steps (and at least 10 more).
    static func resolveByCalendar(_ column: CSVColumn, candidates: [DateFormat], file: String) -> TimeColumn? {
        let readings = candidates.compactMap { format -> (format: DateFormat, dates: ParsedDates, frequency: Frequency, absent: Int)? in
            guard case .success(let dates) = parseAll(column, format: format) else { return nil }
            // Distinct timestamps: a long-format file repeats each one once per series.
            let sorted = Array(Set(dates.timestamps)).sorted()
            let frequency = Frequency.infer(from: sorted)
            return (format, dates, frequency, frequency == .irregular ? Int.max : frequency.missingSteps(in: sorted))
        }.sorted { $0.absent < $1.absent }
        guard readings.count >= 2, readings[0].frequency != .irregular else { return nil }
        let (best, other) = (readings[0], readings[1])
        guard other.frequency == .irregular || (other.absent > 10 * best.absent && other.absent >= best.absent + 10) else { return nil }
        let otherCalendar = other.frequency == .irregular
            ? "an irregular calendar" : "calendar \(other.frequency), \(other.absent) steps absent"
        let warning = CSVWarning(
            before: "\(file): column \"\(column.name)\" reads as \(best.format.description) (calendar \(best.frequency)) or as \(other.format.description) (\(otherCalendar)); the first was chosen; ",
            remedies: [.confirmDateFormat(chosen: best.format.strftimePattern ?? best.format.description,
                                          other: other.format.strftimePattern ?? other.format.description)], after: ".")
        return TimeColumn(name: column.name, format: best.format, timestamps: best.dates.timestamps,
                          writtenOffsets: best.dates.offsets, warnings: [warning])
    }

    /// The row of a value a format cannot read.
    struct UnreadableDate: Error {
        var row: Int
    }

    /// The values of a column read with one format.
    struct ParsedDates {
        var timestamps: [Timestamp] = []
        /// As `TimeColumn.writtenOffsets`: allocated at the first offset other than 0.
        var offsets: [Int]? = nil
    }

    /// Every value parsed with `format`, or the first row it cannot read.
    static func parseAll(_ column: CSVColumn, format: DateFormat) -> Result<ParsedDates, UnreadableDate> {
        var dates = ParsedDates()
        dates.timestamps.reserveCapacity(column.count)
        var failedRow: Int? = nil
        column.forEachField { row, bytes in
            guard failedRow == nil else { return }
            var offset: Int? = nil
            if let timestamp = format.parse(utf8: bytes.assumingMemoryBound(to: UInt8.self), writtenOffset: &offset) {
                dates.timestamps.append(timestamp)
                if let offset, offset != 0, dates.offsets == nil {
                    dates.offsets = [Int](repeating: 0, count: row)
                    dates.offsets?.reserveCapacity(column.count)
                }
                dates.offsets?.append(offset ?? 0)
            } else {
                failedRow = row
            }
        }
        if let failedRow { return .failure(UnreadableDate(row: failedRow)) }
        return .success(dates)
    }

    /// Puts the rows of `table` in time order and applies the duplicate rule, returning the time
    /// column for the reordered table and the warnings to show.
    ///
    /// Sorting is stable, so among equal timestamps file order is kept and `first`/`last` mean first
    /// and last in the file. Complexity: O(n) when already sorted, O(n log n) otherwise.
    static func orderRows(of table: inout CSVTable, time: TimeColumn, rule: DuplicateTimestampRule,
                          longFormatHint: CSVReadError.Remedy?) throws(CSVReadError) -> (TimeColumn, [CSVWarning]) {
        var warnings: [CSVWarning] = time.warnings
        let stamps = time.timestamps
        var order = Array(stamps.indices)
        var sorted = true
        var firstOutOfOrder = 0
        for row in stamps.indices.dropFirst() where stamps[row] < stamps[row - 1] {
            sorted = false
            firstOutOfOrder = row
            break
        }
        if !sorted {
            order.sort { stamps[$0] < stamps[$1] || (stamps[$0] == stamps[$1] && $0 < $1) }
            warnings.append(CSVWarning("\(table.fileName):\(table.lines[firstOutOfOrder]): rows are not in time order; they were sorted by \"\(time.name)\"."))
        }
        var kept: [Int] = []
        kept.reserveCapacity(order.count)
        var duplicates = 0
        for row in order {
            if let previous = kept.last, stamps[previous] == stamps[row] {
                switch rule {
                case .error:
                    throw .duplicateTimestamp(file: table.fileName, timestamp: time.format.string(from: stamps[row]),
                                              firstLine: table.lines[previous], secondLine: table.lines[row],
                                              longFormat: longFormatHint)
                case .first:
                    break
                case .last:
                    kept[kept.count - 1] = row
                }
                duplicates += 1
            } else {
                kept.append(row)
            }
        }
        if duplicates > 0 {
            warnings.append(CSVWarning("\(table.fileName): \(duplicates) row\(duplicates == 1 ? "" : "s") with a repeated timestamp \(duplicates == 1 ? "was" : "were") dropped, keeping the \(rule.rawValue) of each."))
        }
        if !sorted || duplicates > 0 {
            table.reorderRows(kept)
            return (time.selecting(kept), warnings)
        }
        return (time, warnings)
    }

    /// For a duplicate-timestamp message: if some other column of the sampled rows holds words
    /// (not numbers) from a small set, the file is probably long format (one row per series and
    /// date), and `idColumn`/`series` are the way to read it. `splitDate`, when the rows are dated
    /// by two columns together, holds the second, whose month names are no ids.
    static func longFormatHint(in context: CSVHeaderContext, timeIndex: Int?, splitDate: SplitDateColumns? = nil,
                               missingTokens: MissingTokens) -> CSVReadError.Remedy? {
        // Years beside a month, quarter or week column not read with them (a date column or format
        // was given, or weeks): the rows are dated by the two together.
        if splitDate == nil, let timeIndex,
           case .detected(.year) = DateFormat.detect(in: sampleValues(of: timeIndex, in: context, options: CSVReadOptions())),
           let part = context.header.indices.first(where: { Self.periodWithinYearNames.contains(context.header[$0].lowercased()) }) {
            let (first, second) = (context.header[timeIndex], context.header[part])
            // With a day column too, reading the two together would date days as months.
            return YearPeriodColumns.Unit(header: second) != nil && !YearPeriodColumns.hasDayColumn(context.header)
                ? .readDateColumnsTogether(first: first, second: second) : .combineDateColumns(first: first, second: second)
        }
        for index in context.header.indices where index != timeIndex && index != splitDate?.second {
            var distinct: [String] = []
            var allWords = true
            for record in context.sample where record.indices.contains(index) {
                let text = record[index]
                if missingTokens.isMissing(text) { continue }
                if case .invalid = NumberParsing.parse(text, format: context.dialect.numberFormat) {} else {
                    allWords = false
                    break
                }
                if !distinct.contains(text) { distinct.append(text) }
                if distinct.count > 50 { break }
            }
            if allWords, distinct.count <= 50, let first = distinct.first {
                return .pickSeries(idColumn: context.header[index], series: first)
            }
        }
        return nil
    }
}

extension DateFormat {
    /// Formats whose values are bare numbers, which only a time-like column name makes dates.
    var isPlainNumber: Bool {
        switch self {
        case .year, .compactDate, .epochSeconds, .epochMilliseconds, .spreadsheetSerial: true
        default: false
        }
    }
}
