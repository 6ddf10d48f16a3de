"""Golden values for Tests/ForecastNNTests/SoftmaxCrossEntropyTests.swift.

Computes torch.nn.CrossEntropyLoss() (reduction "mean") and its gradient with respect to the
logits for a fixed 4 x 5 batch in float32, and prints them as Swift array literals to paste into
the test. Run by hand, never by CI:

    /tmp/venv/bin/python Utilities/ReferenceImplementations/cross_entropy_reference.py
"""
import torch

logits = torch.tensor(
    [
        [1.5, -0.25, 0.75, 3.0, -2.0],
        [0.0, 0.0, 0.0, 0.0, 0.0],
        [-4.0, 2.5, 2.25, -1.0, 0.5],
        [10.0, -10.0, 5.0, 0.125, -3.5],
    ],
    dtype=torch.float32,
    requires_grad=True,
)
targets = torch.tensor([3, 1, 2, 4], dtype=torch.long)

loss = torch.nn.CrossEntropyLoss()(logits, targets)
loss.backward()

print(f"torch {torch.__version__}")
print(f"let expectedLoss: Float = {loss.item():.9g}")
gradient = ", ".join(f"{g:.9g}" for g in logits.grad.flatten().tolist())
print(f"let expectedGradient: [Float] = [{gradient}]")
