package props_test

// Property tests of the Yun-style 3-layer constructions (U1, U2) and the
// deep stacking of Prop. 6.1: every network is verified by the oracle on
// f + g for drawn fine-tuning problems, and its size is compared exactly
// with the paper's numbers.

import (
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/bounds"
	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/internal/search"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/props"
	"pgregory.net/rapid"
)

func yunProblem(t *rapid.T, maxK, maxN int) *props.FineTune {
	unit := rapid.Bool().Draw(t, "zInUnit")
	return props.Instance(props.InstanceOptions{MinK: 3, MaxK: maxK, MaxD: 8, MaxN: maxN, ZInUnit: unit}).Draw(t, "problem")
}

// TestPropU1FineTunes: for every instance (any d, any targets, T of any
// shape) U1 makes f + g fit the new labels exactly, and uses 2⌈2√K⌉ ReLUs:
// 4√K or less exactly when K is a perfect square, never 4√K + 2 or more.
func TestPropU1FineTunes(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ft := yunProblem(t, 48, 0)
		b, err := construction.U1(ft.Inst)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := oracle.Verify(b.Net, ft.F, ft.Inst.X, ft.Y); err != nil {
			t.Fatalf("U1: %v", err)
		}
		K, m := ft.Inst.K(), b.Neurons
		r := 0
		for (r+1)*(r+1) <= K {
			r++
		}
		if bounds.LeqInt(m, bounds.Thm51U1(K)) != (r*r == K) {
			t.Fatalf("K=%d: m=%d vs 4√K disagrees with K square = %v", K, m, r*r == K)
		}
		if !bounds.LtInt(m, bounds.Thm51U1(K).AddInt(2)) {
			t.Fatalf("K=%d: m=%d ≥ 4√K + 2", K, m)
		}
	})
}

// TestPropU1LeanWithinStated: the one-sided-clip U1 (beyond the paper) fits
// every instance with at most 4√K ReLUs, square K or not.
func TestPropU1LeanWithinStated(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ft := yunProblem(t, 48, 0)
		b, err := construction.U1Lean(ft.Inst)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := oracle.Verify(b.Net, ft.F, ft.Inst.X, ft.Y); err != nil {
			t.Fatalf("U1Lean: %v", err)
		}
		if K := ft.Inst.K(); !bounds.LeqInt(b.Neurons, bounds.Thm51U1(K)) {
			t.Fatalf("K=%d: m=%d > 4√K", K, b.Neurons)
		}
	})
}

// TestPropU2FineTunes: U2 fits every instance with 2⌊√K⌋ + 3N ≤ 2√K + 3N
// ReLUs (0 when N = 0), and so does its one-window variant with 3N + 2.
func TestPropU2FineTunes(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ft := yunProblem(t, 48, 10)
		N, K := ft.Inst.N(), ft.Inst.K()
		for _, groups := range []int{0, 1} {
			var b *construction.Built
			var err error
			if groups == 0 {
				b, err = construction.U2(ft.Inst)
			} else {
				b, err = construction.U2Groups(ft.Inst, 1)
			}
			if err != nil {
				t.Fatal(err)
			}
			if _, err := oracle.Verify(b.Net, ft.F, ft.Inst.X, ft.Y); err != nil {
				t.Fatalf("%s: %v", b.Name, err)
			}
			if !bounds.LeqInt(b.Neurons, bounds.Thm51U2(N, K)) {
				t.Fatalf("%s: m=%d > 2√K + 3N at N=%d K=%d", b.Name, b.Neurons, N, K)
			}
			if groups == 1 && N > 0 && b.Neurons != 3*N+2 {
				t.Fatalf("one window: m=%d, want 3N+2 = %d", b.Neurons, 3*N+2)
			}
		}
	})
}

// TestPropDeepFineTunes: for L = 4..8 the stacked network has L layers,
// fits every instance, and each hidden layer is at most its block's width + 2
// (App. B's "+2": one carrier and one accumulator).
func TestPropDeepFineTunes(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		L := rapid.IntRange(4, 8).Draw(t, "L")
		ft := yunProblem(t, 32, 0)
		b, err := construction.Deep(ft.Inst, L)
		if err != nil {
			t.Fatal(err)
		}
		if b.Net.Depth() != L {
			t.Fatalf("depth %d, want %d", b.Net.Depth(), L)
		}
		if _, err := oracle.Verify(b.Net, ft.F, ft.Inst.X, ft.Y); err != nil {
			t.Fatalf("L=%d: %v", L, err)
		}
		u1, err := construction.U1(ft.Inst)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range b.Net.Widths() {
			if w > u1.Widths[1]+2 && w > u1.Widths[0]+2 {
				t.Fatalf("a hidden layer of width %d exceeds U1's widths %v + 2", w, u1.Widths)
			}
		}
	})
}

// TestPropPlantedLambdaCaught: with λ = 0 (no null-space scaling) U1 fails
// the property of TestPropU1FineTunes on some drawn instance, and rapid
// shrinks the failure to K = 3: the properties above can fail.
func TestPropPlantedLambdaCaught(t *testing.T) {
	search.Configure(3, 100)
	var shrunk *props.FineTune
	out := search.Run("U1 with λ = 0", func(t *rapid.T) {
		ft := yunProblem(t, 16, 0)
		b, err := construction.U1With(ft.Inst, construction.Fault{LambdaZero: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := oracle.Verify(b.Net, ft.F, ft.Inst.X, ft.Y); err != nil {
			shrunk = ft
			t.Fatal(err)
		}
	})
	if !out.Failed || shrunk == nil {
		t.Fatal("λ = 0 was not caught")
	}
	if shrunk.Inst.K() != 3 {
		t.Fatalf("shrunk to K = %d, want 3", shrunk.Inst.K())
	}
	t.Logf("caught and shrunk: %#v", shrunk)
}

// TestYunNeverBelowLowerBound: on the witnesses of Sec. 4.1 (x_i = i,
// T = {3, 6, …, 3N}, z_i = 2 if 6 | i and −1 if i ≡ 3 mod 6, K ≥ 3N + 2),
// every verified 3-layer construction here (U1, U1Lean, U2, one-window U2)
// uses at least √(2·min{3N, K−2} + 1/4) − 1/2 neurons (Thm 5.1.2): one
// below it would refute the lower bound.
func TestYunNeverBelowLowerBound(t *testing.T) {
	builds := map[string]func(*instance.Instance) (*construction.Built, error){
		"U1": construction.U1, "U1Lean": construction.U1Lean, "U2": construction.U2,
		"U2[1]": func(in *instance.Instance) (*construction.Built, error) { return construction.U2Groups(in, 1) },
	}
	for K := 5; K <= 28; K++ {
		for N := 1; 3*N+2 <= K; N++ {
			tt, z := make([]*big.Rat, K), make([]*big.Rat, K)
			for i := range tt {
				tt[i], z[i] = big.NewRat(int64(i+1), 1), new(big.Rat)
				switch j := i + 1; {
				case j <= 3*N && j%6 == 0:
					z[i].SetInt64(2)
				case j <= 3*N && j%6 == 3:
					z[i].SetInt64(-1)
				}
			}
			in := instance.OnLine(tt, z)
			for name, build := range builds {
				b, err := build(in)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := in.Verify(b.Net); err != nil {
					t.Fatalf("%s K=%d N=%d: %v", name, K, N, err)
				}
				if bounds.Thm51Lower(N, K).CmpInt(b.Neurons) > 0 {
					t.Fatalf("%s K=%d N=%d: verified with m=%d < lower bound %s", name, K, N, b.Neurons, bounds.Thm51Lower(N, K))
				}
			}
		}
	}
}
