/// A value known in advance that a forecast reads far outside the values the model was trained on.
public struct ExtrapolatedKnownValue: Hashable, Sendable {
    /// The feature column's name, as the model records it.
    public let column: String
    /// The forecast step (from 1) whose value it is.
    public let step: Int
    public let value: Double
    /// How far it lies from the training values' centre, in the column's scale (its standard
    /// deviation for the standard scaler).
    public let scaledDistance: Double
}

extension Forecaster {
    /// Scaled units beyond which a known-in-advance value is far outside training: ten standard
    /// deviations of the column, or ten times the range of a min–max scaled one. A network given
    /// such an input extrapolates, and its forecast (kept at zero or above for a series that never
    /// went below it) can be nonsense without an error.
    public static let extrapolationLimit = 10.0

    /// The known-in-advance values a forecast of `steps` after `historyCount` rows of `columns` reads
    /// (whole passes of the network) that lie more than `extrapolationLimit` scaled units from the centre the model was trained
    /// on, the first of each column. Empty when the method does not use the network, or the model
    /// scales nothing (`ScalerKind.none`).
    public func extrapolatedKnownValues(columns: FeatureColumns, historyCount: Int, steps: Int) -> [ExtrapolatedKnownValue] {
        // Without a scaler the model keeps no spread to measure against.
        guard method.usesNetwork, knownFeatureCount > 0, configuration.scaler != .none else { return [] }
        // A pass of the network reads the known values of its whole horizon, beyond the last step
        // asked for too: each of them moves every forecast of the pass.
        let future = columns.known(from: historyCount, count: knownFutureNeeded(steps: steps))
        let first = 1 + observedFeatureCount
        return future.enumerated().compactMap { index, values in
            let position = first + index
            guard position < scalers.count else { return nil }
            let scaler = scalers[position]
            guard let step = values.firstIndex(where: { abs(scaler.scaled($0)) > Self.extrapolationLimit }) else { return nil }
            let name = position < columnNames.count ? columnNames[position] : "known feature \(index + 1)"
            return ExtrapolatedKnownValue(column: name, step: step + 1, value: values[step], scaledDistance: abs(scaler.scaled(values[step])))
        }
    }
}
