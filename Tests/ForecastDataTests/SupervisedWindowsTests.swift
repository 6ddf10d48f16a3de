import Testing
@testable import ForecastData

struct SupervisedWindowsTests {
    @Test func windowsFollowTheDesignContract() {
        // rows 0..<7, lookback 3, horizon 2 → starts 0, 1, 2
        let target = (0..<7).map(Double.init)
        let feature = (0..<7).map { Double($0) * 10 }
        let windows = SupervisedWindows(
            target: target, features: [feature], specification: WindowSpecification(lookback: 3, horizon: 2))
        #expect(windows.count == 3)
        #expect(windows.inputSize == 2)
        // Window 1: rows 1, 2, 3 as [target, feature] pairs; targets rows 4, 5.
        let window1 = Array(windows.inputs[6..<12])
        #expect(window1 == [1, 10, 2, 20, 3, 30])
        #expect(Array(windows.targets[2..<4]) == [4, 5])
        #expect(windows.targetStartRows == [3, 4, 5])
    }

    @Test func strideSkipsWindows() {
        let spec = WindowSpecification(lookback: 2, horizon: 1, stride: 3)
        let windows = SupervisedWindows(target: (0..<10).map(Double.init), specification: spec)
        // starts 0, 3, 6 (the last possible start is 10 − 3 = 7)
        #expect(windows.targetStartRows == [2, 5, 8])
        #expect(spec.windowCount(rows: 10) == 3)
    }

    @Test func aSeriesShorterThanOneWindowHasNone() {
        let spec = WindowSpecification(lookback: 5, horizon: 3)
        #expect(spec.windowCount(rows: 7) == 0)
        #expect(SupervisedWindows(target: Array(repeating: 1, count: 7), specification: spec).count == 0)
        #expect(spec.windowCount(rows: 8) == 1)
    }

    @Test(arguments: [(1, 1, 1), (4, 3, 1), (7, 2, 2), (3, 5, 4), (12, 1, 5)])
    func windowsCoverExactlyTheRowsTheyShould(lookback: Int, horizon: Int, stride: Int) {
        // Property over many lengths: each window's inputs are the `lookback` rows before its first
        // target, its targets the next `horizon` rows, and no window reads past the series.
        let spec = WindowSpecification(lookback: lookback, horizon: horizon, stride: stride)
        for rows in 0..<40 {
            let series = (0..<rows).map { Double($0) }
            let windows = SupervisedWindows(target: series, specification: spec)
            #expect(windows.count == Swift.max(0, rows - lookback - horizon) / stride + (rows >= lookback + horizon ? 1 : 0))
            for window in 0..<windows.count {
                let first = windows.targetStartRows[window]
                let inputs = windows.inputs[(window * lookback)..<((window + 1) * lookback)]
                #expect(Array(inputs) == (first - lookback..<first).map(Float.init))
                let targets = windows.targets[(window * horizon)..<((window + 1) * horizon)]
                #expect(Array(targets) == (first..<first + horizon).map(Float.init))
                #expect(first + horizon <= rows)
            }
            // The last window ends within `stride` rows of the series' end.
            if let last = windows.targetStartRows.last {
                #expect(rows - (last + horizon) < stride)
            }
        }
    }

    @Test func knownFeaturesReachTheHeadAtTheTargetRowsOnly() {
        // rows 0..<8, lookback 3, horizon 2; an observed feature and a known one. Each value encodes
        // its row, so a value read from the wrong row shows up by name.
        let target = (0..<8).map(Double.init)
        let observed = (0..<8).map { 100 + Double($0) }
        let known = (0..<8).map { 200 + Double($0) }
        let windows = SupervisedWindows(target: target, features: [observed, known], knownFeatureCount: 1,
                                        specification: WindowSpecification(lookback: 3, horizon: 2))
        #expect(windows.count == 4)
        #expect(windows.headInputWidth == 2)
        for window in 0..<windows.count {
            let first = windows.targetStartRows[window]
            // The lookback holds every column at the rows before the origin, and nothing later.
            let inputs = Array(windows.inputs[window * 9 ..< (window + 1) * 9])
            var expected: [Float] = []
            for row in first - 3 ..< first { expected += [Float(row), Float(100 + row), Float(200 + row)] }
            #expect(inputs == expected)
            // The head reads the known feature at exactly the target rows.
            #expect(Array(windows.headInputs[window * 2 ..< window * 2 + 2]) == [Float(200 + first), Float(200 + first + 1)])
        }
        // No observed value at or after a window's origin appears anywhere in that window.
        for window in 0..<windows.count {
            let first = windows.targetStartRows[window]
            let inputs = Array(windows.inputs[window * 9 ..< (window + 1) * 9])
            let head = Array(windows.headInputs[window * 2 ..< window * 2 + 2])
            let firstUnseen = Float(100 + first)
            #expect(!(inputs + head).contains { $0 >= firstUnseen && $0 < 200 })
        }
    }

    @Test func knownFeaturesAreLaidOutStepMajor() {
        let target = (0..<6).map(Double.init)
        let a = (0..<6).map { 10 + Double($0) }, b = (0..<6).map { 20 + Double($0) }
        let windows = SupervisedWindows(target: target, features: [a, b], knownFeatureCount: 2,
                                        specification: WindowSpecification(lookback: 2, horizon: 2), starts: [1])
        // Target rows 3 and 4: (a₃, b₃, a₄, b₄).
        #expect(windows.headInputs == [13, 23, 14, 24])
    }
}
