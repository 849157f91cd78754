package lowerbound

// certificate_cases_test.go: one small instance per way the certificate of
// certificate.go and slide.go settles its upper end, each worked by hand, so
// that a construction that stops working shows up as a wrong interval or a
// wrong reason, not only as a looser bound.

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

type certCase struct {
	name       string
	v          []int64 // values at t = 1..K
	R, lo, hi  int
	why        string // prefix of HiWhy
	lo3, hi3   int    // 3-layer interval
	decided    bool
	decided3   bool
	loWhyPrefx string
}

// The cases, by hand (t = 1..K, chord slopes s, turns, pieces):
//
//   - (2, 2, 2): constant, no unit for either depth.
//   - (1, 3, 5): affine, slope 2: R = 0 but a net with no unit is constant,
//     so one unit (2σ(t − 0) + …), and 3-layer lo = 2 (d1, d2 ≥ 1).
//   - (0, 0, 0, 1, 2): s = 0, 0, 1, 1, one breakpoint at t = 3; the piece of
//     slope 0 left of it makes the unit right-facing: σ(t − 3).
//   - (0, 1, 3, 4): s = 1, 2, 1, turns +, −: breakpoints at 2 and 3 with
//     jumps +1, −1; the right slope 1 is the sum of {+1}.
//   - (0, 1, 3): s = 1, 2: one breakpoint at 2 (jump 1); sums {0, 1} miss
//     the right slope 2; sliding it to 3/2 (where the line of slope 2
//     through (2, 1) meets level 0) gives 2σ(t − 3/2).
//   - (0, 2, 3): s = 2, 1: sliding left fails (the line of slope 1 through
//     (2, 2) meets level 0 at t = 0 < 1), sliding right works: the line of
//     slope 2 through (2, 2) meets level 3 at 5/2, −2σ(5/2 − t) + 3.
//   - (0, 1, 0): a strict extremum: one unit is monotone, so two units.
//   - (0, 1, 0, 1, 0): zigzag, K odd: slopes ±1, jumps −2, 2, −2 never sum
//     to the right slope −1, neither outer slide stays in its interval
//     (level 0 is met at t = 3 and t = 3), and sliding both gives R = 3.
//   - (0, −1, 0, 1, 4): s = −1, 1, 1, 3, convex turns at t = 2 and 4 with a
//     straight one between: R = 2, jumps 2, 2 never sum to the right slope 3,
//     the outer slides leave their intervals (level 0 met at t = 3, level 4
//     at t = 7), but the rays of λ (below −1) and ρ (above 3) point opposite
//     ways, so sliding both works with R = 2 units.
//   - (0, 1, 0, 1, 0, 1): zigzag, K even: R = 4 by sliding all right.
//   - (0, 1, 0, 1): zigzag, K = 4: R = 2 is not reached by any
//     construction here; the certificate stays [2, 3].
var certCases = []certCase{
	{"constant", []int64{2, 2, 2}, 0, 0, 0, "constant data: no unit", 0, 0, true, true, "R:"},
	{"affine", []int64{1, 3, 5}, 0, 1, 1, "R breakpoints + one unit for the left slope", 2, 2, true, true, "R+1:"},
	{"flat piece", []int64{0, 0, 0, 1, 2}, 1, 1, 1, "R units: a piece of slope 0", 2, 2, true, true, "R:"},
	{"subset sum", []int64{0, 1, 3, 4}, 2, 2, 2, "R units: a subset of the slope jumps", 2, 3, true, false, "R:"},
	{"slide left", []int64{0, 1, 3}, 1, 1, 1, "R units: an outer breakpoint slid", 2, 2, true, true, "R:"},
	{"slide right", []int64{0, 2, 3}, 1, 1, 1, "R units: an outer breakpoint slid", 2, 2, true, true, "R:"},
	{"extremum", []int64{0, 1, 0}, 1, 2, 2, "R breakpoints + one unit", 2, 3, true, false, "R+1:"},
	{"zigzag odd", []int64{0, 1, 0, 1, 0}, 3, 3, 3, "R units: both outer breakpoints slid", 3, 4, true, false, "R:"},
	{"slide both, R = 2", []int64{0, -1, 0, 1, 4}, 2, 2, 2, "R units: both outer breakpoints slid", 2, 3, true, false, "R:"},
	{"zigzag even", []int64{0, 1, 0, 1, 0, 1}, 4, 4, 4, "R units: every breakpoint of the zigzag slid right", 3, 5, true, false, "R:"},
	{"zigzag 4", []int64{0, 1, 0, 1}, 2, 2, 3, "R breakpoints + one unit", 2, 4, false, false, "R:"},
}

// TestCertificateCases: each case gets the interval and the reason worked
// out above; the nets are checked by the oracle (checkInterval).
func TestCertificateCases(t *testing.T) {
	for _, c := range certCases {
		ts := make([]*big.Rat, len(c.v))
		for i := range ts {
			ts[i] = big.NewRat(int64(i+1), 1)
		}
		vs := oracle.Rats(c.v...)
		iv, err := TwoLayerMin1D(ts, vs)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if iv.Breaks != c.R || iv.Lo != c.lo || iv.Hi != c.hi || iv.Decided != c.decided {
			t.Errorf("%s: R = %d, [%d, %d] decided %v; want R = %d, [%d, %d] decided %v",
				c.name, iv.Breaks, iv.Lo, iv.Hi, iv.Decided, c.R, c.lo, c.hi, c.decided)
		}
		if !strings.HasPrefix(iv.HiWhy, c.why) || !strings.HasPrefix(iv.LoWhy, c.loWhyPrefx) {
			t.Errorf("%s: reasons %q / %q, want %q… / %q…", c.name, iv.LoWhy, iv.HiWhy, c.loWhyPrefx, c.why)
		}
		if err := checkInterval(ts, vs, iv); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
		three, err := ThreeLayerMin1D(ts, vs)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if three.Lo != c.lo3 || three.Hi != c.hi3 || three.Decided != c.decided3 || three.Breaks != c.R {
			t.Errorf("%s: 3-layer [%d, %d] decided %v R %d; want [%d, %d] decided %v", c.name,
				three.Lo, three.Hi, three.Decided, three.Breaks, c.lo3, c.hi3, c.decided3)
		}
		if err := checkInterval(ts, vs, three); err != nil {
			t.Errorf("%s 3-layer: %v", c.name, err)
		}
		if lo, _ := ThreeLayerLower1D(ts, vs); lo != c.lo3 {
			t.Errorf("%s: ThreeLayerLower1D = %d, want %d", c.name, lo, c.lo3)
		}
		if c.hi3 > 0 && three.Net.Depth() != 3 {
			t.Errorf("%s: 3-layer net has depth %d", c.name, three.Net.Depth())
		}
	}
}

// TestSlidePositions: the slid breakpoints sit where the hand computation
// puts them: 3/2 for (0, 1, 3) and 5/2 for (0, 2, 3).
func TestSlidePositions(t *testing.T) {
	for _, c := range []struct {
		v    []int64
		want *big.Rat
	}{{[]int64{0, 1, 3}, big.NewRat(3, 2)}, {[]int64{0, 2, 3}, big.NewRat(5, 2)}} {
		iv, err := TwoLayerMin1D(oracle.Rats(1, 2, 3), oracle.Rats(c.v...))
		if err != nil {
			t.Fatal(err)
		}
		bp := lineBreaks(iv.Net)
		if len(bp) != 1 || bp[0].Cmp(c.want) != 0 {
			t.Errorf("%v: breakpoints %v, want [%v]", c.v, ratStrings(bp), c.want.RatString())
		}
	}
}

// lineBreaks lists the breakpoints of a 1-D-input net on the line.
func lineBreaks(n *oracle.Network) []*big.Rat {
	return n.Restrict([]*big.Rat{new(big.Rat)}, []*big.Rat{big.NewRat(1, 1)}).Breakpoints()
}

// TestSlideAllRightOddR: with R = 3 the rays of p_2 and p_3 point opposite
// ways, so slideAllRight keeps its default slopes p_i = s_i + σ_i (0-based
// chord slopes s, turn signs σ_i = sign(s_i − s_{i−1})), and the net exists
// exactly when p_2 − p_3 = s_0. Data 0, 5, 4, 5, 3 at t = 1..5 has chord
// slopes 5, −1, 1, −2 and turns −, +, −: p_2 − p_3 = (1 + 1) − (−2 − 1) =
// 5 = s_0. Data 0, 1, 0, 1, 0: p_2 − p_3 = 2 − (−2) = 4 ≠ 1, no net.
func TestSlideAllRightOddR(t *testing.T) {
	ln, _ := SortLine(oracle.Rats(1, 2, 3, 4, 5), oracle.Rats(0, 5, 4, 5, 3))
	if ln.MinBreakpoints() != 3 {
		t.Fatalf("R = %d, want 3", ln.MinBreakpoints())
	}
	u := slideAllRight(ln)
	if len(u) != 3 {
		t.Fatalf("slideAllRight: %d units, want 3", len(u))
	}
	if _, err := instance.OnLine(ln.T, ln.V).Verify(netFromUnits(ln, u)); err != nil {
		t.Fatal(err)
	}
	// Chord slopes 1, −1, 1, −1: p[2] − p[3] = 2 − (−2) = 4 ≠ 1 = s[0].
	ln, _ = SortLine(oracle.Rats(1, 2, 3, 4, 5), oracle.Rats(0, 1, 0, 1, 0))
	if u := slideAllRight(ln); u != nil {
		t.Fatal("slideAllRight: a net where p_2 − p_3 ≠ s_1")
	}
}

// TestSlideBothOrientation: for (0, 1, 0, 1, 0) the rays of λ and ρ point
// opposite ways, so the first option of slide.go (the first unit faces
// right, all others left: A = {1}) already works, and slideBoth returns it.
func TestSlideBothOrientation(t *testing.T) {
	ln, _ := SortLine(oracle.Rats(1, 2, 3, 4, 5), oracle.Rats(0, 1, 0, 1, 0))
	br, jumps, slopes := shape(ln.MinInterpolant())
	u := slideBoth(ln, br, jumps, slopes)
	if len(u) != 3 {
		t.Fatalf("slideBoth: %d units", len(u))
	}
	for j, x := range u {
		want := int64(-1)
		if j == 0 {
			want = 1
		}
		if x.a.Cmp(big.NewRat(want, 1)) != 0 {
			t.Errorf("unit %d faces %v, want %d", j, x.a, want)
		}
	}
}
