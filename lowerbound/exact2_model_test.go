package lowerbound

// exact2_model_test.go: the exact 2-layer decision against instances whose
// m* is known without it — planted nets (data sampled from a net with R
// units whose data needs R breakpoints has m* = R) and the K = 4 family
// with alternating chord signs (m* = 3, proved by hand below).

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// plantedNet is b + Σ_j w_j σ(±(t − β_j)) with kinks β_j strictly inside
// (1, K), random orientations and nonzero integer weights.
func plantedNet(r *rand.Rand, R, K int) *oracle.Network {
	l1 := oracle.Layer{}
	out := oracle.Layer{W: [][]*big.Rat{{}}, B: []*big.Rat{big.NewRat(int64(r.IntN(5)-2), 1)}}
	for j := 0; j < R; j++ {
		beta := big.NewRat(int64(5+r.IntN(4*K-5)), 4) // in [5/4, K − 1/4]
		a := int64(1)
		if r.IntN(2) == 0 {
			a = -1
		}
		l1.W = append(l1.W, []*big.Rat{big.NewRat(a, 1)})
		l1.B = append(l1.B, new(big.Rat).Mul(big.NewRat(-a, 1), beta))
		w := int64(1 + r.IntN(3))
		if r.IntN(2) == 0 {
			w = -w
		}
		out.W[0] = append(out.W[0], big.NewRat(w, 1))
	}
	return &oracle.Network{Layers: []oracle.Layer{l1, out}}
}

// TestExactPlanted: data sampled at t = 1..K from a planted net with R
// units whose data needs R breakpoints has m* = R exactly (R is a lower
// bound, the planted net an upper one). The exact search must find R units,
// and neither certificate may claim R + 1.
func TestExactPlanted(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	found := map[int]int{}
	for trial := 0; trial < 400 && (found[1] < 15 || found[2] < 15 || found[3] < 10); trial++ {
		R := 1 + trial%3
		K := R + 2 + r.IntN(2)
		net := plantedNet(r, R, K)
		ts := make([]*big.Rat, K)
		vs := make([]*big.Rat, K)
		for i := range ts {
			ts[i] = big.NewRat(int64(i+1), 1)
			vs[i] = net.Eval([]*big.Rat{ts[i]})
		}
		ln, _ := SortLine(ts, vs)
		if ln.MinBreakpoints() != R {
			continue
		}
		found[R]++
		where := fmt.Sprintf("R=%d data %v", R, ratStrings(vs))
		fast, err := TwoLayerMin1D(ts, vs)
		if err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		if fast.Lo != R {
			t.Fatalf("%s: certificate claims lo = %d, but a planted net has %d units", where, fast.Lo, R)
		}
		got := searchRUnits(ln, R)
		if got == nil {
			t.Fatalf("%s: exact search finds no %d-unit net, but one was planted", where, R)
		}
		if _, err := instance.OnLine(ts, vs).Verify(got); err != nil || got.Hidden() != R {
			t.Fatalf("%s: exact search's net (%d units) does not fine-tune: %v", where, got.Hidden(), err)
		}
		ex, err := TwoLayerExact1D(ts, vs, 4)
		if err != nil || ex.Lo != R || ex.Hi != R || !ex.Decided {
			t.Fatalf("%s: exact decision %+v, %v", where, ex, err)
		}
	}
	if found[1] < 15 || found[2] < 15 || found[3] < 10 {
		t.Fatalf("too few planted instances with R = #units: %v", found)
	}
}

// TestExactAlternatingK4: every K = 4 dataset whose chord slopes have signs
// +, −, + (or −, +, −) needs 3 units. Proof: on each chord interval the
// net's slope averages to the chord slope, so its pieces must show the signs
// +, −, + in order; two units give piece slopes (x, y, 0) (both facing
// left), (0, x, y) (both right), (−w, 0, w') or (−w, w'−w, w') (one each,
// by the order of the kinks), and none of these has +, −, + in order (the
// last would need w < 0 < w' and w' − w < 0). One unit or none is monotone.
// R = 2 here, so the exact search must report lo = hi = 3.
func TestExactAlternatingK4(t *testing.T) {
	type data struct{ t, v []*big.Rat }
	var all []data
	for _, sp := range [][]int64{{1, 2, 3, 4}, {0, 1, 3, 6}} {
		ts := oracle.Rats(sp...)
		eachGrid(4, 2, func(_, vs []*big.Rat) {
			ln, _ := SortLine(ts, vs)
			s := ln.Slopes()
			if a, b, c := s[0].Sign(), s[1].Sign(), s[2].Sign(); a != 0 && a == -b && b == -c {
				all = append(all, data{ts, vs})
			}
		})
	}
	step := 1
	if testing.Short() {
		step = 34 // each instance is an exhaustive infeasibility proof
	}
	for i := 0; i < len(all); i += step {
		ts, vs := all[i].t, all[i].v
		ex, err := TwoLayerExact1D(ts, vs, 4)
		if err != nil {
			t.Fatal(err)
		}
		if ex.Breaks != 2 || ex.Lo != 3 || ex.Hi != 3 {
			t.Fatalf("t = %v, v = %v: R = %d, exact [%d, %d], want R = 2 and m* = 3", ratStrings(ts), ratStrings(vs), ex.Breaks, ex.Lo, ex.Hi)
		}
	}
	t.Logf("%d alternating datasets, %d checked", len(all), (len(all)+step-1)/step)
}

// TestExactMaxR: data with R above the limit is refused with an error;
// already decided data is returned as the certificate decided it.
func TestExactMaxR(t *testing.T) {
	if _, err := TwoLayerExact1D(oracle.Rats(1, 2, 3, 4), oracle.Rats(0, 1, 0, 1), 1); err == nil {
		t.Error("R = 2 > maxR = 1: no error")
	}
	if iv, err := TwoLayerExact1D(oracle.Rats(1, 2, 3, 4), oracle.Rats(0, 1, 0, 1), 2); err != nil || iv.Lo != 3 {
		t.Errorf("R = 2 = maxR: %+v, %v", iv, err)
	}
	iv, err := TwoLayerExact1D(oracle.Rats(1, 2, 3, 4, 5), oracle.Rats(0, 1, 0, 1, 0), 0)
	if err != nil || !iv.Decided || iv.Hi != 3 {
		t.Errorf("decided zigzag: %+v, %v", iv, err)
	}
	if _, err := TwoLayerExact1D(oracle.Rats(1, 1), oracle.Rats(0, 1), 3); err == nil {
		t.Error("duplicate t: no error")
	}
}

// TestCanonicalFirstZigzag: for a zigzag (R = K − 2) the nets of slide.go
// have their kinks in the intervals canonicalFirst tries first — for odd K
// the first kink in (t_1, t_2), the last in (t_{K−1}, t_K) and the others at
// data points; for even K ≥ 6 each kink just right of its data point — so
// canonicalFirst alone must find an R-unit net, on either side of each
// breakpoint as needed.
func TestCanonicalFirstZigzag(t *testing.T) {
	for K := 5; K <= 7; K++ {
		for shift := int64(-1); shift <= 1; shift += 2 {
			// Chord slopes alternate in sign: a zigzag, R = K − 2.
			ts := make([]*big.Rat, K)
			vs := make([]*big.Rat, K)
			for i := range ts {
				ts[i] = big.NewRat(int64(i*i+i+2), 2) // uneven spacing: 1, 2, 4, 7, 11, …
				vs[i] = big.NewRat(int64(sgn(i))*(1+int64(i%3))+shift, 1)
			}
			ln, _ := SortLine(ts, vs)
			if ln.MinBreakpoints() != K-2 {
				t.Fatalf("K=%d v=%v: not a zigzag", K, ratStrings(vs))
			}
			net := canonicalFirst(ln, K-2)
			if net == nil {
				t.Fatalf("K=%d v=%v: canonicalFirst finds no %d-unit net", K, ratStrings(vs), K-2)
			}
			if _, err := instance.OnLine(ts, vs).Verify(net); err != nil {
				t.Fatalf("K=%d v=%v: %v", K, ratStrings(vs), err)
			}
		}
	}
}

// TestCanonicalFirstSides: canonicalFirst must try both intervals next to a
// breakpoint at a data point, and the interval of a breakpoint between data
// points. By hand, each instance has exactly one 1-unit net:
//
//   - (0, 1, 3): breakpoint of the interpolant at t = 2; the only unit is
//     2σ(t − 3/2), kink left of it (a right-facing unit with kink in [2, 3]
//     would give v_1 = v_2; a left-facing one v_2 = v_3).
//   - (0, 2, 3): the mirror image, −2σ(5/2 − t) + 3, kink right of t = 2.
//   - (0, 0, 1/2, 3/2) = σ(t − 5/2): two convex turns share the breakpoint
//     5/2 inside (2, 3), and the unit's kink must be exactly there.
func TestCanonicalFirstSides(t *testing.T) {
	for _, c := range []struct {
		t, v []*big.Rat
		kink *big.Rat
	}{
		{oracle.Rats(1, 2, 3), oracle.Rats(0, 1, 3), big.NewRat(3, 2)},
		{oracle.Rats(1, 2, 3), oracle.Rats(0, 2, 3), big.NewRat(5, 2)},
		{oracle.Rats(1, 2, 3, 4), []*big.Rat{new(big.Rat), new(big.Rat), big.NewRat(1, 2), big.NewRat(3, 2)}, big.NewRat(5, 2)},
	} {
		ln, _ := SortLine(c.t, c.v)
		net := canonicalFirst(ln, 1)
		if net == nil {
			t.Errorf("v = %v: canonicalFirst finds no 1-unit net", ratStrings(c.v))
			continue
		}
		if bp := lineBreaks(net); len(bp) != 1 || bp[0].Cmp(c.kink) != 0 {
			t.Errorf("v = %v: kinks %v, want [%v]", ratStrings(c.v), ratStrings(bp), c.kink.RatString())
		}
		if _, err := instance.OnLine(c.t, c.v).Verify(net); err != nil {
			t.Errorf("v = %v: %v", ratStrings(c.v), err)
		}
	}
}

// TestCanonicalFirstTwelve: canonicalFirst still works at R = 12 (its
// limit). The data come from 12 left-facing units with kinks at the
// midpoints of every other interval of t = 1..26, so each kink shows as two
// turns of one sign sharing a breakpoint at the kink, the interpolant's
// breakpoints are exactly the kinks, and the first case tried (all units
// facing left) fits.
func TestCanonicalFirstTwelve(t *testing.T) {
	const R, K = 12, 26
	l1 := oracle.Layer{}
	out := oracle.Layer{W: [][]*big.Rat{{}}, B: []*big.Rat{big.NewRat(1, 1)}}
	for j := 0; j < R; j++ {
		beta := big.NewRat(int64(4*j+5), 2) // midpoint of [t_{2j+2}, t_{2j+3}]
		l1.W = append(l1.W, []*big.Rat{big.NewRat(-1, 1)})
		l1.B = append(l1.B, beta)
		out.W[0] = append(out.W[0], big.NewRat(int64(1+j%3)*int64(sgn(j/2)), 1))
	}
	net := &oracle.Network{Layers: []oracle.Layer{l1, out}}
	ts := make([]*big.Rat, K)
	vs := make([]*big.Rat, K)
	for i := range ts {
		ts[i] = big.NewRat(int64(i+1), 1)
		vs[i] = net.Eval([]*big.Rat{ts[i]})
	}
	ln, _ := SortLine(ts, vs)
	if r := ln.MinBreakpoints(); r != R {
		t.Fatalf("R = %d, want %d", r, R)
	}
	got := canonicalFirst(ln, R)
	if got == nil {
		t.Fatal("canonicalFirst finds no net at R = 12")
	}
	if _, err := instance.OnLine(ts, vs).Verify(got); err != nil {
		t.Fatal(err)
	}
}
