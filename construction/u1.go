package construction

// U1: m ≤ 4√K (Sohn et al. Sec. 5.2, "Proof of m ≤ 4√K", Fig. 6).
//
// The paper reuses the network of Yun et al. 2019, Thm 3.1, fitted to all K
// samples with targets z (z_i = 0 off T): "this network uses 2√K neurons with
// hard-tanh activations, which can be converted to a ReLU neural network with
// 4√K neurons". Layers 1 and 2 are those of yun.go with m groups of G points;
// the output layer is yun2019.md §3.6:
//
//	g(x) = Σ_{k=1}^{G} (−1)^{k+1} σH(α²_k(x)) + b,  b = −1 (G even), 0 (G odd),
//
// with rank-k targets τ_j = (−1)^{k+1} y_{p(j,k)}. For a sample of rank r,
// the units k < r output +1 and the units k > r output −1 (yun.go, choice of
// λ), unit r outputs τ. With S_n = Σ_{k≤n}(−1)^{k+1} = [n odd]:
// Σ_{k<r}(−1)^{k+1}·(+1) = S_{r−1} = [r even] and
// Σ_{k>r}(−1)^{k+1}·(−1) = S_r − S_G = [r odd] − [G odd], so
// g = [r even] + [r odd] − [G odd] + (−1)^{r+1}τ + b = (−1)^{r+1}τ = y.
// G may have either parity (yun2019.md §3.6 assumes G even; odd G needs the
// bias 0 instead of −1).
//
// Targets outside [−1, 1] are divided by Scale = max_i |z_i| and the output
// layer multiplies by Scale back (SPEC §4).
//
// Counting. The hard-tanh widths are m and G with m·G ≥ K, hence ReLU
// widths 2m, 2G and m_U1 = 2(m + G). The paper's "√K in both layers" is
// exact only when K is a perfect square; yunShape takes m = ⌊√K⌋,
// G = ⌈K/m⌉, which minimises m + G at ⌈2√K⌉, so m_U1 = 2⌈2√K⌉ and m_U1 ≤ 4√K
// exactly when K is a perfect square.

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// U1 builds the U1 network for in (z = 0 off T, any dimension, any labels).
func U1(in *instance.Instance) (*Built, error) { return U1With(in, Fault{}) }

// U1With is U1 with a planted fault (tests and checks of the checker only).
func U1With(in *instance.Instance, f Fault) (*Built, error) {
	if err := yunCheckInstance(in); err != nil {
		return nil, err
	}
	m, G := yunShape(in.K())
	return u1Build(in, m, G, f)
}

// u1Build is U1 with m groups of G (m·G ≥ K).
func u1Build(in *instance.Instance, m, G int, f Fault) (*Built, error) {
	l, err := newYunLine(in, m, G)
	if err != nil {
		return nil, err
	}
	scale, y := yunUnitTargets(in.Z)
	W1, B1 := l.layer1()
	W2, B2 := make([][]*big.Rat, G), make([]*big.Rat, G)
	W3 := make([]*big.Rat, G)
	for k := 0; k < G; k++ {
		tau := make([]*big.Rat, m)
		for j := range tau {
			tau[j] = new(big.Rat)
			if i := l.row[l.pos(j, k)]; i >= 0 {
				tau[j].Mul(y[i], big.NewRat(yunSign(k), 1))
			}
		}
		W2[k], B2[k] = l.solve(k, tau, f)
		W3[k] = new(big.Rat).Mul(scale, big.NewRat(yunSign(k), 1))
	}
	b3 := new(big.Rat)
	if G%2 == 0 {
		b3.Neg(scale)
	}
	net := hardTanhNet(W1, B1, W2, B2, W3, b3, f)
	b := NewBuilt("U1", net, net.Hidden(),
		fmt.Sprintf("Yun et al. 2019 Thm 3.1 net: %d groups of %d (hard-tanh widths %d, %d; ReLU widths %d, %d)", m, G, m, G, 2*m, 2*G))
	b.Scale = scale
	if scale.Cmp(big.NewRat(1, 1)) != 0 {
		b.Notes = append(b.Notes, "targets divided by "+oracle.FormatRat(scale)+" into [−1, 1]; the output layer multiplies back")
	}
	if !LeqPlusSqrt(big.NewRat(int64(net.Hidden()), 1), new(big.Rat), big.NewRat(4, 1), big.NewRat(int64(in.K()), 1)) {
		b.Notes = append(b.Notes, fmt.Sprintf("m = %d exceeds the stated 4√K (K = %d is not a perfect square: integer widths)", net.Hidden(), in.K()))
	}
	return b, nil
}

// hardTanhNet assembles x ↦ W3·σH(W2·σH(W1x + B1) + B2) + b3 as a ReLU
// network (each σH unit is 2 ReLUs; one ReLU short in layer 2 under
// f.DropReLU).
func hardTanhNet(W1 [][]*big.Rat, B1 []*big.Rat, W2 [][]*big.Rat, B2 []*big.Rat, W3 []*big.Rat, b3 *big.Rat, f Fault) *oracle.Network {
	g2 := HardTanh
	if f.DropReLU {
		g2 = gadgetDropLast(HardTanh)
	}
	mid := HardTanh.Readout(W2, B2)
	return &oracle.Network{Layers: []oracle.Layer{
		HardTanh.Expand(W1, B1),
		g2.Expand(mid.W, mid.B),
		g2.Readout([][]*big.Rat{W3}, []*big.Rat{b3}),
	}}
}

// unitTargets returns Scale = max{1, max_i |z_i|} and y = z/Scale ∈ [−1, 1].
func yunUnitTargets(z []*big.Rat) (scale *big.Rat, y []*big.Rat) {
	scale = big.NewRat(1, 1)
	for _, v := range z {
		if a := new(big.Rat).Abs(v); a.Cmp(scale) > 0 {
			scale = a
		}
	}
	y = make([]*big.Rat, len(z))
	for i, v := range z {
		y[i] = new(big.Rat).Quo(v, scale)
	}
	return scale, y
}

// LeqPlusSqrt reports x ≤ a + b·√r exactly (b, r ≥ 0), by squaring:
// x − a ≤ 0, or (x − a)² ≤ b²·r.
func LeqPlusSqrt(x, a, b, r *big.Rat) bool {
	if b.Sign() < 0 || r.Sign() < 0 {
		panic("construction: LeqPlusSqrt needs b, r ≥ 0")
	}
	d := new(big.Rat).Sub(x, a)
	if d.Sign() <= 0 {
		return true
	}
	rhs := new(big.Rat).Mul(b, b)
	return d.Mul(d, d).Cmp(rhs.Mul(rhs, r)) <= 0
}

// Beyond the paper: U1 with one-sided clips. On the samples some hard-tanh
// units only ever clip on one side: the window of group 1 sees no sample
// left of it, the last window none right of it, the rank-1 unit of layer 2
// only higher ranks (α² ≥ 1) and the rank-G unit only lower ranks (α² ≤ −1).
// A one-sided clip is one ReLU:
//
//	min{t, 1} = 1 − σ(1 − t),   max{t, −1} = σ(t + 1) − 1,
//
// and equals σH(t) wherever t never passes the other end, which holds on the
// samples (τ ∈ [−1, 1]; dummies are never evaluated). So four units of U1
// cost one ReLU instead of two (m, G ≥ 2; with m = 1, at K = 3, the single
// window never clips and costs one ReLU) and
//
//	m_U1lean ≤ 2(m + G) − 3 = 2⌈2√K⌉ − 3 < 4√K   for every K ≥ 3
//
// (2⌈2√K⌉ < 4√K + 2; exactly 2⌈2√K⌉ − 4 when K ≥ 4),
//
// which repairs the U1 = 4√K count for non-square K (the claim check
// verifies it; theorem/sec5_upper_u12.go).

var (
	clipAbove = Gadget{Name: "min{t,1}", Alpha: oracle.Rats(-1), Beta: oracle.Rats(-1), Gamma: oracle.Rats(1), Delta: big.NewRat(1, 1)}
	clipBelow = Gadget{Name: "max{t,−1}", Alpha: oracle.Rats(1), Beta: oracle.Rats(1), Gamma: oracle.Rats(1), Delta: big.NewRat(-1, 1)}
)

// U1Lean is U1 with the one-sided clips above (same weights, fewer ReLUs).
func U1Lean(in *instance.Instance) (*Built, error) {
	b, err := U1(in)
	if err != nil {
		return nil, err
	}
	m, G := yunShape(in.K())
	g1 := make([]Gadget, m)
	for j := range g1 {
		g1[j] = HardTanh
	}
	// Group 1 (s = +1) clips to +1 only; the last group clips to −s only.
	if m == 1 {
		g1[0] = clipBelow
	} else {
		g1[0] = clipAbove
		if g1[m-1] = clipBelow; yunSign(m-1) < 0 {
			g1[m-1] = clipAbove
		}
	}
	g2 := make([]Gadget, G)
	for k := range g2 {
		g2[k] = HardTanh
	}
	g2[G-1] = clipBelow
	if G > 1 {
		g2[0] = clipAbove
	}
	W1, B1, W2, B2, W3, b3 := hardTanhUnits(b.Net, m, G)
	mid := mixedReadout(g1, W2, B2)
	net := &oracle.Network{Layers: []oracle.Layer{
		mixedExpand(g1, W1, B1),
		mixedExpand(g2, mid.W, mid.B),
		mixedReadout(g2, [][]*big.Rat{W3}, []*big.Rat{b3}),
	}}
	var notes []string
	for _, n := range b.Notes {
		if !strings.Contains(n, "exceeds the stated") { // U1's count, not ours
			notes = append(notes, n)
		}
	}
	lean := NewBuilt("U1 (one-sided clips)", net, net.Hidden(), append(notes, "end windows and end ranks clip on one side: 1 ReLU each (beyond the paper)")...)
	lean.Scale = b.Scale
	return lean, nil
}

// hardTanhUnits reads back the unit-level maps of a network built by
// hardTanhNet with m and G hard-tanh units: σH rows come in pairs (t+1,
// t−1), so unit u's pre-activation is row 2u minus 1, and the readout weight
// of unit u is the weight on ReLU 2u, the bias absorbing −Σ weights.
func hardTanhUnits(n *oracle.Network, m, G int) (W1 [][]*big.Rat, B1 []*big.Rat, W2 [][]*big.Rat, B2 []*big.Rat, W3 []*big.Rat, b3 *big.Rat) {
	l1, l2, l3 := n.Layers[0], n.Layers[1], n.Layers[2]
	one := big.NewRat(1, 1)
	for j := 0; j < m; j++ {
		W1, B1 = append(W1, l1.W[2*j]), append(B1, new(big.Rat).Sub(l1.B[2*j], one))
	}
	for k := 0; k < G; k++ {
		row := make([]*big.Rat, m)
		b := new(big.Rat).Sub(l2.B[2*k], one)
		for j := 0; j < m; j++ {
			row[j] = l2.W[2*k][2*j] // weight on σH unit j (β = 1 on ReLU 2j)
			b.Add(b, row[j])        // undo the readout's −Σw bias of σH
		}
		W2, B2 = append(W2, row), append(B2, b)
	}
	b3 = new(big.Rat).Set(l3.B[0])
	for k := 0; k < G; k++ {
		W3 = append(W3, l3.W[0][2*k])
		b3.Add(b3, l3.W[0][2*k])
	}
	return W1, B1, W2, B2, W3, b3
}

// mixedExpand is Gadget.Expand with one gadget per unit.
func mixedExpand(gs []Gadget, W [][]*big.Rat, b []*big.Rat) oracle.Layer {
	var l oracle.Layer
	for u := range W {
		e := gs[u].Expand(W[u:u+1], b[u:u+1])
		l.W, l.B = append(l.W, e.W...), append(l.B, e.B...)
	}
	return l
}

// mixedReadout is Gadget.Readout with one gadget per unit.
func mixedReadout(gs []Gadget, C [][]*big.Rat, c []*big.Rat) oracle.Layer {
	var l oracle.Layer
	for r := range C {
		row, bias := []*big.Rat{}, new(big.Rat).Set(c[r])
		for u, w := range C[r] {
			part := gs[u].Readout([][]*big.Rat{{w}}, []*big.Rat{new(big.Rat)})
			row = append(row, part.W[0]...)
			bias.Add(bias, part.B[0])
		}
		l.W, l.B = append(l.W, row), append(l.B, bias)
	}
	return l
}
