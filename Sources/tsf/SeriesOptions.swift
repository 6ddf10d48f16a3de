import ArgumentParser
import ForecastActions
import Foundation

/// Which columns of the file a command models.
struct SeriesOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The column to forecast.", valueName: "name"))
    var column: String

    @Option(help: ArgumentHelp("Comma-separated feature columns read alongside the target, e.g. Open,Volume.", valueName: "names"))
    var features: String?

    /// The feature names, in the order given.
    var featureNames: [String] { features.map(Self.names) ?? [] }

    /// The names of a comma-separated list, trimmed, empty ones dropped.
    static func names(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Refuses a `--features` list that names nothing, repeats the target or names a column twice.
    static func check(features names: [String], text: String, column: String?) throws {
        if names.isEmpty { throw ValidationError("--features names no column: \"\(text)\".") }
        if let column, names.contains(column) { throw ValidationError("--features repeats the target column \"\(column)\".") }
        if Set(names).count != names.count { throw ValidationError("--features names a column twice.") }
    }

    /// The columns as the actions take them.
    var selection: SeriesSelection { SeriesSelection(column: column, features: featureNames) }

    func validate() throws {
        if let features { try Self.check(features: featureNames, text: features, column: column) }
    }
}
