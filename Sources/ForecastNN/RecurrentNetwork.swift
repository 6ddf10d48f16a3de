import CForecastKernels

/// A stack of recurrent layers and a linear head, with its parameters in one flat buffer laid
/// out as PyTorch's `state_dict` (see `NetworkConfiguration.parameterLayout`).
///
/// Parameters are read, never written, by `forward`, `backward` and `predict`, so several
/// threads may run those at once (each with its own workspace) as long as nobody changes
/// `parameters` meanwhile; optimisers update them between steps.
public final class RecurrentNetwork: @unchecked Sendable {
    public let configuration: NetworkConfiguration
    /// Every parameter, in `configuration.parameterLayout` order.
    public var parameters: [Float] {
        didSet {
            precondition(parameters.count == layout.parameterCount,
                         "RecurrentNetwork: parameters must keep \(layout.parameterCount) values, got \(parameters.count)")
            parameterStamp = forecast_next_parameter_stamp()
        }
    }
    /// Changes, to a number no network had before, whenever `parameters` change (in place too):
    /// a `PredictionWorkspace` keeps weights packed for the stamp it saw and packs again after.
    private(set) var parameterStamp: UInt64 = forecast_next_parameter_stamp()
    /// Offsets of every tensor, computed once.
    let layout: NetworkLayout

    /// A freshly initialised network: every parameter U(−1/√H, 1/√H), drawn in layout order
    /// from a generator seeded with `seed` (PyTorch's rule for its RNN, LSTM, GRU and for
    /// `Linear(H, O)`, whose fan-in is H).
    public init(configuration: NetworkConfiguration, seed: UInt64) {
        _ = BLAS.ready
        self.configuration = configuration
        layout = NetworkLayout(configuration)
        var generator = SeededGenerator(seed: seed)
        let bound = 1 / Float(configuration.hiddenSize).squareRoot()
        parameters = (0..<configuration.parameterCount).map { _ in generator.uniform(in: -bound...bound) }
    }

    /// A network with given parameters (e.g. read from a model file).
    /// - Throws: `RecurrentNetworkError.parameterCountMismatch` when the count does not fit the configuration.
    public init(configuration: NetworkConfiguration, parameters: [Float]) throws {
        _ = BLAS.ready
        guard parameters.count == configuration.parameterCount else {
            throw RecurrentNetworkError.parameterCountMismatch(
                expected: configuration.parameterCount, actual: parameters.count, configuration: configuration)
        }
        self.configuration = configuration
        layout = NetworkLayout(configuration)
        self.parameters = parameters
    }

    /// The values of one named tensor (e.g. `rnn.weight_hh_l0`), or nil for an unknown name.
    public func tensor(named name: String) -> ArraySlice<Float>? {
        guard let spec = layout.specs.first(where: { $0.name == name }) else { return nil }
        return parameters[spec.offset ..< spec.offset + spec.count]
    }
}

/// Offsets of the tensors, kept so the hot paths do not rebuild names and arrays.
struct NetworkLayout: Sendable {
    let specs: [ParameterSpec]
    let parameterCount: Int

    init(_ configuration: NetworkConfiguration) {
        specs = configuration.parameterLayout
        parameterCount = configuration.parameterCount
    }

    /// Offsets of layer k's weight_ih, weight_hh, bias_ih, bias_hh.
    func layerOffsets(_ k: Int) -> (Int, Int, Int, Int) {
        (specs[4 * k].offset, specs[4 * k + 1].offset, specs[4 * k + 2].offset, specs[4 * k + 3].offset)
    }

    /// Offsets of head.weight and head.bias.
    var headOffsets: (Int, Int) { (specs[specs.count - 2].offset, specs[specs.count - 1].offset) }
}
