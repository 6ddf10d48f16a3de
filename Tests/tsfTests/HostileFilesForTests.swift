import Foundation
import _ForecastTestSupport

/// A fresh temporary folder holding the files one hostile-input test feeds to `tsf`, generated at
/// test time so that nothing large or odd is committed, and removed when the test ends.
final class HostileFiles {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("tsf-hostile-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        // A read-only folder left by a test must be made writable again before it can be removed.
        _ = chmod(folder.path, 0o755)
        try? FileManager.default.removeItem(at: folder)
    }

    /// The path of `name` inside the folder (the file need not exist).
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Writes `bytes` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
        return path(name)
    }

    /// Writes `text` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// A daily `Date,Close` file with one row per value; `nil` writes an empty field and a string
    /// value is written verbatim, so a test can place any token in the data.
    @discardableResult
    func writeSeries(_ name: String, _ values: [String?]) throws -> String {
        var text = "Date,Close\n"
        for (day, value) in values.enumerated() {
            text += "\(Self.date(day)),\(value ?? "")\n"
        }
        return try write(name, text: text)
    }

    /// A daily `Date,Close` random walk around 100 of `count` rows, from a fixed seed.
    @discardableResult
    func writeRandomWalk(_ name: String, count: Int, seed: UInt64 = 7, scale: Double = 1) throws -> String {
        try writeSeries(name, Self.randomWalk(count: count, seed: seed).map { String($0 * scale) })
    }

    /// A random walk of `count` values starting near 100, reproducible from `seed`.
    static func randomWalk(count: Int, seed: UInt64) -> [Double] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        var value = 100.0
        return (0..<count).map { _ in
            // xorshift64*: small, seedable and the same on every platform.
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27
            let uniform = Double((state &* 0x2545_F491_4F6C_DD1D) >> 11) / Double(1 << 53)
            value += uniform - 0.5
            return value
        }
    }

    /// `2000-01-01` plus `day` days, as ISO 8601, from the civil-from-days formula
    /// (Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms").
    static func date(_ day: Int) -> String {
        let z = day + 10957 + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(dayOfMonth))"
    }
}

/// The options that keep a training run in a CLI test to a fraction of a second.
let tinyModel = ["--epochs", "1", "--hidden", "4"]
