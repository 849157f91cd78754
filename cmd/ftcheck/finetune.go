package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ftcheck/ftcheck/finetune"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

func init() {
	register("finetune", "build the smallest verified side network g so that f+g fits new labels", runFinetune)
}

// candidates lists the constructions of each depth (a variable so that tests
// can plant a broken one).
var candidates = finetune.Candidates

func runFinetune(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("finetune", "-net f.json -data new.csv [-depth 2|3] [-out g.json]", stderr)
	netPath := fs.String("net", "", "frozen pre-trained network `file` f (JSON)")
	dataPath := fs.String("data", "", "data `file` (CSV x1,…,xd,y) with the wanted labels")
	depth := fs.Int("depth", 2, "layers of g: 2 (one hidden layer) or 3 (two)")
	out := fs.String("out", "g.json", "where to write g (JSON)")
	lim := limitFlags(fs, true)
	maxDataCost := dataCostFlag(fs)
	if help, err := parseFlags(fs, args, false); help || err != nil {
		return err
	}
	if *depth != 2 && *depth != 3 {
		return usageErr("finetune: -depth must be 2 or 3, got %d", *depth)
	}
	if err := checkLimits("finetune", lim); err != nil {
		return err
	}
	if err := checkOutput(*out); err != nil {
		return outputErr("finetune: -out", err)
	}
	f, err := readNetworkFile(*netPath, lim)
	if err != nil {
		return err
	}
	d, err := readDataFile(*dataPath, lim)
	if err != nil {
		return err
	}
	if err := wantLabel("finetune", *dataPath, d.Label, "y"); err != nil {
		return err
	}
	if err := checkDims(*netPath, f, *dataPath, d.Dim()); err != nil {
		return err
	}
	if err := checkGrowth(f, *netPath, *dataPath, d, lim); err != nil {
		return err
	}
	if err := checkDataCost(*dataPath, d, d.Y, "label y", *maxDataCost); err != nil {
		return err
	}
	in, err := instance.FromNetwork(f, d.X, d.Y)
	if err != nil {
		return fmt.Errorf("%s: %w", *dataPath, err)
	}
	if err := checkDataCost(*dataPath, d, in.Z, "target z = y − f(x)", *maxDataCost); err != nil {
		return err
	}
	best, err := finetune.Smallest(in, *depth, finetune.Options{Base: f, Y: d.Y, Candidates: candidates})
	if err != nil {
		return candidateErr(stderr, err)
	}
	reportFailures(stderr, finetune.Failures(best.Tried))
	if err := writeOutput(*out, best.Net.WriteJSON); err != nil {
		return outputErr("finetune: -out", err)
	}
	printCertificate(stdout, in, *depth, best, *out)
	return nil
}

// candidateErr turns the errors of finetune.Smallest into exit codes: no
// construction applies (bad input, exit 2), none verifies (exit 1, after
// naming each failure on stderr).
func candidateErr(stderr io.Writer, err error) error {
	var nc *finetune.NoCandidateError
	var nv *finetune.NotVerifiedError
	switch {
	case errors.As(err, &nc):
		return usageErr("%s", nc)
	case errors.As(err, &nv):
		reportFailures(stderr, finetune.Failures(nv.Tried))
		return failed("%s", nv)
	}
	return err
}

// reportFailures names each construction that failed verification: a bug in
// that construction, never used.
func reportFailures(stderr io.Writer, fails []finetune.Try) {
	for _, t := range fails {
		mm := t.Mismatch
		fmt.Fprintf(stderr, "ftcheck: construction %s failed verification at row %d (got %s, want %s); not used\n", t.Name, mm.Row, oracle.FormatRat(mm.Got), oracle.FormatRat(mm.Want))
	}
}

func printCertificate(w io.Writer, in *instance.Instance, depth int, b *finetune.Result, out string) {
	fmt.Fprintf(w, "K: %d\nN: %d\nd: %d\ndepth: %d\n", in.K(), in.N(), in.Dim(), depth)
	fmt.Fprintf(w, "construction: %s\nm: %d\n", b.Name, b.Neurons)
	fmt.Fprintf(w, "m-unpruned: %d\n", b.Unpruned)
	fmt.Fprintf(w, "widths: %s\n", intsString(b.Widths))
	fmt.Fprintf(w, "bound: %s\n", paperBound(depth, in.N(), in.K()))
	tried := make([]string, len(b.Tried))
	for i, t := range b.Tried {
		tried[i] = t.String()
	}
	fmt.Fprintf(w, "candidates: %s\n", strings.Join(tried, ", "))
	fmt.Fprintf(w, "weight-bits: %d\n", b.Net.BitSize())
	for _, n := range b.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	if in.N() == 0 {
		fmt.Fprintf(w, "note: f already fits every label (N = 0): g is the zero network\n")
	}
	fmt.Fprintf(w, "rows-checked: %d\nverified: exact\ng: %s\n", b.Cert.Rows, out)
}

func intsString(v []int) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = fmt.Sprint(x)
	}
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ",")
}
