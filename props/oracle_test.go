package props

// Property tests of package oracle: every fast or derived view of a network
// against the slow reference oracle.Network.Eval, and planted bugs that the
// checks must catch.

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/internal/search"
	"github.com/ftcheck/ftcheck/oracle"
	"pgregory.net/rapid"
)

// line is the point p + t·u.
func line(p, u []*big.Rat, t *big.Rat) []*big.Rat {
	x := make([]*big.Rat, len(p))
	for i := range p {
		x[i] = new(big.Rat).Add(p[i], new(big.Rat).Mul(t, u[i]))
	}
	return x
}

// drawLine draws a network on ℚ^d (d in 1..4, depth ≤ 4, widths ≤ 5; a
// quarter of the time smaller ones with huge weights) and a line p + t·u
// through its input space (u may be 0).
func drawLine(t *rapid.T) (*oracle.Network, []*big.Rat, []*big.Rat) {
	d := rapid.IntRange(1, 4).Draw(t, "d")
	var n *oracle.Network
	if rapid.IntRange(0, 3).Draw(t, "hugeWeights") == 3 {
		n = NetworkWith(d, Widths(3, 3).Draw(t, "widths"), Rat()).Draw(t, "g")
	} else {
		n = AnyNetwork(4, 5, d).Draw(t, "g")
	}
	p := rapid.SliceOfN(SmallRat(), d, d).Draw(t, "p")
	u := rapid.SliceOfN(SmallRat(), d, d).Draw(t, "u")
	return n, p, u
}

// TestRestrictAgreesWithEval: for every network g and line p + t·u, the
// restriction φ = Restrict(p, u) satisfies φ(t) = g(p + t·u) exactly at data
// points t_i on the line, at random rationals (huge and tiny ones included),
// exactly at every point of φ.Points (a superset of the breakpoints), halfway
// between consecutive points, and beyond both ends.
func TestRestrictAgreesWithEval(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g, p, u := drawLine(t)
		phi := g.Restrict(p, u)
		ts := rapid.SliceOfN(SmallRat(), 1, 6).Draw(t, "data t")
		ts = append(ts, rapid.SliceOfN(Rat(), 1, 3).Draw(t, "random t")...)
		ts = append(ts, probes(phi.Points)...)
		for _, s := range ts {
			if got, want := phi.Eval(s), g.Eval(line(p, u, s)); got.Cmp(want) != 0 {
				t.Fatalf("φ(%s) = %s but g(p + t·u) = %s; φ = %#v", s.RatString(), got.RatString(), want.RatString(), phi)
			}
		}
	})
}

// probes are the points themselves, the midpoints between them, and points
// 1 and 10⁹ beyond each end.
func probes(pts []*big.Rat) []*big.Rat {
	out := append([]*big.Rat{}, pts...)
	for i := 1; i < len(pts); i++ {
		mid := new(big.Rat).Add(pts[i-1], pts[i])
		out = append(out, mid.Quo(mid, big.NewRat(2, 1)))
	}
	first, last := pts[0], pts[len(pts)-1]
	for _, off := range []*big.Rat{big.NewRat(1, 1), big.NewRat(1e9, 1)} {
		out = append(out, new(big.Rat).Sub(first, off), new(big.Rat).Add(last, off))
	}
	return out
}

// TestRestrictPiecesFromEval: φ.Points is nonempty and strictly increasing,
// and the piece structure of φ agrees with one found from Eval alone. On each gap between consecutive points of φ.Points and on
// both rays, g(p + t·u) sampled at three interior points is affine with the
// slope φ.Slope(i); counting the changes of those Eval-derived slopes gives
// exactly φ.Pieces(), and φ.Breakpoints() are where they change.
func TestRestrictPiecesFromEval(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g, p, u := drawLine(t)
		phi := g.Restrict(p, u)
		if len(phi.Points) == 0 || len(phi.Values) != len(phi.Points) {
			t.Fatalf("%d points, %d values", len(phi.Points), len(phi.Values))
		}
		for i := 1; i < len(phi.Points); i++ {
			if phi.Points[i-1].Cmp(phi.Points[i]) >= 0 {
				t.Fatalf("points not strictly increasing at %d: %#v", i, phi)
			}
		}
		var slopes []*big.Rat
		for i := 0; i <= len(phi.Points); i++ {
			a, b := gapEnds(phi.Points, i)
			s := evalSlope(t, g, p, u, a, b)
			if s.Cmp(phi.Slope(i)) != 0 {
				t.Fatalf("piece %d (%s, %s): Eval slope %s, φ.Slope %s", i, a.RatString(), b.RatString(), s.RatString(), phi.Slope(i).RatString())
			}
			slopes = append(slopes, s)
		}
		var bps []string
		for i := 1; i < len(slopes); i++ {
			if slopes[i].Cmp(slopes[i-1]) != 0 {
				bps = append(bps, phi.Points[i-1].RatString())
			}
		}
		var got []string
		for _, b := range phi.Breakpoints() {
			got = append(got, b.RatString())
		}
		if strings.Join(got, " ") != strings.Join(bps, " ") || phi.Pieces() != len(bps)+1 {
			t.Fatalf("breakpoints %v (pieces %d), from Eval %v", got, phi.Pieces(), bps)
		}
	})
}

// gapEnds is the i-th gap of pts: (pts[i−1], pts[i]), with the rays
// truncated to length 1.
func gapEnds(pts []*big.Rat, i int) (*big.Rat, *big.Rat) {
	one := big.NewRat(1, 1)
	switch i {
	case 0:
		return new(big.Rat).Sub(pts[0], one), pts[0]
	case len(pts):
		return pts[i-1], new(big.Rat).Add(pts[i-1], one)
	}
	return pts[i-1], pts[i]
}

// evalSlope is the slope of t ↦ g(p + t·u) on the open gap (a, b), from
// Eval at a + (b−a)/4, a + (b−a)/2, a + 3(b−a)/4; it fails if the three are
// not collinear (a breakpoint the restriction missed).
func evalSlope(t *rapid.T, g *oracle.Network, p, u []*big.Rat, a, b *big.Rat) *big.Rat {
	w := new(big.Rat).Sub(b, a)
	var ts, vs [3]*big.Rat
	for k := range ts {
		ts[k] = new(big.Rat).Add(a, new(big.Rat).Mul(w, big.NewRat(int64(k+1), 4)))
		vs[k] = g.Eval(line(p, u, ts[k]))
	}
	s1 := new(big.Rat).Quo(new(big.Rat).Sub(vs[1], vs[0]), new(big.Rat).Sub(ts[1], ts[0]))
	s2 := new(big.Rat).Quo(new(big.Rat).Sub(vs[2], vs[1]), new(big.Rat).Sub(ts[2], ts[1]))
	if s1.Cmp(s2) != 0 {
		t.Fatalf("g is not affine on (%s, %s): slopes %s then %s", a.RatString(), b.RatString(), s1.RatString(), s2.RatString())
	}
	return s1
}

// TestPiecesBound: on any line, a network with hidden widths n_1..n_{L−1}
// has at most ∏(n_l + 1) affine pieces (each layer's neurons change sign at
// most once on each piece of the previous layer).
func TestPiecesBound(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g, p, u := drawLine(t)
		bound := 1
		for _, w := range g.Widths() {
			bound *= w + 1
		}
		if got := g.Restrict(p, u).Pieces(); got > bound {
			t.Fatalf("%d pieces > ∏(n_l+1) = %d for widths %v", got, bound, g.Widths())
		}
	})
}

// TestPiecesBoundTight: the bound can be met, so the check above could fail.
// g(t) = Σ_{k<m} (−1)^k (k+1)·σ(t − k) has a kink at each k = 0..m−1 (its
// slope changes by ±(k+1) ≠ 0 there), hence exactly m + 1 pieces: ∏(n_l+1)
// for one hidden layer of width m, and one more than a bound of m.
func TestPiecesBoundTight(t *testing.T) {
	for m := 1; m <= 12; m++ {
		g := &oracle.Network{Layers: []oracle.Layer{{}, {W: [][]*big.Rat{{}}, B: oracle.Rats(0)}}}
		for k := 0; k < m; k++ {
			g.Layers[0].W = append(g.Layers[0].W, oracle.Rats(1))
			g.Layers[0].B = append(g.Layers[0].B, big.NewRat(int64(-k), 1))
			sign := int64(1 - 2*(k%2))
			g.Layers[1].W[0] = append(g.Layers[1].W[0], big.NewRat(sign*int64(k+1), 1))
		}
		phi := g.Restrict(oracle.Rats(0), oracle.Rats(1))
		if phi.Pieces() != m+1 {
			t.Fatalf("m=%d: %d pieces, want m+1 = %d (%#v)", m, phi.Pieces(), m+1, phi)
		}
		for k, b := range phi.Breakpoints() {
			if b.Cmp(big.NewRat(int64(k), 1)) != 0 {
				t.Fatalf("m=%d: breakpoint %d at %s, want %d", m, k, b.RatString(), k)
			}
		}
	}
}

// TestPiecesBoundMinusOneIsFound tests the checker: the false claim "at
// most ∏ n_l pieces" (the bound minus one) must be refuted by the same search
// over AnyNetwork, and rapid must shrink the refutation to a tiny network
// (one hidden layer, at most two neurons).
func TestPiecesBoundMinusOneIsFound(t *testing.T) {
	search.Configure(9, 100) // a fixed seed: found on every run, or on none
	var shrunk *oracle.Network
	out := search.Run("pieces ≤ ∏ n_l", func(t *rapid.T) {
		g, p, u := drawLine(t)
		bound := 1
		for _, w := range g.Widths() {
			bound *= w
		}
		if pieces := g.Restrict(p, u).Pieces(); len(g.Widths()) > 0 && pieces > bound {
			shrunk = g
			t.Fatalf("%d pieces > ∏ n_l = %d", pieces, bound)
		}
	})
	if !out.Failed || shrunk == nil {
		t.Fatal("the planted bound ∏ n_l was not refuted")
	}
	if shrunk.Depth() != 2 || shrunk.Hidden() > 2 {
		t.Errorf("refutation not shrunk: widths %v\n%s", shrunk.Widths(), out.Log)
	}
}

// TestReparametrisationInvariant: scaling the incoming weights and bias of a
// hidden neuron by c > 0 and its outgoing weights by 1/c does not change g
// anywhere, since σ(c·s) = c·σ(s) for c > 0; checked exactly at drawn points.
func TestReparametrisationInvariant(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := rapid.IntRange(1, 4).Draw(t, "d")
		widths := rapid.SliceOfN(rapid.IntRange(1, 4), 1, 3).Draw(t, "widths")
		g := Network(d, widths).Draw(t, "g")
		h := rescale(t, g, PositiveRat().Draw(t, "c"))
		for _, x := range Points(rapid.IntRange(1, 6).Draw(t, "K"), d).Draw(t, "x") {
			if a, b := g.Eval(x), h.Eval(x); a.Cmp(b) != 0 {
				t.Fatalf("g(%s) = %s but rescaled g = %s", fmtVec(x), a.RatString(), b.RatString())
			}
		}
	})
}

// rescale returns g with neuron j of hidden layer l scaled by c (in) and 1/c (out).
func rescale(t *rapid.T, g *oracle.Network, c *big.Rat) *oracle.Network {
	h := g.Clone()
	l := rapid.IntRange(0, len(h.Layers)-2).Draw(t, "layer")
	j := rapid.IntRange(0, h.Layers[l].Out()-1).Draw(t, "neuron")
	inv := new(big.Rat).Inv(c)
	for _, w := range h.Layers[l].W[j] {
		w.Mul(w, c)
	}
	h.Layers[l].B[j].Mul(h.Layers[l].B[j], c)
	for _, row := range h.Layers[l+1].W {
		row[j].Mul(row[j], inv)
	}
	return h
}

// TestReparametrisationNegativeBreaks plants the bug c = −1: σ(−s) ≠ −σ(s),
// and rescaling must then change g for some network, so the invariance test
// is not vacuous. Here g(x) = σ(x) and the rescaled net is −σ(−x) = min(x, 0).
func TestReparametrisationNegativeBreaks(t *testing.T) {
	g := &oracle.Network{Layers: []oracle.Layer{{W: [][]*big.Rat{oracle.Rats(1)}, B: oracle.Rats(0)}, {W: [][]*big.Rat{oracle.Rats(1)}, B: oracle.Rats(0)}}}
	h := g.Clone()
	h.Layers[0].W[0][0].Neg(h.Layers[0].W[0][0])
	h.Layers[1].W[0][0].Neg(h.Layers[1].W[0][0])
	x := oracle.Rats(1)
	if g.Eval(x).Cmp(big.NewRat(1, 1)) != 0 || h.Eval(x).Sign() != 0 {
		t.Fatalf("σ(1) = %s, −σ(−1) = %s; want 1 and 0", g.Eval(x), h.Eval(x))
	}
}

// TestEvaluatorAgreesWithEval: NewEvaluator takes its 1-D lookup path for
// every network whose first layer has rank one and W1 ≠ 0, and EvalAll agrees
// with Eval on every row, whether through the 1-D lookup or the integer
// common-denominator path, small or huge weights.
func TestEvaluatorAgreesWithEval(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := rapid.IntRange(1, 6).Draw(t, "d")
		var g *oracle.Network
		switch rapid.IntRange(0, 2).Draw(t, "kind") {
		case 0:
			g = AnyNetwork(4, 5, d).Draw(t, "g")
		case 1:
			g = RankOneNetwork(4, 5, d).Draw(t, "g")
		case 2: // huge weights: the integer path's denominators grow fast
			g = NetworkWith(d, Widths(4, 4).Draw(t, "widths"), Rat()).Draw(t, "g")
		}
		X := Points(rapid.IntRange(1, 12).Draw(t, "K"), d).Draw(t, "x")
		e := oracle.NewEvaluator(g)
		if g.Depth() > 1 && (g.RankOneDirection() != nil) != e.Fast() {
			t.Fatalf("rank-one direction %v but Fast() = %v", g.RankOneDirection() != nil, e.Fast())
		}
		for i, v := range e.EvalAll(X) {
			if want := g.Eval(X[i]); v.Cmp(want) != 0 {
				t.Fatalf("row %d (fast %v): EvalAll %s, Eval %s", i+1, e.Fast(), v.RatString(), want.RatString())
			}
		}
	})
}

// TestVerifyCertificate: for labels y = f(x) + g(x) computed by Eval, Verify
// certifies all K rows; after changing the labels of a nonempty set S of rows,
// it reports the first row of S (1-based) with the value Eval gives there.
func TestVerifyCertificate(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ft := Instance(InstanceOptions{MaxD: 4}).Draw(t, "ft")
		X, f := ft.Inst.X, ft.F
		if !rapid.Bool().Draw(t, "withF") {
			f = nil
		}
		g := AnyNetwork(3, 5, ft.Inst.Dim()).Draw(t, "g")
		want := make([]*big.Rat, len(X))
		for i, x := range X {
			want[i] = g.Eval(x)
			if f != nil {
				want[i].Add(want[i], f.Eval(x))
			}
		}
		cert, err := oracle.Verify(g, f, X, copyRats(want))
		if err != nil || cert.Rows != len(X) {
			t.Fatalf("Verify of exact labels: %v, %v", cert, err)
		}
		bad := TSet(len(X), 1, len(X)).Draw(t, "changed rows")
		Y := copyRats(want)
		for _, i := range bad {
			Y[i].Add(Y[i], nonzero(Rat().Draw(t, fmt.Sprintf("delta[%d]", i+1))))
		}
		_, err = oracle.Verify(g, f, X, Y)
		var mm *oracle.Mismatch
		if !errors.As(err, &mm) || mm.Row != bad[0]+1 || mm.Got.Cmp(want[bad[0]]) != 0 || mm.Want.Cmp(Y[bad[0]]) != 0 {
			t.Fatalf("changed rows %v (0-based): Verify says %v", bad, err)
		}
	})
}

func copyRats(v []*big.Rat) []*big.Rat {
	out := make([]*big.Rat, len(v))
	for i, x := range v {
		out[i] = new(big.Rat).Set(x)
	}
	return out
}

// TestFloatAgreesOnSmallNets: on small networks with small rational weights
// and inputs, the float64 baseline is within 10⁻⁹ (relative to the size of the
// weights) of the exact value: a sanity check of the baseline, not a verdict.
func TestFloatAgreesOnSmallNets(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := rapid.IntRange(1, 4).Draw(t, "d")
		g := AnyNetwork(3, 4, d).Draw(t, "g")
		x := PointsShaped(1, d, ShapeRandom).Draw(t, "x")[0]
		fx := make([]float64, d)
		for i, v := range x {
			fx[i], _ = v.Float64()
		}
		exact, _ := g.Eval(x).Float64()
		if got := oracle.NewFloat(g).Eval(fx); math.Abs(got-exact) > 1e-9*(1+math.Abs(exact)) {
			t.Fatalf("float %v, exact %v", got, exact)
		}
	})
}

// TestFloatGetsSignWrong shows where float64 and exact arithmetic part:
// g(x) = 2·σ(σ(x + 2⁵³) − 2⁵³) − 1. At x = 1 exactly g = 2·1 − 1 = 1 > 0; in
// float64, 2⁵³ + 1 rounds to 2⁵³ (a tie, broken to even: the spacing there is
// 2), so the inner neuron is σ(0) = 0 and the float value is −1: the wrong
// sign. A verdict taken from float64 would call a fitted sample unfitted, or
// the reverse. The expected float value is derived from IEEE 754 rounding, not
// read off the code.
func TestFloatGetsSignWrong(t *testing.T) {
	two53 := new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), 53))
	g := &oracle.Network{Layers: []oracle.Layer{
		{W: [][]*big.Rat{oracle.Rats(1)}, B: []*big.Rat{two53}},
		{W: [][]*big.Rat{oracle.Rats(1)}, B: []*big.Rat{new(big.Rat).Neg(two53)}},
		{W: [][]*big.Rat{oracle.Rats(2)}, B: oracle.Rats(-1)},
	}}
	if got := g.Eval(oracle.Rats(1)); got.Cmp(big.NewRat(1, 1)) != 0 {
		t.Fatalf("exact g(1) = %s, want 1", got.RatString())
	}
	if got := oracle.NewFloat(g).Eval([]float64{1}); got != -1 {
		t.Fatalf("float64 g(1) = %v; IEEE rounding of 2⁵³+1 predicts −1", got)
	}
	// And a value, not only a sign: σ(x/10) + σ(2x/10) − 3/10 at x = 1 is 0
	// exactly; in float64 0.1 + 0.2 = 0.30000000000000004 ≠ 0.3.
	h := &oracle.Network{Layers: []oracle.Layer{
		{W: [][]*big.Rat{{big.NewRat(1, 10)}, {big.NewRat(2, 10)}}, B: oracle.Rats(0, 0)},
		{W: [][]*big.Rat{oracle.Rats(1, 1)}, B: []*big.Rat{big.NewRat(-3, 10)}},
	}}
	if got := h.Eval(oracle.Rats(1)); got.Sign() != 0 {
		t.Fatalf("exact 0.1+0.2−0.3 = %s", got.RatString())
	}
	if got := oracle.NewFloat(h).Eval([]float64{1}); got == 0 {
		t.Fatalf("float64 0.1+0.2−0.3 = 0; expected a rounding error")
	}
}

// TestJSONRoundTrip: WriteJSON then ReadNetwork gives back every weight and
// bias exactly, huge numerators and denominators included.
func TestJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := rapid.IntRange(1, 3).Draw(t, "d")
		g := NetworkWith(d, Widths(3, 3).Draw(t, "widths"), Rat()).Draw(t, "g")
		var buf bytes.Buffer
		if err := g.WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := oracle.ReadNetwork(bytes.NewReader(buf.Bytes()), "g.json")
		if err != nil {
			t.Fatalf("%v\n%s", err, buf.String())
		}
		if a, b := g.GoString(), back.GoString(); a != b {
			t.Fatalf("round trip changed the network:\n%s\n%s", a, b)
		}
	})
}

// TestJSONNumbersExact: plain JSON numbers and decimal or scientific strings
// are read exactly as written: m·10^e written as "Me E", as a decimal
// string, and as a bare JSON number all read as the integer m times 10^e.
func TestJSONNumbersExact(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := rapid.Int64Range(-1e12, 1e12).Draw(t, "mantissa")
		e := rapid.IntRange(-40, 40).Draw(t, "exponent")
		want := new(big.Rat).SetInt64(m)
		p := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(e))), nil))
		if e < 0 {
			want.Quo(want, p)
		} else {
			want.Mul(want, p)
		}
		forms := []string{fmt.Sprintf("%de%d", m, e), decimal(m, e)}
		for _, s := range forms {
			for _, lit := range []string{`"` + s + `"`, s} {
				src := fmt.Sprintf(`{"layers": [{"W": [[%s]], "b": ["0"]}]}`, lit)
				g, err := oracle.ReadNetwork(strings.NewReader(src), "n.json")
				if err != nil {
					t.Fatalf("%s: %v", src, err)
				}
				if got := g.Layers[0].W[0][0]; got.Cmp(want) != 0 {
					t.Fatalf("%s read as %s, want %s", lit, got.RatString(), want.RatString())
				}
			}
		}
	})
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// decimal writes m·10^e in positional notation, without an exponent.
func decimal(m int64, e int) string {
	sign, digits := "", fmt.Sprint(m)
	if m < 0 {
		sign, digits = "-", digits[1:]
	}
	if m == 0 {
		return "0"
	}
	if e >= 0 {
		return sign + digits + strings.Repeat("0", e)
	}
	if len(digits) <= -e {
		digits = strings.Repeat("0", -e-len(digits)+1) + digits
	}
	cut := len(digits) + e
	return sign + digits[:cut] + "." + digits[cut:]
}

// TestCSVRoundTrip: WriteCSV then ReadData gives back every input, label and
// the label column's name exactly.
func TestCSVRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		K := rapid.IntRange(1, 8).Draw(t, "K")
		d := rapid.IntRange(1, 16).Draw(t, "d")
		data := &oracle.Data{
			X:     Points(K, d).Draw(t, "x"),
			Y:     rapid.SliceOfN(Rat(), K, K).Draw(t, "y"),
			Label: rapid.SampledFrom([]string{"y", "z"}).Draw(t, "label"),
		}
		var buf bytes.Buffer
		if err := data.WriteCSV(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := oracle.ReadData(bytes.NewReader(buf.Bytes()), "d.csv")
		if err != nil {
			t.Fatalf("%v\n%s", err, buf.String())
		}
		if back.Label != data.Label || back.K() != K || back.Dim() != d {
			t.Fatalf("label %q K %d d %d, want %q %d %d", back.Label, back.K(), back.Dim(), data.Label, K, d)
		}
		for i := range data.X {
			if key(back.X[i]) != key(data.X[i]) || back.Y[i].Cmp(data.Y[i]) != 0 {
				t.Fatalf("row %d: %s → %s", i+1, key(append(data.X[i], data.Y[i])), key(append(back.X[i], back.Y[i])))
			}
		}
	})
}

// interpolant is the 2-layer network through the points (t_i, z_i) of the
// line, built here independently of package construction: with the t sorted,
// s_i the slope between the i-th and (i+1)-th point and s_0 = 0,
//
//	g(t) = z_(1) + Σ_{i=1}^{K−1} (s_i − s_{i−1})·σ(t − t_(i)),
//
// the piecewise-linear interpolant, constant left of the first point. order
// lists the row indices by increasing t.
func interpolant(ts, zs []*big.Rat, order []int) *oracle.Network {
	hidden := oracle.Layer{}
	out := oracle.Layer{W: [][]*big.Rat{{}}, B: []*big.Rat{new(big.Rat).Set(zs[order[0]])}}
	prev := new(big.Rat)
	for k := 0; k+1 < len(order); k++ {
		i, j := order[k], order[k+1]
		s := new(big.Rat).Quo(new(big.Rat).Sub(zs[j], zs[i]), new(big.Rat).Sub(ts[j], ts[i]))
		hidden.W = append(hidden.W, oracle.Rats(1))
		hidden.B = append(hidden.B, new(big.Rat).Neg(ts[i]))
		out.W[0] = append(out.W[0], new(big.Rat).Sub(s, prev))
		prev = s
	}
	if len(order) == 1 { // one point: a constant, through one dead neuron
		hidden.W, hidden.B = [][]*big.Rat{oracle.Rats(0)}, oracle.Rats(0)
		out.W[0] = oracle.Rats(0)
	}
	return &oracle.Network{Layers: []oracle.Layer{hidden, out}}
}

// TestVerifyCatchesPlantedWeight tests the checker: the interpolant through
// K points of a line fine-tunes them and Verify certifies it; with the
// outgoing weight of neuron σ(t − t_(k)) off by 1/10⁹, g changes by
// (t − t_(k))/10⁹ exactly on the points right of t_(k), so Verify must name
// the first such row in file order, with got = z + (t − t_(k))/10⁹.
func TestVerifyCatchesPlantedWeight(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		K := rapid.IntRange(2, 10).Draw(t, "K")
		X := PointsShaped(K, 1, rapid.SampledFrom([]int{ShapeRandom, ShapeGrid, ShapeClose}).Draw(t, "shape")).Draw(t, "t")
		ts := make([]*big.Rat, K)
		for i := range X {
			ts[i] = X[i][0]
		}
		zs := Targets(K, TSet(K, 0, K).Draw(t, "T"), false).Draw(t, "z")
		order := SortedByProjection(X, oracle.Rats(1))
		g := interpolant(ts, zs, order)
		if _, err := oracle.Verify(g, nil, X, zs); err != nil {
			t.Fatalf("the interpolant does not fit: %v\n%#v", err, g)
		}
		k := rapid.IntRange(0, K-2).Draw(t, "planted neuron")
		g.Layers[1].W[0][k].Add(g.Layers[1].W[0][k], nano)
		row := K
		for _, i := range order[k+1:] {
			row = min(row, i)
		}
		want := new(big.Rat).Sub(ts[row], ts[order[k]])
		want.Add(want.Mul(want, nano), zs[row])
		_, err := oracle.Verify(g, nil, X, zs)
		var mm *oracle.Mismatch
		if !errors.As(err, &mm) || mm.Row != row+1 || mm.Got.Cmp(want) != 0 {
			t.Fatalf("planted weight in neuron %d: want row %d got %s, Verify says %v", k+1, row+1, want.RatString(), err)
		}
	})
}
