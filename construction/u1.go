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
		b.Notes = append(b.Notes, "targets rescaled by 1/"+scale.RatString()+" into [−1, 1]; the output layer multiplies back")
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
