package bounds

// surd_test.go checks Surd against slow, obviously correct models: floors by
// exact integer search on the defining inequality, and comparisons by nested
// rational enclosures from math/big's integer square root. No float anywhere.

import (
	"fmt"
	"math/big"
	"testing"
)

// geqModel reports a·√r + c ≥ n for a ≥ 0 directly from the definition:
// a√r ≥ n − c ⟺ n − c ≤ 0 or a²r ≥ (n − c)².
func geqModel(a, r, c *big.Rat, n int64) bool {
	d := new(big.Rat).Sub(big.NewRat(n, 1), c)
	if d.Sign() <= 0 {
		return true
	}
	lhs := new(big.Rat).Mul(a, a)
	lhs.Mul(lhs, r)
	return lhs.Cmp(new(big.Rat).Mul(d, d)) >= 0
}

// floorModel is the largest n with a√r + c ≥ n, found by walking up from
// ⌊c⌋ (a ≥ 0, so the value is at least c).
func floorModel(a, r, c *big.Rat) int64 {
	n := floorRat(c).Int64()
	for geqModel(a, r, c, n+1) {
		n++
	}
	return n
}

func ratGrid() []*big.Rat {
	var out []*big.Rat
	for _, p := range []int64{-7, -3, -1, 0, 1, 2, 5, 9} {
		for _, q := range []int64{1, 2, 3, 4} {
			out = append(out, big.NewRat(p, q))
		}
	}
	return out
}

// TestFloorCeilAgainstSearch: ⌊a√r + c⌋ and ⌈a√r + c⌉ equal the exact integer
// search, for a ≥ 0 (and, through ⌊−s⌋, for a ≤ 0) over a grid of rationals.
func TestFloorCeilAgainstSearch(t *testing.T) {
	for _, a := range ratGrid() {
		if a.Sign() < 0 {
			continue
		}
		for r := int64(0); r <= 40; r++ {
			for _, c := range ratGrid() {
				R := big.NewRat(r, 1)
				s := NewSurd(a, R, c)
				want := floorModel(a, R, c)
				if got := s.Floor().Int64(); got != want {
					t.Fatalf("⌊%v⌋ = %d, want %d", s, got, want)
				}
				// ⌈s⌉ is want if s is the integer want, else want+1.
				wantCeil := want + 1
				if geqModel(a, R, c, want) && s.CmpInt(int(want)) == 0 {
					wantCeil = want
				}
				if got := s.Ceil().Int64(); got != wantCeil {
					t.Fatalf("⌈%v⌉ = %d, want %d", s, got, wantCeil)
				}
				// Floor of −s is −⌈s⌉.
				if got := s.Neg().Floor().Int64(); got != -wantCeil {
					t.Fatalf("⌊-(%v)⌋ = %d, want %d", s, got, -wantCeil)
				}
			}
		}
	}
}

// enclose returns rationals lo ≤ s ≤ hi of width ≤ |a|·2⁻ᵏ⁺¹, from
// ⌊√(a²r·4ᵏ)⌋ (math/big Int.Sqrt).
func enclose(s Surd, k uint) (lo, hi *big.Rat) {
	a, r, c := s.Coef(), s.Radicand(), s.Const()
	v := new(big.Rat).Mul(a, a)
	v.Mul(v, new(big.Rat).SetInt(r))
	scale := new(big.Int).Lsh(big.NewInt(1), 2*k)
	v.Mul(v, new(big.Rat).SetInt(scale))
	root := new(big.Int).Sqrt(floorRat(v))
	den := new(big.Int).Lsh(big.NewInt(1), k)
	l := new(big.Rat).SetFrac(root, den)
	h := new(big.Rat).SetFrac(new(big.Int).Add(root, big.NewInt(1)), den)
	if a.Sign() < 0 {
		l, h = h.Neg(h), l.Neg(l)
	}
	return l.Add(l, c), h.Add(h, c)
}

// cmpModel compares two Surds by enclosures: equal canonical forms are equal;
// otherwise, for the small random values used here, the enclosures separate.
func cmpModel(s, t Surd) (int, bool) {
	if s.String() == t.String() {
		return 0, true
	}
	for k := uint(8); k <= 256; k *= 2 {
		sl, sh := enclose(s, k)
		tl, th := enclose(t, k)
		if sh.Cmp(tl) < 0 {
			return -1, true
		}
		if th.Cmp(sl) < 0 {
			return 1, true
		}
	}
	return 0, false
}

// TestCmpAgainstEnclosures: Cmp agrees with nested exact enclosures on every
// pair drawn from a grid of Surds with different radicals.
func TestCmpAgainstEnclosures(t *testing.T) {
	var ss []Surd
	for _, a := range []int64{-3, -1, 1, 2, 6} {
		for _, r := range []int64{0, 1, 2, 3, 5, 8, 12, 30} {
			for _, c := range []int64{-2, 0, 3} {
				ss = append(ss, NewSurd(big.NewRat(a, 2), big.NewRat(r, 1), big.NewRat(c, 1)))
			}
		}
	}
	for _, s := range ss {
		for _, u := range ss {
			want, ok := cmpModel(s, u)
			if !ok {
				// Equal values with different forms cannot occur: forms are canonical.
				t.Fatalf("enclosures of %v and %v never separate", s, u)
			}
			if got := s.Cmp(u); got != want {
				t.Fatalf("Cmp(%v, %v) = %d, want %d", s, u, got, want)
			}
		}
	}
}

// TestCmpRatio: u1/l1 vs u2/l2 agrees with comparing enclosures of the
// cross products, on ratios of the shape of R5 (Thm 5.1 upper/lower).
func TestCmpRatio(t *testing.T) {
	type pt struct{ N, K int }
	var pts []pt
	for N := 1; N <= 6; N++ {
		for K := N; K <= 40; K += 3 {
			if K >= 3 {
				pts = append(pts, pt{N, K})
			}
		}
	}
	for _, p := range pts {
		for _, q := range pts {
			u1, l1 := Thm51Upper(p.N, p.K), Thm51Lower(p.N, p.K)
			u2, l2 := Thm51Upper(q.N, q.K), Thm51Lower(q.N, q.K)
			got := CmpRatio(u1, l1, u2, l2)
			want, ok := ratioModel(u1, l1, u2, l2)
			if ok && got != want {
				t.Fatalf("CmpRatio at %v vs %v = %d, want %d", p, q, got, want)
			}
			if !ok && got != 0 {
				t.Fatalf("CmpRatio at %v vs %v = %d, enclosures never separated", p, q, got)
			}
		}
	}
}

// ratioModel compares u1/l1 and u2/l2 (all positive here) by enclosures.
func ratioModel(u1, l1, u2, l2 Surd) (int, bool) {
	for k := uint(16); k <= 512; k *= 2 {
		a, b := enclose(u1, k)
		c, d := enclose(l1, k)
		e, f := enclose(u2, k)
		g, h := enclose(l2, k)
		// u1/l1 ∈ [a/d, b/c], u2/l2 ∈ [e/h, f/g].
		if new(big.Rat).Quo(b, c).Cmp(new(big.Rat).Quo(e, h)) < 0 {
			return -1, true
		}
		if new(big.Rat).Quo(f, g).Cmp(new(big.Rat).Quo(a, d)) < 0 {
			return 1, true
		}
	}
	return 0, false
}

// TestNormalForm: square factors leave the radical and perfect squares fold.
func TestNormalForm(t *testing.T) {
	cases := []struct {
		s    Surd
		want string
	}{
		{SqrtInt(12), "2√3"},
		{SqrtInt(9), "3"},
		{SqrtInt(0), "0"},
		{SqrtInt(120).AddInt(3), "2√30 + 3"},
		{Sqrt(big.NewRat(17, 4)).AddRat(big.NewRat(-1, 2)), "1/2√17 - 1/2"},
		{SqrtInt(5).MulInt(-1), "-√5"},
		{SqrtInt(8).Add(SqrtInt(2)), "3√2"},
	}
	for _, c := range cases {
		if got := c.s.String(); got != c.want {
			t.Errorf("String = %q, want %q", got, c.want)
		}
	}
}

// TestAddDifferentRadicalsPanics: adding √2 and √3 is a programmer error.
func TestAddDifferentRadicalsPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("√2 + √3 did not panic")
		}
	}()
	_ = SqrtInt(2).Add(SqrtInt(3))
}

func ExampleSurd() {
	u := Thm51U2(3, 30) // 2√30 + 9
	fmt.Println(u, u.Floor(), u.Ceil(), LeqInt(19, u), LeqInt(20, u))
	// Output: 2√30 + 9 19 20 true false
}
