// Package theorem states every claim of the paper (SPEC.md §2) as a checkable
// statement that returns a Result: a Verdict with its evidence and the
// findings a reviewer needs.
//
// Notation follows the paper: K samples x_1..x_K ∈ ℚ^d, the changed set
// T ⊆ [K] with N = |T|, residual targets z_i (0 off T), m hidden ReLU neurons
// (d1 + d2 for 3-layer networks), m*(N, K) the least m that fine-tunes every
// instance, N*(g, K) the fine-tuning capacity.
//
// # Layout
//
// claims.go is the claim table, in paper order: the one place a claim is
// named, with its paper label, statement, method, measured cost, check and,
// for a check that builds networks, the drive.Parts it runs. Each check
// lives in the file of its paper section, so a claim's row leads to its
// check in one hop:
//
//	claims.go, claim.go    the table; Claim, Run, Lookup
//	sec3_definitions.go    D1.1=D3.1, R1
//	sec3_d33.go            D3.3
//	sec4_upper.go          T4.4, T4.1-U (sec4_upper_exact.go: the exact 2-layer m*)
//	sec4_lower.go          T4.1-L
//	sec4_corollary*.go     C4.2, R2 (flat-end and two-peak facts)
//	sec4_lemmas.go         L4.5, D4.3, L4.6, L4.7
//	sec4_remarks.go        R3, R4
//	sec4_gen.go            the 2-layer instance generator and the order along a direction
//	sec5_upper*.go         T5.1-U: the theorem, U1 and U2, U3
//	sec5_lower.go          T5.1-L
//	sec5_corollary.go      C5.2
//	sec5_r5.go             R5
//	sec6_deep.go           P6.1
//	sec7_experiment.go     S7 (the only check that needs package experiment)
//	appendix_a.go          A
//	figures.go             F: the figures' instances and networks (figures_eq.go: the displayed equations)
//	derived_grid.go        the exact (m, N, K) grids of the derived statements
//	witness_common.go      the witness sweeps and piece searches of the lower bounds
//	budget.go              how ranges scale with -checks
//	planted.go             each bound claim's check with its bound off by one
//
// The checks that build networks run on package drive, which fails closed:
// holds means every planned case ran to the end and passed. fault_test.go
// plants drive.Faults into every such claim of the table, and runs every
// other claim's Planted check (planted.go: the claim's own check with its
// stated bound off by one) to show that none of them holds.
//
// A verdict is never computed with floating point: constructions are verified
// by the oracle with exact rationals, and bounds with √ are compared by
// squaring or with exact integer square roots.
package theorem
