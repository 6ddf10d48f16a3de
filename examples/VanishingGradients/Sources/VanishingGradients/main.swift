import Dispatch
import Foundation
import Forecasting

// The long-lag memory task at several lags, for the Elman cell and the LSTM: how much gradient
// reaches the first input at initialisation, and what a short training achieves. Prints a table
// and writes an SVG plot of the gradients.
//
// Usage: VanishingGradients [SVG-FILE]   (default: vanishing-gradients.svg)

let plotPath = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "vanishing-gradients.svg"
let lags = [5, 10, 20, 40, 80]
let levels = 4, noise: Float = 0.5
let contenders = [
    Contender(name: "Elman", cell: .rnn, forgetBias: nil),
    Contender(name: "LSTM (PyTorch init)", cell: .lstm, forgetBias: nil),
    Contender(name: "LSTM (forget bias 3)", cell: .lstm, forgetBias: 3),
]
let colors = ["#d62728", "#ff9f1c", "#1f77b4"]

let jobs = contenders.flatMap { contender in
    lags.map { LagExperiment(contender: contender, task: LongLagTask(lag: $0, noise: noise, levels: levels)) }
}
let sample = jobs[0]
print("""
    Long-lag memory task: the first input is one of \(levels) levels in [-1, 1], then `lag` inputs of
    uniform noise in ±\(noise); after the last, the network must name the level (chance: \(100 / levels)%).
    Hidden size \(sample.hiddenSize); Adam (learning rate \(sample.learningRate)), \(sample.trainingSteps) steps of \
    \(sample.batchSize) sequences, gradients clipped to norm 1.
    LSTM (PyTorch init): every parameter U(−1/√H, 1/√H). LSTM (forget bias 3): the same, then b_f = 3, so f ≈ 0.95.

    """)

/// One slot per job, written by whichever thread ran it; read after all have finished.
final class ResultSlots: @unchecked Sendable {
    private var values: [LagResult?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func store(_ result: LagResult, at index: Int) { lock.withLock { values[index] = result } }
    func result(at index: Int) -> LagResult? { lock.withLock { values[index] } }
}
let slots = ResultSlots(count: jobs.count)
let started = Date()
// Independent, seeded experiments: running them on both cores changes only the time taken.
DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
    slots.store(jobs[index].run(), at: index)
}
let seconds = Date().timeIntervalSince(started)
let results = contenders.indices.map { c in lags.indices.map { slots.result(at: c * lags.count + $0)! } }

func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
let columnWidth = 24
var header = pad("lag", 4), rule = String(repeating: "-", count: 4)
for contender in contenders {
    header += " | " + pad(contender.name, columnWidth)
    rule += "-+-" + String(repeating: "-", count: columnWidth)
}
print("Mean |∂loss/∂x₀| per sequence at initialisation, and accuracy after training:\n")
print(header)
print(pad("", 4) + String(repeating: " | " + pad("gradient   accuracy", columnWidth), count: contenders.count))
print(rule)
for (l, lag) in lags.enumerated() {
    var row = pad("\(lag)", 4)
    for c in contenders.indices {
        let r = results[c][l]
        row += " | " + pad(String(format: "%9.1e   %6.1f%%", r.initialGradient, 100 * r.accuracy), columnWidth)
    }
    print(row)
}
print(String(format: "\n%d experiments in %.1f s.", jobs.count, seconds))

let plot = GradientPlot(
    title: "Gradient reaching the first input, at initialisation",
    xLabel: "lag (steps between the signal and the answer)",
    yLabel: "mean |∂loss/∂x₀| (log scale)",
    lines: contenders.indices.map { c in
        GradientPlot.Line(name: contenders[c].name, color: colors[c % colors.count],
                          points: results[c].map { (Double($0.lag), $0.initialGradient) })
    })
do {
    try plot.svg().write(toFile: plotPath, atomically: true, encoding: .utf8)
    print("Plot written to \(plotPath).")
} catch {
    FileHandle.standardError.write(Data("VanishingGradients: cannot write \(plotPath): \(error.localizedDescription)\n".utf8))
    exit(73)
}
