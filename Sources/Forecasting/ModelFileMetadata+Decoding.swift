import ForecastData
import Foundation

extension ModelFileMetadata {
    /// Reads and checks the metadata map of the file at `path`; every problem names its key.
    init(decoding map: [String: String], path: String) throws {
        func fail(_ problem: String) -> ModelFileError { ModelFileError(path: path, problem: problem) }
        func required(_ key: String) throws -> String {
            guard let value = map[key] else {
                throw fail("the metadata has no '\(key)' key; a model file needs format, format_version, cell, input_size, hidden_size, num_layers, lookback, horizon and scaler")
            }
            return value
        }
        // The bounds keep every size product far from overflow and stop a corrupt file from asking
        // for terabytes before its tensors are checked; real models sit orders of magnitude below.
        func positive(_ key: String, atMost limit: Int) throws -> Int {
            let text = try required(key)
            guard let value = Int(text), value >= 1 else { throw fail("metadata '\(key)' must be a positive whole number, not '\(text)'") }
            guard value <= limit else { throw fail("metadata '\(key)' is \(value), more than the largest supported value \(limit)") }
            return value
        }
        func doubles(_ key: String) throws -> [Double]? {
            guard let text = map[key] else { return nil }
            guard let values = try? JSONDecoder().decode([Double].self, from: Data(text.utf8)) else {
                throw fail("metadata '\(key)' must be a JSON array of numbers")
            }
            guard values.allSatisfy(\.isFinite) else { throw fail("metadata '\(key)' holds a value that is not finite") }
            // The values a forecaster reads are within ±1e100, as fitting requires (`UsableMagnitude`).
            if let large = values.first(where: { !UsableMagnitude.admits($0) }) {
                throw fail("metadata '\(key)' holds \(large), beyond ±1e100")
            }
            return values
        }

        let format = try required("format")
        guard format == Self.format else { throw fail("metadata 'format' is '\(format)', not '\(Self.format)': this is not a tsf model file") }
        let version = try required("format_version")
        guard version == String(Self.formatVersion) else {
            throw fail("format_version \(version) is not supported; this tsf reads version \(Self.formatVersion)")
        }
        let cellName = try required("cell")
        guard let cell = CellKind(rawValue: cellName) else { throw fail("metadata 'cell' is '\(cellName)'; expected rnn, lstm or gru") }
        let inputSize = try positive("input_size", atMost: 100_000)
        let hiddenSize = try positive("hidden_size", atMost: ForecasterConfiguration.largestHiddenSize)
        let layers = try positive("num_layers", atMost: ForecasterConfiguration.largestLayers)
        let lookback = try positive("lookback", atMost: ForecasterConfiguration.largestSteps)
        let horizon = try positive("horizon", atMost: ForecasterConfiguration.largestSteps)
        let scalerName = try required("scaler")
        guard let scaler = ScalerKind(rawValue: scalerName) else {
            throw fail("metadata 'scaler' is '\(scalerName)'; expected none, standard, minmax or robust")
        }
        var dropout: Float = 0
        if let text = map["dropout"] {
            guard let value = Float(text), value >= 0, value < 1 else { throw fail("metadata 'dropout' must be in [0, 1), not '\(text)'") }
            dropout = value
        }
        if let text = map["known_features"] {
            guard let value = Int(text), value >= 0, value < inputSize else {
                throw fail("metadata 'known_features' must be a whole number from 0 to \(inputSize - 1) (input_size less the target), not '\(text)'")
            }
            guard value <= 10_000_000 / horizon else { throw fail("metadata 'known_features' \(value) times horizon \(horizon) is too large") }
            knownFeatureCount = value
        }
        if let text = map["forecast_steps"] {
            guard let value = Int(text), value >= 1, value <= 100_000 else {
                throw fail("metadata 'forecast_steps' must be a whole number from 1 to 100000, not '\(text)'")
            }
            forecastSteps = value
        }
        if let values = try doubles("quantiles") {
            guard TrainingLoss.areQuantileLevels(values) else {
                throw fail("metadata 'quantiles' must hold 1 to 99 ascending levels strictly between 0 and 1, 0.5 among them")
            }
            guard horizon % values.count == 0 else {
                throw fail("metadata 'horizon' \(horizon) (the head's outputs) is not a whole number of steps of \(values.count) quantiles each")
            }
            quantiles = values
        }
        let steps = horizon / max(1, quantiles.count)
        network = NetworkConfiguration(cell: cell, inputSize: inputSize, hiddenSize: hiddenSize, layers: layers,
                                       outputs: horizon, dropout: dropout, headInputs: knownFeatureCount * steps)
        self.lookback = lookback
        self.scaler = scaler

        if scaler == .none {
            scalerCenters = Array(repeating: 0, count: inputSize)
            scalerScales = Array(repeating: 1, count: inputSize)
        } else {
            guard let centers = try doubles("scaler_center"), let scales = try doubles("scaler_scale") else {
                throw fail("scaler '\(scalerName)' needs 'scaler_center' and 'scaler_scale' arrays in the metadata")
            }
            guard centers.count == inputSize, scales.count == inputSize else {
                throw fail("'scaler_center' and 'scaler_scale' need \(inputSize) values each (one per input column), not \(centers.count) and \(scales.count)")
            }
            // A fitted scale is a spread (a standard deviation, a range): a negative one would mirror
            // every forecast about the centre.
            if let bad = scales.first(where: { !($0 >= Double.leastNormalMagnitude) }) {
                throw fail("'scaler_scale' holds \(bad); every scale is positive (and no smaller than \(Double.leastNormalMagnitude))")
            }
            scalerCenters = centers
            scalerScales = scales
        }
        if let text = map["transform"] {
            guard let value = TransformKind(rawValue: text) else {
                throw fail("metadata 'transform' is '\(text)'; expected none, difference, log or log-return")
            }
            transform = value
        }
        if let text = map["strategy"] {
            guard let value = ForecastStrategy(rawValue: text) else { throw fail("metadata 'strategy' is '\(text)'; expected direct or recursive") }
            strategy = value
        }
        if let text = map["frequency"] {
            guard let value = Frequency(code: text) else { throw fail("metadata 'frequency' is '\(text)', not a frequency code") }
            frequency = value
        }
        if let text = map["columns"] {
            guard let names = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
                throw fail("metadata 'columns' must be a JSON array of strings")
            }
            guard names.count == inputSize else { throw fail("metadata 'columns' names \(names.count) columns but input_size is \(inputSize)") }
            columnNames = names
        }
        history = try doubles("history") ?? []
        if let text = map["feature_history"] {
            guard let rows = try? JSONDecoder().decode([[Double]].self, from: Data(text.utf8)),
                  rows.count == inputSize - 1, rows.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
                throw fail("metadata 'feature_history' must be a JSON array of \(inputSize - 1) arrays of finite numbers")
            }
            featureHistory = rows
        }
        seed = map["seed"].flatMap { UInt64($0) }
        if let text = map["lower_bound"] {
            guard let value = Double(text), value.isFinite else { throw fail("metadata 'lower_bound' is '\(text)'; expected a finite number") }
            lowerBound = value
        }
        if let text = map["exchange"] {
            guard let code = ExchangeCalendar.Code(rawValue: text) else {
                throw fail("metadata 'exchange' is '\(text)'; expected one of \(ExchangeCalendar.Code.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            exchange = code
        }
        if let name = map["method"] {
            let period = map["season"].flatMap { Int($0) }
            guard let value = ForecastMethod(name: name, seasonPeriod: period) else {
                let models = StatisticalModel.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail("metadata 'method' is '\(name)' (season '\(map["season"] ?? "none")'); expected network, naive, network+naive, seasonal-naive or network+seasonal-naive with a positive 'season', or statistical models (\(models)) joined by '+', each once, optionally after 'network+'")
            }
            if let period = value.seasonPeriod, period > lookback + transform.rowsConsumed {
                throw fail("metadata 'season' \(period) is longer than the history the model keeps (\(lookback + transform.rowsConsumed) rows)")
            }
            method = value
        }
        if !method.statisticalModels.isEmpty {
            guard let text = map["statistical_models"],
                  let records = try? JSONDecoder().decode([StatisticalModelRecord].self, from: Data(text.utf8)) else {
                throw fail("method '\(method.name)' needs 'statistical_models', a JSON array of one object per model (docs/model-format.md)")
            }
            guard records.map(\.model) == method.statisticalModels.map(\.rawValue) else {
                throw fail("metadata 'statistical_models' holds \(records.map(\.model).joined(separator: ", ")), but method '\(method.name)' needs \(method.statisticalModels.map(\.rawValue).joined(separator: ", ")) in that order")
            }
            for (index, record) in records.enumerated() {
                do { _ = try record.restored() } catch let problem as StatisticalModelRecord.Problem {
                    throw fail("metadata 'statistical_models' model \(index + 1) (\(record.model)): \(problem.clause)")
                }
            }
            statisticalModels = records
            statisticalHistory = try doubles("statistical_history") ?? []
            if let text = map["statistical_start"] {
                guard let value = Int(text), value >= 0, value <= 1_000_000_000 else {
                    throw fail("metadata 'statistical_start' must be a whole number of rows from 0, not '\(text)'")
                }
                statisticalStart = value
            }
        }
    }
}
