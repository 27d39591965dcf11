#!/usr/bin/env python3
"""Black-box hostile-input campaign against equiscope-cli (docs/reliability.md).

Builds valid inputs of every kind Equiscope reads from other people (dataset files, run configs,
run stores, bundles, exported models, loss and audit inputs, command-line flags), mutates them
(truncation, byte flips, crafted header values, wrong types, traversal paths, NaN), runs the real
CLI on each, and classifies what happened:

  clean rejection   exit 1/2 and the message names the input (file, key or flag)
  unclear rejection exit 1/2 without naming it
  accepted          exit 0 on a mutation that may still be valid (a flipped pixel is an image)
  silent accept     exit 0 on an input that is invalid by construction
  crash             a signal, exit >= 128, or a sanitizer report
  hang              no answer within the time limit
  harm              a file outside the input was deleted or copied

Usage: campaign.py CLI OUTDIR [--seed N] [--only AREA...]
Writes OUTDIR/cases.jsonl (one line per case) and OUTDIR/table.md, prints the table.
Everything is generated here: no network, no dataset download.
"""
import argparse
import json
import os
import random
import shutil
import sqlite3
import struct
import subprocess
import sys
import time
import zlib

VICTIM_BYTES = b"V" * 64
VMATCH = ", size = 64, sha256 = '%s'" % __import__("hashlib").sha256(VICTIM_BYTES).hexdigest()
OUTCOMES = ["clean rejection", "unclear rejection", "accepted", "silent accept", "crash", "hang",
            "harm"]


# ---------------------------------------------------------------- valid inputs, written here

def idx_bytes(dims, data, dtype=0x08):
    head = struct.pack(">BBBB", 0, 0, dtype, len(dims)) + b"".join(struct.pack(">I", d) for d in dims)
    return head + data


def npy_bytes(rows, cols, rng, dtype="<f4", values=None):
    header = "{'descr': '%s', 'fortran_order': False, 'shape': (%d, %d), }" % (dtype, rows, cols)
    header = header.ljust(117 - 10) + "\n"
    pre = b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header))
    fmt = "f" if dtype == "<f4" else "d"
    vals = values if values is not None else [rng.uniform(-1, 1) for _ in range(rows * cols)]
    return pre + header.encode() + struct.pack("<%d%s" % (len(vals), fmt), *vals)


def png_bytes(w, h, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return path


# ---------------------------------------------------------------- mutations

def truncations(data, rng, n):
    cuts = sorted({rng.randrange(0, len(data)) for _ in range(n)} | {0, len(data) // 2})
    return [("truncated at %d" % c, data[:c], True) for c in cuts[:n]]


def flips(data, rng, n, start=0, end=None, label="byte flip"):
    end = len(data) if end is None else min(end, len(data))
    out = []
    for _ in range(n):
        b = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(start, end)
            b[i] = rng.randrange(256)
        out.append(("%s %d..%d" % (label, start, end), bytes(b), False))
    return out


# ---------------------------------------------------------------- running

class Campaign:
    def __init__(self, cli, out, seed):
        self.cli, self.out, self.rng = cli, out, random.Random(seed)
        self.work = os.path.join(out, "inputs")
        self.results = []
        self.env = dict(os.environ, EQUISCOPE_CACHE_DIR=os.path.join(out, "cache"), LC_ALL="C.UTF-8")

    def run(self, area, name, args, expect_reject, names, timeout=30, harm_check=None):
        start = time.monotonic()
        try:
            p = subprocess.run([self.cli] + args, capture_output=True, timeout=timeout, env=self.env)
            code, err = p.returncode, p.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired as e:
            code, err = None, (e.stderr or b"").decode("utf-8", "replace")
        seconds = time.monotonic() - start
        if code is None:
            outcome = "hang"
        elif code < 0 or code >= 128 or any(m in err for m in ("AddressSanitizer", "LeakSanitizer", "runtime error:")):
            outcome = "crash"
        elif code == 0:
            outcome = "silent accept" if expect_reject else "accepted"
        else:
            outcome = ("clean rejection" if any(n and n in err for n in names)
                       else "unclear rejection")
        if harm_check and harm_check():
            outcome = "harm"
        last = [l for l in err.strip().splitlines() if l.strip()]
        self.results.append(dict(area=area, case=name, args=args, exit=code, outcome=outcome,
                                 seconds=round(seconds, 2), message=last[-1][:300] if last else ""))

    # Dataset readers through `datasets inspect`.
    def readers(self):
        rng = self.rng
        n = 24
        images = bytes(rng.randrange(256) for _ in range(n * 28 * 28))
        labels = bytes(rng.randrange(10) for _ in range(n))
        bases = {
            "idx images": (idx_bytes([n, 28, 28], images), "images-idx3-ubyte", 16),
            "idx labels": (idx_bytes([n], labels), "labels-idx1-ubyte", 8),
        }
        for label, (data, fname, header) in bases.items():
            other = "labels-idx1-ubyte" if "images" in fname else "images-idx3-ubyte"
            cases = truncations(data, rng, 8) + flips(data, rng, 12, 0, header, "header flip") + \
                flips(data, rng, 4, header, None, "body flip")
            ndim = data[3]
            for d in range(ndim):
                for value in (0, 0xFFFFFFFF, 0x7FFFFFFF, n + 1):
                    b = bytearray(data)
                    struct.pack_into(">I", b, 4 + 4 * d, value)
                    cases.append(("dimension %d = %d" % (d, value), bytes(b), value != n))
            cases.append(("dtype 0x0D (float) with byte data", data[:2] + b"\x0d" + data[3:], True))
            cases.append(("empty file", b"", True))
            cases.append(("gzip of the file, cut short", zlib.compress(data)[:20], True))
            for i, (what, blob, invalid) in enumerate(cases):
                # Each case is a folder with the mutated file and a valid partner beside it.
                folder = os.path.join(self.work, "idx", "%s-%d" % (fname, i))
                path = write(os.path.join(folder, "train-" + fname), blob)
                write(os.path.join(folder, "train-" + other), bases[
                    "idx labels" if "images" in fname else "idx images"][0])
                self.run("IDX reader", "%s: %s" % (label, what),
                         ["datasets", "inspect", "--format", "idx", folder], invalid,
                         ["train-" + fname])
        os.makedirs(os.path.join(self.work, "idx"), exist_ok=True)
        dev = os.path.join(self.work, "idx", "device-images-idx3-ubyte")
        if not os.path.lexists(dev):
            os.symlink("/dev/zero", dev)
        self.run("IDX reader", "link to /dev/zero", ["datasets", "inspect", "--format", "idx", dev],
                 True, ["device-images-idx3-ubyte", "/dev/zero"])
        fifo = os.path.join(self.work, "idx", "fifo-images-idx3-ubyte")
        if not os.path.exists(fifo):
            os.mkfifo(fifo)
        self.run("IDX reader", "a FIFO nobody writes", ["datasets", "inspect", "--format", "idx", fifo],
                 True, ["fifo-images-idx3-ubyte"])

        # NPY and features.bin through the features format.
        npy = npy_bytes(30, 8, rng)
        cases = truncations(npy, rng, 8) + flips(npy, rng, 16, 0, 128, "header flip")
        for descr in ("<f2", "|O", "<c8", ">f4x", "<f4"):
            cases.append(("descr %s" % descr, npy.replace(b"'<f4'", ("'%s'" % descr).encode()[:5].ljust(5)),
                          descr != "<f4"))
        for shape in ("(30, 8, 2)", "(-30, 8)", "(99999999999, 8)", "(30,)", "(0, 8)"):
            cases.append(("shape %s" % shape,
                          npy.replace(b"(30, 8)", shape.encode()[:7].ljust(7)), True))
        cases.append(("fortran order", npy.replace(b"False", b"True "), False))
        cases.append(("NaN values", npy_bytes(30, 8, rng, values=[float("nan")] * 240), True))
        for i, (what, blob, invalid) in enumerate(cases):
            path = write(os.path.join(self.work, "npy", "m%d.npy" % i), blob)
            self.run("NPY / features", "npy: " + what, ["datasets", "inspect", "--format", "features", path],
                     invalid, ["m%d.npy" % i])
        feats = struct.pack("<%df" % (40 * 16), *[rng.uniform(-1, 1) for _ in range(40 * 16)])
        meta = "".join("%d\n" % (i // 4) for i in range(40))
        fcases = [("valid", feats, meta, "16", False),
                  ("dim does not divide the size", feats, meta, "17", True),
                  ("dim 0", feats, meta, "0", True), ("dim -4", feats, meta, "-4", True),
                  ("dim 4294967312 (wraps to 16)", feats, meta, "4294967312", True),
                  ("dim text", feats, meta, "sixteen", True),
                  ("fewer labels than rows", feats, meta[:40], "16", True),
                  ("label text", feats, meta.replace("3\n", "x\n", 1), "16", True),
                  ("empty features", b"", meta, "16", True),
                  ("NaN feature", feats[:8] + struct.pack("<f", float("nan")) + feats[12:], meta, "16", True)]
        fcases += [("truncated at %d" % c, feats[:c], meta, "16", True)
                   for c in sorted(rng.sample(range(1, len(feats)), 6)) if c % 64]
        for i, (what, blob, m, dim, invalid) in enumerate(fcases):
            d = os.path.join(self.work, "features%d" % i)
            write(os.path.join(d, "labels.meta"), m)
            path = write(os.path.join(d, "features.bin"), blob)
            self.run("NPY / features", "features.bin: " + what,
                     ["datasets", "inspect", "--format", "features", "--option", "dim=" + dim,
                      "--option", "labels=" + os.path.join(d, "labels.meta"), path],
                     invalid, ["features.bin", "labels.meta", "dim"])

        # folder-csv: a CSV of attributes next to real PNG images.
        d = os.path.join(self.work, "csvbase")
        rows = ["path,label,group,score,embedding"]
        for i in range(12):
            write(os.path.join(d, "img%d.png" % i), png_bytes(8, 8, (i * 20, 100, 200 - i * 10)))
            rows.append("img%d.png,%d,%s,%.2f,%d;%d;%d" % (i, i % 2, "ab"[i % 3 == 0], i / 10, i, i + 1, i + 2))
        base = "\n".join(rows) + "\n"
        ccases = [("valid", base, False),
                  ("missing image", base.replace("img3.png", "nothere.png"), True),
                  ("path out of the folder", base.replace("img4.png", "../../../etc/passwd"), True),
                  ("absolute image path", base.replace("img5.png", "/etc/hostname"), True),
                  ("ragged vector column", base.replace("5;6;7", "5;6"), True),
                  ("unterminated quote", base.replace("img2.png", '"img2.png'), True),
                  ("no rows", rows[0] + "\n", True), ("empty file", "", True),
                  ("duplicate header", base.replace("group,score", "group,group"), True),
                  ("NUL bytes", base.replace("img1", "im\x00g1"), True),
                  ("a row with too many cells", base.replace("img6.png,0", "img6.png,0,extra"), True),
                  ("CRLF line ends", base.replace("\n", "\r\n"), False),
                  ("BOM", "\ufeff" + base, False)]
        for _ in range(12):
            b = bytearray(base.encode())
            for _ in range(3):
                b[rng.randrange(len(b))] = rng.randrange(32, 127)
            ccases.append(("random character flips", bytes(b).decode("latin-1"), False))
        for i, (what, text, invalid) in enumerate(ccases):
            cd = os.path.join(self.work, "csv%d" % i)
            if os.path.exists(cd):
                shutil.rmtree(cd)
            shutil.copytree(d, cd)
            path = write(os.path.join(cd, "attrs%d.csv" % i), text)
            self.run("CSV / folder-csv", what,
                     ["datasets", "inspect", "--format", "folder-csv", "--image-size", "16", path],
                     invalid, ["attrs%d.csv" % i, "img", "nothere", "passwd", "hostname"])

    # Run configs of the three families through --print-config.
    def configs(self):
        cli = self.cli
        for family, args in (("fare", ["train", "--method", "fare"]),
                             ("fair-ssl", ["train", "--method", "fair-ssl"]),
                             ("clustering", ["cluster", "--features", "x.bin", "--labels", "x.meta"])):
            p = subprocess.run([cli] + args + ["--print-config"], capture_output=True, env=self.env)
            if p.returncode != 0:
                self.results.append(dict(area="run configs", case=family + ": base config",
                                         args=args, exit=p.returncode, outcome="unclear rejection",
                                         seconds=0, message=p.stderr.decode()[-300:]))
                continue
            base = json.loads(p.stdout)
            flat = []

            def walk(o, prefix):
                for k, v in o.items():
                    path = prefix + k
                    if isinstance(v, dict):
                        walk(v, path + ".")
                    else:
                        flat.append((path, v))
            walk(base, "")
            cases = []
            for path, v in flat:
                # Format options are checked by the reader when the dataset opens, not by the
                # config (--print-config opens nothing); "family" is tested below by name.
                if path in ("family",) or path.startswith("dataset.options."):
                    continue
                if isinstance(v, bool):
                    wrong = [("a number", 1)]
                elif isinstance(v, (int, float)):
                    wrong = [("text", "ten"), ("a list", [1]), ("negative huge", -1e300),
                             ("1e400 as text", "1e400")]
                elif isinstance(v, str) and path == "seed":
                    wrong = [("an object", {"x": 1}), ("negative", -1)]  # a number is valid too
                elif isinstance(v, str):
                    wrong = [("a number", 7), ("an object", {"x": 1})]
                elif isinstance(v, list):
                    wrong = [("a number", 3)]
                else:
                    wrong = [("a list", [])]
                for label, value in wrong:
                    cases.append(("'%s' as %s" % (path, label), path, value))
            cases += [("unknown key 'epochz'", "epochz", 3), ("unknown key 'dataset.pathh'", "dataset.pathh", "x"),
                      ("method 'simclr++'", "method", "simclr++")]
            self.rng.shuffle(cases)
            for i, (what, path, value) in enumerate(cases[:60]):
                cfg = json.loads(json.dumps(base))
                node = cfg
                keys = path.split(".")
                for k in keys[:-1]:
                    node = node.setdefault(k, {})
                    if not isinstance(node, dict):
                        break
                else:
                    node[keys[-1]] = value
                fpath = write(os.path.join(self.work, "configs", "%s-%d.json" % (family, i)),
                              json.dumps(cfg))
                # Some string fields accept any text (names, paths, notes): a number there is still
                # the wrong type; text where text is expected may legitimately be accepted.
                leaf = keys[-1]
                self.run("run configs", "%s: %s" % (family, what),
                         args[:1] + (["--config", fpath, "--print-config"] if args[0] == "train" else
                                     ["--config", fpath, "--print-config"]),
                         True, [leaf, path])
            for what, text in (("not JSON", "{epochs: 3"), ("a JSON array", "[1,2]"),
                               ("empty file", "")):
                fpath = write(os.path.join(self.work, "configs", "%s-%s.json" % (family, what.replace(" ", "_"))), text)
                self.run("run configs", "%s: %s" % (family, what),
                         [args[0], "--config", fpath, "--print-config"], True,
                         [os.path.basename(fpath)])

    # Flags with out-of-range, non-numeric or special values.
    def flags(self):
        rng = self.rng
        ds = os.path.join(self.work, "flags-idx")
        write(os.path.join(ds, "train-images-idx3-ubyte"),
              idx_bytes([8, 28, 28], bytes(rng.randrange(256) for _ in range(8 * 784))))
        write(os.path.join(ds, "train-labels-idx1-ubyte"), idx_bytes([8], bytes(range(8))))
        feats = write(os.path.join(self.work, "flags-features", "features.bin"), b"\0" * 4 * 64)
        csv = os.path.join(self.work, "flags-csv")
        write(os.path.join(csv, "a.png"), png_bytes(8, 8, (1, 2, 3)))
        write(os.path.join(csv, "attrs.csv"), "path,label\na.png,1\n")
        cases = [
            (["datasets", "preview", "--format", "idx", ds, "--count", "-5", "--out", "x.png"], "--count"),
            (["datasets", "preview", "--format", "idx", ds, "--count", "100000000", "--out", "x.png"], "--count"),
            (["datasets", "preview", "--format", "idx", ds, "--columns", "0", "--out", "x.png"], "--columns"),
            (["datasets", "inspect", "--format", "folder-csv", "--image-size", "100000", csv], "image"),
            (["datasets", "inspect", "--format", "folder-csv", "--image-size", "-1", csv], "image"),
            (["datasets", "inspect", "--format", "folder-csv", "--image-size", "nan", csv], "image"),
            (["datasets", "inspect", "--format", "nosuchformat", ds], "nosuchformat"),
            (["datasets", "inspect", "--format", "idx", "--option", "novalue", ds], "novalue"),
            (["train", "--epochs", "-3", "--print-config"], "epochs"),
            (["train", "--epochs", "1e12", "--print-config"], "epochs"),
            (["train", "--epochs", "three", "--print-config"], "epochs"),
            (["train", "--batch", "0", "--print-config"], "batch"),
            (["train", "--batch", "999999999999", "--print-config"], "batch"),
            (["train", "--seed", "-1", "--print-config"], "seed"),
            (["train", "--seed", "nan", "--print-config"], "seed"),
            (["train", "--threads", "100000", "--print-config"], "threads"),
            (["train", "--method", "nosuchmethod", "--print-config"], "nosuchmethod"),
            (["train", "--lr", "nan", "--print-config"], "learningRate"),
            (["train", "--lr", "inf", "--print-config"], "learningRate"),
            (["train", "--train-limit", "-5", "--print-config"], "limit"),
            (["datasets", "inspect", "--format", "features", "--option", "dim=4294967304", feats], "dim"),
            (["cluster", "--features", "x", "--labels", "y", "--k", "-1", "--print-config"], "k"),
            (["cluster", "--features", "x", "--labels", "y", "--k", "0", "--print-config"], "k"),
            (["cluster", "--features", "x", "--labels", "y", "--epochs", "nan", "--print-config"], "epochs"),
            (["loss", "--method", "fare", "--u1", "a", "--u2", "b", "--z", "c", "--repeat", "-1"], "repeat"),
            (["loss", "--method", "fare", "--u1", "a", "--u2", "b", "--z", "c", "--repeat", "10000000000"], "repeat"),
            (["audit", "p.csv", "--label", "y", "--pred", "p", "--group", "g", "--threshold", "nan"], "threshold"),
            (["audit", "p.csv", "--label", "y", "--pred", "p", "--group", "g", "--resamples", "-1"], "resamples"),
            (["audit", "p.csv", "--label", "y", "--pred", "p", "--group", "g", "--min-group-size", "x"], "min-group-size"),
            (["runs", "list", "--store", "/dev/null"], "/dev/null"),
            (["runs", "frobnicate"], "frobnicate"),
            (["nosuchcommand"], "nosuchcommand"),
            (["train", "--no-such-flag"], "no-such-flag"),
            (["report", "x", "--format", "docx", "--out", "r.docx"], "docx"),
        ]
        for args, named in cases:
            self.run("flags", " ".join(args[:1] + args[-3:]), args, True, [named])

    # `loss` and `audit` inputs.
    def numbers(self):
        rng = self.rng
        d = os.path.join(self.work, "loss")
        u1 = write(os.path.join(d, "u1.npy"), npy_bytes(16, 8, rng))
        u2 = write(os.path.join(d, "u2.npy"), npy_bytes(16, 8, rng))
        z = write(os.path.join(d, "z.npy"), npy_bytes(16, 3, rng))
        bad = {
            "NaN in u1": npy_bytes(16, 8, rng, values=[float("nan")] + [0.5] * 127),
            "Inf in u1": npy_bytes(16, 8, rng, values=[float("inf")] + [0.5] * 127),
            "fewer rows": npy_bytes(15, 8, rng),
            "other width": npy_bytes(16, 9, rng),
            "zero rows": npy_bytes(0, 8, rng, values=[]),
            "huge values": npy_bytes(16, 8, rng, values=[1e38] * 128),
        }
        for what, blob in bad.items():
            p = write(os.path.join(d, "bad-%s.npy" % what.replace(" ", "_")), blob)
            self.run("loss / audit", "loss: " + what,
                     ["loss", "--method", "fare", "--u1", p, "--u2", u2, "--z", z, "--json"],
                     what not in ("huge values",), [os.path.basename(p), "u1", "u2"])
        for method in ("fare", "sparse-fare", "infonce", "fair-infonce", "cclk", "nosuch"):
            self.run("loss / audit", "loss: valid inputs, method " + method,
                     ["loss", "--method", method, "--u1", u1, "--u2", u2, "--z", z, "--json"],
                     method == "nosuch", ["nosuch"])
        rows = ["y,p,s,g"] + ["%d,%d,%.2f,%s" % (i % 2, (i // 2) % 2, rng.random(), "ab"[i % 3 == 0])
                              for i in range(120)]
        base = "\n".join(rows) + "\n"
        acases = [("valid", base, ["--pred", "p"], False),
                  ("score 1.7", base.replace(",0.", ",1.7", 1), ["--score", "s"], True),
                  ("score -0.2", base.replace(",0.", ",-0.", 1), ["--score", "s"], True),
                  ("score nan", base.replace(",0.", ",nan", 1), ["--score", "s"], True),
                  ("missing label column", base, ["--pred", "p", "--label", "nolabel"], True),
                  ("missing group column", base.replace(",g", ",h", 1), ["--pred", "p"], True),
                  ("one class only", base.replace("\n1,", "\n0,"), ["--pred", "p"], False),
                  ("empty file", "", ["--pred", "p"], True),
                  ("header only", rows[0] + "\n", ["--pred", "p"], True),
                  ("ragged row", base.replace("\n1,0,", "\n1,0,0.5,a,extra,", 1), ["--pred", "p"], True),
                  ("predicted class text", base.replace("\n1,0,", "\n1,maybe,", 1), ["--pred", "p"], False)]
        for i, (what, text, extra, invalid) in enumerate(acases):
            p = write(os.path.join(d, "pred%d.csv" % i), text)
            args = ["audit", p, "--group", "g", "--resamples", "20", "--json"]
            if "--label" not in extra:
                args += ["--label", "y"]
            self.run("loss / audit", "audit: " + what, args + extra, invalid,
                     ["pred%d.csv" % i, "nolabel", "'g'", "score", "class"])

    # Run stores and bundles: crafted rows, traversal paths, damaged files.
    def stores(self, seed_store):
        d = os.path.join(self.work, "stores")
        os.makedirs(d, exist_ok=True)
        con = sqlite3.connect(seed_store)
        run_id = con.execute("SELECT id FROM runs").fetchone()[0]
        con.close()
        crafted = [
            # The traversal rows also carry the victim's size and checksum, so only the path check
            # can stop a copy or a deletion.
            ("artifact path ../../victim", "UPDATE artifacts SET path = '../../victim.bin', bytes = NULL%VMATCH%"),
            ("artifact path ../../../..", "UPDATE artifacts SET path = '../../../../../../../..%VICTIM%', bytes = NULL%VMATCH%"),
            ("absolute artifact path", "UPDATE artifacts SET path = '%VICTIM%', bytes = NULL%VMATCH%"),
            ("artifact path with backslash", "UPDATE artifacts SET path = '..\\..\\victim.bin', bytes = NULL%VMATCH%"),
            ("artifact link out of the folder", "LINK"),
            ("artifact size 2^62", "UPDATE artifacts SET size = 4611686018427387904"),
            ("artifact size -1", "UPDATE artifacts SET size = -1"),
            ("wrong checksum", "UPDATE artifacts SET sha256 = '00'"),
            ("config not JSON", "UPDATE runs SET config = '{broken'"),
            ("config a JSON array", "UPDATE runs SET config = '[1]'"),
            ("versions not JSON", "UPDATE runs SET versions = 'x'"),
            ("unknown status", "UPDATE runs SET status = 'exploded'"),
            ("unknown family", "UPDATE runs SET family = 'alchemy'"),
            ("epochs 1e9 in config", "UPDATE runs SET config = json_set(config, '$.epochs', 1000000000)"),
            ("schema version 999", "PRAGMA user_version = 999"),
            ("epoch metrics not JSON", "UPDATE epochs SET metrics = 'nope'"),
            ("metric value text", "UPDATE metrics SET value = 'high'"),
            ("created_at garbage", "UPDATE runs SET created_at = 'yesterday'"),
            ("negative epoch", "UPDATE epochs SET epoch = -5"),
            ("duplicate run name", "INSERT INTO runs SELECT 'other-id', name, method, family, config, status, status_message, created_at, started_at, finished_at, versions, dataset_fingerprint, dataset_spec, seed, owner_pid, owner_host, heartbeat_at, current_epoch, notes FROM runs"),
        ]
        commands = [("list", lambda s: ["runs", "list", "--store", s]),
                    ("show", lambda s: ["runs", "show", run_id, "--store", s, "--json"]),
                    ("bundle", lambda s: ["bundle", run_id, "--store", s, "--out", s + ".eqbundle"]),
                    ("delete", lambda s: ["runs", "delete", run_id, "--store", s]),
                    ("merge", lambda s: ["runs", "merge", s, "--into", s + ".merged.sqlite"])]
        for i, (what, sql) in enumerate(crafted):
            for cmd, make in commands:
                case = os.path.join(d, "case%d-%s" % (i, cmd))
                if os.path.exists(case):
                    shutil.rmtree(case)
                os.makedirs(os.path.join(case, "store"))
                victim = os.path.join(case, "victim.bin")
                write(victim, VICTIM_BYTES)
                store = os.path.join(case, "store", "runs.sqlite")
                shutil.copy(seed_store, store)
                if os.path.isdir(seed_store + ".artifacts"):
                    shutil.copytree(seed_store + ".artifacts", store + ".artifacts")
                con = sqlite3.connect(store)
                if sql == "LINK":
                    # Every external artifact file replaced by a link to the victim.
                    for (path,) in con.execute("SELECT path FROM artifacts WHERE path IS NOT NULL"):
                        f = os.path.join(store + ".artifacts", path)
                        os.remove(f)
                        os.symlink(victim, f)
                    sql = "UPDATE artifacts SET %s WHERE path IS NOT NULL" % VMATCH[2:]
                try:
                    con.executescript(sql.replace("%VICTIM%", victim).replace("%VMATCH%", VMATCH))
                    con.commit()
                except sqlite3.Error as e:
                    con.close()
                    continue
                con.close()
                bundle = store + ".eqbundle"

                def harmed(victim=victim, bundle=bundle):
                    if not os.path.exists(victim):
                        return True
                    if os.path.exists(bundle):
                        with open(bundle, "rb") as f:
                            return VICTIM_BYTES in f.read()
                    return False
                # Whether the damage must make the command fail depends on the command: a
                # listing reads no artifact, deleting and merging may copy or drop damaged rows
                # as they are (never touching a file outside); a bundle must refuse anything it
                # cannot vouch for; list and show must report damaged columns (exit 1).
                harmless = what in ("created_at garbage", "duplicate run name", "epochs 1e9 in config")
                if cmd == "bundle":
                    expect = not harmless
                elif cmd in ("list", "show"):
                    expect = any(k in what for k in ("JSON", "schema", "metric value", "epoch metrics"))
                else:
                    expect = "schema" in what
                self.run("run store", "%s: %s" % (cmd, what), make(store), expect,
                         [store, "runs.sqlite", run_id[:8]], harm_check=harmed)
        # Files that are not a store at all, or a damaged one.
        with open(seed_store, "rb") as f:
            seed = f.read()
        damaged = [("not SQLite", b"hello world" * 100), ("empty", b""),
                   ("truncated to 1 page", seed[:4096]), ("truncated at half", seed[:len(seed) // 2])]
        damaged += [("page flips", b, False) [:2] for _, b, _ in flips(seed, self.rng, 6, 100, None)]
        for i, (what, blob) in enumerate(damaged):
            store = write(os.path.join(d, "damaged%d.sqlite" % i), blob)
            for cmd in ("list", "show"):
                args = ["runs", "list", "--store", store] if cmd == "list" else \
                    ["runs", "show", run_id, "--store", store]
                self.run("run store", "%s: %s" % (cmd, what), args, what not in ("page flips", "empty"),
                         ["damaged%d.sqlite" % i])

    def make_store(self):
        """A real run store: one tiny FARE run on Debian's Fashion-MNIST, checkpoints as files."""
        store = os.path.join(self.out, "real", "runs.sqlite")
        if os.path.exists(store):
            return store
        env = dict(self.env, EQUISCOPE_STORE_FILE_THRESHOLD="4096")
        p = subprocess.run([self.cli, "train", "--epochs", "1", "--train-limit", "512",
                            "--probe-train-limit", "512", "--test-limit", "256", "--batch", "64",
                            "--store", store, "--name", "campaign"], capture_output=True, env=env)
        if p.returncode != 0:
            sys.stderr.write("no real store (Debian's Fashion-MNIST missing?): %s\n"
                             % p.stderr.decode()[-300:])
            return None
        return store

    def table(self):
        areas = []
        for r in self.results:
            if r["area"] not in areas:
                areas.append(r["area"])
        lines = ["| area | cases | " + " | ".join(OUTCOMES) + " |",
                 "|---|---:|" + "---:|" * len(OUTCOMES)]
        totals = [0] * (len(OUTCOMES) + 1)
        for a in areas:
            rs = [r for r in self.results if r["area"] == a]
            counts = [len(rs)] + [sum(1 for r in rs if r["outcome"] == o) for o in OUTCOMES]
            totals = [t + c for t, c in zip(totals, counts)]
            lines.append("| %s | " % a + " | ".join(str(c) for c in counts) + " |")
        lines.append("| **all** | " + " | ".join("**%d**" % c for c in totals) + " |")
        return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cli")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--store", help="a real run store to craft stores from")
    ap.add_argument("--only", nargs="*", default=[])
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    c = Campaign(os.path.abspath(a.cli), os.path.abspath(a.out), a.seed)
    started = time.monotonic()
    for area, fn in (("readers", c.readers), ("configs", c.configs), ("flags", c.flags),
                     ("numbers", c.numbers), ("stores", lambda: c.stores(a.store))):
        if a.only and area not in a.only:
            continue
        if area == "stores" and not a.store:
            a.store = c.make_store()
            if not a.store:
                continue
        fn()
    with open(os.path.join(a.out, "cases.jsonl"), "w") as f:
        for r in c.results:
            f.write(json.dumps(r) + "\n")
    text = c.table()
    with open(os.path.join(a.out, "table.md"), "w") as f:
        f.write(text + "\n")
    print(text)
    print("\n%d cases in %.0f s" % (len(c.results), time.monotonic() - started))
    bad = [r for r in c.results if r["outcome"] in ("crash", "hang", "harm", "silent accept")]
    for r in bad:
        print("%s | %s | %s | exit %s | %s" % (r["outcome"], r["area"], r["case"], r["exit"], r["message"]))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
