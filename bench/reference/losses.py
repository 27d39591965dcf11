#!/usr/bin/env python3
"""The Python peer of docs/guide/benchmark.md: the losses of docs/design/methods/fare.md written the way a
researcher would write them (straightforward PyTorch tensor code, autograd for the backward).
Prints one JSON object per line, like equiscope-bench."""
import argparse
import json
import math
import time

import torch
import torch.nn.functional as F


def infonce(u1, u2, z, tau=0.1):
    b = u1.shape[0]
    U = torch.cat([u1, u2])
    sim = U @ U.T / tau
    sim = sim.masked_fill(torch.eye(2 * b, dtype=torch.bool), float('-inf'))
    labels = (torch.arange(2 * b) + b) % (2 * b)
    return F.cross_entropy(sim, labels)


def fare_from_logits(u1, u2, logits, tau=0.1, c=1.0, symmetric=True):
    S = u1 @ u2.T / tau
    logP = torch.log_softmax(logits, dim=1)
    pos = S.diag()

    def direction(scores):
        fare = torch.logsumexp(logP + scores, dim=1)
        return (torch.logaddexp(pos, fare + math.log(c)) - pos).mean()

    loss = direction(S)
    if symmetric:
        loss = 0.5 * (loss + direction(S.T))
    return loss


class Fare(torch.nn.Module):
    def __init__(self, dz, rho=1.0):
        super().__init__()
        self.W_Q = torch.nn.Parameter(torch.eye(dz))
        self.W_K = torch.nn.Parameter(torch.eye(dz))
        self.rho = rho

    def logits(self, z):
        A = (z @ self.W_Q.T) @ (z @ self.W_K.T).T / self.rho
        return A.masked_fill(torch.eye(z.shape[0], dtype=torch.bool), float('-inf'))

    def forward(self, u1, u2, z):
        return fare_from_logits(u1, u2, self.logits(z))


class SparseFareDense(Fare):
    """SparseFARE as a dense masked softmax: LSH buckets, sort, chunks, look one back."""

    def __init__(self, dz, bucket_size=128, seed=0):
        super().__init__(dz)
        self.bucket_size = bucket_size
        self.seed = seed

    def forward(self, u1, u2, z):
        b = z.shape[0]
        n_buckets = max(1, b // self.bucket_size)
        with torch.no_grad():
            if n_buckets >= 2:
                g = torch.Generator().manual_seed(self.seed)
                R = torch.randn(z.shape[1], n_buckets // 2, generator=g, dtype=torch.float64)
                proj = (z.double() - z.double().mean(0, keepdim=True)) @ R
                h = torch.cat([proj, -proj], dim=1).argmax(1)
            else:
                h = torch.zeros(b, dtype=torch.long)
            perm = torch.sort(h * b + torch.arange(b)).indices
            chunk = torch.empty(b, dtype=torch.long)
            chunk[perm] = torch.arange(b) // self.bucket_size
            ki, kj = chunk[:, None], chunk[None, :]
            support = ((kj == ki) | (kj == ki - 1)) & ~torch.eye(b, dtype=torch.bool)
        logits = self.logits(z).masked_fill(~support, float('-inf'))
        return fare_from_logits(u1, u2, logits)


def cclk(u1, u2, z, tau=0.1, lam=0.01):
    b = u1.shape[0]
    with torch.no_grad():
        zn = F.normalize(z, dim=1)
        K = zn @ zn.T
        W = torch.linalg.solve(K + lam * torch.eye(b), K)
        W.fill_diagonal_(0)
        W[W < 1e-6] = 0
    S = u1 @ u2.T / tau
    Kxy = S.exp()
    pos = Kxy.diag()
    e_xy = (Kxy @ W).diag()
    e_yx = (Kxy.T @ W).diag()
    l_xy = -torch.log(pos / (pos + (b - 1) * e_xy)).mean()
    l_yx = -torch.log(pos / (pos + (b - 1) * e_yx)).mean()
    return 0.5 * (l_xy + l_yx)


def repeats_for(b):
    return 9 if b <= 1024 else (5 if b <= 4096 else 3)


def bench_loss(name, b, d, dz):
    torch.manual_seed(1)
    u1 = F.normalize(torch.randn(b, d), dim=1)
    u2 = F.normalize(torch.randn(b, d), dim=1)
    z = torch.randn(b, dz)
    module = {'fare': Fare(dz), 'sparse-fare': SparseFareDense(dz)}.get(name)
    fn = {'infonce': infonce, 'cclk': cclk}.get(name, module)
    times = []
    for i in range(1 + repeats_for(b)):
        a1 = u1.clone().requires_grad_(True)
        a2 = u2.clone().requires_grad_(True)
        if module is not None:
            module.zero_grad()
        t0 = time.perf_counter()
        loss = fn(a1, a2, z)
        loss.backward()
        t1 = time.perf_counter()
        if i >= 1:
            times.append(t1 - t0)
    times.sort()
    print(json.dumps({'side': 'python', 'loss': name, 'b': b,
                      'median_s': times[len(times) // 2], 'value': loss.item()}), flush=True)


def bench_blas(n=1024):
    a, b = torch.randn(n, n), torch.randn(n, n)
    c = torch.empty(n, n)
    times = []
    for i in range(25):
        t0 = time.perf_counter()
        torch.mm(a, b, out=c)
        t1 = time.perf_counter()
        if i >= 5:
            times.append(t1 - t0)
    times.sort()
    print(json.dumps({'side': 'python', 'blas_n': n,
                      'gflops': 2 * n ** 3 / times[len(times) // 2] / 1e9}), flush=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--threads', type=int, default=2)
    p.add_argument('--losses', default='')
    p.add_argument('--sizes', default='256,1024,4096,8192')
    p.add_argument('--cclk-max', type=int, default=4096)
    p.add_argument('--d', type=int, default=128)
    p.add_argument('--dz', type=int, default=3)
    p.add_argument('--blas', action='store_true')
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    print(json.dumps({'side': 'python', 'threads': torch.get_num_threads()}), flush=True)
    if a.blas:
        bench_blas()
    for name in filter(None, a.losses.split(',')):
        for b in map(int, a.sizes.split(',')):
            if name == 'cclk' and b > a.cclk_max:
                continue
            bench_loss(name, b, a.d, a.dz)


if __name__ == '__main__':
    main()
