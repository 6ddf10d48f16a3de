import Foundation

/// Applies a `TransformKind` to a series and inverts it on forecasts.
public enum SeriesTransform {
    /// The first value that a transform cannot take, by row index.
    public struct InvalidValue: LocalizedError, Hashable, Sendable {
        public let row: Int
        public let value: Double
        public let transform: TransformKind

        public var errorDescription: String? {
            "Row \(row + 1) of the series holds \(value), but the \(transform.rawValue) transform needs positive values."
        }
    }

    /// The transformed series: as long as `values` for `none` and `log`, one shorter for the
    /// differencing transforms (row `t` of the result belongs to row `t + 1` of the input).
    public static func apply(_ kind: TransformKind, to values: [Double]) throws(InvalidValue) -> [Double] {
        if kind.requiresPositiveValues, let row = values.firstIndex(where: { !($0 > 0) }) {
            throw InvalidValue(row: row, value: values[row], transform: kind)
        }
        switch kind {
        case .none:
            return values
        case .log:
            return values.map { Foundation.log($0) }
        case .difference:
            return values.count < 2 ? [] : (1..<values.count).map { values[$0] - values[$0 - 1] }
        case .logReturn:
            return values.count < 2 ? [] : (1..<values.count).map { Foundation.log(values[$0] / values[$0 - 1]) }
        }
    }

    /// Turns forecasts of transformed values back into levels, continuing from `lastObserved`, the
    /// last untransformed value of the history (used by the differencing transforms).
    ///
    /// `difference` cumulates changes from the last value; `log-return` compounds returns from it;
    /// `log` exponentiates.
    public static func invert(_ kind: TransformKind, forecasts: [Double], lastObserved: Double) -> [Double] {
        switch kind {
        case .none:
            return forecasts
        case .log:
            return forecasts.map { Foundation.exp($0) }
        case .difference:
            var level = lastObserved
            return forecasts.map { change in level += change; return level }
        case .logReturn:
            var logLevel = Foundation.log(lastObserved)
            return forecasts.map { logReturn in logLevel += logReturn; return Foundation.exp(logLevel) }
        }
    }
}
