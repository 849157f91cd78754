package construction_test

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// fig6 is the instance of Sohn et al. Fig. 6 and 7: K = 16 samples on a
// line, T = {7} with z_7 = 1/2.
func fig6() *instance.Instance {
	t := make([]*big.Rat, 16)
	z := make([]*big.Rat, 16)
	for i := range t {
		t[i], z[i] = big.NewRat(int64(i+1), 1), new(big.Rat)
	}
	z[6] = big.NewRat(1, 2)
	return instance.OnLine(t, z)
}

// outputs prints g(x_1..x_K) as the oracle evaluates them.
func outputs(net *oracle.Network, in *instance.Instance) string {
	var s []string
	for _, v := range oracle.NewEvaluator(net).EvalAll(in.X) {
		s = append(s, oracle.FormatRat(v))
	}
	return strings.Join(s, " ")
}

// ExampleU1 builds Fig. 6: the Yun et al. net on K = 16 samples, 4 hard-tanh
// windows and 4 hard-tanh rank units (8 + 8 ReLUs, m = 16 = 4√16), fitted to
// z = 0 except z_7 = 1/2.
func ExampleU1() {
	in := fig6()
	b, err := construction.U1(in)
	if err != nil {
		panic(err)
	}
	fmt.Println("widths", b.Net.Widths(), "m", b.Neurons)
	fmt.Println("g(x_i):", outputs(b.Net, in))
	// Output:
	// widths [8 8] m 16
	// g(x_i): 0 0 0 0 0 0 1/2 0 0 0 0 0 0 0 0 0
}

// ExampleU2 builds Fig. 7: layer 1 of U1 (8 ReLUs) and one bump σB for
// sample 7 (3 ReLUs): m = 11 = 2√16 + 3·1.
func ExampleU2() {
	in := fig6()
	b, err := construction.U2(in)
	if err != nil {
		panic(err)
	}
	fmt.Println("widths", b.Net.Widths(), "m", b.Neurons)
	fmt.Println("g(x_i):", outputs(b.Net, in))
	// Output:
	// widths [8 3] m 11
	// g(x_i): 0 0 0 0 0 0 1/2 0 0 0 0 0 0 0 0 0
}

// ExampleDeep stacks two 3-layer blocks into a 5-layer network (Prop. 6.1,
// L = 5, ⌊(L−1)/2⌋ = 2 parts of T = {2, 4, 9}), as in Fig. 8's instance
// K = 16, with targets −1, 3/4, 2 (outside [−1, 1]: U1 blocks rescale).
func ExampleDeep() {
	in := fig6()
	in.Z[6].SetInt64(0)
	in.Z[1], in.Z[3], in.Z[8] = big.NewRat(-1, 1), big.NewRat(3, 4), big.NewRat(2, 1)
	b, err := construction.Deep(in, 5)
	if err != nil {
		panic(err)
	}
	fmt.Println("depth", b.Net.Depth())
	fmt.Println("g(x_i):", outputs(b.Net, in))
	// Output:
	// depth 5
	// g(x_i): 0 -1 0 3/4 0 0 0 0 2 0 0 0 0 0 0 0
}
