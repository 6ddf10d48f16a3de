import Foundation

/// Short number labels for chart axes: `1,204`, `1.2k`, `3.5M`, `0.005`, `-20`.
///
/// All ticks of one axis share one format (same suffix, same decimals) so that labels line up and
/// compare at a glance. Thousands separators keep four-digit prices readable; the `k`/`M`/`G`
/// suffixes start at 10,000, where digit groups become tiring to count.
enum ChartNumberFormat {
    /// Labels for the ticks of a `NiceScale`, sharing one suffix and decimal count.
    static func labels(for scale: NiceScale) -> [String] {
        labels(for: scale.ticks, step: scale.step)
    }

    /// Labels for evenly spaced `ticks` that are `step` apart.
    static func labels(for ticks: [Double], step: Double) -> [String] {
        let largest = ticks.map(abs).max() ?? 0
        let stepSize = abs(step)
        if largest != 0 && largest < 1e-4 || largest >= 1e15 {
            return ticks.map { scientific($0) }
        }
        let (divisor, suffix) = suffix(for: largest)
        let scaledStep = stepSize / divisor
        let decimals = decimalsShowing(step: scaledStep)
        return ticks.map { format($0 / divisor, decimals: decimals) + ($0 == 0 ? "" : suffix) }
    }

    /// One value with about three significant digits (used for the terminal chart's min/max).
    static func compact(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
        let magnitude = abs(value)
        if magnitude != 0 && magnitude < 1e-4 || magnitude >= 1e15 { return scientific(value) }
        let (divisor, suffix) = suffix(for: magnitude)
        let scaled = value / divisor
        // Three significant digits: 56.1, 1,204 (no suffix below 10,000), 0.00512.
        let exponent = scaled == 0 ? 0 : Int(log10(abs(scaled)).rounded(.down))
        let decimals = min(8, max(0, 2 - exponent))
        var text = format(scaled, decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return (text == "-0" ? "0" : text) + (value == 0 ? "" : suffix)
    }

    /// The divisor and suffix for values up to `largest`.
    private static func suffix(for largest: Double) -> (Double, String) {
        switch largest {
        case 1e12...: return (1e12, "T")
        case 1e9...: return (1e9, "G")
        case 1e6...: return (1e6, "M")
        case 1e4...: return (1e3, "k")
        default: return (1, "")
        }
    }

    /// Decimals needed to tell apart values `step` apart (at most 6).
    private static func decimalsShowing(step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        for decimals in 0...6 {
            let scaled = step * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return decimals }
        }
        return 6
    }

    /// Fixed decimals with thousands separators and a plain hyphen-minus sign.
    static func format(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        grouped = whole + grouped
        if parts.count == 2 { grouped += "." + parts[1] }
        let isZero = Double(text) == 0
        return (value < 0 && !isZero ? "-" : "") + grouped
    }

    /// `1.5e-6` style, for magnitudes where fixed notation would be unreadable.
    private static func scientific(_ value: Double) -> String {
        var text = String(format: "%.2g", value)
        text = text.replacingOccurrences(of: "e-0", with: "e-").replacingOccurrences(of: "e+0", with: "e")
        return text.replacingOccurrences(of: "e+", with: "e")
    }
}
