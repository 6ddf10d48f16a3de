extension ForecastResult {
    /// `lower80`, `upper80`, … in level order, with each step's bound.
    var boundColumns: [(name: String, values: [Double?])] {
        levels.indices.flatMap { index -> [(name: String, values: [Double?])] in
            let percent = ForecastStep.percent(levels[index])
            return [("lower\(percent)", steps.map { $0.intervals[index].lower }),
                    ("upper\(percent)", steps.map { $0.intervals[index].upper })]
        }
    }

    var hasDates: Bool { steps.first?.date != nil }

    /// The forecast as text: one row per step, dated when the series has a calendar.
    public func rendered(_ format: OutputFormat) -> String {
        let bounds = boundColumns
        switch format {
        case .table:
            let header = [hasDates ? "date" : "step", "forecast"] + bounds.map(\.name)
            let rows = steps.indices.map { index in
                [steps[index].date ?? "+\(index + 1)"]
                    + TextTable.distinctNumbers([steps[index].forecast] + bounds.map { $0.values[index] })
            }
            return TextTable.aligned([header] + rows)
        case .csv:
            let header = [hasDates ? "date" : "step", "forecast"] + bounds.map(\.name)
            let rows = steps.indices.map { index in
                [steps[index].date ?? String(index + 1), TextTable.exact(steps[index].forecast)]
                    + bounds.map { $0.values[index].map(TextTable.exact) ?? "" }
            }
            return TextTable.csv([header] + rows)
        case .json:
            return ResultJSON.encode(self)
        case .jsonl:
            return steps.map { ResultJSON.line(ManySeriesForecastRows.Row(id: nil, result: self, step: $0)) }.joined()
        }
    }
}
