import ForecastData
import ForecastIO
import Foundation

/// The JSON report of `tsf inspect --format json`. Keys are stable (scripts rely on them) and always
/// present: a value that does not apply is `null`.
///
/// ```
/// { "file", "delimiter", "decimal_separator", "rows",
///   "time": null | { "column", "format", "first", "last", "frequency", "season_period", "missing_steps",
///                    "exchange" (an ISO 10383 code, or null) },
///   "columns": [ { "name", "type", "missing", "min", "mean", "max" } ],
///   "warnings": [ "…" ] }
/// ```
enum InspectionJSON {
    struct Report: Encodable {
        var file: String
        var delimiter: String
        var decimalSeparator: String
        var rows: Int
        var time: Time?
        var columns: [Column]
        var warnings: [String]
        var longFormat: LongFormat?

        enum CodingKeys: String, CodingKey {
            case file, delimiter, decimalSeparator = "decimal_separator", rows, time, columns, warnings, longFormat = "long_format"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(delimiter, forKey: .delimiter)
            try container.encode(decimalSeparator, forKey: .decimalSeparator)
            try container.encode(rows, forKey: .rows)
            try container.encode(time, forKey: .time)
            try container.encode(columns, forKey: .columns)
            try container.encode(warnings, forKey: .warnings)
            try container.encode(longFormat, forKey: .longFormat)
        }
    }

    /// `null` for a file of one series.
    struct LongFormat: Encodable {
        var idColumn: String
        var series: [Series]
        enum CodingKeys: String, CodingKey { case idColumn = "id_column", series }

        struct Series: Encodable {
            var id: String
            var rows: Int
        }
    }

    struct Time: Encodable {
        var column: String
        var format: String
        var first: String
        var last: String
        var frequency: String
        var seasonPeriod: Int
        var missingSteps: Int
        var exchange: String?
        /// Intraday sessions: `{"first_bar": "09:00", "last_bar": "14:55", "hours": "09:00–11:25, 12:30–14:55"}`,
        /// null around the clock.
        var session: [String: String]?
        /// Bars around the clock that stop for the weekend: `{"first_bar": "Sunday 22:00",
        /// "last_bar": "Friday 21:00"}` (with `"daily_pause": "17:00–18:00"` where they pause), else null.
        var weeklyHours: [String: String]?

        enum CodingKeys: String, CodingKey {
            case column, format, first, last, frequency, seasonPeriod = "season_period", missingSteps = "missing_steps", exchange, session
            case weeklyHours = "weekly_hours"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(column, forKey: .column)
            try container.encode(format, forKey: .format)
            try container.encode(first, forKey: .first)
            try container.encode(last, forKey: .last)
            try container.encode(frequency, forKey: .frequency)
            try container.encode(seasonPeriod, forKey: .seasonPeriod)
            try container.encode(missingSteps, forKey: .missingSteps)
            try container.encode(exchange, forKey: .exchange)         // null when none, as the keys promise
            try container.encode(session, forKey: .session)
            try container.encode(weeklyHours, forKey: .weeklyHours)
        }
    }

    struct Column: Encodable {
        var name: String
        var type: String
        var missing: Int
        var min: Double?
        var mean: Double?
        var max: Double?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(type, forKey: .type)
            try container.encode(missing, forKey: .missing)
            try container.encode(min, forKey: .min)
            try container.encode(mean, forKey: .mean)
            try container.encode(max, forKey: .max)
        }

        enum CodingKeys: String, CodingKey { case name, type, missing, min, mean, max }
    }

    /// `{"first_bar": "Sunday 18:00", "last_bar": "Friday 16:00", "daily_pause": "17:00–18:00"}`, the
    /// pause only where there is one.
    static func weeklyHours(_ hours: WeeklyHours) -> [String: String] {
        var described = ["first_bar": WeeklyHours.weekTime(hours.firstBar), "last_bar": WeeklyHours.weekTime(hours.lastBar)]
        if let pause = hours.dailyPauseHours { described["daily_pause"] = pause }
        return described
    }

    static func report(_ inspection: TableInspection, longFormat: LongFormatSummary?,
                       wording: (CSVReadError.Remedy) -> String) -> Report {
        Report(
            file: inspection.fileName,
            delimiter: String(Character(Unicode.Scalar(inspection.dialect.delimiter))),
            decimalSeparator: String(Character(Unicode.Scalar(inspection.dialect.numberFormat.decimalSeparator))),
            rows: inspection.rowCount,
            time: inspection.time.map {
                Time(column: $0.column, format: $0.format.description, first: $0.first, last: $0.last,
                     frequency: $0.frequency.description, seasonPeriod: $0.seasonPeriod, missingSteps: $0.missingSteps,
                     exchange: $0.exchange?.rawValue,
                     session: $0.session.map { ["first_bar": TradingSession.clock($0.firstBar), "last_bar": TradingSession.clock($0.lastBar),
                                                "hours": $0.description] },
                     weeklyHours: $0.weeklyHours.map(Self.weeklyHours))
            },
            columns: inspection.columns.map {
                Column(name: $0.name, type: $0.kind.rawValue, missing: $0.missing, min: $0.minimum, mean: $0.mean, max: $0.maximum)
            },
            warnings: inspection.warnings.map { $0.message(wording: wording) },
            longFormat: longFormat.map { summary in
                LongFormat(idColumn: summary.idColumn, series: summary.series.map { LongFormat.Series(id: $0.id, rows: $0.rows) })
            }
        )
    }

    /// The report as JSON, with a final newline.
    static func render(_ inspection: TableInspection, longFormat: LongFormatSummary?,
                       wording: (CSVReadError.Remedy) -> String) -> String {
        ResultJSON.encode(report(inspection, longFormat: longFormat, wording: wording))
    }
}
