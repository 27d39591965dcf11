#!/usr/bin/env python3
"""The Python peer of docs/guide/benchmark.md, training throughput: FARE training on Colored Fashion-MNIST the way a
researcher would write it — a torch Dataset of PIL images, torchvision RandomResizedCrop(32) +
RandomHorizontalFlip + ToTensor per image in a DataLoader (single process), LeNet + projection
head, the dense FARE loss, Adam. Prints {"side": "python", "train_images_per_s": X}."""
import argparse
import gzip
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image
from torchvision import transforms

from losses import Fare, fare_from_logits

TAB10 = np.array([(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
                  (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207)], np.float32)


def load_idx(path):
    with gzip.open(path, 'rb') as f:
        data = f.read()
    n = int.from_bytes(data[4:8], 'big')
    return np.frombuffer(data, np.uint8, offset=16).reshape(n, 28, 28)


class ColoredFashion(torch.utils.data.Dataset):
    def __init__(self, root, limit, seed=0):
        grey = load_idx(os.path.join(root, 'train-images-idx3-ubyte.gz'))[:limit]
        rng = np.random.default_rng(seed)
        colour = TAB10[rng.integers(0, 10, len(grey))] + rng.normal(0, 40, (len(grey), 3))
        self.z = np.clip(np.round(colour), 0, 255).astype(np.float32)
        bg = (255.0 - grey[..., None]) / 255.0
        self.images = np.round(bg * self.z[:, None, None, :]).astype(np.uint8)
        self.zs = torch.tensor((self.z - self.z.mean(0)) / self.z.std(0))
        self.t = transforms.Compose([transforms.RandomResizedCrop(32, scale=(0.2, 1.0)),
                                     transforms.RandomHorizontalFlip(), transforms.ToTensor()])

    def __len__(self):
        return len(self.images)

    def __getitem__(self, i):
        img = Image.fromarray(self.images[i])
        return self.t(img), self.t(img), self.zs[i]


class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1, self.c2, self.c3 = nn.Conv2d(3, 6, 5), nn.Conv2d(6, 16, 5), nn.Conv2d(16, 120, 5)
        self.fc = nn.Linear(120, 84)
        self.head = nn.Sequential(nn.Linear(84, 84, bias=False), nn.BatchNorm1d(84), nn.ReLU(),
                                  nn.Linear(84, 128, bias=False), nn.BatchNorm1d(128, affine=False))

    def forward(self, x):
        h = F.avg_pool2d(torch.tanh(self.c1(x)), 2)
        h = F.avg_pool2d(torch.tanh(self.c2(h)), 2)
        h = torch.tanh(self.c3(h)).flatten(1)
        return self.head(torch.tanh(self.fc(h)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--steps', type=int, default=40)
    ap.add_argument('--root', default='/usr/share/datasets/fashion-mnist')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    b = 256
    ds = ColoredFashion(a.root, b * a.steps)
    loader = torch.utils.data.DataLoader(ds, batch_size=b, shuffle=True, drop_last=True, num_workers=0)
    model, fare = LeNet(), Fare(3)
    opt = torch.optim.Adam(list(model.parameters()) + list(fare.parameters()), lr=1e-3, weight_decay=1e-4)

    def epoch():
        n = 0
        start = time.perf_counter()
        for x1, x2, z in loader:
            u = F.normalize(model(torch.cat([x1, x2])), dim=1)
            loss = fare(u[:b], u[b:], z)
            opt.zero_grad()
            loss.backward()
            opt.step()
            n += len(z)
        return n / (time.perf_counter() - start)

    epoch()  # warm-up, as on the C++ side
    print(json.dumps({'side': 'python', 'train_images_per_s': epoch(), 'train_steps': a.steps}), flush=True)


if __name__ == '__main__':
    main()
