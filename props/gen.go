package props

// Generators of exact rationals and ReLU networks. Points and fine-tuning
// instances are in gen_instance.go.

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/oracle"
	"pgregory.net/rapid"
)

// SmallRat draws p/q with −6 ≤ p ≤ 6 and 1 ≤ q ≤ 4 (zero and negatives
// included); it shrinks to 0. The weights of Network are drawn from it, so
// the nets are small, exact, and often hit zeros and coincidences.
func SmallRat() *rapid.Generator[*big.Rat] {
	return rapid.Custom(func(t *rapid.T) *big.Rat {
		p := rapid.IntRange(-6, 6).Draw(t, "p")
		q := rapid.IntRange(1, 4).Draw(t, "q")
		return big.NewRat(int64(p), int64(q))
	})
}

// PositiveRat draws p/q with 1 ≤ p ≤ 8, 1 ≤ q ≤ 4; it shrinks to 1.
func PositiveRat() *rapid.Generator[*big.Rat] {
	return rapid.Custom(func(t *rapid.T) *big.Rat {
		p := rapid.IntRange(1, 8).Draw(t, "p")
		q := rapid.IntRange(1, 4).Draw(t, "q")
		return big.NewRat(int64(p), int64(q))
	})
}

// Rat draws an exact rational of every kind a file may hold: a small one
// (SmallRat), zero, or one whose numerator, denominator or both have 64 to
// 512 bits, either sign. It shrinks to a small rational.
func Rat() *rapid.Generator[*big.Rat] {
	return rapid.Custom(func(t *rapid.T) *big.Rat {
		kind := rapid.IntRange(0, 4).Draw(t, "ratKind")
		switch kind {
		case 1:
			return new(big.Rat)
		case 0:
			return SmallRat().Draw(t, "small")
		}
		num, den := big.NewInt(int64(rapid.IntRange(1, 9).Draw(t, "num"))), big.NewInt(1)
		if kind == 2 || kind == 4 {
			num = HugeInt().Draw(t, "hugeNum")
		}
		if kind == 3 || kind == 4 {
			den = HugeInt().Draw(t, "hugeDen")
		}
		if rapid.Bool().Draw(t, "negative") {
			num.Neg(num)
		}
		return new(big.Rat).SetFrac(num, den)
	})
}

// HugeInt draws a positive integer of exactly 64 to 512 bits.
func HugeInt() *rapid.Generator[*big.Int] {
	return rapid.Custom(func(t *rapid.T) *big.Int {
		bits := rapid.IntRange(64, 512).Draw(t, "bits")
		words := rapid.SliceOfN(rapid.Uint64(), (bits+63)/64, (bits+63)/64).Draw(t, "words")
		v := new(big.Int)
		for _, w := range words {
			v.Lsh(v, 64)
			v.Or(v, new(big.Int).SetUint64(w))
		}
		v.SetBit(v, bits-1, 1)
		mask := new(big.Int).Lsh(big.NewInt(1), uint(bits))
		return v.Mod(v, mask)
	})
}

// Neuron kinds of NetworkWith: how a hidden neuron's incoming row is drawn.
const (
	neuronFresh     = iota // every weight and the bias drawn afresh
	neuronDead             // zero weights, bias ≤ 0: σ(·) ≡ 0
	neuronDuplicate        // c·(an earlier row, its bias), c > 0: the same kink
	neuronMirror           // −c·(an earlier row, its bias): the same kink, other side
)

// Network draws a network with input dimension d and the given hidden widths
// (depth len(widths)+1), weights from SmallRat.
func Network(d int, widths []int) *rapid.Generator[*oracle.Network] {
	return NetworkWith(d, widths, SmallRat())
}

// NetworkWith draws a network with input dimension d, the given hidden widths
// and every weight and bias from w. Each hidden neuron is fresh, dead (zero
// weights, non-positive bias), or a positive or negative multiple of an earlier
// neuron of its layer, so that dead neurons and duplicate breakpoints occur
// often; rows shrink to fresh ones and weights to zero.
func NetworkWith(d int, widths []int, w *rapid.Generator[*big.Rat]) *rapid.Generator[*oracle.Network] {
	if d < 1 {
		panic(fmt.Sprintf("props: Network: input dimension %d", d))
	}
	return rapid.Custom(func(t *rapid.T) *oracle.Network {
		n := &oracle.Network{}
		in := d
		for li, width := range append(append([]int{}, widths...), 1) {
			hidden := li < len(widths)
			n.Layers = append(n.Layers, drawLayer(t, li+1, width, in, hidden, w))
			in = width
		}
		return n
	})
}

// drawLayer draws layer number li (1-based) with out rows and in columns.
func drawLayer(t *rapid.T, li, out, in int, hidden bool, w *rapid.Generator[*big.Rat]) oracle.Layer {
	l := oracle.Layer{W: make([][]*big.Rat, out), B: make([]*big.Rat, out)}
	for r := 0; r < out; r++ {
		kind := neuronFresh
		if hidden {
			kind = rapid.IntRange(neuronFresh, neuronMirror).Draw(t, fmt.Sprintf("kind%d[%d]", li, r+1))
		}
		if r == 0 && kind >= neuronDuplicate {
			kind = neuronFresh
		}
		switch kind {
		case neuronFresh:
			l.W[r] = rapid.SliceOfN(w, in, in).Draw(t, fmt.Sprintf("W%d[%d]", li, r+1))
			l.B[r] = w.Draw(t, fmt.Sprintf("b%d[%d]", li, r+1))
		case neuronDead:
			l.W[r] = oracle.Zeros(in)
			l.B[r] = new(big.Rat).Neg(new(big.Rat).Abs(w.Draw(t, fmt.Sprintf("b%d[%d]", li, r+1))))
		default:
			src := rapid.IntRange(0, r-1).Draw(t, fmt.Sprintf("copyOf%d[%d]", li, r+1))
			c := PositiveRat().Draw(t, fmt.Sprintf("scale%d[%d]", li, r+1))
			if kind == neuronMirror {
				c.Neg(c)
			}
			l.W[r], l.B[r] = scaled(l.W[src], c), new(big.Rat).Mul(l.B[src], c)
		}
	}
	return l
}

func scaled(v []*big.Rat, c *big.Rat) []*big.Rat {
	out := make([]*big.Rat, len(v))
	for i, x := range v {
		out[i] = new(big.Rat).Mul(x, c)
	}
	return out
}

// Widths draws a depth L in [1, maxDepth] (affine layers) and L−1 hidden
// widths in [1, maxWidth]; it shrinks to the affine network (no hidden layer).
func Widths(maxDepth, maxWidth int) *rapid.Generator[[]int] {
	return rapid.Custom(func(t *rapid.T) []int {
		depth := rapid.IntRange(1, maxDepth).Draw(t, "depth")
		return rapid.SliceOfN(rapid.IntRange(1, maxWidth), depth-1, depth-1).Draw(t, "widths")
	})
}

// AnyNetwork draws a network on ℚ^d of depth 1..maxDepth and hidden widths
// 1..maxWidth, as Network does.
func AnyNetwork(maxDepth, maxWidth, d int) *rapid.Generator[*oracle.Network] {
	return rapid.Custom(func(t *rapid.T) *oracle.Network {
		return Network(d, Widths(maxDepth, maxWidth).Draw(t, "shape")).Draw(t, "net")
	})
}

// RankOneNetwork draws a network on ℚ^d whose first weight matrix has rank
// at most one (every row λ_k·aᵀ, some λ_k zero), as in Theorem 4.4; depth
// 2..maxDepth. Its hidden widths are drawn as in AnyNetwork.
func RankOneNetwork(maxDepth, maxWidth, d int) *rapid.Generator[*oracle.Network] {
	return rapid.Custom(func(t *rapid.T) *oracle.Network {
		depth := rapid.IntRange(2, max(2, maxDepth)).Draw(t, "depth")
		widths := rapid.SliceOfN(rapid.IntRange(1, maxWidth), depth-1, depth-1).Draw(t, "widths")
		n := Network(d, widths).Draw(t, "net")
		a := rapid.SliceOfN(SmallRat(), d, d).Draw(t, "a")
		for k, row := range n.Layers[0].W {
			lambda := SmallRat().Draw(t, fmt.Sprintf("lambda[%d]", k+1))
			copy(row, scaled(a, lambda))
		}
		return n
	})
}
