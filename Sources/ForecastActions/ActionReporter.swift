import ForecastIO
import Forecasting
import Foundation

/// What an action tells while it runs, besides its result: warnings about the data, decisions it
/// made, training and fold progress, and the series of a many-series run that failed. Every
/// callback may be called from a worker thread; the default ignores everything.
public struct ActionReporter: Sendable {
    /// A problem in the input that the action worked around (rows sorted, values filled).
    public var warning: @Sendable (CSVWarning) -> Void
    /// A choice made from the data, in words.
    public var note: @Sendable (String) -> Void
    /// A single-series model finished fitting; its `fitReport` says what was decided.
    public var fitted: @Sendable (Forecaster) -> Void
    /// Batches and epochs of a fit.
    public var training: @Sendable (Trainer.Event) -> Void
    /// A backtest finished a fold of a method (method name, fold index).
    public var fold: @Sendable (String, Int) -> Void
    /// One series of a many-series run failed (its id and why); the others go on.
    public var seriesFailed: @Sendable (String, any Error) -> Void
    /// Whether the caller asked the work to stop: by default the surrounding task's cancellation.
    /// Work on worker threads has no task, so the async forms of the actions set this from their
    /// task's cancellation handler.
    public var isCancelled: @Sendable () -> Bool = { Task.isCancelled }
    /// The flag the async forms raise when their task is cancelled, handed to the library's runs
    /// (backtest folds, series, global fits) so that training stops within one batch.
    var cancellation: CancellationFlag?

    public init(
        warning: @escaping @Sendable (CSVWarning) -> Void = { _ in },
        note: @escaping @Sendable (String) -> Void = { _ in },
        fitted: @escaping @Sendable (Forecaster) -> Void = { _ in },
        training: @escaping @Sendable (Trainer.Event) -> Void = { _ in },
        fold: @escaping @Sendable (String, Int) -> Void = { _, _ in },
        seriesFailed: @escaping @Sendable (String, any Error) -> Void = { _, _ in }
    ) {
        self.warning = warning
        self.note = note
        self.fitted = fitted
        self.training = training
        self.fold = fold
        self.seriesFailed = seriesFailed
    }

    /// Reports nothing.
    public static let silent = ActionReporter()

    /// The training callback `Forecaster.fit` takes: reports the event, and stops training when the
    /// surrounding task is cancelled (the caller then throws `CancellationError`).
    var trainingDecision: (Trainer.Event) -> Trainer.Decision {
        { event in
            training(event)
            return isCancelled() ? .stop : .proceed
        }
    }

    /// This reporter with its notes and warnings prefixed by a series' id, for what one series of a
    /// many-series run says.
    func about(series id: String) -> ActionReporter {
        var reporter = self
        let (note, warning) = (self.note, self.warning)
        reporter.note = { note("series \(id): \($0)") }
        reporter.warning = { warning(CSVWarning(before: "series \(id): " + $0.before, remedies: $0.remedies, after: $0.after)) }
        return reporter
    }

    /// Throws `CancellationError` when the caller asked the work to stop.
    func checkCancellation() throws {
        if isCancelled() { throw CancellationError() }
    }

    /// Runs synchronous `work` on a thread of its own (`CancellationFlag.run`) with this reporter,
    /// its `isCancelled` also true once the surrounding task is cancelled, so worker threads see the
    /// cancellation.
    func runOffActor<Value: Sendable>(_ work: @escaping @Sendable (ActionReporter) throws -> Value) async throws -> Value {
        let outer = isCancelled
        return try await CancellationFlag.run { flag in
            var reporter = self
            reporter.isCancelled = { flag.isCancelled || outer() }
            reporter.cancellation = flag
            return try work(reporter)
        }
    }
}
