// Times the Swift exponential smoothing, theta and ARIMA fits on the series of
// Tests/ForecastEvaluationTests/Fixtures/statistical_reference.json (median of 5 fits), to set beside
// `make_statistical_fixtures.py --time` and `make_arima_fixtures.py --time`. Not part of the package;
// build it with the sources it times:
//
//     mkdir -p /tmp/stats-bench && cp Utilities/ReferenceImplementations/time_statistical_fits.swift /tmp/stats-bench/main.swift
//     swiftc -O -wmo -module-name StatsBench Sources/ForecastEvaluation/Statistical/*.swift \
//         Sources/ForecastEvaluation/Statistical/ARIMA/*.swift Sources/ForecastEvaluation/SeasonalityTest.swift \
//         Sources/ForecastEvaluation/ForecastingMethod.swift /tmp/stats-bench/main.swift -o /tmp/stats-bench/bench
//     /tmp/stats-bench/bench Tests/ForecastEvaluationTests/Fixtures/statistical_reference.json
import Foundation
struct Series: Decodable { let name: String; let season_period: Int; let values: [Double] }
struct Ref: Decodable { let series: [Series] }
let url = URL(fileURLWithPath: CommandLine.arguments[1])
let ref = try JSONDecoder().decode(Ref.self, from: Data(contentsOf: url))
let repeats = 5
var out: [String: Double] = [:]
func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }
for s in ref.series {
    for name in ["ets", "theta", "arima"] {
        var times: [Double] = []
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            switch name {
            case "ets": _ = try ExponentialSmoothing(seasonPeriod: s.season_period).fit(history: s.values)
            case "theta": _ = try ThetaMethod(seasonPeriod: s.season_period).fit(history: s.values)
            default: _ = try ARIMA(seasonPeriod: s.season_period).fit(history: s.values)
            }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        out["\(s.name)/\(name)"] = median(times)
    }
}
for (k, v) in out.sorted(by: { $0.key < $1.key }) { print(k, v) }
