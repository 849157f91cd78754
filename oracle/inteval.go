package oracle

// Integer common-denominator evaluation: the exact fast path of Evaluator for
// networks whose first layer is not rank one.
//
// big.Rat normalises every sum and product by a GCD; in a layer with n inputs
// that is n GCDs per neuron, and they dominate Eval. Here each layer is
// stored once over a common denominator D_l, W_l = A_l/D_l and b_l = c_l/D_l
// with integer A_l, c_l, and the hidden vector is carried as integers H over
// one positive denominator E, h = H/E. Then
//
//	W_l·h + b_l = (A_l·H + c_l·E) / (D_l·E),
//
// so the next numerators are A_l·H + c_l·E and the next denominator D_l·E:
// integer multiplications and additions only, and since E > 0 the ReLU is a
// sign test on the numerator. One GCD at the very end reduces g(x). Zero
// weights are skipped (the constructions' matrices are mostly zeros). The
// tests check this path against Eval on random networks with huge numerators
// and denominators.

import "math/big"

// intLayer is one layer over the common denominator D: W = A/D, b = c/D,
// with each row of A stored sparsely.
type intLayer struct {
	cols [][]int      // cols[r]: the columns of the nonzero entries of row r
	vals [][]*big.Int // vals[r][k] = A[r][cols[r][k]]
	c    []*big.Int
	D    *big.Int
}

type intNet struct{ layers []intLayer }

func newIntNet(n *Network) *intNet {
	in := &intNet{layers: make([]intLayer, len(n.Layers))}
	for li, l := range n.Layers {
		D := big.NewInt(1)
		var g big.Int
		lcm := func(v *big.Rat) {
			if v.IsInt() {
				return
			}
			g.GCD(nil, nil, D, v.Denom())
			D.Mul(D, new(big.Int).Quo(v.Denom(), &g))
		}
		for r, row := range l.W {
			for _, v := range row {
				lcm(v)
			}
			lcm(l.B[r])
		}
		il := intLayer{cols: make([][]int, l.Out()), vals: make([][]*big.Int, l.Out()), c: make([]*big.Int, l.Out()), D: D}
		for r, row := range l.W {
			for j, v := range row {
				if v.Sign() != 0 {
					il.cols[r] = append(il.cols[r], j)
					il.vals[r] = append(il.vals[r], scaleTo(v, D))
				}
			}
			il.c[r] = scaleTo(l.B[r], D)
		}
		in.layers[li] = il
	}
	return in
}

// scaleTo is the integer v·D, for D a multiple of v's denominator.
func scaleTo(v *big.Rat, D *big.Int) *big.Int {
	s := new(big.Int).Quo(D, v.Denom())
	return s.Mul(s, v.Num())
}

// eval computes g(x) exactly in integers.
func (in *intNet) eval(x []*big.Rat) *big.Rat {
	var f frac
	in.evalFrac(x, &f)
	return new(big.Rat).SetFrac(&f.num, &f.den)
}

// evalFrac sets out to g(x) as an unreduced fraction.
func (in *intNet) evalFrac(x []*big.Rat, out *frac) {
	E := big.NewInt(1)
	var g big.Int
	for _, v := range x {
		if !v.IsInt() {
			g.GCD(nil, nil, E, v.Denom())
			E.Mul(E, new(big.Int).Quo(v.Denom(), &g))
		}
	}
	H := make([]*big.Int, len(x))
	for j, v := range x {
		H[j] = scaleTo(v, E)
	}
	var t big.Int
	for li, l := range in.layers {
		next := make([]*big.Int, len(l.c))
		for r := range l.c {
			acc := new(big.Int).Mul(l.c[r], E)
			for k, j := range l.cols[r] {
				if H[j].Sign() != 0 {
					acc.Add(acc, t.Mul(l.vals[r][k], H[j]))
				}
			}
			if li < len(in.layers)-1 && acc.Sign() < 0 {
				acc.SetInt64(0)
			}
			next[r] = acc
		}
		H, E = next, new(big.Int).Mul(E, l.D)
	}
	out.num.Set(H[0])
	out.den.Set(E)
}
