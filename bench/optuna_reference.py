"""Optuna side of bench/tpe-vs-random.ts: the same test functions, budget and seeds.

Run with Debian's interpreter (python3-optuna lives there, not in a pyenv python):
    /usr/bin/python3 bench/optuna_reference.py --seeds 20 --trials 60
Prints one JSON object:
    {"optuna": version, "results": {function: {sampler: {"best": [per seed], "ms_per_study": ms}}}}.
The score of a run is the noise-free value of its best observed trial, as in the TS bench.
"""

import argparse
import json
import math
import time

import numpy as np
import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)


def branin(p):
    x1, x2 = p["x1"], p["x2"]
    b = 5.1 / (4 * math.pi**2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (x2 - b * x1**2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


H6_ALPHA = [1.0, 1.2, 3.0, 3.2]
H6_A = [
    [10, 3, 17, 3.5, 1.7, 8],
    [0.05, 10, 17, 0.1, 8, 14],
    [3, 3.5, 1.7, 10, 17, 8],
    [17, 8, 0.05, 10, 0.1, 14],
]
H6_P = [
    [v * 1e-4 for v in row]
    for row in [
        [1312, 1696, 5569, 124, 8283, 5886],
        [2329, 4135, 8307, 3736, 1004, 9991],
        [2348, 1451, 3522, 2883, 3047, 6650],
        [4047, 8828, 8732, 5743, 1091, 381],
    ]
]


def hartmann6(p):
    total = 0.0
    for i in range(4):
        inner = sum(H6_A[i][j] * (p[f"x{j + 1}"] - H6_P[i][j]) ** 2 for j in range(6))
        total += H6_ALPHA[i] * math.exp(-inner)
    return -total


MODE_PENALTY = {"a": 1, "b": 0, "c": 2}


def quadratic(p):
    return (
        (p["x"] - 1.5) ** 2 / 4
        + (p["y"] + 2) ** 2 / 4
        + (math.log10(p["lr"]) + 2) ** 2
        + (math.log2(p["depth"]) - 3) ** 2 / 4
        + MODE_PENALTY[p["mode"]]
    )


def suggest_branin(t):
    return {"x1": t.suggest_float("x1", -5, 10), "x2": t.suggest_float("x2", 0, 15)}


def suggest_hartmann6(t):
    return {f"x{j + 1}": t.suggest_float(f"x{j + 1}", 0, 1) for j in range(6)}


def suggest_quadratic(t):
    return {
        "x": t.suggest_float("x", -5, 5),
        "y": t.suggest_float("y", -5, 5),
        "lr": t.suggest_float("lr", 1e-4, 1, log=True),
        "depth": t.suggest_int("depth", 1, 64, log=True),
        "mode": t.suggest_categorical("mode", ["a", "b", "c"]),
    }


FUNCTIONS = {
    "branin": (suggest_branin, branin, 0.0),
    "hartmann6": (suggest_hartmann6, hartmann6, 0.0),
    "noisy-quadratic": (suggest_quadratic, quadratic, 0.1),
}


def run(name, sampler, seed, trials):
    suggest, value, noise_sd = FUNCTIONS[name]
    noise = np.random.RandomState(10_000 + seed)
    true_values = {}

    def objective(t):
        params = suggest(t)
        true_values[t.number] = value(params)
        return true_values[t.number] + (noise.normal(0, noise_sd) if noise_sd > 0 else 0.0)

    study = optuna.create_study(direction="minimize", sampler=sampler)
    study.optimize(objective, n_trials=trials)
    return true_values[study.best_trial.number]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--trials", type=int, default=60)
    args = parser.parse_args()
    results = {}
    samplers = {"tpe": optuna.samplers.TPESampler, "random": optuna.samplers.RandomSampler}
    seeds = range(1, args.seeds + 1)
    for name in FUNCTIONS:
        results[name] = {}
        for label, make in samplers.items():
            started = time.perf_counter()
            best = [run(name, make(seed=s), s, args.trials) for s in seeds]
            ms = (time.perf_counter() - started) * 1000 / args.seeds
            results[name][label] = {"best": best, "ms_per_study": ms}
    print(json.dumps({"optuna": optuna.__version__, "results": results}))


if __name__ == "__main__":
    main()
