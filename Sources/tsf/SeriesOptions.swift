import ArgumentParser
import ForecastActions
import ForecastData
import Foundation

/// Which columns of the file a command models.
struct SeriesOptions: ParsableArguments {
    @Option(name: .customLong("column"), help: ArgumentHelp("The column to forecast (required; without it, the file's columns are listed).", valueName: "name"))
    var columnName: String?

    /// The column to forecast; `requireColumn` has checked it was given.
    var column: String { columnName ?? "" }

    /// Refuses a command without `--column`, listing the file's columns so the user can pick one
    /// (exit code 64). Standard input is not read for the list: it can be read only once.
    func requireColumn(file: String, csv: CSVOptions) throws {
        guard columnName == nil else { return }
        var sentence = "missing --column: name the column to forecast"
        var options = csv.readOptions
        // Listing the columns must not stop at what forecasting would refuse (a long-format file's
        // repeated timestamps).
        options.duplicates = .first
        options.series = nil
        options.idColumn = nil
        if file != "-", let inspection = try? InspectAction(source: csv.source(file), readOptions: options).run().inspection {
            let names = inspection.columns.filter { $0.name != inspection.time?.column && $0.name != csv.id }.map { "\"\($0.name)\"" }
            sentence += names.isEmpty ? "; \(file) has no column besides its time column" : "; the columns of \(file) are \(names.joined(separator: ", "))"
        }
        ToolFailure.printError(sentence + ".")
        throw ExitCode.usage
    }

    @Option(help: ArgumentHelp("Comma-separated feature columns read alongside the target, e.g. Open,Volume.", valueName: "names"))
    var features: String?

    @Option(help: ArgumentHelp("Comma-separated covariates known in advance (a calendar, a planned promotion, a weather forecast), e.g. Promo,TempForecast: read in the lookback like --features and also for every forecast step, from the rows after the last target value (target left empty) or from --future.", valueName: "names"))
    var futureFeatures: String?

    @Option(name: .customLong("static"), help: ArgumentHelp("With --id --global: comma-separated columns holding one value per series (a store's size, a product group), e.g. Size,Group: read once per series, scaled across series and read by the model like constant --future-features.", valueName: "names"))
    var staticColumns: String?

    @Option(help: ArgumentHelp("Calendar features generated from the dates: auto (try those that suit the frequency and keep them only when they help on the validation part; none for trading days), none, or a list of hour-of-day, day-of-week, day-of-month, day-of-year, month, week-of-year, holiday (sine/cosine pairs; holiday from --holidays).", valueName: "auto|none|list"))
    var calendar: String = "auto"

    @Option(help: ArgumentHelp("The holidays of the holiday calendar feature: a CSV of dates (a date column, optionally a name column), or an exchange's code (XNYS, XLON, XTKS, XHKG, XFRA) for its closures; auto then tries the flag too.", valueName: "file|code"))
    var holidays: String?

    /// `--holidays` as a file to read, unless it names an exchange and no such file exists.
    var holidaysFile: String? { Self.holidayParts(holidays).file }
    /// `--holidays` as an exchange code.
    var holidayExchange: ExchangeCalendar.Code? { Self.holidayParts(holidays).exchange }

    static func holidayParts(_ value: String?) -> (file: String?, exchange: ExchangeCalendar.Code?) {
        guard let value else { return (nil, nil) }
        // An exchange code in any case (xnys), unless a file of that name exists.
        if let code = ExchangeCalendar.Code(rawValue: value.uppercased()), !FileManager.default.fileExists(atPath: value) {
            return (nil, code)
        }
        return (value, nil)
    }

    /// The calendar selection; `validate()` has checked that it parses.
    var calendarSelection: CalendarSelection { (try? CalendarSelection(parsing: calendar)) ?? .automatic }

    /// The feature names, in the order given.
    var featureNames: [String] { features.map(Self.names) ?? [] }
    /// The known-in-advance feature names, in the order given.
    var futureFeatureNames: [String] { futureFeatures.map(Self.names) ?? [] }
    /// The static column names, in the order given.
    var staticNames: [String] { staticColumns.map(Self.names) ?? [] }

    /// The names of a comma-separated list, trimmed, empty ones dropped.
    static func names(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Refuses a feature list (`flag`) that names nothing, repeats the target or names a column twice.
    static func check(features names: [String], text: String, column: String?, flag: String = "--features") throws {
        if names.isEmpty { throw ValidationError("\(flag) names no column: \"\(text)\".") }
        if let column, names.contains(column) { throw ValidationError("\(flag) repeats the target column \"\(column)\".") }
        if Set(names).count != names.count { throw ValidationError("\(flag) names a column twice.") }
    }

    /// The columns as the actions take them.
    var selection: SeriesSelection {
        SeriesSelection(column: column, features: featureNames, knownFeatures: futureFeatureNames)
    }

    /// Whether any feature column is named.
    var hasFeatures: Bool { features != nil || futureFeatures != nil }

    func validate() throws {
        do {
            _ = try CalendarSelection(parsing: calendar)
        } catch {
            throw ValidationError("--calendar: \(error.localizedDescription)")
        }
        if let features { try Self.check(features: featureNames, text: features, column: columnName) }
        if let futureFeatures {
            try Self.check(features: futureFeatureNames, text: futureFeatures, column: columnName, flag: "--future-features")
        }
        if let both = featureNames.first(where: futureFeatureNames.contains) {
            throw ValidationError("Column \"\(both)\" is named by both --features and --future-features; a covariate is either observed (--features) or known in advance (--future-features).")
        }
        if let staticColumns {
            try Self.check(features: staticNames, text: staticColumns, column: columnName, flag: "--static")
            if let both = staticNames.first(where: { featureNames.contains($0) || futureFeatureNames.contains($0) }) {
                throw ValidationError("Column \"\(both)\" is named by both --static and \(featureNames.contains(both) ? "--features" : "--future-features"); a static column holds one value per series and is read as such.")
            }
        }
    }

    /// Refuses calendar options with several series, which do not read them yet.
    /// With several series, calendar features are made only when listed (`tsf forecast` and
    /// `tsf backtest`): trying them would fit every series twice.
    func checkCalendar(manySeries: Bool, listsAllowed: Bool = false) throws {
        if calendarSelection == .none, holidays != nil {
            throw ValidationError("--holidays feeds the holiday calendar feature, which --calendar none turns off: drop one of them.")
        }
        guard manySeries else { return }
        guard listsAllowed else {
            if calendarSelection != .automatic || holidays != nil {
                throw ValidationError("--calendar and --holidays are not supported with several series here yet; use them with tsf forecast or tsf backtest, or with one series (--series), or drop them.")
            }
            return
        }
        if case let .features(list) = calendarSelection {
            // Checked here rather than in every series, where it would fail each one alike.
            if list.contains(.holiday), holidays == nil {
                throw ValidationError("--calendar holiday needs the holidays: give them with --holidays FILE (a CSV of dates) or an exchange's code.")
            }
            return
        }
        if holidays != nil {
            throw ValidationError("With --id, --holidays feeds the holiday calendar feature only when it is listed: add --calendar holiday (and any other features).")
        }
    }

    /// Refuses `--static` unless one model is trained across series (`--id` with `--global`).
    func checkStatic(global: Bool) throws {
        if staticColumns != nil, !global {
            throw ValidationError("--static columns hold one value per series, which only a model trained across the series learns from: use them with --id and --global.")
        }
    }
}
