/// A quasi-Newton minimiser for smooth objectives: BFGS with the inverse-Hessian update, exact or
/// central finite-difference gradients and a backtracking (Armijo) line search that also stretches a full step
/// while it keeps improving (Nocedal & Wright 2006,
/// "Numerical Optimization", §6.1 and §3.1). The ARIMA likelihoods are smooth inside the region where
/// they are finite, which is what R's `arima` and statsforecast optimise with BFGS as well.
public struct BFGS: Sendable {
    /// The run stops when every component of the gradient is at most this in size.
    public var gradientTolerance: Double = 1e-8
    /// … or when an iteration lowers the value by at most `valueTolerance`·max(1, |f|). The Kalman
    /// filter's diffuse prior (variance 10⁶) leaves rounding of about 10⁻¹⁰ in the ARIMA objective, so
    /// a smaller tolerance only spends evaluations on noise.
    public var valueTolerance: Double = 1e-11
    /// The largest number of iterations (line searches); statsforecast allows 100.
    public var maximumIterations: Int = 100
    /// The relative finite-difference step: hᵢ = `differenceStep`·max(1, |xᵢ|), large enough that the
    /// objective's rounding stays far below the differences.
    public var differenceStep: Double = 1e-5

    public init(gradientTolerance: Double = 1e-8, valueTolerance: Double = 1e-11, maximumIterations: Int = 100,
                differenceStep: Double = 1e-5) {
        self.gradientTolerance = gradientTolerance
        self.valueTolerance = valueTolerance
        self.maximumIterations = maximumIterations
        self.differenceStep = differenceStep
    }

    /// The point found, its value and the iterations run.
    public struct Result: Sendable {
        public var point: [Double]
        public var value: Double
        public var iterations: Int
        /// The final approximation of the inverse Hessian (row-major, k×k).
        public var inverseHessian: [Double]
    }

    /// The central-difference gradient of `f` at `x` (nil where a side is not finite; a one-sided
    /// difference is used there when the other side is).
    func gradient(_ f: ([Double]) -> Double, at x: [Double], value: Double) -> [Double]? {
        var g = [Double](repeating: 0, count: x.count)
        var probe = x
        for i in x.indices {
            let h = differenceStep * max(1, abs(x[i]))
            probe[i] = x[i] + h
            let up = f(probe)
            probe[i] = x[i] - h
            let down = f(probe)
            probe[i] = x[i]
            switch (up.isFinite, down.isFinite) {
            case (true, true): g[i] = (up - down) / (2 * h)
            case (true, false): g[i] = (up - value) / h
            case (false, true): g[i] = (value - down) / h
            case (false, false): return nil
            }
        }
        return g
    }

    /// Minimises `objective` from `start`, which must give a finite value; points where the objective
    /// is not finite are treated as outside the domain and stepped back from. `gradient`, when given,
    /// is the objective's exact gradient (nil where it cannot say), used instead of central
    /// differences, which cost two evaluations per coordinate; where it gives nil the differences are used.
    public func minimise(_ objective: ([Double]) -> Double, gradient exact: (([Double]) -> [Double]?)? = nil,
                         start: [Double]) -> Result {
        let k = start.count
        func gradient(at x: [Double], value: Double) -> [Double]? {
            if let exact, let g = exact(x), g.allSatisfy(\.isFinite) { return g }
            return self.gradient(objective, at: x, value: value)
        }
        var x = start
        var fx = objective(x)
        var inverse = [Double](repeating: 0, count: k * k)
        for i in 0..<k { inverse[i * k + i] = 1 }
        guard k > 0, fx.isFinite, var g = gradient(at: x, value: fx) else {
            return Result(point: x, value: fx, iterations: 0, inverseHessian: inverse)
        }
        var iterations = 0
        while iterations < maximumIterations {
            if g.allSatisfy({ abs($0) <= gradientTolerance }) { break }
            iterations += 1
            var direction = [Double](repeating: 0, count: k)
            for i in 0..<k { for j in 0..<k { direction[i] -= inverse[i * k + j] * g[j] } }
            var slope = zip(direction, g).reduce(0) { $0 + $1.0 * $1.1 }
            if !(slope < 0) {
                // Not a descent direction: restart from steepest descent.
                for i in 0..<(k * k) { inverse[i] = 0 }
                for i in 0..<k { inverse[i * k + i] = 1; direction[i] = -g[i] }
                slope = -g.reduce(0) { $0 + $1 * $1 }
            }
            var step = 1.0
            var next = x, fNext = Double.infinity
            var accepted = false
            for _ in 0..<40 {
                for i in 0..<k { next[i] = x[i] + step * direction[i] }
                fNext = objective(next)
                if fNext.isFinite && fNext <= fx + 1e-4 * step * slope { accepted = true; break }
                step *= 0.5
            }
            if accepted && step == 1 {
                // The full step was accepted at once: stretch it while the value keeps falling.
                var longer = next
                for _ in 0..<20 {
                    step *= 2
                    for i in 0..<k { longer[i] = x[i] + step * direction[i] }
                    let fLonger = objective(longer)
                    guard fLonger.isFinite, fLonger < fNext else { step /= 2; break }
                    next = longer
                    fNext = fLonger
                }
            }
            guard accepted, let gNext = gradient(at: next, value: fNext) else { break }
            let s = (0..<k).map { next[$0] - x[$0] }
            let y = (0..<k).map { gNext[$0] - g[$0] }
            let improvement = fx - fNext
            x = next
            g = gNext
            fx = fNext
            let sy = zip(s, y).reduce(0) { $0 + $1.0 * $1.1 }
            if sy > 1e-12 * (s.reduce(0) { $0 + $1 * $1 }).squareRoot() * (y.reduce(0) { $0 + $1 * $1 }).squareRoot() {
                // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / sᵀy; before the first update H is
                // rescaled to (sᵀy / yᵀy)·I (Nocedal & Wright, eq. 6.20).
                if iterations == 1 {
                    let scale = sy / y.reduce(0) { $0 + $1 * $1 }
                    for i in 0..<k { for j in 0..<k { inverse[i * k + j] = i == j ? scale : 0 } }
                }
                let rho = 1 / sy
                var hy = [Double](repeating: 0, count: k)
                for i in 0..<k { for j in 0..<k { hy[i] += inverse[i * k + j] * y[j] } }
                let yhy = zip(y, hy).reduce(0) { $0 + $1.0 * $1.1 }
                for i in 0..<k {
                    for j in 0..<k {
                        inverse[i * k + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]
                    }
                }
            }
            if improvement <= valueTolerance * max(1, abs(fx)) { break }
        }
        return Result(point: x, value: fx, iterations: iterations, inverseHessian: inverse)
    }
}
