package construction

import (
	"math/big"
	"math/rand"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/internal/ratlin"
)

// uniformCases are every T ⊆ [K], K = 3..8, on x_i = i with targets ±i/K,
// and 100 random instances (d = 1..4, T random, at the ends or adjacent,
// targets inside and outside [−1, 1]).
func uniformCases() []*instance.Instance {
	var ins []*instance.Instance
	for K := 3; K <= 8; K++ {
		for mask := 0; mask < 1<<K; mask++ {
			z := make([]*big.Rat, K)
			for i := range z {
				z[i] = new(big.Rat)
				if mask>>i&1 == 1 {
					z[i].SetFrac64(int64((2*(i%2)-1)*(i+1)), int64(K))
				}
			}
			ins = append(ins, onLine3(z...))
		}
	}
	r := rand.New(rand.NewSource(4))
	for range 100 {
		K, d := 3+r.Intn(30), 1+r.Intn(4)
		ins = append(ins, randInstance(r, K, d, randT(r, K), int64(1+r.Intn(3))))
	}
	return ins
}

// TestAppendixAUniformFits: on uniformCases the uniform network fine-tunes
// with 4N+4 ReLUs (oracle); its layer 2 is one weight W on every window and
// b2 = −κW; and its system, from the windows' actual outputs, has κ_j = κ on
// the stretches, rank 2N+1, ν > 0 with Kν = 0, and K[W2; b2] = z_S.
func TestAppendixAUniformFits(t *testing.T) {
	for _, in := range uniformCases() {
		b, err := AppendixAUniform(in)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkA(in, b); err != nil {
			t.Fatalf("K=%d T=%v: %v", in.K(), in.T(), err)
		}
		s, err := AppendixAUniformSystem(in)
		if err != nil {
			t.Fatal(err)
		}
		G := len(s.Matrix)
		kappa := s.Matrix[0][0]
		W := s.Mu[0]
		if s.Lambda.Sign() != 0 || s.Mu[G].Cmp(new(big.Rat).Neg(new(big.Rat).Mul(kappa, W))) != 0 {
			t.Fatalf("K=%d T=%v: λ = %s, b2 = %s, want 0 and −κW = −(%s)(%s)", in.K(), in.T(), s.Lambda, s.Mu[G], kappa, W)
		}
		for j, row := range s.Matrix {
			if s.Mu[j].Cmp(W) != 0 || j%2 == 0 && row[j].Cmp(kappa) != 0 || s.Nu[j].Sign() <= 0 {
				t.Fatalf("K=%d T=%v row %d: W2_j = %s, κ_j = %s, ν_j = %s; want W = %s, κ = %s on stretches, ν_j > 0", in.K(), in.T(), j+1, s.Mu[j], row[j], s.Nu[j], W, kappa)
			}
			if dot(row, s.Nu).Sign() != 0 || dot(row, s.Mu).Cmp(s.Targets[j]) != 0 {
				t.Fatalf("K=%d T=%v row %d: Kν = %s, K[W2; b2] = %s, want 0, %s", in.K(), in.T(), j+1, dot(row, s.Nu), dot(row, s.Mu), s.Targets[j])
			}
		}
		if ratlin.Rank(s.Matrix) != G {
			t.Fatalf("K=%d T=%v: rank %d, want %d", in.K(), in.T(), ratlin.Rank(s.Matrix), G)
		}
	}
}

// TestAppendixAUniformWindows: on uniformCases every window has (P1)–(P2)
// of appendixa_uniform.go: its group strictly inside, the groups before it
// clipped to −s_j and after it to +s_j, so the windows differ from eq.
// 28–29 only within what the proof allows.
func TestAppendixAUniformWindows(t *testing.T) {
	for _, in := range uniformCases() {
		p, err := project(in)
		if err != nil {
			t.Fatal(err)
		}
		groups, _ := appendixGroups(p)
		ws, _, _, err := uniformLayout(groups, big.NewRat(1, 1), Tamper{})
		if err != nil {
			t.Fatal(err)
		}
		for j, w := range ws {
			if w.L.Cmp(w.R) >= 0 || w.Sign != altSign(j) {
				t.Fatalf("window %d: [%s, %s] sign %d", j+1, w.L, w.R, w.Sign)
			}
			for k, g := range groups {
				for _, c := range g.c {
					a := w.Pre(c)
					inside := a.Cmp(big.NewRat(-1, 1)) > 0 && a.Cmp(big.NewRat(1, 1)) < 0
					side := big.NewRat(int64(w.Sign), 1)
					if k < j {
						side.Neg(side)
					}
					if k == j && !inside || k != j && (new(big.Rat).Abs(a).Cmp(big.NewRat(1, 1)) <= 0 || w.Out(c).Cmp(side) != 0) {
						t.Fatalf("K=%d T=%v window %d [%s, %s]: group %d's point %s at α¹ = %s", in.K(), in.T(), j+1, w.L, w.R, k+1, c, a)
					}
				}
			}
		}
	}
}

// TestAppendixAUniformSmallWeights: where the paper-literal weights grow
// with K (targets with distinct large denominators, summed along the
// windows), the uniform weights stay at one target's size: 100 changed
// samples with z = 1/(p_i), p_i distinct 40-bit numbers, on x_i = i.
func TestAppendixAUniformSmallWeights(t *testing.T) {
	K := 200
	z := make([]*big.Rat, K)
	for i := range z {
		z[i] = new(big.Rat)
		if i%2 == 1 {
			z[i].SetFrac(big.NewInt(1), big.NewInt(int64(1)<<40+int64(i)))
		}
	}
	in := onLine3(z...)
	a, err := AppendixA(in)
	if err != nil {
		t.Fatal(err)
	}
	u, err := AppendixAUniform(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkA(in, u); err != nil {
		t.Fatal(err)
	}
	if pa, pu := a.Net.BitSize(), u.Net.BitSize(); pu > 200 || pa < 2000 {
		t.Fatalf("largest weight: paper %d bits, uniform %d bits; want ≥ 2000 and ≤ 200", pa, pu)
	}
}

// TestAppendixAUniformPlantedBugsCaught: the planted bugs of plantedA (λ,
// here W, = 0; a window off by one group; σT one ReLU short), a window
// moved past its neighbour group, and W one below its least value make the
// oracle or the count reject some small instance.
func TestAppendixAUniformPlantedBugsCaught(t *testing.T) {
	bugs := map[string]Tamper{
		"window past its neighbour": {Windows: func(ws []Window) {
			if len(ws) > 2 { // stretch 3's left end onto the singleton before it
				ws[2].L = new(big.Rat).Sub(ws[1].L, big.NewRat(1, 1000))
			}
		}},
		"W too small": {Lambda: func(W *big.Rat) *big.Rat { return new(big.Rat).Quo(W, big.NewRat(3, 1)) }},
	}
	for name, tp := range plantedA {
		bugs[name] = tp
	}
	for name, tp := range bugs {
		r := rand.New(rand.NewSource(6))
		caught := false
		for trial := 0; trial < 200 && !caught; trial++ {
			K := 3 + r.Intn(8)
			in := randInstance(r, K, 1, randT(r, K), 1)
			b, err := AppendixAUniformWith(in, tp)
			caught = err != nil || checkA(in, b) != nil
		}
		if !caught {
			t.Errorf("planted bug %q not caught", name)
		}
	}
}
