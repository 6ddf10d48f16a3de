import ForecastActions
import Foundation
import Testing
import _ForecastTestSupport

/// The many-series actions: results in file order whatever the threads, failed series reported and
/// counted while the others go on, and the global model's results matched to their series.
@Suite("Many-series actions")
struct ManySeriesActionTests {
    final class Delivered: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [(String, ForecastResult)] = []
        func append(_ id: String, _ result: ForecastResult) { lock.withLock { items.append((id, result)) } }
        var ids: [String] { lock.withLock { items.map(\.0) } }
        var results: [ForecastResult] { lock.withLock { items.map(\.1) } }
    }

    @Test(arguments: [false, true])
    func forecastsEverySeriesInFileOrder(global: Bool) throws {
        let folder = try ScratchFolder()
        let file = try folder.write("long.csv", ActionFixtures.longCSV(ids: ["b", "a", "short", "c"], rows: [60, 48, 5, 54]))
        let log = ReportLog()
        let source = try ManySeriesSource.open(.file(file), idColumn: "id", target: "value", reporter: log.reporter)
        let delivered = Delivered()
        let outcome = try ManySeriesForecastAction(source: source, configuration: ActionFixtures.quick, steps: 3,
                                                   threads: 2, global: global)
            .run(reporter: log.reporter) { id, result in delivered.append(id, result) }
        #expect(delivered.ids == ["b", "a", "c"])
        #expect(outcome == ManySeriesOutcome(failed: ["short"], total: 4))
        #expect(log.all.contains("failed short"))
        #expect(delivered.results.allSatisfy { $0.steps.count == 3 && $0.steps.first?.date != nil })
        // Each result is dated after its own series' last month.
        #expect(delivered.results.map { $0.steps[0].date } == ["2005-01", "2004-01", "2004-07"])
    }

    @Test func backtestsEverySeriesAndWritesTheirFolds() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("long.csv", ActionFixtures.longCSV(ids: ["x", "y"], rows: [60, 60]))
        let source = try ManySeriesSource.open(.file(file), idColumn: "id", target: "value")
        let settings = BacktestSettings(configuration: ActionFixtures.quick, includesModel: false, steps: 4, folds: 2)
        let results = ResultsByID()
        let outcome = try ManySeriesBacktestAction(source: source, settings: settings, threads: 2, forecastsPath: folder.path("folds.csv"))
            .run { id, result in results.append(id) }
        #expect(results.ids == ["x", "y"])
        #expect(outcome.summary.rows.map(\.method) == BacktestSettings.allBaselines)
        #expect(outcome.summary.rows.allSatisfy { $0.series == 2 })
        let lines = try folder.read("folds.csv").split(separator: "\n")
        #expect(lines.count == 1 + 2 * 2 * 4)
        #expect(lines[1].hasPrefix("x,") && lines.last!.hasPrefix("y,"))
    }

    final class ResultsByID: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        func append(_ id: String) { lock.withLock { stored.append(id) } }
        var ids: [String] { lock.withLock { stored } }
    }
}
