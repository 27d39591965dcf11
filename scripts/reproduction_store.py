"""The run store behind a reproduction table, so that a long table is built over several sittings.

Every grid point of a reproduction (dataset, method, seed, budget) is one run in a persistent
store, named after the grid point and a hash of the exact config the CLI would train. ensure()
skips a grid point whose run already finished with that config, resumes one that was interrupted,
cancelled or failed (`equiscope-cli runs resume`), and trains the missing ones; runs() reads back
every run of the grid, so the table can always be rewritten from the store alone (--table-only in
the scripts). A changed budget gives other hashes: new runs, while the old ones stay in the store.
"""

import hashlib
import json
import os
import subprocess
import sys
import time


class ReproductionStore:
    def __init__(self, cli, store, log=sys.stderr):
        self.cli = cli
        self.store = store
        self.log = log
        os.makedirs(os.path.dirname(os.path.abspath(store)), exist_ok=True)

    # -- the CLI -----------------------------------------------------------------------------
    def _run(self, args, capture=True):
        done = subprocess.run([self.cli] + args, stdout=subprocess.PIPE if capture else None,
                              stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            raise RuntimeError("%s %s failed (%d): %s" % (self.cli, " ".join(args), done.returncode,
                                                          done.stderr.strip()[-2000:]))
        return done.stdout

    def config_of(self, train_args):
        """The resolved config `train` would run, without the run name."""
        config = json.loads(self._run(["train"] + train_args + ["--print-config"]))
        config.pop("name", None)
        return config

    @staticmethod
    def config_hash(config):
        text = json.dumps(config, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()[:10]

    def _runs_by_name(self):
        if not os.path.exists(self.store):
            return {}
        listed = json.loads(self._run(["runs", "list", "--store", self.store, "--json"]))
        return {r["name"]: r for r in listed.get("runs", [])}

    def show(self, run_id):
        return json.loads(self._run(["runs", "show", run_id, "--store", self.store, "--json"]))

    # -- the grid ----------------------------------------------------------------------------
    def name_of(self, label, train_args):
        """The run name of a grid point: its label and the hash of its exact config."""
        return "%s [%s]" % (label, self.config_hash(self.config_of(train_args)))

    def ensure(self, label, train_args, unhashed_args=()):
        """The finished run of grid point @p label with @p train_args: kept when it exists,
        resumed when it was interrupted, trained when missing. @p unhashed_args go to a new
        run's `train` only (e.g. --reuse-stages: same results, less time). Returns (run, seconds
        spent)."""
        name = self.name_of(label, train_args)
        existing = self._runs_by_name().get(name)
        start = time.time()
        if existing and existing["status"] == "finished":
            print("== %s: finished earlier, kept" % name, file=self.log)
            return self.show(existing["id"]), 0.0
        if existing:
            print("== %s: %s, resuming" % (name, existing["status"]), file=self.log)
            self._run(["runs", "resume", existing["id"], "--store", self.store])
        else:
            print("== %s: training" % name, file=self.log)
            self._run(["train"] + train_args + list(unhashed_args) +
                      ["--name", name, "--store", self.store])
        run = self._runs_by_name().get(name)
        if not run or run["status"] != "finished":
            raise RuntimeError("%s did not finish (%s)" % (name, run["status"] if run else "no run"))
        return self.show(run["id"]), time.time() - start

    def find(self, label, train_args):
        """The finished run of a grid point, or None (for --table-only: nothing is trained)."""
        run = self._runs_by_name().get(self.name_of(label, train_args))
        if not run or run["status"] != "finished":
            return None
        return self.show(run["id"])


def final_metric(run, name):
    """A whole-population final metric of `runs show --json` output, or None."""
    for m in run.get("finalMetrics", []):
        if m["name"] == name and not m.get("group"):
            return m["value"]
    return None


def epoch_series(run, name):
    """[(epoch, value)] of a per-epoch metric (present with --epoch-eval)."""
    out = []
    for e in run.get("epochs", []):
        metrics = e.get("metrics", e)
        if isinstance(metrics.get(name), (int, float)):
            out.append((e["epoch"], metrics[name]))
    return out


def mean_std(values):
    """Mean and sample standard deviation (n − 1); std None below two values."""
    if not values:
        return None, None
    mean = sum(values) / len(values)
    if len(values) < 2:
        return mean, None
    var = sum((v - mean) ** 2 for v in values) / (len(values) - 1)
    return mean, var ** 0.5


# Two-sided 97.5 % quantiles of Student's t for 1…30 degrees of freedom.
_T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
         2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
         2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def paired_difference(a, b):
    """Mean of a − b over paired seeds with its 95 % t interval: (mean, low, high, n), or None
    with fewer than two pairs."""
    pairs = [x - y for x, y in zip(a, b)]
    if len(pairs) < 2:
        return None
    mean, sd = mean_std(pairs)
    t = _T975[min(len(pairs) - 1, len(_T975)) - 1]
    half = t * sd / len(pairs) ** 0.5
    return mean, mean - half, mean + half, len(pairs)
