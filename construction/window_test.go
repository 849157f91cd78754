package construction

import (
	"math/big"
	"math/rand"
	"sort"
	"testing"
)

// randGroups draws 1..8 groups of 1..4 distinct sorted positions each.
func randGroups(r *rand.Rand) (groups [][]*big.Rat) {
	var c []*big.Rat
	seen := map[string]bool{}
	n := 1 + r.Intn(20)
	for len(c) < n {
		v := big.NewRat(int64(r.Intn(400)-200), int64(1+r.Intn(7)))
		if !seen[v.RatString()] {
			seen[v.RatString()] = true
			c = append(c, v)
		}
	}
	sort.Slice(c, func(i, j int) bool { return c[i].Cmp(c[j]) < 0 })
	for len(c) > 0 {
		k := min(len(c), 1+r.Intn(4))
		groups, c = append(groups, c[:k]), c[k:]
	}
	return groups
}

// eq28 computes W_{1,j} (the factor of vᵀ) and b_{1,j} literally from the
// paper's eq. 28–29 with 1-based j and c_0 = c_1 − ε, c_{K+1} = c_K + ε.
func eq28(groups [][]*big.Rat, j int, eps *big.Rat) (w, b *big.Rat) {
	G := len(groups)
	minOf := func(k int) *big.Rat {
		if k == G+1 {
			last := groups[G-1]
			return new(big.Rat).Add(last[len(last)-1], eps)
		}
		return groups[k-1][0]
	}
	maxOf := func(k int) *big.Rat {
		if k == 0 {
			return new(big.Rat).Sub(groups[0][0], eps)
		}
		g := groups[k-1]
		return g[len(g)-1]
	}
	den := new(big.Rat).Add(maxOf(j), minOf(j+1))
	den.Sub(den, maxOf(j-1))
	den.Sub(den, minOf(j))
	num := new(big.Rat).Add(maxOf(j), minOf(j+1))
	num.Add(num, maxOf(j-1))
	num.Add(num, minOf(j))
	w = new(big.Rat).Quo(big.NewRat(4, 1), den)
	b = new(big.Rat).Quo(num, den)
	if j%2 == 0 { // (−1)^{j−1} = −1
		w.Neg(w)
	} else { // (−1)^j = −1
		b.Neg(b)
	}
	return w, b
}

// TestWindowsAreEq28: the windows' weights are the paper's eq. 28–29, and
// they have the property the paper states after them: α¹_j(x_i) ∈ [−1, 1]
// iff i ∈ s_j — here strictly inside for members and strictly outside for
// the others, and clipped to −s_j left and +s_j right of the group.
func TestWindowsAreEq28(t *testing.T) {
	r := rand.New(rand.NewSource(28))
	v := []*big.Rat{big.NewRat(1, 1)}
	for trial := 0; trial < 300; trial++ {
		groups := randGroups(r)
		eps := big.NewRat(int64(1+r.Intn(5)), int64(1+r.Intn(5)))
		lo, hi := make([]*big.Rat, len(groups)), make([]*big.Rat, len(groups))
		for j, g := range groups {
			lo[j], hi[j] = g[0], g[len(g)-1]
		}
		ws := GroupWindows(lo, hi, eps)
		for j, w := range ws {
			row, b := w.Affine(v)
			pw, pb := eq28(groups, j+1, eps)
			if row[0].Cmp(pw) != 0 || b.Cmp(pb) != 0 {
				t.Fatalf("window %d: (%s, %s), eq. 28–29 give (%s, %s)", j+1, row[0], b, pw, pb)
			}
			checkWindowProperty(t, groups, j, w)
		}
	}
}

func checkWindowProperty(t *testing.T, groups [][]*big.Rat, j int, w Window) {
	t.Helper()
	one := big.NewRat(1, 1)
	for k, g := range groups {
		for _, c := range g {
			a := w.Pre(c)
			inside := new(big.Rat).Abs(a).Cmp(one) < 0
			if inside != (k == j) {
				t.Fatalf("window %d, member of group %d at %s: α¹ = %s", j+1, k+1, c, a)
			}
			want := int64(altSign(j))
			if k < j {
				want = -want
			}
			if k != j && w.Out(c).Cmp(big.NewRat(want, 1)) != 0 {
				t.Fatalf("window %d, group %d: clipped to %s, want %d", j+1, k+1, w.Out(c), want)
			}
		}
	}
}
