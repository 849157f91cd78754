// Package theorem states every claim of the paper (SPEC.md §2) as a checkable
// statement that returns a Result: a Verdict with its evidence and the
// findings a reviewer needs.
//
// Notation follows the paper: K samples x_1..x_K ∈ ℚ^d, the changed set
// T ⊆ [K] with N = |T|, residual targets z_i (0 off T), m hidden ReLU neurons
// (d1 + d2 for 3-layer networks), m*(N, K) the least m that fine-tunes every
// instance, N*(g, K) the fine-tuning capacity.
//
// Claims register themselves (Register, from an init function in the file
// that implements the check), keyed by the paper's ID. Claims lists every ID
// of the SPEC in paper order; an ID with no registered check is reported as
// "not checked", never omitted.
//
// A verdict is never computed with floating point: constructions are verified
// by the oracle with exact rationals, and bounds with √ are compared by
// squaring or with exact integer square roots.
package theorem
