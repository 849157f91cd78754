package lowerbound

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"
)

// TestParamsByHand: the parameter counts of the doc, on widths counted by
// hand.
func TestParamsByHand(t *testing.T) {
	cases := []struct {
		d      int
		widths []int
		want   int
	}{
		{1, []int{1}, 4},           // w, b, v, b2
		{1, []int{5}, 16},          // 3m+1
		{10, []int{3}, 37},         // 3·11 + 4
		{2, []int{3, 4}, 30},       // 3·3 + 4·4 + 4 + 1
		{1, []int{1, 1}, 6},        // 2 + 2 + 2
		{3, []int{2, 2, 2}, 23},    // 2·4 + 2·3 + 2·3 + 3
		{4, []int{0}, 1},           // only the output bias
		{10, []int{8, 8}, 169},     // docs/fig9.csv: depth 3, d1 = d2 = 8, params 169
		{10, []int{18}, 18*12 + 1}, // docs/fig9.csv: depth 2, m = 18, params 217
	}
	for _, c := range cases {
		if got := Params(c.d, c.widths); got != c.want {
			t.Errorf("Params(%d, %v) = %d, want %d", c.d, c.widths, got, c.want)
		}
	}
}

// TestEffectiveParamsByHand: P_eff = P − hidden with the input dimension
// replaced by r; on a line (r = 1) a 2-layer net has 2m+1 (the breakpoints,
// the slope jumps and b2), a 3-layer net (d1+1)(d2+1); a net with an empty
// hidden layer is constant (1).
func TestEffectiveParamsByHand(t *testing.T) {
	for m := 1; m <= 20; m++ {
		if got := EffectiveParams(1, []int{m}); got != 2*m+1 {
			t.Errorf("r=1, m=%d: %d, want %d", m, got, 2*m+1)
		}
		if got := EffectiveParams(7, []int{m}); got != 8*m+1 {
			t.Errorf("r=7, m=%d: %d, want %d", m, got, 8*m+1)
		}
		for d2 := 1; d2 <= 20; d2++ {
			if got := EffectiveParams(1, []int{m, d2}); got != (m+1)*(d2+1) {
				t.Errorf("r=1, %d×%d: %d, want %d", m, d2, got, (m+1)*(d2+1))
			}
		}
	}
	for _, w := range [][]int{{0}, {0, 3}, {3, 0}} {
		if got := EffectiveParams(5, w); got != 1 {
			t.Errorf("widths %v: %d, want 1", w, got)
		}
	}
}

// TestCountingLowerByHand: values worked out by hand. 2-layer on a line:
// 2m+1 ≥ N. 3-layer on a line: (d1+1)(d2+1) ≥ N, e.g. N = 1000 needs
// 32·32 (31·32 = 992 < 1000), m = 62. 3-layer with r = 10, N = 100: m = 9
// gives at most 8·10+8+1+1 = 90 < 100, m = 10 gives 9·10+9+1+1 = 101.
func TestCountingLowerByHand(t *testing.T) {
	two := []struct{ N, r, want int }{
		{0, 1, 0}, {1, 1, 0}, {2, 1, 1}, {3, 1, 1}, {4, 1, 2}, {10, 1, 5}, {1000, 1, 500},
		{100, 10, 9}, {1000, 10, 91}, {12, 10, 1}, {13, 10, 2},
	}
	for _, c := range two {
		if got := CountingLower2(c.N, c.r); got != c.want {
			t.Errorf("CountingLower2(%d, %d) = %d, want %d", c.N, c.r, got, c.want)
		}
	}
	three := []struct{ N, r, want int }{
		{1, 1, 0}, {2, 1, 2}, {4, 1, 2}, {5, 1, 3}, {10, 1, 5}, {100, 1, 18}, {1000, 1, 62}, {100, 10, 10},
	}
	for _, c := range three {
		m, d1, d2 := CountingLower3(c.N, c.r)
		if m != c.want || d1+d2 != m || (m > 0 && EffectiveParams(c.r, []int{d1, d2}) < c.N) {
			t.Errorf("CountingLower3(%d, %d) = %d (%d, %d), want %d", c.N, c.r, m, d1, d2, c.want)
		}
	}
}

// TestCountingLowerIndependent: CountingLower2 equals the closed form
// ⌈(N−1)/(r+1)⌉, and CountingLower3 the minimum of d1 + d2 over a grid of
// width pairs, enumerated in another order, with P_eff written out.
func TestCountingLowerIndependent(t *testing.T) {
	for r := 1; r <= 12; r++ {
		for N := 0; N <= 300; N++ {
			want := 0
			if N > 1 {
				want = (N - 1 + r) / (r + 1)
			}
			if got := CountingLower2(N, r); got != want {
				t.Fatalf("CountingLower2(%d, %d) = %d, closed form %d", N, r, got, want)
			}
		}
	}
	for r := 1; r <= 6; r++ {
		for N := 2; N <= 400; N++ {
			best := 1 << 30
			for d2 := 60; d2 >= 1; d2-- {
				for d1 := 60; d1 >= 1; d1-- {
					if d1*r+d1*d2+d2+1 >= N && d1+d2 < best {
						best = d1 + d2
					}
				}
			}
			if m, _, _ := CountingLower3(N, r); m != best {
				t.Fatalf("CountingLower3(%d, %d) = %d, grid minimum %d", N, r, m, best)
			}
		}
	}
}

// eBounds are rational bounds e_lo < e < e_hi: the series Σ_{k≤30} 1/k! and
// that plus 2/31!, which exceeds the tail Σ_{k>30} 1/k!.
func eBounds() (lo, hi *big.Rat) {
	lo, term := new(big.Rat), big.NewRat(1, 1)
	for k := 0; k <= 30; k++ {
		if k > 0 {
			term.Quo(term, big.NewRat(int64(k), 1))
		}
		lo.Add(lo, term)
	}
	tail := new(big.Rat).Quo(term, big.NewRat(31, 1))
	hi = new(big.Rat).Add(lo, tail.Mul(tail, big.NewRat(2, 1)))
	return lo, hi
}

// log2Exact encloses log₂ q for a rational q > 0 by the bit-by-bit
// algorithm in integers: scale q into [1, 2), then square repeatedly; a
// square ≥ 2 is a 1 bit. Lower and upper fixed-point bounds are kept with
// floor and ceiling, so the enclosure is exact arithmetic throughout.
func log2Exact(q *big.Rat, bits int) (lo, hi *big.Rat) {
	a, b := new(big.Int).Set(q.Num()), new(big.Int).Set(q.Denom())
	k := a.BitLen() - b.BitLen()
	// y = q/2^k ∈ [1/2, 2): adjust to [1, 2).
	num, den := new(big.Int).Set(a), new(big.Int).Set(b)
	if k > 0 {
		den.Lsh(den, uint(k))
	} else {
		num.Lsh(num, uint(-k))
	}
	if num.Cmp(den) < 0 {
		num.Lsh(num, 1)
		k--
	}
	F := uint(2*bits + 40)
	one := new(big.Int).Lsh(big.NewInt(1), F)
	two := new(big.Int).Lsh(one, 1)
	yl := new(big.Int).Lsh(num, F)
	yu := new(big.Int).Set(yl)
	yl.Quo(yl, den)
	if new(big.Int).Mod(yu, den).Sign() != 0 {
		yu.Quo(yu, den).Add(yu, big.NewInt(1))
	} else {
		yu.Quo(yu, den)
	}
	frac := new(big.Rat)
	step := big.NewRat(1, 1)
	for i := 0; i < bits; i++ {
		step.Quo(step, big.NewRat(2, 1))
		yl.Mul(yl, yl).Rsh(yl, F)
		yu.Mul(yu, yu)
		r := new(big.Int).And(yu, new(big.Int).Sub(one, big.NewInt(1)))
		yu.Rsh(yu, F)
		if r.Sign() != 0 {
			yu.Add(yu, big.NewInt(1))
		}
		switch {
		case yl.Cmp(two) >= 0:
			frac.Add(frac, step)
			yl.Rsh(yl, 1)
			if yu.Bit(0) == 1 {
				yu.Rsh(yu, 1).Add(yu, big.NewInt(1))
			} else {
				yu.Rsh(yu, 1)
			}
		case yu.Cmp(two) < 0:
		default: // undecided bit: stop with the interval so far
			lo = new(big.Rat).Add(big.NewRat(int64(k), 1), frac)
			return lo, new(big.Rat).Add(lo, new(big.Rat).Mul(step, big.NewRat(2, 1)))
		}
	}
	lo = new(big.Rat).Add(big.NewRat(int64(k), 1), frac)
	return lo, new(big.Rat).Add(lo, step)
}

// TestLog2ExactByHand: the independent log₂ on values known exactly.
func TestLog2ExactByHand(t *testing.T) {
	for _, c := range []struct {
		q    *big.Rat
		want *big.Rat
	}{{big.NewRat(8, 1), big.NewRat(3, 1)}, {big.NewRat(1, 4), big.NewRat(-2, 1)}, {big.NewRat(1, 1), new(big.Rat)}} {
		lo, hi := log2Exact(c.q, 40)
		if lo.Cmp(c.want) > 0 || hi.Cmp(c.want) < 0 {
			t.Errorf("log2(%s) ∈ [%s, %s] misses %s", c.q.RatString(), lo.FloatString(12), hi.FloatString(12), c.want.RatString())
		}
	}
	// log₂ 3 ∈ (1.5849625007, 1.5849625008) and 2^19 < 3^12 < 2^20 give 19/12 < log₂ 3 < 20/12.
	lo, hi := log2Exact(big.NewRat(3, 1), 40)
	if lo.Cmp(big.NewRat(15849625007, 10000000000)) < 0 || hi.Cmp(big.NewRat(15849625008, 10000000000)) > 0 {
		t.Errorf("log2 3 ∈ [%s, %s]", lo.FloatString(12), hi.FloatString(12))
	}
}

// checkLog2TwoEQ compares an enclosure of log₂(2eq) with the independent
// one, 1 + [log₂(e_lo·q), log₂(e_hi·q)] by log2Exact: they must overlap (the
// true value is in both), and the enclosure must be narrow.
func checkLog2TwoEQ(q *big.Rat, got Enclosure) error {
	elo, ehi := eBounds()
	lo, _ := log2Exact(new(big.Rat).Mul(elo, q), 80)
	_, hi := log2Exact(new(big.Rat).Mul(ehi, q), 80)
	lo.Add(lo, big.NewRat(1, 1))
	hi.Add(hi, big.NewRat(1, 1))
	gl, _ := got.Lo.Rat(nil)
	gh, _ := got.Hi.Rat(nil)
	if gl.Cmp(hi) > 0 || gh.Cmp(lo) < 0 {
		return fmt.Errorf("log2(2e·%s): enclosure [%s, %s] misses the exact [%s, %s]", q.RatString(), gl.FloatString(30), gh.FloatString(30), lo.FloatString(30), hi.FloatString(30))
	}
	if w := new(big.Rat).Sub(gh, gl); w.Sign() < 0 || w.Cmp(new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Lsh(big.NewInt(1), 80))) > 0 {
		return fmt.Errorf("log2(2e·%s): enclosure [%s, %s] is empty or wider than 2^-80", q.RatString(), gl.FloatString(30), gh.FloatString(30))
	}
	return nil
}

// TestLog2TwoEQEnclosure: the bigfloat enclosure of log₂(2eq) agrees with
// exact integer arithmetic on the q of real layers and on random rationals.
func TestLog2TwoEQEnclosure(t *testing.T) {
	var qs []*big.Rat
	for _, d := range []int{1, 3, 10} {
		for _, w := range [][]int{{1}, {7}, {40}, {3, 5}, {28, 25}} {
			for _, n := range []int{2, 17, 100, 1000} {
				for _, l := range GrowthLayers(d, w) {
					if n*l.K >= l.W {
						qs = append(qs, big.NewRat(int64(n*l.K*l.Deg), int64(l.W)))
					}
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(7, 13))
	for range 60 {
		den := r.Int64N(1e6) + 1
		qs = append(qs, big.NewRat(den+r.Int64N(1e9), den))
	}
	qs = append(qs, big.NewRat(1, 1), big.NewRat(1<<40, 1))
	for _, q := range qs {
		if err := checkLog2TwoEQ(q, Log2TwoEQ(q)); err != nil {
			t.Error(err)
		}
	}
}

// TestLog2TwoEQCheckerCatches: the comparison above rejects an enclosure
// off by 2^-60 (a planted rounding in the wrong direction) and one that
// whose argument is off by a factor 2718/2719 (a wrong constant).
func TestLog2TwoEQCheckerCatches(t *testing.T) {
	q := big.NewRat(1234567, 89)
	good := Log2TwoEQ(q)
	shift := new(big.Float).SetPrec(vcPrec).SetMantExp(big.NewFloat(1), -60)
	bad := Enclosure{Lo: new(big.Float).SetPrec(vcPrec).Add(good.Lo, shift), Hi: new(big.Float).SetPrec(vcPrec).Add(good.Hi, shift)}
	if checkLog2TwoEQ(q, bad) == nil {
		t.Error("an enclosure shifted up by 2^-60 passed")
	}
	if checkLog2TwoEQ(q, Log2TwoEQ(new(big.Rat).Mul(q, big.NewRat(2718, 2719)))) == nil {
		t.Error("an enclosure whose argument is off by a factor 2718/2719 passed")
	}
	if checkLog2TwoEQ(q, good) != nil {
		t.Error("the true enclosure failed")
	}
}

// exactGrowth is ∏ B_i with e replaced by the rational e0, in exact
// rational arithmetic.
func exactGrowth(n int, layers []GrowthLayer, e0 *big.Rat) *big.Rat {
	p := big.NewRat(1, 1)
	for _, l := range layers {
		triv := new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), uint(n*l.K)))
		b := triv
		if n*l.K >= l.W {
			base := new(big.Rat).Mul(e0, big.NewRat(int64(2*n*l.K*l.Deg), int64(l.W)))
			pow := new(big.Rat).SetFrac(new(big.Int).Exp(base.Num(), big.NewInt(int64(l.W)), nil), new(big.Int).Exp(base.Denom(), big.NewInt(int64(l.W)), nil))
			pow.Mul(pow, big.NewRat(2, 1))
			if pow.Cmp(triv) < 0 {
				b = pow
			}
		}
		p.Mul(p, b)
	}
	return p
}

// exactMay decides 2^n ≤ ∏ B_i exactly: +1 when it holds with e_lo (so
// with e), −1 when it fails with e_hi (so with e), 0 when the rational
// bounds on e do not decide.
func exactMay(n, d int, widths []int) int {
	elo, ehi := eBounds()
	L := GrowthLayers(d, widths)
	pow := new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), uint(n)))
	if pow.Cmp(exactGrowth(n, L, elo)) <= 0 {
		return 1
	}
	if pow.Cmp(exactGrowth(n, L, ehi)) > 0 {
		return -1
	}
	return 0
}

// TestMayShatterExact: the certified decision 2^n ≤ ∏ B_i agrees with
// exact rational comparisons (2^n against ∏ 2(2e·n·k·i/W)^W, e bracketed
// by rationals) at every n ≤ 400 for small nets of depth 2 and 3, where both
// answers occur.
func TestMayShatterExact(t *testing.T) {
	seen := map[int]int{}
	var nets [][]int
	for m := 1; m <= 6; m++ {
		nets = append(nets, []int{m})
	}
	for a := 1; a <= 3; a++ {
		for b := 1; b <= 3; b++ {
			nets = append(nets, []int{a, b})
		}
	}
	for _, d := range []int{1, 2, 4} {
		for _, w := range nets {
			for n := 1; n <= 400; n += 1 + n/8 {
				want := exactMay(n, d, w)
				got := MayShatter(n, d, w)
				seen[want]++
				if !got.Decided || (want == 1 && !got.May) || (want == -1 && got.May) || want == 0 {
					t.Errorf("n=%d d=%d widths=%v: certified %+v, exact %d", n, d, w, got, want)
				}
			}
		}
	}
	if seen[1] == 0 || seen[-1] == 0 {
		t.Errorf("the grid did not exercise both answers: %v", seen)
	}
}

// TestVCLowerConservative: the reported least width is excluded exactly
// below and allowed exactly at it, so it is the true least m of the
// formula (never above it), at the N of the report.
func TestVCLowerConservative(t *testing.T) {
	for _, d := range []int{1, 10} {
		for _, N := range []int{2, 10, 100, 1000} {
			m, und := VCLower2(N, d)
			if und != 0 {
				t.Errorf("VCLower2(%d, %d): %d undecided", N, d, und)
			}
			if m >= 2 && exactMay(N, d, []int{m - 1}) != -1 {
				t.Errorf("VCLower2(%d, %d) = %d but m−1 is not excluded exactly", N, d, m)
			}
			if m >= 1 && exactMay(N, d, []int{m}) != 1 {
				t.Errorf("VCLower2(%d, %d) = %d is not allowed exactly", N, d, m)
			}
			m3, d1, d2, und := VCLower3(N, d)
			if und != 0 || d1+d2 != m3 {
				t.Errorf("VCLower3(%d, %d) = %d (%d, %d), %d undecided", N, d, m3, d1, d2, und)
			}
			for a := 1; a < m3-1; a++ {
				if exactMay(N, d, []int{a, m3 - 1 - a}) != -1 {
					t.Errorf("VCLower3(%d, %d) = %d but %d×%d is not excluded exactly", N, d, m3, a, m3-1-a)
				}
			}
			if exactMay(N, d, []int{d1, d2}) != 1 {
				t.Errorf("VCLower3(%d, %d): %d×%d is not allowed exactly", N, d, d1, d2)
			}
		}
	}
}

// TestVCLowerByHand: d = 1, m = 1 has layers W_1 = 2 (degree 1) and
// W_2 = 4 (degree 2). At n = 10 both factors are the trivial 2^10
// (1 + 2·log₂(10e) ≈ 10.5 and 1 + 4·log₂(10e) ≈ 20.1 exceed 10), so the
// bound allows 2^20 ≥ 2^10. At n = 50: 1 + 2·log₂(50e) ≈ 15.2 and
// 1 + 4·log₂(50e) ≈ 29.3 sum to ≈ 44.5 < 50: excluded. Widths 1×1 at n = 2
// are allowed trivially, and a constant net shatters no 5 points.
func TestVCLowerByHand(t *testing.T) {
	if c := MayShatter(2, 1, []int{1, 1}); !c.May {
		t.Error("1×1 at n = 2 should be allowed")
	}
	if c := MayShatter(10, 1, []int{1}); !c.May {
		t.Error("m = 1 at n = 10 should be allowed by the bound (20 ≥ 10)")
	}
	if c := MayShatter(50, 1, []int{1}); c.May || !c.Decided {
		t.Errorf("m = 1 at n = 50 should be excluded (≈ 44.6 < 50): %+v", c)
	}
	if c := MayShatter(5, 3, []int{0}); c.May {
		t.Error("a constant net shatters no 5 points")
	}
}
