import ArgumentParser
import Foundation
import ForecastNN
import Forecasting

/// `tsf bench`: the workload of `bench/torch_reference.py` on this tool, with the same options
/// and the same JSON keys, so the two can be run side by side on one machine.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure training and forecasting speed on the workload of the PyTorch reference script.",
        discussion: """
        Prints one JSON line: training windows per second (epochs 2 and later), batched inference \
        windows per second, median latency of one forecast in microseconds, and the final training MSE.
        """
    )

    /// The version reported as `impl` ("tsf-<version>").
    static let toolVersion = ForecastingVersion.number

    @Option(help: "Worker threads for training and batched inference; with 2 or more, a forecast from one window shares each layer's units between two cores when the network is wide enough (same forecast, bit for bit).")
    var threads = 1

    @Option(help: "Recurrent cell: rnn, lstm or gru.")
    var cell: CellKind = .lstm

    @Option(help: "Hidden units per layer.")
    var hidden = 64

    @Option(help: "Stacked recurrent layers.")
    var layers = 1

    @Option(help: "Steps in each input window.")
    var lookback = 30

    @Option(help: "Windows per training mini-batch.")
    var batchSize = 64

    @Option(help: "Length of the synthetic random walk (ignored with --csv).")
    var points = 5000

    @Option(help: "Training epochs; the first is a warm-up and is not timed.")
    var epochs = 4

    @Option(help: "Fixed number of parts each mini-batch is split into (results depend on it, not on --threads).")
    var chunks = 2

    @Option(help: "A CSV file with a header row to take the series from instead of the random walk.")
    var csv: String?

    @Option(help: "The column of --csv holding the series.")
    var column: String?

    func validate() throws {
        for (name, value, minimum) in [("--threads", threads, 1), ("--hidden", hidden, 1), ("--layers", layers, 1),
                                       ("--lookback", lookback, 1), ("--batch-size", batchSize, 1),
                                       ("--epochs", epochs, 2), ("--chunks", chunks, 1)] where value < minimum {
            throw ValidationError("\(name) must be at least \(minimum), got \(value).")
        }
        if csv == nil, points < lookback + 2 {
            throw ValidationError("--points must exceed --lookback by at least 2, got \(points) points for lookback \(lookback).")
        }
        if (csv == nil) != (column == nil) {
            throw ValidationError("--csv and --column go together: name the file and the column of the series.")
        }
    }

    func run() async throws {
        var workload = BenchmarkWorkload()
        workload.cell = cell
        workload.hidden = hidden
        workload.layers = layers
        workload.lookback = lookback
        workload.batchSize = batchSize
        workload.points = points
        workload.epochs = epochs
        workload.threads = threads
        workload.chunks = chunks
        // The library chose the kernels when it loaded OpenBLAS; say so when they are the slow ones.
        if BLASBackend.usesGenericKernels {
            let remedy = BLASBackend.fastKernelsForCPU.map {
                "this CPU runs \($0): unset OPENBLAS_CORETYPE and TSF_KEEP_BLAS_KERNELS to use them"
            } ?? "this CPU has no AVX2"
            FileHandle.standardError.write(Data("""
                warning: OpenBLAS runs its generic \(BLASBackend.kernelName) kernels, which makes training \
                about 3x slower; \(remedy).

                """.utf8))
        }
        do {
            if let csv, let column {
                workload.series = try BenchmarkSeriesFile.read(path: csv, column: column)
            }
            let result = try workload.run()
            print(result.jsonLine(implementation: "tsf-\(Self.toolVersion)"))
        } catch let error as BenchmarkSeriesFile.ReadError {
            FileHandle.standardError.write(Data(((error.errorDescription ?? "\(error)") + "\n").utf8))
            throw error.isMissingFile ? ExitCode.inputMissing : ExitCode.badData
        } catch let error as TrainingError {
            FileHandle.standardError.write(Data(((error.errorDescription ?? "\(error)") + "\n").utf8))
            throw ExitCode.badData
        }
    }
}

extension CellKind: ExpressibleByArgument {}
