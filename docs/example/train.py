#!/usr/bin/python3
"""Train the example's frozen network f and write the files ftcheck reads.

A small ReLU classifier (30-16-16-1, one logit, prediction = sign) is
trained in float32 with PyTorch on scikit-learn's bundled breast cancer
data set (569 samples, 30 features, binary). Run with Debian's python3
(python3-torch, python3-sklearn):

    /usr/bin/python3 docs/example/train.py docs/example

Inputs are standardized with the training split's mean and deviation and
then rounded to multiples of 1/64. A multiple of 1/64 is a finite decimal
(0.015625) and a float64 at once, so the CSV and .npy files hold the very
same points, and ftcheck reads both exactly.

Files written (into the directory given):

  model.safetensors  the state_dict of nn.Sequential(Linear, ReLU, Linear,
                     ReLU, Linear): 0.weight, 0.bias, 2.weight, ... float32.
                     Debian bookworm has no python safetensors package, so
                     write_safetensors below writes the format by hand, as
                     its spec says: an 8-byte little-endian header length, a
                     JSON header {name: {dtype, shape, data_offsets}}, then
                     the raw little-endian bytes.
  model.npz          the same state_dict through numpy.savez.
  train.csv, test.csv  the splits, x1..x30,y with y = +1 (benign) or -1
                     (malignant), the sign the logit should have.
  patch.csv, patch.npz  the test points f gets wrong, with the corrected
                     label at margin 1: y = +1 or -1 on the logit (N rows).
  keep.csv, keep.npy  the training points (x1..x30 only): f+g must equal f
                     there exactly.
  heldout.csv, heldout.npy  the test points f gets right: the certificate
                     counts those where g is not zero.
"""

import json
import os
import struct
import sys
from fractions import Fraction

import numpy as np
import torch
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split

SEED = 0
GRID = 64  # inputs are multiples of 1/GRID


def write_safetensors(path, state):
    """Write a dict of tensors in the safetensors format (little-endian)."""
    dtypes = {torch.float32: "F32", torch.float64: "F64"}
    header, blobs, offset = {}, [], 0
    for name, t in state.items():
        arr = t.detach().cpu().contiguous().numpy()
        raw = arr.astype(arr.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": dtypes[t.dtype], "shape": list(arr.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)  # align the data to 8 bytes (allowed by the spec)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def exact_decimal(v):
    """The decimal of a multiple of 1/GRID, checked to be exactly v."""
    s = repr(float(v))
    assert Fraction(s) == Fraction(float(v)), s
    return s


def write_csv(path, X, y=None):
    d = X.shape[1]
    cols = ["x%d" % (j + 1) for j in range(d)] + ([] if y is None else ["y"])
    with open(path, "w") as f:
        f.write(",".join(cols) + "\n")
        for i, row in enumerate(X):
            vals = [exact_decimal(v) for v in row]
            if y is not None:
                vals.append(str(int(y[i])))
            f.write(",".join(vals) + "\n")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(SEED)
    np.random.seed(SEED)
    torch.set_num_threads(1)

    data = load_breast_cancer()
    X, y01 = data.data, data.target
    Xtr, Xte, ytr01, yte01 = train_test_split(
        X, y01, test_size=0.2, random_state=SEED, stratify=y01)
    mu, sd = Xtr.mean(axis=0), Xtr.std(axis=0)
    Xtr = np.round((Xtr - mu) / sd * GRID) / GRID
    Xte = np.round((Xte - mu) / sd * GRID) / GRID
    ytr = np.where(ytr01 == 1, 1, -1)
    yte = np.where(yte01 == 1, 1, -1)
    allx = {tuple(r) for r in np.vstack([Xtr, Xte])}
    assert len(allx) == len(Xtr) + len(Xte), "rounding made two points equal"

    model = torch.nn.Sequential(
        torch.nn.Linear(30, 16), torch.nn.ReLU(),
        torch.nn.Linear(16, 16), torch.nn.ReLU(),
        torch.nn.Linear(16, 1))
    xt = torch.tensor(Xtr, dtype=torch.float32)
    yt = torch.tensor(ytr01, dtype=torch.float32).unsqueeze(1)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    lossf = torch.nn.BCEWithLogitsLoss()
    for epoch in range(60):
        perm = torch.randperm(len(xt))
        for i in range(0, len(xt), 32):
            idx = perm[i:i + 32]
            opt.zero_grad()
            lossf(model(xt[idx]), yt[idx]).backward()
            opt.step()

    with torch.no_grad():
        ltr = model(xt).squeeze(1).numpy()
        lte = model(torch.tensor(Xte, dtype=torch.float32)).squeeze(1).numpy()
    wrong = np.where(np.sign(lte) != yte)[0]
    right = np.where(np.sign(lte) == yte)[0]
    print("train accuracy (float32): %d/%d" % ((np.sign(ltr) == ytr).sum(), len(ytr)))
    print("test accuracy (float32): %d/%d" % (len(right), len(yte)))
    print("test mistakes (rows of test.csv):", [int(i) + 1 for i in wrong])

    state = model.state_dict()
    write_safetensors(os.path.join(out, "model.safetensors"), state)
    np.savez(os.path.join(out, "model.npz"),
             **{k: v.detach().numpy() for k, v in state.items()})
    write_csv(os.path.join(out, "train.csv"), Xtr, ytr)
    write_csv(os.path.join(out, "test.csv"), Xte, yte)
    write_csv(os.path.join(out, "patch.csv"), Xte[wrong], yte[wrong])
    np.savez(os.path.join(out, "patch.npz"), X=Xte[wrong], y=yte[wrong].astype(np.float64))
    write_csv(os.path.join(out, "keep.csv"), Xtr)
    np.save(os.path.join(out, "keep.npy"), Xtr)
    write_csv(os.path.join(out, "heldout.csv"), Xte[right])
    np.save(os.path.join(out, "heldout.npy"), Xte[right])


if __name__ == "__main__":
    main()
