import Foundation

extension Forecaster {
    /// Writes the model as a safetensors file with PyTorch's tensor names and the metadata of
    /// docs/model-format.md, atomically (a temporary file renamed into place): an earlier file at
    /// `url` survives any failure. The same model always gives the same bytes.
    public func save(to url: URL) throws {
        var tensors: [String: SafeTensorsFile.Tensor] = [:]
        let parameters = network.parameters
        for spec in network.configuration.parameterLayout {
            tensors[spec.name] = SafeTensorsFile.Tensor(
                shape: spec.shape, values: Array(parameters[spec.offset ..< spec.offset + spec.count]))
        }
        try SafeTensorsFile(tensors: tensors, metadata: metadata.encoded).write(to: url)
    }

    /// Loads a model file written by `save(to:)` or by PyTorch (a `state_dict` saved with
    /// `safetensors.torch.save_file` and the required metadata keys).
    ///
    /// Every key and every tensor's shape is checked, and unexpected tensors are refused, so a file
    /// for another architecture fails with a message instead of forecasting nonsense. A file without
    /// a `history` must be given one with `condition(on:)` before forecasting.
    public init(contentsOf url: URL) throws {
        let file = try SafeTensorsFile(contentsOf: url)
        let path = url.path
        let metadata = try ModelFileMetadata(decoding: file.metadata, path: path)
        let layout = metadata.network.parameterLayout
        // Every tensor is checked before the parameters are allocated, so metadata that describes
        // a far larger network than the file holds fails with a message, not an allocation.
        for spec in layout {
            guard let tensor = file.tensors[spec.name] else {
                throw ModelFileError(path: path, problem: "the tensor '\(spec.name)' is missing; a \(metadata.network.cell.rawValue) model with \(metadata.network.layers) layer(s) needs \(layout.map(\.name).joined(separator: ", "))")
            }
            guard tensor.shape == spec.shape else {
                throw ModelFileError(path: path, problem: "the tensor '\(spec.name)' has shape \(tensor.shape) but the metadata (cell \(metadata.network.cell.rawValue), input_size \(metadata.network.inputSize), hidden_size \(metadata.network.hiddenSize), horizon \(metadata.network.outputs)) needs \(spec.shape)")
            }
            guard tensor.values.allSatisfy(\.isFinite) else {
                throw ModelFileError(path: path, problem: "the tensor '\(spec.name)' holds values that are not finite")
            }
        }
        var parameters = [Float](repeating: 0, count: metadata.network.parameterCount)
        for spec in layout {
            if let tensor = file.tensors[spec.name] {
                parameters.replaceSubrange(spec.offset ..< spec.offset + spec.count, with: tensor.values)
            }
        }
        let expected = Set(layout.map(\.name))
        if let extra = file.tensors.keys.sorted().first(where: { !expected.contains($0) }) {
            throw ModelFileError(path: path, problem: "the tensor '\(extra)' does not belong to a \(metadata.network.cell.rawValue) model with \(metadata.network.layers) layer(s)")
        }
        let required = metadata.lookback + metadata.transform.rowsConsumed
        if !metadata.history.isEmpty, metadata.history.count != required {
            throw ModelFileError(path: path, problem: "metadata 'history' holds \(metadata.history.count) values but the model reads \(required)")
        }
        if !metadata.featureHistory.isEmpty, metadata.featureHistory.contains(where: { $0.count != metadata.lookback }) {
            throw ModelFileError(path: path, problem: "metadata 'feature_history' rows must hold \(metadata.lookback) values each")
        }
        var configuration = ForecasterConfiguration()
        configuration.cell = metadata.network.cell
        configuration.hiddenSize = metadata.network.hiddenSize
        configuration.layers = metadata.network.layers
        configuration.dropout = Double(metadata.network.dropout)
        configuration.lookback = metadata.lookback
        configuration.horizon = metadata.forecastSteps ?? metadata.network.outputs / max(1, metadata.quantiles.count)
        configuration.strategy = metadata.strategy
        if !metadata.quantiles.isEmpty { configuration.loss = .quantile(levels: metadata.quantiles) }
        configuration.scaler = metadata.scaler
        configuration.transform = metadata.transform
        if let seed = metadata.seed { configuration.seed = seed }
        configuration.selection = metadata.method == .network ? .network : .automatic
        configuration.seasonPeriod = metadata.method.seasonPeriod ?? metadata.frequency.seasonPeriod
        var statistical: StatisticalForecasts?
        if !metadata.statisticalModels.isEmpty {
            let forecasts = StatisticalForecasts(models: try metadata.statisticalModels.map { try $0.restored() },
                                                 history: metadata.statisticalHistory, startRow: metadata.statisticalStart)
            if !metadata.statisticalHistory.isEmpty, metadata.statisticalHistory.count < forecasts.minimumHistory {
                throw ModelFileError(path: path, problem: "metadata 'statistical_history' holds \(metadata.statisticalHistory.count) values but the statistical models need at least \(forecasts.minimumHistory)")
            }
            if !metadata.statisticalHistory.isEmpty, !metadata.history.isEmpty,
               Array(metadata.statisticalHistory.suffix(metadata.history.count)) != metadata.history {
                throw ModelFileError(path: path, problem: "metadata 'history' must be the last \(metadata.history.count) values of 'statistical_history'")
            }
            statistical = forecasts
        }
        // The bound is the least value of the fitted series (0 for one that never goes below zero):
        // above a value of the history, it would lift forecasts the series itself contradicts.
        if let bound = metadata.lowerBound, let below = (metadata.statisticalHistory + metadata.history).first(where: { $0 < bound }) {
            throw ModelFileError(path: path, problem: "metadata 'lower_bound' is \(bound), but the model's history holds \(below), below it")
        }
        let scalers = zip(metadata.scalerCenters, metadata.scalerScales).map {
            FittedScaler(kind: metadata.scaler, center: $0, scale: $1)
        }
        self.init(
            configuration: configuration,
            network: try RecurrentNetwork(configuration: metadata.network, parameters: parameters),
            scalers: scalers, columnNames: metadata.columnNames, frequency: metadata.frequency, fitReport: nil,
            method: metadata.method, recentValues: metadata.history,
            recentFeatures: metadata.featureHistory.isEmpty && metadata.network.inputSize > 1
                ? [] : metadata.featureHistory, knownFeatureCount: metadata.knownFeatureCount,
            statistical: statistical)
        exchange = metadata.exchange
        lowerBound = metadata.lowerBound
    }

    /// Whether the forecaster holds a history to forecast from (a file from PyTorch may not).
    public var hasHistory: Bool {
        recentValues.count == requiredHistory && recentFeatures.count == featureCount
            && (statistical.map { !$0.history.isEmpty } ?? true)
    }

    var metadata: ModelFileMetadata {
        var metadata = ModelFileMetadata(
            network: network.configuration, lookback: lookback, scaler: configuration.scaler,
            scalerCenters: scalers.map(\.center), scalerScales: scalers.map(\.scale))
        metadata.transform = transform
        metadata.strategy = configuration.strategy
        if forecastSteps != horizon { metadata.forecastSteps = forecastSteps }
        metadata.quantiles = configuration.loss.quantileLevels
        metadata.method = method
        metadata.columnNames = columnNames
        metadata.frequency = frequency
        metadata.exchange = exchange
        metadata.lowerBound = lowerBound
        metadata.history = recentValues
        metadata.featureHistory = recentFeatures
        metadata.knownFeatureCount = knownFeatureCount
        metadata.seed = configuration.seed
        if let statistical {
            metadata.statisticalModels = statistical.models.map(StatisticalModelRecord.init)
            metadata.statisticalHistory = statistical.history
            metadata.statisticalStart = statistical.startRow
        }
        return metadata
    }
}
