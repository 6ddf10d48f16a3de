import ForecastIO

/// Which columns of a file a model reads: the target, then feature columns in the order named.
public struct SeriesSelection: Hashable, Sendable {
    public var column: String
    public var features: [String]

    public init(column: String, features: [String] = []) {
        self.column = column
        self.features = features
    }
}

extension CSVSeriesData {
    /// Feature columns as plain values, in the order they were named.
    public var featureValues: [[Double]] { features.map(\.values) }
    /// The target's name, then each feature's.
    public var columnNames: [String] { [target.name] + features.map(\.name) }
}

/// Reads the columns a model needs from a CSV source, handing the reader's warnings to `reporter`.
enum CSVSeriesLoading {
    static func read(_ source: CSVSource, selection: SeriesSelection, options: CSVReadOptions,
                     reporter: ActionReporter) throws -> CSVSeriesData {
        let data = try SeriesReader.read(source, target: selection.column, features: selection.features, options: options)
        for warning in data.warnings { reporter.warning(warning) }
        return data
    }
}
