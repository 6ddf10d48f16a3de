/// An affine scaler fitted to training values: `scaled = (value − center) / scale`.
public struct FittedScaler: Hashable, Codable, Sendable {
    public let kind: ScalerKind
    public let center: Double
    public let scale: Double

    /// A scaler with known parameters, as read back from a model file.
    public init(kind: ScalerKind, center: Double, scale: Double) {
        precondition(scale != 0 && scale.isFinite && center.isFinite, "a scaler needs a finite, non-zero scale")
        self.kind = kind
        self.center = center
        self.scale = scale
    }

    /// Fits `kind` to `values`, which must be finite and non-empty.
    public init(kind: ScalerKind, fittedTo values: [Double]) {
        precondition(!values.isEmpty, "a scaler needs at least one value to fit")
        var center = 0.0
        var scale = 1.0
        switch kind {
        case .none:
            break
        case .standard:
            // Summing value / n and squaring deviations relative to the largest one keep the mean
            // and the spread finite and exact to rounding at any magnitude: squaring 1e-300
            // underflows to 0 and summing 1e300s overflows to infinity.
            let count = Double(values.count)
            center = values.reduce(0) { $0 + $1 / count }
            let largest = values.reduce(0) { max($0, abs($1 - center)) }
            if largest > 0, largest.isFinite {
                let variance = values.reduce(0) { $0 + (($1 - center) / largest) * (($1 - center) / largest) } / count
                scale = largest * variance.squareRoot()
            }
        case .minmax:
            let low = values.min()!, high = values.max()!
            center = low
            scale = high - low
        case .robust:
            let sorted = values.sorted()
            center = Self.quantile(sorted, 0.5)
            scale = Self.quantile(sorted, 0.75) - Self.quantile(sorted, 0.25)
        }
        // A constant training part (or a degenerate spread) only shifts.
        if !(scale > 0) || !scale.isFinite { scale = 1 }
        self.init(kind: kind, center: center, scale: scale)
    }

    public func scaled(_ value: Double) -> Double { (value - center) / scale }
    public func unscaled(_ value: Double) -> Double { value * scale + center }
    public func scaled(_ values: [Double]) -> [Double] { values.map(scaled) }
    public func unscaled(_ values: [Double]) -> [Double] { values.map(unscaled) }

    /// The `p`-quantile of sorted values with linear interpolation between order statistics
    /// (numpy's default, "type 7" in Hyndman & Fan, 1996).
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let weight = position - Double(below)
        return sorted[below] + weight * (sorted[above] - sorted[below])
    }
}
