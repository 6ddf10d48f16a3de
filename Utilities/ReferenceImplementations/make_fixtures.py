#!/usr/bin/env python3
"""Golden values from PyTorch for the ForecastNN parity tests.

For each cell (rnn, lstm, gru), depth (1, 2 layers) and input size (1, 3) this builds the network of
docs/architecture.md -- torch.nn.RNN/LSTM/GRU(batch_first=True) named `rnn`, then torch.nn.Linear(H, O) named
`head` on the last step -- from a fixed seed and writes one safetensors file holding:
(The `-e<E>` files give the head E known-in-advance inputs beside the last hidden state,
`head = Linear(H + E, O)` on `cat([out[:, -1], e], 1)` as docs/model-format.md describes; they also hold
`head_input` (B x E).)

  weights          the state_dict, under its own names (rnn.weight_ih_l0, ..., head.bias)
  input, target    a batch (B x L x D) and its targets (B x O)
  output, loss     the forward pass and the MSE loss (mean over B x O)
  grad.<name>      d loss / d parameter, for every parameter
  grad.input       d loss / d input
  clip.total_norm  the total L2 norm clip_grad_norm_ returns for those gradients
  adam1.<name>, adam2.<name>   parameters after one and two torch.optim.Adam steps (lr in metadata),
                   the second step with gradients recomputed at the new parameters
  sgd1.<name>, sgd2.<name>     the same for torch.optim.SGD with momentum (lr, momentum in metadata)

The forward and backward passes run in float64 from float32 weights and inputs, so the stored
values are the exact answer rounded once to float32. Optimizer steps run in float32 as in training.
It also writes small files that test the safetensors reader and writer against the Python library.

Run by hand when the fixtures must change (not by CI):
    /tmp/venv/bin/python Utilities/ReferenceImplementations/make_fixtures.py Tests/ForecastNNTests/Fixtures
"""
import copy
import sys
from pathlib import Path

import torch
from safetensors.torch import save_file

HIDDEN, OUTPUTS, BATCH, LOOKBACK = 5, 2, 3, 4
ADAM_LR, SGD_LR, SGD_MOMENTUM = 0.01, 0.05, 0.9


class Net(torch.nn.Module):
    def __init__(self, cell, input_size, layers, head_inputs=0):
        super().__init__()
        cls = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[cell]
        self.rnn = cls(input_size, HIDDEN, num_layers=layers, batch_first=True)
        self.head = torch.nn.Linear(HIDDEN + head_inputs, OUTPUTS)
        self.head_inputs = head_inputs
        self.extra = None

    def forward(self, x):
        out, _ = self.rnn(x)
        last = out[:, -1, :]
        if self.head_inputs:
            last = torch.cat([last, self.extra.to(last.dtype)], dim=1)
        return self.head(last)


def loss_and_grads(net, x, y):
    """MSE loss and gradients, computed in float64 on a copy of `net`."""
    net64 = _double_copy(net)
    net64.extra = net.extra
    x64 = x.double().clone().requires_grad_(True)
    out = net64(x64)
    loss = torch.nn.functional.mse_loss(out, y.double())
    loss.backward()
    grads = {n: p.grad.float() for n, p in net64.named_parameters()}
    return out.detach().float(), loss.detach().float(), grads, x64.grad.float()


def _double_copy(net):
    twin = copy.deepcopy(net).double()
    twin.zero_grad(set_to_none=True)
    return twin


def optimizer_steps(net, x, y, make_optimizer):
    """Two optimizer steps in float32 with gradients from the float64 pass."""
    twin = copy.deepcopy(net)
    twin.extra = net.extra
    optimizer = make_optimizer(twin.parameters())
    snapshots = []
    for _ in range(2):
        _, _, grads, _ = loss_and_grads(twin, x, y)
        for n, p in twin.named_parameters():
            p.grad = grads[n].clone()
        optimizer.step()
        snapshots.append({n: p.detach().clone() for n, p in twin.named_parameters()})
    return snapshots


def write_parity_fixture(directory, cell, layers, input_size, seed, head_inputs=0):
    torch.manual_seed(seed)
    net = Net(cell, input_size, layers, head_inputs)
    x = torch.randn(BATCH, LOOKBACK, input_size)
    y = torch.randn(BATCH, OUTPUTS)
    if head_inputs:
        net.extra = torch.randn(BATCH, head_inputs)
    out, loss, grads, dx = loss_and_grads(net, x, y)

    tensors = {n: p.detach().clone() for n, p in net.state_dict().items()}
    if head_inputs:
        tensors["head_input"] = net.extra
    tensors.update({"input": x, "target": y, "output": out, "loss": loss.reshape(1)})
    tensors.update({f"grad.{n}": g for n, g in grads.items()})
    tensors["grad.input"] = dx
    clip_params = [torch.nn.Parameter(torch.zeros_like(g)) for g in grads.values()]
    for p, g in zip(clip_params, grads.values()):
        p.grad = g.clone()
    tensors["clip.total_norm"] = torch.nn.utils.clip_grad_norm_(clip_params, max_norm=0.1).reshape(1).float()
    adam = optimizer_steps(net, x, y, lambda ps: torch.optim.Adam(ps, lr=ADAM_LR))
    sgd = optimizer_steps(net, x, y, lambda ps: torch.optim.SGD(ps, lr=SGD_LR, momentum=SGD_MOMENTUM))
    for step in range(2):
        tensors.update({f"adam{step + 1}.{n}": v for n, v in adam[step].items()})
        tensors.update({f"sgd{step + 1}.{n}": v for n, v in sgd[step].items()})

    metadata = {
        "cell": cell, "num_layers": str(layers), "input_size": str(input_size),
        "hidden_size": str(HIDDEN), "outputs": str(OUTPUTS), "batch": str(BATCH),
        "lookback": str(LOOKBACK), "loss": "mse", "adam_lr": str(ADAM_LR),
        "sgd_lr": str(SGD_LR), "sgd_momentum": str(SGD_MOMENTUM), "seed": str(seed),
        "torch": torch.__version__,
    }
    name = f"parity-{cell}-l{layers}-d{input_size}.safetensors"
    if head_inputs:
        metadata["head_inputs"] = str(head_inputs)
        name = f"parity-{cell}-l{layers}-d{input_size}-e{head_inputs}.safetensors"
    save_file({k: v.contiguous() for k, v in tensors.items()}, str(directory / name), metadata=metadata)


def write_format_fixtures(directory):
    # Written by the Python library; the Swift writer must reproduce it byte for byte.
    values = torch.tensor([[1.5, -2.0, 0.25], [3.0, 1e-3, -7.75]])
    save_file({"weight": values, "bias": torch.tensor([0.5, -0.125])},
              str(directory / "python-written.safetensors"), metadata={"format": "pt"})
    # The same values stored in the other float dtypes the reader converts.
    save_file({"f64": values.double(), "f16": values.half(), "bf16": values.bfloat16(), "f32": values},
              str(directory / "float-dtypes.safetensors"))
    # A dtype the reader must refuse by name.
    save_file({"steps": torch.tensor([1, 2, 3], dtype=torch.int64)}, str(directory / "int64.safetensors"))


def main():
    directory = Path(sys.argv[1] if len(sys.argv) > 1 else "Tests/ForecastNNTests/Fixtures")
    directory.mkdir(parents=True, exist_ok=True)
    seed = 0
    for cell in ("rnn", "lstm", "gru"):
        for layers in (1, 2):
            for input_size in (1, 3):
                seed += 1
                write_parity_fixture(directory, cell, layers, input_size, seed)
    for cell in ("rnn", "lstm", "gru"):
        seed += 1
        write_parity_fixture(directory, cell, 2, 3, seed, head_inputs=4)
    write_format_fixtures(directory)


if __name__ == "__main__":
    main()
