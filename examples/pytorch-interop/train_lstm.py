"""Train a PyTorch LSTM on the bundled air-passenger series and save it as a tsf model file.

The module's attributes are named `rnn` and `head`, so its `state_dict()` carries exactly the tensor
names tsf reads (docs/model-format.md). The series is log-transformed and standardised here; the
metadata records both (`transform` = `log`, `scaler` = `standard` with its centre and scale), so
`tsf predict` applies the same preparation to the CSV column and undoes it on the forecasts.

Usage (from the repository root):
    python examples/pytorch-interop/train_lstm.py [output.safetensors]
"""

import csv
import json
import math
import sys

import torch
from safetensors.torch import save_file

LOOKBACK = 24  # two years of months
HORIZON = 12  # forecast a year at once (direct strategy)
HIDDEN = 32
EPOCHS = 300


class Net(torch.nn.Module):
    """An LSTM reading `LOOKBACK` steps, then a linear head on the last step's output."""

    def __init__(self):
        super().__init__()
        self.rnn = torch.nn.LSTM(input_size=1, hidden_size=HIDDEN, num_layers=1, batch_first=True)
        self.head = torch.nn.Linear(HIDDEN, HORIZON)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.head(out[:, -1, :])


def read_column(path, column):
    with open(path, newline="") as file:
        return [float(row[column]) for row in csv.DictReader(file)]


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else "airpassengers-lstm.safetensors"
    passengers = read_column("datasets/airpassengers_monthly.csv", "Passengers")

    # Log, then standardise with the mean and (population) standard deviation of the training rows.
    logs = [math.log(value) for value in passengers]
    training = logs[: len(logs) - HORIZON]
    center = sum(training) / len(training)
    scale = math.sqrt(sum((value - center) ** 2 for value in training) / len(training))
    scaled = torch.tensor([(value - center) / scale for value in logs], dtype=torch.float32)

    # Windows: LOOKBACK inputs, the next HORIZON values as targets, all inside the training rows.
    starts = range(len(training) - LOOKBACK - HORIZON + 1)
    inputs = torch.stack([scaled[i : i + LOOKBACK] for i in starts]).unsqueeze(-1)
    targets = torch.stack([scaled[i + LOOKBACK : i + LOOKBACK + HORIZON] for i in starts])

    torch.manual_seed(0)
    net = Net()
    optimizer = torch.optim.Adam(net.parameters(), lr=0.01)
    for epoch in range(EPOCHS):
        optimizer.zero_grad()
        loss = torch.nn.functional.mse_loss(net(inputs), targets)
        loss.backward()
        optimizer.step()
    print(f"final training loss (scaled): {loss.item():.5f}")

    # PyTorch's forecast of the 12 months after the end of the file, on the original scale.
    with torch.no_grad():
        last = scaled[-LOOKBACK:].reshape(1, LOOKBACK, 1)
        forecast = net(last)[0].double() * scale + center
    print("PyTorch forecast:", " ".join(f"{math.exp(value):.3f}" for value in forecast.tolist()))

    save_file(net.state_dict(), output, metadata={
        "format": "tsf-model", "format_version": "1", "cell": "lstm",
        "input_size": "1", "hidden_size": str(HIDDEN), "num_layers": "1",
        "lookback": str(LOOKBACK), "horizon": str(HORIZON),
        "scaler": "standard", "scaler_center": json.dumps([center]), "scaler_scale": json.dumps([scale]),
        "transform": "log", "columns": json.dumps(["Passengers"]), "frequency": "M",
    })
    print(f"saved {output}")


if __name__ == "__main__":
    main()
