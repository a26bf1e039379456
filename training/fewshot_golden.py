"""Golden values for the few-shot probe engine (src/fewshot/), from scikit-learn and SciPy.

Run: /usr/bin/python3 training/fewshot_golden.py > test/data/fewshot/golden.json
(needs python3-sklearn; the JSON is committed so the TypeScript tests need no Python).

Parametrisation matched to src/fewshot: features standardised on the training rows (population sd, a
constant column left at 0, as StandardScaler does), objective (1/n) sum loss + (lambda / 2) |w|^2 with the
intercept unpenalised, i.e. LogisticRegression(C = 1 / (n lambda)) and Ridge(alpha = n lambda).
"""
import json
import sys

import numpy as np
from scipy.stats import spearmanr
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler

rng = np.random.default_rng(20240611)


def design(n, p, constant_col=False):
    """Correlated columns (a shared factor) on different scales and offsets, rounded so JSON holds them exactly."""
    factor = rng.normal(size=(n, 1))
    X = rng.normal(size=(n, p)) + 0.6 * factor
    X = X * rng.uniform(0.5, 20, size=p) + rng.uniform(-50, 50, size=p)
    if constant_col:
        X[:, -1] = 3.25
    return np.round(X, 4)


def fit(kind, X, y, lam):
    scaler = StandardScaler().fit(X)
    Z = scaler.transform(X)
    n = len(y)
    if kind == "binary":
        m = LogisticRegression(C=1 / (n * lam), solver="newton-cholesky", tol=1e-14, max_iter=1000).fit(Z, y)
        coef, b = m.coef_[0], m.intercept_[0]
    else:
        m = Ridge(alpha=n * lam, solver="cholesky").fit(Z, y)
        coef, b = m.coef_, m.intercept_
    return scaler, m, {"intercept": float(b), "coef": coef.tolist()}


def fit_case(name, kind, X, y, lambdas):
    return {"name": name, "kind": kind, "X": X.tolist(), "y": y.tolist(),
            "fits": [{"lambda": lam, **fit(kind, X, y, lam)[2]} for lam in lambdas]}


def binary_labels(X, w):
    Z = (X - X.mean(0)) / np.where(X.std(0) > 0, X.std(0), 1)
    return (rng.uniform(size=len(X)) < 1 / (1 + np.exp(-(Z @ w)))).astype(int)


def cv_case(name, kind, X, y, groups, lam):
    """Leave-one-group-out with one penalty: each group's predictions from a model fitted on the others."""
    oof = np.zeros(len(y))
    for g in sorted(set(groups)):
        test = np.array([x == g for x in groups])
        scaler, m, _ = fit(kind, X[~test], y[~test], lam)
        Z = scaler.transform(X[test])
        oof[test] = m.predict_proba(Z)[:, 1] if kind == "binary" else m.predict(Z)
    metric = roc_auc_score(y, oof) if kind == "binary" else spearmanr(oof, y).correlation
    return {"name": name, "kind": kind, "X": X.tolist(), "y": y.tolist(), "groups": groups, "lambda": lam,
            "outOfFold": oof.tolist(), "metric": float(metric)}


def main():
    X1 = design(60, 5, constant_col=True)
    y1 = binary_labels(X1, np.array([1.5, -1.0, 0.5, 0.0, 0.0]))
    Xw = design(30, 50)
    yw = binary_labels(Xw, rng.normal(size=50) * 0.5)
    Xs = np.round(rng.normal(size=(24, 2)), 4)
    ys = (Xs[:, 0] + Xs[:, 1] > 0).astype(int)  # separable: an unpenalised fit would run off to infinity
    X2 = design(50, 5, constant_col=True)
    y2 = np.round(X2[:, :4] @ np.array([0.05, -0.2, 0.0, 0.1]) + rng.normal(size=50) * 2 + 100, 4)
    Xr = design(30, 60)
    yr = np.round(Xr @ (rng.normal(size=60) * 0.01) + rng.normal(size=30), 4)
    Xc = design(48, 3)
    groups = [f"exon{i % 4 + 1}" for i in range(48)]
    yc = binary_labels(Xc, np.array([1.2, -0.8, 0.0]))
    yq = np.round(Xc @ np.array([0.1, -0.1, 0.0]) + rng.normal(size=48), 4)
    ties_x = [1, 2, 2, 3, 5, 5, 5, 8, 9, 10]
    ties_y = [2, 1, 4, 4, 3, 7, 6, 6, 9, 8]
    golden = {
        "format": "glm-playground/fewshot-golden@1",
        "versions": {"sklearn": __import__("sklearn").__version__, "scipy": __import__("scipy").__version__},
        "fits": [
            fit_case("logistic with a constant column", "binary", X1, y1, [0.001, 0.03, 1.0]),
            fit_case("logistic, more features than examples", "binary", Xw, yw, [0.05]),
            fit_case("logistic on separable classes", "binary", Xs, ys, [0.01]),
            fit_case("ridge with a constant column", "continuous", X2, y2, [0.001, 0.1, 10.0]),
            fit_case("ridge, more features than examples", "continuous", Xr, yr, [0.1]),
        ],
        "crossValidation": [
            cv_case("logistic, leave one exon out", "binary", Xc, yc, groups, 0.1),
            cv_case("ridge, leave one exon out", "continuous", Xc, yq, groups, 0.1),
        ],
        "spearman": {"x": ties_x, "y": ties_y, "rho": float(spearmanr(ties_x, ties_y).correlation)},
    }
    json.dump(golden, sys.stdout, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
