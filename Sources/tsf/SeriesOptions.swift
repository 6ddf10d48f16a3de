import ArgumentParser
import Foundation

/// Which columns of the file a command models.
struct SeriesOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The column to forecast.", valueName: "name"))
    var column: String

    @Option(help: ArgumentHelp("Comma-separated feature columns read alongside the target, e.g. Open,Volume.", valueName: "names"))
    var features: String?

    /// The feature names, in the order given.
    var featureNames: [String] {
        features.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
    }

    func validate() throws {
        if let features, featureNames.isEmpty { throw ValidationError("--features names no column: \"\(features)\".") }
        if featureNames.contains(column) { throw ValidationError("--features repeats the target column \"\(column)\".") }
        if Set(featureNames).count != featureNames.count { throw ValidationError("--features names a column twice.") }
    }
}
