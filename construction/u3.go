package construction

// U3 (Sec. 5.2, proof of m ≤ 6√(3N+2), Fig. 8): a Yun-style 3-layer network
// fitted on the kept set J only, with the activation σL in layer 2.
//
// Kept set. Along the sorted line, J = T ∪ {the two end points of every block
// of P([K]∖T)} (eq. 14, partition.go); |J| ≤ min{3N+2, K} (Lemma 4.7). Write
// n = |J|.
//
// Shape. The paper cuts J into √|J| groups of √|J| consecutive points and
// counts 2√|J| + 4√|J| = 6√|J| ≤ 6√(3N+2) ReLUs. Widths are integers: we take
// M = ⌈√n⌉ groups of G = ⌈n/M⌉ points (M·G ≥ n, G ≤ M, so the expensive σL
// layer is the smaller one), and pad the last group with dummy points
// c_K + 1, c_K + 2, … (target 0, no sample there), as Yun et al. do. The count
// 2M + 4G can exceed 6√(3N+2) when √n is not an integer; the T5.1-U check
// lists where (rounding, not a gadget cost: σH = 2 and σL = 4 ReLUs are what
// the paper counts).
//
// Layer 1: one window per group (eq. 28–29, window.go), orientation s_j =
// (−1)^{j−1}. Rank: inside group j, rank r counts from the left when j is odd
// and from the right when j is even (snake order, Yun et al., Fig. 6), so
// β¹_j is strictly increasing in the rank; p(j, r) is the point of rank r.
//
// Layer 2: unit k (k = 1..G) fits the rank-k point of every group: the system
// of eq. 33–34 with κ_j = α¹_j(p(j,k)) and targets τ_j = z_{p(j,k)} (0 for a
// dummy), solved with its positive null vector as in Appendix A
// (solveLayer2): w = μ + λν, all w_j > 0 for the λ below.
//
// Zones and the exact λ. Zone j is the part of the line where every window
// but j is clipped: c ∈ [L_j, R_j], with everything left of L_1 in zone 1 and
// right of R_M in zone M. A sample x in zone j has layer-1 vector equal to row
// j of the system except in coordinate j, so
//
//	α²_k(x) = τ_j + w_j·(β¹_j(x) − κ_j).
//
// If x = p(j, k) this is τ_j = z_x, and σL(z_x) = z_x since |z_x| ≤ 1. For every
// other sample x of zone j — other ranks, the dropped points of [K]∖J, and
// samples between groups — let D_{j,k} > 0 be the least |β¹_j(x) − κ_j| over
// them (β¹_j is monotone in c, so only the two neighbours of p(j, k) in c
// order matter). With δ the ramp of σL and w_j ≥ (2+δ)/D_{j,k},
// |α²_k(x)| ≥ w_j·D_{j,k} − |τ_j| ≥ 1 + δ, so σL gives 0. Hence
//
//	λ_k = max(0, max_j ((2+δ)/D_{j,k} − μ_j)/ν_j).
//
// The output g(x) = s·Σ_k σL(α²_k(x)) is then z_x on J (only the unit of x's
// rank is nonzero) and 0 off J. This is the paper's "arbitrarily increase λ
// such that β²_j(x6) = 0", made exact. It does not use the paper's intermediate
// claim that α²_j(x6) ∈ (α²_j(x5), α²_j(x8)) for a dropped x6 between kept x5,
// x8: when x5 and x8 lie in different groups two coordinates of layer 1 change
// between them and α² overshoots (the U3 check reports an instance); the
// conclusion survives because λ covers every sample of the zone.
//
// Beyond the paper: the argument never uses that the samples off J are
// between two kept zero-valued points, so fitting on T alone works too
// (U3Options.OnT): n = N, and 2⌈√N⌉ + 4⌈N/⌈√N⌉⌉ ≤ 6√N + 6 ReLUs.
// CheapestShape minimises 2M + 4G over M·G ≥ n (≈ 4√2·√n < 6√n).

import (
	"fmt"
	"math/big"
	"sort"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// U3Options select a variant of U3; the zero value is the paper's network.
type U3Options struct {
	OnT    bool                            // fit on T only (beyond the paper) instead of J
	Shape  func(n int) (groups, units int) // nil: U3Shape
	Tamper Tamper
}

// U3 builds the paper's U3 network for in: fitted on J, shape U3Shape.
func U3(in *instance.Instance) (*Built, error) { return U3With(in, U3Options{}) }

// U3Shape is the paper's √n × √n shape rounded up: M = ⌈√n⌉ groups of
// G = ⌈n/M⌉ points (G layer-2 units). n ≥ 1.
func U3Shape(n int) (groups, units int) {
	M := ceilSqrt(n)
	return M, (n + M - 1) / M
}

// CheapestShape minimises 2M + 4G subject to M·G ≥ n (ties: fewer units).
func CheapestShape(n int) (groups, units int) {
	best := -1
	for G := 1; G <= ceilSqrt(n); G++ {
		M := (n + G - 1) / G
		if c := 2*M + 4*G; best < 0 || c < best {
			best, groups, units = c, M, G
		}
	}
	return groups, units
}

// ceilSqrt is ⌈√n⌉ for n ≥ 0, exactly.
func ceilSqrt(n int) int {
	r := int(new(big.Int).Sqrt(big.NewInt(int64(n))).Int64())
	if r*r < n {
		r++
	}
	return r
}

// U3With builds U3 with options (see U3Options).
func U3With(in *instance.Instance, opt U3Options) (*Built, error) {
	p, err := project(in)
	if err != nil {
		return nil, err
	}
	var tpos []int
	for i, z := range p.z {
		if z.Sign() != 0 {
			tpos = append(tpos, i)
		}
	}
	keep, what := Kept(len(p.c), 0, tpos), "J"
	if opt.OnT {
		keep, what = tpos, "T"
	}
	if len(keep) == 0 { // N = 0 and fitting on T: nothing to do
		b := NewBuilt("U3", oracle.Zero(in.Dim()), 0, append(p.notes, "N = 0: g = 0")...)
		return b, nil
	}
	shape := U3Shape
	if opt.Shape != nil {
		shape = opt.Shape
	}
	M, G := shape(len(keep))
	y := newYunFit(p, keep, M, G)
	if opt.Tamper.Windows != nil {
		opt.Tamper.Windows(y.ws)
	}
	net, err := y.network(opt.Tamper)
	if err != nil {
		return nil, err
	}
	notes := append(p.notes, fmt.Sprintf("U3 fitted on %s: n = %d points, %d groups × %d units, %d dummy points; σL ramps δ = 1",
		what, len(keep), M, G, M*G-len(keep)))
	b := NewBuilt("U3", net, 2*M+4*G, notes...)
	b.Scale = p.scale
	return b, nil
}

// yunFit is U3 before layer 2: the padded fitted points, their groups and
// windows, and the samples of every zone.
type yunFit struct {
	p    *projected
	M, G int
	pc   []*big.Rat // padded fitted positions, len M·G
	pz   []*big.Rat // their targets (0 for dummies)
	data []bool     // pc[i] is a sample (not a dummy)
	ws   []Window
	zone [][]int // zone[j]: sample positions (indices into p.c) in zone j, sorted
}

func newYunFit(p *projected, keep []int, M, G int) *yunFit {
	y := &yunFit{p: p, M: M, G: G}
	for _, i := range keep {
		y.pc, y.pz, y.data = append(y.pc, p.c[i]), append(y.pz, p.z[i]), append(y.data, true)
	}
	last := p.c[len(p.c)-1]
	for d := 1; len(y.pc) < M*G; d++ {
		y.pc = append(y.pc, new(big.Rat).Add(last, big.NewRat(int64(d), 1)))
		y.pz, y.data = append(y.pz, new(big.Rat)), append(y.data, false)
	}
	lo, hi := make([]*big.Rat, M), make([]*big.Rat, M)
	for j := range lo {
		lo[j], hi[j] = y.pc[j*G], y.pc[j*G+G-1]
	}
	y.ws = GroupWindows(lo, hi, big.NewRat(1, 1))
	return y
}

// rankPos is the index in pc of the rank-k point of group j (snake order).
func (y *yunFit) rankPos(j, k int) int {
	if j%2 == 0 {
		return j*y.G + k
	}
	return j*y.G + y.G - 1 - k
}

// zones assigns every sample to the first window whose right end it does not
// pass (the last window takes the rest).
func (y *yunFit) zones() {
	y.zone = make([][]int, y.M)
	j := 0
	for i, c := range y.p.c {
		for j < y.M-1 && c.Cmp(y.ws[j].R) > 0 {
			j++
		}
		y.zone[j] = append(y.zone[j], i)
	}
}

// gap is D_{j,k}: the least |β¹_j(x) − κ| over the samples x of zone j other
// than the point at position c itself; nil if there is none.
func (y *yunFit) gap(j int, c, kappa *big.Rat) *big.Rat {
	zs := y.zone[j]
	at := sort.Search(len(zs), func(i int) bool { return y.p.c[zs[i]].Cmp(c) >= 0 })
	var best *big.Rat
	for _, i := range []int{at - 1, at, at + 1} {
		if i < 0 || i >= len(zs) || y.p.c[zs[i]].Cmp(c) == 0 {
			continue
		}
		d := new(big.Rat).Sub(y.ws[j].Out(y.p.c[zs[i]]), kappa)
		if d.Abs(d); best == nil || d.Cmp(best) < 0 {
			best = d
		}
	}
	return best
}

// network solves the G layer-2 systems and assembles g(x) = s·Σ_k σL(α²_k(x)).
func (y *yunFit) network(tp Tamper) (*oracle.Network, error) {
	y.zones()
	delta := big.NewRat(1, 1)
	num := new(big.Rat).Add(big.NewRat(2, 1), delta) // 2 + δ
	W2, b2 := make([][]*big.Rat, y.G), make([]*big.Rat, y.G)
	for k := 0; k < y.G; k++ {
		kappa, tau, need := make([]*big.Rat, y.M), make([]*big.Rat, y.M), make([]*big.Rat, y.M)
		for j := 0; j < y.M; j++ {
			q := y.rankPos(j, k)
			kappa[j], tau[j] = y.ws[j].Pre(y.pc[q]), y.pz[q]
			if d := y.gap(j, y.pc[q], kappa[j]); d != nil {
				if d.Sign() == 0 {
					return nil, fmt.Errorf("construction: U3: a sample shares window %d's value with the fitted point", j+1)
				}
				need[j] = d.Quo(num, d)
			}
		}
		sys, err := solveLayer2(kappa, tau, need, tp)
		if err != nil {
			return nil, err
		}
		W2[k], b2[k] = sys.w, sys.b
	}
	act := SigmaL(delta)
	if tp.Gadget != nil {
		act = *tp.Gadget
	}
	W1, b1 := windowLayer(y.ws, y.p.v)
	pre2 := HardTanh.Readout(W2, b2)
	out := make([]*big.Rat, y.G)
	for k := range out {
		out[k] = new(big.Rat).Set(y.p.scale)
	}
	return &oracle.Network{Layers: []oracle.Layer{
		HardTanh.Expand(W1, b1),
		act.Expand(pre2.W, pre2.B),
		act.Readout([][]*big.Rat{out}, []*big.Rat{new(big.Rat)}),
	}}, nil
}
