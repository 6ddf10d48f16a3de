#!/usr/bin/env python3
"""Inference timings of the PyTorch reference network run by ONNX Runtime on the CPU.

The third column of `scripts/bench-nn.sh`, beside `tsf bench` and PyTorch's own layers
(`../shared/bench/torch_reference.py`). This script builds the module that the PyTorch reference
builds (`nn.RNN` tanh / `nn.LSTM` / `nn.GRU`, input size 1, `hidden` wide, `layers` deep,
`batch_first=True`, then `nn.Linear(hidden, 1)` on the last step's output), exports it with
`torch.onnx.export` (batch dimension dynamic), and runs the exported graph with `onnxruntime`
(CPUExecutionProvider, intra-op threads = --threads, one inter-op thread, sequential execution, all
graph optimisations, otherwise ONNX Runtime's defaults, including its spinning worker threads).

The workload and the way it is timed match the PyTorch reference:
  - the same windows: a random walk of --points points (numpy seed 0) or a CSV column, z-scored,
    sliding windows of --lookback inputs -> next value, float32, shape (n, lookback, 1);
  - infer_windows_per_s: one warm-up call on the first --batch-size windows, then every window in
    chunks of 256 (the last chunk shorter), timed as one span with time.perf_counter; n / span;
  - latency_us_batch1: 50 warm-up calls on the first window, then 500 timed calls; the median, in µs.
Each timed call is one `InferenceSession.run` from numpy in and numpy out, as the PyTorch reference
times one Python call of the module. The weights are PyTorch's initialisation (seed 0) rather than
trained ones: the arithmetic per window does not depend on the values. Training is not measured.

Prints one JSON object with the reference's keys (training keys are null), plus `max_abs_diff`, the
largest difference between ONNX Runtime's and PyTorch's outputs on the first 256 windows, and
`operators`, the ONNX operators in the exported graph. If
onnxruntime or onnx cannot be imported, or the export fails, prints {"skipped": reason, ...} and exits 3.

Usage: onnx_reference.py [--threads 1] [--cell lstm] [--hidden 64] [--layers 1] [--lookback 30]
                         [--batch-size 64] [--points 5000] [--epochs 4] [--csv FILE --column NAME]
(--epochs is accepted so the same options serve all three tools; it is not used.)
"""
import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import warnings

import numpy as np
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--threads", type=int, default=1)
parser.add_argument("--cell", default="lstm", choices=["rnn", "lstm", "gru"])
parser.add_argument("--hidden", type=int, default=64)
parser.add_argument("--layers", type=int, default=1)
parser.add_argument("--lookback", type=int, default=30)
parser.add_argument("--batch-size", type=int, default=64)
parser.add_argument("--points", type=int, default=5000)
parser.add_argument("--epochs", type=int, default=4)
parser.add_argument("--opset", type=int, default=17)
parser.add_argument("--csv")
parser.add_argument("--column")
args = parser.parse_args()

row = {"threads": args.threads, "cell": args.cell, "hidden": args.hidden, "layers": args.layers,
       "lookback": args.lookback, "batch_size": args.batch_size}


def skip(reason):
    print(json.dumps({"impl": "onnxruntime", "skipped": reason, **row}))
    sys.exit(3)


try:
    import onnxruntime
    import onnx  # noqa: F401  (torch.onnx.export needs it)
except ImportError as error:
    skip(f"cannot import onnxruntime/onnx: {error}")


def windows():
    if args.csv:
        import csv
        with open(args.csv, newline="") as f:
            series = np.array([float(r[args.column]) for r in csv.DictReader(f)], dtype=np.float64)
    else:
        series = np.cumsum(np.random.default_rng(0).standard_normal(args.points))
    series = ((series - series.mean()) / series.std()).astype(np.float32)
    inputs = np.lib.stride_tricks.sliding_window_view(series[:-1], args.lookback)
    return np.ascontiguousarray(inputs[..., None])  # (n, lookback, 1)


class RecurrentForecaster(torch.nn.Module):
    """The PyTorch reference's network: recurrent stack `rnn`, linear `head` on the last step."""

    def __init__(self):
        super().__init__()
        layer = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[args.cell]
        self.rnn = layer(1, args.hidden, num_layers=args.layers, batch_first=True)
        self.head = torch.nn.Linear(args.hidden, 1)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.head(out[:, -1, :])


def export(module, example, path):
    common = dict(input_names=["x"], output_names=["y"], opset_version=args.opset,
                  dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}})
    with warnings.catch_warnings():
        # The TorchScript exporter is deprecated, and warns that an LSTM exported at one batch size
        # may fail at another; this graph sizes its zero initial state from the input's batch
        # dimension, and `max_abs_diff` below checks a batch of 256 against PyTorch.
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", UserWarning)
        try:  # TorchScript-based exporter: emits ONNX's own RNN/LSTM/GRU operators
            torch.onnx.export(module, (example,), path, dynamo=False, **common)
        except TypeError:  # a torch without the `dynamo` argument
            torch.onnx.export(module, (example,), path, **common)


torch.set_num_threads(args.threads)
torch.manual_seed(0)
X = windows()
n = X.shape[0]
net = RecurrentForecaster().eval()

with tempfile.TemporaryDirectory() as scratch:
    path = os.path.join(scratch, "net.onnx")
    try:
        with torch.no_grad():
            export(net, torch.from_numpy(X[:args.batch_size]), path)
    except Exception as error:  # report and let the other columns run
        skip(f"torch.onnx.export failed: {type(error).__name__}: {error}")
    operators = sorted({node.op_type for node in onnx.load(path).graph.node})
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = args.threads
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    session = onnxruntime.InferenceSession(path, options, providers=["CPUExecutionProvider"])



def run(batch):
    return session.run(None, {"x": batch})[0]


with torch.no_grad():
    expected = net(torch.from_numpy(X[:256])).numpy()
max_abs_diff = float(np.max(np.abs(run(X[:256]) - expected)))

run(X[:args.batch_size])  # warm-up, as the reference
t0 = time.perf_counter()
for i in range(0, n, 256):
    run(X[i:i + 256])
infer_s = time.perf_counter() - t0

one = X[:1]
for _ in range(50):
    run(one)
latencies = []
for _ in range(500):
    t = time.perf_counter()
    run(one)
    latencies.append(time.perf_counter() - t)

print(json.dumps({
    "impl": f"onnxruntime-{onnxruntime.__version__}", **row, "windows": n,
    "opset": args.opset, "torch": torch.__version__,
    "train_windows_per_s": None,
    "infer_windows_per_s": round(n / infer_s, 1),
    "latency_us_batch1": round(statistics.median(latencies) * 1e6, 1),
    "final_train_mse": None,
    "max_abs_diff": float(f"{max_abs_diff:.3g}"), "operators": operators,
}))
