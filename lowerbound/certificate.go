package lowerbound

// Certified intervals [lo, hi] for the least number of neurons m* that
// fine-tunes 1-D data (t_i, z_i): g(t_i) = z_i for every i.
//
// 2-layer. On a line g(t) = b + Σ_k w_k σ(a_k t + c_k). A unit with a_k = 0
// is a constant; every other unit has one kink β_k = −c_k/a_k, where the
// slope of g jumps by δ_k = w_k|a_k| ≠ 0, and it is flat on one side: on the
// left if a_k > 0 ("right-facing"), on the right if a_k < 0. Hence g has at
// most m breakpoints, so m ≥ R (lo = R), and its outer slopes are
//
//	right slope ρ = Σ_{a_k>0} δ_k,   left slope λ = −Σ_{a_k<0} δ_k.
//
// Conversely, a piecewise-linear φ with breakpoints β_1 < … < β_r, jumps δ_j
// and outer slopes λ, ρ is a net with r units iff some subset A of the
// breakpoints has Σ_A δ_j = ρ (face A right, the rest left; the constant goes
// to b). With r + 1 units it always is: add a right-facing unit σ(t − β_0)
// with β_0 < t_1 and weight λ, which agrees with λ·(t − β_0) on the data;
// then every breakpoint faces right. So m* ∈ {R, R+1}: hi = R+1 always
// (built and verified), and hi = R when a minimum interpolant with such a
// subset is found. We try: the interpolant of interpolant.go (a piece of
// slope 0 gives A = the breakpoints right of it; otherwise an exact subset-sum
// search over the distinct reachable sums, up to 40 jumps), the same
// interpolant with its first (last) breakpoint slid into the first (last)
// data interval, which frees the left (right) slope over an open ray (if 0 is
// in that ray, set it to 0), both slid at once (slide.go), which settles
// every zigzag with K odd, and every breakpoint slid right, which settles
// every zigzag with K even ≥ 6.
//
// lo = R+1 is proved in two cases: R = 0 with non-constant data (a net with
// no unit is constant), and K = 3 with chord slopes s_1·s_2 < 0 (the middle
// point a strict extremum). For K = 3 with R = 1 every 1-breakpoint
// interpolant has its breakpoint at t_2 (λ = s_1, ρ = s_2), in (t_1, t_2)
// (λ on the far side of s_1 from s_2, ρ = s_2), or in (t_2, t_3) (ρ on the far
// side of s_2 from s_1, λ = s_1); one unit is flat on one side, so it needs
// λ = 0 or ρ = 0, which is possible iff not s_1·s_2 < 0. Equivalently a
// single unit is monotone and a strict extremum is not. Elsewhere the
// interval [R, R+1] may stay open; TwoLayerExact1D (exact2.go) closes it for
// small data.
//
// 3-layer, widths d1, d2 ≥ 1. lo = the least d1 + d2 whose proven piece bound
// MaxPieces3 admits R + 1 pieces (pieces.go); 0 for constant data. hi: the
// 2-layer net g with hi₂ units followed by one more unit, g ↦ σ(g + C) − C with
// C ≥ −min_i g(t_i), which is g on the data: hi = hi₂ + 1 (verified).

import (
	"math/big"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// Interval is a certified range lo ≤ m* ≤ hi, with the verified network
// attaining hi and what established each end.
type Interval struct {
	Lo, Hi  int
	Net     *oracle.Network // fine-tunes the data with Hi hidden units, verified
	LoWhy   string
	HiWhy   string
	Breaks  int // R
	Decided bool
}

// unit is one first-layer ReLU σ(a t + c) with a = ±1 and outgoing weight w.
type unit struct{ a, c, w *big.Rat }

// TwoLayerMin1D certifies m* of a 2-layer net for 1-D data (t_i, z_i).
func TwoLayerMin1D(t, z []*big.Rat) (*Interval, error) {
	ln, err := SortLine(t, z)
	if err != nil {
		return nil, err
	}
	if len(ln.T) == 0 {
		return nil, &DataError{0, "no points"}
	}
	R := ln.MinBreakpoints()
	iv := &Interval{Lo: R, Breaks: R, LoWhy: "R: a 2-layer net has at most m breakpoints on a line"}
	pl := ln.MinInterpolant()
	units, how := realise(ln, pl)
	if units == nil {
		units, how = withExtraUnit(ln, pl), "R breakpoints + one unit for the left slope"
	}
	net := netFromUnits(ln, units)
	if _, err := instance.OnLine(ln.T, ln.V).Verify(net); err != nil {
		return nil, &DataError{0, "internal: the built 2-layer net does not verify: " + err.Error()}
	}
	iv.Net, iv.Hi, iv.HiWhy = net, len(units), how
	if iv.Hi > R && provedExtra(ln, R) {
		iv.Lo, iv.LoWhy = R+1, "R+1: no R-unit net exists (R = 0 with non-constant data, or K = 3 with a strict extremum)"
	}
	iv.Decided = iv.Lo == iv.Hi
	return iv, nil
}

// provedExtra reports the cases where R units provably do not suffice.
func provedExtra(ln *Line, R int) bool {
	s := ln.Slopes()
	switch {
	case R == 0:
		return len(s) > 0 && !(s[0].Sign() == 0 && allEqual(s))
	case len(ln.T) == 3:
		return s[0].Sign()*s[1].Sign() < 0
	}
	return false
}

func allEqual(s []*big.Rat) bool {
	for _, x := range s {
		if x.Cmp(s[0]) != 0 {
			return false
		}
	}
	return true
}

// realise looks for R units realising a minimum interpolant (see the file
// comment); nil if none was found.
func realise(ln *Line, pl *oracle.PiecewiseLinear) ([]unit, string) {
	br, jumps, slopes := shape(pl)
	if len(br) == 0 {
		if pl.Left.Sign() == 0 {
			return []unit{}, "constant data: no unit"
		}
		return nil, ""
	}
	for q, p := range slopes {
		if p.Sign() == 0 {
			return orient(br, jumps, func(j int) bool { return j >= q }), "R units: a piece of slope 0 splits left- and right-facing units"
		}
	}
	if A := subsetSum(jumps, pl.Right); A != nil {
		return orient(br, jumps, func(j int) bool { return A[j] }), "R units: a subset of the slope jumps sums to the right slope"
	}
	if u := slideOuter(ln, br, jumps); u != nil {
		return u, "R units: an outer breakpoint slid into the first/last interval makes an outer slope 0"
	}
	if u := slideBoth(ln, br, jumps, slopes); u != nil {
		return u, "R units: both outer breakpoints slid outwards so that λ + ρ matches one unit's jump"
	}
	if u := slideAllRight(ln); u != nil {
		return u, "R units: every breakpoint of the zigzag slid right so that p_2 − ρ matches the first slope"
	}
	return nil, ""
}

// shape lists the breakpoints of pl, the slope jumps there, and the slopes
// of the pieces (len(br)+1).
func shape(pl *oracle.PiecewiseLinear) (br, jumps, slopes []*big.Rat) {
	slopes = []*big.Rat{pl.Slope(0)}
	for i := range pl.Points {
		s := pl.Slope(i + 1)
		if d := new(big.Rat).Sub(s, slopes[len(slopes)-1]); d.Sign() != 0 {
			br, jumps = append(br, pl.Points[i]), append(jumps, d)
			slopes = append(slopes, s)
		}
	}
	return br, jumps, slopes
}

// orient makes one unit per breakpoint: right-facing σ(t − β) when right(j),
// else left-facing σ(β − t); either way the weight is the jump.
func orient(br, jumps []*big.Rat, right func(j int) bool) []unit {
	u := make([]unit, len(br))
	for j := range br {
		if right(j) {
			u[j] = unit{big.NewRat(1, 1), new(big.Rat).Neg(br[j]), jumps[j]}
		} else {
			u[j] = unit{big.NewRat(-1, 1), new(big.Rat).Set(br[j]), jumps[j]}
		}
	}
	return u
}

// subsetSum finds A with Σ_A jumps = target exactly, by growing the set of
// reachable sums one jump at a time (each sum kept once, with one subset that
// reaches it); it gives up (nil) beyond 40 jumps, 1<<16 distinct sums or
// subsetSumBits bits of sums held (huge numbers would make even a few
// thousand sums take minutes).
func subsetSum(jumps []*big.Rat, target *big.Rat) []bool {
	if len(jumps) > 40 {
		return nil
	}
	type entry struct {
		sum *big.Rat
		set []int
	}
	reach := map[string]entry{ratKey(new(big.Rat)): {new(big.Rat), nil}}
	held := 0
	for j, d := range jumps {
		next := make(map[string]entry, 2*len(reach))
		for k, e := range reach {
			next[k] = e
		}
		for _, e := range reach {
			s := new(big.Rat).Add(e.sum, d)
			if k := ratKey(s); next[k].sum == nil {
				next[k] = entry{s, append(append([]int{}, e.set...), j)}
				held += s.Num().BitLen() + s.Denom().BitLen()
			}
		}
		if len(next) > 1<<16 || held > subsetSumBits {
			return nil
		}
		reach = next
	}
	e, ok := reach[ratKey(target)]
	if !ok {
		return nil
	}
	A := make([]bool, len(jumps))
	for _, j := range e.set {
		A[j] = true
	}
	return A
}

// subsetSumBits bounds the bits of all sums subsetSum holds: 1<<16 sums of
// 512 bits.
const subsetSumBits = 1 << 25

// ratKey is an exact key for r in linear time (base 32, not base 10).
func ratKey(r *big.Rat) string {
	return r.Num().Text(32) + "/" + r.Denom().Text(32)
}

// withExtraUnit realises pl with R + 1 units: all breakpoints right-facing
// and σ(t − β_0) with weight λ, β_0 = t_1 − 1.
func withExtraUnit(ln *Line, pl *oracle.PiecewiseLinear) []unit {
	br, jumps, _ := shape(pl)
	u := orient(br, jumps, func(int) bool { return true })
	b0 := new(big.Rat).Sub(ln.T[0], big.NewRat(1, 1))
	return append(u, unit{big.NewRat(1, 1), new(big.Rat).Neg(b0), new(big.Rat).Set(pl.Left)})
}

// netFromUnits is b + Σ w σ(a t + c), with b fitted at t_1.
func netFromUnits(ln *Line, units []unit) *oracle.Network {
	b := new(big.Rat).Set(ln.V[0])
	var tmp big.Rat
	l1 := oracle.Layer{}
	l2 := oracle.Layer{W: [][]*big.Rat{{}}}
	for _, u := range units {
		tmp.Mul(u.a, ln.T[0])
		tmp.Add(&tmp, u.c)
		if tmp.Sign() > 0 {
			b.Sub(b, new(big.Rat).Mul(u.w, &tmp))
		}
		l1.W = append(l1.W, []*big.Rat{u.a})
		l1.B = append(l1.B, u.c)
		l2.W[0] = append(l2.W[0], u.w)
	}
	if len(units) == 0 {
		return &oracle.Network{Layers: []oracle.Layer{{W: [][]*big.Rat{{new(big.Rat)}}, B: []*big.Rat{b}}}}
	}
	l2.B = []*big.Rat{b}
	return &oracle.Network{Layers: []oracle.Layer{l1, l2}}
}

// slideOuter replaces the first (last) piece by a piece of slope 0 through
// the first (last) data point, meeting the next piece's line at c; valid when
// no other data point lies beyond c. Then every unit faces right (left).
func slideOuter(ln *Line, br, jumps []*big.Rat) []unit {
	K, r := len(ln.T), len(br)
	pl := ln.MinInterpolant()
	_, _, slopes := shape(pl)
	if br[0].Cmp(ln.T[1]) <= 0 {
		// Line of piece 1 through (br[0], φ(br[0])) with slope p1 meets
		// the level v_0 at c = br[0] + (v_0 − φ(br[0]))/p1.
		c := meetLevel(br[0], pl.Eval(br[0]), slopes[1], ln.V[0])
		if c != nil && c.Cmp(ln.T[0]) > 0 && c.Cmp(ln.T[1]) <= 0 && (r == 1 || c.Cmp(br[1]) < 0) {
			nb := append([]*big.Rat{c}, br[1:]...)
			nj := append([]*big.Rat{slopes[1]}, jumps[1:]...)
			return orient(nb, nj, func(int) bool { return true })
		}
	}
	if br[r-1].Cmp(ln.T[K-2]) >= 0 {
		c := meetLevel(br[r-1], pl.Eval(br[r-1]), slopes[r-1], ln.V[K-1])
		if c != nil && c.Cmp(ln.T[K-1]) < 0 && c.Cmp(ln.T[K-2]) >= 0 && (r == 1 || c.Cmp(br[r-2]) > 0) {
			nb := append(append([]*big.Rat{}, br[:r-1]...), c)
			nj := append(append([]*big.Rat{}, jumps[:r-1]...), new(big.Rat).Neg(slopes[r-1]))
			return orient(nb, nj, func(int) bool { return false })
		}
	}
	return nil
}

// meetLevel is where the line through (x0, y0) with slope p reaches level y
// (nil if p = 0).
func meetLevel(x0, y0, p, y *big.Rat) *big.Rat {
	if p.Sign() == 0 {
		return nil
	}
	c := new(big.Rat).Sub(y, y0)
	c.Quo(c, p)
	return c.Add(c, x0)
}
