package props

// Tests of the generators themselves: what each promises in its doc comment.

import (
	"math/big"
	"slices"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
	"pgregory.net/rapid"
)

// TestRatKinds: Rat draws zero, negatives, and numerators and denominators of
// at least 64 bits, and every draw survives FormatRat/ParseRat exactly.
func TestRatKinds(t *testing.T) {
	var zero, neg, hugeNum, hugeDen bool
	rapid.Check(t, func(t *rapid.T) {
		r := Rat().Draw(t, "r")
		zero = zero || r.Sign() == 0
		neg = neg || r.Sign() < 0
		hugeNum = hugeNum || r.Num().BitLen() >= 64
		hugeDen = hugeDen || r.Denom().BitLen() >= 64
		back, err := oracle.ParseRat(oracle.FormatRat(r))
		if err != nil || back.Cmp(r) != 0 {
			t.Fatalf("round trip of %s: %v, %v", r, back, err)
		}
	})
	if !zero || !neg || !hugeNum || !hugeDen {
		t.Errorf("Rat missed a kind: zero %v negative %v huge numerator %v huge denominator %v", zero, neg, hugeNum, hugeDen)
	}
}

// TestNetworkShape: Network(d, widths) is valid, takes d inputs, has exactly
// the hidden widths asked for, and dead neurons and duplicate kinks occur.
func TestNetworkShape(t *testing.T) {
	var dead, dup bool
	rapid.Check(t, func(t *rapid.T) {
		d := rapid.IntRange(1, 4).Draw(t, "d")
		widths := Widths(4, 5).Draw(t, "widths")
		n := Network(d, widths).Draw(t, "net")
		if err := n.Validate(); err != nil {
			t.Fatal(err)
		}
		if n.InputDim() != d || !slices.Equal(n.Widths(), widths) {
			t.Fatalf("asked d=%d widths %v, got d=%d widths %v", d, widths, n.InputDim(), n.Widths())
		}
		if len(widths) == 0 {
			return
		}
		l := n.Layers[0]
		for k := range l.W {
			if isZero(l.W[k]) && l.B[k].Sign() <= 0 {
				dead = true
			}
			for j := 0; j < k; j++ {
				dup = dup || (!isZero(l.W[j]) && sameKink(l.W[j], l.B[j], l.W[k], l.B[k]))
			}
		}
	})
	if !dead || !dup {
		t.Errorf("Network never drew a dead neuron (%v) or a duplicate kink (%v)", dead, dup)
	}
}

// sameKink: (w2, b2) = c·(w1, b1) for some c ≠ 0 (checked on the first nonzero entry).
func sameKink(w1 []*big.Rat, b1 *big.Rat, w2 []*big.Rat, b2 *big.Rat) bool {
	p := 0
	for w1[p].Sign() == 0 {
		p++
	}
	c := new(big.Rat).Quo(w2[p], w1[p])
	if c.Sign() == 0 {
		return false
	}
	for i := range w1 {
		if new(big.Rat).Mul(c, w1[i]).Cmp(w2[i]) != 0 {
			return false
		}
	}
	return new(big.Rat).Mul(c, b1).Cmp(b2) == 0
}

// TestPointsDistinct: every shape gives K pairwise distinct points of ℚ^d;
// simplex points all have one coordinate sum (they collide under the naive
// projection along (1,…,1)) and collinear points lie on one line.
func TestPointsDistinct(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		K := rapid.IntRange(0, 12).Draw(t, "K")
		d := rapid.IntRange(1, 16).Draw(t, "d")
		shape := rapid.IntRange(0, numShapes-1).Draw(t, "shape")
		X := PointsShaped(K, d, shape).Draw(t, "x")
		if len(X) != K {
			t.Fatalf("%d points, want %d", len(X), K)
		}
		for _, x := range X {
			if len(x) != d {
				t.Fatalf("point of dimension %d, want %d", len(x), d)
			}
		}
		if err := oracle.CheckDistinct(X); err != nil {
			t.Fatal(err)
		}
		switch {
		case shape == ShapeSimplex && d > 1:
			for i := 1; i < K; i++ {
				if sum(X[i]).Cmp(sum(X[0])) != 0 {
					t.Fatalf("simplex points with sums %s and %s", sum(X[0]), sum(X[i]))
				}
			}
		case shape == ShapeCollinear:
			for i := 2; i < K; i++ {
				if !collinearTriple(X[0], X[1], X[i]) {
					t.Fatalf("points 1, 2, %d not collinear", i+1)
				}
			}
		}
	})
}

func sum(x []*big.Rat) *big.Rat {
	s := new(big.Rat)
	for _, v := range x {
		s.Add(s, v)
	}
	return s
}

// collinearTriple: c − a is a multiple of b − a (b ≠ a).
func collinearTriple(a, b, c []*big.Rat) bool {
	u, v := make([]*big.Rat, len(a)), make([]*big.Rat, len(a))
	for i := range a {
		u[i] = new(big.Rat).Sub(b[i], a[i])
		v[i] = new(big.Rat).Sub(c[i], a[i])
	}
	for i := range u {
		for j := range u {
			if new(big.Rat).Mul(u[i], v[j]).Cmp(new(big.Rat).Mul(u[j], v[i])) != 0 {
				return false
			}
		}
	}
	return true
}

// TestTSetBounds: TSet gives sorted distinct 0-based indices in [0, K) with
// minN ≤ |T| ≤ maxN.
func TestTSetBounds(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		K := rapid.IntRange(0, 20).Draw(t, "K")
		minN := rapid.IntRange(0, K).Draw(t, "minN")
		maxN := rapid.IntRange(minN, K).Draw(t, "maxN")
		T := TSet(K, minN, maxN).Draw(t, "T")
		if len(T) < minN || len(T) > maxN {
			t.Fatalf("|T| = %d outside [%d, %d]", len(T), minN, maxN)
		}
		for i, v := range T {
			if v < 0 || v >= K || (i > 0 && T[i-1] >= v) {
				t.Fatalf("T = %v not sorted distinct in [0, %d)", T, K)
			}
		}
	})
}

// TestInstanceConsistent: a drawn FineTune is a valid instance, T is exactly
// where z ≠ 0, z stays in [−1, 1] when asked, and FromNetwork(f, x, y)
// recomputes the same z from f and the labels.
func TestInstanceConsistent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		opts := InstanceOptions{ZInUnit: rapid.Bool().Draw(t, "unit"), OneD: rapid.Bool().Draw(t, "oneD"), MinN: 1}
		ft := Instance(opts).Draw(t, "ft")
		if err := ft.Inst.Validate(); err != nil {
			t.Fatal(err)
		}
		if ft.Inst.K() < 3 || ft.Inst.K() > 8 || ft.Inst.N() < 1 || (opts.OneD && ft.Inst.Dim() != 1) {
			t.Fatalf("K=%d N=%d d=%d outside the options", ft.Inst.K(), ft.Inst.N(), ft.Inst.Dim())
		}
		one := big.NewRat(1, 1)
		for _, z := range ft.Inst.Z {
			if opts.ZInUnit && new(big.Rat).Abs(z).Cmp(one) > 0 {
				t.Fatalf("z = %s outside [−1, 1]", z.RatString())
			}
		}
		again, err := instance.FromNetwork(ft.F, ft.Inst.X, ft.Y)
		if err != nil {
			t.Fatal(err)
		}
		for i := range again.Z {
			if again.Z[i].Cmp(ft.Inst.Z[i]) != 0 {
				t.Fatalf("row %d: y − f(x) = %s, drawn z = %s", i+1, again.Z[i].RatString(), ft.Inst.Z[i].RatString())
			}
		}
	})
}

// TestRankOneNetwork: every row of the first layer of RankOneNetwork is a
// multiple of one vector, so the evaluator takes its 1-D path unless W1 = 0.
func TestRankOneNetwork(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := rapid.IntRange(1, 8).Draw(t, "d")
		n := RankOneNetwork(3, 4, d).Draw(t, "net")
		allZero := true
		for _, row := range n.Layers[0].W {
			allZero = allZero && isZero(row)
		}
		if got := oracle.NewEvaluator(n).Fast(); got == allZero {
			t.Fatalf("Fast() = %v with W1 zero = %v", got, allZero)
		}
	})
}
