package props_test

// Property tests of package bounds and of the derived claims (C4.2, R2, C5.2,
// R5, D3.3): exact surd arithmetic against its defining inequalities, the
// corollaries' bounds against brute-force inversions of the theorems' bounds,
// and a planted wrong floor that the properties must catch.

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/bounds"
	"github.com/ftcheck/ftcheck/internal/search"
	"github.com/ftcheck/ftcheck/theorem"
	"pgregory.net/rapid"
)

// surdGen draws a·√r + c with small rational a, c and 0 ≤ r ≤ 200.
func surdGen(label string) *rapid.Generator[bounds.Surd] {
	return rapid.Custom(func(t *rapid.T) bounds.Surd {
		a := big.NewRat(int64(rapid.IntRange(-12, 12).Draw(t, label+".a")), int64(rapid.IntRange(1, 4).Draw(t, label+".aden")))
		r := big.NewRat(int64(rapid.IntRange(0, 200).Draw(t, label+".r")), 1)
		c := big.NewRat(int64(rapid.IntRange(-30, 30).Draw(t, label+".c")), int64(rapid.IntRange(1, 6).Draw(t, label+".cden")))
		return bounds.NewSurd(a, r, c)
	})
}

// floorProp: ⌊s⌋ ≤ s < ⌊s⌋ + 1 and ⌈s⌉ − 1 < s ≤ ⌈s⌉, by exact comparison.
func floorProp(floor func(bounds.Surd) *big.Int) func(*rapid.T) {
	return func(t *rapid.T) {
		s := surdGen("s").Draw(t, "s")
		f := new(big.Rat).SetInt(floor(s))
		if s.CmpRat(f) < 0 || s.CmpRat(new(big.Rat).Add(f, big.NewRat(1, 1))) >= 0 {
			t.Fatalf("⌊%v⌋ = %v is not the floor", s, f)
		}
		c := new(big.Rat).SetInt(s.Ceil())
		if s.CmpRat(c) > 0 || s.CmpRat(new(big.Rat).Sub(c, big.NewRat(1, 1))) <= 0 {
			t.Fatalf("⌈%v⌉ = %v is not the ceiling", s, c)
		}
	}
}

// TestSurdFloor: Floor and Ceil meet their defining inequalities.
func TestSurdFloor(t *testing.T) {
	rapid.Check(t, floorProp(bounds.Surd.Floor))
}

// TestSurdOrder: Cmp is antisymmetric and transitive, agrees with the sign of
// the difference when the radicals match, and Enclose brackets the value.
func TestSurdOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s, u, v := surdGen("s").Draw(t, "s"), surdGen("u").Draw(t, "u"), surdGen("v").Draw(t, "v")
		if s.Cmp(u) != -u.Cmp(s) {
			t.Fatalf("Cmp(%v, %v) not antisymmetric", s, u)
		}
		if s.Cmp(u) <= 0 && u.Cmp(v) <= 0 && s.Cmp(v) > 0 {
			t.Fatalf("%v ≤ %v ≤ %v but %v > %v", s, u, v, s, v)
		}
		if w := u.Neg(); s.Radicand().Cmp(w.Radicand()) == 0 || w.Coef().Sign() == 0 || s.Coef().Sign() == 0 {
			if got := s.Add(w).Sign(); got != s.Cmp(u) {
				t.Fatalf("sign(%v − (%v)) = %d, Cmp = %d", s, u, got, s.Cmp(u))
			}
		}
		lo, hi := s.Enclose(30)
		if s.CmpRat(lo) < 0 || s.CmpRat(hi) > 0 {
			t.Fatalf("%v not in [%v, %v]", s, lo, hi)
		}
	})
}

// TestPlantedNaiveFloorIsCaught: the uncorrected estimate ⌊a√r⌋ + ⌊c⌋ (which
// is off by one when the fractional parts add up past 1) fails floorProp, and
// rapid shrinks it to a small case.
func TestPlantedNaiveFloorIsCaught(t *testing.T) {
	naive := func(s bounds.Surd) *big.Int {
		a := s.Coef()
		ar := bounds.NewSurd(a, new(big.Rat).SetInt(s.Radicand()), new(big.Rat))
		return new(big.Int).Add(ar.Floor(), bounds.FloorRat(s.Const()))
	}
	search.Configure(1, 100)
	out := search.Run("naive floor", floorProp(naive))
	if !out.Failed {
		t.Fatal("a floor that ignores carries passed the property")
	}
}

// invert is max{N ≤ K : f(N, K) ≤ m}, by brute force (−1 if none).
func invert(f func(N, K int) int, m, K int) int {
	out := -1
	for N := 0; N <= K; N++ {
		if f(N, K) <= m {
			out = N
		}
	}
	return out
}

// TestCor42IsThm41Inverted: for K ≥ m+3, inverting Thm 4.1 gives exactly
// ⌊(m−1)/3⌋ ≤ N* ≤ ⌊m/3⌋, Cor 4.2.1; for K ≤ m+1 it gives N* = K.
func TestCor42IsThm41Inverted(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := rapid.IntRange(1, 300).Draw(t, "m")
		K := rapid.IntRange(3, 400).Draw(t, "K")
		lo, hi := invert(bounds.Thm41Upper, m, K), invert(bounds.Thm41Lower, m, K)
		switch {
		case K >= m+3:
			if lo != bounds.Cor42NLower(m) || big.NewRat(int64(hi), 1).Cmp(bounds.Cor42NUpper(m)) > 0 {
				t.Fatalf("m=%d K=%d: Thm 4.1 gives [%d, %d]", m, K, lo, hi)
			}
		case K <= m+1:
			if lo != K {
				t.Fatalf("m=%d K=%d: Thm 4.1 gives N* ≥ %d, not K", m, K, lo)
			}
		}
	})
}

// TestThm51Consistent: Thm 5.1's lower bound never exceeds its upper bound,
// 0 ≤ N ≤ K ≤ 5000 (beyond the claim grids).
func TestThm51Consistent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		K := rapid.IntRange(3, 5000).Draw(t, "K")
		N := rapid.IntRange(0, K).Draw(t, "N")
		if bounds.Thm51Lower(N, K).Cmp(bounds.Thm51Upper(N, K)) > 0 {
			t.Fatalf("N=%d K=%d: lower %v > upper %v", N, K, bounds.Thm51Lower(N, K), bounds.Thm51Upper(N, K))
		}
	})
}

// TestCor52StepsAsStated: the steps of Cor 5.2's proof hold as stated (no
// rounding): K ≥ ⌊m²/16⌋+1 ⇒ 4√K > m, and 6√(3A+2) ≤ m for
// A = ⌊m²/108 − 2/3⌋ ≥ 0, for m up to 2000.
func TestCor52StepsAsStated(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := rapid.IntRange(1, 2000).Draw(t, "m")
		K := bounds.Cor52SmallK(m) + 1 + rapid.IntRange(0, 50).Draw(t, "dK")
		if bounds.Thm51U1(K).CmpInt(m) <= 0 {
			t.Fatalf("m=%d K=%d: 4√K = %v ≤ m", m, K, bounds.Thm51U1(K))
		}
		if A := bounds.Cor52NLower(m); A >= 0 && bounds.Thm51U3(A).CmpInt(m) > 0 {
			t.Fatalf("m=%d: 6√(3·%d+2) = %v > m", m, A, bounds.Thm51U3(A))
		}
	})
}

// TestDerivedClaimsRegistered: the five derived claims are registered, and
// the fast ones return exhaustive results whose findings carry the exact grid
// point and a reproduce command.
func TestDerivedClaimsRegistered(t *testing.T) {
	for _, id := range []string{"C4.2", "R2", "C5.2", "R5", "D3.3"} {
		c, ok := theorem.Lookup(id)
		if !ok || c.Check == nil {
			t.Fatalf("%s has no check", id)
		}
	}
	want := map[string]theorem.Verdict{"C4.2": theorem.Counterexample, "R2": theorem.Holds, "D3.3": theorem.Holds}
	for id, v := range want {
		c, _ := theorem.Lookup(id)
		res := theorem.Run(c, theorem.Config{Seed: 7, Checks: 10})
		if res.Verdict != v || !res.Exhaustive || res.Checked == 0 {
			t.Fatalf("%s: %s, exhaustive %v, checked %d", id, res.Verdict, res.Exhaustive, res.Checked)
		}
		for _, f := range res.Findings {
			if f.Instance == nil || f.Instance.Params["K"] == "" || !strings.HasPrefix(f.Reproduce, "ftcheck check "+id+" -seed 7 -checks 10") {
				t.Fatalf("%s: finding without grid point or reproduce command: %+v", id, f)
			}
		}
	}
}
