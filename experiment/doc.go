// Package experiment reproduces the paper's only empirical claim, Sec. 7 and
// Fig. 9 (claim S7 of SPEC.md), with real gradient training in float64, and
// draws the pictures that put it beside the exact bounds (Fig. 9 and Fig. 5).
//
// This is the one package of ftcheck where float64 is right: the paper's claim
// is itself a float64 training experiment. No verdict about a theorem is ever
// computed here; the exact checks live in oracle, construction, lowerbound and
// theorem.
//
// # Setting (Sec. 7)
//
// K samples x_i ~ N(0, I_d) in d = 10 dimensions with labels y_i ~ U[−1, 1].
// A ReLU network f is trained to fit them (its MSE is reported). Then N random
// samples are relabelled y'_i ~ U[−1, 1], f is frozen, and a side network g
// with m hidden ReLU neurons is trained to minimise the paper's fine-tuning
// loss
//
//	ℓ_FT = (1/K) Σ_{i=1..K} (f(x_i) + g(x_i) − y'_i)²,
//
// a mean over all K samples, which is the MSE of g against the residual
// targets z_i = y'_i − f(x_i). The experiment records, for each N, the least
// m with ℓ_FT ≤ 0.04, for a 3-layer g (widths d1 = ⌈m/2⌉, d2 = ⌊m/2⌋, the
// split that maximises d1·d2 and so the piece count 2·d1·d2 + d2 + 1 of the
// paper's lower-bound argument) and for a 2-layer g (one hidden layer of m),
// and fits the exponent of m against N on log-log axes. The paper says about
// 1/2 for 3 layers (Thm 5.1, Remark 5); Thm 4.1 predicts about 1 for 2 layers.
//
// # Pieces
//
//   - MLP (mlp.go): a ReLU network whose parameters are one flat vector, with
//     the loss gradient by backpropagation written once and tested against
//     central finite differences (mlp_test.go, with planted wrong gradients);
//   - Adam (adam.go) on that vector, and Train (train.go);
//   - Synthetic, Relabel, Pretrain (data.go): D, D' and the frozen f;
//   - Search (search.go): least m by doubling and bisection;
//   - Fig9 (fig9.go): the sweep over both cores, each training on its own
//     random stream so the result depends on the seed only; FitExponents
//     (fit.go, gonum stat); the CSV tables (csv.go);
//   - Constructions (constructions.go): the exact constructions' neuron
//     counts, each network verified by the oracle before it is drawn;
//   - Figure, Fig9Plot, BoundsPlot (figure.go, plot.go, plotbounds.go): Fig. 9
//     with the paper's bounds and the constructions, Fig. 5 (Cor. 5.2) beside
//     Cor. 4.2, as PNG and SVG.
//
// The full run (FullConfig) and its numbers are in docs/figures.md.
package experiment
