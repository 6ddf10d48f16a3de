// Fit a forecaster on values an app already holds, forecast, update it one observation at a time,
// save it, load it back and check that the loaded model forecasts exactly the same numbers.
import Foundation
import Forecasting

/// A monthly series with a trend, a yearly season and a little deterministic noise.
func syntheticMonthlySeries(count: Int) -> [Double] {
    (0..<count).map { month in
        let t = Double(month)
        return 100 + 0.5 * t + 10 * sin(2 * Double.pi * t / 12) + 2 * sin(1.7 * t)
    }
}

let series = syntheticMonthlySeries(count: 300)
let (history, arriving) = (Array(series.prefix(288)), Array(series.suffix(12)))

// A small model so the example runs in seconds; the defaults suit most series.
var configuration = ForecasterConfiguration()
configuration.hiddenSize = 16
configuration.horizon = 6
configuration.epochs = Int(ProcessInfo.processInfo.environment["TSF_EPOCHS"] ?? "") ?? 20
configuration.seed = 7
// The series trends upward: learn its monthly changes, so forecasts are not pinned to the levels seen
// in training (left to itself, the fit would pick a transform with a unit-root test).
configuration.transform = .difference

var forecaster = try Forecaster.fit(values: history, frequency: .monthly, configuration: configuration)
for decision in forecaster.fitReport?.decisions ?? [] { print("fit:", decision) }

func show(_ label: String, _ values: [Double]) {
    print(label, values.map { String(format: "%.2f", $0) }.joined(separator: " "))
}
show("forecast after 288 months:", try forecaster.forecast(steps: 6))

// New observations arrive one by one; each update costs the same however long the series is.
for value in arriving {
    let next = try forecaster.observe(value)
    show("observed \(String(format: "%.2f", value)) → next:", next)
}

// Save, load back, and check the loaded model continues from the same history.
let modelURL = FileManager.default.temporaryDirectory.appendingPathComponent("embedded-forecaster.safetensors")
try forecaster.save(to: modelURL)
let loaded = try Forecaster(contentsOf: modelURL)
let before = try forecaster.forecast(steps: 12)
let after = try loaded.forecast(steps: 12)
show("before saving:", before)
show("after loading:", after)
try? FileManager.default.removeItem(at: modelURL)

guard before == after else {
    FileHandle.standardError.write(Data("The loaded model forecasts differently from the saved one.\n".utf8))
    exit(1)
}
print("The loaded model gives the same \(after.count) forecasts.")
