package main

import (
	"fmt"
	"io"

	"github.com/ftcheck/ftcheck/finetune"
	"github.com/ftcheck/ftcheck/instance"
)

func init() {
	register("mstar", "certified intervals for the least number of neurons on 1-D data (x1,z)", runMstar)
}

func runMstar(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("mstar", "-data line.csv", stderr)
	dataPath := fs.String("data", "", "1-D data `file` (CSV x1,z): targets of g")
	lim := limitFlags(fs, false)
	maxDataCost := dataCostFlag(fs)
	if help, err := parseFlags(fs, args, false); help || err != nil {
		return err
	}
	if err := checkLimits("mstar", lim); err != nil {
		return err
	}
	d, err := readDataFile(*dataPath, lim)
	if err != nil {
		return err
	}
	if err := wantLabel("mstar", *dataPath, d.Label, "z"); err != nil {
		return err
	}
	if d.Dim() != 1 {
		return usageErr("%s: mstar needs 1-D data (header x1,z), got %d input columns", *dataPath, d.Dim())
	}
	if err := checkDataCost(*dataPath, d, d.Y, "target z", *maxDataCost); err != nil {
		return err
	}
	in := &instance.Instance{X: d.X, Z: d.Y}
	if err := in.Validate(); err != nil {
		return fmt.Errorf("%s: %w", *dataPath, err)
	}
	c, err := finetune.MStar1D(in, finetune.Options{Candidates: candidates})
	if err != nil {
		return fmt.Errorf("%s: %w", *dataPath, err)
	}
	reportFailures(stderr, finetune.Failures(c.Tried))
	two, three := c.Two, c.Three
	fmt.Fprintf(stdout, "K: %d\nN: %d\nmin-breakpoints: %d\n", in.K(), in.N(), c.Breaks)
	fmt.Fprintf(stdout, "2-layer m*: [%d, %d] (upper: %s)\n", two.Lo, two.Hi, two.HiWhy)
	fmt.Fprintf(stdout, "3-layer m*: [%d, %d] (upper: %s)\n", three.Lo, three.Hi, three.HiWhy)
	fmt.Fprintf(stdout, "2-layer lower: %s\n3-layer lower: %s\n", two.LoWhy, three.LoWhy)
	if two.Lo == two.Hi {
		fmt.Fprintf(stdout, "2-layer m* exactly: %d\n", two.Lo)
	}
	if three.Lo == three.Hi {
		fmt.Fprintf(stdout, "3-layer m* exactly: %d\n", three.Hi)
	}
	return nil
}
