import Foundation
import Testing
import Forecasting

/// The global model's walk-forward backtest: no series' future reaches any fit, folds align from
/// the end when series have different lengths, the refit policy is followed, and the thread count
/// changes nothing.
@Suite struct GlobalBacktestTests {
    static func quick(threads: Int = 1) -> ForecasterConfiguration {
        var configuration = ForecasterConfiguration()
        configuration.hiddenSize = 4
        configuration.epochs = 2
        configuration.lookback = 6
        configuration.horizon = 3
        configuration.threads = threads
        return configuration
    }

    /// Three series of different lengths and levels sharing one wavy pattern.
    static let family: [[Double]] = [wave(level: 1, length: 60), wave(level: 50, length: 52), wave(level: 2000, length: 70)]

    static func wave(level: Double, length: Int) -> [Double] {
        (0..<length).map { (row: Int) -> Double in
            let t = Double(row)
            return level * (1 + 0.1 * sin(t * 0.7) + 0.002 * t)
        }
    }

    static func backtests(_ series: [[Double]], refit: BacktestPlan.RefitPolicy = .everyFold) -> [WalkForwardBacktest] {
        series.map { values in
            // The shortest series fits only two folds with this much history: folds align from the end.
            let plan = BacktestPlan.lastFolds(3, horizon: 3, rows: values.count, minimumHistory: 46, refit: refit)
            return WalkForwardBacktest(plan: plan, seasonPeriod: 1)
        }
    }

    static func run(_ series: [[Double]], threads: Int = 1, refit: BacktestPlan.RefitPolicy = .everyFold)
        throws -> (folds: [[FoldForecast]], fits: Int) {
        let backtest = GlobalBacktest(configuration: quick(threads: threads), frequency: .irregular)
        let (results, report) = backtest.run(series: series, backtests: backtests(Self.family, refit: refit))
        return (try results.map { try $0.get() }, report.fits.count)
    }

    @Test func everySeriesIsScoredOnItsOwnFoldsAlignedFromTheEnd() throws {
        let plans = Self.backtests(Self.family)
        #expect(plans.map(\.plan.cutoffs.count) == [3, 2, 3])
        let (folds, fits) = try Self.run(Self.family)
        #expect(fits == 3)
        for (s, seriesFolds) in folds.enumerated() {
            #expect(seriesFolds.map(\.cutoff) == plans[s].plan.cutoffs)
            #expect(seriesFolds.allSatisfy { $0.forecasts.count == 3 && $0.forecasts.allSatisfy(\.isFinite) })
        }
    }

    @Test func noSeriesFutureReachesAnyFold() throws {
        let plans = Self.backtests(Self.family)
        let (clean, _) = try Self.run(Self.family)
        for fold in 0..<3 {
            // Every series' rows from its own cut-off of this (aligned) fold on become nonsense.
            var poisoned = Self.family
            for s in poisoned.indices {
                let cutoffs = plans[s].plan.cutoffs
                let local = fold - (3 - cutoffs.count)
                guard local >= 0 else { continue }
                for row in cutoffs[local]..<poisoned[s].count { poisoned[s][row] = 1e6 + Double(row) * 7919 }
            }
            let (after, _) = try Self.run(poisoned)
            for s in poisoned.indices {
                let local = fold - (3 - plans[s].plan.cutoffs.count)
                guard local >= 0 else { continue }
                #expect(after[s][local].forecasts == clean[s][local].forecasts, "series \(s), fold \(local) moved")
            }
        }
        // The check can fail: the last row before the last cut-offs does move the last fold.
        var touched = Self.family
        for s in touched.indices { touched[s][plans[s].plan.cutoffs.last! - 1] *= 1.5 }
        let (moved, _) = try Self.run(touched)
        #expect(moved[0].last!.forecasts != clean[0].last!.forecasts)
    }

    @Test func refitOnceTrainsOneNetworkAndTheThreadCountChangesNothing() throws {
        let (once, fits) = try Self.run(Self.family, refit: .once)
        #expect(fits == 1)
        let (onceTwoThreads, _) = try Self.run(Self.family, threads: 2, refit: .once)
        #expect(once.map { $0.map(\.forecasts) } == onceTwoThreads.map { $0.map(\.forecasts) })
        let (every, _) = try Self.run(Self.family)
        let (everyTwoThreads, _) = try Self.run(Self.family, threads: 2)
        #expect(every.map { $0.map(\.forecasts) } == everyTwoThreads.map { $0.map(\.forecasts) })
    }

    /// Plans whose refits are spaced by their own fold counts (a long series refitted every second
    /// fold, a short one every fold) are scored on the longest plan's fits, where differing refit
    /// policies stopped the process.
    @Test func plansWithDifferentRefitSpacingsShareTheLongestPlansFits() throws {
        let long = BacktestPlan.lastFolds(4, horizon: 3, rows: 70, minimumHistory: 46, refit: .every(2))
        let short = BacktestPlan.lastFolds(2, horizon: 3, rows: 52, minimumHistory: 40, refit: .everyFold)
        let backtests = [WalkForwardBacktest(plan: long, seasonPeriod: 1), WalkForwardBacktest(plan: short, seasonPeriod: 1)]
        let series = [Self.wave(level: 2000, length: 70), Self.wave(level: 50, length: 52)]
        let (results, report) = GlobalBacktest(configuration: Self.quick(), frequency: .irregular).run(series: series, backtests: backtests)
        #expect(try results[0].get().count == 4 && results[1].get().count == 2)
        #expect(report.fits.count == 2)
    }

    /// A member whose history holds one value is scored on the naive forecast under the automatic
    /// method (what a forecast of it gives), and fails as constant when the network is forced.
    @Test func aConstantSeriesIsScoredAsItsValueUnderTheAutomaticMethod() throws {
        let series = Self.family + [Array(repeating: 4.25, count: 60)]
        var backtests = Self.backtests(Self.family)
        backtests.append(WalkForwardBacktest(plan: BacktestPlan.lastFolds(3, horizon: 3, rows: 60, minimumHistory: 46), seasonPeriod: 1))
        var automatic = Self.quick()
        automatic.selection = .automatic
        let (results, _) = GlobalBacktest(configuration: automatic, frequency: .irregular).run(series: series, backtests: backtests)
        let folds = try results[3].get()
        #expect(folds.count == 3 && folds.allSatisfy { $0.forecasts == [4.25, 4.25, 4.25] })
        var forced = Self.quick()
        forced.selection = .network
        let (refused, _) = GlobalBacktest(configuration: forced, frequency: .irregular).run(series: series, backtests: backtests)
        guard case .failure(let error) = refused[3], case .constantSeries(4.25)? = error as? ForecasterError else {
            Issue.record("expected the constant series to fail as constant, got \(refused[3])")
            return
        }
    }

    @Test func aSeriesTooShortForATrainingWindowFailsAlone() {
        let series = Self.family + [[1, 2, 3, 4, 5, 6, 7, 8]]
        var backtests = Self.backtests(Self.family)
        backtests.append(WalkForwardBacktest(plan: BacktestPlan(cutoffs: [5], horizon: 3), seasonPeriod: 1))
        let (results, _) = GlobalBacktest(configuration: Self.quick(), frequency: .irregular).run(series: series, backtests: backtests)
        #expect(results.prefix(3).allSatisfy { (try? $0.get()) != nil })
        guard case .failure(let error) = results[3], case .seriesTooShort? = error as? ForecasterError else {
            Issue.record("expected the short series to fail as too short, got \(results[3])")
            return
        }
    }
}
