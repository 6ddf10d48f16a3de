import ForecastNN

/// The cells' gate math written with ForecastNN's Swift `Activations`, as the cells computed it
/// before it moved to `CForecastKernels`: the references the C kernels must match bit for bit.

/// Layouts as in `LSTMCell`: pre-activations B × 4H, cache B × 6H [i | f | g | o | c | tanh c].
enum LSTMGateReference {
    static func forward(batch: Int, hidden h: Int, preactivation: [Float], previousCache: [Float]?) -> (cache: [Float], output: [Float]) {
        var cache = [Float](repeating: 0, count: batch * 6 * h)
        var output = [Float](repeating: 0, count: batch * h)
        for row in 0..<batch {
            for j in 0..<h {
                func pre(_ block: Int) -> Float { preactivation[row * 4 * h + block * h + j] }
                let i = Activations.sigmoid(pre(0)), f = Activations.sigmoid(pre(1))
                let g = Activations.tanh(pre(2)), o = Activations.sigmoid(pre(3))
                let cPrevious = previousCache.map { $0[row * 6 * h + 4 * h + j] } ?? 0
                let c = f * cPrevious + i * g
                let tc = Activations.tanh(c)
                for (block, value) in [i, f, g, o, c, tc].enumerated() { cache[row * 6 * h + block * h + j] = value }
                output[row * h + j] = o * tc
            }
        }
        return (cache, output)
    }

    static func backward(
        batch: Int, hidden h: Int, cache: [Float], previousCache: [Float]?, dOutput: [Float], dCarry: [Float]
    ) -> (dCarry: [Float], dPreactivation: [Float]) {
        var dCarryOut = dCarry
        var dA = [Float](repeating: 0, count: batch * 4 * h)
        for row in 0..<batch {
            for j in 0..<h {
                func cached(_ block: Int) -> Float { cache[row * 6 * h + block * h + j] }
                let i = cached(0), f = cached(1), g = cached(2), o = cached(3), tc = cached(5)
                let cPrevious = previousCache.map { $0[row * 6 * h + 4 * h + j] } ?? 0
                let dh = dOutput[row * h + j]
                let dO = dh * tc
                let dc = dCarry[row * h + j] + dh * o * (1 - tc * tc)
                dCarryOut[row * h + j] = dc * f
                let gradients = [(dc * g) * (i * (1 - i)), (dc * cPrevious) * (f * (1 - f)), (dc * i) * (1 - g * g), dO * (o * (1 - o))]
                for (block, value) in gradients.enumerated() { dA[row * 4 * h + block * h + j] = value }
            }
        }
        return (dCarryOut, dA)
    }
}

/// Layouts as in `GRUCell`: projections B × 3H (r, z, n), cache B × 3H [r | z | n].
enum GRUGateReference {
    static func forward(batch: Int, hidden h: Int, input x: [Float], hiddenProjection hp: [Float], previousHidden: [Float])
        -> (cache: [Float], output: [Float]) {
        var cache = [Float](repeating: 0, count: batch * 3 * h), output = [Float](repeating: 0, count: batch * h)
        for row in 0..<batch {
            for j in 0..<h {
                let base = row * 3 * h + j
                let r = Activations.sigmoid(x[base] + hp[base])
                let z = Activations.sigmoid(x[base + h] + hp[base + h])
                let n = Activations.tanh(x[base + 2 * h] + r * hp[base + 2 * h])
                cache[base] = r; cache[base + h] = z; cache[base + 2 * h] = n
                output[row * h + j] = n + z * (previousHidden[row * h + j] - n)
            }
        }
        return (cache, output)
    }

    static func backward(batch: Int, hidden h: Int, hiddenProjection hp: [Float], previousHidden: [Float], cache: [Float], dOutput: [Float])
        -> (dInput: [Float], dHidden: [Float], dDirect: [Float]) {
        var dInput = [Float](repeating: 0, count: batch * 3 * h), dHidden = dInput
        var dDirect = [Float](repeating: 0, count: batch * h)
        for row in 0..<batch {
            for j in 0..<h {
                let base = row * 3 * h + j
                let r = cache[base], z = cache[base + h], n = cache[base + 2 * h], dh = dOutput[row * h + j]
                let dN = dh * (1 - z), dZ = dh * (previousHidden[row * h + j] - n)
                dDirect[row * h + j] = dh * z
                let dAn = dN * (1 - n * n)
                let dAr = (dAn * hp[base + 2 * h]) * (r * (1 - r)), dAz = dZ * (z * (1 - z))
                dInput[base] = dAr; dInput[base + h] = dAz; dInput[base + 2 * h] = dAn
                dHidden[base] = dAr; dHidden[base + h] = dAz; dHidden[base + 2 * h] = dAn * r
            }
        }
        return (dInput, dHidden, dDirect)
    }
}

/// The tanh RNN cell: h = tanh(a); da = dh ⊙ (1 − h²).
enum ElmanGateReference {
    static func forward(_ preactivation: [Float]) -> [Float] { preactivation.map { Activations.tanh($0) } }

    static func backward(output: [Float], dOutput: [Float]) -> [Float] {
        zip(output, dOutput).map { h, dh in dh * (1 - h * h) }
    }
}
