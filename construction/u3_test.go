package construction

import (
	"fmt"
	"math/big"
	"math/rand"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
)

// keptSize is |J| counted directly from the definition (eq. 14) on the
// sorted line: a sample is kept if it is changed or if one of its
// neighbours along the line is changed or missing (a block end point).
func keptSize(in *instance.Instance) int {
	p, err := project(in)
	if err != nil {
		panic(err)
	}
	n := 0
	for i := range p.z {
		changed := func(k int) bool { return k < 0 || k >= len(p.z) || p.z[k].Sign() != 0 }
		if changed(i) || changed(i-1) || changed(i+1) {
			n++
		}
	}
	return n
}

// checkU3 verifies b with the oracle and compares its widths with 2M, 4G.
func checkU3(in *instance.Instance, b *Built, M, G int) error {
	if _, err := in.Verify(b.Net); err != nil {
		return err
	}
	if fmt.Sprint(b.Widths) != fmt.Sprint([]int{2 * M, 4 * G}) {
		return fmt.Errorf("widths %v, want [%d %d]", b.Widths, 2*M, 4*G)
	}
	return nil
}

// TestU3Fits: U3 fitted on J fine-tunes random instances (d = 1..4, T
// random, at the ends or adjacent, targets inside and outside [−1, 1]) with
// 2⌈√|J|⌉ + 4⌈|J|/⌈√|J|⌉⌉ ReLUs, and |J| ≤ min{3N+2, K} (Lemma 4.7).
func TestU3Fits(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for trial := 0; trial < 200; trial++ {
		K, d := 3+r.Intn(40), 1+r.Intn(4)
		in := randInstance(r, K, d, randT(r, K), int64(1+r.Intn(3)))
		b, err := U3(in)
		if err != nil {
			t.Fatal(err)
		}
		n := keptSize(in)
		if n > min(3*in.N()+2, K) {
			t.Fatalf("|J| = %d > min(3N+2, K) = %d", n, min(3*in.N()+2, K))
		}
		M, G := U3Shape(n)
		if err := checkU3(in, b, M, G); err != nil {
			t.Fatalf("trial %d (K=%d d=%d T=%v): %v", trial, K, d, in.T(), err)
		}
	}
}

// TestU3OnTFits: beyond the paper, fitting on T alone (cheapest shape)
// also fine-tunes, with n = N.
func TestU3OnTFits(t *testing.T) {
	r := rand.New(rand.NewSource(30))
	for trial := 0; trial < 200; trial++ {
		K, d := 3+r.Intn(40), 1+r.Intn(4)
		in := randInstance(r, K, d, randT(r, K), int64(1+r.Intn(3)))
		b, err := U3With(in, U3Options{OnT: true, Shape: CheapestShape})
		if err != nil {
			t.Fatal(err)
		}
		if in.N() == 0 {
			if _, err := in.Verify(b.Net); err != nil || b.Neurons != 0 {
				t.Fatalf("N = 0: %v, %d neurons", err, b.Neurons)
			}
			continue
		}
		M, G := CheapestShape(in.N())
		if err := checkU3(in, b, M, G); err != nil {
			t.Fatalf("trial %d (K=%d d=%d T=%v): %v", trial, K, d, in.T(), err)
		}
	}
}

// TestShapes: U3Shape and CheapestShape against brute force over all
// (M, G) with M·G ≥ n: both cover n, U3Shape has M = ⌈√n⌉ and the least G,
// CheapestShape attains the least 2M + 4G.
func TestShapes(t *testing.T) {
	for n := 1; n <= 2000; n++ {
		best, root := -1, 0
		for root*root < n {
			root++
		}
		for M := 1; M <= n; M++ {
			G := (n + M - 1) / M
			if c := 2*M + 4*G; best < 0 || c < best {
				best = c
			}
		}
		M, G := U3Shape(n)
		if M != root || M*G < n || M*(G-1) >= n {
			t.Fatalf("n=%d: U3Shape (%d, %d)", n, M, G)
		}
		M, G = CheapestShape(n)
		if M*G < n || 2*M+4*G != best {
			t.Fatalf("n=%d: CheapestShape (%d, %d) costs %d, least is %d", n, M, G, 2*M+4*G, best)
		}
	}
}

// plantedU3 are U3's planted bugs: λ = 0, window 1 over group 2, σL one ReLU
// short.
var plantedU3 = map[string]Tamper{
	"λ = 0": {Lambda: func(*big.Rat) *big.Rat { return new(big.Rat) }},
	"window off by one": {Windows: func(ws []Window) {
		if len(ws) > 2 {
			ws[0].R = ws[1].R
		}
	}},
	"σL one ReLU short": {Gadget: func() *Gadget {
		g := SigmaL(big.NewRat(1, 1))
		g.Alpha, g.Beta, g.Gamma = g.Alpha[:3], g.Beta[:3], g.Gamma[:3]
		return &g
	}()},
}

// TestU3PlantedBugsCaught: every planted bug is rejected on some instance.
func TestU3PlantedBugsCaught(t *testing.T) {
	for name, tp := range plantedU3 {
		r := rand.New(rand.NewSource(7))
		caught := false
		for trial := 0; trial < 300 && !caught; trial++ {
			K := 3 + r.Intn(20)
			in := randInstance(r, K, 1, randT(r, K), 1)
			b, err := U3With(in, U3Options{Tamper: tp})
			if err != nil {
				caught = true
				continue
			}
			M, G := U3Shape(keptSize(in))
			caught = checkU3(in, b, M, G) != nil
		}
		if !caught {
			t.Errorf("planted bug %q not caught", name)
		}
	}
}
