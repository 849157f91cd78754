package construction

import (
	"errors"
	"math/big"
	"math/rand"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// paperLine is the 1-D instance x_i = i (i = 1..K) with z_i = zs[i] for the
// listed 1-based indices, 0 elsewhere.
func paperLine(K int, zs map[int]int64) *instance.Instance {
	t := make([]*big.Rat, K)
	z := make([]*big.Rat, K)
	for i := range t {
		t[i] = big.NewRat(int64(i+1), 1)
		z[i] = big.NewRat(zs[i+1], 1)
	}
	return instance.OnLine(t, z)
}

// randomInstance draws K distinct points in dimension d (on a line through
// the origin when collinear) and targets with N nonzero entries.
func randomInstance(r *rand.Rand, K, N, d int, collinear bool) *instance.Instance {
	dir := make([]*big.Rat, d)
	for k := range dir {
		dir[k] = big.NewRat(int64(r.Intn(5)-2), 1)
	}
	dir[0] = big.NewRat(1, 1)
	seen := map[string]bool{}
	in := &instance.Instance{}
	for len(in.X) < K {
		x := make([]*big.Rat, d)
		c := big.NewRat(int64(r.Intn(8*K)), int64(1+r.Intn(2)))
		for k := range x {
			x[k] = big.NewRat(int64(r.Intn(7)-3), int64(1+r.Intn(2)))
			if collinear {
				x[k] = new(big.Rat).Mul(c, dir[k])
			}
		}
		if !collinear && r.Intn(2) == 0 {
			x[0] = c // enough distinct values for any K
		}
		key := ""
		for _, v := range x {
			key += v.RatString() + ","
		}
		if !seen[key] {
			seen[key] = true
			in.X = append(in.X, x)
			in.Z = append(in.Z, new(big.Rat))
		}
	}
	for _, i := range r.Perm(K)[:N] {
		in.Z[i] = big.NewRat(int64(1+r.Intn(5))*int64(1-2*r.Intn(2)), int64(1+r.Intn(3)))
	}
	return in
}

// TestTwoLayerFineTunes: on random instances (d = 1..6, collinear or not) the
// networks of TwoLayer and TwoLayerOriented fine-tune exactly (oracle) with
// Unpruned = K − 1 − Σ max{|P|−2, 0} ≤ min{3N+1, K−1}, pruned counts no
// larger, and the oriented variant ≤ 3N when K ≥ 3N+2.
func TestTwoLayerFineTunes(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	for trial := 0; trial < 300; trial++ {
		K := 3 + r.Intn(20)
		N := r.Intn(K + 1)
		in := randomInstance(r, K, N, 1+r.Intn(6), trial%3 == 0)
		b, err := TwoLayer(in)
		if err != nil {
			t.Fatal(err)
		}
		pv, err := TwoLayerOriented(in)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range []*Built{b, pv} {
			if _, err := in.Verify(g.Net); err != nil {
				t.Fatalf("K=%d N=%d %s: %v", K, N, g.Name, err)
			}
			if g.Neurons > g.Unpruned || g.Unpruned > min(3*N+1, K-1) {
				t.Fatalf("K=%d N=%d %s: m=%d unpruned=%d", K, N, g.Name, g.Neurons, g.Unpruned)
			}
		}
		p, _ := PlanTwoLayer(in)
		if b.Unpruned != K-1-Removed(K, 0, p.T) {
			t.Fatalf("unpruned %d, eq. 12 gives %d", b.Unpruned, K-1-Removed(K, 0, p.T))
		}
		if pv.Neurons > b.Neurons || (K >= 3*N+2 && pv.Neurons > 3*N) {
			t.Fatalf("K=%d N=%d: pivot %d, T4.4 %d", K, N, pv.Neurons, b.Neurons)
		}
	}
}

// TestTwoLayerNoChange: N = 0 needs no neurons; the network is g = 0.
func TestTwoLayerNoChange(t *testing.T) {
	in := paperLine(5, nil)
	b, err := TwoLayer(in)
	if err != nil {
		t.Fatal(err)
	}
	if b.Neurons != 0 || b.Unpruned != 1 {
		t.Fatalf("N=0: m=%d unpruned=%d", b.Neurons, b.Unpruned)
	}
	if got := b.Net.Eval(oracle.Rats(17)); got.Sign() != 0 {
		t.Fatalf("g(17) = %s, want 0", got)
	}
}

// TestTwoLayerBadInput: K < 3 is a *SizeError, equal rows a
// *oracle.DuplicatePointError naming both, ragged rows an error.
func TestTwoLayerBadInput(t *testing.T) {
	var se *SizeError
	if _, err := TwoLayer(paperLine(2, map[int]int64{1: 1})); !errors.As(err, &se) || se.K != 2 {
		t.Fatalf("K=2: %v", err)
	}
	in := paperLine(4, map[int]int64{2: 1})
	in.X[3] = oracle.Rats(2)
	var dup *oracle.DuplicatePointError
	if _, err := TwoLayer(in); !errors.As(err, &dup) || dup.I != 2 || dup.J != 4 {
		t.Fatalf("duplicate: %v", err)
	}
	in.X[3] = oracle.Rats(7, 8)
	if _, err := TwoLayer(in); err == nil {
		t.Fatal("ragged rows accepted")
	}
}

// TestPrunePreservesFunction: pruning a 2-layer net with idle, constant and
// duplicate (positively scaled) neurons keeps g at every test point and
// leaves exactly the distinct active hinges.
func TestPrunePreservesFunction(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for trial := 0; trial < 100; trial++ {
		d := 1 + r.Intn(3)
		var l1 oracle.Layer
		var out []*big.Rat
		distinct := 1 + r.Intn(4)
		for h := 0; h < distinct; h++ {
			row := make([]*big.Rat, d)
			for k := range row {
				row[k] = big.NewRat(int64(r.Intn(5)-2), 1)
			}
			row[0] = big.NewRat(int64(h+1), 1)          // distinct hinges, never the zero row
			b := big.NewRat(int64(h), 1)                // b/row[0] = h/(h+1): distinct hinges
			for copy := 0; copy < 1+r.Intn(3); copy++ { // positive multiples of one hinge
				lam := big.NewRat(int64(1+r.Intn(3)), int64(1+r.Intn(2)))
				sr := make([]*big.Rat, d)
				for k := range sr {
					sr[k] = new(big.Rat).Mul(lam, row[k])
				}
				l1.W, l1.B = append(l1.W, sr), append(l1.B, new(big.Rat).Mul(lam, b))
				out = append(out, big.NewRat(1, 1))
			}
		}
		zero := make([]*big.Rat, d)
		for k := range zero {
			zero[k] = new(big.Rat)
		}
		l1.W, l1.B, out = append(l1.W, zero), append(l1.B, big.NewRat(3, 1)), append(out, big.NewRat(2, 1)) // constant 6
		l1.W, l1.B, out = append(l1.W, l1.W[0]), append(l1.B, l1.B[0]), append(out, big.NewRat(0, 1))       // idle
		net := &oracle.Network{Layers: []oracle.Layer{l1, {W: [][]*big.Rat{out}, B: oracle.Rats(1)}}}
		pr := Prune(net)
		if pr.Hidden() != distinct {
			t.Fatalf("pruned to %d neurons, want %d", pr.Hidden(), distinct)
		}
		for i := 0; i < 30; i++ {
			x := make([]*big.Rat, d)
			for k := range x {
				x[k] = big.NewRat(int64(r.Intn(21)-10), int64(1+r.Intn(4)))
			}
			if net.Eval(x).Cmp(pr.Eval(x)) != 0 {
				t.Fatalf("x=%v: %s before, %s after pruning", x, net.Eval(x), pr.Eval(x))
			}
		}
	}
}

// TestPlanAlong: along a given separating direction the paper's network
// fine-tunes (oracle); a colliding direction is a *CollisionError naming the
// two rows, and a direction of the wrong length a *DimensionError.
func TestPlanAlong(t *testing.T) {
	in := &instance.Instance{
		X: [][]*big.Rat{oracle.Rats(0, 0), oracle.Rats(1, 0), oracle.Rats(0, 1), oracle.Rats(2, 3)},
		Z: oracle.Rats(0, 5, 0, -1),
	}
	p, err := PlanAlong(in, oracle.Rats(1, 2))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := in.Verify(p.Network().Net); err != nil {
		t.Fatal(err)
	}
	var ce *CollisionError
	if _, err := PlanAlong(in, oracle.Rats(1, 1)); !errors.As(err, &ce) || ce.I != 2 || ce.J != 3 {
		t.Fatalf("collision: %v", err)
	}
	var de *DimensionError
	if _, err := PlanAlong(in, oracle.Rats(1)); !errors.As(err, &de) {
		t.Fatalf("dimension: %v", err)
	}
}
