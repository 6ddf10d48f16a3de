import Foundation
import Testing
@testable import ForecastNN

/// Every training loss against PyTorch's autograd on the same values
/// (Utilities/ReferenceImplementations/make_loss_fixtures.py): the mean and the gradient with respect
/// to every prediction, ties included (the first row's targets equal its predictions).
struct LossParityTests {
    let file: SafeTensorsFile

    init() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        file = try SafeTensorsFile(contentsOf: url.appendingPathComponent("losses.safetensors"))
    }

    func values(_ name: String) throws -> [Float] { try #require(file.tensors[name], "tensor \(name)").values }

    static let cases: [(name: String, loss: any Loss)] = [
        ("mse", MeanSquaredError()), ("mae", MeanAbsoluteError()), ("huber1", HuberLoss(delta: 1)),
        ("huber05", HuberLoss(delta: 0.5)), ("pinball", PinballLoss(levels: [0.1, 0.5, 0.9])),
    ]

    @Test(arguments: cases.indices)
    func valueAndGradientMatchPyTorch(index: Int) throws {
        let (name, loss) = Self.cases[index]
        let (value, gradient) = loss.valueAndGradient(predictions: try values("prediction"), targets: try values("target"))
        let expected = try values("\(name).value")[0]
        // Float32 sums of 36 terms against float64: a few ulps of values near 1.
        #expect(abs(value - expected) <= 1e-6 * max(1, abs(expected)), "\(name): \(value) vs \(expected)")
        let expectedGradient = try values("\(name).grad")
        #expect(gradient.count == expectedGradient.count)
        for (element, (mine, theirs)) in zip(gradient, expectedGradient).enumerated() {
            #expect(abs(mine - theirs) <= 1e-7, "\(name) element \(element): \(mine) vs \(theirs)")
        }
    }

    @Test func theFixtureRecordsThePinballLevels() {
        #expect(file.metadata["levels"] == "0.1,0.5,0.9")
    }
}
