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
