// Package oracle evaluates feed-forward ReLU networks exactly.
//
// A Network g: ℚ^d → ℚ^C is a list of affine layers with ReLU σ(t) = max{t, 0}
// after every layer but the last, whose C ≥ 1 rows are the outputs (C = 1 in
// the paper; C > 1 for classifiers' logits, vector.go):
//
//	g(x) = W_L·σ(… σ(W_1·x + b_1) …) + b_L.
//
// Every weight, input and output is a *big.Rat; nothing in this package rounds.
// The hidden widths n_1, …, n_{L−1} sum to m, the neuron count the paper's
// bounds speak of.
//
// The package offers four views of one network, each tested against the first:
//
//   - Eval: layer-by-layer big.Rat evaluation, the slow, obviously correct model;
//   - Restrict: the exact continuous piecewise-linear function t ↦ g(p + t·u)
//     on a line, with its sorted rational breakpoints (what the paper's lower
//     bounds count);
//   - NewEvaluator and Verify: exact evaluation of many rows and fine-tuning
//     checks (f+)g(x_i) = y_i with a certificate or the first failing row,
//     using the line restriction as a fast path when the first layer has rank
//     one (every 2-layer network of Theorem 4.4) and otherwise the integer
//     common-denominator evaluator of fasteval.go: each layer scaled to
//     integers once, its arithmetic (float64 on integers below 2^53, int64,
//     128-bit, or big.Int for the rows that pass every bound) chosen from an
//     a-priori bound on every intermediate value, rows in blocks on all
//     cores; inteval.go is its big.Int path;
//   - NewFloat: float64 evaluation through gonum, a speed baseline only.
//
// The property tests of every view against Eval live in package props; the
// benchmarks (bench_test.go) compare each fast path with Eval and float64.
//
// # Invariants
//
// A Network returned by this package or accepted by Validate has at least one
// layer, rectangular weight matrices whose shapes chain, and C ≥ 1 outputs.
// Functions taking a Network panic with an "oracle: " prefix on a network
// that does not satisfy these (programmer misuse), and so do the functions
// of one output (Eval, Restrict, NewEvaluator, FloatNetwork.EvalBatch) on a
// network with C > 1: those take EvalVec, NewVecEvaluator, VerifyVec or
// Output(c), the single-output view sharing the hidden layers. Readers of
// user files return typed errors (*ParseError, *ShapeError,
// *DuplicatePointError); Data holds C labels per row (Y when C = 1, Ys when
// C > 1), read from the header x1,…,xd,y1,…,yC (y alone: C = 1).
//
// The package knows nothing of the paper: it serves every claim the same way.
package oracle
