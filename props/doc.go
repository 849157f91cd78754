// Package props holds the rapid generators that every property test and claim
// check of ftcheck draws from, and the property tests of the exact oracle.
//
// Notation follows SPEC.md: K samples x_1..x_K ∈ ℚ^d, pairwise distinct; a
// pre-trained network f and labels y; residual targets z_i = y_i − f(x_i);
// T = {i : z_i ≠ 0} and N = |T|.
//
// # Generators
//
// Every generator is built with rapid.Custom from small ranges, so that a
// failing case shrinks to a tiny one, and every draw carries a meaningful label
// ("K", "T", "x[3]", "W2[1]"):
//
//   - Rat, SmallRat, PositiveRat, HugeInt: exact rationals (zero, negative,
//     small, and — for Rat — numerators and denominators of 64 to 512 bits);
//   - Network, NetworkWith, AnyNetwork, RankOneNetwork, Widths: ReLU networks
//     of given depth and widths, with dead neurons, zero weights and duplicate
//     breakpoints on purpose (RankOneNetwork: first layer λ_k·aᵀ, Theorem 4.4);
//   - Points, PointsShaped: K pairwise distinct points of ℚ^d (d up to 16), in
//     adversarial shapes: collinear, colliding under the naive projection
//     along (1,…,1), integer grids, points 10⁻⁹ apart;
//   - TSet, Targets, Instance (options InstanceOptions, result FineTune):
//     fine-tuning instances (x, T, z) with the frozen f and the labels
//     y = f(x) + z, T alternating, clustered, at the ends or random, targets
//     equal, huge, tiny, inside [−1, 1] or beyond;
//   - SortedByProjection: the row order by aᵀx, for rank-one constructions.
//
// # Properties
//
// The tests of this package state each claim about the oracle in a doc
// comment and check it against the slow reference oracle.Network.Eval:
// the line restriction, its piece count bound, ReLU reparametrisation
// invariance, exact file round trips, the rank-one fast path, Verify, and the
// float64 baseline (where it goes wrong). Planted bugs check the checker.
//
// rapid lives here and in _test.go files only; package oracle does not know it.
package props
