import Foundation

/// statsforecast's reference fits read from `Fixtures/statistical_reference.json`, written by
/// `Utilities/ReferenceImplementations/make_statistical_fixtures.py` (the fields are described there).
struct StatisticalReference: Decodable {
    struct ETS: Decodable {
        let method: String?
        let components: String
        let alpha: Double
        let beta: Double?
        let gamma: Double?
        let phi: Double?
        let initial_states: [Double]
        let neg2loglik: Double
        let aicc: Double
        let forecasts: [Double]
    }
    struct Default: Decodable {
        let method: String
        let forecasts: [Double]
    }
    struct Theta: Decodable {
        let variant: String
        let initial_smoothed: Double
        let alpha: Double
        let decomposed: Bool
        let decomposition: String?
        let forecasts: [Double]
    }
    struct Series: Decodable {
        let name: String
        let season_period: Int
        let horizon: Int
        let values: [Double]
        let auto_additive: ETS
        let auto_default: Default
        let models: [String: ETS]
        let theta: Theta
    }
    let statsforecast_version: String
    let series: [Series]

    static let shared: StatisticalReference = fixture("statistical_reference.json")

    /// A JSON fixture of this folder's `Fixtures`, decoded. The fixtures are part of the repository; a
    /// missing or malformed file is a broken checkout.
    static func fixture<Value: Decodable>(_ name: String) -> Value {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try! JSONDecoder().decode(Value.self, from: Data(contentsOf: url))
    }

    /// The largest |a − b| / max(|b|, floor) over the steps.
    static func relativeDifference(_ a: [Double], _ b: [Double], floor: Double = 1e-12) -> Double {
        zip(a, b).map { abs($0 - $1) / max(abs($1), floor) }.max() ?? .infinity
    }
}

extension StatisticalReference.Series {
    /// The mean |y|: forecasts are compared relative to the larger of themselves and this, so that a
    /// forecast near zero (the sunspot minimum) is not judged by its own small size.
    var scale: Double { values.reduce(0) { $0 + abs($1) } / Double(values.count) }
}
