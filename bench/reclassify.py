"""numpy peer of bench/reclassify.bench.ts: the same Monte Carlo as darkfigure's reclassify, written with numpy.

For N draws: each row of the recording matrix from its Dirichlet(count + 1/2) posterior (rng.dirichlet, one
vectorised call per row), the N systems P^T t = recorded solved in one batched np.linalg.solve (LAPACK gesv),
negative solutions counted, and the 2.5% and 97.5% percentiles of each category's draws (np.quantile).
It does not constrain the negative draws (darkfigure does, for the few that need it), so it does slightly
less work than darkfigure.

Usage: python3 bench/reclassify.py N RUNS   (prints JSON: numpy version, median seconds, negative count, limits)
"""
import json
import sys
import time

import numpy as np

recorded = np.array([2706.0, 52000.0, 30000.0])
audit = np.array([[60.0, 35.0, 5.0], [2.0, 180.0, 18.0], [0.0, 6.0, 194.0]])


def run(n, rng):
    p = np.stack([rng.dirichlet(audit[i] + 0.5, size=n) for i in range(3)], axis=1)  # (n, true, recorded)
    t = np.linalg.solve(np.transpose(p, (0, 2, 1)), np.broadcast_to(recorded, (n, 3))[..., None])[..., 0]
    negatives = int(np.count_nonzero((t < 0).any(axis=1)))
    limits = np.quantile(t, [0.025, 0.975], axis=0)
    return negatives, limits


def main():
    n = int(sys.argv[1])
    runs = int(sys.argv[2])
    rng = np.random.default_rng(42)
    run(n, rng)  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        negatives, limits = run(n, rng)
        times.append(time.perf_counter() - t0)
    times.sort()
    print(json.dumps({"version": np.__version__, "seconds": times[len(times) // 2], "negatives": negatives, "limits": limits.tolist()}))


if __name__ == "__main__":
    main()
