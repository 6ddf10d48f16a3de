import Testing
@testable import ForecastNN

/// Global-norm clipping as `torch.nn.utils.clip_grad_norm_`.
struct ClippingTests {
    @Test func largeGradientsAreScaledToTheMaximumNorm() {
        var g: [Float] = [3, 0, -4]                      // ‖g‖ = 5
        let total = GradientClipping.clipByGlobalNorm(&g, maxNorm: 1)
        #expect(total == 5)
        let scale = 1 / (5 + Float(1e-6))
        #expect(g == [3 * scale, 0, -4 * scale])
        let norm = (g[0] * g[0] + g[2] * g[2]).squareRoot()
        #expect(abs(norm - 1) < 1e-6)
    }

    @Test func smallGradientsAreLeftAlone() {
        var g: [Float] = [0.3, -0.4]                     // ‖g‖ = 0.5
        let total = GradientClipping.clipByGlobalNorm(&g, maxNorm: 1)
        #expect(abs(total - 0.5) < 1e-7)
        #expect(g == [0.3, -0.4])
    }

    @Test func zeroGradientStaysZero() {
        var g: [Float] = [0, 0]
        #expect(GradientClipping.clipByGlobalNorm(&g, maxNorm: 1) == 0)
        #expect(g == [0, 0])
    }

    @Test func nonFiniteNormIsReportedAndGradientsKept() {
        var g: [Float] = [1, .nan]
        let total = GradientClipping.clipByGlobalNorm(&g, maxNorm: 1)
        #expect(total.isNaN)
        #expect(g[0] == 1)
    }
}
