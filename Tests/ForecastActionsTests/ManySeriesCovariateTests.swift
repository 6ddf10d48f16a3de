@testable import ForecastActions
import Foundation
import Testing
import _ForecastTestSupport

/// Covariates over many series: each series' known-in-advance input is read from its own future
/// rows, by a model per series or by one global model, and cuts the error of a held-out day.
@Suite struct ManySeriesCovariateTests {
    /// Three hourly stores, 200 rows each, then a held-out day of 24 rows. Each store's sales are
    /// level + 2 sin(2πt/24) + b·plan + noise, with `plan` an independent known-in-advance input
    /// (b = 4, 6, 8): from the past alone the plan part cannot be forecast, from the future rows it can.
    struct Stores {
        static let history = 200, day = 24
        static let ids = ["north", "south", "east"]
        var lines: [String] = []
        var heldOut: [String: [Double]] = [:]

        /// With `futureRows`, each store's held-out day follows its history with the sales left empty
        /// (`futureFor` picks the stores that get them); without, the file stops at the history.
        init(futureRows: Bool, futureFor: Set<String> = Set(Stores.ids)) {
            var generator = SeededGenerator(seed: 5)
            lines = ["store,time,sales,plan,size"]
            for (index, id) in Self.ids.enumerated() {
                for row in 0..<(Self.history + Self.day) {
                    let time = String(format: "2024-%02d-%02dT%02d:00", 1 + row / (24 * 28), 1 + (row / 24) % 28, row % 24)
                    let plan = Double(generator.uniform(in: -1.7...1.7))
                    let noise = Double(generator.uniform(in: -0.3...0.3))
                    let sales = 50 + 30 * Double(index) + 2 * sin(2 * Double.pi * Double(row) / 24) + 4 * plan * (1 + 0.5 * Double(index)) + noise
                    let size = 100 * (index + 1)
                    if row < Self.history {
                        lines.append(String(format: "%@,%@,%.4f,%.4f,%d", id, time, sales, plan, size))
                    } else {
                        heldOut[id, default: []].append(sales)
                        if futureRows, futureFor.contains(id) { lines.append(String(format: "%@,%@,,%.4f,%d", id, time, plan, size)) }
                    }
                }
            }
        }

        var text: String { lines.joined(separator: "\n") + "\n" }
    }

    static var configuration: ForecasterConfiguration {
        var configuration = ForecasterConfiguration(hiddenSize: 8, epochs: 25, threads: 1)
        configuration.lookback = 24
        configuration.learningRate = 0.01
        configuration.transform = TransformKind.none
        configuration.selection = .network
        return configuration
    }

    /// Mean absolute error over every store and step of the held-out day.
    static func dayError(known: Bool, global: Bool) throws -> Double {
        let stores = Stores(futureRows: known)
        let folder = try ScratchFolder()
        let file = try folder.write("stores.csv", stores.text)
        let source = try ManySeriesSource.open(.file(file), idColumn: "store", target: "sales", knownFeatures: known ? ["plan"] : [])
        let results = Locked<[String: ForecastResult]>([:])
        // With the plan, a network of 6 steps forecasts the day in 4 passes; without, it forecasts all 24 at once.
        let outcome = try ManySeriesForecastAction(source: source, configuration: configuration, steps: known ? 6 : Stores.day,
                                                   threads: 2, global: global)
            .run { id, result in results.withLock { $0[id] = result } }
        #expect(outcome.failed.isEmpty)
        var total = 0.0
        for id in Stores.ids {
            let forecasts = try #require(results.value[id]).steps.map(\.forecast)
            #expect(forecasts.count == Stores.day)
            total += zip(forecasts, stores.heldOut[id]!).map { abs($0 - $1) }.reduce(0, +)
        }
        return total / Double(Stores.ids.count * Stores.day)
    }

    @Test(arguments: [false, true])
    func theKnownInputOfEachSeriesCutsTheErrorOfTheHeldOutDay(global: Bool) throws {
        let (known, blind) = (try Self.dayError(known: true, global: global), try Self.dayError(known: false, global: global))
        // The plan part has a mean absolute value of 0.85 × 6 ≈ 5 that the past cannot tell.
        #expect(known < 0.5 * blind, "with the known input \(known), without \(blind)")
    }

    @Test(arguments: [false, true])
    func aSeriesWithoutFutureRowsFailsAlone(global: Bool) throws {
        let folder = try ScratchFolder()
        let file = try folder.write("stores.csv", Stores(futureRows: true, futureFor: ["north", "east"]).text)
        let log = ReportLog()
        var configuration = Self.configuration
        configuration.epochs = 1
        let source = try ManySeriesSource.open(.file(file), idColumn: "store", target: "sales", knownFeatures: ["plan"])
        let delivered = Locked<[String]>([])
        let failures = Locked<[String: any Error]>([:])
        var reporter = log.reporter
        reporter.seriesFailed = { id, error in failures.withLock { $0[id] = error } }
        let outcome = try ManySeriesForecastAction(source: source, configuration: configuration, steps: 6, threads: 2, global: global)
            .run(reporter: reporter) { id, _ in delivered.withLock { $0.append(id) } }
        #expect(delivered.value == ["north", "east"])
        #expect(outcome == ManySeriesOutcome(failed: ["south"], total: 3))
        let error = try #require(failures.value["south"] as? FutureRowsError)
        #expect(error == .noFutureRowsInSeries(file: file, series: "south", target: "sales", columns: ["plan"]))
    }

    /// A future plan far outside a store's training values is named with the store, by a model per
    /// series and by the global model, where only a single-series forecast warned.
    @Test(arguments: [false, true])
    func aFutureValueFarOutsideASeriesTrainingIsWarned(global: Bool) throws {
        var stores = Stores(futureRows: true)
        let index = try #require(stores.lines.lastIndex { $0.hasPrefix("south,") })
        var fields = stores.lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[3] = "400"
        stores.lines[index] = fields.joined(separator: ",")
        let folder = try ScratchFolder()
        let file = try folder.write("stores.csv", stores.text)
        var configuration = Self.configuration
        configuration.epochs = 1
        let log = ReportLog()
        _ = try ManySeriesForecastAction(source: try ManySeriesSource.open(.file(file), idColumn: "store", target: "sales", knownFeatures: ["plan"]),
                                         configuration: configuration, steps: 6, threads: 1, global: global)
            .run(reporter: log.reporter) { _, _ in }
        let warned = log.all.filter { $0.contains("extrapolates") }
        #expect(warned.count == 1 && warned[0].contains("series south: column \"plan\" holds 400 at forecast step 24"), "\(warned)")
    }

    @Test func staticColumnsNeedTheGlobalModel() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("stores.csv", Stores(futureRows: false).text)
        let source = try ManySeriesSource.open(.file(file), idColumn: "store", target: "sales", staticFeatures: ["size"])
        #expect(throws: ManySeriesError.self) {
            try ManySeriesForecastAction(source: source, configuration: ActionFixtures.quick, steps: 2).run { _, _ in }
        }
        let again = try ManySeriesSource.open(.file(file), idColumn: "store", target: "sales", staticFeatures: ["size"])
        #expect(throws: ManySeriesError.self) {
            try ManySeriesBacktestAction(source: again, settings: BacktestSettings(includesModel: false, horizon: 3, folds: 1)).run { _, _ in }
        }
    }

    @Test func theGlobalBacktestReadsFeaturesAndStaticValues() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("stores.csv", Stores(futureRows: true).text)
        let source = try ManySeriesSource.open(.file(file), idColumn: "store", target: "sales", knownFeatures: ["plan"],
                                               staticFeatures: ["size"])
        var configuration = Self.configuration
        configuration.epochs = 2
        let settings = BacktestSettings(configuration: configuration, horizon: 6, folds: 2, baselines: ["naive"])
        let models = Locked<[String: [String]]>([:])
        let outcome = try ManySeriesBacktestAction(source: source, settings: settings, threads: 2, global: true)
            .run { id, result in models.withLock { $0[id] = result.models.map(\.name) } }
        #expect(outcome.series == ManySeriesOutcome(failed: [], total: 3))
        #expect(models.value == Dictionary(uniqueKeysWithValues: Stores.ids.map { ($0, ["lstm", "global-lstm", "naive"]) }))
    }
}
