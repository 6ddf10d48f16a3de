/// The state recursion of an additive-error exponential smoothing model (equations in
/// `ExponentialSmoothingParameters`): runs through a history, giving the sum of squared one-step
/// errors and the final states, and forecasts from them.
///
/// The m seasonal states live in a ring indexed by t mod m, so a step costs O(1) whatever the season
/// period (statsforecast shifts the whole array each step).
struct ExponentialSmoothingFilter {
    var level: Double
    var slope: Double
    /// `season[t % m]` is the seasonal state added at time t (last updated at t − m).
    var season: [Double]
    /// Observations filtered so far.
    var time = 0
    let parameters: ExponentialSmoothingParameters

    init(_ parameters: ExponentialSmoothingParameters) {
        self.parameters = parameters
        level = parameters.level
        slope = parameters.slope
        season = parameters.season
    }

    /// Filters `values` and returns their sum of squared one-step errors; nil when a state overflows.
    mutating func filter<C: Collection>(_ values: C) -> Double? where C.Element == Double {
        let p = parameters
        let m = season.count
        var sse = 0.0
        // The states in locals and the ring through a raw buffer with a wrapping index (no division
        // per step): the arithmetic is the one above, in the same order, so the numbers are the same.
        var (level, slope) = (self.level, self.slope)
        if m == 0 {
            for y in values {
                let damped = p.phi * slope
                let e = y - (level + damped + 0)
                level += damped + p.alpha * e
                slope = damped + p.beta * e
                sse += e * e
            }
        } else {
            var index = time % m
            season.withUnsafeMutableBufferPointer { season in
                for y in values {
                    let damped = p.phi * slope
                    let s = season[index]
                    let e = y - (level + damped + s)
                    level += damped + p.alpha * e
                    slope = damped + p.beta * e
                    season[index] = s + p.gamma * e
                    sse += e * e
                    index += 1
                    if index == m { index = 0 }
                }
            }
        }
        (self.level, self.slope) = (level, slope)
        time += values.count
        return sse.isFinite ? sse : nil
    }

    /// ŷ[T+k] = ℓ[T] + φ*ₖ·b[T] + s[T+k−m⌈k/m⌉], k = 1…horizon, with statsforecast's (and R
    /// `forecast::ets`'s C code's) damping sum φ*ₖ = φ + (φ + φ² + … + φ^{k−1}). The textbook sum
    /// φ + φ² + … + φᵏ is larger by φ − φᵏ slopes from the second step on (under 1 % of the trend term
    /// at φ ≥ 0.8); the statsforecast form is kept so the same parameters give the same forecasts.
    /// Without damping both are k.
    func forecast(horizon: Int) -> [Double] {
        let m = season.count
        let phi = parameters.phi
        var dampedSum = phi
        var power = 1.0
        return (0..<horizon).map { k in
            if k > 0 {
                power *= phi
                dampedSum += power
            }
            return level + dampedSum * slope + (m > 0 ? season[(time + k) % m] : 0)
        }
    }
}
