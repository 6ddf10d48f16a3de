/// The aggregate rows of a backtest over many series, as the M4 competition scores methods:
/// average each error measure over the series first, then divide by the naive forecast's average
/// (Makridakis, Spiliotis & Assimakopoulos, "The M4 Competition", IJF 2020: the overall weighted
/// average OWA is the mean of the relative sMAPE and the relative MASE, each a ratio of averages).
///
/// Averaging ratios series by series instead would let one series with a tiny naive error dominate.
public struct ManySeriesBacktestSummary: Sendable {
    /// One method's aggregate over the series where every method could be scored.
    public struct Row: Sendable, Hashable {
        public let method: String
        /// Series averaged over.
        public let series: Int
        /// Mean over series of each series' mean absolute error (in each series' own units).
        public let meanAbsoluteError: Double
        /// Mean over series of sMAPE, percent on the 0–200 scale.
        public let symmetricMeanAbsolutePercentageError: Double
        /// Mean of MASE over the `scaledSeries` series where every method's MASE is defined (the
        /// same series for every method); nil when there are none.
        public let meanAbsoluteScaledError: Double?
        /// The series MASE, relative MASE and OWA average over: a series whose history never
        /// changes before a fold has no MASE scale, and is left out of those for every method.
        public let scaledSeries: Int
        /// Mean sMAPE over the naive forecast's mean sMAPE.
        public let relativeSMAPE: Double?
        /// Mean MASE over the naive forecast's mean MASE.
        public let relativeMASE: Double?
        /// (relative sMAPE + relative MASE) / 2: below 1 beats the naive forecast.
        public let overallWeightedAverage: Double?
        /// The intervals' scores at each level the backtest asked for, in its order.
        public var intervals: [IntervalAggregate] = []
    }

    /// One method's intervals at one level, over the series.
    public struct IntervalAggregate: Sendable, Hashable {
        public let level: Double
        /// Percent of the steps with an interval, pooled over every series, that it covered; nil
        /// when no series had one at this level.
        public let coverage: Double?
        /// Mean of MSIS over the series where every method has one at this level; nil when none.
        public let scaledScore: Double?
    }

    public let rows: [Row]
    /// Methods some series lack (a baseline too long for a short series), which get no row.
    public let methodsLeftOut: [String]

    /// - Parameters:
    ///   - scores: for each series that succeeded, the score of every method it has (a baseline
    ///     that could not forecast a short series is missing from it).
    ///   - reference: the method the ratios divide by.
    ///
    /// Only the methods every series has get a row, so that every row averages the same series; a
    /// method missing from one is named in `methodsLeftOut`.
    public init(scores: [[BacktestScore]], reference: String = "naive", levels: [Double] = []) {
        guard let first = scores.first?.map(\.method) else {
            rows = []
            methodsLeftOut = []
            return
        }
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
        let byName = scores.map { series in Dictionary(series.map { ($0.method, $0) }, uniquingKeysWith: { kept, _ in kept }) }
        let methods = first.filter { method in byName.allSatisfy { $0[method] != nil } }
        methodsLeftOut = scores.flatMap { $0.map(\.method) }.reduce(into: [String]()) { names, name in
            if !methods.contains(name), !names.contains(name) { names.append(name) }
        }
        // The series every method has a MASE for: one constant series must not blank the MASE of
        // the whole collection, and every method must average over the same series.
        let scaled = byName.filter { series in methods.allSatisfy { series[$0]?.meanAbsoluteScaledError != nil } }
        var rows: [Row] = []
        var averages: [String: (smape: Double, mase: Double?)] = [:]
        for method in methods {
            let perSeries = byName.compactMap { $0[method] }
            let smape = mean(perSeries.map(\.symmetricMeanAbsolutePercentageError))
            let mases = scaled.compactMap { $0[method]?.meanAbsoluteScaledError }
            let mase = mases.isEmpty ? nil : mean(mases)
            averages[method] = (smape, mase)
            rows.append(Row(method: method, series: perSeries.count, meanAbsoluteError: mean(perSeries.map(\.meanAbsoluteError)),
                            symmetricMeanAbsolutePercentageError: smape, meanAbsoluteScaledError: mase,
                            scaledSeries: mases.count, relativeSMAPE: nil, relativeMASE: nil, overallWeightedAverage: nil))
        }
        let base = averages[reference]
        let intervals = Self.intervals(scores: byName, methods: methods, levels: levels)
        self.rows = rows.map { row in
            let relativeSMAPE = base.flatMap { $0.smape > 0 ? row.symmetricMeanAbsolutePercentageError / $0.smape : nil }
            let relativeMASE = base.flatMap { base in
                row.meanAbsoluteScaledError.flatMap { mine in base.mase.flatMap { $0 > 0 ? mine / $0 : nil } }
            }
            let owa = relativeSMAPE.flatMap { s in relativeMASE.map { (s + $0) / 2 } }
            return Row(method: row.method, series: row.series, meanAbsoluteError: row.meanAbsoluteError,
                       symmetricMeanAbsolutePercentageError: row.symmetricMeanAbsolutePercentageError,
                       meanAbsoluteScaledError: row.meanAbsoluteScaledError, scaledSeries: row.scaledSeries,
                       relativeSMAPE: relativeSMAPE, relativeMASE: relativeMASE, overallWeightedAverage: owa,
                       intervals: intervals[row.method] ?? [])
        }
    }

    /// Each method's interval aggregates at `levels`: coverage pooled over the steps of every series,
    /// MSIS averaged over the series where every method has one (the same series for all).
    static func intervals(scores: [[String: BacktestScore]], methods: [String], levels: [Double]) -> [String: [IntervalAggregate]] {
        func interval(_ score: BacktestScore?, _ level: Double) -> BacktestScore.IntervalScore? {
            score?.intervals.first { $0.level == level }
        }
        // Per level, the series every method has an MSIS for: the same for every method.
        let everyMethod = levels.map { level in
            scores.filter { series in methods.allSatisfy { interval(series[$0], level)?.scaledScore != nil } }
        }
        var result: [String: [IntervalAggregate]] = [:]
        for method in methods {
            result[method] = levels.enumerated().map { index, level in
                let found = scores.compactMap { interval($0[method], level) }
                let steps = found.reduce(0) { $0 + $1.steps }
                let coverage = steps == 0 ? nil : found.reduce(0) { $0 + $1.coverage * Double($1.steps) } / Double(steps)
                let msis = everyMethod[index].compactMap { interval($0[method], level)?.scaledScore }
                return IntervalAggregate(level: level, coverage: coverage,
                                         scaledScore: msis.isEmpty ? nil : msis.reduce(0, +) / Double(msis.count))
            }
        }
        return result
    }
}
