package oracle

// Generators for the property tests of this package: small exact rationals,
// networks whose neurons are often dead or share a kink, lines through their
// input space, and the slow model (the point p + t·u fed to Eval) that every
// fast path is compared with. They are deliberately independent of package
// props, so that oracle's own tests catch oracle's own bugs.

import (
	"fmt"
	"math/big"
	"testing"

	"pgregory.net/rapid"
)

// smallRat draws p/q with −5 ≤ p ≤ 5 and 1 ≤ q ≤ 3; it shrinks to 0.
func smallRat() *rapid.Generator[*big.Rat] {
	return rapid.Custom(func(t *rapid.T) *big.Rat {
		p := rapid.IntRange(-5, 5).Draw(t, "p")
		q := rapid.IntRange(1, 3).Draw(t, "q")
		return big.NewRat(int64(p), int64(q))
	})
}

// wideRat draws p/q with |p| ≤ 2^40 and 1 ≤ q ≤ 2^20, so that no weight is
// its own inverse and products differ from quotients.
func wideRat() *rapid.Generator[*big.Rat] {
	return rapid.Custom(func(t *rapid.T) *big.Rat {
		p := rapid.Int64Range(-1<<40, 1<<40).Draw(t, "p")
		q := rapid.Int64Range(1, 1<<20).Draw(t, "q")
		return big.NewRat(p, q)
	})
}

// ratVec draws n rationals from w.
func ratVec(w *rapid.Generator[*big.Rat], n int, label string) *rapid.Generator[[]*big.Rat] {
	return rapid.Custom(func(t *rapid.T) []*big.Rat {
		v := make([]*big.Rat, n)
		for i := range v {
			v[i] = w.Draw(t, fmt.Sprintf("%s[%d]", label, i+1))
		}
		return v
	})
}

// genNetwork draws a network on ℚ^d with the given hidden widths and weights
// from w. A hidden neuron is fresh, dead (zero row, bias ≤ 0), or a positive
// or negative multiple of an earlier neuron of its layer (the same kink), so
// that coincident and absent breakpoints are common.
func genNetwork(d int, widths []int, w *rapid.Generator[*big.Rat]) *rapid.Generator[*Network] {
	return rapid.Custom(func(t *rapid.T) *Network {
		n := &Network{}
		in := d
		for li, out := range append(append([]int{}, widths...), 1) {
			hidden := li < len(widths)
			l := Layer{W: make([][]*big.Rat, out), B: make([]*big.Rat, out)}
			for r := range l.W {
				kind := 0
				if hidden && r > 0 {
					kind = rapid.IntRange(0, 3).Draw(t, fmt.Sprintf("kind%d[%d]", li+1, r+1))
				} else if hidden {
					kind = rapid.IntRange(0, 1).Draw(t, fmt.Sprintf("kind%d[%d]", li+1, r+1))
				}
				switch kind {
				case 0:
					l.W[r] = ratVec(w, in, fmt.Sprintf("W%d[%d]", li+1, r+1)).Draw(t, "row")
					l.B[r] = w.Draw(t, fmt.Sprintf("b%d[%d]", li+1, r+1))
				case 1:
					l.W[r] = Zeros(in)
					l.B[r] = new(big.Rat).Neg(new(big.Rat).Abs(w.Draw(t, "dead bias")))
				default:
					src := rapid.IntRange(0, r-1).Draw(t, "copy of")
					c := big.NewRat(int64(rapid.IntRange(1, 4).Draw(t, "scale")), int64(rapid.IntRange(1, 3).Draw(t, "scale den")))
					if kind == 3 {
						c.Neg(c)
					}
					l.W[r] = make([]*big.Rat, in)
					for j, v := range l.W[src] {
						l.W[r][j] = new(big.Rat).Mul(v, c)
					}
					l.B[r] = new(big.Rat).Mul(l.B[src], c)
				}
			}
			n.Layers = append(n.Layers, l)
			in = out
		}
		return n
	})
}

// anyNetwork draws d, a depth 1..maxDepth, hidden widths 1..maxWidth and a
// network of that shape; a quarter of the time its weights are wide.
func anyNetwork(maxDepth, maxWidth int) *rapid.Generator[*Network] {
	return rapid.Custom(func(t *rapid.T) *Network {
		d := rapid.IntRange(1, 3).Draw(t, "d")
		depth := rapid.IntRange(1, maxDepth).Draw(t, "depth")
		widths := rapid.SliceOfN(rapid.IntRange(1, maxWidth), depth-1, depth-1).Draw(t, "widths")
		w := smallRat()
		if rapid.IntRange(0, 3).Draw(t, "wide weights") == 3 {
			w = wideRat()
		}
		return genNetwork(d, widths, w).Draw(t, "g")
	})
}

// onLine is the point p + t·u.
func onLine(p, u []*big.Rat, t *big.Rat) []*big.Rat {
	x := make([]*big.Rat, len(p))
	for i := range p {
		x[i] = new(big.Rat).Add(p[i], new(big.Rat).Mul(t, u[i]))
	}
	return x
}

// slowLine is t ↦ g(p + t·u) by layer-by-layer Eval: the model Restrict is
// checked against.
func slowLine(g *Network, p, u []*big.Rat) func(*big.Rat) *big.Rat {
	return func(t *big.Rat) *big.Rat { return g.Eval(onLine(p, u, t)) }
}

// rat is p/q, for hand-written expectations.
func rat(p, q int64) *big.Rat { return big.NewRat(p, q) }

// checkRounds runs prop through rapid.Check rounds times, each with a fresh
// seed: the properties here take microseconds, and under -short a single
// round tries only 20 cases, too few to meet rare shapes (a kink on a ray, a
// root exactly at a point).
func checkRounds(t *testing.T, rounds int, prop func(*rapid.T)) {
	t.Helper()
	for i := 0; i < rounds && !t.Failed(); i++ {
		rapid.Check(t, prop)
	}
}
