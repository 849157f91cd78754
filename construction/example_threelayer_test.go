package construction_test

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// line16 is the paper's K = 16 instance on a line, x_i = i, with the given
// nonzero targets (1-based index → z).
func line16(z map[int]*big.Rat) *instance.Instance {
	t, zs := make([]*big.Rat, 16), make([]*big.Rat, 16)
	for i := range t {
		t[i], zs[i] = big.NewRat(int64(i+1), 1), new(big.Rat)
		if v, ok := z[i+1]; ok {
			zs[i] = v
		}
	}
	return instance.OnLine(t, zs)
}

// printOutputs prints g(x_i) for every sample, exactly.
func printOutputs(in *instance.Instance, g *oracle.Network) {
	for i, x := range in.X {
		fmt.Printf(" %s", oracle.FormatRat(g.Eval(x)))
		if i == 7 {
			fmt.Println()
		}
	}
	fmt.Println()
}

// Appendix A, Fig. 10: K = 16, N = 2, T = {4, 7}. The paper gives no
// coordinates or targets; we take x_i = i, z_4 = 1/2, z_7 = −1.
//
// Expected by hand. The groups are s1 = {1,2,3}, s2 = {4}, s3 = {5,6},
// s4 = {7}, s5 = {8..16}. With ε = 1 (c_0 = 0, c_17 = 17) the window ends are
// the midpoints between groups: [1/2, 7/2], [7/2, 9/2], [9/2, 13/2],
// [13/2, 15/2], [15/2, 33/2], orientations +, −, +, −, +. The network has
// 2N+1 = 5 hard-tanh units (10 ReLUs) and one σT unit (2 ReLUs): 4N+4 = 12.
// It must output z_i: 1/2 at x_4, −1 at x_7 and 0 elsewhere.
func Example_appendixA() {
	in := line16(map[int]*big.Rat{4: big.NewRat(1, 2), 7: big.NewRat(-1, 1)})
	lo := oracle.Rats(1, 4, 5, 7, 8)
	hi := oracle.Rats(3, 4, 6, 7, 16)
	for j, w := range construction.GroupWindows(lo, hi, big.NewRat(1, 1)) {
		fmt.Printf("window %d: [%s, %s] sign %+d\n", j+1, oracle.FormatRat(w.L), oracle.FormatRat(w.R), w.Sign)
	}
	b, err := construction.AppendixA(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("neurons", b.Neurons, "widths", b.Widths)
	printOutputs(in, b.Net)
	// Output:
	// window 1: [1/2, 7/2] sign +1
	// window 2: [7/2, 9/2] sign -1
	// window 3: [9/2, 13/2] sign +1
	// window 4: [13/2, 15/2] sign -1
	// window 5: [15/2, 33/2] sign +1
	// neurons 12 widths [10 2]
	//  0 0 0 1/2 0 0 -1 0
	//  0 0 0 0 0 0 0 0
}

// Sec. 5.2, Fig. 8: K = 16, N = 3, T = {2, 4, 9}, with x_i = i and targets
// z_2 = 1/2, z_4 = −1/3, z_9 = 1 (the paper gives none).
//
// Expected by hand. J = T ∪ block end points of [16]∖T = {1}, {3}, {5..8},
// {10..16} is {1, 2, 3, 4, 5, 8, 9, 10, 16}, as the paper says; |J| = 9 gives
// 3 groups of 3: 3 hard-tanh units (6 ReLUs) and 3 σL units (12 ReLUs),
// 18 = 6√9 ≤ 6√(3N+2) = 6√11. It must output z_i on every sample.
func Example_u3() {
	in := line16(map[int]*big.Rat{2: big.NewRat(1, 2), 4: big.NewRat(-1, 3), 9: big.NewRat(1, 1)})
	J := construction.Kept(16, 1, []int{2, 4, 9})
	b, err := construction.U3(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("J", J, "neurons", b.Neurons, "widths", b.Widths)
	printOutputs(in, b.Net)
	// Output:
	// J [1 2 3 4 5 8 9 10 16] neurons 18 widths [6 12]
	//  0 1/2 0 -1/3 0 0 0 0
	//  1 0 0 0 0 0 0 0
}
