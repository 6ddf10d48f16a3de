import ArgumentParser
import Foundation

/// `--level 80,95`: interval levels in percent, returned as fractions.
enum IntervalLevels {
    static func parse(_ text: String?) throws -> [Double] {
        guard let text else { return [] }
        let levels = try text.split(separator: ",").map { part -> Double in
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard let percent = Double(trimmed), percent > 0, percent < 100 else {
                throw ValidationError("--level takes percentages between 0 and 100, such as 80,95; not \"\(trimmed)\".")
            }
            return percent / 100
        }
        guard !levels.isEmpty else { throw ValidationError("--level names no level.") }
        return levels
    }
}
