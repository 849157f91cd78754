package construction

import (
	"math/big"
	"math/rand"
	"testing"
)

// TestBumpSolverMatchesSolve: U2's closed-form unit solve gives exactly the
// weights and bias of yunLine.solve(k, 1 − e_j) for every group j and rank
// k, on random instances (d = 1..3, K = 3..60), with and without the
// λ = 0 fault.
func TestBumpSolverMatchesSolve(t *testing.T) {
	r := rand.New(rand.NewSource(12))
	for trial := 0; trial < 40; trial++ {
		K, d := 3+r.Intn(58), 1+r.Intn(3)
		in := randInstance(r, K, d, randT(r, K), 1)
		m, G := yunShape(K)
		l, err := newYunLine(in, m, G)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []Fault{{}, {LambdaZero: true}} {
			bs := bumpSolvers{l: l, f: f, byRank: map[int]*bumpSolver{}}
			for j := range m {
				for k := range G {
					tau := make([]*big.Rat, m)
					for q := range tau {
						tau[q] = big.NewRat(1, 1)
					}
					tau[j] = new(big.Rat)
					w0, b0 := l.solve(k, tau, f)
					w1, b1 := bs.solve(j, k)
					for q := range w0 {
						if w0[q].Cmp(w1[q]) != 0 {
							t.Fatalf("K=%d j=%d k=%d: w_%d = %s, want %s", K, j, k, q, w1[q], w0[q])
						}
					}
					if b0.Cmp(b1) != 0 {
						t.Fatalf("K=%d j=%d k=%d: β = %s, want %s", K, j, k, b1, b0)
					}
				}
			}
		}
	}
}
