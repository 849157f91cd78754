package oracle

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

func randNet(r *rand.Rand, d int, widths []int) *Network {
	n := &Network{}
	in := d
	for _, w := range append(widths, 1) {
		l := Layer{}
		for i := 0; i < w; i++ {
			row := make([]*big.Rat, in)
			for j := range row {
				row[j] = big.NewRat(int64(r.IntN(7)-3), int64(r.IntN(3)+1))
			}
			l.W = append(l.W, row)
			l.B = append(l.B, big.NewRat(int64(r.IntN(9)-4), int64(r.IntN(2)+1)))
		}
		n.Layers = append(n.Layers, l)
		in = w
	}
	return n
}

// TestRestrictMatchesEvalSmoke: φ(t) = g(p + t·u) at breakpoints, between them
// and beyond them, for random small networks of depth 1 to 4.
func TestRestrictMatchesEvalSmoke(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 300; trial++ {
		d := 1 + r.IntN(3)
		var widths []int
		for l := 0; l < r.IntN(4); l++ {
			widths = append(widths, 1+r.IntN(5))
		}
		n := randNet(r, d, widths)
		p, u := make([]*big.Rat, d), make([]*big.Rat, d)
		for i := range p {
			p[i] = big.NewRat(int64(r.IntN(5)-2), 1)
			u[i] = big.NewRat(int64(r.IntN(5)-2), int64(1+r.IntN(2)))
		}
		phi := n.Restrict(p, u)
		var ts []*big.Rat
		for _, b := range phi.Points {
			ts = append(ts, b, new(big.Rat).Add(b, big.NewRat(1, 7)), new(big.Rat).Sub(b, big.NewRat(5, 3)))
		}
		for _, tt := range ts {
			x := make([]*big.Rat, d)
			for i := range x {
				x[i] = new(big.Rat).Add(p[i], new(big.Rat).Mul(tt, u[i]))
			}
			if got, want := phi.Eval(tt), n.Eval(x); got.Cmp(want) != 0 {
				t.Fatalf("trial %d widths %v: φ(%s) = %s, g = %s", trial, widths, tt, got, want)
			}
		}
	}
}
