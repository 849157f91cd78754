package bounds

// surd_more_test.go: the accessors, Min/Max, Enclose and CmpRatio of Surd
// against values worked by hand and against enclosures built in the test.

import (
	"math/big"
	"testing"
)

// TestAccessorsAndIsRat: a, r, c of normal forms worked by hand
// (√12 = 2√3, √(9/4) = 3/2, −(√8)/2 + 1 = −√2 + 1).
func TestAccessorsAndIsRat(t *testing.T) {
	cases := []struct {
		s       Surd
		a       *big.Rat
		r       int64
		c       *big.Rat
		isRat   bool
		ratWant *big.Rat
	}{
		{SqrtInt(12), big.NewRat(2, 1), 3, new(big.Rat), false, nil},
		{Sqrt(big.NewRat(9, 4)), new(big.Rat), 0, big.NewRat(3, 2), true, big.NewRat(3, 2)},
		{SqrtInt(8).Mul(big.NewRat(-1, 2)).AddInt(1), big.NewRat(-1, 1), 2, big.NewRat(1, 1), false, nil},
		{Sqrt(big.NewRat(1, 3)), big.NewRat(1, 3), 3, new(big.Rat), false, nil},
		{Surd{}, new(big.Rat), 0, new(big.Rat), true, new(big.Rat)},
		{FromInt(-4), new(big.Rat), 0, big.NewRat(-4, 1), true, big.NewRat(-4, 1)},
		{SqrtInt(5).Add(SqrtInt(5).Neg()).AddInt(2), new(big.Rat), 0, big.NewRat(2, 1), true, big.NewRat(2, 1)},
	}
	for _, c := range cases {
		if c.s.Coef().Cmp(c.a) != 0 || c.s.Radicand().Int64() != c.r || c.s.Const().Cmp(c.c) != 0 {
			t.Errorf("%v: (a, r, c) = (%v, %v, %v), want (%v, %d, %v)", c.s, c.s.Coef(), c.s.Radicand(), c.s.Const(), c.a, c.r, c.c)
		}
		q, ok := c.s.IsRat()
		if ok != c.isRat || (ok && q.Cmp(c.ratWant) != 0) {
			t.Errorf("%v: IsRat = (%v, %v), want (%v, %v)", c.s, q, ok, c.ratWant, c.isRat)
		}
	}
	// The accessors return copies: changing them leaves s alone.
	s := SqrtInt(12)
	s.Coef().SetInt64(7)
	s.Radicand().SetInt64(11)
	s.Const().SetInt64(5)
	if s.String() != "2√3" {
		t.Errorf("accessors leaked: %v", s)
	}
}

// TestMinMax: Min and Max of pairs ordered by hand (√2 < 3/2 < √3 <
// 2 = √4 < 2√2 − 1/2 ... checked by squaring in the comments).
func TestMinMax(t *testing.T) {
	// Increasing: √2 ≈ 1.414, 3/2, √3 ≈ 1.732, 2, 2√2 ≈ 2.83, √10 ≈ 3.16.
	// (√2 < 3/2 ⟺ 2 < 9/4; 3/2 < √3 ⟺ 9/4 < 3; √3 < 2 ⟺ 3 < 4;
	// 2 < 2√2 ⟺ 4 < 8; 2√2 < √10 ⟺ 8 < 10.)
	seq := []Surd{SqrtInt(2), FromRat(big.NewRat(3, 2)), SqrtInt(3), SqrtInt(4), SqrtInt(8), SqrtInt(10)}
	for i := range seq {
		for j := range seq {
			lo, hi := seq[min(i, j)], seq[max(i, j)]
			if got := Min(seq[i], seq[j]); got.Cmp(lo) != 0 || got.String() != lo.String() {
				t.Errorf("Min(%v, %v) = %v", seq[i], seq[j], got)
			}
			if got := Max(seq[i], seq[j]); got.Cmp(hi) != 0 || got.String() != hi.String() {
				t.Errorf("Max(%v, %v) = %v", seq[i], seq[j], got)
			}
			if got, want := seq[i].Cmp(seq[j]), cmpInt(i, j); got != want {
				t.Errorf("Cmp(%v, %v) = %d, want %d", seq[i], seq[j], got, want)
			}
		}
	}
}

func cmpInt(i, j int) int {
	switch {
	case i < j:
		return -1
	case i > j:
		return 1
	}
	return 0
}

// TestEnclose: lo ≤ s ≤ hi (decided by Cmp, itself checked against the
// squaring model elsewhere), hi − lo = 2⁻ᵇⁱᵗˢ for irrational s, lo = hi = s
// for rational s, and lo, hi are dyadic plus c; at 4 bits √2 lies in
// [22/16, 23/16] (22² = 484 ≤ 2·256 = 512 < 529 = 23²).
func TestEnclose(t *testing.T) {
	lo, hi := SqrtInt(2).Enclose(4)
	if lo.Cmp(big.NewRat(22, 16)) != 0 || hi.Cmp(big.NewRat(23, 16)) != 0 {
		t.Fatalf("√2 at 4 bits: [%v, %v], want [11/8, 23/16]", lo, hi)
	}
	lo, hi = SqrtInt(2).Neg().AddInt(3).Enclose(4)
	if lo.Cmp(big.NewRat(48-23, 16)) != 0 || hi.Cmp(big.NewRat(48-22, 16)) != 0 {
		t.Fatalf("3 − √2 at 4 bits: [%v, %v], want [25/16, 13/8]", lo, hi)
	}
	for _, a := range []int64{-5, -1, 1, 3} {
		for _, r := range []int64{0, 2, 3, 7, 9, 50} {
			for _, c := range []int64{-3, 0, 2} {
				s := NewSurd(big.NewRat(a, 3), big.NewRat(r, 1), big.NewRat(c, 2))
				for _, bits := range []uint{1, 5, 20} {
					lo, hi := s.Enclose(bits)
					if s.CmpRat(lo) < 0 || s.CmpRat(hi) > 0 {
						t.Fatalf("%v ∉ [%v, %v] at %d bits", s, lo, hi, bits)
					}
					w := new(big.Rat).Sub(hi, lo)
					want := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Lsh(big.NewInt(1), bits))
					if _, isRat := s.IsRat(); isRat {
						want.SetInt64(0)
					}
					if w.Cmp(want) != 0 {
						t.Fatalf("%v at %d bits: width %v, want %v", s, bits, w, want)
					}
				}
			}
		}
	}
}

// TestCmpRatioSigns: small ratios decided by hand. √2/1 vs 3/2 (−1: 2 <
// 9/4), (√3 + 1)/2 vs 4/3 (+1: 3(√3+1) > 8 ⟺ 3√3 > 5 ⟺ 27 > 25), equal
// ratios (2√2/2 vs √2/1: 0), and a negative numerator.
func TestCmpRatioSigns(t *testing.T) {
	cases := []struct {
		u1, l1, u2, l2 Surd
		want           int
	}{
		{SqrtInt(2), FromInt(1), FromRat(big.NewRat(3, 2)), FromInt(1), -1},
		{FromRat(big.NewRat(3, 2)), FromInt(1), SqrtInt(2), FromInt(1), 1},
		{SqrtInt(3).AddInt(1), FromInt(2), FromInt(4), FromInt(3), 1},
		{FromInt(4), FromInt(3), SqrtInt(3).AddInt(1), FromInt(2), -1},
		{SqrtInt(8), FromInt(2), SqrtInt(2), FromInt(1), 0},
		{SqrtInt(2).Neg(), SqrtInt(3), FromInt(0), FromInt(5), -1},
		// (√2)/(√3) vs (√6)/3: equal (√2·3 = 3√2 and √6·√3 = 3√2).
		{SqrtInt(2), SqrtInt(3), SqrtInt(6), FromInt(3), 0},
		// 1/√2 vs 1/√3: +1.
		{FromInt(1), SqrtInt(2), FromInt(1), SqrtInt(3), 1},
		// (√5 − 2)/(√7 − 2) vs 1/3: the cross products are 3√5 − 6 and
		// √7 − 2; 3√5 − 4 > √7 ⟺ (both sides positive) 61 − 24√5 > 7 ⟺
		// 54 > 24√5 ⟺ 2916 > 2880: +1.
		{SqrtInt(5).AddInt(-2), SqrtInt(7).AddInt(-2), FromInt(1), FromInt(3), 1},
	}
	for _, c := range cases {
		if got := CmpRatio(c.u1, c.l1, c.u2, c.l2); got != c.want {
			t.Errorf("CmpRatio(%v/%v, %v/%v) = %d, want %d", c.u1, c.l1, c.u2, c.l2, got, c.want)
		}
		if w, ok := ratioModel(c.u1, c.l1, c.u2, c.l2); ok && c.u1.Sign() > 0 && w != c.want {
			t.Errorf("enclosures of %v/%v vs %v/%v say %d", c.u1, c.l1, c.u2, c.l2, w)
		}
	}
}

// TestStringForms: every branch of String.
func TestStringForms(t *testing.T) {
	cases := []struct {
		s    Surd
		want string
	}{
		{SqrtInt(3), "√3"},
		{SqrtInt(3).Neg(), "-√3"},
		{SqrtInt(3).MulInt(2).AddInt(-5), "2√3 - 5"},
		{SqrtInt(3).Mul(big.NewRat(-2, 3)).AddRat(big.NewRat(1, 4)), "-2/3√3 + 1/4"},
		{FromRat(big.NewRat(-7, 2)), "-7/2"},
		{Surd{}, "0"},
	}
	for _, c := range cases {
		if got := c.s.String(); got != c.want {
			t.Errorf("String = %q, want %q", got, c.want)
		}
	}
}

// TestFloorHuge: ⌊±10¹²·√2 + c⌋ and the ceilings, checked by squaring:
// n = ⌊10¹²√2⌋ is the integer with n² ≤ 2·10²⁴ < (n+1)². Floor starts from
// an estimate and corrects it one step at a time, so a wrong estimate shows
// here as a wrong answer or a hang.
func TestFloorHuge(t *testing.T) {
	e12 := new(big.Int).Exp(big.NewInt(10), big.NewInt(12), nil)
	v := new(big.Int).Mul(e12, e12)
	v.Mul(v, big.NewInt(2))
	n := new(big.Int).Sqrt(v)
	n1 := new(big.Int).Add(n, big.NewInt(1))
	if new(big.Int).Mul(n, n).Cmp(v) > 0 || new(big.Int).Mul(n1, n1).Cmp(v) <= 0 {
		t.Fatalf("reference root %v is not ⌊√(2·10²⁴)⌋", n)
	}
	a := new(big.Rat).SetInt(e12)
	for _, c := range []int64{0, 1, -7} {
		s := NewSurd(a, big.NewRat(2, 1), big.NewRat(c, 3)) // 10¹²√2 + c/3
		// ⌊n + f + c/3⌋ with f ∈ (0, 1): c/3 ∈ {0, 1/3, −7/3}. The fraction
		// f = 10¹²√2 − n is about 0.095 (so f + 1/3 < 1 and f − 7/3 ∈ (−3, −2)),
		// checked here by squaring: 0 < f < 1/5 ⟺ n² < 2·10²⁴ < (n + 1/5)².
		lo := new(big.Rat).SetInt(n)
		hi := new(big.Rat).Add(new(big.Rat).SetInt(n), big.NewRat(1, 5))
		vr := new(big.Rat).SetInt(v)
		if new(big.Rat).Mul(lo, lo).Cmp(vr) >= 0 || new(big.Rat).Mul(hi, hi).Cmp(vr) <= 0 {
			t.Fatal("the fraction of 10¹²√2 is not in (0, 1/5)")
		}
		want := new(big.Int).Set(n)
		if c == -7 {
			want.Sub(want, big.NewInt(3))
		}
		if got := s.Floor(); got.Cmp(want) != 0 {
			t.Errorf("⌊%v⌋ = %v, want %v", s, got, want)
		}
		if got := s.Ceil(); got.Cmp(new(big.Int).Add(want, big.NewInt(1))) != 0 {
			t.Errorf("⌈%v⌉ = %v, want %v + 1", s, got, want)
		}
		// −s: ⌊−s⌋ = −⌈s⌉ = −want − 1.
		if got := s.Neg().Floor(); got.Cmp(new(big.Int).Neg(new(big.Int).Add(want, big.NewInt(1)))) != 0 {
			t.Errorf("⌊−(%v)⌋ = %v, want −(%v + 1)", s, got, want)
		}
	}
}
