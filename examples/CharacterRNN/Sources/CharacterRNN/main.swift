import Foundation
import Forecasting

// Next-character prediction on a short public-domain text, first with an Elman RNN, then with
// an LSTM: the loss of every epoch, a sampled passage from each model, and their final losses.
//
// Usage: CharacterRNN [TEXT-FILE]   (default: the Declaration of Independence, shipped as a resource)

let text: String
do {
    if CommandLine.arguments.count > 1 {
        text = try String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8)
    } else if let url = Bundle.module.url(forResource: "declaration", withExtension: "txt") {
        text = try String(contentsOf: url, encoding: .utf8)
    } else {
        throw CocoaError(.fileNoSuchFile)
    }
} catch {
    FileHandle.standardError.write(Data("CharacterRNN: cannot read the text: \(error.localizedDescription)\n".utf8))
    exit(66)
}

let corpus = CharacterCorpus(text: text)
let prompt = "We hold these truths"
let lookback = 16
guard corpus.windowCount(lookback: lookback) >= 64 else {
    FileHandle.standardError.write(Data("CharacterRNN: the text needs more than \(lookback + 64) characters.\n".utf8))
    exit(65)
}
print("Text: \(text.count) characters, \(corpus.vocabularySize) distinct.")
print("A uniform guess loses log \(corpus.vocabularySize) = \(String(format: "%.2f", log(Double(corpus.vocabularySize)))) nats per character.\n")

let runs: [(title: String, settings: CharacterModel.Settings, epochs: Int)] = [
    ("Elman RNN", .init(cell: .rnn, hiddenSize: 64, lookback: lookback, batchSize: 64, learningRate: 1e-2, seed: 1), 8),
    ("LSTM", .init(cell: .lstm, hiddenSize: 64, lookback: lookback, batchSize: 64, learningRate: 1e-2, seed: 1), 8),
]

var finalLosses: [(String, Float, Double)] = []
for run in runs {
    print("== \(run.title): hidden \(run.settings.hiddenSize), \(run.settings.lookback) characters of context ==")
    let model = CharacterModel(corpus: corpus, settings: run.settings)
    var generator = SeededGenerator(seed: run.settings.seed &+ 1000)
    let started = Date()
    var loss: Float = .nan
    for epoch in 1...run.epochs {
        loss = model.trainEpoch(generator: &generator)
        print(String(format: "epoch %2d  loss %.3f nats/char  (%.1f s)", epoch, loss, Date().timeIntervalSince(started)))
    }
    let seconds = Date().timeIntervalSince(started)
    var sampler = SeededGenerator(seed: 42)
    let passage = model.sample(prompt: prompt, length: 300, temperature: 0.6, generator: &sampler)
    print("sample (temperature 0.6):\n\(prompt)\(passage)\n")
    finalLosses.append((run.title, loss, seconds))
}

print("Final training loss (nats per character):")
for (title, loss, seconds) in finalLosses {
    let name = title.padding(toLength: 10, withPad: " ", startingAt: 0)
    print(String(format: "  \(name) %.3f   trained in %.1f s", loss, seconds))
}
// A model no better than a uniform guess learned nothing: say so with a failing exit status,
// so the script that runs this demonstration notices.
let uniformLoss = Float(log(Double(corpus.vocabularySize)))
if let failed = finalLosses.first(where: { !($0.1 < uniformLoss) }) {
    FileHandle.standardError.write(Data("CharacterRNN: the \(failed.0) did not learn (loss \(failed.1)).\n".utf8))
    exit(1)
}
