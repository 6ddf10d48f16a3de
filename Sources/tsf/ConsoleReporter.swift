import ForecastActions
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
///
/// A reader that goes away early (`tsf forecast … | head -1`) is a normal end, not a failure: tsf
/// ignores SIGPIPE (see `TSF.main()`) and, when a write here fails with `EPIPE`, stops at once with
/// exit code 0 and prints nothing, since nobody is left to read the rest. This is chosen over
/// letting SIGPIPE kill the process because the outcome then does not depend on how the parent
/// left SIGPIPE (a parent that ignores it, as some runners and `subprocess` calls do, made
/// Foundation's `FileHandle.write` trap with a crash report), and a pipeline under
/// `set -o pipefail` does not fail. Output written with `print` goes through the C library's
/// buffer, whose write errors are silent, so those commands also finish with 0. Any other write
/// error (a full disk behind `> file`) is exit code 73 with a sentence.
///
/// Both end with `_exit`, not `exit`: this runs on a worker thread of a many-series run while
/// others still fit, and `exit` would tear down the process's globals under them (a many-series
/// run into a closed pipe once crashed with a bad pointer dereference). Nothing is left to flush:
/// results go unbuffered, and stderr is written directly.
enum StreamedOutput {
    static func write(_ text: String) {
        guard let code = DescriptorWriter.writeAll(Array(text.utf8), to: STDOUT_FILENO) else { return }
        if code == EPIPE { _exit(0) }
        ToolFailure.printError("cannot write the standard output (\(String(cString: strerror(code)))).")
        _exit(73)
    }
}
