#!/usr/bin/python3
"""PyTorch reference for `fluffy bench`: the same plain U-Net, Adam, random data, median timings.

Not part of the product; run it with Debian's python3-torch to compare on the same machine:
    /usr/bin/python3 bundles/fluffy.commands/bench/unet_reference.py --threads 2
It prints lines in the format of `fluffy bench`, with `impl=pytorch`.
"""
import argparse
import statistics
import time

import torch
from torch import nn


def block(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU(inplace=True),
                         nn.Conv2d(cout, cout, 3, padding=1), nn.ReLU(inplace=True))


class UNet(nn.Module):
    """Levels include the bottleneck; width doubles per level; 1x1 head. 481,745 parameters at 4/16."""

    def __init__(self, depth=4, width=16):
        super().__init__()
        self.down = nn.ModuleList(block(1 if i == 0 else width << (i - 1), width << i) for i in range(depth))
        self.ups = nn.ModuleList(nn.ConvTranspose2d(width << (i + 1), width << i, 2, stride=2)
                                 for i in range(depth - 1))
        self.up_blocks = nn.ModuleList(block(2 * (width << i), width << i) for i in range(depth - 1))
        self.head = nn.Conv2d(width, 1, 1)
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):
        skips = []
        for i, b in enumerate(self.down):
            if i > 0:
                x = self.pool(x)
            x = b(x)
            skips.append(x)
        for i in reversed(range(len(self.ups))):
            x = self.up_blocks[i](torch.cat([skips[i], self.ups[i](x)], 1))
        return self.head(x)


def median_ms(fn, warmup, repeats):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=torch.get_num_threads())
    p.add_argument("--batch", type=int, default=4)
    p.add_argument("--sizes", default="128,256")
    p.add_argument("--infer-sizes", default="512,1024")
    p.add_argument("--width", type=int, default=16)
    p.add_argument("--depth", type=int, default=4)
    p.add_argument("--repeats", type=int, default=7)
    p.add_argument("--warmup", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    net = UNet(a.depth, a.width)
    params = sum(t.numel() for t in net.parameters())
    opt = torch.optim.Adam(net.parameters(), lr=1e-4)
    loss_fn = nn.BCEWithLogitsLoss()
    prefix = f"unet base={a.width} depth={a.depth}"
    print(f"# torch {torch.__version__}, {params} parameters")
    for size in map(int, a.sizes.split(",")):
        x = torch.randn(a.batch, 1, size, size)
        t = (torch.rand(a.batch, 1, size, size) > 0.5).float()

        def step():
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(net(x), t)
            loss.backward()
            opt.step()

        ms = median_ms(step, a.warmup, a.repeats)
        print(f"{prefix} batch={a.batch} size={size} threads={a.threads} impl=pytorch train_step_ms={ms:.1f}")
    net.eval()
    for size in map(int, a.infer_sizes.split(",")):
        x = torch.randn(1, 1, size, size)
        with torch.inference_mode():
            ms = median_ms(lambda: net(x), a.warmup, a.repeats)
        print(f"{prefix} batch=1 size={size} threads={a.threads} impl=pytorch infer_ms={ms:.1f} "
              f"infer_mpix_s={size * size / 1e6 / (ms / 1000):.2f}")


if __name__ == "__main__":
    main()
