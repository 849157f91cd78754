// Package ftcheck is the map from the claims of Sohn, Kwon, An, Lee,
// "Memorization Capacity for Additive Fine-Tuning with Small ReLU Networks"
// (UAI 2024) to the code that checks them. It holds no code; the command is
// cmd/ftcheck.
//
// # Notation
//
// K samples x_1..x_K ∈ ℚ^d, pairwise distinct; a frozen network f and new
// labels y; T = {i : f(x_i) ≠ y_i}, N = |T|; residual targets z_i = y_i − f(x_i)
// (0 off T). A side network g fine-tunes (x, T, z) when g(x_i) = z_i for all i.
// m is the number of hidden ReLU neurons of g (d1 + d2 for 3 layers); m*(N, K)
// is the least m that fine-tunes every instance; N*(g, K) the largest N
// always fine-tuned. Every weight, input and output is rational, and
// "verified" means checked with exact rational arithmetic.
//
// # Packages
//
//	oracle        exact ReLU networks: Eval, Restrict (to a line), Verify, formats
//	instance      the fine-tuning instance (x, T, z)
//	construction  the paper's networks, one file per construction
//	finetune      the smallest verified g for a user's instance; 1-D m* certificates
//	lowerbound    witnesses, exact minimum breakpoints, piece counts, 1-D m*
//	bounds        the paper's bounds in exact arithmetic (a√r + c)
//	theorem       every claim as a check returning a verdict and findings
//	theorem/drive the fail-closed driver of the checks that build networks
//	props         rapid generators and properties of every claim
//	experiment    the Sec. 7 training experiment (float64) and the figures
//	internal      the report renderer, rapid outside go test, exact rank
//
// # Claims
//
// Every claim is a row of theorem/claims.go (the one place a claim is
// named); its check is in the file of its paper section.
//
//	D1.1=D3.1  Def. 1.1, 3.1   theorem/sec3_definitions.go
//	D3.3       Def. 3.3        theorem/sec3_d33.go
//	R1         Remark 1        theorem/sec3_definitions.go
//	T4.1-U     Thm 4.1.1       theorem/sec4_upper.go, sec4_upper_exact.go; construction/twolayer.go
//	T4.1-L     Thm 4.1.2       theorem/sec4_lower.go, witness_common.go; lowerbound/witness.go, breakpoints.go
//	R2         Remark 2        theorem/sec4_corollary.go
//	C4.2       Cor. 4.2        theorem/sec4_corollary.go, sec4_corollary_flatend.go, sec4_corollary_twopeak.go; construction/flatend.go, twopeak.go
//	D4.3       Def. 4.3        theorem/sec4_lemmas.go; construction/partition.go
//	T4.4       Thm 4.4         theorem/sec4_upper.go; construction/twolayer.go
//	R3         Remark 3        theorem/sec4_remarks.go
//	R4         Remark 4        theorem/sec4_remarks.go
//	L4.5       Lemma 4.5       theorem/sec4_lemmas.go; construction/interpolate.go
//	L4.6       Lemma 4.6       theorem/sec4_lemmas.go
//	L4.7       Lemma 4.7       theorem/sec4_lemmas.go
//	T5.1-U     Thm 5.1.1       theorem/sec5_upper.go, sec5_upper_u12.go, sec5_upper_u3.go; construction/u1.go, u2.go, u3.go
//	T5.1-L     Thm 5.1.2       theorem/sec5_lower.go, witness_common.go; lowerbound/pieces.go
//	R5         Remark 5        theorem/sec5_r5.go
//	C5.2       Cor. 5.2        theorem/sec5_corollary.go
//	A          Appendix A      theorem/appendix_a.go; construction/appendixa.go, appendixa_uniform.go
//	P6.1       Prop. 6.1       theorem/sec6_deep.go; construction/deep.go
//	S7         Sec. 7          theorem/sec7_experiment.go; experiment/
//	F          Figures, eqs.   theorem/figures.go, figures_eq.go (Fig. 2–8, 10, the displayed equations)
//	V          beyond (C > 1)  theorem/vector_outputs.go; construction/vector.go (C outputs, one shared hidden layer)
//
// The checks that build networks (T4.4, T4.1-U, L4.5, T5.1-U, A, P6.1,
// D1.1=D3.1, R1) run on one fail-closed driver, theorem/drive.
//
// The activations of Sec. 5.2 and Appendix A (σH, σB, σL, σT) are ReLU
// gadgets in construction/gadget.go, bump.go, sigmal.go, sigmat.go.
package ftcheck
