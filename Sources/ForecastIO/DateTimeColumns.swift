import ForecastData

/// A column of dates and, beside it, a column of the time of day (`Date,Time,Open,…` with
/// `01/02/2024,09:30`), as intraday bars are often exported: the rows are dated by the two together,
/// so they are read as one time column, and forecasts are written as one date and time
/// (`01/02/2024 09:35`).
///
/// Found only when no date column was given (or one was, with a date format for days and times
/// together), when the time column found holds days (no time of its own; a date format given must
/// read days alone, or days and times with its part before the time reading the days, as
/// `%d/%m/%Y %H:%M:%S` does), and when a column named for the time of day holds `HH:MM`,
/// `HH:MM:SS` or a fraction of seconds on at least 90 % of the sampled rows.
struct DateTimeColumns: Sendable, Equatable {
    /// Header position and name of the days.
    let date: Int
    let dateName: String
    /// Header position and name of the times of day.
    let time: Int
    let timeName: String
    /// The days' format when one was given; detected otherwise.
    let dateFormat: DateFormat?
    /// The format given for days and times together, which forecasts are then written in.
    var givenDateTimeFormat: DateFormat? = nil

    /// Headers of a time-of-day column, in the languages of `TimeColumn.recognisedNames`, lower case.
    static let timeHeaderNames: Set<String> = ["time", "zeit", "uhrzeit", "heure", "hora", "ora", "tijd", "<time>", "hour", "stunde"]

    /// The two columns of `context` when the time column found, `date`, holds days and another
    /// column named for the time of day holds times on every sampled row; nil otherwise.
    static func locate(in context: CSVHeaderContext, date: Int?, options: CSVReadOptions) -> DateTimeColumns? {
        // A date column the user named is read with the times beside it, unless a format for the
        // days alone was given with it (`--date-column Date --date-format %d/%m/%Y`: the days alone).
        let combined = options.dateFormat.flatMap { $0.holdsDaysOnly ? nil : $0 }
        guard options.dateColumn == nil || combined != nil || options.dateFormat == nil, let date else { return nil }
        // Its time of day must be one a time column holds (`%H:%M:%S`), as forecasts are written in it.
        if let combined, !combined.writesClockTimes { return nil }
        let days = TimeColumn.sampleValues(of: date, in: context, options: options)
        // A format given for the days (`%m/%d/%Y` where they read both ways) keeps the times; one
        // given for days and times together reads the days with its part before the time.
        let givenDays = options.dateFormat.flatMap { $0.holdsDaysOnly ? $0 : $0.daysPart }
        if let given = options.dateFormat {
            // Days the combined format reads neither way are read with its days part, so that the
            // error names the part that fails (`%d/%m/%Y`) rather than a time the column never held.
            guard let givenDays, days.allSatisfy({ givenDays.parse($0) != nil })
                    || (combined != nil && !days.allSatisfy({ given.parse($0) != nil })) else { return nil }
        } else {
            // Days written with a time of midnight (`2024-01-01T00:00:00`) are days too.
            let midnight = days.allSatisfy { Self.clockTimes(in: $0) == [0] }
            switch DateFormat.detect(in: days) {
            case .detected(let format): guard format.holdsDaysOnly || midnight else { return nil }
            case .ambiguous(let formats): guard formats.allSatisfy(\.holdsDaysOnly) || midnight else { return nil }
            case .none: return nil
            }
        }
        // A date column with times of its own (`01/01/2024 09:00:00`) dates the rows alone: the
        // column beside it repeats them.
        guard days.allSatisfy({ Self.clockTimes(in: $0).allSatisfy { $0 == 0 } }) else { return nil }
        guard let time = context.header.indices.first(where: { $0 != date && timeHeaderNames.contains(context.header[$0].lowercased()) }) else {
            return nil
        }
        let times = TimeColumn.sampleValues(of: time, in: context, options: options)
        // Mostly times: reading then names a value that is none, rather than leaving the days to repeat.
        guard !times.isEmpty, 10 * times.count(where: { Self.secondOfDay($0) != nil }) >= 9 * times.count else { return nil }
        // A format for days and times: its days part read the days, the times are read as times
        // (with or without the seconds it names), and forecasts are written in it.
        return DateTimeColumns(date: date, dateName: context.header[date], time: time, timeName: context.header[time],
                               dateFormat: givenDays, givenDateTimeFormat: combined)
    }

    /// Both columns' header positions.
    var indices: [Int] { [date, time] }

    /// The name of the time column the two make, for messages: `Date and Time`.
    var name: String { "\(dateName) and \(timeName)" }

    /// What a reader tells about a file read so.
    func warning(file: String) -> CSVWarning? {
        // A format given for days and times together says the user reads them so already.
        guard givenDateTimeFormat == nil else { return nil }
        return CSVWarning("\(file): rows are dated by \"\(dateName)\" and \"\(timeName)\" together, read as one column of dates and times.")
    }

    /// `HH:MM`, `H:MM`, `HH:MM:SS` or `HH:MM:SS.fff` (or `,fff`) as seconds after midnight (below 24 hours),
    /// also with `AM` or `PM` after it (hours 1 to 12); nil for anything else.
    static func secondOfDay<Text: StringProtocol>(_ text: Text) -> Double? {
        func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }
        // `09:30 AM`, `1:05 PM`: twelve-hour times, 12 AM being midnight.
        var clock = String(text).trimmingSpaces()
        let upper = clock.uppercased()
        if upper.hasSuffix("AM") || upper.hasSuffix("PM") {
            let afternoon = upper.hasSuffix("PM")
            clock = String(clock.dropLast(2)).trimmingSpaces()
            guard let twelve = secondOfDay(clock), twelve >= 3600, twelve < 13 * 3600 else { return nil }
            let morning = twelve >= 12 * 3600 ? twelve - 12 * 3600 : twelve
            return afternoon ? morning + 12 * 3600 : morning
        }
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), (1...2).contains(parts[0].count), parts[1].count == 2,
              parts[0].allSatisfy(isDigit), parts[1].allSatisfy(isDigit),
              let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60 else { return nil }
        var second = 0.0
        if parts.count == 3 {
            // A fraction after a point or a decimal comma (`09:00:00,000`, as German exports write it).
            let text = parts[2].replacingOccurrences(of: ",", with: ".")
            guard text.count >= 2, text.prefix(2).allSatisfy(isDigit),
                  text.count == 2 || (text.dropFirst(2).first == "." && text.count > 3 && text.dropFirst(3).allSatisfy(isDigit)),
                  let value = Double(text), value < 60 else { return nil }
            second = value
        }
        return Double(hour * 3600 + minute * 60) + second
    }

    /// The times of day a date text writes after its date (`09:00:00` in `01/01/2024 09:00:00`,
    /// `00:00:00` in `2024-01-01T00:00:00`), as seconds after midnight; empty for a date alone.
    static func clockTimes<Text: StringProtocol>(in text: Text) -> [Double] {
        text.split(whereSeparator: { $0 == " " || $0 == "T" }).dropFirst().compactMap { token in
            // A time with its offset (`00:00:00+01:00`, `00:00:00Z`) is the time before it.
            secondOfDay(token) ?? secondOfDay(token.prefix { $0 != "+" && $0 != "-" && $0 != "Z" })
        }
    }

    /// The rows of `table` dated by the two columns together, written in the date column's format
    /// followed by `%H:%M` (`%H:%M:%S` when a time has seconds; `%I:%M %p` for times with AM or PM).
    ///
    /// - Throws: what reading the date column alone throws, `CSVReadError.missingDate` for an
    ///   empty time, `CSVReadError.invalidDatePart` for one that is no time of day.
    func parse(_ table: CSVTable, missingTokens: MissingTokens) throws(CSVReadError) -> TimeColumn {
        guard let dates = table.columns.first(where: { $0.fileIndex == date }),
              let times = table.columns.first(where: { $0.fileIndex == time }) else {
            preconditionFailure("the column plan keeps both date columns")
        }
        let days = try TimeColumn.parse(dates, table: table, format: dateFormat, missingTokens: missingTokens)
        var timestamps: [Timestamp] = []
        timestamps.reserveCapacity(table.rowCount)
        var seconds = false
        for row in 0..<table.rowCount {
            let text = times.text(row)
            guard let second = Self.secondOfDay(text) else {
                if missingTokens.isMissing(text) { throw .missingDate(file: table.fileName, line: table.lines[row], column: timeName) }
                throw .invalidDatePart(file: table.fileName, line: table.lines[row], column: timeName, value: text,
                                       expected: "time of day (HH:MM or HH:MM:SS)")
            }
            if second.truncatingRemainder(dividingBy: 60) != 0 { seconds = true }
            timestamps.append(days.timestamps[row].advanced(by: second))
        }
        // Days read with a time of midnight are written as days (`2024-01-01`, not `2024-01-01T00:00:00`).
        let datePattern = (days.format.holdsDaysOnly ? days.format.strftimePattern : days.format.daysPart?.strftimePattern) ?? "%Y-%m-%d"
        // Times on a 12-hour clock (`09:30 AM`) are written on one.
        let twelveHour = table.rowCount > 0 && DateFormat.hasMeridiem(String(times.text(0)))
        let clock = (twelveHour ? " %I:%M" : " %H:%M") + (seconds ? ":%S" : "") + (twelveHour ? " %p" : "")
        let format = givenDateTimeFormat ?? .pattern(datePattern + clock)
        // Days written with an offset (`2024-01-13T00:00:00+01:00`) keep it: their times are on that clock.
        return TimeColumn(name: name, format: format, timestamps: timestamps, writtenOffsets: days.writtenOffsets, warnings: days.warnings)
    }
}

extension DateFormat {
    /// The strftime directives of a time of day: hours, minutes, seconds, epoch seconds, AM/PM.
    static let timeDirectives = ["%H", "%I", "%M", "%S", "%T", "%s", "%p"]

    /// Whether the format names days and never a time of day of its own: a date beside which a
    /// time column can stand (a pattern with no directive of hours, minutes or seconds).
    var holdsDaysOnly: Bool {
        switch self {
        case .pattern(let pattern):
            return !Self.timeDirectives.contains { pattern.contains($0) }
        case .isoDate, .compactDate, .monthDayYear, .dayMonthYear, .yearMonthDaySlashed, .yearMonthDayDotted,
             .monthNameDayYear, .dayMonthNameYear, .monthDayShortYear, .dayMonthShortYear, .dayMonthNameShortYear: return true
        default: return false
        }
    }

    /// Whether a pattern for dates and times ends in a clock time as a time-of-day column holds
    /// one, hours and minutes with what may follow them (`%H:%M`, `%H:%M:%S.%f`, `%I:%M %p`): a
    /// time column read with it is written back in it, so `%H` alone or `%M:%H` would write other
    /// times than it read.
    var writesClockTimes: Bool {
        guard case .pattern(let pattern) = self,
              let start = [pattern.range(of: "%H"), pattern.range(of: "%I")].compactMap({ $0?.lowerBound }).min() else { return false }
        let clock = String(pattern[start...])
        let twentyFour = ["%H:%M", "%H:%M:%S", "%H:%M:%S.%f", "%H:%M:%S,%f"]
        let twelve = ["%I:%M", "%I:%M:%S"].flatMap { [$0 + " %p", $0 + "%p"] }
        return (twentyFour + twelve).contains(clock)
    }

    /// The days of a pattern for dates and times: its part before the first directive of a time
    /// of day (`%d/%m/%Y` of `%d/%m/%Y %H:%M:%S`), without the space or `T` between; nil for other
    /// formats, and where that part names no day.
    var daysPart: DateFormat? {
        guard case .pattern(let pattern) = self else { return nil }
        guard let cut = Self.timeDirectives.compactMap({ pattern.range(of: $0)?.lowerBound }).min() else { return nil }
        var days = pattern[..<cut]
        while let last = days.last, last == " " || last == "T" { days.removeLast() }
        guard days.contains("%d") || days.contains("%e") || days.contains("%j") else { return nil }
        return .pattern(String(days))
    }
}
