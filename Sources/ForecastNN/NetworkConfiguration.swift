import Foundation

/// The recurrent cell a network is built from; raw values are the names used in model files.
public enum CellKind: String, CaseIterable, Codable, Sendable {
    /// Elman cell, PyTorch `nn.RNN` with tanh.
    case rnn
    /// PyTorch `nn.LSTM` (gates i, f, g, o).
    case lstm
    /// PyTorch `nn.GRU` (gates r, z, n).
    case gru

    /// How many H-sized blocks the cell's weight matrices stack (G in the shape comments).
    public var gateCount: Int {
        switch self {
        case .rnn: 1
        case .lstm: 4
        case .gru: 3
        }
    }
}

/// The shape of a network: a stack of recurrent layers followed by a linear head on the
/// last step's output of the top layer, exactly as PyTorch builds it.
///
/// With `headInputs` E > 0 the head also reads E values beside the last hidden state (the
/// known-in-advance covariates of every forecast step): PyTorch
/// `head(torch.cat([output[:, -1], extra], dim=1))` with `head = nn.Linear(H + E, O)`.
public struct NetworkConfiguration: Hashable, Codable, Sendable {
    public var cell: CellKind
    /// D, the number of features in each time step of an input window.
    public var inputSize: Int
    /// H, the width of every recurrent layer.
    public var hiddenSize: Int
    /// Number of stacked recurrent layers.
    public var layers: Int
    /// O, the number of values the head predicts (the forecast horizon).
    public var outputs: Int
    /// Probability of zeroing an output of every layer but the last while training.
    public var dropout: Float
    /// E, values the head reads beside the last hidden state; 0 for a plain head.
    public var headInputs: Int

    public init(cell: CellKind, inputSize: Int, hiddenSize: Int, layers: Int = 1, outputs: Int = 1, dropout: Float = 0,
                headInputs: Int = 0) {
        precondition(inputSize > 0, "NetworkConfiguration: inputSize must be positive, got \(inputSize)")
        precondition(hiddenSize > 0, "NetworkConfiguration: hiddenSize must be positive, got \(hiddenSize)")
        precondition(layers > 0, "NetworkConfiguration: layers must be positive, got \(layers)")
        precondition(outputs > 0, "NetworkConfiguration: outputs must be positive, got \(outputs)")
        precondition(dropout >= 0 && dropout < 1, "NetworkConfiguration: dropout must be in [0, 1), got \(dropout)")
        precondition(headInputs >= 0, "NetworkConfiguration: headInputs must not be negative, got \(headInputs)")
        self.cell = cell
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.layers = layers
        self.outputs = outputs
        self.dropout = dropout
        self.headInputs = headInputs
    }

    /// The same configuration, checked instead of trapped: for values that come from files or
    /// users (model metadata, command-line options).
    /// - Throws: `NetworkConfigurationError` naming the first value out of range.
    public init(validating cell: CellKind, inputSize: Int, hiddenSize: Int, layers: Int = 1, outputs: Int = 1,
                dropout: Float = 0, headInputs: Int = 0) throws {
        for (name, value) in [("input size", inputSize), ("hidden size", hiddenSize), ("number of layers", layers),
                              ("number of outputs", outputs)] where value <= 0 {
            throw NetworkConfigurationError.notPositive(name: name, value: value)
        }
        guard dropout >= 0 && dropout < 1 else { throw NetworkConfigurationError.dropoutOutOfRange(dropout) }
        guard headInputs >= 0 else { throw NetworkConfigurationError.notPositive(name: "number of head inputs", value: headInputs) }
        self.init(cell: cell, inputSize: inputSize, hiddenSize: hiddenSize, layers: layers, outputs: outputs, dropout: dropout,
                  headInputs: headInputs)
    }

    private enum CodingKeys: String, CodingKey { case cell, inputSize, hiddenSize, layers, outputs, dropout, headInputs }

    /// Decodes and validates, so a damaged file becomes an error rather than a trap.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                validating: try container.decode(CellKind.self, forKey: .cell),
                inputSize: try container.decode(Int.self, forKey: .inputSize),
                hiddenSize: try container.decode(Int.self, forKey: .hiddenSize),
                layers: try container.decode(Int.self, forKey: .layers),
                outputs: try container.decode(Int.self, forKey: .outputs),
                dropout: try container.decode(Float.self, forKey: .dropout),
                headInputs: try container.decodeIfPresent(Int.self, forKey: .headInputs) ?? 0)
        } catch let error as NetworkConfigurationError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message,
                                                    underlyingError: error))
        }
    }

    /// Writes `headInputs` only when the head reads any, so plain networks encode as before.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cell, forKey: .cell)
        try container.encode(inputSize, forKey: .inputSize)
        try container.encode(hiddenSize, forKey: .hiddenSize)
        try container.encode(layers, forKey: .layers)
        try container.encode(outputs, forKey: .outputs)
        try container.encode(dropout, forKey: .dropout)
        if headInputs > 0 { try container.encode(headInputs, forKey: .headInputs) }
    }

    /// D_k: the width of layer `k`'s input (the features for the first layer, H above it).
    public func inputSize(ofLayer k: Int) -> Int {
        k == 0 ? inputSize : hiddenSize
    }
}

/// A network shape that cannot be built.
public enum NetworkConfigurationError: Error, Equatable, LocalizedError {
    case notPositive(name: String, value: Int)
    case dropoutOutOfRange(Float)

    var message: String {
        switch self {
        case let .notPositive(name, value): "The \(name) of a network must be positive, but it is \(value)."
        case let .dropoutOutOfRange(p): "Dropout must be at least 0 and below 1, but it is \(p)."
        }
    }

    public var errorDescription: String? { message }
}

/// Where one named tensor lives in the flat parameter buffer.
public struct ParameterSpec: Hashable, Sendable {
    /// The PyTorch `state_dict` name, e.g. `rnn.weight_ih_l0` or `head.bias`.
    public var name: String
    /// Row-major shape, as PyTorch reports it.
    public var shape: [Int]
    /// First element in the flat buffer.
    public var offset: Int
    /// Number of elements (the product of `shape`).
    public var count: Int

    public init(name: String, shape: [Int], offset: Int) {
        self.name = name
        self.shape = shape
        self.offset = offset
        self.count = shape.reduce(1, *)
    }
}

extension NetworkConfiguration {
    /// Every tensor in PyTorch `state_dict` order: for each layer k `weight_ih` (G·H × D_k),
    /// `weight_hh` (G·H × H), `bias_ih` (G·H), `bias_hh` (G·H); then `head.weight` (O × (H + E)) and
    /// `head.bias` (O). Parameters and gradients are flat buffers in exactly this order.
    public var parameterLayout: [ParameterSpec] {
        let gates = cell.gateCount * hiddenSize
        var specs: [ParameterSpec] = []
        var offset = 0
        func add(_ name: String, _ shape: [Int]) {
            let spec = ParameterSpec(name: name, shape: shape, offset: offset)
            specs.append(spec)
            offset += spec.count
        }
        for k in 0..<layers {
            add("rnn.weight_ih_l\(k)", [gates, inputSize(ofLayer: k)])
            add("rnn.weight_hh_l\(k)", [gates, hiddenSize])
            add("rnn.bias_ih_l\(k)", [gates])
            add("rnn.bias_hh_l\(k)", [gates])
        }
        add("head.weight", [outputs, hiddenSize + headInputs])
        add("head.bias", [outputs])
        return specs
    }

    /// Total number of scalars in the flat parameter buffer.
    public var parameterCount: Int {
        let gates = cell.gateCount * hiddenSize
        var count = 0
        for k in 0..<layers {
            count += gates * inputSize(ofLayer: k) + gates * hiddenSize + 2 * gates
        }
        return count + outputs * (hiddenSize + headInputs) + outputs
    }
}
