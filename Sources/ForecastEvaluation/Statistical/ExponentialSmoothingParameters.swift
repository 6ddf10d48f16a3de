/// The smoothing parameters and initial states of one fitted exponential smoothing model.
///
/// State-space form with additive errors (Hyndman et al. 2008, ch. 2; statsforecast `ets.py`):
///
///     ŷ[t]  = ℓ[t−1] + φ·b[t−1] + s[t−m]            e[t] = y[t] − ŷ[t]
///     ℓ[t]  = ℓ[t−1] + φ·b[t−1] + α·e[t]
///     b[t]  = φ·b[t−1] + β·e[t]
///     s[t]  = s[t−m] + γ·e[t]
///
/// with b ≡ 0 without trend, φ = 1 without damping and s ≡ 0 without season.
public struct ExponentialSmoothingParameters: Hashable, Sendable {
    public var alpha: Double
    /// Zero without trend.
    public var beta: Double
    /// Zero without season.
    public var gamma: Double
    /// One without damping.
    public var phi: Double
    /// ℓ₀.
    public var level: Double
    /// b₀; zero without trend.
    public var slope: Double
    /// The m seasonal states before the first observation, oldest first: `season[i]` is s[i−m], the one
    /// added to the forecast of y[i] for i < m. They sum to zero. Empty without season.
    public var season: [Double]

    public init(alpha: Double, beta: Double = 0, gamma: Double = 0, phi: Double = 1, level: Double,
                slope: Double = 0, season: [Double] = []) {
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.phi = phi
        self.level = level
        self.slope = slope
        self.season = season
    }
}
