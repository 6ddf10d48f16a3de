import Foundation

/// A prediction interval to shade around a forecast: `lower[i] ... upper[i]` at forecast step `i`,
/// expected to hold the actual value with probability `level` (0.8 for an 80 % interval).
public struct ChartInterval: Sendable {
    public var level: Double
    public var lower: [Double]
    public var upper: [Double]

    public init(level: Double, lower: [Double], upper: [Double]) {
        self.level = level
        self.lower = lower
        self.upper = upper
    }

    /// `80 %` style, trimmed of needless decimals.
    public var label: String {
        let percent = level * 100
        let text = percent == percent.rounded() ? String(Int(percent)) : String(format: "%.1f", percent)
        return "\(text) % interval"
    }
}
