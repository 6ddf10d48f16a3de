import ArgumentParser
import Foundation

/// `--level 80,95` or `--level 0.8,0.95`: interval levels, returned as fractions.
///
/// A value in (0, 1) is a fraction, as Python users write 90 % (0.9); a value in [1, 100) is a
/// percentage. Anything else is refused rather than read as a level nobody meant (0.9 read as a
/// percentage would be a 0.9 % interval).
enum IntervalLevels {
    static func parse(_ text: String?) throws -> [Double] {
        guard let text else { return [] }
        let levels = try text.split(separator: ",").map { part -> Double in
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard let value = Double(trimmed), value > 0, value < 100 else {
                throw ValidationError("--level takes percentages such as 80,95 (or fractions such as 0.8,0.95); not \"\(trimmed)\".")
            }
            return value < 1 ? value : value / 100
        }
        guard !levels.isEmpty else { throw ValidationError("--level names no level.") }
        guard Set(levels).count == levels.count else { throw ValidationError("--level names a level twice: \"\(text)\".") }
        return levels
    }
}
