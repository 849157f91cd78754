// Package construction builds the networks of the paper's upper bounds with
// exact rational weights. Nothing here verifies itself: every network is
// checked by package oracle (instance.Verify), in the tests and in the claim
// checks of package theorem.
//
// # Notation
//
// K samples x_1..x_K ∈ ℚ^d, pairwise distinct; targets z_i = y_i − f(x_i);
// the changed set T = {i : z_i ≠ 0}, N = |T|; m hidden ReLU neurons (d1 + d2
// for 3-layer networks). A network g fine-tunes (x, T, z) when g(x_i) = z_i
// for every i (eq. 3). Indices are 0-based in code, 1-based in messages and
// in the paper's examples. The fine-tuning instance is instance.Instance;
// every construction returns a *Built: the network, its neuron count after
// pruning (Neurons) and the count the paper's construction gives (Unpruned).
//
// # Constructions and the claims they serve
//
// 2-layer (Sec. 4):
//
//   - interpolate.go: Lemma 4.5 (L4.5), m+1 points on a line with m neurons,
//     constant left of the first point; also the paper's induction step read
//     literally (InterpolatePaperLiteral), which does not interpolate.
//   - projection.go: a direction a with pairwise distinct aᵀx_i (eq. 11),
//     found exactly: a = (1, s, …, s^{d−1}) for the least small integer s,
//     else a lexicographic direction that separates by construction.
//   - partition.go: the consecutive partition P(I) (Def. 4.3, D4.3), the kept
//     set J and the removed count Σ max{|P|−2, 0} (eq. 14–15; L4.6, L4.7).
//   - twolayer.go: Theorem 4.4 (T4.4) and hence Theorem 4.1.1 (T4.1-U):
//     TwoLayerPaper, the paper's network with m = |J| − 1 ≤ min{3N+1, K−1};
//     TwoLayer, the same network pruned (what finetune writes);
//     TwoLayerOriented, a beyond-paper variant whose hinges open left or right,
//     |B| or |B|+1 neurons (B = breakpoints of the interpolant on J), ≤ 3N
//     whenever K ≥ 3N+2, so m*(N, K) = 3N there. PlanTwoLayer and PlanAlong
//     (a given direction; *CollisionError if it does not separate) expose
//     the projection, T's positions along it and J.
//   - prune.go: function-preserving removal of idle neurons and merging of
//     duplicate hinges in a 2-layer network (with C outputs: a neuron goes
//     only when every output's weight on it is zero).
//   - vector.go (beyond the paper): TwoLayerVector, Theorem 4.4 for C ≥ 1
//     outputs (instance.Vector) with ONE shared hidden layer: J and the knots
//     depend on T (rows where any output changes) only, the output weights
//     are linear in z, so m ≤ min{3N+1, K−1} whatever C is; TwoLayerStacked
//     and Concat, the C-networks fallback; U2Vector, U2 with C outputs
//     sharing both hidden layers (2⌊√K⌋ + 3N). Its comment says which
//     constructions share the property (T4.4 and U2 do; the oriented
//     variant, U1, U3 and Appendix A do not).
//   - flatend.go (beyond the paper): FlatEnd, the interpolant of J on a line
//     with one neuron fewer whenever it has a flat piece; ≤ min{3N, K−2}
//     neurons for K ≥ 2N+2 (claim C4.2's derived grid points).
//   - twopeak.go (beyond the paper): TwoPeak, 3 neurons for (0, a, 0, b, 0)
//     on a line, a·b > 0, so m*(2, 5) ≤ 3 (C4.2 at m = 3, K = 5).
//   - mininterpolant.go (beyond the paper): MinInterpolant, the
//     minimum-breakpoint network of package lowerbound composed with the
//     projection, R or R+1 neurons (a candidate of ftcheck finetune).
//
// 3-layer (Sec. 5, Appendix A, Prop. 6.1; built on Yun, Sra, Jadbabaie 2019):
//
//   - gadget.go: activations σH (hard-tanh, eq. 23), σB, σL, σT as exact
//     affine combinations of ReLUs, with their neuron cost.
//   - yun.go and the files beside it: U1 = 4√K (the memorization network of
//     Yun et al. Thm 3.1 fitted to all K samples), U2 = 2√K + 3N (layer 1 of
//     U1 and one bump σB per changed sample), U3 = 6√(3N+2) (fitted on J
//     only, σL in layer 2); together T5.1-U.
//   - Appendix A (claim A): 4N+4 ReLUs, 2N+1 hard-tanh windows (eq. 28–29)
//     and one σT unit with weights from the linear system eq. 33–35.
//   - Prop. 6.1 (claim P6.1): L ≥ 4 layers, T split into ⌊(L−1)/2⌋ parts whose
//     3-layer networks are summed and stacked.
//   - lift.go: a 2-layer network as a 3-layer one with one more neuron.
//
// # Invariants
//
// Constructions return typed errors for bad input (*SizeError for K < 3,
// *oracle.DuplicatePointError naming two equal rows, *DimensionError,
// *CollisionError,
// *InterpolationError) and never panic on user data. Weights are fresh
// *big.Rat values: no two entries of a returned network alias each other.
package construction
