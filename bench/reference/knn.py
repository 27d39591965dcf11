#!/usr/bin/env python3
"""The Python peer of the clustering kNN graph: the straightforward way a researcher writes it in
PyTorch — normalise, the full N x N similarity matrix, then topk per row. One JSON line per size.

    /usr/bin/python3 bench/reference/knn.py --threads 2 --sizes 20000 --dim 256 --k 80
"""
import argparse
import json
import resource
import time

import torch

p = argparse.ArgumentParser()
p.add_argument('--threads', type=int, default=2)
p.add_argument('--sizes', default='20000')
p.add_argument('--dim', type=int, default=256)
p.add_argument('--k', type=int, default=80)
p.add_argument('--repeat', type=int, default=1)
p.add_argument('--features', help='float32 N x dim file written by equiscope-knn-bench')
a = p.parse_args()
torch.set_num_threads(a.threads)
for n in [int(s) for s in a.sizes.split(',')]:
    if a.features:
        x = torch.from_file(a.features, size=n * a.dim, dtype=torch.float32).view(n, a.dim)
    else:
        x = torch.randn(n, a.dim, generator=torch.Generator().manual_seed(7))
    best = float('inf')
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        xn = torch.nn.functional.normalize(x, dim=1)
        sim = xn @ xn.T
        vals, idx = sim.topk(a.k, dim=1)
        t = time.perf_counter() - t0
        best = min(best, t)
        del sim
    checksum = float(vals[::997, a.k - 1].sum())
    print(json.dumps({'side': 'python', 'work': 'knn', 'n': n, 'dim': a.dim, 'k': a.k,
                      'threads': a.threads, 'seconds': best, 'kth_similarity_checksum': checksum,
                      'peak_rss_mib': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}),
          flush=True)
