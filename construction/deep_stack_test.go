package construction

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/props"
	"pgregory.net/rapid"
)

// isqrtLoop is ⌊√n⌋ by counting up (independent of math/big's Sqrt).
func isqrtLoop(n int) int {
	r := 0
	for (r+1)*(r+1) <= n {
		r++
	}
	return r
}

// ceilDiv is ⌈a/b⌉ for a ≥ 0, b ≥ 1.
func ceilDiv(a, b int) int { return (a + b - 1) / b }

// narrowShapeBrute minimises (max{2M, 4G}, 2M + 4G, G) lexicographically
// over every pair M, G ∈ [1, n] with M·G ≥ n: NarrowU3Shape's contract,
// ties broken towards fewer layer-2 units.
func narrowShapeBrute(n int) (groups, units int) {
	bw, bc := -1, -1
	for G := 1; G <= n; G++ {
		for M := 1; M <= n; M++ {
			if M*G < n {
				continue
			}
			w, c := max(2*M, 4*G), 2*M+4*G
			if bw < 0 || w < bw || w == bw && c < bc {
				bw, bc, groups, units = w, c, M, G
			}
		}
	}
	return groups, units
}

// TestNarrowU3Shape: NarrowU3Shape covers n and has the least maximum width
// and then the least neuron count, against brute force over every (M, G).
func TestNarrowU3Shape(t *testing.T) {
	for n := 1; n <= 150; n++ {
		M, G := NarrowU3Shape(n)
		wm, wg := narrowShapeBrute(n)
		if M != wm || G != wg {
			t.Fatalf("n=%d: NarrowU3Shape = (%d, %d), brute force (%d, %d)", n, M, G, wm, wg)
		}
	}
}

// keptAlong is |J| of eq. 14 for the changed mask along the sorted line,
// from the definition: an unchanged sample is dropped iff it is not at an
// end of the line and both its neighbours are unchanged.
func keptAlong(changed []bool) int {
	n := 0
	for i, c := range changed {
		if c || i == 0 || i == len(changed)-1 || changed[i-1] || changed[i+1] {
			n++
		}
	}
	return n
}

// deepBlockWidths is the model of Deep's block choice for one part T_b
// (rows of in, |T_b| ≥ 1): the ReLU widths of every candidate App. B and
// deep.go list, in their order, and the first of least maximum width.
func deepBlockWidths(K int, partSorted []bool) [2]int {
	m := isqrtLoop(K)
	r := m
	if r*r < K {
		r++
	}
	N := 0
	for _, c := range partSorted {
		if c {
			N++
		}
	}
	n := keptAlong(partSorted)
	M3 := isqrtLoop(n)
	if M3*M3 < n {
		M3++
	}
	Mn, Gn := narrowShapeBrute(n)
	cands := [][2]int{
		{2 * m, 2 * ceilDiv(K, m)},   // U1
		{2 * r, 2 * ceilDiv(K, r)},   // U1, square shape
		{2 * m, 3 * N},               // U2
		{2, 3 * N},                   // U2, one group
		{2 * M3, 4 * ceilDiv(n, M3)}, // U3
		{2 * Mn, 4 * Gn},             // U3, narrow shape
	}
	best := cands[0]
	for _, c := range cands[1:] {
		if max(c[0], c[1]) < max(best[0], best[1]) {
			best = c
		}
	}
	return best
}

// deepWidthsModel is the hidden widths of Deep(in, L) by the file comment of
// deep.go: per block its two widths plus a carrier (and, after the first
// block, an accumulator), and one more accumulator unit when L−1 is odd.
// order lists the rows of in by increasing projection.
func deepWidthsModel(in *instance.Instance, order []int, L int) []int {
	T := in.T()
	B := (L - 1) / 2
	var widths []int
	for b := 0; b < B; b++ {
		part := T[b*len(T)/B : (b+1)*len(T)/B]
		extra := 1
		if b > 0 {
			extra = 2
		}
		var w [2]int
		if len(part) > 0 {
			inPart := map[int]bool{}
			for _, i := range part {
				inPart[i] = true
			}
			sorted := make([]bool, len(order))
			for p, row := range order {
				sorted[p] = inPart[row]
			}
			w = deepBlockWidths(in.K(), sorted)
		}
		widths = append(widths, w[0]+extra, w[1]+extra)
	}
	if (L-1)%2 == 1 {
		widths = append(widths, 1)
	}
	return widths
}

// projOrder sorts the rows of in by uᵀx with u = (1, s, …, s^{d−1}), s the
// least integer ≥ 0 that separates them (found here by brute force), and
// returns the order and the least projection.
func projOrder(in *instance.Instance) ([]int, []*big.Rat, *big.Rat) {
	for s := int64(0); ; s++ {
		u := make([]*big.Rat, in.Dim())
		for k := range u {
			u[k] = new(big.Rat).SetInt64(1)
			for e := 0; e < k; e++ {
				u[k].Mul(u[k], big.NewRat(s, 1))
			}
		}
		order := props.SortedByProjection(in.X, u)
		vals := make([]*big.Rat, len(order))
		distinct := true
		for p, row := range order {
			vals[p] = dotRef(u, in.X[row])
			if p > 0 && vals[p].Cmp(vals[p-1]) == 0 {
				distinct = false
			}
		}
		if distinct {
			return order, u, vals[0]
		}
	}
}

// TestDeepProp61: for drawn instances (any d, any f, targets of any size)
// and L = 4..7, Prop. 6.1's network fine-tunes the instance, has depth L,
// hidden widths given by the stacking of App. B over the narrowest block of
// every part, and its carrier σ(uᵀx + C0) has C0 = 1 − min_i uᵀx_i: at least
// 1 on every sample, exactly 1 at the leftmost.
func TestDeepProp61(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		for rep := 0; rep < 3; rep++ { // -short runs only 20 checks
			in := props.Instance(props.InstanceOptions{MaxK: 9, MaxD: 3, FDepth: 1, FWidth: 1}).Draw(t, "instance").Inst
			checkDeep(t, in, rapid.IntRange(4, 7).Draw(t, "L"))
		}
	})
}

func checkDeep(t *rapid.T, in *instance.Instance, L int) {
	{
		b, err := Deep(in, L)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := in.Verify(b.Net); err != nil {
			t.Fatalf("L=%d: %v", L, err)
		}
		order, u, minC := projOrder(in)
		want := deepWidthsModel(in, order, L)
		if fmt.Sprint(b.Widths) != fmt.Sprint(want) || b.Net.Depth() != L {
			t.Fatalf("L=%d: widths %v (depth %d), model %v", L, b.Widths, b.Net.Depth(), want)
		}
		first := b.Net.Layers[0]
		carrier := len(first.W) - 1
		if fmt.Sprint(first.W[carrier]) != fmt.Sprint(u) {
			t.Fatalf("carrier row %v, want u = %v", first.W[carrier], u)
		}
		C0 := new(big.Rat).Sub(big.NewRat(1, 1), minC)
		if first.B[carrier].Cmp(C0) != 0 {
			t.Fatalf("carrier bias %s, want 1 − min uᵀx = %s", first.B[carrier].RatString(), C0.RatString())
		}
		f, err := DeepWith(in, L, Fault{CarrierOffset: big.NewRat(1, 3)})
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Net.Layers[0].B[carrier]; got.Cmp(new(big.Rat).Add(C0, big.NewRat(1, 3))) != 0 {
			t.Fatalf("carrier offset 1/3: bias %s, want %s + 1/3", got.RatString(), C0.RatString())
		}
	}
}

// TestDeepShortErrorSaysL: L < 4 is refused with a message naming L and the
// bound of Prop. 6.1.
func TestDeepShortErrorSaysL(t *testing.T) {
	_, err := Deep(yunOneChanged(5, 1, big.NewRat(1, 1)), 3)
	if err == nil || !strings.Contains(err.Error(), "L = 3 < 4") {
		t.Fatalf("L = 3: got %v", err)
	}
}
