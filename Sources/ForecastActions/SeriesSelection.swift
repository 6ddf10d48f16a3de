import ForecastIO

/// Which columns of a file a model reads: the target, then observed feature columns, then
/// known-in-advance ones, each group in the order named.
public struct SeriesSelection: Hashable, Sendable {
    public var column: String
    /// Observed features (`--features`): known only up to the forecast origin.
    public var features: [String]
    /// Known-in-advance features (`--future-features`): their values for the forecast steps come
    /// from the rows after the last target value, or from a separate future file.
    public var knownFeatures: [String]

    public init(column: String, features: [String] = [], knownFeatures: [String] = []) {
        self.column = column
        self.features = features
        self.knownFeatures = knownFeatures
    }

    /// Whether the model reads any feature column.
    public var hasFeatures: Bool { !features.isEmpty || !knownFeatures.isEmpty }
}

extension CSVSeriesData {
    /// Observed feature columns as plain values, in the order they were named.
    public var featureValues: [[Double]] { features.map(\.values) }
    /// Known-in-advance feature columns as plain values, over the history rows.
    public var knownFeatureValues: [[Double]] { knownFeatures.map(\.values) }
    /// The target's name, then each feature's (observed, then known in advance, then static), the
    /// order a model reads them in.
    public var columnNames: [String] { [target.name] + features.map(\.name) + knownFeatures.map(\.name) + staticNames }

    /// The feature columns whole, the known-in-advance ones continued by `future`'s rows, and the
    /// static values as constants.
    func featureColumns(future: FutureRows?) -> FeatureColumns {
        FeatureColumns(observed: featureValues,
                       known: knownFeatures.indices.map { knownFeatures[$0].values + (future?.values[$0] ?? []) },
                       constants: staticValues)
    }
}

/// Reads the columns a model needs from a CSV source, handing the reader's warnings to `reporter`.
enum CSVSeriesLoading {
    static func read(_ source: CSVSource, selection: SeriesSelection, options: CSVReadOptions,
                     reporter: ActionReporter) throws -> CSVSeriesData {
        let data = try SeriesReader.read(source, target: selection.column, features: selection.features,
                                         knownFeatures: selection.knownFeatures, options: options)
        for warning in data.warnings { reporter.warning(warning) }
        return data
    }
}
