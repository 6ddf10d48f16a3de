/// A method is written as its report name and, for the seasonal ones, its period, the two fields
/// model files record, so a result read back names the same method.
extension ForecastMethod: Codable {
    enum CodingKeys: String, CodingKey { case name, seasonPeriod = "season_period" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        let period = try container.decodeIfPresent(Int.self, forKey: .seasonPeriod)
        guard let method = ForecastMethod(name: name, seasonPeriod: period) ?? ForecastMethod(blendName: name, seasonPeriod: period) else {
            throw DecodingError.dataCorruptedError(forKey: .name, in: container,
                                                   debugDescription: "no forecast method is named \(name) with season period \(period.map(String.init) ?? "none")")
        }
        self = method
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(seasonPeriod, forKey: .seasonPeriod)
    }
}

/// The report as a value scripts can store: the validation errors, a list of pairs in memory, are
/// written as objects `{"method": …, "mean_absolute_error": …}`.
extension FitReport: Codable {
    enum CodingKeys: String, CodingKey {
        case trainingLosses = "training_losses", validationLosses = "validation_losses", keptEpoch = "kept_epoch"
        case stoppedEarly = "stopped_early", trainingWindows = "training_windows", validationWindows = "validation_windows"
        case decisions, validationErrors = "validation_errors"
    }

    struct ValidationError: Codable {
        let method: ForecastMethod
        let meanAbsoluteError: Double
        enum CodingKeys: String, CodingKey { case method, meanAbsoluteError = "mean_absolute_error" }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            trainingLosses: try container.decode([Float].self, forKey: .trainingLosses),
            validationLosses: try container.decode([Float].self, forKey: .validationLosses),
            keptEpoch: try container.decode(Int.self, forKey: .keptEpoch),
            stoppedEarly: try container.decode(Bool.self, forKey: .stoppedEarly),
            trainingWindows: try container.decode(Int.self, forKey: .trainingWindows),
            validationWindows: try container.decode(Int.self, forKey: .validationWindows),
            decisions: try container.decode([String].self, forKey: .decisions),
            validationErrors: try container.decode([ValidationError].self, forKey: .validationErrors)
                .map { ($0.method, $0.meanAbsoluteError) })
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(trainingLosses, forKey: .trainingLosses)
        try container.encode(validationLosses, forKey: .validationLosses)
        try container.encode(keptEpoch, forKey: .keptEpoch)
        try container.encode(stoppedEarly, forKey: .stoppedEarly)
        try container.encode(trainingWindows, forKey: .trainingWindows)
        try container.encode(validationWindows, forKey: .validationWindows)
        try container.encode(decisions, forKey: .decisions)
        try container.encode(validationErrors.map { ValidationError(method: $0.method, meanAbsoluteError: $0.meanAbsoluteError) },
                             forKey: .validationErrors)
    }
}
