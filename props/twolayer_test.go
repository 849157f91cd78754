package props_test

// Property tests of the 2-layer side of the paper (Sec. 3–4): Theorem 4.4's
// network on adversarial instances, against the oracle and against the exact
// 1-D lower bound of package lowerbound. FTCHECK_LONG=1 raises K to 256.

import (
	"math/big"
	"os"
	"testing"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/finetune"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/lowerbound"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/props"
	"pgregory.net/rapid"
)

func twoLayerMaxK() int {
	if os.Getenv("FTCHECK_LONG") != "" {
		return 256
	}
	return 64
}

func eq12(K int, T []int) int {
	s := 0
	for _, P := range construction.ConsecutivePartition(construction.Complement(K, 0, T)) {
		s += max(len(P)-2, 0)
	}
	return K - 1 - s
}

// TestTwoLayerFineTunesAnyInstance: Theorem 4.4 and 4.1.1. For every drawn
// (f, x, T, z) (K in [3, 64], d in [1, 8], f of depth 1–3), TwoLayer's
// network makes f+g = y exactly; the paper's count |J|−1 equals
// K − 1 − Σ max{|P|−2, 0} along the order of aᵀx (recomputed here) and is
// ≤ min{3N+1, K−1}; pruning never adds neurons; and the oriented variant
// also fine-tunes, with ≤ 3N neurons when K ≥ 3N+2.
func TestTwoLayerFineTunesAnyInstance(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ft := props.Instance(props.InstanceOptions{MinK: 3, MaxK: twoLayerMaxK(), MaxD: 8}).Draw(t, "problem")
		in := ft.Inst
		N, K := in.N(), in.K()
		b, err := construction.TwoLayer(in)
		if err != nil {
			t.Fatal(err)
		}
		o, err := construction.TwoLayerOriented(in)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range []*construction.Built{b, o} {
			if _, err := oracle.Verify(g.Net, ft.F, in.X, ft.Y); err != nil {
				t.Fatalf("%s: %v", g.Name, err)
			}
		}
		p, _ := construction.PlanTwoLayer(in)
		order := props.SortedByProjection(in.X, p.Proj.A)
		var T []int
		for pos, row := range order {
			if in.Z[row].Sign() != 0 {
				T = append(T, pos)
			}
		}
		if b.Unpruned != eq12(K, T) || b.Unpruned > min(3*N+1, K-1) || b.Neurons > b.Unpruned {
			t.Fatalf("counts: unpruned %d, eq. 12 %d, pruned %d, N=%d K=%d", b.Unpruned, eq12(K, T), b.Neurons, N, K)
		}
		if o.Neurons > b.Neurons || (K >= 3*N+2 && o.Neurons > 3*N) {
			t.Fatalf("oriented %d, T4.4 %d, N=%d K=%d", o.Neurons, b.Neurons, N, K)
		}
	})
}

// TestTwoLayerVariantsAboveLowerBound: on 1-D instances, both verified 2-layer
// networks (T4.4 and the oriented variant) have at least as many neurons as the certified lower bound of
// lowerbound.TwoLayerMin1D (R, or R+1 where proved): a network with fewer
// would refute either the construction's verification or the lower bound.
func TestTwoLayerVariantsAboveLowerBound(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ft := props.Instance(props.InstanceOptions{MinK: 3, MaxK: 10, OneD: true}).Draw(t, "problem")
		in := ft.Inst
		iv, err := lowerbound.TwoLayerMin1D(col(in.X), in.Z)
		if err != nil {
			t.Fatal(err)
		}
		for _, build := range []func(*instance.Instance) (*construction.Built, error){construction.TwoLayer, construction.TwoLayerOriented} {
			g, err := build(in)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := in.Verify(g.Net); err != nil {
				t.Fatalf("%s: %v", g.Name, err)
			}
			if g.Neurons < iv.Lo {
				t.Fatalf("%s has %d neurons < certified lower bound %d (%s)", g.Name, g.Neurons, iv.Lo, iv.LoWhy)
			}
		}
	})
}

func col(X [][]*big.Rat) []*big.Rat {
	c := make([]*big.Rat, len(X))
	for i := range X {
		c[i] = X[i][0]
	}
	return c
}

// TestSeparateAnyShape: for every point shape of Points (including the
// simplex shape, which collides along (1, …, 1)) the projection's values are
// pairwise distinct, recomputed here.
func TestSeparateAnyShape(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		K := rapid.IntRange(1, 40).Draw(t, "K")
		d := rapid.IntRange(1, 8).Draw(t, "d")
		X := props.Points(K, d).Draw(t, "x")
		p, err := construction.Separate(X)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]int{}
		for i, x := range X {
			v := new(big.Rat)
			for k := range x {
				v.Add(v, new(big.Rat).Mul(p.A[k], x[k]))
			}
			if j, ok := seen[v.RatString()]; ok {
				t.Fatalf("rows %d and %d collide under a = %v", j+1, i+1, p.A)
			}
			seen[v.RatString()] = i
		}
	})
}

// TestKeptSetLemmas: Lemma 4.6 and 4.7 for T drawn by TSet (K up to 200):
// |P(I)| ≤ min{|I|, |[K]∖I|+1} for I = T and I = [K]∖T, and
// |J| = K − Σ max{|P|−2, 0} ≤ min{3N+2, K}.
func TestKeptSetLemmas(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		K := rapid.IntRange(1, 200).Draw(t, "K")
		T := props.TSet(K, 0, K).Draw(t, "T")
		C := construction.Complement(K, 0, T)
		for _, I := range [][]int{T, C} {
			if p := len(construction.ConsecutivePartition(I)); p > min(len(I), K-len(I)+1) {
				t.Fatalf("|P(%v)| = %d", I, p)
			}
		}
		J := construction.Kept(K, 0, T)
		if len(J) != K-construction.Removed(K, 0, T) || len(J) > min(3*len(T)+2, K) {
			t.Fatalf("|J| = %d, removed %d, N = %d", len(J), construction.Removed(K, 0, T), len(T))
		}
	})
}

// TestBestTwoLayerAnyInstance: finetune.BestTwoLayer returns a network that
// fine-tunes exactly (checked again here), with no more neurons than
// Theorem 4.4's pruned network and, in d = 1, at least R.
func TestBestTwoLayerAnyInstance(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ft := props.Instance(props.InstanceOptions{MinK: 3, MaxK: 16, MaxD: 4}).Draw(t, "problem")
		in := ft.Inst
		best, _, err := finetune.BestTwoLayer(in)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := oracle.Verify(best.Net, ft.F, in.X, ft.Y); err != nil {
			t.Fatalf("%s: %v", best.Name, err)
		}
		paper, _ := construction.TwoLayer(in)
		if best.Net.Hidden() > paper.Neurons {
			t.Fatalf("best %d > T4.4 %d", best.Net.Hidden(), paper.Neurons)
		}
		if in.Dim() == 1 {
			if R, err := lowerbound.MinBreakpoints(col(in.X), in.Z); err != nil || best.Net.Hidden() < R {
				t.Fatalf("best %d < R = %d (%v)", best.Net.Hidden(), R, err)
			}
		}
	})
}
