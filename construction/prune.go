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
func Prune(n *oracle.Network) *oracle.Network {
	if n.Depth() != 2 {
		return n.Clone()
	}
	l1, l2 := n.Layers[0], n.Layers[1]
	bias := new(big.Rat).Set(l2.B[0])
	var rows [][]*big.Rat
	var biases, outs []*big.Rat
	index := map[string]int{}
	var t big.Rat
	for k, row := range l1.W {
		c := l2.W[0][k]
		if c.Sign() == 0 {
			continue
		}
		lambda := firstNonzeroAbs(row)
		if lambda == nil {
			if l1.B[k].Sign() > 0 {
				bias.Add(bias, t.Mul(c, l1.B[k]))
			}
			continue
		}
		nr, nb := scaled(row, l1.B[k], lambda)
		key := hingeKey(nr, nb)
		w := new(big.Rat).Mul(c, lambda)
		if i, ok := index[key]; ok {
			outs[i].Add(outs[i], w)
			continue
		}
		index[key] = len(rows)
		rows, biases, outs = append(rows, nr), append(biases, nb), append(outs, w)
	}
	var out oracle.Network
	var h1 oracle.Layer
	var o []*big.Rat
	for i := range rows {
		if outs[i].Sign() != 0 {
			h1.W, h1.B, o = append(h1.W, rows[i]), append(h1.B, biases[i]), append(o, outs[i])
		}
	}
	if len(o) == 0 {
		z := oracle.Zero(n.InputDim())
		z.Layers[0].B[0] = bias
		return z
	}
	out.Layers = []oracle.Layer{h1, {W: [][]*big.Rat{o}, B: []*big.Rat{bias}}}
	return &out
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
