package construction_test

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// figure builds x_i = i (i = 1..K) with the given nonzero targets.
func figure(K int, z map[int]int64) *instance.Instance {
	t, zs := make([]*big.Rat, K), make([]*big.Rat, K)
	for i := range t {
		t[i], zs[i] = big.NewRat(int64(i+1), 1), big.NewRat(z[i+1], 1)
	}
	return instance.OnLine(t, zs)
}

// show prints Theorem 4.4's kept set, the paper's count K−1−Σmax{|P|−2,0},
// the pruned and oriented counts, and g(x_i) as the oracle computes it.
func show(in *instance.Instance) {
	p, _ := construction.PlanTwoLayer(in)
	b, _ := construction.TwoLayer(in)
	o, _ := construction.TwoLayerOriented(in)
	J := make([]int, len(p.J))
	for i, j := range p.J {
		J[i] = j + 1
	}
	fmt.Printf("K=%d N=%d J=%v removed=%d\n", in.K(), in.N(), J, p.Removed)
	fmt.Printf("paper m=%d pruned m=%d oriented m=%d\n", b.Unpruned, b.Neurons, o.Neurons)
	fmt.Print("g(x_i):")
	for _, x := range in.X {
		fmt.Printf(" %s", oracle.FormatRat(b.Net.Eval(x)))
	}
	_, err1 := in.Verify(b.Net)
	_, err2 := in.Verify(o.Net)
	fmt.Printf("\nverified: %v %v\n", err1 == nil, err2 == nil)
}

// Fig. 2: K = 14, N = 4, T = {3, 6, 9, 12}, z = 2 where 6 | i and −1 where
// i ≡ 3 (mod 6). Every block of [K]∖T has two samples, so nothing is removed
// and the paper's network has K−1 = 3N+1 = 13 neurons. The first chord is
// flat, so its first neuron has weight 0: 12 = 3N neurons remain, the lower
// bound of Theorem 4.1.2 for this witness.
func Example_fig2() {
	show(figure(14, map[int]int64{3: -1, 6: 2, 9: -1, 12: 2}))
	// Output:
	// K=14 N=4 J=[1 2 3 4 5 6 7 8 9 10 11 12 13 14] removed=0
	// paper m=13 pruned m=12 oriented m=12
	// g(x_i): 0 0 -1 0 0 2 0 0 -1 0 0 2 0 0
	// verified: true true
}

// Fig. 3: K = 9 = 2N+1, T = {2, 4, 6, 8}, z = 2 where 4 | i, −1 where
// i ≡ 2 (mod 4). No chord is flat, so Lemma 4.5's network keeps all K−1 = 8
// neurons. The chord slopes are −1, 1, 2, −2, −1, 1, 2, −2; the oriented
// variant needs knots whose slope changes sum to −s_1 = 1, and the change at
// x_3 is 2 − 1 = 1: opening that hinge to the left gives 7 = K−2 neurons.
// (This instance needs fewer still: breakpoints between the samples let an
// interpolant turn twice at once, and package lowerbound finds one with 5, so
// the figure does not force min{3N, K−2} = 7.)
func Example_fig3() {
	show(figure(9, map[int]int64{2: -1, 4: 2, 6: -1, 8: 2}))
	// Output:
	// K=9 N=4 J=[1 2 3 4 5 6 7 8 9] removed=0
	// paper m=8 pruned m=8 oriented m=7
	// g(x_i): 0 -1 0 2 0 -1 0 2 0
	// verified: true true
}

// Fig. 4: K = 14, T = {4, 7, 9, 14} with z_4 = z_7 = z_14 = 2, z_9 = −1 (read
// off the figure). P([K]∖T) is Example 1's partition; the gray points
// {2, 11, 12} are removed, |J| = 11, and the paper's network has
// K−1−3 = 10 neurons; the first chord (x_1 to x_3) is flat, so 9 remain.
func Example_fig4() {
	show(figure(14, map[int]int64{4: 2, 7: 2, 9: -1, 14: 2}))
	// Output:
	// K=14 N=4 J=[1 3 4 5 6 7 8 9 10 13 14] removed=3
	// paper m=10 pruned m=9 oriented m=9
	// g(x_i): 0 0 0 2 0 0 2 0 -1 0 0 0 0 2
	// verified: true true
}
