// Package drive is the one driver of every claim whose check builds
// networks and verifies them (Thm 4.4, Thm 4.1.1, Lemma 4.5, the
// constructions of Thm 5.1.1, Appendix A, Prop. 6.1), and the verdict types
// every claim returns.
//
// Notation follows the paper: an instance is K samples x_1..x_K ∈ ℚ^d with
// residual targets z (0 off the changed set T, N = |T|); a network g
// fine-tunes it when g(x_i) = z_i for every i, or, with a frozen f and
// labels y, when (f+g)(x_i) = y_i; m counts hidden ReLU neurons.
//
// A case may have C ≥ 1 outputs (Case.Vec, beyond the paper): its networks
// are then verified on every output (oracle.VerifyVec).
//
// A claim describes each of its constructions as a Part: the cases (an
// exhaustive grid, then a rapid generator whose failures are shrunk), a
// Build that returns the networks for a case, the Limit the claim puts on
// their count, and any further Check. The driver, never the Part, decides:
// for every case it builds, verifies each network exactly with the oracle,
// compares Measure with Limit, runs Check, and only then calls See.
//
// # Invariants (fail closed)
//
//   - Holds means every planned case ran to the end and passed: the whole
//     grid and rapid's whole budget, with the deadline not reached.
//   - A panic in Build, Check or See, an error, a network that does not
//     fine-tune, or a count over the limit fails the case: Counterexample,
//     with the case (the shrunk one, for rapid) as a finding that CaseOf
//     rebuilds and Replay reproduces.
//   - The deadline, a build that never returns, or a failure rapid cannot
//     attribute to a case (its generator failed) is Inconclusive with the
//     reason, never Holds.
//   - A case outside the hypotheses (ErrNotApplicable) is counted as skipped,
//     never as passed.
//
// Config.Fault lets the fault suite plant the bugs a reviewer would plant
// by hand (Faults: a panic, a weight off by 2⁻⁴⁰, one neuron fewer, a count
// one above the limit, an error, a build that never returns) into every
// network a Part builds, and so show, for every registered claim at once,
// that none of them becomes Holds.
package drive
