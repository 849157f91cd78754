// Package bounds states the paper's bounds as exact functions of their
// integer parameters, with no floating point anywhere.
//
// Notation (SPEC.md §1): K samples, N = |T| changed samples, m hidden ReLU
// neurons (d1 + d2 for 3-layer networks), L layers.
//
// The bounds, as the paper writes them (no rounding):
//
//	Thm 4.1 (2-layer)  min{3N, K−2} ≤ m* ≤ min{3N+1, K−1}
//	Thm 5.1 (3-layer)  √(2·min{3N, K−2} + 1/4) − 1/2 ≤ m*
//	                   m* ≤ min{2√K + min{2√K, 3N}, 6√(3N+2)} = min{U1, U2, U3}
//	                   U1 = 4√K, U2 = 2√K + 3N, U3 = 6√(3N+2)
//	Prop 6.1 (L ≥ 4)   width d ≤ 4·min{√(3N/⌊(L−1)/2⌋ + 5), √K} + 2
//	Cor 4.2            K ≥ m+2: ⌊(m−1)/3⌋ ≤ N* ≤ m/3;  K ≤ m+1: N* = K
//	Cor 5.2            K ≤ ⌊m²/16⌋: N* = K
//	                   ⌊m²/16⌋+1 ≤ K < (m²+m+4)/2: ⌊m²/108 − 2/3⌋ ≤ N* ≤ K
//	                   K ≥ (m²+m+4)/2: ⌊m²/108 − 2/3⌋ ≤ N* ≤ (m²+m)/6
//
// Values with a square root are Surds, a·√r + c with rational a, r, c. Every
// comparison between Surds (and between products of two Surds, which is what
// comparing two ratios needs) is decided exactly: the difference is a sum of
// rational multiples of square roots of square-free integers, and its sign is
// found by eliminating one prime at a time, squaring (see sign in radsum.go).
// Floors and ceilings start from math/big's exact integer square root and are
// then corrected by exact comparisons with integers.
//
// The package serves the derived claims C4.2, R2, C5.2, R5 and D3.3 (their
// checks live in theorem/derived*.go) and every construction or report that
// compares a neuron count with the paper's stated bound.
package bounds
