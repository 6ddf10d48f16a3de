import Forecasting

/// Every fold's forecasts as one long table, one row per series, fold and step, with a column per
/// method and per interval bound — the shape of statsforecast's `cross_validation` output, so the
/// forecasts can be analysed with other tools:
///
/// `series,cutoff,date,step,actual,<method>,<method>-lo-80,<method>-hi-80,…`
///
/// `cutoff` is the last row the methods saw and `date` the forecast row, both in the input's date
/// style, or as 0-based row numbers when the series has no calendar. `series` is empty for a
/// single series. Methods missing a fold (a global model that could not fit one) leave it empty.
public struct BacktestForecastTable: Sendable {
    public let results: [(id: String?, series: TimeSeries, result: BacktestResult)]

    public init(results: [(id: String?, series: TimeSeries, result: BacktestResult)]) {
        self.results = results
    }

    /// The method columns: every method of the first result, then those later results add.
    var methods: [(name: String, levels: [Double])] {
        var seen: [String] = []
        var columns: [(name: String, levels: [Double])] = []
        for entry in results {
            for model in entry.result.models where !seen.contains(model.name) {
                seen.append(model.name)
                columns.append((model.name, model.folds.first?.intervals.map(\.level) ?? []))
            }
        }
        return columns
    }

    public func csv() -> String {
        let methods = self.methods
        var header = ["series", "cutoff", "date", "step", "actual"]
        for method in methods {
            header.append(method.name)
            for level in method.levels {
                let percent = ForecastStep.percent(level)
                header += ["\(method.name)-lo-\(percent)", "\(method.name)-hi-\(percent)"]
            }
        }
        var rows = [header]
        for entry in results {
            let series = entry.series
            func label(_ row: Int) -> String {
                guard let timestamps = series.timestamps, timestamps.indices.contains(row) else { return String(row) }
                return series.format(timestamps[row])
            }
            for (foldIndex, cutoff) in entry.result.firstForecastRows.enumerated() {
                let folds = methods.map { method in
                    entry.result.models.first { $0.name == method.name }?.folds.first { $0.fold == foldIndex }
                }
                let steps = folds.compactMap { $0?.actuals.count }.max() ?? 0
                for step in 0..<steps {
                    let actual = folds.compactMap { $0 }.first.map { $0.actuals[step] }
                    var row = [entry.id ?? "", label(cutoff - 1), label(cutoff + step), String(step + 1),
                               actual.map(TextTable.exact) ?? ""]
                    for (method, fold) in zip(methods, folds) {
                        row.append(fold.map { TextTable.exact($0.forecasts[step]) } ?? "")
                        for index in method.levels.indices {
                            let interval = fold.flatMap { $0.intervals.indices.contains(index) ? $0.intervals[index] : nil }
                            row.append(interval?.lower[step].map(TextTable.exact) ?? "")
                            row.append(interval?.upper[step].map(TextTable.exact) ?? "")
                        }
                    }
                    rows.append(row)
                }
            }
        }
        return TextTable.csv(rows)
    }
}
