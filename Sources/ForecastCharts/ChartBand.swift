/// A shaded region between two curves, such as an 80 % or 95 % prediction interval.
///
/// NaN in any of the three arrays splits the band, as it splits a line.
public struct ChartBand: Sendable {
    public var name: String
    public var x: [Double]
    public var lower: [Double]
    public var upper: [Double]
    /// A CSS colour; nil takes the colour of the forecast palette entry.
    public var color: String?
    /// Fill opacity; narrower (lower-level) intervals drawn on top with more opacity read as
    /// "more likely here".
    public var opacity: Double

    /// - Precondition: the three arrays have the same length.
    public init(name: String, x: [Double], lower: [Double], upper: [Double], color: String? = nil, opacity: Double = 0.2) {
        precondition(x.count == lower.count && x.count == upper.count,
                     "ChartBand \(name): \(x.count) x, \(lower.count) lower and \(upper.count) upper values")
        self.name = name
        self.x = x
        self.lower = lower
        self.upper = upper
        self.color = color
        self.opacity = opacity
    }
}
