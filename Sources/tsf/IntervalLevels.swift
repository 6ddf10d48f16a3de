import ArgumentParser
import ForecastActions
import Foundation

/// `--level 80,95` or `--level 0.8,0.95`: interval levels, returned as fractions.
///
/// A value in (0, 1) is a fraction, as Python users write 90 % (0.9); a value in [1, 100) is a
/// percentage. Anything else is refused rather than read as a level nobody meant (0.9 read as a
/// percentage would be a 0.9 % interval).
///
/// `--quantiles 10,50,90` (or `0.1,0.5,0.9`) reads the same way, as quantile levels.
enum IntervalLevels {
    static func parse(_ text: String?, flag: String = "--level", examples: (String, String) = ("80,95", "0.8,0.95")) throws -> [Double] {
        guard let text else { return [] }
        let levels = try text.split(separator: ",").map { part -> Double in
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard let value = Double(trimmed), value > 0, value < 100 else {
                throw ValidationError("\(flag) takes percentages such as \(examples.0) (or fractions such as \(examples.1)); not \"\(trimmed)\".")
            }
            return value < 1 ? value : value / 100
        }
        guard !levels.isEmpty else { throw ValidationError("\(flag) names no level.") }
        guard Set(levels).count == levels.count else { throw ValidationError("\(flag) names a level twice: \"\(text)\".") }
        // Each level names its columns (lower80, upper99.5) to a millionth of a percent: two that
        // share a name, or one that rounds to 0, would print as one column or as none.
        let names = levels.map(ForecastStep.percent)
        if let zero = zip(levels, names).first(where: { Double($0.1) == 0 }) {
            throw ValidationError("\(flag) \(zero.0 * 100) % is below a millionth of a percent, the finest level a column is named by.")
        }
        guard Set(names).count == names.count else {
            throw ValidationError("\(flag) names levels that differ by less than a millionth of a percent, the finest a column is named by: \"\(text)\".")
        }
        return levels
    }

    /// `--quantiles`: quantile levels as fractions.
    static func parseQuantiles(_ text: String?) throws -> [Double] {
        try parse(text, flag: "--quantiles", examples: ("10,50,90", "0.1,0.5,0.9"))
    }
}
