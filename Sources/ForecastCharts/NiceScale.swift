import Foundation

/// Evenly spaced axis ticks at "nice" steps (1, 2, 2.5 or 5 × 10^k), so a reader can interpolate
/// between labels at a glance.
///
/// The step is the smallest nice number at least `span / (desiredTicks - 1)`, and the range is
/// widened outward to whole steps. Every nice mantissa is at most twice the raw step, so a
/// request for 6 ticks yields between 4 and 7 of them.
struct NiceScale: Equatable, Sendable {
    /// The axis start, a whole multiple of `step` at or below the data minimum.
    let lower: Double
    /// The axis end, a whole multiple of `step` at or above the data maximum.
    let upper: Double
    /// The distance between neighbouring ticks.
    let step: Double

    /// The mantissas a step may have, in increasing order.
    static let mantissas: [Double] = [1, 2, 2.5, 5, 10]

    /// A scale covering `minimum ... maximum`; a zero-width or non-finite range is padded first so
    /// that a constant series still gets a usable axis.
    /// - Parameters:
    ///   - integerSteps: whether steps must be whole numbers (step-numbered axes).
    init(minimum: Double, maximum: Double, desiredTicks: Int = 6, integerSteps: Bool = false) {
        precondition(desiredTicks >= 2, "NiceScale needs at least 2 desired ticks, got \(desiredTicks)")
        var low = minimum.isFinite ? minimum : 0
        var high = maximum.isFinite ? maximum : low
        if high < low { swap(&low, &high) }
        if high - low <= max(abs(low), abs(high)) * 1e-12 {
            // A constant series: pad by 10 % of its magnitude (or by 1 around zero).
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        var step = NiceScale.niceStep(atLeast: (high - low) / Double(desiredTicks - 1))
        if integerSteps { step = max(1, step.rounded(.up)) }
        self.step = step
        self.lower = (low / step).rounded(.down) * step
        self.upper = (high / step).rounded(.up) * step
    }

    /// The smallest nice number (1, 2, 2.5, 5 × 10^k) that is at least `raw`.
    static func niceStep(atLeast raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for mantissa in mantissas where mantissa * magnitude >= raw * (1 - 1e-12) {
            return mantissa * magnitude
        }
        return 10 * magnitude
    }

    /// The tick values from `lower` to `upper`, each computed from its index so that no
    /// rounding error accumulates along the axis.
    var ticks: [Double] {
        let first = (lower / step).rounded()
        let count = Int(((upper - lower) / step).rounded()) + 1
        return (0..<count).map { (first + Double($0)) * step }
    }

    /// The number of decimals that shows every tick exactly (2.5 × 10^k needs one more digit).
    var decimals: Int {
        let exponent = Int(log10(step).rounded(.down))
        let mantissa = step / pow(10, Double(exponent))
        let extra = abs(mantissa - 2.5) < 1e-9 ? 1 : 0
        return max(0, -exponent + extra)
    }
}
