extension Forecaster {
    /// Fits twice — without and with `optional` appended to the known-in-advance columns — and keeps
    /// the fit whose network has the lower loss on the validation part, by more than the noise of
    /// that loss: 2 %, or 0.25/√n over n validation windows when larger (`MethodComparison.tolerance`),
    /// so a short series keeps the simpler model unless the columns clearly help. This is how
    /// `--calendar auto` keeps only calendar features that help. Both fits share the split and the
    /// target's scaler, so their validation losses compare directly. Without a validation part the
    /// columns are left out.
    ///
    /// - Parameters:
    ///   - optional: known-in-advance columns as long as `values`, tried as a group.
    ///   - optionalName: how the decision names the group ("calendar features day-of-week, month").
    /// - Returns: the kept forecaster (its fit report says which was kept and why) and whether the
    ///   optional columns are in it, appended after `knownFeatures`.
    public static func fit(
        values: [Double], features: [[Double]] = [], knownFeatures: [[Double]] = [],
        optional: [[Double]], optionalName: String, frequency: Frequency = .irregular, columnNames: [String] = [],
        optionalColumnNames: [String] = [], configuration: ForecasterConfiguration = ForecasterConfiguration(),
        progress: (Trainer.Event) -> Trainer.Decision = { _ in .proceed }
    ) throws -> (forecaster: Forecaster, keptOptional: Bool) {
        // Both fits compare the same statistical models on the same split: fitted once.
        let statisticalFits = StatisticalFitCache()
        let without = try fit(values: values, features: features, knownFeatures: knownFeatures, frequency: frequency,
                              columnNames: columnNames, configuration: configuration, startingFrom: nil,
                              statisticalFits: statisticalFits, progress: progress)
        guard !optional.isEmpty, configuration.validationFraction > 0, let plainLoss = without.keptValidationLoss else {
            return (without, false)
        }
        let with = try fit(values: values, features: features, knownFeatures: knownFeatures + optional,
                           frequency: frequency, columnNames: columnNames + optionalColumnNames,
                           configuration: configuration, startingFrom: nil, statisticalFits: statisticalFits, progress: progress)
        guard let optionalLoss = with.keptValidationLoss else { return (without, false) }
        let margin = MethodComparison.tolerance(forecasts: without.fitReport?.validationWindows ?? 0)
        let kept = Double(optionalLoss) < Double(plainLoss) * (1 - margin)
        let decision = "\(optionalName) \(kept ? "kept" : "left out"): validation loss \(MethodComparison.format(Double(optionalLoss))) with them, \(MethodComparison.format(Double(plainLoss))) without\(kept ? "" : " (they must lower it by more than \(MethodComparison.percent(margin)))")"
        return ((kept ? with : without).addingDecision(decision, at: 0), kept)
    }

    /// The validation loss of the epoch whose weights were kept, when fitting had a validation part.
    var keptValidationLoss: Float? {
        guard let report = fitReport, !report.validationLosses.isEmpty else { return nil }
        return report.validationLosses[max(0, min(report.keptEpoch, report.validationLosses.count) - 1)]
    }

    /// The same forecaster with one more sentence in its fit report's decisions.
    func addingDecision(_ decision: String, at index: Int) -> Forecaster {
        guard let report = fitReport else { return self }
        var decisions = report.decisions
        decisions.insert(decision, at: min(index, decisions.count))
        var changed = Forecaster(configuration: configuration, network: network, scalers: scalers, columnNames: columnNames,
                                 frequency: frequency, fitReport: report.replacingDecisions(decisions), method: method,
                                 recentValues: recentValues, recentFeatures: recentFeatures, knownFeatureCount: knownFeatureCount,
                                 statistical: statistical)
        changed.exchange = exchange
        changed.lowerBound = lowerBound
        return changed
    }
}
