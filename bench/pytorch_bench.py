#!/usr/bin/env python3
"""Times the benchmark's networks in PyTorch (float64) and sets them beside retrograd's epochs.

Optional tool: it needs PyTorch (on Debian, `apt-get install python3-torch`, then run it with
/usr/bin/python3). It trains, as `./retrograd bench --only epochs` does, one epoch after another of

  * the digits network 64-32-10 on the first 1,293 digits, batches of 32;
  * 784-128-10 on 4,320 synthetic rows (uniform in [-1, 1), random labels), batches of 32;

ReLU, He-normal weights, cross-entropy, plain SGD with lr 0.01, in float64, and reports the median
epoch time (forward, backward and update of every step, nothing else), with 1 thread and
with every core: the median of the last two thirds of 30 epochs (digits) or 5 (784-128-10), as the
Java side does. Then it runs `./retrograd bench --only epochs` (unless given --retrograd FILE, a
saved output of it) and prints both side by side.

  /usr/bin/python3 bench/pytorch_bench.py [--threads N] [--retrograd saved-output.txt]
"""

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import time

import torch
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIGITS = os.path.join(ROOT, "data", "src", "main", "resources", "dev", "retrograd", "data", "digits.csv.gz")
BATCH = 32


def digits(rows):
    """Returns the first `rows` digits: pixels scaled from 0..16 to [0, 1] as retrograd's Digits, labels 0..9."""
    xs, ys = [], []
    with gzip.open(DIGITS, "rt") as lines:
        for line in lines:
            fields = line.strip().split(",")
            if len(fields) != 65:
                continue
            xs.append([float(v) / 16 for v in fields[:64]])
            ys.append(int(fields[64]))
            if len(xs) == rows:
                break
    return torch.tensor(xs, dtype=torch.float64), torch.tensor(ys, dtype=torch.long)


def synthetic(rows, inputs, classes, seed=7):
    generator = torch.Generator().manual_seed(seed)
    x = torch.rand(rows, inputs, dtype=torch.float64, generator=generator) * 2 - 1
    y = torch.randint(classes, (rows,), generator=generator)
    return x, y


def epoch_millis(x, y, hidden, epochs, threads):
    """Returns the median epoch time in ms over the last two thirds of the epochs."""
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    model = torch.nn.Sequential(torch.nn.Linear(x.shape[1], hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 10))
    model = model.double()
    for layer in (model[0], model[2]):
        torch.nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
        torch.nn.init.zeros_(layer.bias)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    times = []
    for _ in range(epochs):
        order = torch.randperm(x.shape[0])
        start = time.perf_counter()
        for first in range(0, x.shape[0], BATCH):
            rows = order[first:first + BATCH]
            optimizer.zero_grad()
            loss = F.cross_entropy(model(x[rows]), y[rows])
            loss.backward()
            optimizer.step()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times[len(times) // 3:])


def retrograd_epochs(saved, threads):
    """Returns {(network, engine, threads): ms} from the csv lines of `retrograd bench --only epochs`."""
    if saved:
        with open(saved) as f:
            text = f.read()
    else:
        command = [os.path.join(ROOT, "retrograd"), "bench", "--only", "epochs", "--threads", str(threads)]
        text = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    figures = {}
    for line in text.splitlines():
        if line.startswith("csv,"):
            _, network, engine, count, ms = line.split(",")
            figures[(network, engine, int(count))] = float(ms)
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--retrograd", help="a saved output of `./retrograd bench --only epochs`")
    args = parser.parse_args()

    networks = [("digits", "64-32-10 digits (1,293 rows)", digits(1293), 32, 30),
                ("784", "784-128-10 (4,320 rows)", synthetic(4320, 784, 10), 128, 5)]
    torch_ms = {}
    for key, _, (x, y), hidden, epochs in networks:
        for threads in sorted({1, args.threads}):
            torch_ms[(key, threads)] = epoch_millis(x, y, hidden, epochs, threads)
    ours = retrograd_epochs(args.retrograd, args.threads)

    print(f"PyTorch {torch.__version__} float64 vs retrograd, ms per epoch (median of the later epochs), batches of 32,"
          f" SGD; {os.cpu_count()} cores")
    print()
    header = ["network", "PyTorch 1 thr", f"PyTorch {args.threads} thr", "eager", "compiled 1 thr",
              f"compiled {args.threads} thr", "compiled/PyTorch (1 thr)", f"compiled/PyTorch ({args.threads} thr)"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for key, title, _, _, _ in networks:
        t1, tn = torch_ms[(key, 1)], torch_ms[(key, args.threads)]
        eager = ours.get((key, "eager", 1), float("nan"))
        c1 = ours.get((key, "compiled", 1), float("nan"))
        cn = ours.get((key, "compiled", args.threads), float("nan"))
        print(f"| {title} | {t1:.1f} | {tn:.1f} | {eager:.1f} | {c1:.1f} | {cn:.1f} | {c1 / t1:.2f}x | {cn / tn:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
