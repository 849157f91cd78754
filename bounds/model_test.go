package bounds

// model_test.go checks every stated bound against a slow model written with
// plain integer and rational arithmetic: a bound with a square root is never
// evaluated, only compared with integers by squaring both sides by hand.

import (
	"fmt"
	"math/big"
	"strings"
	"testing"
)

// sqrtVsRat is the sign of a·√r − d for rationals a ≥ 0, r ≥ 0, d, decided
// by squaring: when d < 0 the left side (≥ 0) is larger; otherwise both
// sides are non-negative and the sign is that of a²r − d².
func sqrtVsRat(a, r, d *big.Rat) int {
	if d.Sign() < 0 {
		return 1
	}
	lhs := new(big.Rat).Mul(a, a)
	lhs.Mul(lhs, r)
	return lhs.Cmp(new(big.Rat).Mul(d, d))
}

func ri(n int) *big.Rat { return big.NewRat(int64(n), 1) }

// floorFromSigns is the largest integer m with sign(m) ≥ 0, searched up from
// lo, where sign(m) is the sign of (value − m) and lo is below the value.
func floorFromSigns(lo int, sign func(m int) int) int {
	m := lo
	for sign(m+1) >= 0 {
		m++
	}
	return m
}

// checkAgainstModel checks CmpInt, LeqInt, LtInt, Floor and Ceil of s
// against the model sign(s − m) near ⌊s⌋, which the model finds itself.
func checkAgainstModel(t *testing.T, what string, s Surd, lo int, sign func(m int) int) {
	t.Helper()
	fl := floorFromSigns(lo, sign)
	if got := s.Floor().Int64(); got != int64(fl) {
		t.Fatalf("%s: ⌊%v⌋ = %d, model %d", what, s, got, fl)
	}
	ceil := fl
	if sign(fl) != 0 {
		ceil = fl + 1
	}
	if got := s.Ceil().Int64(); got != int64(ceil) {
		t.Fatalf("%s: ⌈%v⌉ = %d, model %d", what, s, got, ceil)
	}
	for m := fl - 1; m <= fl+2; m++ {
		want := sign(m)
		if got := s.CmpInt(m); got != want {
			t.Fatalf("%s: Cmp(%v, %d) = %d, model %d", what, s, m, got, want)
		}
		if LeqInt(m, s) != (want >= 0) || LtInt(m, s) != (want > 0) {
			t.Fatalf("%s: LeqInt/LtInt(%d, %v) disagree with model sign %d", what, m, s, want)
		}
	}
}

// TestThm41AgainstIfs: min{3N+1, K−1} and min{3N, K−2}, written with an if.
func TestThm41AgainstIfs(t *testing.T) {
	for N := 0; N <= 30; N++ {
		for K := 0; K <= 100; K++ {
			up, lo := 3*N+1, 3*N
			if K-1 < up {
				up = K - 1
			}
			if K-2 < lo {
				lo = K - 2
			}
			if got := Thm41Upper(N, K); got != up {
				t.Fatalf("Thm41Upper(%d, %d) = %d, want %d", N, K, got, up)
			}
			if got := Thm41Lower(N, K); got != lo {
				t.Fatalf("Thm41Lower(%d, %d) = %d, want %d", N, K, got, lo)
			}
		}
	}
}

// TestThm51PartsBySquaring: U1 = 4√K, U2 = 2√K + 3N, U3 = 6√(3N+2) and
// their minimum, compared with integers m by squaring: m ≤ a√r + c ⟺
// m − c < 0 or (m − c)² ≤ a²r. The minimum compares with m as the smallest
// of the three signs.
func TestThm51PartsBySquaring(t *testing.T) {
	for K := 0; K <= 70; K++ {
		for N := 0; N <= 25; N++ {
			u1 := func(m int) int { return sqrtVsRat(ri(4), ri(K), ri(m)) }
			u2 := func(m int) int { return sqrtVsRat(ri(2), ri(K), ri(m-3*N)) }
			u3 := func(m int) int { return sqrtVsRat(ri(6), ri(3*N+2), ri(m)) }
			all := func(m int) int { return min(u1(m), u2(m), u3(m)) }
			where := fmt.Sprintf("N=%d K=%d", N, K)
			if N == 0 {
				checkAgainstModel(t, "U1 "+where, Thm51U1(K), -1, u1)
			}
			if K == 0 || K == 70 {
				checkAgainstModel(t, "U3 "+where, Thm51U3(N), -1, u3)
			}
			checkAgainstModel(t, "U2 "+where, Thm51U2(N, K), -1, u2)
			checkAgainstModel(t, "Thm51Upper "+where, Thm51Upper(N, K), -1, all)
		}
	}
}

// TestThm51LowerBySquaring: √(2M + 1/4) − 1/2 = √(8M+1)/2 − 1/2 with
// M = min{3N, K−2}, compared with m through m + 1/2 ≤ √(8M+1)/2.
func TestThm51LowerBySquaring(t *testing.T) {
	half := big.NewRat(1, 2)
	for K := 2; K <= 90; K++ {
		for N := 0; N <= 35; N++ {
			M := 3 * N
			if K-2 < M {
				M = K - 2
			}
			sign := func(m int) int {
				return sqrtVsRat(half, ri(8*M+1), new(big.Rat).Add(ri(m), half))
			}
			checkAgainstModel(t, fmt.Sprintf("Thm51Lower N=%d K=%d", N, K), Thm51Lower(N, K), -1, sign)
		}
	}
	// M = 3: √(6.25) − 1/2 = 2 exactly.
	if q, ok := Thm51Lower(1, 10).IsRat(); !ok || q.Cmp(ri(2)) != 0 {
		t.Fatalf("Thm51Lower(1, 10) = %v, want 2", Thm51Lower(1, 10))
	}
}

// TestProp61BySquaring: 4·min{√(3N/P + 5), √K} + 2 with P = ⌊(L−1)/2⌋
// counted as the number of odd l with 3 ≤ l ≤ L; compared with m through
// (m − 2)/4 ≤ min{…}.
func TestProp61BySquaring(t *testing.T) {
	for L := 4; L <= 9; L++ {
		P := 0
		for l := 3; l <= L; l += 2 {
			P++
		}
		for N := 0; N <= 20; N++ {
			x := new(big.Rat).Add(big.NewRat(int64(3*N), int64(P)), ri(5))
			for K := 0; K <= 40; K += 3 {
				sign := func(m int) int {
					d := big.NewRat(int64(m-2), 4)
					return min(sqrtVsRat(ri(1), x, d), sqrtVsRat(ri(1), ri(K), d))
				}
				checkAgainstModel(t, fmt.Sprintf("Prop61Width N=%d K=%d L=%d", N, K, L), Prop61Width(N, K, L), 0, sign)
			}
		}
	}
}

// TestProp61OddL: at L = 5 there are two parts: 4·√(3·6/2 + 5) + 2 = 4√14 + 2
// (√K = 10 is larger); L = 4 and L = 6 are one and two parts.
func TestProp61OddL(t *testing.T) {
	for _, c := range []struct {
		N, K, L int
		want    string
	}{{6, 100, 5, "4√14 + 2"}, {6, 100, 4, "4√23 + 2"}, {6, 100, 6, "4√14 + 2"}, {6, 100, 7, "4√11 + 2"}} {
		if got := Prop61Width(c.N, c.K, c.L).String(); got != c.want {
			t.Errorf("Prop61Width(%d, %d, %d) = %s, want %s", c.N, c.K, c.L, got, c.want)
		}
	}
}

// panicMessage runs f and returns its panic message ("" if none).
func panicMessage(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

// TestPanics: negative parameters, L < 4 and a negative radicand are
// programmer errors with a message naming the function and the value;
// zero parameters are not.
func TestPanics(t *testing.T) {
	cases := []struct {
		name string
		f    func()
		want string // "" for no panic
	}{
		{"Thm41Upper(-1, 5)", func() { Thm41Upper(-1, 5) }, "bounds: Thm41Upper: negative argument -1"},
		{"Thm41Lower(2, -3)", func() { Thm41Lower(2, -3) }, "bounds: Thm41Lower: negative argument -3"},
		{"Thm51U1(-1)", func() { Thm51U1(-1) }, "bounds: Thm51U1: negative argument -1"},
		{"Thm51U2(-1, 4)", func() { Thm51U2(-1, 4) }, "bounds: Thm51U2: negative argument -1"},
		{"Thm51U3(-2)", func() { Thm51U3(-2) }, "bounds: Thm51U3: negative argument -2"},
		{"Thm51Lower(0, -1)", func() { Thm51Lower(0, -1) }, "bounds: Thm51Lower: negative argument -1"},
		{"Thm51Lower(0, 1)", func() { Thm51Lower(0, 1) }, "bounds: square root of a negative number -7/4"},
		{"Prop61Width(-1, 3, 4)", func() { Prop61Width(-1, 3, 4) }, "bounds: Prop61Width: negative argument -1"},
		{"Prop61Width(1, 3, 3)", func() { Prop61Width(1, 3, 3) }, "bounds: Prop61Width: L = 3 < 4"},
		{"Cor42NLower(-1)", func() { Cor42NLower(-1) }, "bounds: Cor42NLower: negative argument -1"},
		{"Cor42NUpper(-1)", func() { Cor42NUpper(-1) }, "bounds: Cor42NUpper: negative argument -1"},
		{"Cor52SmallK(-1)", func() { Cor52SmallK(-1) }, "bounds: Cor52SmallK: negative argument -1"},
		{"Cor52LargeK(-1)", func() { Cor52LargeK(-1) }, "bounds: Cor52LargeK: negative argument -1"},
		{"Cor52NLower(-1)", func() { Cor52NLower(-1) }, "bounds: Cor52NLower: negative argument -1"},
		{"Cor52NUpper(-1)", func() { Cor52NUpper(-1) }, "bounds: Cor52NUpper: negative argument -1"},
		{"zeros", func() {
			Thm41Upper(0, 0)
			Thm41Lower(0, 0)
			Thm51U1(0)
			Thm51U2(0, 0)
			Thm51U3(0)
			Thm51Lower(0, 2)
			Prop61Width(0, 0, 4)
			Cor42NLower(0)
			Cor42NUpper(0)
			Cor52SmallK(0)
			Cor52LargeK(0)
			Cor52NLower(0)
			Cor52NUpper(0)
		}, ""},
		{"CmpRatio zero denominator", func() { CmpRatio(FromInt(1), FromInt(0), FromInt(1), FromInt(1)) }, "bounds: CmpRatio: denominators 0, 1 must be positive"},
		{"CmpRatio second denominator zero", func() { CmpRatio(FromInt(1), FromInt(2), FromInt(1), FromInt(0)) }, "bounds: CmpRatio: denominators 2, 0 must be positive"},
		{"CmpRatio negative denominator", func() { CmpRatio(FromInt(1), FromInt(1), FromInt(1), SqrtInt(2).Neg()) }, "bounds: CmpRatio: denominators 1, -√2 must be positive"},
		{"Sqrt(-1/3)", func() { Sqrt(big.NewRat(-1, 3)) }, "bounds: square root of a negative number -1/3"},
	}
	for _, c := range cases {
		if got := panicMessage(c.f); got != c.want {
			t.Errorf("%s: panic %q, want %q", c.name, got, c.want)
		}
	}
	if got := panicMessage(func() { SqrtInt(2).Add(SqrtInt(3)) }); !strings.Contains(got, "two different radicals") {
		t.Errorf("√2 + √3: panic %q", got)
	}
}

// TestCor42Model: m/3 and the regime boundary K = m+2, by hand.
func TestCor42Model(t *testing.T) {
	for m := 0; m <= 60; m++ {
		if got := Cor42NUpper(m); new(big.Rat).Mul(got, ri(3)).Cmp(ri(m)) != 0 {
			t.Fatalf("Cor42NUpper(%d) = %v, 3× it is not m", m, got)
		}
		for K := 0; K <= m+4; K++ {
			want := 2
			if K-m >= 2 {
				want = 1
			}
			if got := Cor42Regime(m, K); got != want {
				t.Fatalf("Cor42Regime(%d, %d) = %d, want %d", m, K, got, want)
			}
		}
	}
}

// TestCor52Model: the three regimes of Cor. 5.2 decided with integers only:
// K ≤ ⌊m²/16⌋ ⟺ 16K ≤ m², and K ≥ (m²+m+4)/2 ⟺ 2K ≥ m²+m+4; and the
// rationals (m²+m+4)/2 and (m²+m)/6 recovered by multiplying back.
func TestCor52Model(t *testing.T) {
	for m := 0; m <= 40; m++ {
		if got := Cor52LargeK(m); new(big.Rat).Mul(got, ri(2)).Cmp(ri(m*m+m+4)) != 0 {
			t.Fatalf("Cor52LargeK(%d) = %v", m, got)
		}
		if got := Cor52NUpper(m); new(big.Rat).Mul(got, ri(6)).Cmp(ri(m*m+m)) != 0 {
			t.Fatalf("Cor52NUpper(%d) = %v", m, got)
		}
		for K := 0; K <= (m*m+m+4)/2+3; K++ {
			want := 2
			switch {
			case 16*K <= m*m:
				want = 1
			case 2*K >= m*m+m+4:
				want = 3
			}
			if got := Cor52Regime(m, K); got != want {
				t.Fatalf("Cor52Regime(%d, %d) = %d, want %d", m, K, got, want)
			}
		}
	}
}
