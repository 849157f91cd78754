package construction

// Pruning a 2-layer network without changing the function it computes.
//
// g(x) = Σ_k c_k·σ(w_kᵀx + β_k) + b. Three rewrites keep g identical on all
// of ℚ^d:
//
//   - a neuron with c_k = 0 contributes nothing: drop it;
//   - a neuron with w_k = 0 is the constant c_k·σ(β_k): add it to b;
//   - σ is positively homogeneous, σ(λt) = λσ(t) for λ > 0, so with
//     λ_k = |first nonzero entry of w_k|, c_k·σ(w_kᵀx + β_k) =
//     c_k·λ_k·σ((w_k/λ_k)ᵀx + β_k/λ_k); neurons with the same normalised
//     (w/λ, β/λ), the same hinge (duplicate breakpoints), merge by adding
//     their c·λ, and a merged weight that cancels to 0 is dropped.
//
// The oracle verifies the pruned network, never this argument.

import (
	"math/big"
	"strings"

	"github.com/ftcheck/ftcheck/oracle"
)

// Prune returns a 2-layer network computing the same function as n with the
// neurons that contribute nothing removed and duplicate hinges merged (see
// the file comment). Networks of another depth come back as a clone. With no
// neuron left the result is one affine layer with zero weights (oracle.Zero
// when the constant is 0).
//
// With C > 1 outputs c_k is the column k of the output layer, a vector: a
// neuron is dropped only when its weight is 0 in every output, merged
// hinges add their columns, and a constant neuron adds to every output's
// bias. Each output is then pruned exactly as the single-output network of
// that output would be, except that a neuron stays while any output uses it.
func Prune(n *oracle.Network) *oracle.Network {
	if n.Depth() != 2 {
		return n.Clone()
	}
	l1, l2 := n.Layers[0], n.Layers[1]
	C := l2.Out()
	bias := make([]*big.Rat, C)
	for c := range bias {
		bias[c] = new(big.Rat).Set(l2.B[c])
	}
	var rows [][]*big.Rat
	var biases []*big.Rat
	var outs [][]*big.Rat // outs[i][c]: output c's weight of kept hinge i
	index := map[string]int{}
	var t big.Rat
	for k, row := range l1.W {
		if allZeroColumn(l2.W, k) {
			continue
		}
		lambda := firstNonzeroAbs(row)
		if lambda == nil {
			if l1.B[k].Sign() > 0 {
				for c := range bias {
					bias[c].Add(bias[c], t.Mul(l2.W[c][k], l1.B[k]))
				}
			}
			continue
		}
		nr, nb := scaled(row, l1.B[k], lambda)
		key := hingeKey(nr, nb)
		i, ok := index[key]
		if !ok {
			i = len(rows)
			index[key] = i
			rows, biases, outs = append(rows, nr), append(biases, nb), append(outs, oracle.Zeros(C))
		}
		for c := range outs[i] {
			outs[i][c].Add(outs[i][c], t.Mul(l2.W[c][k], lambda))
		}
	}
	var h1 oracle.Layer
	o := make([][]*big.Rat, C)
	for i := range rows {
		if !allZero(outs[i]) {
			h1.W, h1.B = append(h1.W, rows[i]), append(h1.B, biases[i])
			for c := range o {
				o[c] = append(o[c], outs[i][c])
			}
		}
	}
	if len(h1.W) == 0 {
		z := oracle.Zero(n.InputDim())
		z.Layers[0].B[0] = bias[0]
		for c := 1; c < C; c++ {
			z.Layers[0].W = append(z.Layers[0].W, oracle.Zeros(n.InputDim()))
			z.Layers[0].B = append(z.Layers[0].B, bias[c])
		}
		return z
	}
	return &oracle.Network{Layers: []oracle.Layer{h1, {W: o, B: bias}}}
}

// allZeroColumn reports W[c][k] = 0 for every output c.
func allZeroColumn(W [][]*big.Rat, k int) bool {
	for _, row := range W {
		if row[k].Sign() != 0 {
			return false
		}
	}
	return true
}

func allZero(v []*big.Rat) bool {
	for _, x := range v {
		if x.Sign() != 0 {
			return false
		}
	}
	return true
}

func firstNonzeroAbs(row []*big.Rat) *big.Rat {
	for _, v := range row {
		if v.Sign() != 0 {
			return new(big.Rat).Abs(v)
		}
	}
	return nil
}

func scaled(row []*big.Rat, b, lambda *big.Rat) ([]*big.Rat, *big.Rat) {
	nr := make([]*big.Rat, len(row))
	for i, v := range row {
		nr[i] = new(big.Rat).Quo(v, lambda)
	}
	return nr, new(big.Rat).Quo(b, lambda)
}

func hingeKey(row []*big.Rat, b *big.Rat) string {
	var sb strings.Builder
	for _, v := range row {
		sb.WriteString(v.RatString())
		sb.WriteByte(',')
	}
	sb.WriteString(b.RatString())
	return sb.String()
}
