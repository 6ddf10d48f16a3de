import CForecastKernels

/// A batch-1 forecast on two cores: each core owns half of every layer's units, with the gate
/// rows of those units packed apart, computes their gates and their part of h_t, and waits for
/// the other half before the next step.
///
/// Why: one step of a batch-1 forecast is a matrix-vector product bound by how fast the core
/// reads the weights from its cache (an LSTM with 128 units and 2 layers reads 768 KB per step),
/// not by arithmetic, so a second core with half the weights in its own cache halves the step.
/// Every element of the gates is the same sum of the same products in the same order as in
/// the one-core forecast (the packed product sums each column alone, wherever it sits), and the
/// cell's arithmetic is elementwise, so the forecast is identical bit for bit whatever the
/// thread count.
final class SplitPrediction: @unchecked Sendable {
    /// One layer's share of units: its packed weights and what its steps write.
    struct Part {
        let firstUnit: Int
        let units: Int
        /// W_ihᵀ and W_hhᵀ restricted to this share's gate columns (gate by gate), packed.
        let packedInput: UnsafeMutablePointer<Float>
        let packedHidden: UnsafeMutablePointer<Float>
        /// The input projection's bias (b_ih, plus b_hh for folding cells) and b_hh, G·units each.
        let inputBias: UnsafeMutablePointer<Float>
        let hiddenBias: UnsafeMutablePointer<Float>
        /// G·units: the step's gate pre-activations, and the hidden projection for GRU.
        let gates: UnsafeMutablePointer<Float>
        let hiddenProjection: UnsafeMutablePointer<Float>
        /// Two steps of the cell's cache for this share's units.
        let cache: UnsafeMutablePointer<Float>
        let cacheWidth: Int
    }

    /// The fewest weights a layer's step must read on average (G·H·(D + H) floats) for the split
    /// to pay: with fewer, the meeting after every step costs more than half a step saves.
    /// Measured on batch-1 latency: Elman layers of 64 units lost (one layer, 4,160 weights:
    /// 5.7 → 8.1 µs; two layers, 6,176 on average: 13.6 → 19.8 µs), an Elman layer of 96 units
    /// (9,312) gained (15.5 → 9.6 µs), and so did a GRU layer of 64 (12,480: 20 → 15.5 µs).
    static let minimumWeightsPerStep = 8192

    /// Whether a forecast with this configuration gains from the second core.
    static func pays(_ configuration: NetworkConfiguration) -> Bool {
        let h = configuration.hiddenSize, g = configuration.cell.gateCount
        let weights = (0..<configuration.layers).map { g * h * (configuration.inputSize(ofLayer: $0) + h) }.reduce(0, +)
        return PackedRecurrentProduct.isAvailable && h >= 2 && weights >= minimumWeightsPerStep * configuration.layers
    }

    let configuration: NetworkConfiguration
    /// [part][layer].
    let parts: [[Part]]
    /// The parameter stamp the packed shares were made from, if any.
    var packedStamp: UInt64?

    /// The second thread, shared by the two halves of every forecast.
    let partner: CorePartner
    private let storage: UnsafeMutableRawPointer

    /// Nil when the split does not apply or no thread can be started; the forecast then runs on
    /// one core.
    init?(configuration: NetworkConfiguration) {
        guard Self.pays(configuration), let partner = CorePartner() else { return nil }
        self.partner = partner
        self.configuration = configuration
        let h = configuration.hiddenSize, g = configuration.cell.gateCount
        let shares = [(0, h / 2), (h / 2, h - h / 2)]
        // Each buffer starts on its own 64-byte line.
        func rounded(_ floats: Int) -> Int { (Swift.max(floats, 1) + 15) / 16 * 16 }
        func floats(layer k: Int, units: Int) -> [Int] {
            let cacheWidth = NetworkWorkspace.cacheWidth(configuration.cell, hidden: units)
            return [PackedRecurrentProduct.packedCount(k: configuration.inputSize(ofLayer: k), n: g * units),
                    PackedRecurrentProduct.packedCount(k: h, n: g * units),
                    g * units, g * units, g * units, g * units, 2 * Swift.max(cacheWidth, 1)].map(rounded)
        }
        let total = shares.map { share in
            (0..<configuration.layers).map { floats(layer: $0, units: share.1).reduce(0, +) }.reduce(0, +)
        }.reduce(0, +)
        storage = UnsafeMutableRawPointer.allocate(byteCount: total * MemoryLayout<Float>.size, alignment: 64)
        storage.initializeMemory(as: Float.self, repeating: 0, count: total)
        var cursor = storage.assumingMemoryBound(to: Float.self)
        parts = shares.map { first, units in
            (0..<configuration.layers).map { k in
                let sizes = floats(layer: k, units: units)
                var buffers: [UnsafeMutablePointer<Float>] = []
                for size in sizes { buffers.append(cursor); cursor += size }
                return Part(firstUnit: first, units: units, packedInput: buffers[0], packedHidden: buffers[1],
                            inputBias: buffers[2], hiddenBias: buffers[3], gates: buffers[4],
                            hiddenProjection: buffers[5], cache: buffers[6],
                            cacheWidth: Swift.max(NetworkWorkspace.cacheWidth(configuration.cell, hidden: units), 1))
            }
        }
    }

    deinit { storage.deallocate() }
}

extension RecurrentLayer {
    /// Packs this layer's weights and biases restricted to `part`'s units, gate by gate, the
    /// columns in the order `forecastSplitStep` produces them.
    func packSplit(parameters p: UnsafePointer<Float>, part: SplitPrediction.Part) {
        let h = hiddenSize, g = Cell.gateCount, u = part.units
        var gathered = [Float](repeating: 0, count: g * u * Swift.max(inputSize, h))
        gathered.withUnsafeMutableBufferPointer { buffer in
            let rows = buffer.baseAddress!
            /// Rows of W (G·H × width) that belong to the part's units, gate by gate.
            func gather(_ w: UnsafePointer<Float>, width: Int) {
                for gate in 0..<g {
                    (rows + gate * u * width).update(from: w + (gate * h + part.firstUnit) * width, count: u * width)
                }
            }
            gather(p + weightInputOffset, width: inputSize)
            PackedRecurrentProduct.pack(k: inputSize, n: g * u, b: rows, ldb: inputSize, transposed: true, into: part.packedInput)
            gather(p + weightHiddenOffset, width: h)
            PackedRecurrentProduct.pack(k: h, n: g * u, b: rows, ldb: h, transposed: true, into: part.packedHidden)
        }
        let bIH = p + biasInputOffset, bHH = p + biasHiddenOffset
        for gate in 0..<g {
            for j in 0..<u {
                let column = gate * h + part.firstUnit + j, slot = gate * u + j
                // As `writeInputBias` sums them, so the bits agree.
                part.inputBias[slot] = Cell.foldsHiddenBias ? bIH[column] + bHH[column] : bIH[column]
                part.hiddenBias[slot] = bHH[column]
            }
        }
    }

    /// Step t of one batch-1 forecast for `part`'s units: their gates from x_t and the whole
    /// h_{t−1}, then their share of h_t written into `output` (the whole row).
    func forecastSplitStep(t: Int, input x: UnsafePointer<Float>, previousHidden: UnsafePointer<Float>,
                           output: UnsafeMutablePointer<Float>, part: SplitPrediction.Part) {
        let h = hiddenSize, gw = Cell.gateCount * part.units
        if Cell.foldsHiddenBias && t > 0 {
            PackedRecurrentProduct.multiplyPair(
                m: 1, n: gw, k1: inputSize, a1: x, lda1: inputSize, packed1: part.packedInput,
                k2: h, a2: previousHidden, lda2: h, packed2: part.packedHidden, bias: part.inputBias, c: part.gates, ldc: gw)
        } else {
            PackedRecurrentProduct.multiply(m: 1, n: gw, k: inputSize, a: x, lda: inputSize, packed: part.packedInput,
                                            bias: part.inputBias, c: part.gates, ldc: gw)
        }
        if !Cell.foldsHiddenBias {
            if t > 0 {
                PackedRecurrentProduct.multiply(m: 1, n: gw, k: h, a: previousHidden, lda: h, packed: part.packedHidden,
                                                bias: part.hiddenBias, c: part.hiddenProjection, ldc: gw)
            } else {
                part.hiddenProjection.update(from: part.hiddenBias, count: gw)
            }
        }
        Cell.forward(CellStep(
            batch: 1, hidden: part.units,
            inputProjection: part.gates, hiddenProjection: part.hiddenProjection,
            previousHidden: previousHidden + part.firstUnit,
            previousCache: t == 0 ? nil : UnsafePointer(part.cache + ((t - 1) % 2) * part.cacheWidth),
            cache: part.cache + (t % 2) * part.cacheWidth,
            output: output + part.firstUnit, recordsForBackward: false))
    }
}
