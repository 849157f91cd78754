package main

import (
	"fmt"
	"io"

	"github.com/ftcheck/ftcheck/lowerbound"
	"github.com/ftcheck/ftcheck/oracle"
)

func init() {
	register("witness", "print a lower-bound witness instance as data CSV (x1,z)", runWitness)
}

// defaultMaxWitnessK is the default of -max-K: a witness of a million rows
// is about 10 MB of CSV.
const defaultMaxWitnessK = 1000000

func runWitness(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("witness", "-claim T4.1-L|T5.1-L -N n -K k [-paper]", stderr)
	claim := fs.String("claim", "T4.1-L", "lower-bound claim `ID`: T4.1-L or T5.1-L")
	N := fs.Int("N", -1, "number of changed samples")
	K := fs.Int("K", -1, "number of samples")
	paper := fs.Bool("paper", false, "the paper's own witness exactly as written (only for K ≥ 3N+2 and K = 2N+1)")
	maxK := fs.Int("max-K", defaultMaxWitnessK, "limit: the largest `K` a witness may have")
	if help, err := parseFlags(fs, args, false); help || err != nil {
		return err
	}
	if *N < 0 || *K < 0 {
		return usageErr("witness: -N and -K are required and must be nonnegative")
	}
	if *K > *maxK {
		return &oracle.LimitError{Limit: "max-K", Max: *maxK, Got: *K,
			What: fmt.Sprintf("witness: -K must be between 3 and %d (and 0 ≤ -N ≤ -K), got", *maxK)}
	}
	w, err := lowerbound.Witness(*claim, *N, *K)
	if *paper && err == nil {
		w, err = lowerbound.PaperWitness(*N, *K)
	}
	if err != nil {
		return usageErr("%v", err)
	}
	d := &oracle.Data{X: w.X, Y: w.Z, Label: "z"}
	return d.WriteCSV(stdout)
}
