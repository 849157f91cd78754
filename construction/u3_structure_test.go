package construction

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/props"
	"pgregory.net/rapid"
)

// TestCheapestShapeTies: among the shapes of least cost 2M + 4G with
// M·G ≥ n, CheapestShape takes the one with fewest layer-2 units G (its
// documented tie rule), by brute force over every (M, G).
func TestCheapestShapeTies(t *testing.T) {
	for n := 1; n <= 400; n++ {
		bc, bg := -1, -1
		for G := 1; G <= n; G++ {
			for M := 1; M <= n; M++ {
				if c := 2*M + 4*G; M*G >= n && (bc < 0 || c < bc || c == bc && G < bg) {
					bc, bg = c, G
				}
			}
		}
		if M, G := CheapestShape(n); G != bg || 2*M+4*G != bc {
			t.Fatalf("n=%d: CheapestShape (%d, %d), want cost %d with G = %d", n, M, G, bc, bg)
		}
	}
}

// TestU3ZonesBoundary: a sample exactly at a window's right end R_j belongs
// to zone j ("the first window whose right end it does not pass"). On
// x_i = i, K = 9, T = {1, 9}: J = {1, 2, 8, 9}, two groups {1, 2}, {8, 9},
// R_1 = (2 + 8)/2 = 5, so zone 1 holds samples 1..5 and zone 2 samples 6..9.
func TestU3ZonesBoundary(t *testing.T) {
	z := make([]*big.Rat, 9)
	for i := range z {
		z[i] = new(big.Rat)
	}
	z[0], z[8] = big.NewRat(1, 2), big.NewRat(-1, 1)
	p, err := project(onLine3(z...))
	if err != nil {
		t.Fatal(err)
	}
	keep := Kept(9, 0, []int{0, 8})
	y := newYunFit(p, keep, 2, 2)
	if y.ws[0].R.Cmp(big.NewRat(5, 1)) != 0 {
		t.Fatalf("R_1 = %s, want 5", y.ws[0].R.RatString())
	}
	y.zones()
	if got := fmt.Sprint(y.zone); got != "[[0 1 2 3 4] [5 6 7 8]]" {
		t.Fatalf("zones (0-based positions) %s, want [[0 1 2 3 4] [5 6 7 8]]", got)
	}
}

// clip is σH(t) = max{−1, min{1, t}}.
func clip(t *big.Rat) *big.Rat {
	if t.Cmp(big.NewRat(1, 1)) > 0 {
		return big.NewRat(1, 1)
	}
	if t.Cmp(big.NewRat(-1, 1)) < 0 {
		return big.NewRat(-1, 1)
	}
	return new(big.Rat).Set(t)
}

// TestU3Margin: for drawn instances, U3's layer-2 weights meet the margin
// of u3.go's λ: for every unit k and group j, w_{k,j}·D_{j,k} ≥ 2 + δ = 3,
// where D_{j,k} is the least |β¹_j(x) − κ_j| over every sample x of zone j
// other than the fitted point, computed here over all samples from the
// definitions (J, groups of G, windows of eq. 28–29 with ε = 1, zones by
// right ends); and layer 1 has the biases of those windows.
func TestU3Margin(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		for rep := 0; rep < 3; rep++ { // -short runs only 20 checks
			in := props.Instance(props.InstanceOptions{MaxK: 14, MaxD: 2, MinN: 1, FDepth: 1, FWidth: 1}).Draw(t, "instance").Inst
			checkU3Margin(t, in)
		}
	})
}

func checkU3Margin(t *rapid.T, in *instance.Instance) {
	order, u, _ := projOrder(in)
	K := in.K()
	c, changed := make([]*big.Rat, K), make([]bool, K)
	for p, row := range order {
		c[p], changed[p] = dotRef(u, in.X[row]), in.Z[row].Sign() != 0
	}
	var pc []*big.Rat
	for i := range c {
		if changed[i] || i == 0 || i == K-1 || changed[i-1] || changed[i+1] {
			pc = append(pc, c[i])
		}
	}
	n := len(pc)
	M := isqrtLoop(n)
	if M*M < n {
		M++
	}
	G := ceilDiv(n, M)
	for d := int64(1); len(pc) < M*G; d++ {
		pc = append(pc, new(big.Rat).Add(c[K-1], big.NewRat(d, 1)))
	}
	mid := func(a, b *big.Rat) *big.Rat { s := new(big.Rat).Add(a, b); return s.Quo(s, big.NewRat(2, 1)) }
	L, R := make([]*big.Rat, M), make([]*big.Rat, M)
	for j := 0; j < M; j++ {
		prev, next := new(big.Rat).Sub(pc[0], big.NewRat(1, 1)), new(big.Rat).Add(pc[M*G-1], big.NewRat(1, 1))
		if j > 0 {
			prev = pc[j*G-1]
		}
		if j < M-1 {
			next = pc[(j+1)*G]
		}
		L[j], R[j] = mid(prev, pc[j*G]), mid(pc[j*G+G-1], next)
	}
	alpha := func(j int, x *big.Rat) *big.Rat {
		v := new(big.Rat).Sub(new(big.Rat).Add(x, x), new(big.Rat).Add(L[j], R[j]))
		v.Quo(v, new(big.Rat).Sub(R[j], L[j]))
		if j%2 == 1 {
			v.Neg(v)
		}
		return v
	}
	zone := make([]int, K)
	for i := range c {
		for zone[i] < M-1 && c[i].Cmp(R[zone[i]]) > 0 {
			zone[i]++
		}
	}
	b, err := U3(in)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(b.Widths) != fmt.Sprint([]int{2 * M, 4 * G}) {
		t.Fatalf("widths %v, want [%d %d]", b.Widths, 2*M, 4*G)
	}
	first, second := b.Net.Layers[0], b.Net.Layers[1]
	for j := 0; j < M; j++ {
		bias := new(big.Rat).Quo(new(big.Rat).Add(L[j], R[j]), new(big.Rat).Sub(R[j], L[j]))
		if j%2 == 0 {
			bias.Neg(bias)
		}
		if first.B[2*j].Cmp(new(big.Rat).Add(bias, big.NewRat(1, 1))) != 0 {
			t.Fatalf("window %d: bias %s, want %s + 1", j+1, first.B[2*j].RatString(), bias.RatString())
		}
	}
	for k := 0; k < G; k++ {
		for j := 0; j < M; j++ {
			q := j*G + k
			if j%2 == 1 {
				q = j*G + G - 1 - k
			}
			kappa := alpha(j, pc[q])
			var D *big.Rat
			for i := range c {
				if zone[i] != j || c[i].Cmp(pc[q]) == 0 {
					continue
				}
				if d := new(big.Rat).Abs(new(big.Rat).Sub(clip(alpha(j, c[i])), kappa)); D == nil || d.Cmp(D) < 0 {
					D = d
				}
			}
			if D == nil {
				continue
			}
			w := second.W[4*k][2*j]
			if new(big.Rat).Mul(w, D).Cmp(big.NewRat(3, 1)) < 0 {
				t.Fatalf("unit %d group %d: w = %s, D = %s, w·D < 2 + δ = 3", k+1, j+1, w.RatString(), D.RatString())
			}
		}
	}
}
