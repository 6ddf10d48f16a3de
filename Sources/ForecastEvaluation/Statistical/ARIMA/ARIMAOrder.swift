/// The orders of a seasonal ARIMA(p, d, q)(P, D, Q)[m] model and whether it carries a constant.
///
/// The model of Box & Jenkins: with B the backshift operator,
///
///     φ(B) Φ(Bᵐ) (1 − B)ᵈ (1 − Bᵐ)ᴰ (y_t − c(t)) = θ(B) Θ(Bᵐ) ε_t,
///
/// where φ, Φ, θ, Θ are polynomials of degrees p, P, q, Q with constant term 1 (AR terms enter with a
/// minus sign, MA terms with a plus sign, as in R's `arima` and statsforecast). The constant c(t) is a
/// mean μ when d + D = 0 and a drift δ·t (t = 1, 2, …) when d + D = 1; with two or more differences
/// there is none (Hyndman & Khandakar 2008, "Automatic time series forecasting: the forecast package
/// for R", J. Stat. Softw. 27(3)).
public struct ARIMAOrder: Hashable, Sendable, CustomStringConvertible {
    public var p: Int
    public var d: Int
    public var q: Int
    public var seasonalP: Int
    public var seasonalD: Int
    public var seasonalQ: Int
    /// The season period m; 1 for a model with no seasonal part.
    public var period: Int
    /// A mean (d + D = 0) or a drift (d + D = 1); ignored with more differences.
    public var constant: Bool

    public init(p: Int, d: Int, q: Int, seasonalP: Int = 0, seasonalD: Int = 0, seasonalQ: Int = 0,
                period: Int = 1, constant: Bool = false) {
        precondition(min(p, d, q, seasonalP, seasonalD, seasonalQ) >= 0 && period >= 1, "orders must not be negative")
        precondition(period > 1 || seasonalP + seasonalD + seasonalQ == 0, "a seasonal part needs a period above 1")
        self.p = p
        self.d = d
        self.q = q
        self.seasonalP = seasonalP
        self.seasonalD = seasonalD
        self.seasonalQ = seasonalQ
        self.period = period
        self.constant = constant
    }

    /// Whether the constant is fitted as a mean μ.
    public var hasMean: Bool { constant && d + seasonalD == 0 }
    /// Whether the constant is fitted as a drift δ·t.
    public var hasDrift: Bool { constant && d + seasonalD == 1 }
    /// The number of ARMA coefficients p + q + P + Q.
    public var armaCount: Int { p + q + seasonalP + seasonalQ }
    /// The coefficients estimated: ARMA plus the mean or drift.
    public var coefficientCount: Int { armaCount + (hasMean || hasDrift ? 1 : 0) }
    /// The degree of the full AR polynomial φ(B)Φ(Bᵐ).
    public var expandedARDegree: Int { p + period * seasonalP }
    /// The degree of the full MA polynomial θ(B)Θ(Bᵐ).
    public var expandedMADegree: Int { q + period * seasonalQ }
    /// The values lost to differencing, d + D·m.
    public var differencingLoss: Int { d + seasonalD * period }

    /// "ARIMA(2,1,1)(0,1,1)[12] with drift", worded as statsforecast's `arima_string`.
    public var description: String {
        var text = "ARIMA(\(p),\(d),\(q))"
        if period > 1 && seasonalP + seasonalD + seasonalQ > 0 {
            text += "(\(seasonalP),\(seasonalD),\(seasonalQ))[\(period)]"
        }
        if hasDrift { text += " with drift" } else if hasMean { text += " with non-zero mean" }
        else if d + seasonalD == 0 { text += " with zero mean" }
        return text
    }
}
