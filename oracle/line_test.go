package oracle

// Tests of the line restriction: PiecewiseLinear on hand-made functions,
// Restrict on networks whose breakpoints were derived by hand, and Restrict
// against layer-by-layer Eval on random networks and lines.

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"pgregory.net/rapid"
)

// handPL is the function with left slope −2, φ(−1) = 3, φ(0) = 1, φ(2) = 5
// and right slope 1/2.
func handPL() *PiecewiseLinear {
	return &PiecewiseLinear{Points: []*big.Rat{rat(-1, 1), rat(0, 1), rat(2, 1)},
		Values: []*big.Rat{rat(3, 1), rat(1, 1), rat(5, 1)}, Left: rat(-2, 1), Right: rat(1, 2)}
}

// TestPiecewiseLinearByHand: Eval on both rays, at the points and between
// them; the slope of every piece; the breakpoints, where −1 is a point but not
// a breakpoint (slope −2 on both sides).
func TestPiecewiseLinearByHand(t *testing.T) {
	f := handPL()
	evals := []struct{ t, want *big.Rat }{
		{rat(-3, 1), rat(7, 1)},   // 3 + (−2)(−3 + 1)
		{rat(-1, 1), rat(3, 1)},   // a point
		{rat(-1, 2), rat(2, 1)},   // 3 + (1 − 3)·(1/2)/1
		{rat(-1, 4), rat(3, 2)},   // 3 + (−2)(3/4)
		{rat(0, 1), rat(1, 1)},    // a point
		{rat(1, 2), rat(2, 1)},    // 1 + (5 − 1)·(1/2)/2
		{rat(1, 1), rat(3, 1)},    // 1 + 4·1/2
		{rat(3, 2), rat(4, 1)},    // 1 + 4·(3/2)/2
		{rat(2, 1), rat(5, 1)},    // a point
		{rat(6, 1), rat(7, 1)},    // 5 + (1/2)·4
		{rat(5, 2), rat(21, 4)},   // 5 + (1/2)(1/2)
		{rat(-7, 3), rat(17, 3)},  // 3 + (−2)(−4/3)
		{rat(-10, 1), rat(21, 1)}, // 3 + (−2)(−9)
	}
	for _, e := range evals {
		if got := f.Eval(e.t); got.Cmp(e.want) != 0 {
			t.Errorf("φ(%s) = %s, want %s", e.t.RatString(), got.RatString(), e.want.RatString())
		}
	}
	for i, want := range []*big.Rat{rat(-2, 1), rat(-2, 1), rat(2, 1), rat(1, 2)} {
		if got := f.Slope(i); got.Cmp(want) != 0 {
			t.Errorf("Slope(%d) = %s, want %s", i, got.RatString(), want.RatString())
		}
	}
	checkRats(t, "Breakpoints", f.Breakpoints(), []*big.Rat{rat(0, 1), rat(2, 1)})
	if f.Pieces() != 3 {
		t.Errorf("Pieces = %d, want 3", f.Pieces())
	}
	if v := f.Eval(rat(0, 1)); v == f.Values[1] {
		t.Error("Eval returned the stored value itself; a caller changing it would corrupt φ")
	}
}

// TestPiecewiseLinearSinglePoint: with one point φ is two rays.
func TestPiecewiseLinearSinglePoint(t *testing.T) {
	f := &PiecewiseLinear{Points: []*big.Rat{rat(2, 1)}, Values: []*big.Rat{rat(1, 1)}, Left: rat(3, 1), Right: rat(3, 1)}
	for _, e := range [][2]*big.Rat{{rat(0, 1), rat(-5, 1)}, {rat(5, 2), rat(5, 2)}, {rat(2, 1), rat(1, 1)}} {
		if got := f.Eval(e[0]); got.Cmp(e[1]) != 0 {
			t.Errorf("φ(%s) = %s, want %s", e[0].RatString(), got.RatString(), e[1].RatString())
		}
	}
	if f.Pieces() != 1 || len(f.Breakpoints()) != 0 {
		t.Errorf("a line has %d pieces, breakpoints %v", f.Pieces(), f.Breakpoints())
	}
	f.Right = rat(-1, 1)
	checkRats(t, "Breakpoints", f.Breakpoints(), []*big.Rat{rat(2, 1)})
}

// handNet2 is g(x) = σ(x1) − 2σ(x1 + x2 − 6) + ½σ(−x1 − 2) + σ(x2 − 2) + 1 on
// ℚ². On the line (0, 5) + t·(1, 0) it is
//
//	φ(t) = σ(t) − 2σ(t − 1) + ½σ(−t − 2) + 4,
//
// with kinks −2, 0, 1 and slopes −½, 0, 1, −1 from left to right:
// φ(−2) = 4, φ(0) = 4, φ(1) = 5.
func handNet2() *Network {
	return &Network{Layers: []Layer{
		{W: [][]*big.Rat{Rats(1, 0), Rats(1, 1), Rats(-1, 0), Rats(0, 1)}, B: Rats(0, -6, -2, -2)},
		{W: [][]*big.Rat{{rat(1, 1), rat(-2, 1), rat(1, 2), rat(1, 1)}}, B: Rats(1)},
	}}
}

// handNet3 puts two neurons σ(φ − 9/2) and σ(9/2 − φ) on top of handNet2's
// φ and outputs y = σ(φ − 9/2) + 3σ(9/2 − φ) − 1. φ = 9/2 at t = −3 (left
// ray), t = 1/2 (between the points 0 and 1) and t = 3/2 (right ray), so y has
// the breakpoints −3, −2, 0, 1/2, 1, 3/2 with values −1, 1/2, 1/2, −1, −1/2,
// −1 and slopes −½, 3/2, 0, −3, 1, −1, 3.
func handNet3() *Network {
	g := handNet2()
	row := g.Layers[1].W[0]
	neg := make([]*big.Rat, len(row))
	for i, v := range row {
		neg[i] = new(big.Rat).Neg(v)
	}
	g.Layers[1] = Layer{W: [][]*big.Rat{row, neg}, B: []*big.Rat{rat(-7, 2), rat(7, 2)}}
	g.Layers = append(g.Layers, Layer{W: [][]*big.Rat{Rats(1, 3)}, B: Rats(-1)})
	return g
}

// handCase is a restriction whose breakpoints, values there and ray slopes
// were derived by hand, with a few more values (t, φ(t)).
type handCase struct {
	name        string
	g           *Network
	p, u        []*big.Rat
	bps, vals   []*big.Rat
	left, right *big.Rat
	more        [][2]*big.Rat
}

func handCases() []handCase {
	return []handCase{
		{"2 layers", handNet2(), Rats(0, 5), Rats(1, 0),
			Rats(-2, 0, 1), Rats(4, 4, 5), rat(-1, 2), rat(-1, 1),
			[][2]*big.Rat{{rat(-4, 1), rat(5, 1)}, {rat(3, 1), rat(3, 1)}, {rat(1, 2), rat(9, 2)}, {rat(-1, 1), rat(4, 1)}}},
		// The same net on (0, 5) + t·(2, 0): φ(2t), kinks halved, slopes doubled.
		{"2 layers, direction 2", handNet2(), Rats(0, 5), Rats(2, 0),
			[]*big.Rat{rat(-1, 1), rat(0, 1), rat(1, 2)}, Rats(4, 4, 5), rat(-1, 1), rat(-2, 1),
			[][2]*big.Rat{{rat(-2, 1), rat(5, 1)}, {rat(1, 1), rat(4, 1)}}},
		// Through (−2, 5) towards −x1: φ(−2 − t); kinks at t = −3, −2, 0.
		{"2 layers, reversed", handNet2(), Rats(-2, 5), Rats(-1, 0),
			Rats(-3, -2, 0), Rats(5, 4, 4), rat(1, 1), rat(1, 2),
			[][2]*big.Rat{{rat(-5, 1), rat(3, 1)}, {rat(2, 1), rat(5, 1)}}},
		{"3 layers", handNet3(), Rats(0, 5), Rats(1, 0),
			[]*big.Rat{rat(-3, 1), rat(-2, 1), rat(0, 1), rat(1, 2), rat(1, 1), rat(3, 2)},
			[]*big.Rat{rat(-1, 1), rat(1, 2), rat(1, 2), rat(-1, 1), rat(-1, 2), rat(-1, 1)},
			rat(-1, 2), rat(3, 1),
			[][2]*big.Rat{{rat(-5, 1), rat(0, 1)}, {rat(3, 1), rat(7, 2)}, {rat(1, 4), rat(-1, 4)}, {rat(5, 4), rat(-3, 4)}}},
		// An affine g(x) = 2x1 − x2 + 1 on (1, 1) + t·(1, 3): 2 − t, no breakpoint.
		{"affine", &Network{Layers: []Layer{{W: [][]*big.Rat{Rats(2, -1)}, B: Rats(1)}}}, Rats(1, 1), Rats(1, 3),
			nil, nil, rat(-1, 1), rat(-1, 1),
			[][2]*big.Rat{{rat(0, 1), rat(2, 1)}, {rat(5, 1), rat(-3, 1)}, {rat(-1, 2), rat(5, 2)}}},
	}
}

// TestRestrictByHand: Restrict finds exactly the hand-derived breakpoints,
// values and ray slopes.
func TestRestrictByHand(t *testing.T) {
	for _, c := range handCases() {
		t.Run(c.name, func(t *testing.T) {
			phi := c.g.Restrict(c.p, c.u)
			checkRats(t, "Breakpoints", phi.Breakpoints(), c.bps)
			for i, b := range c.bps {
				if got := phi.Eval(b); got.Cmp(c.vals[i]) != 0 {
					t.Errorf("φ(%s) = %s, want %s", b.RatString(), got.RatString(), c.vals[i].RatString())
				}
			}
			if phi.Left.Cmp(c.left) != 0 || phi.Right.Cmp(c.right) != 0 {
				t.Errorf("ray slopes %s, %s; want %s, %s", phi.Left.RatString(), phi.Right.RatString(), c.left.RatString(), c.right.RatString())
			}
			for _, m := range c.more {
				if got := phi.Eval(m[0]); got.Cmp(m[1]) != 0 {
					t.Errorf("φ(%s) = %s, want %s", m[0].RatString(), got.RatString(), m[1].RatString())
				}
			}
			if phi.Pieces() != len(c.bps)+1 {
				t.Errorf("Pieces = %d, want %d", phi.Pieces(), len(c.bps)+1)
			}
		})
	}
}

// TestRestrictAgreesWithEval: for every network g and line p + t·u, the
// restriction φ = Restrict(p, u) has strictly increasing points, and agrees
// with g(p + t·u) computed by Eval at every point, at one and two thirds of
// the way between consecutive points, at 1 and 2^200 beyond each end, and at
// random t. Its slope on every piece is the slope of Eval there, and its
// breakpoints are exactly the points where that slope changes.
func TestRestrictAgreesWithEval(t *testing.T) {
	checkRounds(t, 10, func(t *rapid.T) {
		g := anyNetwork(4, 5).Draw(t, "g")
		d := g.InputDim()
		p := ratVec(smallRat(), d, "p").Draw(t, "p")
		u := ratVec(smallRat(), d, "u").Draw(t, "u")
		phi := g.Restrict(p, u)
		checkRestriction(t, phi, slowLine(g, p, u))
		for i, s := range ratVec(smallRat(), 3, "t").Draw(t, "t") {
			if got, want := phi.Eval(s), g.Eval(onLine(p, u, s)); got.Cmp(want) != 0 {
				t.Fatalf("φ(t%d = %s) = %s, Eval %s; φ = %#v", i+1, s.RatString(), got.RatString(), want.RatString(), phi)
			}
		}
	})
}

// TestRestrictWideFirstLayer: 2-layer networks of up to 24 neurons on ℚ¹,
// many of them sharing a kink (the sweep of the first layer), agree with Eval.
func TestRestrictWideFirstLayer(t *testing.T) {
	checkRounds(t, 5, func(t *rapid.T) {
		m := rapid.IntRange(1, 24).Draw(t, "m")
		g := genNetwork(1, []int{m}, smallRat()).Draw(t, "g")
		p, u := ratVec(smallRat(), 1, "p").Draw(t, "p"), ratVec(smallRat(), 1, "u").Draw(t, "u")
		checkRestriction(t, g.Restrict(p, u), slowLine(g, p, u))
	})
}

// checkRestriction compares φ with the slow model slow(t) = g(p + t·u) as
// TestRestrictAgreesWithEval describes.
func checkRestriction(t *rapid.T, phi *PiecewiseLinear, slow func(*big.Rat) *big.Rat) {
	P := phi.Points
	if len(P) == 0 || len(phi.Values) != len(P) {
		t.Fatalf("%d points, %d values", len(P), len(phi.Values))
	}
	probes := []*big.Rat{}
	for i, x := range P {
		probes = append(probes, x)
		if i > 0 {
			if P[i-1].Cmp(x) >= 0 {
				t.Fatalf("points not strictly increasing: %#v", phi)
			}
			third := new(big.Rat).Sub(x, P[i-1])
			third.Quo(third, rat(3, 1))
			probes = append(probes, new(big.Rat).Add(P[i-1], third), new(big.Rat).Sub(x, third))
		}
	}
	far := new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), 200))
	first, last := P[0], P[len(P)-1]
	for _, off := range []*big.Rat{rat(1, 1), far} {
		probes = append(probes, new(big.Rat).Sub(first, off), new(big.Rat).Add(last, off))
	}
	for _, s := range probes {
		if got, want := phi.Eval(s), slow(s); got.Cmp(want) != 0 {
			t.Fatalf("φ(%s) = %s, Eval %s; φ = %#v", s.RatString(), got.RatString(), want.RatString(), phi)
		}
	}
	for i, x := range P {
		if phi.Values[i].Cmp(slow(x)) != 0 {
			t.Fatalf("Values[%d] = %s at %s, Eval %s", i, phi.Values[i].RatString(), x.RatString(), slow(x).RatString())
		}
	}
	// Slopes by Eval: the left ray, each gap, the right ray.
	slopes := []*big.Rat{new(big.Rat).Sub(slow(first), slow(new(big.Rat).Sub(first, rat(1, 1))))}
	for i := 1; i < len(P); i++ {
		dv := new(big.Rat).Sub(slow(P[i]), slow(P[i-1]))
		slopes = append(slopes, dv.Quo(dv, new(big.Rat).Sub(P[i], P[i-1])))
	}
	slopes = append(slopes, new(big.Rat).Sub(slow(new(big.Rat).Add(last, rat(1, 1))), slow(last)))
	var bps []*big.Rat
	for i, s := range slopes {
		if got := phi.Slope(i); got.Cmp(s) != 0 {
			t.Fatalf("Slope(%d) = %s, Eval gives %s; φ = %#v", i, got.RatString(), s.RatString(), phi)
		}
		if i > 0 && s.Cmp(slopes[i-1]) != 0 {
			bps = append(bps, P[i-1])
		}
	}
	if got := phi.Breakpoints(); !equalRats(got, bps) {
		t.Fatalf("Breakpoints %v, Eval's slopes change at %v; φ = %#v", got, bps, phi)
	}
	if phi.Pieces() != len(bps)+1 {
		t.Fatalf("Pieces = %d, want %d", phi.Pieces(), len(bps)+1)
	}
}

// TestSortUnique: sortUnique returns each distinct value once, increasing,
// whatever the order and multiplicity of its input.
func TestSortUnique(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 200; trial++ {
		n := r.IntN(60)
		v := make([]*big.Rat, n)
		seen := map[string]bool{}
		for i := range v {
			v[i] = big.NewRat(int64(r.IntN(7)-3), int64(1+r.IntN(2)))
			seen[v[i].RatString()] = true
		}
		out := sortUnique(v)
		if len(out) != len(seen) {
			t.Fatalf("%d values from %d distinct", len(out), len(seen))
		}
		for i, x := range out {
			if !seen[x.RatString()] || (i > 0 && out[i-1].Cmp(x) >= 0) {
				t.Fatalf("not the distinct values in increasing order: %v", out)
			}
		}
	}
}

func equalRats(a, b []*big.Rat) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Cmp(b[i]) != 0 {
			return false
		}
	}
	return true
}

func checkRats(t testing.TB, what string, got, want []*big.Rat) {
	t.Helper()
	if !equalRats(got, want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}
