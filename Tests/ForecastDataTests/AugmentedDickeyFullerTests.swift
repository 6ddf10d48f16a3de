import Foundation
import Testing
@testable import ForecastData

/// Statistics against statsmodels' `adfuller` (constant, fixed lags, no automatic lag choice),
/// produced by Utilities/ReferenceImplementations/adf_reference.py; tolerance 1e-8 relative.
struct AugmentedDickeyFullerTests {
    static func column(_ file: String, _ name: String) throws -> [Double] {
        let text = try String(contentsOf: DatasetDates.directory.appendingPathComponent(file), encoding: .utf8)
        let header = text.prefix { $0 != "\n" }.split(separator: ",")
        let index = try #require(header.firstIndex(of: Substring(name)))
        return try DatasetDates.rows(of: file).map { try #require(Double($0[index])) }
    }

    @Test(arguments: [
        ("airpassengers_monthly.csv", "Passengers", 3, -1.5356277683826978),
        ("sunspots_yearly.csv", "SUNACTIVITY", 0, -5.4341620351833395),
        ("sunspots_yearly.csv", "SUNACTIVITY", 5, -6.007521581074553),
        ("macrodata_quarterly.csv", "infl", 2, -3.054514496257237),
    ])
    func matchesStatsmodels(file: String, column: String, lags: Int, expected: Double) throws {
        let values = try Self.column(file, column)
        let statistic = try #require(AugmentedDickeyFuller.statistic(values, lags: lags))
        #expect(abs(statistic - expected) <= 1e-8 * abs(expected))
    }

    @Test func aRandomWalkKeepsItsUnitRootAndNoiseDoesNot() {
        var generator = SplitMix(seed: 5)
        var walk = [0.0]
        var noise: [Double] = []
        for _ in 0..<500 {
            let shock = generator.nextDouble() - 0.5
            walk.append(walk.last! + shock)
            noise.append(shock)
        }
        #expect(AugmentedDickeyFuller.hasUnitRoot(walk))
        #expect(!AugmentedDickeyFuller.hasUnitRoot(noise))
        // A trend is persistent too.
        #expect(AugmentedDickeyFuller.hasUnitRoot((0..<200).map { Double($0) + noise[$0] }))
    }

    /// The statistic is the same for the series in any units: a random walk around 100 keeps its
    /// unit root at 10⁹ (once taken for stationary), at 10⁻⁶ and near the largest double.
    @Test(arguments: [1e9, 1e-6, 1e-300, 1e300])
    func theStatisticDoesNotDependOnTheUnits(scale: Double) throws {
        var generator = SplitMix(seed: 11)
        var walk = [100.0]
        for _ in 0..<299 { walk.append(walk.last! + generator.nextDouble() - 0.5) }
        let statistic = try #require(AugmentedDickeyFuller.statistic(walk))
        let scaled = try #require(AugmentedDickeyFuller.statistic(walk.map { $0 * scale }))
        #expect(abs(scaled - statistic) <= 1e-9 * abs(statistic), "\(scaled) against \(statistic)")
        #expect(AugmentedDickeyFuller.hasUnitRoot(walk) && AugmentedDickeyFuller.hasUnitRoot(walk.map { $0 * scale }))
        let shifted = try #require(AugmentedDickeyFuller.statistic(walk.map { $0 + 1e6 }))
        #expect(abs(shifted - statistic) <= 1e-6 * abs(statistic))
    }

    @Test func degenerateSeriesHaveNoStatistic() {
        #expect(AugmentedDickeyFuller.statistic(Array(repeating: 4, count: 100)) == nil)
        #expect(AugmentedDickeyFuller.statistic([1, 2, 3]) == nil)
        #expect(!AugmentedDickeyFuller.hasUnitRoot([1, 2, 3]))
    }
}
