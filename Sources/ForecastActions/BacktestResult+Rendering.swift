import Forecasting

extension BacktestResult {
    /// Column names and values of one score, in table order; nil values print as "undefined". Each
    /// of `levels` has its interval columns, undefined where the score has no interval at it (a
    /// method whose errors could not calibrate one), so that every row has every column.
    static func metricColumns(_ score: BacktestScore, relativeMASE: Double?, includesRelativeMASE: Bool = true,
                              levels: [Double]) -> [(name: String, value: Double?)] {
        var columns: [(name: String, value: Double?)] = [
            ("MAE", score.meanAbsoluteError), ("RMSE", score.rootMeanSquaredError),
            ("MAPE%", score.meanAbsolutePercentageError), ("sMAPE%", score.symmetricMeanAbsolutePercentageError),
            ("MASE", score.meanAbsoluteScaledError), ("RMSSE", score.rootMeanSquaredScaledError),
            ("R2", score.coefficientOfDetermination), ("bias", score.meanError),
            ("dir%", score.directionalAccuracy),
        ]
        if includesRelativeMASE { columns.append(("relMASE", relativeMASE)) }
        for level in levels {
            let interval = score.intervals.first { $0.level == level }
            let percent = ForecastStep.percent(level)
            columns += [("cover\(percent)%", interval?.coverage), ("width\(percent)", interval?.meanWidth),
                        ("winkler\(percent)", interval?.winklerScore), ("msis\(percent)", interval?.scaledScore)]
        }
        if !levels.isEmpty {
            columns += [("pinball", score.quantiles?.pinballLoss), ("CRPS", score.quantiles?.crps),
                        ("sCRPS", score.quantiles?.scaledCRPS)]
        }
        // A score that overflowed to no number (errors near the largest double) is undefined, not "nan".
        return columns.map { ($0.name, $0.value.flatMap { $0.isNaN ? nil : $0 }) }
    }

    /// The interval levels any method was scored at, ascending: the columns every row has.
    var intervalLevels: [Double] {
        Set(models.flatMap { $0.score.intervals.map(\.level) }).sorted()
    }

    /// One row per method: its metrics over every fold.
    public func rendered(_ format: OutputFormat) -> String {
        let best = self.best
        let levels = intervalLevels
        let rows = models.map { model in
            (name: model.name, columns: Self.metricColumns(model.score, relativeMASE: relativeMASE(of: model), levels: levels))
        }
        let names = rows.first?.columns.map(\.name) ?? []
        switch format {
        case .table:
            let body = rows.map { row in [row.name + (row.name == best ? " *" : "")] + row.columns.map { TextTable.metric($0.value) } }
            // A backtest of the baselines alone has no model to refit or to explain.
            let hasModel = models.contains { !$0.isBaseline }
            var caption = "\(firstForecastRows.count) fold\(firstForecastRows.count == 1 ? "" : "s") of \(horizon) step\(horizon == 1 ? "" : "s") (\(firstForecastRows.count * horizon) steps scored)\(hasModel ? ", the model refit \(refit)" : ""); MASE and seasonal-naive season \(season); * best MASE; relMASE = MASE / naive MASE (below 1 beats the naive forecast); dir% undefined for a forecast that calls no direction"
            if models.contains(where: { $0.name == "auto" }) {
                caption += "; auto = the network, a baseline, a statistical model or a mean of them, chosen on each fold's validation part"
            }
            for model in models { if let choices = model.choiceSummary { caption += "\n\(model.name) chose: \(choices)" } }
            return TextTable.aligned([["model"] + names] + body) + caption + "\n"
        case .csv:
            let body = rows.map { row in [row.name, row.name == best ? "1" : "0"] + row.columns.map { $0.value.map(TextTable.exact) ?? "" } }
            return TextTable.csv([["model", "best"] + names] + body)
        case .json, .jsonl:
            let metricRows = zip(models, rows).map { model, row in
                var labels: [String: MetricRow.Label] = ["model": .text(row.name), "best": .flag(row.name == best)]
                if let methods = model.foldMethods { labels["fold_methods"] = .texts(methods) }
                return MetricRow(labels: labels, metrics: row.columns)
            }
            if format == .jsonl { return metricRows.map { ResultJSON.line($0.adding(settingsLabels)) }.joined() }
            return ResultJSON.encode(Summary(column: column, frequency: frequency, folds: firstForecastRows.count, horizon: horizon,
                                             season: season, models: metricRows))
        }
    }

    /// One row per method and fold.
    public func renderedFolds(_ format: OutputFormat) -> String {
        var rows: [(model: String, fold: Int, firstTarget: String, method: String, columns: [(name: String, value: Double?)])] = []
        let levels = intervalLevels
        for model in models {
            for fold in model.folds {
                let score = BacktestScore(method: model.name, folds: [fold])
                rows.append((model.name, fold.fold + 1, firstTargets[fold.fold], fold.method ?? model.name,
                             Self.metricColumns(score, relativeMASE: nil, includesRelativeMASE: false, levels: levels)))
            }
        }
        let names = rows.first?.columns.map(\.name) ?? []
        switch format {
        case .table:
            let body = rows.map { [$0.model, String($0.fold), $0.firstTarget, $0.method] + $0.columns.map { TextTable.metric($0.value) } }
            return TextTable.aligned([["model", "fold", "first target", "method"] + names] + body)
        case .csv:
            let body = rows.map { [$0.model, String($0.fold), $0.firstTarget, $0.method] + $0.columns.map { $0.value.map(TextTable.exact) ?? "" } }
            return TextTable.csv([["model", "fold", "first_target", "method"] + names] + body)
        case .json, .jsonl:
            let metricRows = rows.map {
                MetricRow(labels: ["model": .text($0.model), "fold": .count($0.fold), "first_target": .text($0.firstTarget),
                                   "method": .text($0.method)], metrics: $0.columns)
            }
            if format == .jsonl { return metricRows.map { ResultJSON.line($0.adding(settingsLabels)) }.joined() }
            return ResultJSON.encode(FoldRows(column: column, frequency: frequency, horizon: horizon, season: season, folds: metricRows))
        }
    }

    /// The backtest's settings, repeated on every JSON Lines row so each stands alone.
    var settingsLabels: [String: MetricRow.Label] {
        ["column": .text(column), "frequency": .text(frequency), "horizon": .count(horizon), "season": .count(season),
         "folds": .count(firstForecastRows.count)]
    }

    /// The JSON of the summary table: the backtest's settings, then a row per method.
    struct Summary: Encodable {
        let column: String, frequency: String, folds: Int, horizon: Int, season: Int
        let models: [MetricRow]
    }

    /// The JSON of the per-fold table.
    struct FoldRows: Encodable {
        let column: String, frequency: String, horizon: Int, season: Int
        let folds: [MetricRow]
    }
}

/// One table row as a JSON object: its labels, then each metric under its column name (null
/// where undefined).
struct MetricRow: Encodable {
    enum Label: Encodable {
        case text(String), flag(Bool), count(Int), texts([String])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .flag(let flag): try container.encode(flag)
            case .count(let count): try container.encode(count)
            case .texts(let texts): try container.encode(texts)
            }
        }
    }

    let labels: [String: Label]
    let metrics: [(name: String, value: Double?)]

    /// The row with more labels (kept where a key is already there).
    func adding(_ more: [String: Label]) -> MetricRow {
        MetricRow(labels: labels.merging(more) { mine, _ in mine }, metrics: metrics)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        for (key, label) in labels { try container.encode(label, forKey: DynamicKey(key)) }
        for metric in metrics { try container.encode(metric.value, forKey: DynamicKey(metric.name)) }
    }
}
