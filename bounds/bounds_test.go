package bounds

// bounds_test.go checks the stated bounds against the paper's own numbers and
// against independent integer searches.

import (
	"math/big"
	"testing"
)

// TestThm41PaperNumbers: Fig. 2 (K = 14, N = 4) and Fig. 3 (K = 9, N = 4).
func TestThm41PaperNumbers(t *testing.T) {
	if got := Thm41Upper(4, 14); got != 13 {
		t.Errorf("min{13, 13} = %d", got)
	}
	if got := Thm41Lower(4, 14); got != 12 {
		t.Errorf("min{12, 12} = %d", got)
	}
	if got := Thm41Lower(4, 9); got != 7 {
		t.Errorf("min{12, 7} = %d", got)
	}
}

// TestThm51UpperIsMinOfParts: min{2√K + min{2√K, 3N}, 6√(3N+2)} equals
// min{U1, U2, U3} and each of its floors is the integer search
// ⌊U⌋ = max{n : n ≤ U}, decided by squaring by hand.
func TestThm51UpperIsMinOfParts(t *testing.T) {
	for K := 3; K <= 120; K++ {
		for N := 0; N <= K; N++ {
			u := Thm51Upper(N, K)
			m := Min(Min(Thm51U1(K), Thm51U2(N, K)), Thm51U3(N))
			if u.Cmp(m) != 0 {
				t.Fatalf("N=%d K=%d: %v ≠ min of parts %v", N, K, u, m)
			}
			// ⌊U3⌋ = max{n : n² ≤ 36(3N+2)}.
			n := 0
			for (n+1)*(n+1) <= 36*(3*N+2) {
				n++
			}
			if got := Thm51U3(N).Floor().Int64(); got != int64(n) {
				t.Fatalf("⌊6√(3·%d+2)⌋ = %d, want %d", N, got, n)
			}
		}
	}
}

// TestThm51LowerCeil: ⌈√(2M + 1/4) − 1/2⌉ is the least m with m(m+1)/2 ≥ M,
// M = min{3N, K−2} (since m ≥ √(2M+1/4) − 1/2 ⟺ (m+1/2)² ≥ 2M + 1/4).
func TestThm51LowerCeil(t *testing.T) {
	for K := 3; K <= 150; K++ {
		for N := 0; N <= K; N++ {
			M := min(3*N, K-2)
			want := 0
			for want*(want+1)/2 < M {
				want++
			}
			if got := Thm51Lower(N, K).Ceil().Int64(); got != int64(want) {
				t.Fatalf("N=%d K=%d: ⌈lower⌉ = %d, want %d", N, K, got, want)
			}
		}
	}
}

// TestCorollaryFloors: ⌊(m−1)/3⌋, ⌊m²/16⌋ and ⌊m²/108 − 2/3⌋ against
// integer searches on their defining inequalities.
func TestCorollaryFloors(t *testing.T) {
	for m := 0; m <= 200; m++ {
		n := -1
		for 3*(n+1) <= m-1 {
			n++
		}
		if got := Cor42NLower(m); got != n {
			t.Fatalf("⌊(%d−1)/3⌋ = %d, want %d", m, got, n)
		}
		n = 0
		for 16*(n+1) <= m*m {
			n++
		}
		if got := Cor52SmallK(m); got != n {
			t.Fatalf("⌊%d²/16⌋ = %d, want %d", m, got, n)
		}
		// n ≤ m²/108 − 2/3 ⟺ 108n ≤ m² − 72.
		n = -1
		for 108*(n+1) <= m*m-72 {
			n++
		}
		for 108*n > m*m-72 {
			n--
		}
		if got := Cor52NLower(m); got != n {
			t.Fatalf("⌊%d²/108 − 2/3⌋ = %d, want %d", m, got, n)
		}
	}
}

// TestCor52Regimes: the three ranges of K partition K ≥ 1, at m = 16 where
// ⌊m²/16⌋ = 16 and (m²+m+4)/2 = 138.
func TestCor52Regimes(t *testing.T) {
	for K, want := range map[int]int{1: 1, 16: 1, 17: 2, 137: 2, 138: 3, 500: 3} {
		if got := Cor52Regime(16, K); got != want {
			t.Errorf("regime(16, %d) = %d, want %d", K, got, want)
		}
	}
	if Cor52LargeK(3).Cmp(big.NewRat(8, 1)) != 0 || Cor52NUpper(3).Cmp(big.NewRat(2, 1)) != 0 {
		t.Error("(9+3+4)/2 = 8 and (9+3)/6 = 2")
	}
}

// TestProp61Width: at L = 4 (one part) and N = 1, K = 100:
// 4·min{√8, 10} + 2 = 8√2 + 2.
func TestProp61Width(t *testing.T) {
	if got := Prop61Width(1, 100, 4).String(); got != "8√2 + 2" {
		t.Errorf("Prop61Width = %s", got)
	}
	if got := Prop61Width(1000, 16, 6).String(); got != "18" {
		t.Errorf("Prop61Width(1000, 16, 6) = %s, want 4·4+2", got)
	}
}
