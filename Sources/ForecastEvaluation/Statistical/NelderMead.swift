/// A derivative-free minimiser: the Nelder–Mead simplex method (reflection 1, expansion 2,
/// contraction ½, shrink ½; Lagarias et al. 1998), restarted from its best point until a restart no
/// longer improves the value.
///
/// Exponential smoothing and theta likelihoods have kinks at the admissibility boundary (the
/// objective is +∞ outside it), so gradients are unreliable; a simplex needs only values. A single
/// simplex run can collapse on a ridge before it reaches the minimum — restarting with a fresh simplex
/// of the original size is the usual cure and costs little at these sizes.
public struct NelderMead: Sendable {
    /// The run stops when the spread of the simplex' values is at most
    /// `tolerance · (|f_best| + tolerance)`. For −2 log L ≈ 10³ the default is a spread of 10⁻⁵, far
    /// below what moves a forecast.
    public var tolerance: Double = 1e-8
    /// The largest number of objective evaluations over all restarts. 5 000 reaches statsforecast's
    /// likelihoods on the reference series (docs/statistical-models.md); 20 000 gains under 1 in
    /// −2 log L on the 52-week season at four times the cost.
    public var maximumEvaluations: Int = 5_000
    /// The largest number of restarts after the first run.
    public var maximumRestarts: Int = 3

    public init(tolerance: Double = 1e-8, maximumEvaluations: Int = 5_000, maximumRestarts: Int = 3) {
        self.tolerance = tolerance
        self.maximumEvaluations = maximumEvaluations
        self.maximumRestarts = maximumRestarts
    }

    /// The point found and its value.
    public struct Result: Sendable {
        public var point: [Double]
        public var value: Double
        public var evaluations: Int
    }

    /// Minimises `objective` from `start`; `steps[i]` is the initial simplex' edge along coordinate
    /// `i`. The objective may return `.infinity` for points outside the feasible region; `start` must
    /// be feasible.
    public func minimise(_ objective: ([Double]) -> Double, start: [Double], steps: [Double]) -> Result {
        precondition(start.count == steps.count && !start.isEmpty)
        var best = start
        var bestValue = objective(start)
        var evaluations = 1
        for _ in 0...maximumRestarts {
            let run = simplexRun(objective, start: best, value: bestValue, steps: steps,
                                 budget: maximumEvaluations - evaluations)
            evaluations += run.evaluations
            let improved = bestValue - run.value > tolerance * (abs(bestValue) + tolerance)
            if run.value < bestValue {
                best = run.point
                bestValue = run.value
            }
            if !improved || evaluations >= maximumEvaluations { break }
        }
        return Result(point: best, value: bestValue, evaluations: evaluations)
    }

    private func simplexRun(_ f: ([Double]) -> Double, start: [Double], value: Double, steps: [Double],
                            budget: Int) -> Result {
        let d = start.count
        var points = [start]
        var values = [value]
        var evaluations = 0
        for i in 0..<d {
            var p = start
            p[i] += steps[i]
            var v = f(p)
            evaluations += 1
            if !v.isFinite {
                // Step the other way when the first vertex leaves the feasible region.
                p[i] = start[i] - steps[i]
                v = f(p)
                evaluations += 1
            }
            points.append(p)
            values.append(v)
        }
        func combine(_ a: [Double], _ b: [Double], _ t: Double) -> [Double] {
            var out = a
            for i in 0..<d { out[i] = a[i] + t * (b[i] - a[i]) }
            return out
        }
        while evaluations < budget {
            let order = values.indices.sorted { values[$0] < values[$1] }
            points = order.map { points[$0] }
            values = order.map { values[$0] }
            let spread = values[d] - values[0]
            if values[d].isFinite && spread <= tolerance * (abs(values[0]) + tolerance) { break }
            var centroid = [Double](repeating: 0, count: d)
            for j in 0..<d { for i in 0..<d { centroid[i] += points[j][i] } }
            for i in 0..<d { centroid[i] /= Double(d) }
            let reflected = combine(centroid, points[d], -1)
            let fr = f(reflected)
            evaluations += 1
            if fr < values[0] {
                let expanded = combine(centroid, points[d], -2)
                let fe = f(expanded)
                evaluations += 1
                if fe < fr { points[d] = expanded; values[d] = fe } else { points[d] = reflected; values[d] = fr }
            } else if fr < values[d - 1] {
                points[d] = reflected
                values[d] = fr
            } else {
                let outside = fr < values[d]
                let contracted = outside ? combine(centroid, reflected, 0.5) : combine(centroid, points[d], 0.5)
                let fc = f(contracted)
                evaluations += 1
                if fc < (outside ? fr : values[d]) {
                    points[d] = contracted
                    values[d] = fc
                } else {
                    for j in 1...d {
                        points[j] = combine(points[0], points[j], 0.5)
                        values[j] = f(points[j])
                    }
                    evaluations += d
                }
            }
        }
        let bestIndex = values.indices.min { values[$0] < values[$1] }!
        return Result(point: points[bestIndex], value: values[bestIndex], evaluations: evaluations)
    }
}
