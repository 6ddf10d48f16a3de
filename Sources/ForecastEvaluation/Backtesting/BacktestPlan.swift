/// Where a walk-forward backtest cuts a series, and how each fold's training window is chosen.
///
/// Fold `k` has a cut-off `c[k]`: the model may read rows `< c[k]` only, and is scored on the
/// `horizon` rows `c[k] ..< c[k] + horizon`. Cut-offs increase, so later folds know more.
public struct BacktestPlan: Hashable, Sendable {
    /// How much history each fold trains on.
    public enum TrainingWindow: Hashable, Sendable {
        /// Everything before the cut-off.
        case expanding
        /// The `length` rows just before the cut-off (or all of them, when fewer).
        case sliding(length: Int)
    }

    /// How often the method is fitted again.
    public enum RefitPolicy: Hashable, Sendable {
        /// A fresh fit on every fold.
        case everyFold
        /// A fit on folds 0, k, 2k, …; folds in between re-use the latest fit, re-conditioned on
        /// their own newer history.
        case every(Int)
        /// One fit on the first fold; later folds only re-condition it on newer data.
        case once
    }

    public let horizon: Int
    public let cutoffs: [Int]
    public let trainingWindow: TrainingWindow
    public let refit: RefitPolicy

    /// A plan with explicit cut-offs.
    public init(cutoffs: [Int], horizon: Int, trainingWindow: TrainingWindow = .expanding, refit: RefitPolicy = .everyFold) {
        precondition(horizon >= 1, "the horizon must be at least 1")
        precondition(zip(cutoffs, cutoffs.dropFirst()).allSatisfy { $0 < $1 }, "cut-offs must increase")
        if case let .every(k) = refit { precondition(k >= 1, "refit every k folds needs k ≥ 1") }
        if case let .sliding(length) = trainingWindow { precondition(length >= 1, "a sliding window needs at least one row") }
        self.cutoffs = cutoffs
        self.horizon = horizon
        self.trainingWindow = trainingWindow
        self.refit = refit
    }

    /// `folds` folds whose test windows tile the end of a series of `rows` rows: the last fold ends at
    /// the last row, and cut-offs are `stride` rows apart (default: `horizon`, so test windows do not
    /// overlap). Fewer folds are planned when the series cannot hold them with `minimumHistory` rows
    /// before the first cut-off.
    public static func lastFolds(
        _ folds: Int, horizon: Int, stride: Int? = nil, rows: Int, minimumHistory: Int,
        trainingWindow: TrainingWindow = .expanding, refit: RefitPolicy = .everyFold
    ) -> BacktestPlan {
        precondition(folds >= 1, "a backtest needs at least one fold")
        let step = stride ?? horizon
        precondition(step >= 1, "the stride must be at least 1")
        let lastCutoff = rows - horizon
        let cutoffs = (0..<folds).map { lastCutoff - ($0 * step) }.reversed().filter { $0 >= max(1, minimumHistory) }
        return BacktestPlan(cutoffs: Array(cutoffs), horizon: horizon, trainingWindow: trainingWindow, refit: refit)
    }

    /// Cut-offs from `start`, every `stride` rows, as long as a whole test window fits in `rows` rows.
    public static func from(
        start: Int, stride: Int, horizon: Int, rows: Int,
        trainingWindow: TrainingWindow = .expanding, refit: RefitPolicy = .everyFold
    ) -> BacktestPlan {
        precondition(start >= 1 && stride >= 1, "start and stride must be at least 1")
        let cutoffs = Array(Swift.stride(from: start, through: rows - horizon, by: stride))
        return BacktestPlan(cutoffs: cutoffs, horizon: horizon, trainingWindow: trainingWindow, refit: refit)
    }

    /// The history rows fold `k` may read.
    public func historyRows(fold k: Int) -> Range<Int> {
        let cutoff = cutoffs[k]
        switch trainingWindow {
        case .expanding: return 0..<cutoff
        case let .sliding(length): return max(0, cutoff - length)..<cutoff
        }
    }

    /// The rows fold `k` is scored on.
    public func testRows(fold k: Int) -> Range<Int> { cutoffs[k]..<(cutoffs[k] + horizon) }

    /// The fold whose fit fold `k` uses (itself, when it refits).
    public func fitFold(for k: Int) -> Int {
        switch refit {
        case .everyFold: return k
        case let .every(interval): return k - k % interval
        case .once: return 0
        }
    }
}
