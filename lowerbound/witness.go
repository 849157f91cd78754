package lowerbound

// Witnesses for the lower bounds of Theorems 4.1.2 and 5.1.2 (paper Sec. 4.1,
// reused by Sec. 5.1).
//
// The argument: on the line t ↦ g(t·u) a network has at most P(m) pieces
// (m+1 for a 2-layer net), and a witness instance with x_i = i·u is chosen
// whose every interpolant needs p(K) pieces (eq. 9: 3N+1 if K ≥ 3N+2, K−1
// if N ≤ K < 3N+2), i.e. R = p(K) − 1 = min{3N, K−2} breakpoints.
//
// The paper's families, built exactly as written (1-based i, z_i = 0 off T):
//
//	K ≥ 3N+2: T = {3, 6, …, 3N}, z_i = 2 if 6 | i, −1 if i ≡ 3 (mod 6);
//	K = 2N+1: T = {2, 4, …, 2N}, z_i = 2 if 4 | i, −1 if i ≡ 2 (mod 4).
//
// For other N ≤ K < 3N+2 the paper only asserts that a witness with K−1
// pieces exists. It does not treat K < N (impossible: N ≤ K) and covers
// N < K < 2N+1 and N = K only by that assertion.
//
// The second family is not a witness as written: with turns
// + + − + + − …, consecutive convex turns share a breakpoint (see
// breakpoints.go), so R < K − 2 from N = 2 on (K = 5: R = 2, not 3). The
// claims report this as a proof-step finding.
//
// Our family (ZigzagWitness), for every 0 ≤ N ≤ K: spread the K−N zeros as
// evenly as possible over the N+1 gaps around the changed samples (at most
// two per gap when K ≤ 3N+2; for K ≥ 3N+2 we use the paper's first family),
// and set z_i = 2 for even i, z_i = −1 for odd i on T. Claim: every turn is
// nonzero and consecutive turns alternate, so R = K−2 when K ≤ 3N+2. Proof:
// with unit spacing the turn at i is the sign of D_i = z_{i−1} − 2z_i +
// z_{i+1}, and sign(z_j) = (−1)^j on T. If i ∈ T, its neighbours have the
// opposite parity, so every nonzero term of D_i has sign −(−1)^i. If i ∉ T,
// D_i = z_{i−1} + z_{i+1} and both neighbours have parity opposite to i; at
// least one is in T (no three consecutive zeros), so again sign −(−1)^i.
// Hence sign D_i = −(−1)^i ≠ 0 alternates, no two consecutive turns share a
// sign, and the scan charges every turn: R = K−2. For K ≥ 3N+2 the paper's
// first family has runs of zeros only at the end beyond two, the same
// alternation holds up to i = 3N+1 and R = 3N (each changed sample costs
// three turns; the tests check both by the scan).

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/instance"
)

// WitnessError reports a witness request outside the claim's range.
type WitnessError struct {
	Claim string
	N, K  int
	Msg   string
}

func (e *WitnessError) Error() string {
	return fmt.Sprintf("witness %s N=%d K=%d: %s", e.Claim, e.N, e.K, e.Msg)
}

// NeededBreakpoints is p(K) − 1 of eq. 9: min{3N, K−2}, the breakpoints a
// witness must force for the argument of Sec. 4.1.
func NeededBreakpoints(N, K int) int {
	return min(3*N, K-2)
}

func checkNK(claim string, N, K int) error {
	switch {
	case K < 3:
		return &WitnessError{claim, N, K, "the theorem assumes K ≥ 3"}
	case N < 0 || N > K:
		return &WitnessError{claim, N, K, "need 0 ≤ N ≤ K"}
	}
	return nil
}

// PaperWitness returns the paper's witness exactly as written (x_i = i, 1-D),
// for K ≥ 3N+2 or K = 2N+1; other (N, K) give a *WitnessError.
func PaperWitness(N, K int) (*instance.Instance, error) {
	if err := checkNK("paper", N, K); err != nil {
		return nil, err
	}
	z := make([]int64, K)
	switch {
	case K >= 3*N+2:
		for i := 3; i <= 3*N; i += 3 {
			z[i-1] = map[bool]int64{true: 2, false: -1}[i%6 == 0]
		}
	case K == 2*N+1:
		for i := 2; i <= 2*N; i += 2 {
			z[i-1] = map[bool]int64{true: 2, false: -1}[i%4 == 0]
		}
	default:
		return nil, &WitnessError{"paper", N, K, "the paper gives no explicit witness (only K ≥ 3N+2 and K = 2N+1)"}
	}
	return onUnitGrid(z), nil
}

// ZigzagWitness returns our witness for any 0 ≤ N ≤ K, K ≥ 3: R =
// min{3N, K−2} (proof in the file comment).
func ZigzagWitness(N, K int) (*instance.Instance, error) {
	if err := checkNK("zigzag", N, K); err != nil {
		return nil, err
	}
	if K >= 3*N+2 {
		return PaperWitness(N, K)
	}
	zeros, gaps := K-N, N+1
	z := make([]int64, 0, K)
	for g := 0; g < gaps; g++ {
		run := zeros / gaps
		if g < zeros%gaps {
			run++
		}
		for ; run > 0; run-- {
			z = append(z, 0)
		}
		if g < N {
			i := len(z) + 1 // 1-based index of the changed sample
			z = append(z, map[bool]int64{true: 2, false: -1}[i%2 == 0])
		}
	}
	return onUnitGrid(z), nil
}

// Witness returns the witness the harness uses for a lower-bound claim
// (T4.1-L or T5.1-L; Sec. 5.1 reuses the witnesses of Sec. 4.1): the
// paper's where it gives one and it is sound (K ≥ 3N+2), ZigzagWitness
// otherwise, including K = 2N+1 where the paper's own witness forces too
// few breakpoints for N ≥ 2 (use PaperWitness for the paper's as written).
func Witness(claim string, N, K int) (*instance.Instance, error) {
	if claim != "T4.1-L" && claim != "T5.1-L" {
		return nil, &WitnessError{claim, N, K, "no witness: the lower-bound claims are T4.1-L and T5.1-L"}
	}
	if err := checkNK(claim, N, K); err != nil {
		return nil, err
	}
	return ZigzagWitness(N, K)
}

// WitnessSource names where Witness(claim, N, K) comes from.
func WitnessSource(N, K int) string {
	switch {
	case K >= 3*N+2:
		return "paper Sec. 4.1, K ≥ 3N+2"
	case K == 2*N+1:
		return "zigzag (ours; the paper's K = 2N+1 witness is unsound for N ≥ 2)"
	}
	return "zigzag (ours; the paper asserts one exists)"
}

// onUnitGrid is the 1-D instance x_i = i (u = e_1, d = 1).
func onUnitGrid(z []int64) *instance.Instance {
	t := make([]*big.Rat, len(z))
	v := make([]*big.Rat, len(z))
	for i := range z {
		t[i] = big.NewRat(int64(i+1), 1)
		v[i] = big.NewRat(z[i], 1)
	}
	return instance.OnLine(t, v)
}

// InDimension returns the instance x_i = i·u in dimension len(u) (u ≠ 0):
// the same witness on another line; g ↦ g(t·u) maps nets on ℚ^d to nets on
// the line, so the argument is unchanged.
func InDimension(in *instance.Instance, u []*big.Rat) *instance.Instance {
	X := make([][]*big.Rat, in.K())
	for i := range X {
		X[i] = make([]*big.Rat, len(u))
		for j := range u {
			X[i][j] = new(big.Rat).Mul(in.X[i][0], u[j])
		}
	}
	return &instance.Instance{X: X, Z: in.Z}
}

// InstanceBreakpoints is R of a 1-D instance (x_i, z_i).
func InstanceBreakpoints(in *instance.Instance) (int, error) {
	if err := in.Validate(); err != nil {
		return 0, err
	}
	if in.Dim() != 1 {
		return 0, &DataError{0, fmt.Sprintf("instance has dimension %d; R is for 1-D data", in.Dim())}
	}
	t := make([]*big.Rat, in.K())
	for i := range t {
		t[i] = in.X[i][0]
	}
	return MinBreakpoints(t, in.Z)
}
