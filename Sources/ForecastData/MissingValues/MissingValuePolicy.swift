/// What to do with missing values (NaN) in a series before modelling it.
///
/// | policy   | interior gap                    | leading gap           | trailing gap            |
/// |----------|---------------------------------|-----------------------|-------------------------|
/// | `error`  | throws, naming the first index  | throws                | throws                  |
/// | `drop`   | rows removed                    | rows removed          | rows removed            |
/// | `ffill`  | last value before the gap       | rows removed (no value before them) | last value |
/// | `linear` | straight line between neighbours| rows removed          | rows removed            |
///
/// `linear` never invents values beyond the observed range: outside the first and last observed
/// values there is only one neighbour, so those rows are dropped (and reported) rather than
/// extrapolated or held flat. Interpolation is by position, which is by time for a regular series.
/// Only NaN counts as missing; infinities are values (a reader should reject them as bad data).
public enum MissingValuePolicy: String, CaseIterable, Sendable {
    case error
    case drop
    case ffill
    case linear

    /// The values after applying the policy, the original positions that were kept (in order), and
    /// the counts; throws `MissingValueError` for `.error` when any value is missing.
    ///
    /// Complexity: O(n).
    public func apply(to values: [Double]) throws(MissingValueError) -> MissingValueResult {
        let missingCount = values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
        guard missingCount > 0 else {
            return MissingValueResult(values: values, keptIndices: Array(values.indices), report: MissingValueReport())
        }
        guard let firstObserved = values.firstIndex(where: { !$0.isNaN }),
              let lastObserved = values.lastIndex(where: { !$0.isNaN }) else {
            if self == .error, let first = values.indices.first { throw MissingValueError(index: first) }
            return MissingValueResult(
                values: [], keptIndices: [],
                report: MissingValueReport(missing: missingCount, dropped: missingCount,
                                           leadingDropped: missingCount)
            )
        }
        let leading = firstObserved
        let trailing = values.count - 1 - lastObserved
        var kept: [Int] = []
        var filled: [Double] = []
        kept.reserveCapacity(values.count)
        filled.reserveCapacity(values.count)

        switch self {
        case .error:
            throw MissingValueError(index: values.firstIndex(where: \.isNaN) ?? 0)

        case .drop:
            for (index, value) in values.enumerated() where !value.isNaN {
                kept.append(index)
                filled.append(value)
            }
            return MissingValueResult(
                values: filled, keptIndices: kept,
                report: MissingValueReport(missing: missingCount, dropped: missingCount,
                                           leadingDropped: leading, trailingDropped: trailing)
            )

        case .ffill:
            var last = values[firstObserved]
            for index in firstObserved..<values.count {
                if !values[index].isNaN { last = values[index] }
                kept.append(index)
                filled.append(last)
            }
            return MissingValueResult(
                values: filled, keptIndices: kept,
                report: MissingValueReport(missing: missingCount, filled: missingCount - leading,
                                           dropped: leading, leadingDropped: leading)
            )

        case .linear:
            var previousObserved = firstObserved
            for index in firstObserved...lastObserved {
                let value = values[index]
                kept.append(index)
                if !value.isNaN {
                    filled.append(value)
                    previousObserved = index
                    continue
                }
                // The next observed value exists: `lastObserved` is observed and ≥ index.
                var nextObserved = index + 1
                while values[nextObserved].isNaN { nextObserved += 1 }
                let weight = Double(index - previousObserved) / Double(nextObserved - previousObserved)
                let before = values[previousObserved]
                let after = values[nextObserved]
                filled.append(before + weight * (after - before))
            }
            return MissingValueResult(
                values: filled, keptIndices: kept,
                report: MissingValueReport(missing: missingCount, filled: missingCount - leading - trailing,
                                           dropped: leading + trailing,
                                           leadingDropped: leading, trailingDropped: trailing)
            )
        }
    }
}
