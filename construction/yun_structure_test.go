package construction

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/props"
	"pgregory.net/rapid"
)

// TestU1Notes: U1 notes a rescaling exactly when some |z_i| > 1, and notes
// that m exceeds 4√K exactly when K is not a perfect square.
func TestU1Notes(t *testing.T) {
	for K := 3; K <= 17; K++ {
		for _, v := range []*big.Rat{big.NewRat(1, 1), big.NewRat(-1, 2), big.NewRat(3, 2), big.NewRat(-5, 1)} {
			b, err := U1(yunOneChanged(K, K/2, v))
			if err != nil {
				t.Fatal(err)
			}
			notes := strings.Join(b.Notes, "\n")
			big := new(big.Rat).Abs(v).Cmp(big.NewRat(1, 1)) > 0
			if strings.Contains(notes, "targets divided by") != big {
				t.Fatalf("K=%d z=%s: notes %q", K, v, b.Notes)
			}
			square := isqrtLoop(K)*isqrtLoop(K) == K
			if strings.Contains(notes, "exceeds the stated 4√K") == square {
				t.Fatalf("K=%d (square %v): notes %q", K, square, b.Notes)
			}
		}
	}
}

// TestU2GroupsRange: U2Groups takes 1 ≤ m ≤ K groups, both ends included
// (m = K: one sample per group), and refuses 0 and K + 1.
func TestU2GroupsRange(t *testing.T) {
	in := yunLineInstance(big.NewRat(1, 2), new(big.Rat), big.NewRat(-3, 1), new(big.Rat), big.NewRat(1, 1))
	for _, m := range []int{1, 2, 5} {
		b, err := U2Groups(in, m)
		if err != nil {
			t.Fatalf("m = %d: %v", m, err)
		}
		if _, err := in.Verify(b.Net); err != nil {
			t.Fatalf("m = %d: %v", m, err)
		}
		if b.Neurons != 2*m+3*in.N() {
			t.Fatalf("m = %d: %d neurons, want 2m + 3N = %d", m, b.Neurons, 2*m+3*in.N())
		}
	}
	for _, m := range []int{0, 6} {
		if _, err := U2Groups(in, m); err == nil {
			t.Fatalf("m = %d accepted for K = 5", m)
		}
	}
}

// TestCharitableDelta: half the least nonzero distance to pre[i], by hand:
// from 3 the values 0, 3, 5, 1/2, 3 are at 3, 0, 2, 5/2, 0, so δ = 1; with
// every value equal, δ = 1 by convention.
func TestCharitableDelta(t *testing.T) {
	pre := []*big.Rat{new(big.Rat), big.NewRat(3, 1), big.NewRat(5, 1), big.NewRat(1, 2), big.NewRat(3, 1)}
	if got := charitableDelta(pre, 1); got.Cmp(big.NewRat(1, 1)) != 0 {
		t.Fatalf("δ = %s, want 1", got.RatString())
	}
	if got := charitableDelta(pre, 3); got.Cmp(big.NewRat(1, 4)) != 0 { // from 1/2: 1/2, 5/2, 9/2
		t.Fatalf("δ = %s, want 1/4", got.RatString())
	}
	same := []*big.Rat{big.NewRat(-2, 1), big.NewRat(-2, 1)}
	if got := charitableDelta(same, 0); got.Cmp(big.NewRat(1, 1)) != 0 {
		t.Fatalf("all equal: δ = %s, want 1", got.RatString())
	}
}

// yunWindowModel is layer 1 of Yun et al. (yun.go, steps 1–2) computed from
// the definitions: sorted positions c (padded with c_K + 1, c_K + 2, … to
// m·G), L_1 = c_1 − 1, R_m = c_{mG} + 1, midpoints between groups, and
// α¹_j = s_j(2t − L_j − R_j)/(R_j − L_j), s_j = (−1)^{j−1}.
type yunWindowModel struct {
	c    []*big.Rat
	L, R []*big.Rat
}

func newYunWindowModel(sorted []*big.Rat, m, G int) *yunWindowModel {
	y := &yunWindowModel{}
	y.c = append(y.c, sorted...)
	last := sorted[len(sorted)-1]
	for d := int64(1); len(y.c) < m*G; d++ {
		y.c = append(y.c, new(big.Rat).Add(last, big.NewRat(d, 1)))
	}
	half := func(a, b *big.Rat) *big.Rat { s := new(big.Rat).Add(a, b); return s.Quo(s, big.NewRat(2, 1)) }
	for j := 0; j < m; j++ {
		L := new(big.Rat).Sub(y.c[0], big.NewRat(1, 1))
		if j > 0 {
			L = half(y.c[j*G-1], y.c[j*G])
		}
		R := new(big.Rat).Add(y.c[m*G-1], big.NewRat(1, 1))
		if j < m-1 {
			R = half(y.c[(j+1)*G-1], y.c[(j+1)*G])
		}
		y.L, y.R = append(y.L, L), append(y.R, R)
	}
	return y
}

// alpha is α¹_j(t).
func (y *yunWindowModel) alpha(j int, t *big.Rat) *big.Rat {
	v := new(big.Rat).Sub(new(big.Rat).Add(t, t), new(big.Rat).Add(y.L[j], y.R[j]))
	v.Quo(v, new(big.Rat).Sub(y.R[j], y.L[j]))
	if j%2 == 1 {
		v.Neg(v)
	}
	return v
}

// TestYunLayer1IsWindows: for drawn instances, newYunLine has the windows,
// ranks (snake order) and least rank gaps δ_j of the model, where
// δ_j = 2·(least gap of consecutive positions in group j)/(R_j − L_j); and
// the first layers of U1 and U2 are the σH expansion of those windows along
// u: rows (2s_j/(R_j−L_j))·uᵀ with biases −s_j(R_j+L_j)/(R_j−L_j) ± 1.
func TestYunLayer1IsWindows(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		for rep := 0; rep < 5; rep++ { // -short runs only 20 checks
			checkYunLayer1(t, props.Instance(props.InstanceOptions{MaxK: 12, MaxD: 3, MinN: 1, FDepth: 1, FWidth: 1}).Draw(t, "instance").Inst)
		}
	})
}

func checkYunLayer1(t *rapid.T, in *instance.Instance) {
	{
		K := in.K()
		m := rapid.IntRange(1, K).Draw(t, "m")
		G := ceilDiv(K, m)
		order, u, _ := projOrder(in)
		sorted := make([]*big.Rat, K)
		for p, row := range order {
			sorted[p] = dotRef(u, in.X[row])
		}
		y := newYunWindowModel(sorted, m, G)
		l, err := newYunLine(in, m, G)
		if err != nil {
			t.Fatal(err)
		}
		for j := 0; j < m; j++ {
			if l.L[j].Cmp(y.L[j]) != 0 || l.R[j].Cmp(y.R[j]) != 0 {
				t.Fatalf("window %d: [%s, %s], model [%s, %s]", j+1, l.L[j].RatString(), l.R[j].RatString(), y.L[j].RatString(), y.R[j].RatString())
			}
			var gap *big.Rat
			for r := 0; r < G; r++ {
				p := j*G + r
				if j%2 == 1 {
					p = j*G + G - 1 - r
				}
				if want := y.alpha(j, y.c[p]); l.a1[j][r].Cmp(want) != 0 {
					t.Fatalf("group %d rank %d: a¹ = %s, want %s", j+1, r+1, l.a1[j][r].RatString(), want.RatString())
				}
				if r > 0 {
					if g := new(big.Rat).Sub(y.c[j*G+r], y.c[j*G+r-1]); gap == nil || g.Cmp(gap) < 0 {
						gap = g
					}
				}
			}
			if G > 1 {
				want := new(big.Rat).Quo(new(big.Rat).Mul(big.NewRat(2, 1), gap), new(big.Rat).Sub(y.R[j], y.L[j]))
				if l.delta[j].Cmp(want) != 0 {
					t.Fatalf("δ_%d = %s, want %s", j+1, l.delta[j].RatString(), want.RatString())
				}
			}
		}
		for p, row := range order {
			j, r := l.groupRank(row)
			wj, wr := p/G, p%G
			if wj%2 == 1 {
				wr = G - 1 - wr
			}
			if j != wj || r != wr {
				t.Fatalf("row %d at position %d: group %d rank %d, want %d, %d", row+1, p+1, j+1, r+1, wj+1, wr+1)
			}
		}
		if G == 1 {
			return // U1 and U2 use ⌊√K⌋ groups, never one
		}
		mu := isqrtLoop(K)
		y = newYunWindowModel(sorted, mu, ceilDiv(K, mu))
		u1, err := U1(in)
		if err != nil {
			t.Fatal(err)
		}
		u2, err := U2(in)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range []*Built{u1, u2} {
			first := b.Net.Layers[0]
			if len(first.W) != 2*mu {
				t.Fatalf("%s: %d first-layer ReLUs, want 2⌊√K⌋ = %d", b.Name, len(first.W), 2*mu)
			}
			for j := 0; j < mu; j++ {
				width := new(big.Rat).Sub(y.R[j], y.L[j])
				a := new(big.Rat).Quo(big.NewRat(2, 1), width)
				bias := new(big.Rat).Quo(new(big.Rat).Add(y.R[j], y.L[j]), width)
				if j%2 == 0 { // s_j = +1: a = 2/(R−L), bias = −(R+L)/(R−L)
					bias.Neg(bias)
				} else {
					a.Neg(a)
				}
				for h, off := range []int64{1, -1} {
					wantB := new(big.Rat).Add(bias, big.NewRat(off, 1))
					if first.B[2*j+h].Cmp(wantB) != 0 {
						t.Fatalf("%s: window %d ReLU %d bias %s, want %s", b.Name, j+1, h+1, first.B[2*j+h].RatString(), wantB.RatString())
					}
					for q := range u {
						if want := new(big.Rat).Mul(a, u[q]); first.W[2*j+h][q].Cmp(want) != 0 {
							t.Fatalf("%s: window %d row %v, want %s·u", b.Name, j+1, first.W[2*j+h], a.RatString())
						}
					}
				}
			}
		}
	}
}

// TestSmallKErrorText: the 3-layer constructions name K and Theorem 5.1.
func TestSmallKErrorText(t *testing.T) {
	if got := (&SmallKError{K: 2}).Error(); got != "construction: K = 2 < 3 samples (Theorem 5.1 assumes K ≥ 3)" {
		t.Fatalf("%q", got)
	}
}
