package oracle_test

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/ftcheck/ftcheck/oracle"
)

// The network of INTERFACE.md, g(x) = 3σ(x1 − 2/3·x2) − σ(5·x2 + 1/2) − 7,
// read from JSON and evaluated exactly.
func ExampleNetwork_Eval() {
	g, err := oracle.ReadNetwork(strings.NewReader(`{"layers": [
	   {"W": [["1", "-2/3"], ["0", "5"]], "b": ["0", "1/2"]},
	   {"W": [["3", "-1"]], "b": ["-7"]}]}`), "g.json")
	if err != nil {
		panic(err)
	}
	// 3·σ(1 − 4/3) − σ(10 + 1/2) − 7 = 0 − 21/2 − 7 = −35/2.
	fmt.Println(oracle.FormatRat(g.Eval(oracle.Rats(1, 2))))
	// 3·σ(0.1) − σ(1/2) − 7 = 3/10 − 1/2 − 7 = −36/5.
	fmt.Println(oracle.FormatRat(g.Eval([]*big.Rat{oracle.MustRat("0.1"), oracle.MustRat("0")})))
	// Output:
	// -35/2
	// -36/5
}

// The same network on the line t ↦ (t, 0): 3σ(t) − 1/2 − 7 has one
// breakpoint, at t = 0, so two pieces.
func ExampleNetwork_Restrict() {
	g, _ := oracle.ReadNetwork(strings.NewReader(`{"layers": [
	   {"W": [["1", "-2/3"], ["0", "5"]], "b": ["0", "1/2"]},
	   {"W": [["3", "-1"]], "b": ["-7"]}]}`), "g.json")
	phi := g.Restrict(oracle.Rats(0, 0), oracle.Rats(1, 0))
	for _, b := range phi.Breakpoints() {
		fmt.Println("breakpoint:", oracle.FormatRat(b))
	}
	fmt.Println("pieces:", phi.Pieces())
	fmt.Println("φ(2) =", oracle.FormatRat(phi.Eval(oracle.MustRat("2"))))
	// Output:
	// breakpoint: 0
	// pieces: 2
	// φ(2) = -3/2
}
