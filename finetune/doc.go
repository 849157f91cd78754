// Package finetune picks, for one user instance, the smallest side network g
// that the constructions give and that the oracle verifies: the layer
// between package construction (which builds networks and never checks
// them) and the ftcheck command (flags, files, printing).
//
// # Notation
//
// K samples x_1..x_K ∈ ℚ^d, a frozen network f and wanted labels y; the
// residual targets z_i = y_i − f(x_i), T = {i : z_i ≠ 0}, N = |T|. A network g
// fine-tunes (x, T, z) when g(x_i) = z_i for every i, i.e. (f+g)(x_i) = y_i
// (eq. 3). m is the number of hidden ReLU neurons of g (d1 + d2 for 3 layers).
//
// # What it does
//
//   - candidates.go: the candidate constructions of each depth, the paper's
//     (Thm 4.4 for 2 layers; U1, U2, U3 of Thm 5.1.1 and Appendix A for 3) and
//     beyond-paper ones (the oriented 2-layer network, the minimum-breakpoint
//     interpolant, the best 2-layer network lifted by one carrier neuron, and
//     lean variants of U1–U3).
//   - smallest.go: Smallest builds every candidate and verifies them exactly
//     in order of increasing m, stopping at the first that passes: the
//     smallest verified g. Each candidate is verified at most once against
//     the user's labels (f+g against y when f is given, else g against z). A
//     candidate that fails verification is a bug in a construction: it is
//     reported in the result and never used. BestTwoLayer is Smallest at
//     depth 2 without f.
//   - vector.go (beyond the paper): SmallestVector, the same for a frozen f
//     with C ≥ 1 outputs and K × C labels, verified on every output
//     (oracle.VerifyVec): at depth 2 construction.TwoLayerVector (one
//     hidden layer shared by all outputs) and the stacked fallback, at
//     depth 3 construction.U2Vector (both hidden layers shared).
//   - mstar.go: for 1-D data, certified intervals lo ≤ m* ≤ hi for the least
//     number of neurons of a 2-layer and of a 3-layer g, lo from the exact
//     minimum breakpoint count of package lowerbound, hi from lowerbound's
//     verified network or the smallest verified 3-layer candidate.
//
// # Invariants
//
// Nothing is returned as verified unless oracle.Verify accepted it on every
// row; the certificate it returned travels with the network. Bad input gives
// the constructions' typed errors, *NoCandidateError when no construction
// applies, and *NotVerifiedError when none verifies.
package finetune
