package main

// ftcheck plot bounds: the paper's Fig. 5 (Cor. 5.2's regimes over K for a
// given m, with N*'s bounds) beside Cor. 4.2, and the exact bounds of Thm 4.1
// and 5.1 over N beside the constructions' verified neuron counts, as PNG and
// SVG.

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/ftcheck/ftcheck/experiment"
)

func init() {
	register("plot", "draw the paper's figures (bounds: Fig. 5 and Cor. 4.2)", runPlot)
}

const plotSynopsis = "usage: ftcheck plot bounds [-m M] [-K K] [-out DIR]"

func runPlot(stdout, stderr io.Writer, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(stderr, plotSynopsis)
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
			return nil
		}
		return usageErr("plot: name the figure (bounds)")
	}
	if args[0] != "bounds" {
		return usageErr("plot: unknown figure %q (only bounds)", args[0])
	}
	fs := newFlags("plot bounds", "[-m M] [-K K] [-out DIR]", stderr)
	m := fs.Int("m", 20, "hidden neurons m of the network whose N* is drawn (at least 1)")
	k := fs.Int("K", 200, "samples K of the instances the constructions are built and verified on (3..2000; 0: skip)")
	out := fs.String("out", ".", "directory for bounds.png/svg and constructions.png/svg")
	if help, err := parseFlags(fs, args[1:], false); help || err != nil {
		return err
	}
	if *m < 1 || *m > 100000 {
		return usageErr("plot bounds: -m must be between 1 and 100000, got %d", *m)
	}
	if *k != 0 && (*k < 3 || *k > 2000) { // before writing anything
		return usageErr("plot bounds: -K must be 0 or between 3 and 2000, got %d", *k)
	}
	if err := checkOutputDir(*out); err != nil {
		return outputErr("plot bounds: -out", err)
	}
	fig, err := experiment.BoundsPlot(*m)
	if err != nil {
		return err
	}
	if err := saveFigure(*out, "bounds", fig); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote: %s\nwrote: %s\n", filepath.Join(*out, "bounds.png"), filepath.Join(*out, "bounds.svg"))
	if *k == 0 {
		return nil
	}
	return plotConstructions(stdout, *out, *k)
}

// plotConstructions builds and verifies every construction on generated
// instances with K samples over a grid of N, and draws their neuron counts
// beside Thm 4.1's and Thm 5.1's bounds.
func plotConstructions(stdout io.Writer, dir string, k int) error {
	var ns []int
	for _, n := range []int{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000} {
		if n <= k/2 || n == 1 {
			ns = append(ns, n)
		}
	}
	cons := experiment.Constructions(k, ns, 1)
	for _, c := range cons {
		if !c.Verified {
			fmt.Fprintf(stdout, "not-verified: %s N=%d K=%d: %s\n", c.Name, c.N, c.K, c.Err)
		}
	}
	fig, err := experiment.Fig9Plot(k, nil, nil, cons)
	if err != nil {
		return err
	}
	if err := saveFigure(dir, "constructions", fig); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote: %s\nwrote: %s\n", filepath.Join(dir, "constructions.png"), filepath.Join(dir, "constructions.svg"))
	return nil
}

// saveFigure writes DIR/NAME.png and DIR/NAME.svg atomically.
func saveFigure(dir, name string, fig *experiment.Figure) error {
	for _, format := range []string{"png", "svg"} {
		path := filepath.Join(dir, name+"."+format)
		if err := writeOutput(path, func(w io.Writer) error { return fig.WriteTo(w, format) }); err != nil {
			return err
		}
	}
	return nil
}
