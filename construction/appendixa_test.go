package construction

import (
	"errors"
	"fmt"
	"github.com/ftcheck/ftcheck/internal/ratlin"
	"math/big"
	"math/rand"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// randInstance is a K-point instance in ℚ^d (small rational coordinates,
// pairwise distinct) with the changed set T (0-based rows) and targets
// ±p/q (q ≤ 5) times scale.
func randInstance(r *rand.Rand, K, d int, T []int, scale int64) *instance.Instance {
	in := &instance.Instance{}
	seen := map[string]bool{}
	for len(in.X) < K {
		x := make([]*big.Rat, d)
		key := ""
		for k := range x {
			x[k] = big.NewRat(int64(r.Intn(41)-20), int64(1+r.Intn(3)))
			key += x[k].RatString() + ","
		}
		if !seen[key] {
			seen[key] = true
			in.X = append(in.X, x)
			in.Z = append(in.Z, new(big.Rat))
		}
	}
	for _, i := range T {
		q := int64(1 + r.Intn(5))
		p := int64(1 + r.Intn(int(q)))
		if r.Intn(2) == 0 {
			p = -p
		}
		in.Z[i] = big.NewRat(p*scale, q)
	}
	return in
}

// randT draws T ⊆ {0..K−1}: random, a prefix+suffix (T at the ends), or a
// run of adjacent samples.
func randT(r *rand.Rand, K int) []int {
	var T []int
	switch r.Intn(3) {
	case 0:
		for i := 0; i < K; i++ {
			if r.Intn(3) == 0 {
				T = append(T, i)
			}
		}
	case 1:
		pre, suf := r.Intn(K+1), r.Intn(K+1)
		for i := 0; i < K; i++ {
			if i < pre || i >= K-suf {
				T = append(T, i)
			}
		}
	default:
		lo := r.Intn(K)
		for i := lo; i < min(K, lo+1+r.Intn(K)); i++ {
			T = append(T, i)
		}
	}
	return T
}

// onLine3 is x_i = i (1-based) with targets z.
func onLine3(z ...*big.Rat) *instance.Instance {
	t := make([]*big.Rat, len(z))
	for i := range t {
		t[i] = big.NewRat(int64(i+1), 1)
	}
	return instance.OnLine(t, z)
}

// checkA verifies b with the oracle and compares its count with 4N+4.
func checkA(in *instance.Instance, b *Built) error {
	if _, err := in.Verify(b.Net); err != nil {
		return err
	}
	N := in.N()
	if b.Neurons != 4*N+4 || fmt.Sprint(b.Widths) != fmt.Sprint([]int{4*N + 2, 2}) {
		return fmt.Errorf("N = %d: widths %v, want [%d 2]", N, b.Widths, 4*N+2)
	}
	return nil
}

// TestAppendixAFits: Appendix A's network fine-tunes random instances
// (d = 1..4, T random, at the ends or adjacent, targets inside and outside
// [−1, 1]) with exactly 4N+4 ReLUs, verified by the oracle.
func TestAppendixAFits(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	for trial := 0; trial < 300; trial++ {
		K, d := 3+r.Intn(30), 1+r.Intn(4)
		in := randInstance(r, K, d, randT(r, K), int64(1+r.Intn(3)))
		b, err := AppendixA(in)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkA(in, b); err != nil {
			t.Fatalf("trial %d (K=%d d=%d T=%v): %v", trial, K, d, in.T(), err)
		}
	}
}

// TestAppendixAEveryT: exhaustively over every T ⊆ [K], K = 3..8, on
// x_i = i with targets ±i/K, the network fine-tunes with 4N+4 ReLUs.
func TestAppendixAEveryT(t *testing.T) {
	for K := 3; K <= 8; K++ {
		for mask := 0; mask < 1<<K; mask++ {
			z := make([]*big.Rat, K)
			for i := range z {
				z[i] = new(big.Rat)
				if mask>>i&1 == 1 {
					z[i].SetFrac64(int64((2*(i%2)-1)*(i+1)), int64(K))
				}
			}
			in := onLine3(z...)
			b, err := AppendixA(in)
			if err != nil {
				t.Fatal(err)
			}
			if err := checkA(in, b); err != nil {
				t.Fatalf("K=%d T=%v: %v", K, in.T(), err)
			}
		}
	}
}

// TestAppendixAScale: targets beyond [−1, 1] are divided by max|z| and the
// output layer multiplies back; Built.Scale and Built.Notes record it (A and U3).
func TestAppendixAScale(t *testing.T) {
	in := onLine3(big.NewRat(0, 1), big.NewRat(-7, 2), big.NewRat(0, 1), big.NewRat(3, 1))
	b, err := AppendixA(in)
	if err != nil {
		t.Fatal(err)
	}
	if b.Scale.Cmp(big.NewRat(7, 2)) != 0 {
		t.Fatalf("scale %s, want 7/2", b.Scale)
	}
	if err := checkA(in, b); err != nil {
		t.Fatal(err)
	}
	u, err := U3(in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := in.Verify(u.Net); err != nil || u.Scale.Cmp(big.NewRat(7, 2)) != 0 {
		t.Fatalf("U3: %v, scale %s", err, u.Scale)
	}
	for _, built := range []*Built{b, u} {
		if !strings.Contains(strings.Join(built.Notes, "\n"), "max|z_i| = 7/2") {
			t.Fatalf("%s: notes do not record the rescaling: %q", built.Name, built.Notes)
		}
	}
}

// TestAppendixABadInput: duplicates, K < 3, ragged rows and nil give typed
// errors, never a panic.
func TestAppendixABadInput(t *testing.T) {
	dup := onLine3(oracle.Rats(0, 1, 0, 0)...)
	dup.X[3][0].SetInt64(2)
	var de *oracle.DuplicatePointError
	if _, err := AppendixA(dup); !errors.As(err, &de) || de.I+de.J != 2+4 {
		t.Fatalf("duplicate rows 2 and 4: got %v", err)
	}
	var se *SmallKError
	if _, err := AppendixA(onLine3(oracle.Rats(1, 0)...)); !errors.As(err, &se) {
		t.Fatalf("K = 2: got %v", err)
	}
	ragged := onLine3(oracle.Rats(1, 0, 0)...)
	ragged.X[1] = oracle.Rats(1, 2)
	if _, err := AppendixA(ragged); err == nil {
		t.Fatal("ragged rows accepted")
	}
	if _, err := AppendixA(nil); err == nil {
		t.Fatal("nil instance accepted")
	}
	if _, err := U3(dup); !errors.As(err, &de) {
		t.Fatalf("U3, duplicate rows: got %v", err)
	}
}

// TestLayer2SystemEq33: for Appendix A's groups, the matrix of eq. 34 built
// from the windows' actual outputs at the selected points has rank 2N+1;
// the closed-form ν is in its null space and positive in the first 2N+1
// entries; μ solves eq. 33; and w = μ + λν meets every lower bound asked.
func TestLayer2SystemEq33(t *testing.T) {
	r := rand.New(rand.NewSource(33))
	for trial := 0; trial < 80; trial++ {
		K := 3 + r.Intn(12)
		in := randInstance(r, K, 1+r.Intn(2), randT(r, K), 1)
		p, err := project(in)
		if err != nil {
			t.Fatal(err)
		}
		groups, _ := appendixGroups(p)
		lo, hi := make([]*big.Rat, len(groups)), make([]*big.Rat, len(groups))
		for j, g := range groups {
			lo[j], hi[j] = g.c[0], g.c[len(g.c)-1]
		}
		ws := GroupWindows(lo, hi, big.NewRat(1, 1))
		Kmat, kappa, tau, need := make([][]*big.Rat, len(ws)), make([]*big.Rat, len(ws)), make([]*big.Rat, len(ws)), make([]*big.Rat, len(ws))
		for j, g := range groups {
			for _, w := range ws {
				Kmat[j] = append(Kmat[j], w.Out(g.c[0]))
			}
			Kmat[j] = append(Kmat[j], big.NewRat(1, 1))
			kappa[j], tau[j] = ws[j].Pre(g.c[0]), g.z
			need[j] = big.NewRat(int64(r.Intn(50)), int64(1+r.Intn(3)))
		}
		sys, err := solveLayer2(kappa, tau, need, Tamper{})
		if err != nil {
			t.Fatal(err)
		}
		if got := ratlin.Rank(Kmat); got != len(ws) {
			t.Fatalf("rank %d, want %d", got, len(ws))
		}
		sol := append(append([]*big.Rat{}, sys.w...), sys.b)
		for j, row := range Kmat {
			if dot(row, sys.nu).Sign() != 0 || dot(row, sys.mu).Cmp(tau[j]) != 0 || dot(row, sol).Cmp(tau[j]) != 0 {
				t.Fatalf("row %d: Kν = %s, Kμ = %s, K[w;b] = %s, want 0, %s, %s", j+1, dot(row, sys.nu), dot(row, sys.mu), dot(row, sol), tau[j], tau[j])
			}
			if sys.nu[j].Sign() <= 0 || sys.w[j].Cmp(need[j]) < 0 {
				t.Fatalf("ν_%d = %s, w_%d = %s < %s", j+1, sys.nu[j], j+1, sys.w[j], need[j])
			}
		}
	}
}

func dot(a, b []*big.Rat) *big.Rat {
	s := new(big.Rat)
	for i := range a {
		s.Add(s, new(big.Rat).Mul(a[i], b[i]))
	}
	return s
}

// plantedA are the planted bugs of the issue: λ = 0 (no null-space scaling),
// window 1 stretched over group 2 (off by one group), σT one ReLU short.
var plantedA = map[string]Tamper{
	"λ = 0": {Lambda: func(*big.Rat) *big.Rat { return new(big.Rat) }},
	"window off by one": {Windows: func(ws []Window) {
		if len(ws) > 2 {
			ws[0].R = ws[1].R
		}
	}},
	"σT one ReLU short": {Gadget: func() *Gadget {
		g := SigmaT(big.NewRat(1, 1))
		g.Alpha, g.Beta, g.Gamma = g.Alpha[:1], g.Beta[:1], g.Gamma[:1]
		return &g
	}()},
}

// TestAppendixAPlantedBugsCaught: every planted bug makes the oracle (or the
// count) reject some small instance: the exact check can fail.
func TestAppendixAPlantedBugsCaught(t *testing.T) {
	for name, tp := range plantedA {
		r := rand.New(rand.NewSource(6))
		caught := false
		for trial := 0; trial < 200 && !caught; trial++ {
			K := 3 + r.Intn(8)
			in := randInstance(r, K, 1, randT(r, K), 1)
			b, err := AppendixAWith(in, tp)
			caught = err != nil || checkA(in, b) != nil
		}
		if !caught {
			t.Errorf("planted bug %q not caught", name)
		}
	}
}
