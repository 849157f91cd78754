package lowerbound

// search_test.go: the random nets and the hill climb of search.go keep to
// their stated ranges and budgets, and are deterministic in the seed.

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/ftcheck/ftcheck/oracle"
)

// intIn reports whether q is an integer in [lo, hi].
func intIn(q *big.Rat, lo, hi int64) bool {
	return q.IsInt() && q.Num().Cmp(big.NewInt(lo)) >= 0 && q.Num().Cmp(big.NewInt(hi)) <= 0
}

// checkRanges: weights in [−w, w], first-layer biases in [−3w, 3w], later
// biases in [−w, w], all integers; it records which extremes occurred.
func checkRanges(n *oracle.Network, w int64, seen map[string]bool) error {
	for li, l := range n.Layers {
		bw := w
		if li == 0 {
			bw = 3 * w
		}
		for j := range l.W {
			for k, x := range l.W[j] {
				if !intIn(x, -w, w) {
					return fmt.Errorf("layer %d W[%d][%d] = %v outside [−%d, %d]", li, j, k, x, w, w)
				}
				if x.Num().Int64() == w {
					seen[fmt.Sprintf("W%d+", li)] = true
				}
				if x.Num().Int64() == -w {
					seen[fmt.Sprintf("W%d-", li)] = true
				}
			}
			if !intIn(l.B[j], -bw, bw) {
				return fmt.Errorf("layer %d B[%d] = %v outside [−%d, %d]", li, j, l.B[j], bw, bw)
			}
			if b := l.B[j].Num().Int64(); b == bw || b == -bw {
				seen[fmt.Sprintf("B%d±", li)] = true
			}
		}
	}
	return nil
}

// TestRandomNetShape: widths, input dimension 1, one output, and the
// weight ranges of the doc comment, whose extremes all occur over 300 draws.
func TestRandomNetShape(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	seen := map[string]bool{}
	for i := 0; i < 300; i++ {
		widths := []int{1 + i%3, 1 + i%2}
		n := RandomNet(r, widths, 2)
		if err := n.Validate(); err != nil {
			t.Fatal(err)
		}
		if got := n.Widths(); fmt.Sprint(got) != fmt.Sprint(widths) || n.InputDim() != 1 || n.Depth() != 3 {
			t.Fatalf("widths %v: got %v, input %d, depth %d", widths, got, n.InputDim(), n.Depth())
		}
		if err := checkRanges(n, 2, seen); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range []string{"W0+", "W0-", "W1+", "W1-", "W2+", "W2-", "B0±", "B1±", "B2±"} {
		if !seen[k] {
			t.Errorf("extreme %s never drawn in 300 nets", k)
		}
	}
}

// TestMutateOneEntry: mutate changes at most one weight or bias, keeps the
// ranges, and over many calls reaches every layer's weights and biases.
func TestMutateOneEntry(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	n := RandomNet(r, []int{2, 2}, 3)
	hit := map[string]bool{}
	for i := 0; i < 400; i++ {
		next := n.Clone()
		mutate(r, next, 3)
		if err := checkRanges(next, 3, map[string]bool{}); err != nil {
			t.Fatal(err)
		}
		diff := 0
		for li := range n.Layers {
			for j := range n.Layers[li].W {
				for k := range n.Layers[li].W[j] {
					if n.Layers[li].W[j][k].Cmp(next.Layers[li].W[j][k]) != 0 {
						diff++
						hit[fmt.Sprintf("W%d", li)] = true
					}
				}
				if n.Layers[li].B[j].Cmp(next.Layers[li].B[j]) != 0 {
					diff++
					hit[fmt.Sprintf("B%d", li)] = true
				}
			}
		}
		if diff > 1 {
			t.Fatalf("mutate changed %d entries", diff)
		}
		n = next
	}
	for _, k := range []string{"W0", "W1", "W2", "B0", "B1", "B2"} {
		if !hit[k] {
			t.Errorf("mutate never changed %s in 400 calls", k)
		}
	}
}

// TestSearchBudget: Evals = restarts · max(1, evals/restarts); the result's
// piece count is the oracle's count of its net; equal seeds give equal
// results; the search never does worse than its first random start.
func TestSearchBudget(t *testing.T) {
	for _, c := range []struct{ restarts, evals, want int }{
		{4, 1200, 1200}, {3, 10, 9}, {5, 2, 5}, {1, 7, 7}, {0, 9, 0},
	} {
		sr := MaxPiecesSearch([]int{2}, 3, c.restarts, c.evals, 11)
		if sr.Evals != c.want {
			t.Errorf("restarts %d, evals %d: Evals = %d, want %d", c.restarts, c.evals, sr.Evals, c.want)
		}
		if c.restarts == 0 {
			if sr.Net != nil || sr.Pieces != 0 {
				t.Errorf("no restart: %+v", sr)
			}
			continue
		}
		if sr.Net == nil || Pieces1D(sr.Net) != sr.Pieces {
			t.Errorf("restarts %d: reported %d pieces, net has %d", c.restarts, sr.Pieces, Pieces1D(sr.Net))
		}
	}
	a := MaxPiecesSearch([]int{2, 2}, 3, 3, 90, 42)
	b := MaxPiecesSearch([]int{2, 2}, 3, 3, 90, 42)
	if a.Pieces != b.Pieces || a.Net.GoString() != b.Net.GoString() {
		t.Error("the search is not deterministic in its seed")
	}
	// The first start of the search is RandomNet on the same stream.
	for seed := uint64(0); seed < 20; seed++ {
		widths := []int{3, 2}
		r := rand.New(rand.NewPCG(seed, uint64(len(widths))*1000+uint64(widths[0])))
		first := Pieces1D(RandomNet(r, widths, 2))
		if sr := MaxPiecesSearch(widths, 2, 1, 30, seed); sr.Pieces < first {
			t.Fatalf("seed %d: search ended at %d pieces, its start had %d", seed, sr.Pieces, first)
		}
	}
}

// TestZigzagNetRange: no net for d1 < 3 or d2 < 1.
func TestZigzagNetRange(t *testing.T) {
	for _, c := range [][2]int{{2, 3}, {1, 1}, {0, 2}, {3, 0}, {5, -1}} {
		if ZigzagNet(c[0], c[1]) != nil {
			t.Errorf("ZigzagNet(%d, %d) is not nil", c[0], c[1])
		}
	}
}

// TestZigzagNetStructure: the layers of ZigzagNet are what zigzag.go says:
// layer 1 computes p with p(2j) = (−1)^{j+1} at its kinks β_j = 2j, slopes
// ∓1 between them, rising on the left ray and heading back across 0 on the
// right ray; layer-2 row k is (−1)^k·p + k/(2·d2 + 2); the output sums the
// rows with weight 1 and bias 0. Checked by evaluating the sub-networks.
func TestZigzagNetStructure(t *testing.T) {
	for d1 := 3; d1 <= 6; d1++ {
		for d2 := 1; d2 <= 3; d2++ {
			n := ZigzagNet(d1, d2)
			l1, l2, out := n.Layers[0], n.Layers[1], n.Layers[2]
			row := func(k int, x int64) *big.Rat { // layer-2 pre-activation k at t = x
				sub := &oracle.Network{Layers: []oracle.Layer{l1, {W: [][]*big.Rat{l2.W[k]}, B: []*big.Rat{l2.B[k]}}}}
				return sub.Eval([]*big.Rat{big.NewRat(x, 1)})
			}
			p := func(x int64) *big.Rat { return row(0, x) }
			for j := 1; j <= d1; j++ {
				if got := p(int64(2 * j)); got.Cmp(big.NewRat(int64(-sgn(j)), 1)) != 0 {
					t.Fatalf("%d×%d: p(%d) = %v, want (−1)^%d", d1, d2, 2*j, got, j+1)
				}
			}
			// Left ray rises: p(1) < p(2) = 1, and p(0) < p(1).
			if p(0).Cmp(p(1)) >= 0 || p(1).Cmp(p(2)) >= 0 {
				t.Fatalf("%d×%d: left ray does not rise", d1, d2)
			}
			// Right ray: moving away from p(2·d1) = (−1)^{d1+1} it crosses 0.
			last := p(int64(2 * d1))
			far := p(int64(2*d1 + 10))
			if far.Sign()*last.Sign() >= 0 {
				t.Fatalf("%d×%d: right ray does not cross 0 (p = %v at the last kink, %v further)", d1, d2, last, far)
			}
			// The outer slopes are the first (L, Rg) in 1..4 × 1..4 whose
			// slope jumps split into right- and left-facing units (a subset
			// summing to the right slope), found here by trying all subsets.
			wantL, wantRg := zigzagSlopesModel(d1)
			if gotL := new(big.Rat).Sub(p(1), p(0)); gotL.Cmp(big.NewRat(wantL, 1)) != 0 {
				t.Fatalf("%d×%d: left slope %v, want %d", d1, d2, gotL, wantL)
			}
			gotR := new(big.Rat).Sub(p(int64(2*d1+2)), p(int64(2*d1+1)))
			if gotR.Cmp(big.NewRat(-wantRg*int64(sgn(d1+1)), 1)) != 0 {
				t.Fatalf("%d×%d: right slope %v, want magnitude %d", d1, d2, gotR, wantRg)
			}
			for k := 0; k < d2; k++ {
				for x := int64(-2); x <= int64(2*d1+3); x++ {
					want := new(big.Rat).Mul(big.NewRat(int64(sgn(k)), 1), p(x))
					want.Add(want, big.NewRat(int64(k), int64(2*d2+2)))
					if got := row(k, x); got.Cmp(want) != 0 {
						t.Fatalf("%d×%d: row %d at t = %d is %v, want %v", d1, d2, k, x, got, want)
					}
				}
				if out.W[0][k].Cmp(big.NewRat(1, 1)) != 0 {
					t.Fatalf("%d×%d: output weight %d is %v", d1, d2, k, out.W[0][k])
				}
			}
			if out.B[0].Sign() != 0 {
				t.Fatalf("%d×%d: output bias %v", d1, d2, out.B[0])
			}
		}
	}
}

// zigzagSlopesModel is the first (L, Rg) for which the slopes L, −1, +1, …
// (alternating, (−1)^j on piece j), −Rg·(−1)^{d1+1} have jumps with a
// subset summing to the right slope.
func zigzagSlopesModel(d1 int) (int64, int64) {
	for L := int64(1); L <= 4; L++ {
		for Rg := int64(1); Rg <= 4; Rg++ {
			slopes := []int64{L}
			for j := 1; j < d1; j++ {
				slopes = append(slopes, int64(sgn(j)))
			}
			slopes = append(slopes, -Rg*int64(sgn(d1+1)))
			for mask := 0; mask < 1<<d1; mask++ {
				sum := int64(0)
				for j := 0; j < d1; j++ {
					if mask>>j&1 == 1 {
						sum += slopes[j+1] - slopes[j]
					}
				}
				if sum == slopes[d1] {
					return L, Rg
				}
			}
		}
	}
	return 0, 0
}

// searchModel is MaxPiecesSearch written again from its doc comment: per =
// max(1, evals/max(1, restarts)) steps from each of restarts random starts;
// a step sets one uniformly chosen entry (layer, row, then one of the
// row's weights or its bias) to a random integer in range, and is kept if
// the piece count does not drop; the best end point over the restarts wins
// (the first on ties).
func searchModel(widths []int, w, restarts, evals int, seed uint64) (*oracle.Network, int) {
	r := rand.New(rand.NewPCG(seed, uint64(len(widths))*1000+uint64(widths[0])))
	per := evals / max(1, restarts)
	if per < 1 {
		per = 1
	}
	var best *oracle.Network
	bestP := 0
	for rs := 0; rs < restarts; rs++ {
		cur := RandomNet(r, widths, w)
		cp := Pieces1D(cur)
		for e := 1; e <= per; e++ {
			next := cur.Clone()
			li := r.IntN(len(next.Layers))
			l := next.Layers[li]
			j := r.IntN(len(l.W))
			bw := w
			if li == 0 {
				bw = 3 * w
			}
			k := r.IntN(len(l.W[j]) + 1)
			if k == len(l.W[j]) {
				l.B[j] = big.NewRat(int64(r.IntN(2*bw+1)-bw), 1)
			} else {
				l.W[j][k] = big.NewRat(int64(r.IntN(2*w+1)-w), 1)
			}
			if np := Pieces1D(next); !(np < cp) {
				cur, cp = next, np
			}
		}
		if best == nil || cp > bestP {
			best, bestP = cur, cp
		}
	}
	return best, bestP
}

// TestSearchAgainstModel: MaxPiecesSearch ends at the same network as the
// model above, for a few widths, budgets and seeds.
func TestSearchAgainstModel(t *testing.T) {
	for _, c := range []struct {
		widths             []int
		w, restarts, evals int
	}{
		{[]int{2}, 2, 3, 30}, {[]int{2, 2}, 3, 4, 40}, {[]int{1, 3}, 2, 2, 7}, {[]int{3, 1}, 1, 5, 3},
	} {
		for seed := uint64(1); seed <= 3; seed++ {
			sr := MaxPiecesSearch(c.widths, c.w, c.restarts, c.evals, seed)
			net, p := searchModel(c.widths, c.w, c.restarts, c.evals, seed)
			if sr.Pieces != p || sr.Net.GoString() != net.GoString() {
				t.Fatalf("%+v seed %d: search ends at %d pieces, model at %d (or different nets)", c, seed, sr.Pieces, p)
			}
		}
	}
}
