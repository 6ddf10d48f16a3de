import ForecastActions
import Foundation

/// The reporter every command hands its action: warnings, notes and failed series as `tsf:` lines
/// on stderr; training and fold progress on stderr only when it is a terminal.
enum ConsoleReporter {
    static func make(epochs: Int? = nil, folds: Int? = nil) -> ActionReporter {
        let training = TrainingProgress(epochs: epochs ?? 1)
        let foldProgress = FoldProgress(folds: folds ?? 1)
        return ActionReporter(
            warning: { ToolFailure.printError("warning: \($0.commandLineMessage)") },
            note: { ToolFailure.printError("note: \($0)") },
            fitted: { forecaster in
                training.finish()
                FitNotes.report(forecaster)
            },
            training: { event in _ = training.handle(event) },
            fold: foldProgress.handle,
            seriesFailed: { id, error in ToolFailure.printError("series \(id): \(ToolFailure.sentence(for: error))") })
    }
}

/// Writes one block of result lines to standard output at once and unbuffered, so a reader at the
/// other end of a pipe sees each series as soon as it is done.
enum StreamedOutput {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
