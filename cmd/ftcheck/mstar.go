package main

import (
	"fmt"
	"io"
	"math/big"
	"sort"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/lowerbound"
)

func init() {
	register("mstar", "certified intervals for the least number of neurons on 1-D data (x1,z)", runMstar)
}

// exactTwoLayerMaxR bounds the exact case analysis that decides R vs R+1
// for 2-layer nets (its cost grows like C(K−2+R, R)·4^R small LPs).
const exactTwoLayerMaxR = 4

func runMstar(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("mstar", "-data line.csv", stderr)
	dataPath := fs.String("data", "", "1-D data `file` (CSV x1,z): targets of g")
	if help, err := parseFlags(fs, args, false); help || err != nil {
		return err
	}
	d, err := readDataFile(*dataPath)
	if err != nil {
		return err
	}
	if d.Dim() != 1 {
		return usageErr("%s: mstar needs 1-D data (header x1,z), got %d input columns", *dataPath, d.Dim())
	}
	in := &instance.Instance{X: d.X, Z: d.Y}
	if err := in.Validate(); err != nil {
		return fmt.Errorf("%s: %w", *dataPath, err)
	}
	t := make([]*big.Rat, in.K())
	for i, x := range in.X {
		t[i] = x[0]
	}
	two, err := lowerbound.TwoLayerMin1D(t, in.Z)
	if err != nil {
		return fmt.Errorf("%s: %w", *dataPath, err)
	}
	if !two.Decided && two.Breaks <= exactTwoLayerMaxR {
		if exact, err := lowerbound.TwoLayerExact1D(t, in.Z, exactTwoLayerMaxR); err == nil {
			two = exact
		}
	}
	three, err := lowerbound.ThreeLayerMin1D(t, in.Z)
	if err != nil {
		return fmt.Errorf("%s: %w", *dataPath, err)
	}
	hi3, why3 := three.Hi, three.HiWhy
	if b, name := bestThreeLayer(in); b != nil && b.Neurons < hi3 {
		hi3, why3 = b.Neurons, name+" (verified)"
	}
	fmt.Fprintf(stdout, "K: %d\nN: %d\nmin-breakpoints: %d\n", in.K(), in.N(), two.Breaks)
	fmt.Fprintf(stdout, "2-layer m*: [%d, %d] (upper: %s)\n", two.Lo, two.Hi, two.HiWhy)
	fmt.Fprintf(stdout, "3-layer m*: [%d, %d] (upper: %s)\n", three.Lo, hi3, why3)
	fmt.Fprintf(stdout, "2-layer lower: %s\n3-layer lower: %s\n", two.LoWhy, three.LoWhy)
	if two.Lo == two.Hi {
		fmt.Fprintf(stdout, "2-layer m* exactly: %d\n", two.Lo)
	}
	if three.Lo == hi3 {
		fmt.Fprintf(stdout, "3-layer m* exactly: %d\n", hi3)
	}
	return nil
}

// bestThreeLayer builds the 3-layer constructions for in and returns the
// smallest one that the oracle verifies (verifying in order of size, so the
// large networks are built but never verified when a smaller one passes).
func bestThreeLayer(in *instance.Instance) (*construction.Built, string) {
	type option struct {
		name string
		b    *construction.Built
	}
	var opts []option
	for _, c := range candidates(3) {
		if b, err := c.build(in); err == nil {
			opts = append(opts, option{c.name, b})
		}
	}
	sort.SliceStable(opts, func(i, j int) bool { return opts[i].b.Neurons < opts[j].b.Neurons })
	for _, o := range opts {
		if _, err := in.Verify(o.b.Net); err == nil {
			return o.b, o.name
		}
	}
	return nil, ""
}
