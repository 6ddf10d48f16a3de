extension Forecaster {
    /// Forecasts the next `steps` values after the recent history.
    ///
    /// Up to `horizon` steps come from one pass of the network (direct). Longer forecasts of a
    /// univariate model continue recursively: each block of forecasts is appended to the history and
    /// the network is applied again. A model with feature columns cannot forecast past its horizon,
    /// since the future features are unknown.
    public func forecast(steps: Int) throws -> [Double] {
        guard steps >= 1 else { throw ForecasterError.invalidConfiguration(setting: "steps", value: "\(steps)", requirement: "at least 1") }
        guard hasHistory else {
            throw ForecasterError.historyTooShort(rows: recentValues.count, needed: requiredHistory)
        }
        switch method {
        case .network:
            return try networkForecast(steps: steps)
        case .naive:
            return Self.naive(recentValues, steps: steps)
        case let .seasonalNaive(period):
            return Self.seasonalNaive(recentValues, period: period, steps: steps)
        case .networkAndNaive:
            return zip(try networkForecast(steps: steps), Self.naive(recentValues, steps: steps)).map { ($0 + $1) / 2 }
        case let .networkAndSeasonalNaive(period):
            return zip(try networkForecast(steps: steps), Self.seasonalNaive(recentValues, period: period, steps: steps))
                .map { ($0 + $1) / 2 }
        }
    }

    static func naive(_ history: [Double], steps: Int) -> [Double] {
        Array(repeating: history[history.count - 1], count: steps)
    }

    static func seasonalNaive(_ history: [Double], period: Int, steps: Int) -> [Double] {
        let start = history.count - period
        return (0..<steps).map { history[start + $0 % period] }
    }

    /// The network's own forecast, whatever the method.
    public func networkForecast(steps: Int) throws -> [Double] {
        guard steps >= 1, hasHistory else {
            throw ForecasterError.historyTooShort(rows: recentValues.count, needed: requiredHistory)
        }
        if featureCount > 0, steps > horizon {
            throw ForecasterError.featuresUnknownBeyondHorizon(steps: steps, horizon: horizon)
        }
        let workspace = PredictionWorkspace(configuration: network.configuration, lookback: lookback)
        var history = recentValues
        var forecasts: [Double] = []
        forecasts.reserveCapacity(steps)
        while forecasts.count < steps {
            let block = try forecastBlock(history: history, workspace: workspace)
            for value in block.prefix(steps - forecasts.count) {
                guard value.isFinite else { throw ForecasterError.nonFiniteForecast(step: forecasts.count + 1) }
                forecasts.append(value)
                history.append(value)
            }
            history.removeFirst(max(0, history.count - requiredHistory))
        }
        return forecasts
    }

    /// One pass of the network: the next `horizon` levels after `history` (its last
    /// `requiredHistory` raw values) and the stored feature rows.
    func forecastBlock(history: [Double], workspace: PredictionWorkspace) throws -> [Double] {
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
                window[step * inputSize + 1 + feature] = Float(scalers[feature + 1].scaled(recentFeatures[feature][step]))
            }
        }
        let output = try network.predict(window: window, workspace: workspace)
        let unscaled = output.map { scalers[0].unscaled(Double($0)) }
        return SeriesTransform.invert(transform, forecasts: unscaled, lastObserved: recent[recent.count - 1])
    }
}
