import ForecastActions
import Foundation
import Testing
import _ForecastTestSupport

/// The many-series actions: results in file order whatever the threads, failed series reported and
/// counted while the others go on, and the global model's results matched to their series.
@Suite("Many-series actions")
struct ManySeriesActionTests {

    @Test(arguments: [false, true])
    func forecastsEverySeriesInFileOrder(global: Bool) throws {
        let folder = try ScratchFolder()
        let file = try folder.write("long.csv", ActionFixtures.longCSV(ids: ["b", "a", "short", "c"], rows: [60, 48, 5, 54]))
        let log = ReportLog()
        let source = try ManySeriesSource.open(.file(file), idColumn: "id", target: "value", reporter: log.reporter)
        let delivered = Locked<[(id: String, result: ForecastResult)]>([])
        let outcome = try ManySeriesForecastAction(source: source, configuration: ActionFixtures.quick, steps: 3,
                                                   threads: 2, global: global)
            .run(reporter: log.reporter) { id, result in delivered.withLock { $0.append((id, result)) } }
        #expect(delivered.value.map(\.id) == ["b", "a", "c"])
        #expect(outcome == ManySeriesOutcome(failed: ["short"], total: 4))
        #expect(log.all.contains("failed short"))
        #expect(delivered.value.map(\.result).allSatisfy { $0.steps.count == 3 && $0.steps.first?.date != nil })
        // Each result is dated after its own series' last month.
        #expect(delivered.value.map(\.result).map { $0.steps[0].date } == ["2005-01", "2004-01", "2004-07"])
    }

    @Test func backtestsEverySeriesAndWritesTheirFolds() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("long.csv", ActionFixtures.longCSV(ids: ["x", "y"], rows: [60, 60]))
        let source = try ManySeriesSource.open(.file(file), idColumn: "id", target: "value")
        let settings = BacktestSettings(configuration: ActionFixtures.quick, includesModel: false, horizon: 4, folds: 2)
        let results = Locked<[String]>([])
        let outcome = try ManySeriesBacktestAction(source: source, settings: settings, threads: 2, forecastsPath: folder.path("folds.csv"))
            .run { id, _ in results.withLock { $0.append(id) } }
        #expect(results.value == ["x", "y"])
        #expect(outcome.summary.rows.map(\.method) == BacktestSettings.allBaselines)
        #expect(outcome.summary.rows.allSatisfy { $0.series == 2 })
        let lines = try folder.read("folds.csv").split(separator: "\n")
        #expect(lines.count == 1 + 2 * 2 * 4)
        #expect(lines[1].hasPrefix("x,") && lines.last!.hasPrefix("y,"))
    }
}
