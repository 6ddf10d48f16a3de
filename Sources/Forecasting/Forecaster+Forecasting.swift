extension Forecaster {
    /// Forecasts the next `steps` values after the recent history.
    ///
    /// Up to `horizon` steps come from one pass of the network (direct). Longer forecasts continue
    /// recursively: each block of forecasts is appended to the history and the network is applied
    /// again. A model with observed feature columns cannot forecast past its horizon, since their
    /// future values are unknown; one with known-in-advance features forecasts as far as
    /// `knownFuture` reaches, one array per known feature holding its values at the forecast
    /// steps, in whole blocks of `horizon` (the head reads a block's values together).
    public func forecast(steps: Int, knownFuture: [[Double]] = []) throws -> [Double] {
        try Self.checkSteps(steps)
        guard hasHistory else {
            throw ForecasterError.historyTooShort(rows: recentValues.count, needed: requiredHistory)
        }
        // Whatever the method, a model that reads observed features stops where their values stop,
        // and one that reads known-in-advance features needs their values: the same call fails or
        // works whether the fit kept the network or a simpler method.
        if observedFeatureCount > 0, steps > horizon {
            throw ForecasterError.featuresUnknownBeyondHorizon(steps: steps, horizon: horizon)
        }
        try checkKnownFuture(knownFuture, steps: steps)
        return floored(try unflooredForecast(steps: steps, knownFuture: knownFuture))
    }

    /// `values` raised to `lowerBound` where they fall below it.
    func floored(_ values: [Double]) -> [Double] {
        guard let lowerBound else { return values }
        return values.map { max($0, lowerBound) }
    }

    /// The forecast of `method`, before `lowerBound` applies.
    private func unflooredForecast(steps: Int, knownFuture: [[Double]]) throws -> [Double] {
        switch method {
        case .network:
            return try networkForecast(steps: steps, knownFuture: knownFuture)
        case .naive:
            return Self.naive(recentValues, steps: steps)
        case let .seasonalNaive(period):
            return Self.seasonalNaive(recentValues, period: period, steps: steps)
        case .networkAndNaive:
            return zip(try networkForecast(steps: steps, knownFuture: knownFuture), Self.naive(recentValues, steps: steps))
                .map { ($0 + $1) / 2 }
        case let .networkAndSeasonalNaive(period):
            return zip(try networkForecast(steps: steps, knownFuture: knownFuture),
                       Self.seasonalNaive(recentValues, period: period, steps: steps))
                .map { ($0 + $1) / 2 }
        case .statistical:
            return try statisticalForecast(steps: steps)
        case .networkAndStatistical:
            return zip(try networkForecast(steps: steps, knownFuture: knownFuture), try statisticalForecast(steps: steps))
                .map { ($0 + $1) / 2 }
        case .ownAndAcrossSeries:
            // Only a many-series blend (`ManySeriesBlend`) forecasts with it; no fit or model file gives it.
            throw ForecasterError.invalidConfiguration(setting: "method", value: method.name,
                                                       requirement: "a method one model forecasts with")
        }
    }

    /// The mean of the statistical models' forecasts, its failures worded as the forecaster's.
    func statisticalForecast(steps: Int) throws -> [Double] {
        guard let statistical else { throw ForecasterError.historyTooShort(rows: 0, needed: requiredHistory) }
        let forecasts: [Double]
        do {
            forecasts = try statistical.forecast(steps: steps)
        } catch let error as BaselineError {
            throw ForecasterError.statisticalModelFailed(method: method.name, reason: error.description)
        }
        if let step = forecasts.firstIndex(where: { !$0.isFinite }) { throw ForecasterError.nonFiniteForecast(step: step + 1) }
        return forecasts
    }

    static func naive(_ history: [Double], steps: Int) -> [Double] {
        Array(repeating: history[history.count - 1], count: steps)
    }

    static func seasonalNaive(_ history: [Double], period: Int, steps: Int) -> [Double] {
        let start = history.count - period
        return (0..<steps).map { history[start + $0 % period] }
    }

    /// Throws unless `steps` is from 1 to `largestSteps`: a forecast of more steps than a horizon may
    /// hold is a caller's mistake, reported before anything is allocated for it.
    public static func checkSteps(_ steps: Int) throws {
        guard (1...ForecasterConfiguration.largestSteps).contains(steps) else {
            throw ForecasterError.invalidConfiguration(setting: "steps", value: "\(steps)",
                                                       requirement: "from 1 to \(ForecasterConfiguration.largestSteps)")
        }
    }

    /// The future values a forecast of `steps` needs of each known-in-advance feature: whole
    /// blocks of the horizon (at most `largestSteps` of them, which no forecast exceeds).
    public func knownFutureNeeded(steps: Int) -> Int {
        let steps = min(max(steps, 0), ForecasterConfiguration.largestSteps)
        return knownFeatureCount == 0 ? 0 : (steps + horizon - 1) / horizon * horizon
    }

    /// The network's own forecast, whatever the method (with a quantile loss, its median).
    public func networkForecast(steps: Int, knownFuture: [[Double]] = []) throws -> [Double] {
        try networkPaths(steps: steps, knownFuture: knownFuture)[configuration.loss.medianOutput]
    }

    /// The network's quantile forecasts, one row per level of `configuration.loss.quantileLevels`
    /// (ascending), each `steps` long; past the horizon, the next pass reads the median path as its
    /// history. Quantiles never cross: at each step the levels' values are sorted (the monotone
    /// rearrangement of Chernozhukov et al., 2010, which can only bring them closer to the truth).
    /// Throws `invalidConfiguration` for a model trained with a point loss.
    public func quantileForecast(steps: Int, knownFuture: [[Double]] = []) throws -> [[Double]] {
        guard !configuration.loss.quantileLevels.isEmpty else {
            throw ForecasterError.invalidConfiguration(setting: "loss", value: configuration.loss.name,
                                                       requirement: "a quantile loss for quantile forecasts")
        }
        let paths = try networkPaths(steps: steps, knownFuture: knownFuture)
        // The median is checked as it is forecast; another level that overflows fails here only,
        // so a point forecast never depends on the outer quantiles.
        for path in paths {
            if let step = path.firstIndex(where: { !$0.isFinite }) { throw ForecasterError.nonFiniteForecast(step: step + 1) }
        }
        var sorted = paths
        for step in 0..<steps {
            let column = paths.map { $0[step] }.sorted()
            for level in column.indices { sorted[level][step] = column[level] }
        }
        return sorted.map(floored)
    }

    /// One path per head output of a step (one for a point loss, one per quantile level), `steps` long.
    /// Throws `nonFiniteForecast` when the median path is not finite; the other levels are checked
    /// by `quantileForecast`.
    func networkPaths(steps: Int, knownFuture: [[Double]]) throws -> [[Double]] {
        try Self.checkSteps(steps)
        guard hasHistory else {
            throw ForecasterError.historyTooShort(rows: recentValues.count, needed: requiredHistory)
        }
        if observedFeatureCount > 0, steps > horizon {
            throw ForecasterError.featuresUnknownBeyondHorizon(steps: steps, horizon: horizon)
        }
        try checkKnownFuture(knownFuture, steps: steps)
        let needed = knownFutureNeeded(steps: steps)
        let workspace = PredictionWorkspace(configuration: network.configuration, lookback: lookback)
        let median = configuration.loss.medianOutput
        var history = recentValues
        var features = recentFeatures
        var paths = Array(repeating: [Double](), count: configuration.loss.outputsPerStep)
        for level in paths.indices { paths[level].reserveCapacity(steps) }
        while paths[median].count < steps {
            let blockStart = paths[median].count
            let headInputs = knownHeadInputs(knownFuture, from: blockStart)
            let block = try forecastBlock(history: history, features: features, headInputs: headInputs, workspace: workspace)
            let taken = min(horizon, steps - blockStart)
            for level in block.indices {
                for (offset, value) in block[level].prefix(taken).enumerated() {
                    guard value.isFinite || level != median else { throw ForecasterError.nonFiniteForecast(step: blockStart + offset + 1) }
                    paths[level].append(value)
                }
            }
            history.append(contentsOf: block[median].prefix(taken))
            history.removeFirst(max(0, history.count - requiredHistory))
            // Only known-in-advance columns continue past a block (observed ones stop at the horizon).
            for known in 0..<knownFeatureCount {
                let column = observedFeatureCount + known
                features[column].append(contentsOf: knownFuture[known][blockStart ..< blockStart + horizon])
                features[column].removeFirst(features[column].count - lookback)
            }
        }
        return paths
    }

    /// Throws unless `knownFuture` holds one column per known-in-advance feature, each covering the
    /// `steps` to forecast (in whole passes of the network) with finite values.
    func checkKnownFuture(_ knownFuture: [[Double]], steps: Int) throws {
        guard knownFuture.count == knownFeatureCount else {
            throw ForecasterError.knownFeatureMismatch(expected: knownFeatureCount, actual: knownFuture.count)
        }
        let needed = knownFutureNeeded(steps: steps)
        for (index, column) in knownFuture.enumerated() {
            guard column.count >= needed else {
                throw ForecasterError.knownFutureTooShort(feature: index, given: column.count, needed: needed)
            }
            if let row = column.prefix(needed).firstIndex(where: { !$0.isFinite }) {
                throw ForecasterError.nonFiniteFeature(feature: observedFeatureCount + index, row: recentValues.count + row,
                                                       value: column[row])
            }
        }
    }

    /// The head inputs of the block starting `offset` steps after the origin: the scaled known
    /// values of its `horizon` steps, step-major (docs/model-format.md).
    func knownHeadInputs(_ knownFuture: [[Double]], from offset: Int) -> [Float] {
        guard knownFeatureCount > 0 else { return [] }
        var inputs = [Float](repeating: 0, count: horizon * knownFeatureCount)
        for step in 0..<horizon {
            for known in 0..<knownFeatureCount {
                let scaler = scalers[1 + observedFeatureCount + known]
                inputs[step * knownFeatureCount + known] = Float(scaler.scaled(knownFuture[known][offset + step]))
            }
        }
        return inputs
    }

    /// One pass of the network: the next `horizon` levels after `history` (its last
    /// `requiredHistory` raw values), the feature rows of the window and the head inputs; one path
    /// per output of a step (per quantile level with a quantile loss).
    func forecastBlock(history: [Double], features: [[Double]], headInputs: [Float],
                       workspace: PredictionWorkspace) throws -> [[Double]] {
        let recent = Array(history.suffix(requiredHistory))
        if transform.requiresPositiveValues, let bad = recent.first(where: { !($0 > 0) }) {
            // A recursive forecast fell to zero or below under a log transform.
            throw ForecasterError.notPositiveForLogTransform(row: history.count, value: bad, transform: transform)
        }
        let transformed = try Self.applyTransform(transform, to: recent)
        let inputSize = network.configuration.inputSize
        var window = [Float](repeating: 0, count: lookback * inputSize)
        for step in 0..<lookback {
            window[step * inputSize] = Float(scalers[0].scaled(transformed[step]))
            for feature in 0..<featureCount {
                window[step * inputSize + 1 + feature] = Float(scalers[feature + 1].scaled(features[feature][step]))
            }
        }
        let output = try network.predict(window: window, headInputs: headInputs, workspace: workspace)
        let perStep = configuration.loss.outputsPerStep
        return levelPaths(output: output, perStep: perStep, lastObserved: recent[recent.count - 1])
    }

    /// The paths of one pass, one per output of a step: unscaled and the transform inverted, from the
    /// last observed value. With a differencing transform a quantile's path is not the cumulated
    /// quantiles of the changes (that would assume every change lands on the same quantile); its
    /// distance from the median path grows as the root of the summed squared distances of the
    /// changes, as for independent changes, and calibration (`QuantileCalibration`) corrects the rest.
    func levelPaths(output: [Float], perStep: Int, lastObserved: Double) -> [[Double]] {
        let changes = (0..<perStep).map { level in
            stride(from: level, to: output.count, by: perStep).map { scalers[0].unscaled(Double(output[$0])) }
        }
        let median = configuration.loss.medianOutput
        let cumulates = transform == .difference || transform == .logReturn
        return changes.enumerated().map { level, values in
            guard cumulates, level != median else {
                return SeriesTransform.invert(transform, forecasts: values, lastObserved: lastObserved)
            }
            return SeriesTransform.invert(transform, forecasts: Self.accumulatedQuantileChanges(values, median: changes[median]),
                                          lastObserved: lastObserved)
        }
    }

    /// Per-step changes whose running sum is the median's running sum plus the root of the summed
    /// squared distances of `changes` from `median` (signed as their sum): a quantile's distance from
    /// the median after `k` independent changes, where the plain sum would assume they all land on the
    /// same quantile.
    static func accumulatedQuantileChanges(_ changes: [Double], median: [Double]) -> [Double] {
        var spread = 0.0, drift = 0.0, previous = 0.0
        return changes.indices.map { step in
            let distance = changes[step] - median[step]
            spread += distance * distance
            drift += distance
            let cumulated = (drift < 0 ? -1 : 1) * spread.squareRoot()
            defer { previous = cumulated }
            return median[step] + cumulated - previous
        }
    }
}
