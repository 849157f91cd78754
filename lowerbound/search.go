package lowerbound

// Searches for networks with many pieces on a line, to test the piece-count
// bounds of pieces.go from below: if a search ever finds more pieces than a
// bound allows, the bound is false (and the claim check reports it with the
// network); when it reaches the bound, the bound is attained at those widths.
//
// Nets have input dimension 1 and small integer weights, so every piece count
// is exact (oracle.Network.Restrict on the line p = 0, u = 1). The search is a
// deterministic hill climb from a random start: change one weight to a random
// value in [−W, W], keep the change if the piece count does not drop, restart
// from the best net now and then.

import (
	"math/big"
	"math/rand/v2"

	"github.com/ftcheck/ftcheck/oracle"
)

// Pieces1D is the exact number of pieces of a network with input dimension 1
// on the whole line.
func Pieces1D(n *oracle.Network) int {
	one := []*big.Rat{big.NewRat(1, 1)}
	zero := []*big.Rat{new(big.Rat)}
	return n.Restrict(zero, one).Pieces()
}

// RandomNet is a 1-D-input ReLU network with the given hidden widths and
// integer weights and biases in [−w, w] (first-layer biases are drawn from a
// wider range so kinks spread out).
func RandomNet(r *rand.Rand, widths []int, w int) *oracle.Network {
	in := 1
	var n oracle.Network
	for li, out := range append(append([]int{}, widths...), 1) {
		l := oracle.Layer{W: make([][]*big.Rat, out), B: make([]*big.Rat, out)}
		for j := range l.W {
			l.W[j] = make([]*big.Rat, in)
			for k := range l.W[j] {
				l.W[j][k] = big.NewRat(int64(r.IntN(2*w+1)-w), 1)
			}
			bw := w
			if li == 0 {
				bw = 3 * w
			}
			l.B[j] = big.NewRat(int64(r.IntN(2*bw+1)-bw), 1)
		}
		n.Layers = append(n.Layers, l)
		in = out
	}
	return &n
}

// SearchResult is the best network a search found.
type SearchResult struct {
	Net    *oracle.Network
	Pieces int
	Evals  int
}

// MaxPiecesSearch hill-climbs for a network with the given hidden widths and
// many pieces: restarts random starts, evals piece counts in total. It is
// deterministic in seed.
func MaxPiecesSearch(widths []int, w, restarts, evals int, seed uint64) SearchResult {
	r := rand.New(rand.NewPCG(seed, uint64(len(widths))*1000+uint64(widths[0])))
	best := SearchResult{}
	per := max(1, evals/max(1, restarts))
	for rs := 0; rs < restarts; rs++ {
		cur := RandomNet(r, widths, w)
		cp := Pieces1D(cur)
		for e := 0; e < per; e++ {
			next := cur.Clone()
			mutate(r, next, w)
			if np := Pieces1D(next); np >= cp {
				cur, cp = next, np
			}
		}
		best.Evals += per
		if cp > best.Pieces {
			best.Net, best.Pieces = cur, cp
		}
	}
	return best
}

// mutate sets one weight or bias to a random integer in [−w, w] (first-layer
// biases in [−3w, 3w]).
func mutate(r *rand.Rand, n *oracle.Network, w int) {
	li := r.IntN(len(n.Layers))
	l := n.Layers[li]
	j := r.IntN(l.Out())
	bw := w
	if li == 0 {
		bw = 3 * w
	}
	if k := r.IntN(l.In() + 1); k < l.In() {
		l.W[j][k] = big.NewRat(int64(r.IntN(2*w+1)-w), 1)
	} else {
		l.B[j] = big.NewRat(int64(r.IntN(2*bw+1)-bw), 1)
	}
}
