package construction

import (
	"math/big"
	"math/rand"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/props"
	"pgregory.net/rapid"
)

// panicMessage runs f and returns what it panicked with ("" if it did not).
func panicMessage(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = "panic: " + strings.TrimSpace(strings.ReplaceAll(fmtAny(r), "\n", " "))
		}
	}()
	f()
	return ""
}

func fmtAny(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case error:
		return v.Error()
	}
	return "?"
}

// TestSolveLayer2RejectsBoundaryKappa: a selected point exactly at a window
// end (κ = ±1) is outside the open window, and the system of eq. 34 is then
// refused: the difference rows need s_j − κ_j ≠ 0.
func TestSolveLayer2RejectsBoundaryKappa(t *testing.T) {
	for _, k := range []int64{-1, 1} {
		kappa := []*big.Rat{big.NewRat(k, 1), big.NewRat(1, 2), new(big.Rat)}
		tau := oracle.Rats(0, 1, 0)
		if _, err := solveLayer2(kappa, tau, make([]*big.Rat, 3), Tamper{}); err == nil {
			t.Errorf("κ_1 = %d accepted", k)
		}
		kappa[0], kappa[2] = new(big.Rat), big.NewRat(k, 1)
		if _, err := solveLayer2(kappa, tau, make([]*big.Rat, 3), Tamper{}); err == nil {
			t.Errorf("κ_3 = %d accepted", k)
		}
	}
}

// TestAppendixLayer2RejectsFlatGroup: a group whose first two points do not
// increase in their window (equal positions) has no gap g_j > 0 to scale λ
// by; it is an error, not a division by zero.
func TestAppendixLayer2RejectsFlatGroup(t *testing.T) {
	groups := []aGroup{{c: oracle.Rats(1, 1), z: new(big.Rat)}, {c: oracle.Rats(3), z: big.NewRat(1, 2)}, {c: oracle.Rats(5, 6), z: new(big.Rat)}}
	ws := GroupWindows(oracle.Rats(1, 3, 5), oracle.Rats(1, 3, 6), big.NewRat(1, 1))
	var err error
	if msg := panicMessage(func() { _, err = appendixLayer2(groups, ws, big.NewRat(1, 1), Tamper{}) }); msg != "" {
		t.Fatalf("flat group: %s", msg)
	}
	if err == nil || !strings.Contains(err.Error(), "window 1") {
		t.Fatalf("flat group: got %v, want an error naming window 1", err)
	}
}

// TestGadgetPanicsNamePackage: a non-positive half-width or ramp is
// programmer misuse and panics with the package prefix (not a bare
// division by zero).
func TestGadgetPanicsNamePackage(t *testing.T) {
	zero, one := new(big.Rat), big.NewRat(1, 1)
	for name, f := range map[string]func(){
		"Bump":   func() { Bump(zero, zero, one) },
		"SigmaL": func() { SigmaL(zero) },
		"SigmaT": func() { SigmaT(zero) },
	} {
		if msg := panicMessage(f); !strings.Contains(msg, "construction: "+name) {
			t.Errorf("%s(δ = 0): %q, want a panic naming construction: %s", name, msg, name)
		}
	}
}

// TestGadgetDropLastIsOneShort: the planted "one ReLU fewer" gadget has
// exactly one ReLU less than the gadget it comes from, and keeps the rest.
func TestGadgetDropLastIsOneShort(t *testing.T) {
	for _, g := range []Gadget{HardTanh, Bump(big.NewRat(1, 2), big.NewRat(1, 3), big.NewRat(-2, 1)), SigmaL(big.NewRat(1, 2))} {
		d := gadgetDropLast(g)
		if d.Cost() != g.Cost()-1 || len(d.Beta) != g.Cost()-1 || len(d.Gamma) != g.Cost()-1 {
			t.Fatalf("%s: %d ReLUs after dropping one of %d", g.Name, d.Cost(), g.Cost())
		}
		for j := range d.Alpha {
			if d.Alpha[j].Cmp(g.Alpha[j]) != 0 || d.Beta[j].Cmp(g.Beta[j]) != 0 || d.Gamma[j].Cmp(g.Gamma[j]) != 0 {
				t.Fatalf("%s: ReLU %d changed", g.Name, j+1)
			}
		}
	}
}

// TestInterpolationErrorText: errors without positions read
// "interpolation: …", errors with positions name both 1-based points.
func TestInterpolationErrorText(t *testing.T) {
	_, err := Interpolate(oracle.Rats(1), oracle.Rats(0))
	if err == nil || !strings.HasPrefix(err.Error(), "interpolation: ") {
		t.Fatalf("one point: %v", err)
	}
	_, err = Interpolate(oracle.Rats(2, 1), oracle.Rats(0, 0))
	if err == nil || !strings.HasPrefix(err.Error(), "interpolation points 1 and 2: ") {
		t.Fatalf("decreasing: %v", err)
	}
}

// TestDimensionErrorText: a direction of the wrong length is named as the
// direction (Row 0), a ragged sample by its 1-based row.
func TestDimensionErrorText(t *testing.T) {
	in := onLine3(oracle.Rats(0, 1, 0)...)
	_, err := PlanAlong(in, oracle.Rats(1, 2))
	if err == nil || err.Error() != "direction a has 2 coordinates, the samples have 1" {
		t.Fatalf("direction of length 2: %v", err)
	}
	_, err = Separate([][]*big.Rat{oracle.Rats(1, 2), oracle.Rats(3)})
	if err == nil || err.Error() != "row 2 has 1 coordinates, row 1 has 2" {
		t.Fatalf("ragged row 2: %v", err)
	}
}

// TestLexEpsilon: ε = δ/(D + 2δ) with δ the least positive gap between two
// values of one coordinate and D the largest spread of a coordinate,
// computed over all pairs. By hand: coordinates {−2, 1, −1} (gaps 1, 2,
// spread 3) and {1, 3/2, 6} (gaps 1/2, 9/2, spread 5): δ = 1/2, D = 5,
// ε = (1/2)/6 = 1/12.
func TestLexEpsilon(t *testing.T) {
	X := [][]*big.Rat{{big.NewRat(-2, 1), big.NewRat(1, 1)}, {big.NewRat(1, 1), big.NewRat(3, 2)}, {big.NewRat(-1, 1), big.NewRat(6, 1)}}
	if got := lexEpsilon(X); got.Cmp(big.NewRat(1, 12)) != 0 {
		t.Fatalf("ε = %s, want 1/12", got.RatString())
	}
	rapid.Check(t, func(t *rapid.T) {
		d := rapid.IntRange(1, 3).Draw(t, "d")
		X := props.Points(rapid.IntRange(2, 6).Draw(t, "K"), d).Draw(t, "x")
		var delta, spread *big.Rat
		for k := 0; k < d; k++ {
			for _, xi := range X {
				for _, xj := range X {
					g := new(big.Rat).Sub(xi[k], xj[k])
					if g.Sign() <= 0 {
						continue
					}
					if delta == nil || g.Cmp(delta) < 0 {
						delta = g
					}
					if spread == nil || g.Cmp(spread) > 0 {
						spread = g
					}
				}
			}
		}
		want := new(big.Rat).Quo(delta, new(big.Rat).Add(spread, new(big.Rat).Add(delta, delta)))
		if got := lexEpsilon(X); got.Cmp(want) != 0 {
			t.Fatalf("ε = %s, want δ/(D+2δ) = %s", got.RatString(), want.RatString())
		}
	})
}

// TestTwoLayerNotes: the notes say how a was found (least s, the
// lexicographic fallback after MomentTries values, or given), how many
// samples were kept, and, only when no neuron is left, that g is constant.
func TestTwoLayerNotes(t *testing.T) {
	joined := func(b *Built) string { return strings.Join(b.Notes, "\n") }
	zero, err := TwoLayer(paperLine(5, nil))
	if err != nil {
		t.Fatal(err)
	}
	one, err := TwoLayer(paperLine(5, map[int]int64{3: 1}))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(joined(zero), "no neurons needed") || strings.Contains(joined(one), "no neurons needed") {
		t.Fatalf("notes of N = 0: %q; of N = 1: %q", zero.Notes, one.Notes)
	}
	if !strings.Contains(joined(one), "s = 0") || !strings.Contains(joined(one), "|J| = 5 kept of K = 5 (removed 0)") {
		t.Fatalf("N = 1 on x_i = i: %q", one.Notes)
	}
	X := trapPoints(rand.New(rand.NewSource(5)), 2, MomentTries)
	in := &instance.Instance{X: X}
	for range X {
		in.Z = append(in.Z, big.NewRat(1, 1))
	}
	lex, err := TwoLayer(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := "projection a lexicographic (no s < 64 separated the samples)"; lex.Notes[0] != want || MomentTries != 64 {
		t.Fatalf("lexicographic note %q, want %q", lex.Notes[0], want)
	}
}

// TestSizeErrorText: K < 3 and N > K read differently, and K = N < 3 is the
// K < 3 case.
func TestSizeErrorText(t *testing.T) {
	if got := (&SizeError{K: 2, N: 2}).Error(); got != "K = 2 samples: Theorem 4.1 assumes K ≥ 3" {
		t.Fatalf("K = N = 2: %q", got)
	}
	if got := (&SizeError{K: 2, N: 3}).Error(); got != "N = 3 changed samples but only K = 2 samples" {
		t.Fatalf("N = 3 > K = 2: %q", got)
	}
}

// TestGroupWindowsMisuse: groups must be separated (hi_{j−1} < lo_j, lo_j ≤
// hi_j) and ε > 0; touching groups or ε = 0 are programmer misuse and panic
// naming the group or ε, while a singleton group lo_j = hi_j is fine.
func TestGroupWindowsMisuse(t *testing.T) {
	one := big.NewRat(1, 1)
	cases := []struct {
		lo, hi []*big.Rat
		eps    *big.Rat
		want   string
	}{
		{oracle.Rats(1, 3), oracle.Rats(3, 4), one, "group 1 is not separated"},
		{oracle.Rats(1, 3), oracle.Rats(2, 3), one, ""},
		{oracle.Rats(1, 2), oracle.Rats(1, 2), one, ""},
		{oracle.Rats(2, 1), oracle.Rats(1, 2), one, "group 1 is not separated"},
		{oracle.Rats(1, 3), oracle.Rats(2, 4), new(big.Rat), "ε = 0"},
	}
	for _, c := range cases {
		msg := panicMessage(func() { GroupWindows(c.lo, c.hi, c.eps) })
		if c.want == "" && msg != "" || c.want != "" && !strings.Contains(msg, c.want) {
			t.Errorf("lo %v hi %v ε %s: %q, want %q", c.lo, c.hi, c.eps, msg, c.want)
		}
	}
}

// TestThreeLayerNotes: A and U3 name the projection v = (1, s, …) and say
// nothing about rescaling when every |z_i| ≤ 1.
func TestThreeLayerNotes(t *testing.T) {
	in := onLine3(big.NewRat(1, 1), new(big.Rat), big.NewRat(-1, 2), new(big.Rat))
	a, err := AppendixA(in)
	if err != nil {
		t.Fatal(err)
	}
	u, err := U3(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []*Built{a, u} {
		notes := strings.Join(b.Notes, "\n")
		if !strings.Contains(notes, "projection v = (1) (moment)") || strings.Contains(notes, "targets outside") {
			t.Errorf("%s: notes %q", b.Name, b.Notes)
		}
	}
	in2 := &instance.Instance{X: [][]*big.Rat{oracle.Rats(0, 0), oracle.Rats(1, 0), oracle.Rats(0, 1)}, Z: oracle.Rats(0, 1, 0)}
	b, err := AppendixA(in2)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(b.Notes, "\n"), "projection v = (1, 2) (moment)") {
		t.Errorf("d = 2: notes %q", b.Notes)
	}
}

// TestLeftSetSubsets: leftSet finds a subset with the target sum whenever one
// exists among at most 18 entries (every subset of small random sets, and
// on 18 powers of two a sum 1 + 4 that is neither a prefix nor a single
// entry), and gives up (nil) past 18 entries when no prefix or single entry
// works.
func TestLeftSetSubsets(t *testing.T) {
	sumOf := func(d []*big.Rat, mask []bool) *big.Rat {
		s := new(big.Rat)
		for i, in := range mask {
			if in {
				s.Add(s, d[i])
			}
		}
		return s
	}
	r := rand.New(rand.NewSource(18))
	for trial := 0; trial < 300; trial++ {
		n := r.Intn(7)
		d := make([]*big.Rat, n)
		for i := range d {
			d[i] = big.NewRat(int64(r.Intn(9)-4), int64(1+r.Intn(2)))
		}
		target := big.NewRat(int64(r.Intn(13)-6), int64(1+r.Intn(2)))
		exists := false
		for g := 0; g < 1<<n; g++ {
			mask := make([]bool, n)
			for i := range mask {
				mask[i] = g>>i&1 == 1
			}
			exists = exists || sumOf(d, mask).Cmp(target) == 0
		}
		mask := leftSet(d, target)
		if (mask != nil) != exists || mask != nil && sumOf(d, mask).Cmp(target) != 0 {
			t.Fatalf("δ = %v, target %s: mask %v, a subset exists: %v", d, target, mask, exists)
		}
	}
	for _, n := range []int{18, 19} {
		d := make([]*big.Rat, n)
		for i := range d {
			d[i] = new(big.Rat).SetInt64(1 << i)
		}
		mask := leftSet(d, big.NewRat(5, 1))
		if n == 18 && (mask == nil || sumOf(d, mask).Cmp(big.NewRat(5, 1)) != 0) || n == 19 && mask != nil {
			t.Fatalf("%d powers of two, target 5: mask %v", n, mask)
		}
	}
}
